// batch apply: options and passwords read before anything is sent, the confirmation, the run with progress
// and Ctrl+C, and the report.
#include "BatchCommand.h"

#include "AppPaths.h"
#include "BatchProgress.h"
#include "CliOutput.h"
#include "CommandLine.h"
#include "DasContext.h"
#include "HistoryStore.h"
#include "PasswordPrompt.h"
#include "StopSignalWatcher.h"

#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>

namespace das {

namespace {

auto* const valueOption = &CommandLine::valueOption;
auto* const flagOption = &CommandLine::flagOption;
} // namespace

struct BatchCommand::ApplyOptions
{
    const QCommandLineOption parallel =
        valueOption("parallel",
                    tr("Create up to N connections at a time, 1-%1 (default %2).")
                        .arg(BatchRunner::MaxParallel)
                        .arg(BatchRunner::DefaultParallel),
                    "N");
    const QCommandLineOption strict = flagOption(
        "strict", tr("Send nothing while any row is invalid (otherwise the valid rows are created)."));
    const QCommandLineOption report = valueOption(
        "report", tr("Write what happened to each row to FILE (.json, else CSV; mode 0600)."), "FILE");
    const QCommandLineOption passwordStdin = flagOption(
        "password-stdin", tr("Read one database password, for every row, from the first line of stdin."));
    const QCommandLineOption passwordsFile = valueOption(
        "passwords-file",
        tr("Read the database passwords from FILE: a JSON object mapping \"username\" or "
           "\"instance_id/username\" to a password; it must be yours with mode 0600. Rows it does not cover "
           "use the password saved in the OS keychain."),
        "FILE");
    const QCommandLineOption yes = flagOption("yes", tr("Apply without asking."));
    const QCommandLineOption json =
        flagOption("json", tr("Print the result as JSON (the plan goes to stderr)."));
    const TargetOptions target;

    QList<QCommandLineOption> all() const
    {
        return QList<QCommandLineOption>{parallel, strict, report, passwordStdin, passwordsFile, yes, json} +
               target.options();
    }
};

int BatchCommand::apply(const QStringList& arguments)
{
    const ApplyOptions o;
    CommandParser parser;
    parser.setApplicationDescription(
        tr("Apply a batch file (CSV or JSON): plan it as batch plan does, then create every planned "
           "connection. Rows DAS already holds are skipped, so applying the same file again creates only "
           "what is missing."));
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The batch file (.csv or .json)."));
    parser.addOptions(o.all());
    if (const auto done = CommandLine::parse(parser, arguments, m_out, m_err))
        return *done;

    ApplySettings s;
    const QStringList usage = readApplyOptions(parser, o, s);
    DasContext c;
    BatchPlan plan;
    // With --json, stdout carries only the final JSON: the plan goes to stderr.
    QTextStream& planStream = s.json ? m_err : m_out;
    if (const int status = readAndPlan(parser, o.target, usage, false, planStream, c, &plan))
        return status;
    printPlan(plan, false, planStream);

    const int create = plan.count(BatchRowPlan::Action::Create);
    const int skip = plan.count(BatchRowPlan::Action::Skip);
    const int invalid = plan.count(BatchRowPlan::Action::Invalid);
    if (s.strict && invalid > 0) {
        m_err << tr("error: --strict: %n row(s) are invalid; nothing was sent.", nullptr, invalid)
              << Qt::endl;
        return CommandLine::ExitApiError;
    }
    if (create > 0 && !s.yes &&
        !CliOutput::confirm(tr("Create %n connection(s) (%1 skipped, %2 invalid)? [y/N]", nullptr, create)
                                .arg(skip)
                                .arg(invalid),
                            m_err, m_in)) {
        m_err << tr("Nothing was created.") << Qt::endl;
        return ExitDeclined;
    }
    return execute(c, plan, s);
}

QStringList BatchCommand::readApplyOptions(const QCommandLineParser& parser, const ApplyOptions& o,
                                           ApplySettings& s)
{
    QStringList usage;
    s.strict = parser.isSet(o.strict);
    s.yes = parser.isSet(o.yes);
    s.json = parser.isSet(o.json);
    if (parser.isSet(o.parallel)) {
        bool ok = false;
        s.runner.parallel = parser.value(o.parallel).toInt(&ok);
        if (!ok || s.runner.parallel < 1 || s.runner.parallel > BatchRunner::MaxParallel)
            usage.append(tr("--parallel must be a whole number from 1 to %1.").arg(BatchRunner::MaxParallel));
    }
    if (parser.isSet(o.report)) {
        s.reportPath = parser.value(o.report);
        // Found out now rather than after every connection was created.
        if (s.reportPath.isEmpty() || !QFileInfo(s.reportPath).absoluteDir().exists())
            usage.append(tr("--report: the folder of \"%1\" does not exist.").arg(s.reportPath));
    }
    // Asked before anything is sent: a script that forgot --yes must not read DAS first and then stop.
    if (!s.yes && !CliOutput::stdinIsTerminal())
        usage.append(tr("not applying without confirmation: stdin is not a terminal. Add --yes to apply "
                        "without being asked."));
    readPasswords(parser, o, s, &usage);
    return usage;
}

void BatchCommand::readPasswords(const QCommandLineParser& parser, const ApplyOptions& o, ApplySettings& s,
                                 QStringList* usage)
{
    if (parser.isSet(o.passwordStdin) && parser.isSet(o.passwordsFile)) {
        usage->append(tr("--password-stdin and --passwords-file cannot be used together."));
    } else if (parser.isSet(o.passwordStdin)) {
        // Far above the 256 characters a password may have, so that the validator still names that rule,
        // but a bound on what is read: an endless line would otherwise be read into memory whole.
        constexpr int MaxPasswordLineChars = 4096;
        QString problem;
        const auto line = PasswordPrompt::readLine(m_in, m_err, MaxPasswordLineChars,
                                                   tr("the password line on stdin"), &problem);
        if (!line)
            usage->append(problem);
        else if (line->isEmpty())
            usage->append(tr("--password-stdin: the password line on stdin is empty."));
        else
            s.passwords.setCommon(*line);
    } else if (parser.isSet(o.passwordsFile)) {
        QString error;
        if (!s.passwords.loadFile(parser.value(o.passwordsFile), &error))
            usage->append(tr("--passwords-file: %1").arg(error));
    }
}

int BatchCommand::execute(DasContext& c, const BatchPlan& plan, ApplySettings& s)
{
    // History is opened before sending so that a created ID always has somewhere to go.
    HistoryStore history(AppPaths::historyDatabasePath());
    QString historyError;
    if (!history.open(&historyError))
        m_err << tr("warning: %1").arg(historyError) << Qt::endl;

    BatchRunner runner({&c.client, &history, &c.keychain, &c.manager});
    BatchProgress progress(m_err, BatchProgress::stderrIsTerminal() ? BatchProgress::Style::Bar
                                                                    : BatchProgress::Style::Lines);
    progress.attach(runner, plan);
    QEventLoop loop;
    QObject::connect(&runner, &BatchRunner::finished, &loop, &QEventLoop::quit);
    // Ctrl+C stops starting rows but lets those in flight end, so that none is left without a known outcome
    // and the report is still written; a second Ctrl+C kills.
    StopSignalWatcher interrupt([&runner, &progress] {
        progress.stopping();
        runner.stop();
    });
    const bool started = runner.start(plan, c.values.target, c.choice, s.passwords, s.runner);
    s.passwords.clear();
    if (started && runner.isRunning())
        loop.exec();
    progress.finish();

    const BatchReport& report = runner.report();
    const bool interrupted = interrupt.wasSignalled() || report.stopped;
    printReport(report, interrupted, s.json);
    const bool saved = s.reportPath.isEmpty() || saveReport(report, s.reportPath);
    if (interrupted)
        return ExitInterrupted;
    const int status = report.exitCode();
    // A report that was asked for and is missing must not look like success to a script.
    return !saved && status == CommandLine::ExitOk ? CommandLine::ExitUsage : status;
}

void BatchCommand::printReport(const BatchReport& report, bool interrupted, bool json)
{
    using Status = BatchRowResult::Status;
    if (json)
        CliOutput::printJson(m_out, report.toJson());
    else
        m_out << tr("Done: %1 created, %2 existing, %3 invalid, %4 failed, %5 unknown, %6 not run.")
                     .arg(report.count(Status::Created))
                     .arg(report.count(Status::Existing))
                     .arg(report.count(Status::Invalid))
                     .arg(report.count(Status::Failed))
                     .arg(report.count(Status::Unknown))
                     .arg(report.count(Status::NotRun))
              << Qt::endl;
    if (interrupted)
        m_err << tr("Stopped by Ctrl+C: %n row(s) were not started. Apply the same file again to create "
                    "them; what exists is skipped.",
                    nullptr, report.count(Status::NotRun))
              << Qt::endl;
    if (report.count(Status::Unknown) > 0)
        m_err << tr("%n row(s) have an unknown outcome: run das-connect-cli reconcile later to find out "
                    "whether they were created, before applying the file again.",
                    nullptr, report.count(Status::Unknown))
              << Qt::endl;
}

bool BatchCommand::saveReport(const BatchReport& report, const QString& path)
{
    QString error;
    if (!report.save(path, &error)) {
        m_err << tr("error: the report was not written: %1").arg(error) << Qt::endl;
        return false;
    }
    m_err << tr("Report written to %1.").arg(QDir::toNativeSeparators(path)) << Qt::endl;
    return true;
}

} // namespace das
