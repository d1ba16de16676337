#pragma once

#include "ConnectionDeleter.h"

#include <QDialog>
#include <QList>

#include <memory>

namespace Ui {
class DeleteConnectionsDialog;
}

namespace das {

class HistoryStore;

// Asks before deleting connections on DAS: how many, on which instances, and the list (user@database on
// instance, ID). Cancel is the default button, so Enter never deletes; Delete runs a ConnectionDeleter with
// progress (which also marks the history rows deleted), then the dialog says what was deleted, what is
// uncertain and what was not sent, and offers Close. It never asks DAS to delete everything: the core
// cannot.
class DeleteConnectionsDialog : public QDialog
{
    Q_OBJECT

public:
    struct Item
    {
        QString connectionId;
        QString instanceId;
        QString instanceName;
        QString userName;
        QString databaseName;
    };

    // `history` may be null: then only DAS is changed.
    DeleteConnectionsDialog(const ReadWorkflow::Services& services, HistoryStore* history,
                            const QUrl& endpoint, const QString& projectId,
                            const CredentialChoice& credentials, const QList<Item>& items,
                            QWidget* parent = nullptr);
    ~DeleteConnectionsDialog() override;

    const ConnectionDeleter::Outcome& outcome() const; // after it ran
    bool ran() const;

    // The confirmation's question: "Delete 3 connection(s) on DAS from 2 instance(s): a, b?".
    static QString question(const QList<Item>& items);

public slots:
    // Esc and the window's close button do nothing while the delete runs: its outcome must be seen.
    void reject() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void showItems();
    void startDelete();
    void onProgress(int done, int total);
    void onFinished(const ConnectionDeleter::Outcome& outcome);
    void showResult(const ConnectionDeleter::Outcome& outcome);
    void showMessage(const QString& text, bool error = false);

    std::unique_ptr<Ui::DeleteConnectionsDialog> m_ui;
    ConnectionDeleter* m_deleter;
    ConnectionDeleter::Request m_request;
    QList<Item> m_items;
    bool m_ran = false;
};

} // namespace das
