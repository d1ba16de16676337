#include "HistoryCommand.h"

#include "AppPaths.h"
#include "HistoryStore.h"

#include "CommandLine.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

namespace das {

HistoryCommand::HistoryCommand(QTextStream& out, QTextStream& err)
    : m_out(out)
    , m_err(err)
{}

int HistoryCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("List the creates made on this computer, newest first, with where each stands (pending, created, "
           "not_created, unknown, deleted)."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print a JSON array."));
    const QCommandLineOption filterOption(QStringLiteral("filter"), tr("Only rows containing TEXT."),
                                          QStringLiteral("TEXT"));
    parser.addOptions({jsonOption, filterOption});
    if (const auto done = CommandLine::parse(parser, arguments, m_out, m_err))
        return *done;

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
            array.append(r.toJson());
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)) << Qt::flush;
        return 0;
    }
    if (records.isEmpty()) {
        m_err << tr("No connections created yet (history: %1).").arg(store.path()) << Qt::endl;
        return 0;
    }
    for (const HistoryRecord& r : records) {
        QString remarks = r.remarks;
        remarks.replace(u'\n', u' ');
        // The origin only when it is not the usual one, so that a plain create reads "created".
        QString state = HistoryRecord::stateName(r.state);
        if (r.origin != HistoryRecord::Origin::Created)
            state += u'/' + HistoryRecord::originName(r.origin);
        m_out << r.createdAt.toUTC().toString(Qt::ISODate) << u' ' << state << u' '
              << (r.connectionId.isEmpty() ? QStringLiteral("-") : r.connectionId) << u' ' << r.engineType
              << u' ' << r.instanceId << u' ' << r.username << u' ' << r.endpoint;
        if (!remarks.isEmpty())
            m_out << QStringLiteral(" \"") << remarks << u'"';
        m_out << Qt::endl;
    }
    return 0;
}

} // namespace das
