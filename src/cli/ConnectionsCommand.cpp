#include "ConnectionsCommand.h"

#include "AppPaths.h"
#include "CliOutput.h"
#include "CommandLine.h"
#include "ConnectionList.h"
#include "DasContext.h"
#include "HistoryStore.h"
#include "OutcomeReconciler.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace das {

namespace {

QString verdictName(OutcomeReconciler::Verdict verdict)
{
    switch (verdict) {
    case OutcomeReconciler::Verdict::Created:
        return QStringLiteral("created");
    case OutcomeReconciler::Verdict::NotCreated:
        return QStringLiteral("not_created");
    case OutcomeReconciler::Verdict::Ambiguous:
        return QStringLiteral("ambiguous");
    }
    return {};
}

QJsonObject reconciledJson(const HistoryReconciliation::RowResult& r)
{
    const OutcomeReconciler::Outcome& o = r.outcome;
    QJsonObject item{
        {QStringLiteral("history_id"), r.row.id},
        {QStringLiteral("instance_id"), r.row.instanceId},
        {QStringLiteral("user_name"), r.row.username},
        {QStringLiteral("database_name"), r.row.databaseName},
        {QStringLiteral("verdict"), o.ok ? verdictName(o.verdict) : QStringLiteral("failed")},
        {QStringLiteral("connection_id"),
         o.ok && o.verdict == OutcomeReconciler::Verdict::Created ? o.match.connectionId : QString()},
        {QStringLiteral("candidates"),
         QJsonArray::fromStringList(o.ok ? ConnectionInfo::idsOf(o.candidates) : QStringList())},
    };
    if (!o.ok)
        item.insert(QStringLiteral("error"), o.failure.explanation);
    return item;
}

} // namespace

ConnectionsCommand::ConnectionsCommand(QTextStream& out, QTextStream& err, const QProcessEnvironment& env)
    : m_out(out)
    , m_err(err)
    , m_env(env)
{}

bool ConnectionsCommand::isVerb(const QString& verb)
{
    return verb == QLatin1String("connections") || verb == QLatin1String("reconcile");
}

int ConnectionsCommand::run(const QString& verb, const QStringList& arguments)
{
    const TargetOptions target;
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    const QCommandLineOption instance(QStringLiteral("instance-id"), tr("Only connections to this instance."),
                                      QStringLiteral("ID"));
    const QCommandLineOption filter(
        QStringLiteral("filter"),
        tr("Only connections DAS matches with TEXT (address, instance name, remarks; sent as condition)."),
        QStringLiteral("TEXT"));
    CommandParser parser;
    parser.addOptions(target.options());
    parser.addOption(json);
    const bool listing = verb == QLatin1String("connections");
    if (listing) {
        parser.setApplicationDescription(
            tr("List the connections DAS holds for the project (every page), marking those this computer "
               "created."));
        parser.addOptions({instance, filter});
    } else {
        parser.setApplicationDescription(
            tr("Settle the history's pending and unknown creates for the target by asking DAS what exists; "
               "nothing is created or deleted."));
    }
    if (const auto done = CommandLine::parse(parser, arguments, m_out, m_err))
        return *done;
    QStringList usage;
    if (!parser.positionalArguments().isEmpty())
        usage.append(tr("unexpected argument \"%1\".").arg(parser.positionalArguments().constFirst()));
    DasContext c;
    if (const int status = c.prepare(target, parser, m_env, usage, m_err))
        return status;
    if (listing)
        return list(c, parser.value(instance).trimmed(), parser.value(filter).trimmed(), parser.isSet(json));
    return reconcile(c, parser.isSet(json));
}

int ConnectionsCommand::list(DasContext& c, const QString& instanceId, const QString& filter, bool json)
{
    ConnectionList::Request request;
    request.endpoint = c.values.target.endpoint;
    request.projectId = c.values.projectId;
    request.credentials = c.choice;
    request.instanceId = instanceId;
    request.condition = filter;
    request.allPages = true;
    ConnectionList list(c.services());
    const ConnectionList::Outcome& outcome = runToEnd(list, request);
    if (!outcome.ok) {
        TargetOptions::printFailure(outcome.failure, m_err);
        return outcome.exitCode();
    }
    if (outcome.truncated)
        m_err << tr("warning: only the first %1 connections are shown.").arg(ConnectionList::MaxConnections)
              << Qt::endl;
    // The history only marks rows; without it the list is still worth showing.
    HistoryStore history(AppPaths::historyDatabasePath());
    QString historyError;
    if (!history.open(&historyError))
        m_err << tr("warning: %1").arg(historyError) << Qt::endl;
    const QSet<QString> known = history.isOpen() ? history.connectionIds() : QSet<QString>();

    QJsonArray items;
    QList<QStringList> rows;
    int inHistory = 0;
    int instanceGone = 0;
    for (const ConnectionInfo& i : outcome.connections) {
        const bool here = known.contains(i.connectionId);
        inHistory += here;
        instanceGone += i.instanceDeleted();
        QJsonObject item = i.toJson();
        item.insert(QStringLiteral("in_history"), here);
        items.append(item);
        rows.append({i.connectionId, i.instanceName.isEmpty() ? QStringLiteral("-") : i.instanceName,
                     i.instanceId, i.engineType, i.networkType, i.userName,
                     i.databaseName.isEmpty() ? QStringLiteral("-") : i.databaseName,
                     i.port ? QString::number(i.port) : QStringLiteral("-"), CliOutput::localTime(i.createAt),
                     i.status, here ? tr("yes") : tr("no")});
    }
    if (json) {
        CliOutput::printJson(m_out, items);
        return CommandLine::ExitOk;
    }
    CliOutput::printTable(m_out,
                          {tr("CONNECTION ID"), tr("INSTANCE NAME"), tr("INSTANCE ID"), tr("ENGINE"),
                           tr("NETWORK"), tr("USER"), tr("DATABASE"), tr("PORT"), tr("CREATED"), tr("STATUS"),
                           tr("IN HISTORY")},
                          rows);
    m_err << tr("%n connection(s) on DAS, %1 of them in this computer's history.", nullptr,
                int(outcome.connections.size()))
                 .arg(inHistory)
          << Qt::endl;
    if (instanceGone)
        m_err << tr("%n connection(s) point at an instance that no longer exists (status INSTANCE_DELETE).",
                    nullptr, instanceGone)
              << Qt::endl;
    return CommandLine::ExitOk;
}

QString ConnectionsCommand::verdictText(const OutcomeReconciler::Outcome& o)
{
    if (!o.ok)
        return tr("not checked: %1").arg(o.failure.explanation);
    switch (o.verdict) {
    case OutcomeReconciler::Verdict::Created:
        return tr("created (confirmed on DAS): %1").arg(o.match.connectionId);
    case OutcomeReconciler::Verdict::NotCreated:
        return tr("not created, safe to create again");
    case OutcomeReconciler::Verdict::Ambiguous:
        break;
    }
    return tr("several candidates on DAS: %1 (left unknown)")
        .arg(ConnectionInfo::idsOf(o.candidates).join(QStringLiteral(", ")));
}

int ConnectionsCommand::reconcile(DasContext& c, bool json)
{
    HistoryStore history(AppPaths::historyDatabasePath());
    if (!DasContext::openHistory(history, m_err))
        return 1;
    HistoryReconciliation reconciliation(c.services(), &history);
    // Once per look at DAS (at its first row): a row written moments ago gets several looks.
    QObject::connect(&reconciliation, &HistoryReconciliation::rowStarted, &reconciliation,
                     [this](int index, int count, const HistoryRecord&) {
                         if (index == 0)
                             m_err << tr("asking DAS about %n unresolved create(s)…", nullptr, count)
                                   << Qt::endl;
                     });
    const HistoryReconciliation::Outcome& outcome =
        runToEnd(reconciliation,
                 HistoryReconciliation::Request{c.values.target.endpoint, c.values.projectId, c.choice});
    if (outcome.credentialsUnavailable) {
        m_err << tr("error: %1").arg(outcome.failure.explanation) << Qt::endl;
        return CommandLine::ExitKeychain;
    }
    QJsonArray items;
    for (const HistoryReconciliation::RowResult& r : outcome.rows) {
        items.append(reconciledJson(r));
        if (!json) {
            m_out << tr("row %1 (instance %2, user %3, database %4): %5")
                         .arg(QString::number(r.row.id), r.row.instanceId, r.row.username,
                              r.row.databaseName.isEmpty() ? QStringLiteral("-") : r.row.databaseName,
                              verdictText(r.outcome))
                  << Qt::endl;
        }
        if (!r.outcome.historyWarning.isEmpty())
            m_err << tr("warning: %1").arg(r.outcome.historyWarning) << Qt::endl;
    }
    if (json)
        CliOutput::printJson(m_out, QJsonObject{{QStringLiteral("rows"), items},
                                                {QStringLiteral("skipped"), outcome.skipped}});
    else if (outcome.rows.isEmpty())
        m_err << tr("No pending or unknown creates in the history for this target.") << Qt::endl;
    if (outcome.skipped && !json)
        m_out << tr("Skipped %n unresolved row(s) of other targets (endpoint or project).", nullptr,
                    outcome.skipped)
              << Qt::endl;
    if (outcome.stopped)
        TargetOptions::printFailure(outcome.failure, m_err);
    return outcome.exitCode();
}

} // namespace das
