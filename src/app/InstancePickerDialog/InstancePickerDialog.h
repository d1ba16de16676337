#pragma once

#include "InstanceCatalog.h"

#include <QDialog>
#include <QPointer>

#include <memory>

namespace Ui {
class InstancePickerDialog;
}

namespace das {

class InstanceFilterModel;
class InstanceTableModel;

// Lists the instances DAS knows so that one can be picked instead of pasted: a search box that filters as
// you type, a sortable table, progress while loading (cancellable), Refresh, and the create's explanation
// sentence when the read fails. Enter or a double-click picks; Esc closes. It only shows what the
// InstanceCatalog its opener gives it reports; the catalog keeps the session cache.
class InstancePickerDialog : public QDialog
{
    Q_OBJECT

public:
    // `catalog` is the opener's (parent it to the dialog to end it with the dialog); `request` says where and
    // with which credentials to ask. Loading starts when the dialog is shown.
    InstancePickerDialog(InstanceCatalog* catalog, const InstanceCatalog::Request& request,
                         QWidget* parent = nullptr);
    ~InstancePickerDialog() override;

    // Starts loading (again): from the session cache unless `refresh`.
    void load(bool refresh);
    void cancelLoading();
    bool isLoading() const;
    // The instance picked when the dialog was accepted.
    const InstanceInfo& picked() const { return m_picked; }
    InstanceFilterModel* filterModel() const { return m_filter; }

signals:
    void instancePicked(const das::InstanceInfo& instance);
    // The table shows a finished load (ok or not).
    void loaded(bool ok);

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onProgress(int loaded, int expected, const QString& datastoreType);
    void onFinished(const InstanceCatalog::Outcome& outcome);
    void onFilterChanged(const QString& text);
    void pick(const QModelIndex& index);
    void setBusy(bool busy);
    void showMessage(const QString& text, bool error = false);
    void showCount();

    std::unique_ptr<Ui::InstancePickerDialog> m_ui;
    QPointer<InstanceCatalog> m_catalog;
    InstanceCatalog::Request m_request;
    InstanceTableModel* m_model;
    InstanceFilterModel* m_filter;
    InstanceInfo m_picked;
    bool m_started = false;
    bool m_truncated = false;
    bool m_sized = false;
};

} // namespace das
