// batch: the dispatch, what plan and apply share (reading the file, planning, printing the plan) and `plan`
// itself. `apply` is in BatchApply.cpp.
#include "BatchCommand.h"

#include "BatchPlanner.h"
#include "CliOutput.h"
#include "CommandLine.h"
#include "DasContext.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace das {

BatchCommand::BatchCommand(QTextStream& out, QTextStream& err, QTextStream& in,
                           const QProcessEnvironment& env)
    : m_out(out)
    , m_err(err)
    , m_in(in)
    , m_env(env)
{}

int BatchCommand::run(const QStringList& arguments)
{
    // arguments[0] is "das-connect-cli batch"
    const QString sub = arguments.size() > 1 ? arguments.at(1) : QString();
    QStringList rest = arguments.mid(2);
    rest.prepend(arguments.value(0) + u' ' + sub);
    // argv is visible to every user on the machine, so a password there is refused before anything else.
    for (const QString& arg : rest) {
        if (arg == QLatin1String("--password") || arg.startsWith(QLatin1String("--password="))) {
            m_err << tr("error: --password is not accepted, because command-line arguments are visible to "
                        "other users (ps, /proc). Use --password-stdin (one password for every row), "
                        "--passwords-file FILE, or passwords saved in the OS keychain.")
                  << Qt::endl;
            return CommandLine::ExitUsage;
        }
    }
    if (sub == QLatin1String("plan"))
        return plan(rest);
    if (sub == QLatin1String("apply"))
        return apply(rest);
    const bool help = sub == QLatin1String("--help") || sub == QLatin1String("-h");
    (help ? m_out : m_err) << tr("Usage: das-connect-cli batch plan|apply FILE [options] (see batch plan "
                                 "--help, batch apply --help)")
                           << Qt::endl;
    if (help)
        m_out << u'\n' << CommandLine::examplesText(QStringLiteral("batch apply")) << Qt::flush;
    return help ? CommandLine::ExitOk : CommandLine::ExitUsage;
}

int BatchCommand::plan(const QStringList& arguments)
{
    const TargetOptions target;
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the plan as JSON."));
    CommandParser parser;
    parser.setApplicationDescription(
        tr("Plan a batch file (CSV or JSON): resolve names, check every row, and look on DAS for connections "
           "that already exist. Nothing is created."));
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The batch file (.csv or .json)."));
    parser.addOptions(target.options());
    parser.addOption(json);
    if (const auto done = CommandLine::parse(parser, arguments, m_out, m_err))
        return *done;

    DasContext c;
    BatchPlan plan;
    if (const int status = readAndPlan(parser, target, {}, parser.isSet(json), m_out, c, &plan))
        return status;
    printPlan(plan, parser.isSet(json), m_out);
    return planExitCode(plan);
}

QString BatchCommand::fileArgument(const QCommandLineParser& parser, QStringList* usage)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        usage->append(tr("name the batch file (a .csv or .json file)."));
    for (const QString& extra : positional.mid(1))
        usage->append(tr("unexpected argument \"%1\".").arg(extra));
    return positional.value(0);
}

int BatchCommand::readAndPlan(const QCommandLineParser& parser, const TargetOptions& target,
                              const QStringList& usage, bool json, QTextStream& planStream, DasContext& c,
                              BatchPlan* plan)
{
    QStringList problems = usage;
    const QString path = fileArgument(parser, &problems);
    // The file is read before the target is prepared: a file that cannot be used needs no project lookup, and
    // its problems are reported with every other one, before anything is sent.
    const BatchFileContent content = path.isEmpty() ? BatchFileContent() : BatchFileReader::read(path);
    if (!content.ok()) {
        for (const QString& line : problems)
            m_err << tr("error: %1").arg(line) << Qt::endl;
        printFileProblems(path, content.problems);
        plan->fileProblems = content.problems;
        if (json)
            printPlan(*plan, true, planStream);
        m_err << tr("Nothing was sent.") << Qt::endl;
        return CommandLine::ExitUsage;
    }
    if (const int status = c.prepare(target, parser, m_env, problems, m_err))
        return status;
    return runPlanner(c, content, plan);
}

int BatchCommand::runPlanner(DasContext& c, const BatchFileContent& content, BatchPlan* plan)
{
    BatchPlanner planner(c.services());
    QObject::connect(
        &planner, &BatchPlanner::stage, &planner, [this](const QString& what, int done, int total) {
            const QString text = what == QLatin1String("instances") ? tr("reading the instance list")
                                 : what == QLatin1String("nodes")   ? tr("reading the instances' nodes")
                                                                    : tr("reading the connections DAS holds");
            // `done` counts what is finished; the line names the one starting now.
            m_err << tr("planning: %1 (%2 of %3)…").arg(text).arg(qMin(done + 1, total)).arg(total)
                  << Qt::endl;
        });
    BatchPlanner::Request request;
    request.endpoint = c.values.target.endpoint;
    request.defaultProjectId = c.values.projectId;
    request.credentials = c.choice;
    request.content = content;
    const BatchPlanner::Outcome& outcome = runToEnd(planner, request);
    if (!outcome.ok) {
        if (outcome.credentialsUnavailable)
            m_err << tr("error: %1").arg(outcome.failure.explanation) << Qt::endl;
        else
            TargetOptions::printFailure(outcome.failure, m_err);
        m_err << tr("The batch was not planned; nothing was created.") << Qt::endl;
        return outcome.exitCode();
    }
    *plan = outcome.plan;
    return CommandLine::ExitOk;
}

void BatchCommand::printFileProblems(const QString& path, const QList<BatchFileProblem>& problems)
{
    for (const BatchFileProblem& p : problems) {
        if (p.row == 0 && p.column.isEmpty())
            m_err << tr("error: %1: %2").arg(path, p.message) << Qt::endl;
        else if (p.row == 0)
            m_err << tr("error: %1: column %2: %3").arg(path, p.column, p.message) << Qt::endl;
        else if (p.column.isEmpty())
            m_err << tr("error: %1: row %2: %3").arg(path).arg(p.row).arg(p.message) << Qt::endl;
        else
            m_err << tr("error: %1: row %2, column %3: %4").arg(path).arg(p.row).arg(p.column, p.message)
                  << Qt::endl;
    }
}

QString BatchCommand::describe(const BatchRowPlan& row)
{
    const ConnectionRequest& r = row.request;
    const QString instance = row.instanceName.isEmpty()
                                 ? r.instanceId
                                 : QStringLiteral("%1 (%2)").arg(row.instanceName, r.instanceId);
    return tr("%1, user %2, database %3")
        .arg(instance, r.username, r.databaseName.isEmpty() ? QStringLiteral("-") : r.databaseName);
}

void BatchCommand::printPlan(const BatchPlan& plan, bool json, QTextStream& stream)
{
    const int create = plan.count(BatchRowPlan::Action::Create);
    const int skip = plan.count(BatchRowPlan::Action::Skip);
    const int invalid = plan.count(BatchRowPlan::Action::Invalid);
    if (json) {
        QJsonArray rows;
        for (const BatchRowPlan& row : plan.rows)
            rows.append(row.toJson());
        QJsonArray problems;
        for (const BatchFileProblem& p : plan.fileProblems) {
            problems.append(QJsonObject{{QStringLiteral("row"), p.row},
                                        {QStringLiteral("column"), p.column},
                                        {QStringLiteral("message"), p.message}});
        }
        CliOutput::printJson(stream, QJsonObject{{QStringLiteral("rows"), rows},
                                                 {QStringLiteral("create"), create},
                                                 {QStringLiteral("skip"), skip},
                                                 {QStringLiteral("invalid"), invalid},
                                                 {QStringLiteral("usable"), plan.usable()},
                                                 {QStringLiteral("file_problems"), problems}});
        return;
    }
    for (const BatchRowPlan& row : plan.rows) {
        if (row.action == BatchRowPlan::Action::Create)
            stream << tr("row %1: create: %2").arg(row.row).arg(describe(row)) << Qt::endl;
        else if (row.action == BatchRowPlan::Action::Skip)
            stream << tr("row %1: skip (exists: %2): %3").arg(row.row).arg(row.existingId, describe(row))
                   << Qt::endl;
        else if (row.violations.isEmpty())
            stream << tr("row %1: invalid").arg(row.row) << Qt::endl;
        // Every violation of the row on a line of its own, so that one pass fixes the whole file.
        for (const BatchViolation& v : row.violations) {
            const QString where = v.column.isEmpty() ? QString() : v.column + QStringLiteral(", ");
            stream << tr("row %1: invalid (row %1, %2%3: %4)").arg(row.row).arg(where, v.rule, v.message)
                   << Qt::endl;
        }
    }
    stream << tr("Plan: %1 to create, %2 skipped (already on DAS), %3 invalid.")
                  .arg(create)
                  .arg(skip)
                  .arg(invalid)
           << Qt::endl;
}

int BatchCommand::planExitCode(const BatchPlan& plan)
{
    if (!plan.usable())
        return CommandLine::ExitUsage;
    return plan.count(BatchRowPlan::Action::Invalid) > 0 ? CommandLine::ExitApiError : CommandLine::ExitOk;
}

} // namespace das
