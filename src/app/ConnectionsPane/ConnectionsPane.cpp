#include "ConnectionsPane.h"

#include "ConnectionTableModel.h"
#include "DeleteConnectionsDialog.h"
#include "HistoryStore.h"
#include "TeardownDialog.h"
#include "ui_ConnectionsPane.h"

#include <QAction>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QMenu>
#include <QPalette>
#include <QStyle>

#include <algorithm>

namespace das {

namespace {

// How long typing in a filter waits before asking DAS: long enough not to send a list per keystroke.
constexpr int FilterPauseMs = 700;

// The red of an error, as the other panes and dialogs show it.
const QColor ErrorColor(0xb3, 0x26, 0x1e);

bool sameCredentials(const CredentialChoice& a, const CredentialChoice& b)
{
    return a.source == b.source && a.profile == b.profile &&
           a.credentials.accessKey == b.credentials.accessKey &&
           a.credentials.secretKey == b.credentials.secretKey &&
           a.credentials.iamToken == b.credentials.iamToken &&
           a.credentials.securityToken == b.credentials.securityToken;
}

} // namespace

ConnectionsPane::ConnectionsPane(QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ConnectionsPane>())
    , m_model(new ConnectionTableModel(this))
    , m_refreshAction(new QAction(this))
    , m_adoptAction(new QAction(this))
    , m_deleteAction(new QAction(this))
    , m_teardownAction(new QAction(this))
{
    m_ui->setupUi(this);
    QTableView* table = m_ui->connectionTable;
    table->setModel(m_model);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(false);
    table->horizontalHeader()->setResizeContentsPrecision(PageSize);
    table->setContextMenuPolicy(Qt::CustomContextMenu);
    // Delete on the focused table asks (the dialog), like the button.
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetShortcut);
    table->addAction(m_deleteAction);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_refreshAction);
    m_ui->loadProgress->hide();
    m_filterPause.setSingleShot(true);
    m_filterPause.setInterval(FilterPauseMs);

    connect(m_refreshAction, &QAction::triggered, this, &ConnectionsPane::refresh);
    connect(m_adoptAction, &QAction::triggered, this, &ConnectionsPane::adoptSelected);
    connect(m_deleteAction, &QAction::triggered, this, &ConnectionsPane::deleteSelected);
    connect(m_teardownAction, &QAction::triggered, this, &ConnectionsPane::openTeardown);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &ConnectionsPane::refresh);
    connect(m_ui->adoptButton, &QPushButton::clicked, m_adoptAction, &QAction::trigger);
    connect(m_ui->deleteButton, &QPushButton::clicked, m_deleteAction, &QAction::trigger);
    connect(m_ui->teardownButton, &QPushButton::clicked, m_teardownAction, &QAction::trigger);
    connect(m_ui->previousButton, &QPushButton::clicked, this, [this] { goToPage(m_page - 1); });
    connect(m_ui->nextButton, &QPushButton::clicked, this, [this] { goToPage(m_page + 1); });
    for (QLineEdit* edit : {m_ui->filterEdit, m_ui->instanceFilterEdit}) {
        connect(edit, &QLineEdit::textEdited, &m_filterPause, qOverload<>(&QTimer::start));
        connect(edit, &QLineEdit::returnPressed, this, &ConnectionsPane::refresh);
    }
    connect(&m_filterPause, &QTimer::timeout, this, &ConnectionsPane::refresh);
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ConnectionsPane::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ConnectionsPane::updateActions);
    connect(table, &QWidget::customContextMenuRequested, this, &ConnectionsPane::showContextMenu);
    retranslate();
    clearTable(QString());
}

ConnectionsPane::~ConnectionsPane()
{
    if (m_list) {
        m_list->disconnect(this);
        m_list->cancel();
    }
}

void ConnectionsPane::setServices(const ReadWorkflow::Services& services, HistoryStore* history)
{
    cancelLoading();
    delete m_list;
    m_services = services;
    m_history = history;
    m_list = new ConnectionList(services, this);
    connect(m_list, &ConnectionList::finished, this, &ConnectionsPane::onFinished);
    connect(m_list, &ReadWorkflow::resolvingCredentials, this,
            [this] { showMessage(tr("Reading the credentials from the OS keychain…")); });
    updateHistoryMarks();
    updateActions();
}

void ConnectionsPane::setTarget(const Target& target)
{
    const bool same = m_hasTarget && target.endpoint == m_target.endpoint &&
                      target.region == m_target.region && target.projectId == m_target.projectId &&
                      sameCredentials(target.credentials, m_target.credentials);
    m_target = target;
    m_hasTarget = true;
    if (same)
        return;
    // What is shown belongs to the old target: deleting or adopting it under the new one would be wrong.
    cancelLoading();
    m_page = 0;
    clearTable(QString());
}

bool ConnectionsPane::hasTarget() const
{
    return m_hasTarget && m_target.endpoint.isValid() && !m_target.projectId.trimmed().isEmpty();
}

bool ConnectionsPane::isLoading() const
{
    return m_list && m_list->isRunning();
}

void ConnectionsPane::refresh()
{
    m_filterPause.stop();
    if (!hasTarget() || !m_list)
        return;
    const QString condition = m_ui->filterEdit->text().trimmed();
    const QString instance = m_ui->instanceFilterEdit->text().trimmed();
    if (condition != m_condition || instance != m_instanceFilter)
        m_page = 0; // other filters, other pages
    m_condition = condition;
    m_instanceFilter = instance;
    load();
}

void ConnectionsPane::goToPage(int page)
{
    if (page < 0 || isLoading())
        return;
    m_page = page;
    load();
}

void ConnectionsPane::load()
{
    cancelLoading();
    ConnectionList::Request request;
    request.endpoint = m_target.endpoint;
    request.projectId = m_target.projectId.trimmed();
    request.credentials = m_target.credentials;
    request.instanceId = m_instanceFilter;
    request.condition = m_condition;
    request.offset = m_page * PageSize;
    request.limit = PageSize;
    setBusy(true);
    showMessage(tr("Asking DAS for the connections of project %1…").arg(request.projectId));
    if (!m_list->start(request))
        setBusy(false);
}

void ConnectionsPane::cancelLoading()
{
    m_filterPause.stop();
    if (!isLoading())
        return;
    m_cancelling = true;
    m_list->cancel(); // ends with finished(), from within cancel()
    m_cancelling = false;
}

void ConnectionsPane::onFinished(const ConnectionList::Outcome& outcome)
{
    setBusy(false);
    if (m_cancelling)
        return;
    if (!outcome.ok) {
        clearTable(QString());
        showMessage(outcome.failure.explanation, true);
        emit statusMessage(outcome.failure.explanation);
        emit loaded(false);
        return;
    }
    m_total = outcome.totalRecord;
    const int lastPage = qMax(0, (m_total - 1) / PageSize);
    if (outcome.connections.isEmpty() && m_page > lastPage) {
        // Deletes shortened the list below the page shown: show its last page instead.
        m_page = lastPage;
        load();
        return;
    }
    m_listedOnce = true;
    m_model->setConnections(outcome.connections);
    updateHistoryMarks();
    if (!m_sized && !outcome.connections.isEmpty()) {
        m_sized = true;
        m_ui->connectionTable->resizeColumnsToContents();
    }
    const bool filtered = !m_condition.isEmpty() || !m_instanceFilter.isEmpty();
    const QString empty = filtered ? tr("No connection on DAS matches these filters.")
                                   : tr("DAS lists no connections in project %1.").arg(m_target.projectId);
    m_ui->tableStack->setCurrentWidget(outcome.connections.isEmpty() ? m_ui->emptyPage : m_ui->tablePage);
    m_ui->emptyLabel->setText(empty);
    updatePaging();
    const QString summary =
        outcome.connections.isEmpty()
            ? empty
            : tr("DAS lists %n connection(s) in project %1.", nullptr, m_total).arg(m_target.projectId);
    showMessage(summary);
    emit statusMessage(summary);
    emit loaded(true);
}

void ConnectionsPane::clearTable(const QString& emptyText)
{
    m_model->setConnections({});
    m_total = 0;
    m_listedOnce = false;
    m_ui->emptyLabel->setText(emptyText.isEmpty()
                                  ? tr("Choose Refresh to list the connections DAS holds for the project.")
                                  : emptyText);
    m_ui->tableStack->setCurrentWidget(m_ui->emptyPage);
    showMessage(QString());
    updatePaging();
}

void ConnectionsPane::updateHistoryMarks()
{
    m_model->setKnownIds(m_history && m_history->isOpen() ? m_history->connectionIds() : QSet<QString>());
    updateActions();
}

QList<int> ConnectionsPane::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex& index : m_ui->connectionTable->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

void ConnectionsPane::adoptSelected()
{
    if (!m_history || !m_history->isOpen() || isLoading())
        return;
    int added = 0;
    QString error;
    for (int row : selectedRows()) {
        if (m_model->isKnown(row))
            continue;
        HistoryRecord record =
            ConnectionTableModel::adoptedRecord(m_model->connectionAt(row), m_target.endpoint.toString(),
                                                m_target.region, m_target.projectId.trimmed());
        if (!m_history->add(record, &error))
            break;
        ++added;
    }
    updateHistoryMarks();
    if (added > 0)
        emit historyChanged();
    const QString text = error.isEmpty() ? tr("Added %n connection(s) to the history.", nullptr, added)
                                         : tr("Could not add to the history: %1").arg(error);
    showMessage(text, !error.isEmpty());
    emit statusMessage(text);
}

void ConnectionsPane::deleteSelected()
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty() || isLoading() || m_deleteDialog || m_teardownDialog)
        return;
    QList<DeleteConnectionsDialog::Item> items;
    for (int row : rows) {
        const ConnectionInfo c = m_model->connectionAt(row);
        items.append({c.connectionId, c.instanceId, c.instanceName, c.userName, c.databaseName});
    }
    m_deleteDialog =
        new DeleteConnectionsDialog(m_services, m_history, m_target.endpoint, m_target.projectId.trimmed(),
                                    m_target.credentials, items, this);
    m_deleteDialog->setObjectName(QStringLiteral("deleteConnectionsDialog"));
    m_deleteDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_deleteDialog, &QDialog::finished, this, &ConnectionsPane::onDeleteClosed);
    m_deleteDialog->open();
    updateActions();
}

void ConnectionsPane::onDeleteClosed()
{
    const QPointer<DeleteConnectionsDialog> dialog = m_deleteDialog; // closing: deleted once this returns
    m_deleteDialog = nullptr;
    if (dialog && dialog->ran()) {
        const ConnectionDeleter::Outcome& outcome = dialog->outcome();
        if (!outcome.deleted.isEmpty())
            emit historyChanged();
        emit statusMessage(tr("Deleted %n connection(s) on DAS.", nullptr, int(outcome.deleted.size())));
        load();
    }
    updateActions();
}

void ConnectionsPane::openTeardown()
{
    if (!hasTarget() || !m_history || isLoading() || m_deleteDialog || m_teardownDialog)
        return;
    m_teardownDialog = new TeardownDialog(m_services, m_history, m_target.endpoint,
                                          m_target.projectId.trimmed(), m_target.credentials, this);
    m_teardownDialog->setObjectName(QStringLiteral("teardownDialog"));
    m_teardownDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_teardownDialog, &QDialog::finished, this, &ConnectionsPane::onTeardownClosed);
    m_teardownDialog->open();
    updateActions();
}

void ConnectionsPane::onTeardownClosed()
{
    const bool changed = m_teardownDialog && m_teardownDialog->changedHistory();
    const bool ran = m_teardownDialog && m_teardownDialog->ran();
    m_teardownDialog = nullptr;
    if (changed)
        emit historyChanged();
    if (ran || (changed && m_listedOnce))
        load();
    updateActions();
}

void ConnectionsPane::showContextMenu(const QPoint& position)
{
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("connectionsMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(m_adoptAction);
    menu->addAction(m_deleteAction);
    menu->addSeparator();
    menu->addAction(m_teardownAction);
    menu->addAction(m_refreshAction);
    menu->popup(m_ui->connectionTable->viewport()->mapToGlobal(position));
}

void ConnectionsPane::updateActions()
{
    const bool busy = isLoading();
    const bool dialogOpen = m_deleteDialog || m_teardownDialog;
    const QList<int> rows = selectedRows();
    const bool historyOpen = m_history && m_history->isOpen();
    const bool anyUnknown =
        std::any_of(rows.begin(), rows.end(), [this](int row) { return !m_model->isKnown(row); });
    m_adoptAction->setEnabled(historyOpen && anyUnknown && !busy);
    m_deleteAction->setEnabled(!rows.isEmpty() && !busy && !dialogOpen);
    m_teardownAction->setEnabled(hasTarget() && historyOpen && !busy && !dialogOpen);
    m_refreshAction->setEnabled(m_list != nullptr);
    m_ui->adoptButton->setEnabled(m_adoptAction->isEnabled());
    m_ui->deleteButton->setEnabled(m_deleteAction->isEnabled());
    m_ui->teardownButton->setEnabled(m_teardownAction->isEnabled());
}

void ConnectionsPane::updatePaging()
{
    const int pages = qMax(1, (m_total + PageSize - 1) / PageSize);
    const bool busy = isLoading();
    m_ui->previousButton->setEnabled(!busy && m_page > 0);
    m_ui->nextButton->setEnabled(!busy && m_page + 1 < pages);
    m_ui->pageLabel->setText(m_listedOnce ? tr("Page %1 of %2 · %3")
                                                .arg(m_page + 1)
                                                .arg(pages)
                                                .arg(tr("%n connection(s)", nullptr, m_total))
                                          : QString());
}

void ConnectionsPane::setBusy(bool busy)
{
    m_ui->loadProgress->setRange(0, 0);
    m_ui->loadProgress->setVisible(busy);
    updatePaging();
    updateActions();
}

void ConnectionsPane::showMessage(const QString& text, bool error)
{
    m_ui->messageLabel->setText(text);
    m_ui->messageLabel->setProperty("role", error ? QStringLiteral("error") : QString());
    // A palette, not a style sheet: a style sheet would send every widget of the pane through the
    // slower style sheet style. An empty palette inherits the pane's again.
    QPalette palette;
    if (error)
        palette.setColor(QPalette::WindowText, ErrorColor);
    m_ui->messageLabel->setPalette(palette);
}

void ConnectionsPane::retranslate()
{
    // The filters sit on two rows so that the pane fits beside the form in a 1024-pixel window; the
    // placeholder says what the keyword is matched against and shows whole down to about 400 pixels.
    // The context menu's words; its mnemonics only count inside the menu. The pane's own controls have none
    // but Next: the form beside them already uses every other letter they could take.
    m_refreshAction->setText(tr("&Refresh"));
    m_adoptAction->setText(tr("&Adopt into history"));
    m_deleteAction->setText(tr("&Delete on DAS…"));
    m_teardownAction->setText(tr("&Tear down…"));
}

void ConnectionsPane::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
        updatePaging();
    }
    QWidget::changeEvent(event);
}

} // namespace das
