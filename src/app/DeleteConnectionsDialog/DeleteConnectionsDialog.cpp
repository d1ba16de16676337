#include "DeleteConnectionsDialog.h"

#include "ui_DeleteConnectionsDialog.h"

#include <QPushButton>
#include <QStyle>

namespace das {

namespace {

// The instances named in the question; the list below the question names the rest.
constexpr int NamedInstances = 5;

void restyle(QWidget* widget, bool error)
{
    widget->setProperty("role", error ? QStringLiteral("error") : QString());
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
}

} // namespace

DeleteConnectionsDialog::DeleteConnectionsDialog(const ReadWorkflow::Services& services,
                                                 HistoryStore* history, const QUrl& endpoint,
                                                 const QString& projectId,
                                                 const CredentialChoice& credentials,
                                                 const QList<Item>& items, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::DeleteConnectionsDialog>())
    , m_deleter(new ConnectionDeleter(services, history, this))
    , m_items(items)
{
    m_ui->setupUi(this);
    setStyleSheet(QStringLiteral("QLabel[role=\"error\"] { color: #b3261e; }"));
    m_request.endpoint = endpoint;
    m_request.projectId = projectId;
    m_request.credentials = credentials;
    for (const Item& item : items)
        m_request.connectionIds.append(item.connectionId);
    showItems();
    m_ui->deleteProgress->hide();
    m_ui->resultLabel->hide();
    m_ui->closeButton->hide();
    m_ui->deleteButton->setEnabled(!items.isEmpty());
    // Enter clicks the default button, and a focused Delete does not take that role (autoDefault off in the
    // form): only a click, Space on the focused button or its mnemonic deletes.
    m_ui->cancelButton->setDefault(true);
    m_ui->cancelButton->setFocus(Qt::OtherFocusReason);

    connect(m_ui->deleteButton, &QPushButton::clicked, this, &DeleteConnectionsDialog::startDelete);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_deleter, &ConnectionDeleter::progress, this, &DeleteConnectionsDialog::onProgress);
    connect(m_deleter, &ConnectionDeleter::finished, this, &DeleteConnectionsDialog::onFinished);
    connect(m_deleter, &ReadWorkflow::resolvingCredentials, this,
            [this] { showMessage(tr("Reading the credentials from the OS keychain…")); });
    resize(640, 420);
}

DeleteConnectionsDialog::~DeleteConnectionsDialog()
{
    m_deleter->disconnect(this);
}

const ConnectionDeleter::Outcome& DeleteConnectionsDialog::outcome() const
{
    return m_deleter->outcome();
}

bool DeleteConnectionsDialog::ran() const
{
    return m_ran;
}

QString DeleteConnectionsDialog::question(const QList<Item>& items)
{
    QStringList instances;
    for (const Item& item : items) {
        const QString name = item.instanceName.isEmpty() ? item.instanceId : item.instanceName;
        if (!instances.contains(name))
            instances.append(name);
    }
    QString named = instances.mid(0, NamedInstances).join(QStringLiteral(", "));
    if (instances.size() > NamedInstances)
        named = tr("%1 and %n more", nullptr, int(instances.size()) - NamedInstances).arg(named);
    return tr("Delete %1 on DAS from %2: %3?")
        .arg(tr("%n connection(s)", nullptr, int(items.size())),
             tr("%n instance(s)", nullptr, int(instances.size())), named);
}

void DeleteConnectionsDialog::showItems()
{
    m_ui->questionLabel->setText(question(m_items));
    m_ui->itemList->clear();
    for (const Item& item : std::as_const(m_items)) {
        const QString who = item.databaseName.isEmpty()
                                ? item.userName
                                : item.userName + QLatin1Char('@') + item.databaseName;
        const QString instance = item.instanceName.isEmpty() ? item.instanceId : item.instanceName;
        m_ui->itemList->addItem(tr("%1 on %2 (ID %3)").arg(who, instance, item.connectionId));
    }
}

void DeleteConnectionsDialog::startDelete()
{
    if (m_deleter->isRunning() || m_ran || m_request.connectionIds.isEmpty())
        return;
    m_ui->deleteButton->setEnabled(false);
    m_ui->cancelButton->setEnabled(false);
    m_ui->deleteProgress->setRange(0, 0);
    m_ui->deleteProgress->show();
    showMessage(tr("Deleting %n connection(s) on DAS…", nullptr, int(m_request.connectionIds.size())));
    if (!m_deleter->start(m_request)) {
        m_ui->deleteButton->setEnabled(true);
        m_ui->cancelButton->setEnabled(true);
        m_ui->deleteProgress->hide();
    }
}

void DeleteConnectionsDialog::onProgress(int done, int total)
{
    m_ui->deleteProgress->setRange(0, qMax(total, 1));
    m_ui->deleteProgress->setValue(done);
    showMessage(tr("Deleting connections on DAS… %1 of %2 done.").arg(done).arg(total));
}

void DeleteConnectionsDialog::onFinished(const ConnectionDeleter::Outcome& outcome)
{
    m_ran = true;
    m_ui->deleteProgress->hide();
    m_ui->deleteButton->hide();
    m_ui->cancelButton->hide();
    m_ui->closeButton->show();
    m_ui->closeButton->setDefault(true);
    m_ui->closeButton->setFocus(Qt::OtherFocusReason);
    showResult(outcome);
}

void DeleteConnectionsDialog::showResult(const ConnectionDeleter::Outcome& outcome)
{
    // The question is answered: the headline becomes what happened, the details follow.
    m_ui->noteLabel->hide();
    m_ui->questionLabel->setText(
        tr("Deleted on DAS: %n connection(s).", nullptr, int(outcome.deleted.size())));
    QStringList lines;
    if (!outcome.uncertain.isEmpty())
        lines << tr("Uncertain: %n connection(s) may or may not have been deleted; refresh the list to see.",
                    nullptr, int(outcome.uncertain.size()));
    if (!outcome.notSent.isEmpty())
        lines << tr("Not sent: %n connection(s) are still on DAS.", nullptr, int(outcome.notSent.size()));
    if (!outcome.historyWarning.isEmpty())
        lines << outcome.historyWarning;
    m_ui->resultLabel->setText(lines.join(QLatin1Char('\n')));
    m_ui->resultLabel->setVisible(!lines.isEmpty());
    showMessage(outcome.ok ? QString() : outcome.failure.explanation, !outcome.ok);
}

void DeleteConnectionsDialog::showMessage(const QString& text, bool error)
{
    m_ui->messageLabel->setText(text);
    restyle(m_ui->messageLabel, error);
}

void DeleteConnectionsDialog::reject()
{
    if (m_deleter->isRunning())
        return;
    QDialog::reject();
}

void DeleteConnectionsDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        showItems();
        if (m_ran)
            showResult(outcome());
    }
    QDialog::changeEvent(event);
}

} // namespace das
