#pragma once

#include "BatchFile.h"
#include "BatchPlanner.h"
#include "BatchRunner.h"
#include "CreateSession.h"

#include <QDialog>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace Ui {
class BatchDialog;
}

namespace das {

class BatchPasswordDialog;
class BatchTableModel;

// Batch onboarding: a CSV or JSON file (BatchFileReader) becomes a table of rows, one connection each, that
// can be edited in place (each edit is read again at once) or left out. Plan asks DAS what each row would do
// (BatchPlanner: create, skip because it exists, invalid); Apply plans again, asks for the database password
// of each user name (BatchPasswordDialog), then creates the rows (BatchRunner, four at a time) with progress,
// each row's outcome as it lands, and Cancel (rows already sent finish). The last run's report can be saved.
// Problems with the file itself are listed above the table and keep Apply off. Passwords are never shown,
// logged or kept after a run.
class BatchDialog : public QDialog
{
    Q_OBJECT

public:
    // Where the batch goes: the target, project and credentials a create from the form would use.
    struct Target
    {
        QUrl endpoint;
        QString region;
        QString projectId; // for rows without project_id
        CredentialChoice credentials;
        QString problem;      // why DAS cannot be asked (then only files can be read and checked)
        bool sandbox = false; // the built-in sandbox: its training file is offered
    };

    static constexpr int Parallel = BatchRunner::DefaultParallel;
    // The sandbox's training file, compiled into the app.
    static constexpr const char* SandboxSamplePath = ":/sandbox-batch-sample.csv";

    // `services.client` is required; the history (rows written as they are sent), the keychain (saved
    // passwords) and the profiles (profile credentials) as for a create from the form.
    BatchDialog(const CreateSession::Services& services, const Target& target, QWidget* parent = nullptr);
    ~BatchDialog() override;

    // Reads a batch file into the table, as Open… does after its file dialog. False when nothing could be
    // read (the file's problems are shown either way).
    bool openFile(const QString& path);
    bool openSandboxSample();
    // Save report… and Write sample file… without their file dialogs.
    bool saveReport(const QString& path, QString* error) const;
    bool writeSample(const QString& path, QString* error) const;

    BatchTableModel* model() const { return m_model; }
    bool isPlanning() const;
    bool isRunning() const;
    bool hasReport() const { return m_hasReport; }
    const BatchReport& report() const { return m_report; }
    // Some run sent at least one row (the history and DAS may have changed).
    bool ran() const { return m_ran; }

public slots:
    void plan();
    void apply();
    // Cancel: a plan is dropped; a run starts no more rows (those in flight finish).
    void cancel();
    // Esc and the window's close button cancel a run instead of closing: its outcome must be seen.
    void reject() override;

signals:
    // History rows were written (the window reloads its history pane).
    void historyChanged();
    void planned(bool ok);
    void runFinished(const das::BatchReport& report);

protected:
    void changeEvent(QEvent* event) override;

private:
    void setUpTable();
    void fitColumns();
    void browseFile();
    void browseReport();
    void browseSample();
    void load(const BatchFileContent& content, const QString& name);
    void startPlan(bool thenApply);
    void onStage(const QString& what, int done, int total);
    void onPlanned(const BatchPlanner::Outcome& outcome);
    void askPasswords();
    void run(BatchPasswords passwords);
    void onRowFinished(const BatchRowResult& result);
    void onRunFinished(const BatchReport& report);
    void showFileProblems();
    void showSummary();
    void showCounts();
    void showIntro();
    void showMessage(const QString& text, bool error = false);
    void updateButtons();
    void retranslate();

    std::unique_ptr<Ui::BatchDialog> m_ui;
    CreateSession::Services m_services;
    Target m_target;
    BatchTableModel* m_model;
    BatchPlanner* m_planner;
    QPointer<BatchRunner> m_runner;
    QPointer<BatchPasswordDialog> m_passwordDialog;
    BatchFileContent m_content;
    QString m_fileName; // as shown; empty before a file is read
    BatchReport m_report;
    QTimer m_historyPause; // rows landing close together reload the history once
    int m_created = 0;
    int m_skipped = 0;
    int m_failed = 0;
    bool m_hasReport = false;
    bool m_ran = false;
    bool m_applyAfterPlan = false;
    bool m_stopping = false;
};

} // namespace das
