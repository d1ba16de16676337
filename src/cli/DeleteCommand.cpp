#include "DeleteCommand.h"

#include "AppPaths.h"
#include "CliOutput.h"
#include "CommandLine.h"
#include "ConnectionDeleter.h"
#include "ConnectionList.h"
#include "DasContext.h"
#include "HistoryStore.h"
#include "TeardownPlanner.h"

#include <QCommandLineParser>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace das {

namespace {

// One connection in the confirmation: enough to recognise it without opening the console.
QString describe(const ConnectionInfo& c)
{
    const QString database = c.databaseName.isEmpty() ? QStringLiteral("-") : c.databaseName;
    return DeleteCommand::tr("  %1  %2 (%3), user %4, database %5, created %6")
        .arg(c.connectionId, c.instanceName.isEmpty() ? QStringLiteral("-") : c.instanceName, c.instanceId,
             c.userName, database, CliOutput::localTime(c.createAt));
}

QString instanceOf(const ConnectionInfo& c)
{
    return c.instanceName.isEmpty() ? c.instanceId
                                    : QStringLiteral("%1 (%2)").arg(c.instanceName, c.instanceId);
}

} // namespace

DeleteCommand::DeleteCommand(QTextStream& out, QTextStream& err, QTextStream& in,
                             const QProcessEnvironment& env)
    : m_out(out)
    , m_err(err)
    , m_in(in)
    , m_env(env)
{}

QDateTime DeleteCommand::parseSince(const QString& text, const QDateTime& now)
{
    static const QRegularExpression relative(QStringLiteral("^(\\d{1,6})([mhd])$"));
    const QString trimmed = text.trimmed();
    const QRegularExpressionMatch match = relative.match(trimmed);
    if (match.hasMatch()) {
        const qint64 count = match.captured(1).toLongLong();
        const QChar unit = match.captured(2).at(0);
        const qint64 seconds = unit == u'm' ? 60 : unit == u'h' ? 3600 : 86400;
        return now.toUTC().addSecs(-count * seconds);
    }
    QString iso = trimmed;
    // "2026-11-30 08:00", as people type it, is the ISO form with a space for the T.
    if (iso.size() > 10 && iso.at(10) == u' ')
        iso[10] = u'T';
    QDateTime time = QDateTime::fromString(iso, Qt::ISODate);
    if (!time.isValid() && iso.size() == 10) {
        const QDate date = QDate::fromString(iso, Qt::ISODate);
        if (date.isValid())
            time = date.startOfDay();
    }
    return time.isValid() ? time.toUTC() : QDateTime();
}

int DeleteCommand::run(const QStringList& arguments)
{
    const TargetOptions target;
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the result as JSON."));
    const QCommandLineOption yes(QStringLiteral("yes"), tr("Delete without asking."));
    const QCommandLineOption since(
        QStringLiteral("created-since"),
        tr("Delete what this computer created on the target since TIME: ISO 8601 (local time unless it ends "
           "in Z or an offset) or 30m, 2h, 1d before now."),
        QStringLiteral("TIME"));
    CommandParser parser;
    parser.setApplicationDescription(tr("Delete connections on DAS (BatchDeleteConnectionNew)."));
    parser.addPositionalArgument(QStringLiteral("CONNECTION_ID"), tr("Connections to delete."),
                                 QStringLiteral("[CONNECTION_ID...]"));
    parser.addOptions(target.options());
    parser.addOptions({since, yes, json});
    if (const auto done = CommandLine::parse(parser, arguments, m_out, m_err))
        return *done;

    QStringList ids;
    for (const QString& id : parser.positionalArguments())
        ids.append(id.trimmed());
    ids.removeDuplicates();
    ids.removeAll(QString());
    QDateTime sinceTime;
    QStringList usage;
    if (parser.isSet(since) == !ids.isEmpty())
        usage.append(tr("name the connections to delete, or give --created-since TIME (not both)."));
    if (parser.isSet(since))
        usage += readSince(parser.value(since), &sinceTime);
    // Asked before anything is sent: a script that forgot --yes must not read DAS first and then stop.
    if (!parser.isSet(yes) && !CliOutput::stdinIsTerminal())
        usage.append(tr("not deleting without confirmation: stdin is not a terminal. Add --yes to delete "
                        "without being asked."));

    DasContext c;
    if (const int status = c.prepare(target, parser, m_env, usage, m_err))
        return status;
    HistoryStore history(AppPaths::historyDatabasePath());
    Plan plan;
    if (const int status = makePlan(c, history, ids, sinceTime, plan))
        return status;
    showPlan(plan);
    if (plan.ids.isEmpty()) {
        printResult(plan, {}, {}, {}, parser.isSet(json));
        return plan.notFound.isEmpty() ? CommandLine::ExitOk : CommandLine::ExitApiError;
    }
    if (!parser.isSet(yes) &&
        !CliOutput::confirm(tr("Delete %n connection(s) on DAS? [y/N]", nullptr, int(plan.ids.size())), m_err,
                            m_in)) {
        m_err << tr("Nothing was deleted.") << Qt::endl;
        return ExitDeclined;
    }
    return execute(c, history, plan, parser.isSet(json));
}

QStringList DeleteCommand::readSince(const QString& text, QDateTime* since)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    *since = parseSince(text, now);
    if (!since->isValid())
        return {tr("--created-since: \"%1\" is neither an ISO 8601 time (2026-11-30T08:00) nor a time before "
                   "now such as 30m, 2h or 1d.")
                    .arg(text)};
    if (*since > now)
        return {tr("--created-since: %1 is in the future.").arg(CliOutput::localTime(*since))};
    return {};
}

int DeleteCommand::makePlan(DasContext& c, HistoryStore& history, const QStringList& ids,
                            const QDateTime& since, Plan& plan)
{
    if (since.isValid()) {
        // The history is what says what was created here: without it there is no plan.
        if (!DasContext::openHistory(history, m_err))
            return ExitHistory;
        return planSince(c, history, since, plan);
    }
    // Deleting by ID works without the history; its rows are then left as they are.
    QString historyError;
    if (!history.open(&historyError))
        m_err << tr("warning: %1").arg(historyError) << Qt::endl;
    return planIds(c, ids, plan);
}

int DeleteCommand::planIds(DasContext& c, const QStringList& ids, Plan& plan)
{
    // One listing of every page, so that the confirmation can name instances and users, and an ID DAS does
    // not hold is reported instead of failing the whole batch.
    ConnectionList::Request request;
    request.endpoint = c.values.target.endpoint;
    request.projectId = c.values.projectId;
    request.credentials = c.choice;
    request.allPages = true;
    ConnectionList list(c.services());
    const ConnectionList::Outcome& outcome = runToEnd(list, request);
    if (!outcome.ok) {
        TargetOptions::printFailure(outcome.failure, m_err);
        return outcome.exitCode();
    }
    QHash<QString, ConnectionInfo> listed;
    for (const ConnectionInfo& info : outcome.connections)
        listed.insert(info.connectionId, info);
    for (const QString& id : ids) {
        const auto it = listed.constFind(id);
        if (it == listed.constEnd()) {
            plan.notFound.append(id);
            continue;
        }
        plan.ids.append(id);
        plan.lines.append(describe(*it));
        if (!plan.instances.contains(instanceOf(*it)))
            plan.instances.append(instanceOf(*it));
    }
    return CommandLine::ExitOk;
}

int DeleteCommand::planSince(DasContext& c, HistoryStore& history, const QDateTime& since, Plan& plan)
{
    plan.sinceMode = true;
    TeardownPlanner planner(c.services(), &history);
    const TeardownPlanner::Outcome& outcome = runToEnd(
        planner, TeardownPlanner::Request{c.values.target.endpoint, c.values.projectId, c.choice, since});
    if (!outcome.ok) {
        TargetOptions::printFailure(outcome.failure, m_err);
        return outcome.exitCode();
    }
    for (const TeardownPlanner::Item& item : outcome.toDelete) {
        plan.ids.append(item.row.connectionId);
        plan.lines.append(describe(item.onDas));
        if (!plan.instances.contains(instanceOf(item.onDas)))
            plan.instances.append(instanceOf(item.onDas));
    }
    plan.ids.removeDuplicates();
    plan.alreadyGone = outcome.alreadyGone;
    if (plan.ids.isEmpty()) {
        m_err << tr("Nothing to delete: no connection created here on %1 (project %2) since %3 is still on "
                    "DAS.")
                     .arg(c.values.target.endpoint.toString(), c.values.projectId,
                          CliOutput::localTime(since))
              << Qt::endl;
    }
    return CommandLine::ExitOk;
}

void DeleteCommand::showPlan(const Plan& plan)
{
    for (const QString& id : plan.notFound)
        m_err << tr("not on DAS, not sent: %1").arg(id) << Qt::endl;
    if (!plan.alreadyGone.isEmpty()) {
        m_err << tr("Already gone from DAS (marked deleted in the history):") << Qt::endl;
        for (const HistoryRecord& row : plan.alreadyGone)
            m_err << QStringLiteral("  %1  %2").arg(row.connectionId, row.instanceId) << Qt::endl;
    }
    if (plan.ids.isEmpty())
        return;
    m_err << tr("To delete on DAS: %n connection(s)", nullptr, int(plan.ids.size()))
          << tr(" on %n instance(s): ", nullptr, int(plan.instances.size()))
          << plan.instances.join(QStringLiteral(", ")) << Qt::endl;
    for (const QString& line : plan.lines)
        m_err << line << Qt::endl;
}

int DeleteCommand::execute(DasContext& c, HistoryStore& history, const Plan& plan, bool json)
{
    ConnectionDeleter deleter(c.services(), &history);
    QObject::connect(&deleter, &ConnectionDeleter::progress, &deleter, [this](int done, int total) {
        if (total > ConnectionDeleter::ChunkSize)
            m_err << tr("deleted %1 of %2…").arg(done).arg(total) << Qt::endl;
    });
    const ConnectionDeleter::Outcome& outcome =
        runToEnd(deleter, ConnectionDeleter::Request{c.values.target.endpoint, c.values.projectId, c.choice,
                                                     plan.ids});
    printResult(plan, outcome.deleted, outcome.uncertain, outcome.notSent, json);
    if (!outcome.historyWarning.isEmpty())
        m_err << tr("warning: %1").arg(outcome.historyWarning) << Qt::endl;
    if (!outcome.ok) {
        if (outcome.credentialsUnavailable)
            m_err << tr("error: %1").arg(outcome.failure.explanation) << Qt::endl;
        else
            TargetOptions::printFailure(outcome.failure, m_err);
        if (!outcome.uncertain.isEmpty())
            m_err << tr("The answer to the last delete was lost: list the connections (das-connect-cli "
                        "connections) to see whether they are gone.")
                  << Qt::endl;
        return outcome.exitCode();
    }
    return plan.notFound.isEmpty() ? CommandLine::ExitOk : CommandLine::ExitApiError;
}

void DeleteCommand::printResult(const Plan& plan, const QStringList& deleted, const QStringList& uncertain,
                                const QStringList& notSent, bool json)
{
    if (json) {
        QJsonObject result{
            {QStringLiteral("deleted"), QJsonArray::fromStringList(deleted)},
            {QStringLiteral("uncertain"), QJsonArray::fromStringList(uncertain)},
            {QStringLiteral("not_sent"), QJsonArray::fromStringList(notSent + plan.notFound)},
            {QStringLiteral("not_found"), QJsonArray::fromStringList(plan.notFound)},
        };
        if (plan.sinceMode) {
            QStringList gone;
            for (const HistoryRecord& row : plan.alreadyGone)
                gone.append(row.connectionId);
            result.insert(QStringLiteral("already_gone"), QJsonArray::fromStringList(gone));
        }
        CliOutput::printJson(m_out, result);
        return;
    }
    for (const QString& id : deleted)
        m_out << tr("deleted: %1").arg(id) << Qt::endl;
    for (const QString& id : uncertain)
        m_out << tr("uncertain: %1").arg(id) << Qt::endl;
    for (const QString& id : notSent)
        m_out << tr("not sent: %1").arg(id) << Qt::endl;
}

} // namespace das
