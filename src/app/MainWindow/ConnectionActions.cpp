#include "ConnectionActions.h"

#include "AppLog.h"
#include "BatchDialog.h"
#include "DeleteConnectionsDialog.h"
#include "HistoryPane.h"
#include "HistoryStore.h"
#include "OutcomeReconciler.h"
#include "RequestValidator.h"
#include "TeardownDialog.h"

#include <QAction>
#include <QMessageBox>
#include <QTabWidget>
#include <QTimer>
#include <QWidget>

#include <algorithm>

namespace das {

ConnectionActions::ConnectionActions(const ReadWorkflow::Services& services, ContextSource context,
                                     PaneFactory makePane, QWidget* window)
    : QObject(window)
    , m_services(services)
    , m_context(std::move(context))
    , m_makePane(std::move(makePane))
    , m_window(window)
    , m_settle(new QTimer(this))
    , m_startedAt(QDateTime::currentDateTimeUtc())
{
    m_settle->setObjectName(QStringLiteral("settleTimer"));
    m_settle->setSingleShot(true);
    m_settle->setInterval(SettleMs);
    connect(m_settle, &QTimer::timeout, this, &ConnectionActions::settle);
    renewReconciliation();
}

ConnectionsPane* ConnectionActions::pane()
{
    if (m_pane)
        return m_pane;
    m_pane = m_makePane();
    m_pane->setServices(m_services, m_history);
    connect(m_pane, &ConnectionsPane::historyChanged, this, &ConnectionActions::historyChanged);
    connect(m_pane, &ConnectionsPane::statusMessage, this,
            [this](const QString& text) { emit statusMessage(text, 6000); });
    // What targetChanged() would have told it, had it been there.
    const Context context = m_context();
    m_paneKey = keyOf(context.target);
    m_pane->setTarget(context.target);
    return m_pane;
}

ConnectionActions::~ConnectionActions()
{
    // Nothing may reach the window from here on.
    m_reconciliation->disconnect(this);
    m_reconciliation->cancel();
}

ConnectionActions::Context ConnectionActions::contextFor(const ConnectionsPane::Target& target,
                                                         const QString& targetError)
{
    Context context{target, targetError};
    if (!context.problem.isEmpty())
        return context;
    const Violations project = RequestValidator::validateProjectId(target.projectId);
    if (!project.isEmpty())
        context.problem = project.constFirst().message;
    else if (!target.credentials.isAvailable())
        context.problem = target.credentials.error;
    return context;
}

void ConnectionActions::attach(QTabWidget* tabs, QWidget* panePage, HistoryPane* history, QAction* menuDelete)
{
    connect(history, &HistoryPane::deleteOnDasRequested, this, &ConnectionActions::deleteOnDas);
    connect(menuDelete, &QAction::triggered, history, &HistoryPane::deleteSelectedOnDas);
    // The menu's delete is about the history's selection: only while that is on screen.
    auto updateDelete = [tabs, history, menuDelete] {
        menuDelete->setEnabled(history->deleteOnDasAction()->isEnabled() && tabs->currentWidget() == history);
    };
    connect(history->deleteOnDasAction(), &QAction::changed, menuDelete, updateDelete);
    connect(tabs, &QTabWidget::currentChanged, this, [this, tabs, panePage, updateDelete](int index) {
        updateDelete();
        if (tabs->widget(index) != panePage)
            return;
        pane(); // built before the page is painted: never an empty page
        paneShown();
    });
    updateDelete();
}

void ConnectionActions::renewReconciliation()
{
    if (m_reconciliation) {
        // A cancelled run's ending is of no interest: it is dropped unheard.
        m_reconciliation->disconnect(this);
        m_reconciliation->cancel();
        m_reconciliation->deleteLater();
    }
    m_reconciliation = new HistoryReconciliation(m_services, m_history, this);
    connect(m_reconciliation, &HistoryReconciliation::finished, this, &ConnectionActions::onReconciled);
}

void ConnectionActions::setHistory(HistoryStore* history)
{
    m_history = history;
    renewReconciliation();
    if (m_pane)
        m_pane->setServices(m_services, history);
    m_reconciled.clear();
    m_settle->start();
}

QString ConnectionActions::keyOf(const ConnectionsPane::Target& target)
{
    // Tells targets apart without holding a secret: the description masks the access key.
    const CredentialChoice& c = target.credentials;
    return QStringList{target.endpoint.toString(),     target.region, target.projectId,
                       QString::number(int(c.source)), c.profile,     c.description}
        .join(u'\n');
}

void ConnectionActions::targetChanged()
{
    const Context context = m_context();
    const QString key = keyOf(context.target);
    if (m_pane && key != m_paneKey) {
        m_paneKey = key;
        m_pane->setTarget(context.target);
    }
    m_settle->start();
}

void ConnectionActions::setCreateRunning(bool running)
{
    m_createRunning = running;
    if (!running)
        m_settle->start(); // a reconciliation held back may run now
}

void ConnectionActions::paneShown()
{
    const Context context = m_context();
    if (keyOf(context.target) != m_loadedKey)
        refreshPane(context);
}

void ConnectionActions::settle()
{
    const Context context = m_context();
    if (m_pane && m_pane->isVisible() && context.problem.isEmpty() && keyOf(context.target) != m_loadedKey)
        refreshPane(context);
    maybeReconcile(context);
}

void ConnectionActions::refreshPane(const Context& context)
{
    pane()->setTarget(context.target);
    m_paneKey = m_loadedKey = keyOf(context.target);
    m_pane->refresh();
}

void ConnectionActions::maybeReconcile(const Context& context)
{
    if (!m_history || !m_history->isOpen() || m_createRunning || m_reconciliation->isRunning() ||
        !context.problem.isEmpty())
        return;
    const QString key = keyOf(context.target);
    if (m_reconciled.contains(key))
        return;
    m_reconciled.insert(key); // once a run
    const QString endpoint = context.target.endpoint.toString();
    const QList<HistoryRecord> unresolved = m_history->unresolved();
    // Earlier runs' rows only: a create of this run has just said what it knows about its own.
    const int count = int(std::count_if(unresolved.begin(), unresolved.end(), [&](const HistoryRecord& row) {
        return row.endpoint == endpoint && row.projectId == context.target.projectId &&
               row.createdAt < m_startedAt;
    }));
    if (count == 0)
        return;
    qCDebug(lcApp) << "resolving" << count << "earlier creates on" << context.target.endpoint.host();
    HistoryReconciliation::Request request;
    request.endpoint = context.target.endpoint;
    request.projectId = context.target.projectId;
    request.credentials = context.target.credentials;
    if (m_reconciliation->start(request))
        emit statusRendered(
            [count] {
                return count == 1 ? tr("Asking DAS about 1 earlier create…")
                                  : tr("Asking DAS about %1 earlier creates…").arg(count);
            },
            0);
}

void ConnectionActions::onReconciled()
{
    const HistoryReconciliation::Outcome& outcome = m_reconciliation->outcome();
    emit historyChanged();
    if (outcome.stopped || outcome.credentialsUnavailable) {
        emit statusMessage(
            tr("Could not resolve earlier creates against DAS: %1").arg(outcome.failure.explanation), 10000);
        return;
    }
    int resolved = 0;
    int ambiguous = 0;
    for (const HistoryReconciliation::RowResult& row : outcome.rows) {
        if (!row.outcome.ok)
            continue;
        if (row.outcome.verdict == OutcomeReconciler::Verdict::Ambiguous)
            ++ambiguous;
        else
            ++resolved;
    }
    emit statusRendered(
        [resolved, ambiguous] {
            QStringList text;
            if (resolved > 0 || ambiguous == 0)
                text << (resolved == 1 ? tr("Resolved 1 earlier create against DAS.")
                                       : tr("Resolved %1 earlier creates against DAS.").arg(resolved));
            if (ambiguous > 0)
                text << (ambiguous == 1
                             ? tr("1 earlier create left unknown: several connections on DAS match.")
                             : tr("%1 earlier creates left unknown: several connections on DAS match.")
                                   .arg(ambiguous));
            return text.join(u' ');
        },
        10000);
}

void ConnectionActions::deleteOnDas(const QList<HistoryRecord>& rows)
{
    const Context context = m_context();
    const QString endpoint = context.target.endpoint.toString();
    QList<DeleteConnectionsDialog::Item> items;
    QSet<QString> seen;
    int notOnDas = 0;
    int otherTarget = 0;
    for (const HistoryRecord& row : rows) {
        if (row.state != HistoryRecord::State::Created || row.connectionId.isEmpty())
            ++notOnDas;
        // Only where the form points: the current credentials are never sent to another row's endpoint.
        else if (row.endpoint != endpoint || row.projectId != context.target.projectId)
            ++otherTarget;
        else if (!seen.contains(row.connectionId)) {
            seen.insert(row.connectionId);
            items.append({row.connectionId, row.instanceId, QString(), row.username, row.databaseName});
        }
    }
    const auto skipped = [notOnDas, otherTarget] {
        QStringList notes;
        if (notOnDas > 0)
            notes << (notOnDas == 1
                          ? tr("1 selected row holds no connection that exists on DAS.")
                          : tr("%1 selected rows hold no connection that exists on DAS.").arg(notOnDas));
        if (otherTarget > 0)
            notes << (otherTarget == 1
                          ? tr("1 selected row is of another endpoint or project: choose that target "
                               "in the form to delete its connection.")
                          : tr("%1 selected rows are of another endpoint or project: choose that "
                               "target in the form to delete their connections.")
                                .arg(otherTarget));
        return notes;
    };
    const QStringList notes = skipped();
    const QString problem = !items.isEmpty() ? context.problem : QString();
    if (items.isEmpty() || !problem.isEmpty()) {
        QMessageBox::information(m_window, tr("Delete on DAS"),
                                 items.isEmpty() ? tr("Nothing to delete on DAS.") + u'\n' + notes.join(u'\n')
                                                 : problem);
        return;
    }
    if (!notes.isEmpty())
        emit statusRendered([skipped] { return tr("Skipped: %1").arg(skipped().join(u' ')); }, 10000);
    auto* dialog =
        new DeleteConnectionsDialog(m_services, m_history, context.target.endpoint, context.target.projectId,
                                    context.target.credentials, items, m_window);
    dialog->setObjectName(QStringLiteral("deleteConnectionsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog] { afterDialog(dialog->ran()); });
    dialog->open();
}

void ConnectionActions::tearDown()
{
    const Context context = m_context();
    if (!context.problem.isEmpty()) {
        QMessageBox::information(m_window, tr("Tear down demo connections"), context.problem);
        return;
    }
    auto* dialog = new TeardownDialog(m_services, m_history, context.target.endpoint,
                                      context.target.projectId, context.target.credentials, m_window);
    dialog->setObjectName(QStringLiteral("teardownDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog] { afterDialog(dialog->ran()); });
    dialog->open();
}

void ConnectionActions::openBatch(bool sandboxTarget)
{
    if (m_batchDialog) {
        m_batchDialog->raise();
        m_batchDialog->activateWindow();
        return;
    }
    // A target DAS cannot be asked about still lets a file be read and checked: the dialog says why it
    // cannot plan.
    const Context context = m_context();
    const BatchDialog::Target target{context.target.endpoint,  context.target.region,
                                     context.target.projectId, context.target.credentials,
                                     context.problem,          sandboxTarget};
    auto* dialog =
        new BatchDialog({m_services.client, m_history, m_secrets, m_services.profiles}, target, m_window);
    dialog->setObjectName(QStringLiteral("batchDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BatchDialog::historyChanged, this, &ConnectionActions::historyChanged);
    connect(dialog, &QDialog::finished, this, [this, dialog] { afterDialog(dialog->ran()); });
    m_batchDialog = dialog;
    dialog->open();
}

void ConnectionActions::afterDialog(bool ran)
{
    if (!ran)
        return;
    emit historyChanged();
    // The pane's list no longer holds; it is loaded again when next shown.
    m_loadedKey.clear();
    if (m_pane && m_pane->isVisible())
        paneShown();
}

void ConnectionActions::cancel()
{
    m_settle->stop();
    if (m_reconciliation->isRunning())
        renewReconciliation();
}

bool ConnectionActions::isReconciling() const
{
    return m_reconciliation->isRunning();
}

} // namespace das
