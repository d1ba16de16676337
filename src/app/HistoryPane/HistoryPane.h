#pragma once

#include "HistoryRecord.h"

#include <QList>
#include <QWidget>

#include <functional>
#include <memory>

class QAction;
class QMenu;
class QSettings;
class QTableView;
class QTimer;

namespace Ui {
class HistoryPane;
}

namespace das {

class AppSettings;
class HistoryProxyModel;
class HistoryStore;
class HistoryTableModel;

// The history of created connections beside the form: filter, sort, copy IDs, reuse a row as a template,
// delete rows, ask for their connections to be deleted on DAS, and export. Rows whose connection does not
// exist (deleted, not created) are drawn in the disabled text colour. Sorting and filtering run in SQLite so
// that they cover every row, not only the loaded ones.
class HistoryPane : public QWidget
{
    Q_OBJECT

public:
    enum class Format
    {
        Csv,
        Json
    };
    Q_ENUM(Format)
    // Selected: the selected rows. All: every row matching the current filter, loaded or not.
    enum class Scope
    {
        Selected,
        All
    };
    Q_ENUM(Scope)

    explicit HistoryPane(QWidget* parent = nullptr);
    ~HistoryPane() override;

    // Not owned; reloads.
    void setStore(das::HistoryStore* store);
    void reload();

    // Header layout: column widths, order and sort.
    void saveState(AppSettings& settings) const;
    void restoreState(const AppSettings& settings);

    QTableView* table() const;
    HistoryTableModel* model() const { return m_model; }
    HistoryProxyModel* proxy() const { return m_proxy; }

    // Records of the selected rows, top to bottom.
    QList<HistoryRecord> selectedRecords() const;
    // The row's connection exists on DAS as far as the history knows: created, with an ID.
    static bool existsOnDas(const HistoryRecord& record)
    {
        return record.state == HistoryRecord::State::Created && !record.connectionId.isEmpty();
    }
    // "Delete on DAS…" of the context menu, enabled while a selected row exists on DAS; the window offers it
    // in its menu too (the button row has no room left for it beside the form at 1024 pixels).
    QAction* deleteOnDasAction() const { return m_deleteOnDasAction; }

    // Asked before deleting, with the number of rows; true deletes. The default asks with a message box.
    void setDeleteConfirmation(std::function<bool(int count)> confirm);

    // Writes atomically with mode 0600. The export menu asks for the path and calls this.
    bool exportTo(const QString& path, Format format, Scope scope, QString* error);

public slots:
    void copySelectedIds();
    void useSelectedAsTemplate();
    void deleteSelected();
    // Asks for the selected rows' connections to be deleted on DAS (deleteOnDasRequested).
    void deleteSelectedOnDas();

signals:
    void useAsTemplate(const das::HistoryRecord& record);
    // The selected rows, for the window to delete their connections on DAS; it decides which can be.
    void deleteOnDasRequested(const QList<das::HistoryRecord>& records);
    void statusMessage(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void setUpTable();
    void createActions();
    void connectActions();
    void connectUpdates();
    QList<int> selectedSourceRows() const;
    void applyFilterNow();
    void exportWithDialog(Format format, Scope scope);
    void showContextMenu(const QPoint& pos);
    void keepSortIndicatorOnSortableColumn();
    void setDefaultColumnWidths();
    void retranslate();
    void updateActions();
    void updateCountLabel();
    bool confirmDeleteWithMessageBox(int count);

    std::unique_ptr<Ui::HistoryPane> m_ui;
    HistoryTableModel* m_model = nullptr;
    HistoryProxyModel* m_proxy = nullptr;
    QTimer* m_filterTimer = nullptr;
    QAction* m_copyAction = nullptr;
    QAction* m_templateAction = nullptr;
    QAction* m_deleteAction = nullptr;
    QAction* m_deleteOnDasAction = nullptr;
    QAction* m_exportSelectedCsvAction = nullptr;
    QAction* m_exportSelectedJsonAction = nullptr;
    QAction* m_exportAllCsvAction = nullptr;
    QAction* m_exportAllJsonAction = nullptr;
    QMenu* m_exportMenu = nullptr;
    QString m_lastExportDir;
    std::function<bool(int)> m_confirmDelete;
};

} // namespace das
