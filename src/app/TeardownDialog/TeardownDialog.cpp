#include "TeardownDialog.h"

#include "ConnectionTableModel.h"
#include "DeleteConnectionsDialog.h"
#include "HistoryStore.h"
#include "ui_TeardownDialog.h"

#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QStyle>

namespace das {

namespace {

// A planned row as DAS lists it; from the history row when DAS listed too many for the planner to find it
// (then it stays in the plan with an empty listing).
ConnectionInfo shownConnection(const TeardownPlanner::Item& item)
{
    if (!item.onDas.connectionId.isEmpty())
        return item.onDas;
    ConnectionInfo c;
    c.connectionId = item.row.connectionId;
    c.instanceId = item.row.instanceId;
    c.engineType = item.row.engineType;
    c.networkType = item.row.networkType;
    c.userName = item.row.username;
    c.databaseName = item.row.databaseName;
    c.port = item.row.port.toInt();
    c.remarks = item.row.remarks;
    c.createAt = item.row.createdAt;
    return c;
}

} // namespace

TeardownDialog::TeardownDialog(const ReadWorkflow::Services& services, HistoryStore* history,
                               const QUrl& endpoint, const QString& projectId,
                               const CredentialChoice& credentials, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::TeardownDialog>())
    , m_services(services)
    , m_history(history)
    , m_endpoint(endpoint)
    , m_projectId(projectId)
    , m_credentials(credentials)
    , m_planner(new TeardownPlanner(services, history, this))
    , m_model(new ConnectionTableModel(this))
{
    m_ui->setupUi(this);
    setStyleSheet(QStringLiteral("QLabel[role=\"error\"] { color: #b3261e; }"));
    m_ui->planTable->setModel(m_model);
    m_ui->planTable->verticalHeader()->hide();
    m_ui->planTable->horizontalHeader()->setStretchLastSection(true);
    // Every row is in the history by construction.
    m_ui->planTable->setColumnHidden(ConnectionTableModel::HistoryColumn, true);
    m_ui->listProgress->hide();
    m_ui->goneLabel->hide();
    m_ui->deleteButton->hide();
    m_ui->listButton->setDefault(true);
    m_ui->listButton->setEnabled(history != nullptr);
    setSince(QDateTime(QDate::currentDate(), QTime(0, 0)));

    connect(m_ui->listButton, &QPushButton::clicked, this, &TeardownDialog::list);
    connect(m_ui->deleteButton, &QPushButton::clicked, this, &TeardownDialog::confirmDelete);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &TeardownDialog::reject);
    // A plan belongs to the time it was listed for: a new time needs a new list before anything is deleted.
    connect(m_ui->sinceEdit, &QDateTimeEdit::dateTimeChanged, this, &TeardownDialog::clearPlan);
    connect(m_planner, &TeardownPlanner::finished, this, &TeardownDialog::onPlanned);
    connect(m_planner, &ReadWorkflow::resolvingCredentials, this,
            [this] { showMessage(tr("Reading the credentials from the OS keychain…")); });
    showIntro();
    if (!history)
        showMessage(tr("No history is open, so there is nothing to tear down."), true);
    resize(900, 520);
}

TeardownDialog::~TeardownDialog()
{
    m_planner->disconnect(this);
    m_planner->cancel();
}

void TeardownDialog::setSince(const QDateTime& since)
{
    m_ui->sinceEdit->setDateTime(since.toLocalTime());
}

bool TeardownDialog::ran() const
{
    return m_ran;
}

void TeardownDialog::list()
{
    if (!m_history || m_planner->isRunning() || m_deleteDialog)
        return;
    clearPlan();
    TeardownPlanner::Request request;
    request.endpoint = m_endpoint;
    request.projectId = m_projectId;
    request.credentials = m_credentials;
    request.since = m_ui->sinceEdit->dateTime().toUTC();
    m_ui->listButton->setEnabled(false);
    m_ui->listProgress->setRange(0, 0);
    m_ui->listProgress->show();
    showMessage(tr("Asking DAS which of the connections this history created are still there…"));
    if (!m_planner->start(request)) {
        m_ui->listButton->setEnabled(true);
        m_ui->listProgress->hide();
    }
}

void TeardownDialog::onPlanned(const TeardownPlanner::Outcome& outcome)
{
    m_ui->listButton->setEnabled(true);
    m_ui->listProgress->hide();
    if (!outcome.ok) {
        if (outcome.failure.outcome == CreateResult::Outcome::Cancelled)
            showMessage(tr("Listing was cancelled."));
        else
            showMessage(outcome.failure.explanation, true);
        return;
    }
    m_plan = outcome.toDelete;
    m_alreadyGone = int(outcome.alreadyGone.size());
    if (m_alreadyGone > 0)
        m_changedHistory = true;
    QList<ConnectionInfo> rows;
    for (const TeardownPlanner::Item& item : std::as_const(m_plan))
        rows.append(shownConnection(item));
    m_model->setConnections(rows);
    if (!rows.isEmpty())
        m_ui->planTable->resizeColumnsToContents();
    showPlanSummary();
}

void TeardownDialog::showPlanSummary()
{
    if (m_alreadyGone < 0)
        return;
    m_ui->goneLabel->setVisible(m_alreadyGone > 0);
    m_ui->goneLabel->setText(
        tr("%n connection(s) this history created are no longer on DAS; their history rows "
           "are now marked deleted.",
           nullptr, m_alreadyGone));
    const int count = int(m_plan.size());
    m_ui->deleteButton->setText(tr("&Delete %n connection(s)…", nullptr, count));
    m_ui->deleteButton->setVisible(count > 0);
    m_ui->deleteButton->setEnabled(count > 0);
    if (count == 0)
        showMessage(tr("DAS lists nothing this history created here since %1.")
                        .arg(QLocale().toString(m_ui->sinceEdit->dateTime(), QLocale::ShortFormat)));
    else
        showMessage(tr("%n connection(s) will be deleted.", nullptr, count));
}

void TeardownDialog::clearPlan()
{
    m_plan.clear();
    m_alreadyGone = -1;
    m_model->setConnections({});
    m_ui->goneLabel->hide();
    m_ui->deleteButton->hide();
}

void TeardownDialog::confirmDelete()
{
    if (m_plan.isEmpty() || m_deleteDialog)
        return;
    QList<DeleteConnectionsDialog::Item> items;
    for (const TeardownPlanner::Item& plan : std::as_const(m_plan)) {
        const ConnectionInfo c = shownConnection(plan);
        items.append({c.connectionId, c.instanceId, c.instanceName, c.userName, c.databaseName});
    }
    m_deleteDialog = new DeleteConnectionsDialog(m_services, m_history, m_endpoint, m_projectId,
                                                 m_credentials, items, this);
    m_deleteDialog->setObjectName(QStringLiteral("deleteConnectionsDialog"));
    m_deleteDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_deleteDialog, &QDialog::finished, this, &TeardownDialog::onDeleteClosed);
    m_deleteDialog->open();
}

void TeardownDialog::onDeleteClosed()
{
    if (!m_deleteDialog || !m_deleteDialog->ran())
        return;
    m_ran = true;
    const ConnectionDeleter::Outcome& outcome = m_deleteDialog->outcome();
    if (!outcome.deleted.isEmpty())
        m_changedHistory = true;
    clearPlan();
    QString text = tr("Deleted %n connection(s) on DAS.", nullptr, int(outcome.deleted.size()));
    if (!outcome.ok)
        text += QLatin1Char(' ') + tr("Some were not deleted; choose List to see what is left.");
    showMessage(text, !outcome.ok);
}

void TeardownDialog::showIntro()
{
    m_ui->introLabel->setText(
        tr("Deletes on DAS the connections this history created on %1 in project %2 since "
           "a time, for demos and training classes. Connections adopted into the history "
           "or created by others are left alone.")
            .arg(m_endpoint.toDisplayString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash), m_projectId));
}

void TeardownDialog::showMessage(const QString& text, bool error)
{
    m_ui->messageLabel->setText(text);
    m_ui->messageLabel->setProperty("role", error ? QStringLiteral("error") : QString());
    m_ui->messageLabel->style()->unpolish(m_ui->messageLabel);
    m_ui->messageLabel->style()->polish(m_ui->messageLabel);
}

void TeardownDialog::reject()
{
    m_planner->cancel();
    QDialog::reject();
}

void TeardownDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        showIntro();
        showPlanSummary();
    }
    QDialog::changeEvent(event);
}

} // namespace das
