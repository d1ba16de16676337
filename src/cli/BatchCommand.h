#pragma once

#include "BatchFile.h"
#include "BatchPasswords.h"
#include "BatchPlan.h"
#include "BatchRunner.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTextStream>

class QCommandLineParser;

namespace das {

struct DasContext;
class TargetOptions;

// `das-connect-cli batch plan FILE` and `batch apply FILE`: onboarding many connections from one CSV or JSON
// file. Both read the file (BatchFileReader) and plan it against DAS (BatchPlanner: names resolved, what DAS
// already holds skipped); `plan` prints the plan and sends nothing, `apply` then asks (on a terminal;
// elsewhere
// --yes is required) and runs the plan with BatchRunner, showing progress and writing an optional report. The
// database passwords come from stdin, a passwords file or the OS keychain, never from argv or the batch file.
class BatchCommand
{
    Q_DECLARE_TR_FUNCTIONS(das::BatchCommand)

public:
    BatchCommand(QTextStream& out, QTextStream& err, QTextStream& in, const QProcessEnvironment& env);
    int run(const QStringList& arguments);

    // Exit status when the user answers no at the prompt.
    static constexpr int ExitDeclined = 1;
    // After Ctrl+C: the shell's convention for "ended by SIGINT", although the run ended on its own terms.
    static constexpr int ExitInterrupted = 130;

private:
    struct ApplyOptions;
    // What `apply` was told, once its options are read.
    struct ApplySettings
    {
        BatchRunner::Options runner;
        BatchPasswords passwords;
        QString reportPath;
        bool strict = false;
        bool yes = false;
        bool json = false;
    };

    int plan(const QStringList& arguments);
    int apply(const QStringList& arguments);

    // The batch file named on the command line, or a usage problem in `usage`.
    static QString fileArgument(const QCommandLineParser& parser, QStringList* usage);
    // Reads the file, prepares the target (printing every usage problem) and plans; `planStream` gets the
    // plan of an unusable file. Returns 0, or the exit code to end with.
    int readAndPlan(const QCommandLineParser& parser, const TargetOptions& target, const QStringList& usage,
                    bool json, QTextStream& planStream, DasContext& c, BatchPlan* plan);
    int runPlanner(DasContext& c, const BatchFileContent& content, BatchPlan* plan);
    void printFileProblems(const QString& path, const QList<BatchFileProblem>& problems);
    void printPlan(const BatchPlan& plan, bool json, QTextStream& stream);
    static QString describe(const BatchRowPlan& row);
    // 0 usable and nothing invalid, 4 some rows invalid, 2 unusable.
    static int planExitCode(const BatchPlan& plan);

    // apply: options read before anything is sent (passwords included).
    QStringList readApplyOptions(const QCommandLineParser& parser, const ApplyOptions& o, ApplySettings& s);
    void readPasswords(const QCommandLineParser& parser, const ApplyOptions& o, ApplySettings& s,
                       QStringList* usage);
    int execute(DasContext& c, const BatchPlan& plan, ApplySettings& s);
    void printReport(const BatchReport& report, bool interrupted, bool json);
    bool saveReport(const BatchReport& report, const QString& path);

    QTextStream& m_out;
    QTextStream& m_err;
    QTextStream& m_in;
    QProcessEnvironment m_env;
};

} // namespace das
