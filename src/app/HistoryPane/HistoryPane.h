#pragma once

#include "HistoryRecord.h"

#include <QList>
#include <QWidget>

#include <functional>
#include <memory>

class QAction;
class QLabel;
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
class HistoryWatcher;

// The history of created connections beside the form: filter, sort, copy IDs, reuse a row as a template,
// delete rows, ask for their connections to be deleted on DAS, and export. Rows whose connection does not
// exist (deleted, not created) are drawn in the disabled text colour. Sorting and filtering run in SQLite so
// that they cover every row, not only the loaded ones. The columns are chosen from the header's context menu
// or the Columns button; an empty history or filter says so in the table; rows another process (the CLI)
// adds or changes show up by themselves while the pane is on screen in the active window.
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
    // Re-reads the store, keeping the selected rows selected and the view where it was.
    void reload();

    // Header layout: column widths, order, sort, and which columns are shown.
    void saveState(AppSettings& settings) const;
    void restoreState(const AppSettings& settings);

    // The column chooser (header context menu and Columns button): one checkable action per column, the
    // action's data its HistoryColumn::Column, then "Restore default columns".
    QMenu* columnsMenu() const { return m_columnsMenu; }
    void setColumnShown(int column, bool shown);
    // The text shown over the table when it has no rows; empty while it has some.
    QString emptyStateText() const;
    // Until the window has opened its history (after its first paint), the empty table says it is loading.
    void setLoading(bool loading);
    // Polls for other processes' changes while the pane is visible in the active window.
    HistoryWatcher* watcher() const { return m_watcher; }

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
    bool event(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    // HistoryPaneTable.cpp: the table's columns, chooser, empty state and live refresh.
    void setUpTable();
    void createColumnActions();
    void applyDefaultColumns();
    void updateColumnActions();
    void fitColumnsButton();
    void showHeaderMenu(const QPoint& pos);
    void updateEmptyState();
    void updateWatcher();
    // The filter's clear button, set up after the table's first paint, or when text is put in the filter.
    void enableClearButton();
    // A row to find again after a reload: its record and the row it was at (it is looked for near there).
    struct KeptRow
    {
        qint64 id = 0;
        int row = -1;
    };
    void restoreSelection(const QList<KeptRow>& selected, KeptRow current, KeptRow top);
    qint64 idAt(const QModelIndex& proxyIndex) const;

    // HistoryPane.cpp

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
    QAction* m_findAction = nullptr;
    QAction* m_deleteAction = nullptr;
    QAction* m_deleteOnDasAction = nullptr;
    QAction* m_exportSelectedCsvAction = nullptr;
    QAction* m_exportSelectedJsonAction = nullptr;
    QAction* m_exportAllCsvAction = nullptr;
    QAction* m_exportAllJsonAction = nullptr;
    QMenu* m_exportMenu = nullptr;
    QMenu* m_columnsMenu = nullptr;
    QList<QAction*> m_columnActions; // indexed by HistoryColumn::Column
    QAction* m_defaultColumnsAction = nullptr;
    QLabel* m_emptyLabel = nullptr;
    bool m_loading = false;
    HistoryWatcher* m_watcher = nullptr;
    QString m_lastExportDir;
    std::function<bool(int)> m_confirmDelete;
};

} // namespace das
