// The run half of BatchDialog: the password prompt, the BatchRunner with its progress, and Cancel.
#include "BatchDialog.h"

#include "BatchPasswordDialog.h"
#include "BatchTableModel.h"
#include "ui_BatchDialog.h"

namespace das {

void BatchDialog::askPasswords()
{
    QList<BatchPasswordDialog::User> users;
    for (const BatchRowPlan& row : m_model->rows()) {
        if (!row.willSend())
            continue;
        auto it = std::find_if(users.begin(), users.end(), [&row](const BatchPasswordDialog::User& u) {
            return u.username == row.request.username;
        });
        if (it == users.end())
            users.append({row.request.username, 1});
        else
            ++it->rows;
    }
    if (users.isEmpty()) {
        showMessage(tr("Nothing to create: every row is skipped, invalid or left out."));
        return;
    }
    auto* dialog = new BatchPasswordDialog(users, this);
    dialog->setObjectName(QStringLiteral("batchPasswordDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog](int result) {
        m_passwordDialog = nullptr; // closing: deleted once this returns
        if (result == QDialog::Accepted)
            run(dialog->takePasswords());
        else
            showMessage(tr("Nothing was sent: the passwords were not given."));
        updateButtons();
    });
    m_passwordDialog = dialog;
    dialog->open();
    updateButtons();
}

void BatchDialog::run(BatchPasswords passwords)
{
    BatchPlan plan;
    plan.rows = m_model->rows();
    plan.fileProblems = m_content.problems;
    m_runner = new BatchRunner(m_services, this);
    connect(m_runner, &BatchRunner::rowStarted, m_model, &BatchTableModel::setRunning);
    connect(m_runner, &BatchRunner::rowFinished, this, &BatchDialog::onRowFinished);
    connect(m_runner, &BatchRunner::progress, this, [this](int done, int total) {
        m_ui->runProgress->setRange(0, qMax(1, total));
        m_ui->runProgress->setValue(done);
    });
    connect(m_runner, &BatchRunner::finished, this, &BatchDialog::onRunFinished);
    BatchRunner::Options options;
    options.parallel = Parallel;
    m_created = m_skipped = m_failed = 0;
    m_stopping = false;
    const bool started =
        m_runner->start(plan, {m_target.endpoint, m_target.region}, m_target.credentials, passwords, options);
    passwords.clear(); // the runner holds its own copy until it goes
    if (!started) {
        delete m_runner;
        showMessage(tr("The batch could not be started."), true);
        updateButtons();
        return;
    }
    m_model->setLocked(true);
    m_ui->runProgress->setRange(0, qMax(1, m_model->rowCount())); // every row is reported, sent or not
    m_ui->runProgress->setValue(0);
    m_ui->runProgress->setTextVisible(true);
    m_ui->runProgress->show();
    showCounts();
    m_ui->countsLabel->show();
    showMessage(tr("Creating the connections, %1 at a time…").arg(Parallel));
    updateButtons();
}

void BatchDialog::onRowFinished(const BatchRowResult& result)
{
    m_model->setResult(result);
    switch (result.status) {
    case BatchRowResult::Status::Created:
        ++m_created;
        break;
    case BatchRowResult::Status::Existing:
        ++m_skipped;
        break;
    case BatchRowResult::Status::Failed:
    case BatchRowResult::Status::Unknown:
        ++m_failed;
        break;
    default:
        break;
    }
    showCounts();
    if (result.status != BatchRowResult::Status::Invalid && result.status != BatchRowResult::Status::NotRun) {
        m_ran = true;
        if (!m_historyPause.isActive())
            m_historyPause.start();
    }
}

void BatchDialog::onRunFinished(const BatchReport& report)
{
    m_report = report;
    m_hasReport = true;
    m_model->setLocked(false);
    fitColumns();
    if (m_runner)
        m_runner->deleteLater(); // its passwords go with it
    m_runner = nullptr;
    if (m_ran) {
        m_historyPause.stop();
        emit historyChanged();
    }
    showCounts();
    using Status = BatchRowResult::Status;
    const QStringList counts{
        tr("%n created", nullptr, report.count(Status::Created)),
        tr("%n skipped", nullptr, report.count(Status::Existing)),
        tr("%n failed", nullptr, report.count(Status::Failed) + report.count(Status::Unknown)),
        tr("%n invalid", nullptr, report.count(Status::Invalid)),
        tr("%n not run", nullptr, report.count(Status::NotRun)),
    };
    QString text =
        (report.stopped ? tr("Cancelled: %1.") : tr("Done: %1.")).arg(counts.join(QStringLiteral(", ")));
    if (report.count(Status::Unknown) > 0)
        text += u' ' + tr("Rows marked unknown may exist on DAS: plan again before applying them again.");
    // Invalid and left-out rows were shown before the run; only what went wrong in it is an error.
    showMessage(text, report.count(Status::Failed) + report.count(Status::Unknown) > 0);
    updateButtons();
    emit runFinished(report);
}

void BatchDialog::cancel()
{
    if (isPlanning()) {
        m_applyAfterPlan = false;
        m_planner->cancel();
    } else if (isRunning() && !m_stopping) {
        m_stopping = true;
        m_runner->stop();
        showMessage(tr("Cancelling: no new row starts; the rows already sent finish."));
    }
    updateButtons();
}

void BatchDialog::showCounts()
{
    m_ui->countsLabel->setText(
        tr("%1 created · %2 skipped · %3 failed").arg(m_created).arg(m_skipped).arg(m_failed));
}

} // namespace das
