#pragma once

#include "TeardownPlanner.h"

#include <QDialog>
#include <QPointer>

#include <memory>

namespace Ui {
class TeardownDialog;
}

namespace das {

class ConnectionTableModel;
class DeleteConnectionsDialog;
class HistoryStore;

// Tears a demo or a training class down: lists what this history created on one endpoint and project since a
// time and DAS still lists (TeardownPlanner; rows DAS no longer lists are marked deleted and counted), then
// deletes exactly those through a DeleteConnectionsDialog, which asks first. Connections the history only
// adopted, or that others created, are never part of it.
class TeardownDialog : public QDialog
{
    Q_OBJECT

public:
    // `history` may be null: then there is nothing to list.
    TeardownDialog(const ReadWorkflow::Services& services, HistoryStore* history, const QUrl& endpoint,
                   const QString& projectId, const CredentialChoice& credentials, QWidget* parent = nullptr);
    ~TeardownDialog() override;

    void setSince(const QDateTime& since); // default: start of today, local time
    // A delete ran (whatever its outcome).
    bool ran() const;
    // History rows changed: listing marked vanished connections deleted, or a delete deleted some.
    bool changedHistory() const { return m_changedHistory; }

public slots:
    void reject() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void list();
    void onPlanned(const TeardownPlanner::Outcome& outcome);
    void clearPlan();
    void confirmDelete();
    void onDeleteClosed();
    void showIntro();
    void showPlanSummary();
    void showMessage(const QString& text, bool error = false);

    std::unique_ptr<Ui::TeardownDialog> m_ui;
    ReadWorkflow::Services m_services;
    HistoryStore* m_history;
    QUrl m_endpoint;
    QString m_projectId;
    CredentialChoice m_credentials;
    TeardownPlanner* m_planner;
    ConnectionTableModel* m_model;
    QPointer<DeleteConnectionsDialog> m_deleteDialog;
    QList<TeardownPlanner::Item> m_plan;
    int m_alreadyGone = -1; // -1: nothing listed yet
    bool m_ran = false;
    bool m_changedHistory = false;
};

} // namespace das
