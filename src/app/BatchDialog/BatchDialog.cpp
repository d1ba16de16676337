#include "BatchDialog.h"

#include "BatchPasswordDialog.h"
#include "BatchTableModel.h"
#include "ui_BatchDialog.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QPushButton>
#include <QSaveFile>
#include <QStyle>

namespace das {

namespace {

// How long rows landing one after another wait before the history is reloaded: once for a burst, not per row.
constexpr int HistoryPauseMs = 250;
// The file problems listed above the table; the rest are counted.
constexpr int ShownProblems = 6;
// No column but Status grows wider than this from its contents: a long problem or remark must not push the
// file's own columns out of sight.
constexpr int MaxColumnWidth = 240;

QString problemLine(const BatchFileProblem& p)
{
    if (p.row <= 0)
        return p.column.isEmpty() ? p.message : BatchDialog::tr("Column %1: %2").arg(p.column, p.message);
    return p.column.isEmpty() ? BatchDialog::tr("Row %1: %2").arg(p.row).arg(p.message)
                              : BatchDialog::tr("Row %1, %2: %3").arg(p.row).arg(p.column, p.message);
}

} // namespace

BatchDialog::BatchDialog(const CreateSession::Services& services, const Target& target, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::BatchDialog>())
    , m_services(services)
    , m_target(target)
    , m_model(new BatchTableModel(this))
    , m_planner(new BatchPlanner({services.client, services.profiles}, this))
{
    m_ui->setupUi(this);
    setStyleSheet(QStringLiteral("QLabel[role=\"error\"] { color: #b3261e; }"));
    m_ui->fileProblemsLabel->setProperty("role", QStringLiteral("error"));
    m_ui->fileProblemsLabel->hide();
    m_ui->sampleButton->setVisible(target.sandbox);
    m_ui->runProgress->hide();
    m_ui->countsLabel->hide();
    setUpTable();
    m_historyPause.setSingleShot(true);
    m_historyPause.setInterval(HistoryPauseMs);

    connect(m_ui->openButton, &QPushButton::clicked, this, &BatchDialog::browseFile);
    connect(m_ui->sampleButton, &QPushButton::clicked, this, &BatchDialog::openSandboxSample);
    connect(m_ui->writeSampleButton, &QPushButton::clicked, this, &BatchDialog::browseSample);
    connect(m_ui->planButton, &QPushButton::clicked, this, &BatchDialog::plan);
    connect(m_ui->applyButton, &QPushButton::clicked, this, &BatchDialog::apply);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &BatchDialog::cancel);
    connect(m_ui->saveReportButton, &QPushButton::clicked, this, &BatchDialog::browseReport);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &BatchDialog::reject);
    connect(&m_historyPause, &QTimer::timeout, this, &BatchDialog::historyChanged);
    connect(m_model, &BatchTableModel::rowEdited, this, &BatchDialog::showSummary);
    connect(m_model, &BatchTableModel::exclusionChanged, this, &BatchDialog::showSummary);
    connect(m_planner, &BatchPlanner::stage, this, &BatchDialog::onStage);
    connect(m_planner, &BatchPlanner::finished, this, &BatchDialog::onPlanned);
    connect(m_planner, &ReadWorkflow::resolvingCredentials, this,
            [this] { showMessage(tr("Reading the credentials from the OS keychain…")); });
    retranslate();
    if (!target.problem.isEmpty())
        showMessage(target.problem, true);
    updateButtons();
    resize(1024, 700);
}

BatchDialog::~BatchDialog()
{
    // Nothing the workflows still say may reach a half-gone dialog. A run still going (only when the window
    // itself goes: the dialog does not close during one) goes with its runner, a child; the history rows of
    // creates in flight stay pending and are resolved against DAS by a later reconciliation, never re-sent.
    m_model->disconnect(this); // an open cell editor commits while the dialog hides, after m_ui is gone
    m_planner->disconnect(this);
    m_planner->cancel();
    if (m_runner) {
        m_runner->disconnect(this);
        m_runner->stop();
    }
}

void BatchDialog::setUpTable()
{
    QTableView* table = m_ui->batchTable;
    table->setModel(m_model);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
}

void BatchDialog::fitColumns()
{
    // Statuses and problems change with each plan and run: the columns follow. When they do not all fit, the
    // status is still shown whole (an existing connection's ID is what a skip is about) and no other column
    // is wider than the cap (the tooltips hold the whole text).
    QTableView* table = m_ui->batchTable;
    QHeaderView* header = table->horizontalHeader();
    table->resizeColumnsToContents();
    const bool fits = header->length() <= table->viewport()->width();
    // Sizing to contents took the last column's stretch away; setting it again gives it back.
    header->setStretchLastSection(false);
    header->setStretchLastSection(true);
    if (fits)
        return;
    for (int column = 0; column + 1 < BatchTableModel::ColumnCount; ++column) {
        if (column != BatchTableModel::StatusColumn)
            table->setColumnWidth(column, qMin(table->columnWidth(column), MaxColumnWidth));
    }
}

bool BatchDialog::isPlanning() const
{
    return m_planner->isRunning();
}

bool BatchDialog::isRunning() const
{
    return m_runner && m_runner->isRunning();
}

bool BatchDialog::openFile(const QString& path)
{
    if (isPlanning() || isRunning())
        return false;
    load(BatchFileReader::read(path), QDir::toNativeSeparators(path));
    return !m_content.records.isEmpty();
}

bool BatchDialog::openSandboxSample()
{
    if (isPlanning() || isRunning())
        return false;
    QFile file(QString::fromLatin1(SandboxSamplePath));
    BatchFileContent content;
    if (file.open(QIODevice::ReadOnly))
        content = BatchFileReader::parse(file.readAll(), BatchFileReader::Format::Csv);
    else
        content.problems.append({0, QString(), tr("The sandbox's sample file is missing from this build.")});
    load(content, tr("The sandbox's sample"));
    return !m_content.records.isEmpty();
}

void BatchDialog::load(const BatchFileContent& content, const QString& name)
{
    m_content = content;
    m_fileName = name;
    m_hasReport = false;
    m_report = BatchReport();
    m_model->setRecords(content.records, m_target.projectId.trimmed());
    m_ui->fileLabel->setText(name);
    m_ui->fileLabel->setToolTip(name);
    m_ui->runProgress->hide();
    m_ui->countsLabel->hide();
    fitColumns();
    showFileProblems();
    showSummary();
    showMessage(content.records.isEmpty() && content.ok() ? tr("The file holds no rows.") : QString());
    updateButtons();
}

void BatchDialog::showFileProblems()
{
    QStringList lines;
    for (const BatchFileProblem& p : std::as_const(m_content.problems)) {
        if (lines.size() == ShownProblems)
            break;
        lines << problemLine(p);
    }
    const int more = int(m_content.problems.size()) - int(lines.size());
    if (more > 0)
        lines << tr("…and %n more problem(s).", nullptr, more);
    if (!lines.isEmpty())
        lines.prepend(tr("This file cannot be applied until these are fixed in the file:"));
    m_ui->fileProblemsLabel->setText(lines.join(u'\n'));
    m_ui->fileProblemsLabel->setVisible(!lines.isEmpty());
}

void BatchDialog::plan()
{
    startPlan(false);
}

void BatchDialog::apply()
{
    startPlan(true);
}

void BatchDialog::startPlan(bool thenApply)
{
    if (isPlanning() || isRunning() || m_passwordDialog || m_model->rowCount() == 0 ||
        !m_target.problem.isEmpty() || (thenApply && !m_content.ok()))
        return;
    BatchPlanner::Request request;
    request.endpoint = m_target.endpoint;
    request.defaultProjectId = m_target.projectId.trimmed();
    request.credentials = m_target.credentials;
    request.content = m_content;
    // Always the cells as they are now (edited ones included), read again: a plan starts from the file.
    request.rows = m_model->rowsToPlan();
    m_applyAfterPlan = thenApply;
    m_ui->runProgress->setRange(0, 0);
    m_ui->runProgress->setTextVisible(false);
    m_ui->runProgress->show();
    m_ui->countsLabel->hide();
    showMessage(tr("Asking DAS about the rows…"));
    if (!m_planner->start(request)) {
        m_applyAfterPlan = false;
        m_ui->runProgress->hide();
    }
    updateButtons();
}

void BatchDialog::onStage(const QString& what, int done, int total)
{
    QString text;
    if (what == QLatin1String("instances"))
        text = tr("Looking up instance names (%1 of %2 projects)…");
    else if (what == QLatin1String("nodes"))
        text = tr("Looking up node names (%1 of %2 instances)…");
    else
        text = tr("Looking for existing connections (%1 of %2 projects)…");
    showMessage(text.arg(done + 1).arg(total)); // the stage being started, counted from 1
}

void BatchDialog::onPlanned(const BatchPlanner::Outcome& outcome)
{
    const bool thenApply = m_applyAfterPlan;
    m_applyAfterPlan = false;
    m_ui->runProgress->hide();
    if (!outcome.ok) {
        showMessage(outcome.failure.outcome == CreateResult::Outcome::Cancelled
                        ? tr("The plan was cancelled.")
                        : outcome.failure.explanation,
                    outcome.failure.outcome != CreateResult::Outcome::Cancelled);
        updateButtons();
        emit planned(false);
        return;
    }
    m_model->setPlan(outcome.plan);
    fitColumns();
    showSummary();
    showMessage(QString());
    updateButtons();
    emit planned(true);
    if (thenApply)
        askPasswords();
}

void BatchDialog::reject()
{
    if (isRunning()) {
        cancel();
        return;
    }
    m_planner->cancel();
    QDialog::reject();
}

void BatchDialog::browseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open batch file"), QString(),
                                                      tr("Batch files (*.csv *.json);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void BatchDialog::browseReport()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save report"), QStringLiteral("batch-report.csv"),
                                     tr("CSV files (*.csv);;JSON files (*.json)"));
    QString error;
    if (path.isEmpty())
        return;
    if (saveReport(path, &error))
        showMessage(tr("Report saved to %1.").arg(QDir::toNativeSeparators(path)));
    else
        showMessage(error, true);
}

void BatchDialog::browseSample()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Write sample file"), QStringLiteral("batch-sample.csv"), tr("CSV files (*.csv)"));
    QString error;
    if (path.isEmpty())
        return;
    if (writeSample(path, &error))
        showMessage(tr("Sample written to %1.").arg(QDir::toNativeSeparators(path)));
    else
        showMessage(error, true);
}

bool BatchDialog::saveReport(const QString& path, QString* error) const
{
    if (!m_hasReport) {
        *error = tr("There is no report yet: apply the batch first.");
        return false;
    }
    return m_report.save(path, error);
}

bool BatchDialog::writeSample(const QString& path, QString* error) const
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(BatchFileReader::sampleCsv()) >= 0 && file.commit())
        return true;
    *error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return false;
}

void BatchDialog::showSummary()
{
    const int rows = m_model->rowCount();
    if (rows == 0) {
        m_ui->summaryLabel->setText(
            m_fileName.isEmpty() ? tr("Open a CSV or JSON file with one connection per row.") : QString());
        return;
    }
    int invalid = 0;
    int create = 0;
    int skip = 0;
    for (const BatchRowPlan& row : m_model->rows()) {
        if (row.excluded)
            continue;
        invalid += row.action == BatchRowPlan::Action::Invalid ? 1 : 0;
        create += row.action == BatchRowPlan::Action::Create ? 1 : 0;
        skip += row.action == BatchRowPlan::Action::Skip ? 1 : 0;
    }
    const int excluded = m_model->excludedCount();
    QString text = tr("%n row(s):", nullptr, rows) + u' ';
    if (m_model->isPlanned())
        text += tr("%1 to create, %2 to skip, %3 invalid, %4 left out.")
                    .arg(create)
                    .arg(skip)
                    .arg(invalid)
                    .arg(excluded);
    else
        text += tr("%1 valid, %2 invalid, %3 left out. Plan checks the valid rows against DAS.")
                    .arg(create + skip)
                    .arg(invalid)
                    .arg(excluded);
    m_ui->summaryLabel->setText(text);
}

void BatchDialog::showIntro()
{
    const QString where = m_target.endpoint.toDisplayString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
    m_ui->introLabel->setText(
        tr("Creates one connection per row of a CSV or JSON file on %1 in project %2, with the credentials "
           "the form uses (%3). Passwords never come from the file: Apply asks for them. Double-click a cell "
           "to correct it; clear a row's Send box to leave it out.")
            .arg(where, m_target.projectId.trimmed(), m_target.credentials.description));
}

void BatchDialog::showMessage(const QString& text, bool error)
{
    m_ui->messageLabel->setText(text);
    m_ui->messageLabel->setProperty("role", error ? QStringLiteral("error") : QString());
    m_ui->messageLabel->style()->unpolish(m_ui->messageLabel);
    m_ui->messageLabel->style()->polish(m_ui->messageLabel);
}

void BatchDialog::updateButtons()
{
    const bool planning = isPlanning();
    const bool running = isRunning();
    const bool busy = planning || running || m_passwordDialog;
    const bool rows = m_model->rowCount() > 0;
    const bool canAsk = m_target.problem.isEmpty();
    m_ui->openButton->setEnabled(!busy);
    m_ui->sampleButton->setEnabled(!busy);
    m_ui->writeSampleButton->setEnabled(!busy);
    m_ui->planButton->setEnabled(!busy && rows && canAsk);
    m_ui->applyButton->setEnabled(!busy && rows && canAsk && m_content.ok());
    m_ui->cancelButton->setEnabled(planning || (running && !m_stopping));
    m_ui->saveReportButton->setEnabled(!busy && m_hasReport);
    m_ui->closeButton->setEnabled(!running);
    m_model->setLocked(busy);
}

void BatchDialog::retranslate()
{
    showIntro();
    showFileProblems();
    showSummary();
    showCounts();
    if (m_fileName.isEmpty())
        m_ui->fileLabel->setText(tr("No file read yet."));
}

void BatchDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}

} // namespace das
