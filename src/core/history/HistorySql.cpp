#include "HistorySql.h"

#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

namespace das {

namespace HistorySql {

namespace {

const char* const Columns =
    "id, created_at, endpoint, region, project_id, instance_id, engine_type, network_type, "
    "username, node_ids, port, database_name, remarks, sql_record_flag, is_save_password, "
    "password_saved, connection_id, request_id, state, origin, state_detail, updated_at";

// The plain columns: where each stands in Columns, its name and the field it holds. id, the times,
// node_ids, state and origin need converting and are read and bound by hand.
struct TextColumn
{
    int index;
    const char* name;
    QString HistoryRecord::*field;
};
const TextColumn TextColumns[] = {
    {2, "endpoint", &HistoryRecord::endpoint},           {3, "region", &HistoryRecord::region},
    {4, "project_id", &HistoryRecord::projectId},        {5, "instance_id", &HistoryRecord::instanceId},
    {6, "engine_type", &HistoryRecord::engineType},      {7, "network_type", &HistoryRecord::networkType},
    {8, "username", &HistoryRecord::username},           {10, "port", &HistoryRecord::port},
    {11, "database_name", &HistoryRecord::databaseName}, {12, "remarks", &HistoryRecord::remarks},
    {16, "connection_id", &HistoryRecord::connectionId}, {17, "request_id", &HistoryRecord::requestId},
    {20, "state_detail", &HistoryRecord::stateDetail},
};
struct FlagColumn
{
    int index;
    const char* name;
    bool HistoryRecord::*field;
};
const FlagColumn FlagColumns[] = {
    {13, "sql_record_flag", &HistoryRecord::sqlRecordFlag},
    {14, "is_save_password", &HistoryRecord::isSavePassword},
    {15, "password_saved", &HistoryRecord::passwordSaved},
};
constexpr int StateIndex = 18;
constexpr int OriginIndex = 19;
constexpr int UpdatedAtIndex = 21;

} // namespace

QLatin1String columns()
{
    return QLatin1String(Columns);
}

QString timestamp(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QStringLiteral("");
}

QDateTime fromTimestamp(const QString& text)
{
    if (text.isEmpty())
        return {};
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    time.setTimeZone(QTimeZone::utc());
    return time;
}

QString nonNull(const QString& text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

HistoryRecord readRecord(const QSqlQuery& q)
{
    HistoryRecord r;
    r.id = q.value(0).toLongLong();
    r.createdAt = fromTimestamp(q.value(1).toString());
    const QString nodes = q.value(9).toString();
    r.nodeIds = nodes.isEmpty() ? QStringList() : nodes.split(u',');
    for (const TextColumn& c : TextColumns)
        r.*c.field = q.value(c.index).toString();
    for (const FlagColumn& c : FlagColumns)
        r.*c.field = q.value(c.index).toBool();
    // Only this code writes these columns; a name it does not know is a damaged row, and Unknown is the
    // state that sends it to be checked on DAS.
    r.state =
        HistoryRecord::stateFromName(q.value(StateIndex).toString()).value_or(HistoryRecord::State::Unknown);
    r.origin = HistoryRecord::originFromName(q.value(OriginIndex).toString())
                   .value_or(HistoryRecord::Origin::Created);
    r.updatedAt = fromTimestamp(q.value(UpdatedAtIndex).toString());
    return r;
}

QString insertStatement()
{
    // Every column but id, in the order of Columns.
    const QStringList names = QString::fromLatin1(Columns).split(QStringLiteral(", ")).mid(1);
    QStringList placeholders;
    for (const QString& name : names)
        placeholders.append(u':' + name);
    return QStringLiteral("INSERT INTO connections (%1) VALUES (%2)")
        .arg(names.join(QStringLiteral(", ")), placeholders.join(QStringLiteral(", ")));
}

void bindRecord(QSqlQuery& q, const HistoryRecord& record)
{
    q.bindValue(QStringLiteral(":created_at"), timestamp(record.createdAt));
    q.bindValue(QStringLiteral(":node_ids"), nonNull(record.nodeIds.join(u',')));
    for (const TextColumn& c : TextColumns)
        q.bindValue(u':' + QLatin1String(c.name), nonNull(record.*c.field));
    for (const FlagColumn& c : FlagColumns)
        q.bindValue(u':' + QLatin1String(c.name), record.*c.field);
    q.bindValue(QStringLiteral(":state"), HistoryRecord::stateName(record.state));
    q.bindValue(QStringLiteral(":origin"), HistoryRecord::originName(record.origin));
    q.bindValue(QStringLiteral(":updated_at"), timestamp(record.updatedAt));
}

} // namespace HistorySql

} // namespace das
