#include "HistoryCommand.h"

#include "AppPaths.h"
#include "HistoryStore.h"

#include "CliOutput.h"
#include "CommandLine.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace das {

namespace {

// The history keeps the port as the text that was typed; JSON readers want a number, or null for none.
QJsonObject withNumericPort(const HistoryRecord& r)
{
    QJsonObject object = r.toJson();
    bool ok = false;
    const int port = r.port.trimmed().toInt(&ok);
    object.insert(QStringLiteral("port"), ok ? QJsonValue(port) : QJsonValue(QJsonValue::Null));
    return object;
}

QString orDash(const QString& text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

} // namespace

HistoryCommand::HistoryCommand(QTextStream& out, QTextStream& err)
    : m_out(out)
    , m_err(err)
{}

int HistoryCommand::run(const QStringList& arguments)
{
    CommandParser parser;
    parser.setApplicationDescription(
        tr("List the creates made on this computer, newest first, with where each stands (pending, created, "
           "not_created, unknown, deleted)."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print a JSON array."));
    const QCommandLineOption tsvOption(QStringLiteral("tsv"),
                                       tr("Print tab-separated lines with a header, for scripts."));
    const QCommandLineOption filterOption(QStringLiteral("filter"), tr("Only rows containing TEXT."),
                                          QStringLiteral("TEXT"));
    parser.addOptions({jsonOption, tsvOption, filterOption});
    if (const auto done = CommandLine::parse(parser, arguments, m_out, m_err))
        return *done;
    if (parser.isSet(jsonOption) && parser.isSet(tsvOption)) {
        m_err << tr("error: --json and --tsv cannot be used together.") << Qt::endl;
        return CommandLine::ExitUsage;
    }

    HistoryStore store(AppPaths::historyDatabasePath());
    QString error;
    if (!store.open(&error)) {
        m_err << tr("error: %1").arg(error) << Qt::endl;
        return 1;
    }
    const QList<HistoryRecord> records =
        store.fetch(parser.value(filterOption), HistoryColumn::Time, Qt::DescendingOrder);
    if (parser.isSet(jsonOption)) {
        QJsonArray array;
        for (const HistoryRecord& r : records)
            array.append(withNumericPort(r));
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)) << Qt::flush;
        return 0;
    }
    if (records.isEmpty() && !parser.isSet(tsvOption)) {
        m_err << tr("No connections created yet (history: %1).").arg(store.path()) << Qt::endl;
        return 0;
    }
    const QStringList header = {tr("TIME (UTC)"), tr("STATE"),  tr("CONNECTION ID"), tr("ENGINE"),
                                tr("INSTANCE"),   tr("USER"),   tr("DATABASE"),      tr("PORT"),
                                tr("ENDPOINT"),   tr("REMARKS")};
    QList<QStringList> rows;
    for (const HistoryRecord& r : records) {
        QString remarks = r.remarks;
        remarks.replace(u'\n', u' ');
        // The origin only when it is not the usual one, so that a plain create reads "created".
        QString state = HistoryRecord::stateName(r.state);
        if (r.origin != HistoryRecord::Origin::Created)
            state += u'/' + HistoryRecord::originName(r.origin);
        rows.append({r.createdAt.toUTC().toString(Qt::ISODate), state, orDash(r.connectionId), r.engineType,
                     r.instanceId, r.username, orDash(r.databaseName), orDash(r.port), r.endpoint,
                     orDash(remarks)});
    }
    if (parser.isSet(tsvOption))
        CliOutput::printTsv(m_out, header, rows);
    else
        CliOutput::printTable(m_out, header, rows);
    return 0;
}

} // namespace das
