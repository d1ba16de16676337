#pragma once

#include "ConnectionsPane.h"
#include "HistoryRecord.h"
#include "ReadWorkflow.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>

class QAction;
class QTabWidget;
class QTimer;
class QWidget;

namespace das {

class BatchDialog;
class HistoryPane;
class HistoryReconciliation;
class HistoryStore;
class SecretStore;

// The window's actions on connections that exist on DAS, for the form's target (the endpoint, project and
// credentials a create would use): the On DAS tab is built and loaded when first shown, then follows that
// target; "Delete on
// DAS…" from the history opens the DeleteConnectionsDialog; "Tear down demo connections…" opens the
// TeardownDialog; "Batch onboarding…" opens the BatchDialog; and the history's pending and unknown rows of
// the target are resolved in the background (HistoryReconciliation), once a run, never while a create runs.
// Not a widget.
class ConnectionActions : public QObject
{
    Q_OBJECT

public:
    struct Context
    {
        ConnectionsPane::Target target;
        QString problem; // why DAS cannot be asked for this target (bad endpoint or project, no credentials)
    };
    using ContextSource = std::function<Context()>;
    // Makes the On DAS pane (the window builds it when the tab is first shown or the pane first needed).
    using PaneFactory = std::function<ConnectionsPane*()>;

    // How long the form must stay still before its target is used: typing a project ID is not a target.
    static constexpr int SettleMs = 400;

    ConnectionActions(const ReadWorkflow::Services& services, ContextSource context, PaneFactory makePane,
                      QWidget* window);
    ~ConnectionActions() override;

    // The context of `target`, with the first reason it cannot be used: `targetError` (the form's), a
    // project ID that is not one, or credentials that are not available.
    static Context contextFor(const ConnectionsPane::Target& target, const QString& targetError);

    // The window's side: the pane is loaded when `panePage` of `tabs` is first shown; the history's "Delete
    // on DAS…" (its context menu, and `menuDelete` while the history is the tab shown) comes here.
    void attach(QTabWidget* tabs, QWidget* panePage, HistoryPane* history, QAction* menuDelete);

    // The pane, made and wired on the first call; isPaneBuilt() says whether that happened.
    ConnectionsPane* pane();
    bool isPaneBuilt() const { return m_pane != nullptr; }

    void setHistory(HistoryStore* history);
    // The keychain a batch saves passwords to and looks saved ones up in; not owned.
    void setSecrets(SecretStore* secrets) { m_secrets = secrets; }
    // The form's target or credentials may have changed.
    void targetChanged();
    // A create writes its own rows: the background reconciliation waits for it.
    void setCreateRunning(bool running);
    // The On DAS tab became visible.
    void paneShown();
    // Rows of the history to delete on DAS: those created on the current target; the others are skipped
    // with a note.
    void deleteOnDas(const QList<HistoryRecord>& rows);
    void tearDown();
    // File → Batch onboarding…: the BatchDialog for the form's target (`sandboxTarget`: the built-in
    // sandbox, whose training file it offers). Its creates land in the history as they happen.
    void openBatch(bool sandboxTarget);
    // Stops the background reconciliation (the window closes).
    void cancel();
    bool isReconciling() const;

signals:
    // Rows of the history changed.
    void historyChanged();
    void statusMessage(const QString& text, int timeoutMs);
    // A message worded here, as the function that words it, so the window can re-word it after a language
    // switch (StatusLine).
    void statusRendered(const std::function<QString()>& render, int timeoutMs);

private:
    static QString keyOf(const ConnectionsPane::Target& target);
    void renewReconciliation();
    void settle();
    void refreshPane(const Context& context);
    void maybeReconcile(const Context& context);
    void onReconciled();
    void afterDialog(bool ran);

    ReadWorkflow::Services m_services;
    ContextSource m_context;
    PaneFactory m_makePane;
    ConnectionsPane* m_pane = nullptr; // built when first shown or needed (start-up time)
    QWidget* m_window;
    HistoryStore* m_history = nullptr;
    SecretStore* m_secrets = nullptr;
    QPointer<BatchDialog> m_batchDialog;
    HistoryReconciliation* m_reconciliation = nullptr;
    QTimer* m_settle;
    QString m_paneKey;          // the target the pane was given
    QString m_loadedKey;        // the target the pane last loaded
    QDateTime m_startedAt;      // rows written before this are earlier runs'
    QSet<QString> m_reconciled; // targets whose unresolved rows were looked at in this run
    bool m_createRunning = false;
};

} // namespace das
