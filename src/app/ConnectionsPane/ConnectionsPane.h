#pragma once

#include "ConnectionList.h"

#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QWidget>

#include <memory>

class QAction;

namespace Ui {
class ConnectionsPane;
}

namespace das {

class ConnectionTableModel;
class DeleteConnectionsDialog;
class HistoryStore;
class TeardownDialog;

// The On DAS tab: the connections DAS holds for the target's project, a page at a time (ListConnections,
// PageSize a page), filtered by DAS (a keyword sent as `condition`, an instance ID). Rows the local history
// holds are marked, rows whose instance is gone say so. From here a selection can be adopted into the
// history, deleted on DAS (DeleteConnectionsDialog asks first), or what this history created since a time
// torn down (TeardownDialog). Nothing loads until refresh(); a new target cancels a list under way.
class ConnectionsPane : public QWidget
{
    Q_OBJECT

public:
    struct Target
    {
        QUrl endpoint;
        QString region;
        QString projectId;
        CredentialChoice credentials;
    };

    static constexpr int PageSize = 100;

    explicit ConnectionsPane(QWidget* parent = nullptr);
    ~ConnectionsPane() override;

    // `history` may be null: then nothing can be adopted or torn down. Not owned; both must outlive the pane.
    void setServices(const ReadWorkflow::Services& services, HistoryStore* history);
    void setTarget(const Target& target); // remembered; does not load
    void refresh();                       // loads the current page for the target (no-op without a target)
    bool isLoading() const;
    // Re-reads which connection IDs the history holds (the In history column), without asking DAS: for
    // after the history changed elsewhere.
    void updateHistoryMarks();

    ConnectionTableModel* model() const { return m_model; }

signals:
    void historyChanged();                   // after Adopt or Delete changed history rows
    void statusMessage(const QString& text); // one line for the status bar
    // A list finished and the table shows it (ok or not); not after a cancel.
    void loaded(bool ok);

protected:
    void changeEvent(QEvent* event) override;

private:
    bool hasTarget() const;
    void load();
    void cancelLoading();
    void onFinished(const ConnectionList::Outcome& outcome);
    void goToPage(int page);
    void clearTable(const QString& emptyText);
    QList<int> selectedRows() const;
    void adoptSelected();
    void deleteSelected();
    void openTeardown();
    void onDeleteClosed();
    void onTeardownClosed();
    void showContextMenu(const QPoint& position);
    void updateActions();
    void updatePaging();
    void setBusy(bool busy);
    void showMessage(const QString& text, bool error = false);
    void retranslate();

    std::unique_ptr<Ui::ConnectionsPane> m_ui;
    ConnectionTableModel* m_model;
    ReadWorkflow::Services m_services;
    HistoryStore* m_history = nullptr;
    ConnectionList* m_list = nullptr;
    Target m_target;
    bool m_hasTarget = false;
    QString m_condition; // the filters of the page shown
    QString m_instanceFilter;
    int m_page = 0;  // 0-based
    int m_total = 0; // DAS's total_record for the filters
    bool m_listedOnce = false;
    bool m_sized = false;
    bool m_cancelling = false; // a cancel we asked for: its finished() is not news
    QTimer m_filterPause;
    QAction* m_refreshAction;
    QAction* m_adoptAction;
    QAction* m_deleteAction;
    QAction* m_teardownAction;
    QPointer<DeleteConnectionsDialog> m_deleteDialog;
    QPointer<TeardownDialog> m_teardownDialog;
};

} // namespace das
