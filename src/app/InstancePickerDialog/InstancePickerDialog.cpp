#include "InstancePickerDialog.h"

#include "InstanceTableModel.h"
#include "ui_InstancePickerDialog.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QStyle>

namespace das {

InstancePickerDialog::InstancePickerDialog(InstanceCatalog* catalog, const InstanceCatalog::Request& request,
                                           QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::InstancePickerDialog>())
    , m_catalog(catalog)
    , m_request(request)
    , m_model(new InstanceTableModel(this))
    , m_filter(new InstanceFilterModel(this))
{
    m_ui->setupUi(this);
    setStyleSheet(QStringLiteral("QLabel[role=\"error\"] { color: #b3261e; }"));
    m_filter->setSourceModel(m_model);
    m_ui->instanceTable->setModel(m_filter);
    m_ui->instanceTable->verticalHeader()->hide();
    m_ui->instanceTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->instanceTable->horizontalHeader()->setResizeContentsPrecision(200);
    m_ui->instanceTable->sortByColumn(InstanceTableModel::NameColumn, Qt::AscendingOrder);
    m_ui->searchEdit->installEventFilter(this);
    m_ui->loadProgress->hide();
    m_ui->cancelLoadButton->hide();
    m_ui->pickButton->setEnabled(false);

    connect(m_ui->searchEdit, &QLineEdit::textChanged, this, &InstancePickerDialog::onFilterChanged);
    connect(m_ui->searchEdit, &QLineEdit::returnPressed, this,
            [this] { pick(m_ui->instanceTable->currentIndex()); });
    // Enter on a row and a double-click both activate it.
    connect(m_ui->instanceTable, &QAbstractItemView::activated, this, &InstancePickerDialog::pick);
    connect(m_ui->pickButton, &QPushButton::clicked, this,
            [this] { pick(m_ui->instanceTable->currentIndex()); });
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, [this] { load(true); });
    connect(m_ui->cancelLoadButton, &QPushButton::clicked, this, &InstancePickerDialog::cancelLoading);
    connect(this, &QDialog::finished, this, &InstancePickerDialog::cancelLoading);
    if (m_catalog) {
        connect(m_catalog, &InstanceCatalog::progress, this, &InstancePickerDialog::onProgress);
        connect(m_catalog, &InstanceCatalog::finished, this, &InstancePickerDialog::onFinished);
        connect(m_catalog, &ReadWorkflow::resolvingCredentials, this,
                [this] { showMessage(tr("Reading the credentials from the OS keychain…")); });
    }
    resize(920, 540);
}

InstancePickerDialog::~InstancePickerDialog()
{
    if (m_catalog) {
        m_catalog->disconnect(this);
        m_catalog->cancel();
    }
}

void InstancePickerDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    if (!m_started) {
        m_started = true;
        m_ui->searchEdit->setFocus(Qt::OtherFocusReason);
        load(false);
    }
}

void InstancePickerDialog::load(bool refresh)
{
    if (!m_catalog || m_catalog->isRunning())
        return;
    InstanceCatalog::Request request = m_request;
    request.refresh = refresh;
    m_started = true;
    setBusy(true);
    m_ui->loadProgress->setRange(0, 0);
    showMessage(tr("Asking DAS for the instances of project %1…").arg(request.projectId));
    if (!m_catalog->start(request))
        setBusy(false);
}

void InstancePickerDialog::cancelLoading()
{
    if (m_catalog && m_catalog->isRunning())
        m_catalog->cancel(); // ends with finished(), from within cancel()
}

bool InstancePickerDialog::isLoading() const
{
    return m_catalog && m_catalog->isRunning();
}

void InstancePickerDialog::onProgress(int loaded, int expected, const QString& datastoreType)
{
    m_ui->loadProgress->setRange(0, qMax(expected, loaded));
    m_ui->loadProgress->setValue(loaded);
    showMessage(tr("Loading %1 instances… %2 so far.").arg(datastoreType).arg(loaded));
}

void InstancePickerDialog::onFinished(const InstanceCatalog::Outcome& outcome)
{
    setBusy(false);
    if (!outcome.ok) {
        if (outcome.failure.outcome == CreateResult::Outcome::Cancelled)
            showMessage(tr("Loading was cancelled. Choose Refresh to try again."));
        else
            showMessage(outcome.failure.explanation, true);
        emit loaded(false);
        return;
    }
    m_truncated = outcome.truncated;
    m_model->setInstances(outcome.instances);
    if (!m_sized && !outcome.instances.isEmpty()) {
        m_sized = true;
        m_ui->instanceTable->resizeColumnsToContents();
    }
    onFilterChanged(m_ui->searchEdit->text());
    if (outcome.instances.isEmpty())
        showMessage(tr("DAS lists no instances in project %1.").arg(m_request.projectId));
    emit loaded(true);
}

void InstancePickerDialog::onFilterChanged(const QString& text)
{
    m_filter->setFilterText(text);
    QTableView* table = m_ui->instanceTable;
    if (m_filter->rowCount() > 0 && !table->selectionModel()->hasSelection())
        table->selectRow(0);
    m_ui->pickButton->setEnabled(table->selectionModel()->hasSelection());
    if (!isLoading() && m_model->rowCount() > 0)
        showCount();
}

void InstancePickerDialog::showCount()
{
    const int all = m_model->rowCount();
    const int shown = m_filter->rowCount();
    QString text =
        m_filter->filterText().isEmpty()
            ? tr("%n instance(s).", "", all)
            : tr("%1 of %2 instances match \u201c%3\u201d.").arg(shown).arg(all).arg(m_filter->filterText());
    if (m_truncated)
        text +=
            QLatin1Char(' ') + tr("Some engines have more instances than DAS lists at once; only the first "
                                  "%1 of each are shown.")
                                   .arg(InstanceCatalog::MaxOffset + InstanceCatalog::PageSize);
    showMessage(text);
}

void InstancePickerDialog::pick(const QModelIndex& index)
{
    QModelIndex row = index;
    if (!row.isValid() && m_filter->rowCount() > 0)
        row = m_filter->index(0, 0);
    if (!row.isValid())
        return;
    const InstanceInfo instance = m_filter->instanceAt(row);
    if (instance.engineType.isEmpty()) {
        showMessage(tr("DAS connections cannot be made to %1 instances; pick another one.")
                        .arg(instance.datastoreType),
                    true);
        return;
    }
    m_picked = instance;
    emit instancePicked(instance);
    accept();
}

void InstancePickerDialog::setBusy(bool busy)
{
    m_ui->loadProgress->setVisible(busy);
    m_ui->cancelLoadButton->setVisible(busy);
    m_ui->cancelLoadButton->setEnabled(busy);
    m_ui->refreshButton->setEnabled(!busy);
}

void InstancePickerDialog::showMessage(const QString& text, bool error)
{
    m_ui->messageLabel->setText(text);
    m_ui->messageLabel->setProperty("role", error ? QStringLiteral("error") : QString());
    m_ui->messageLabel->style()->unpolish(m_ui->messageLabel);
    m_ui->messageLabel->style()->polish(m_ui->messageLabel);
}

bool InstancePickerDialog::eventFilter(QObject* watched, QEvent* event)
{
    // Up, Down, Page Up and Page Down in the search box move through the table, so typing and choosing need
    // no Tab in between.
    if (watched == m_ui->searchEdit && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Up || key == Qt::Key_Down || key == Qt::Key_PageUp || key == Qt::Key_PageDown) {
            QKeyEvent copy(QEvent::KeyPress, key, static_cast<QKeyEvent*>(event)->modifiers());
            QCoreApplication::sendEvent(m_ui->instanceTable, &copy);
            m_ui->pickButton->setEnabled(m_ui->instanceTable->selectionModel()->hasSelection());
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void InstancePickerDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        if (!isLoading() && m_model->rowCount() > 0)
            showCount();
    }
    QDialog::changeEvent(event);
}

} // namespace das
