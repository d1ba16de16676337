#include "HistorySql.h"

#include "SqliteConnection.h"

#include <QTimeZone>
#include <QVariant>

#include <sqlite3.h>

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
constexpr int CreatedAtIndex = 1;
constexpr int NodeIdsIndex = 9;
constexpr int StateIndex = 18;
constexpr int OriginIndex = 19;
constexpr int UpdatedAtIndex = 21;

} // namespace

QString sortExpression(HistoryColumn::Column column)
{
    switch (column) {
    case HistoryColumn::Time:
        return QStringLiteral("id");
    case HistoryColumn::Endpoint:
        return QStringLiteral("endpoint");
    case HistoryColumn::Instance:
        return QStringLiteral("instance_id");
    case HistoryColumn::Engine:
        return QStringLiteral("engine_type");
    case HistoryColumn::Username:
        return QStringLiteral("username");
    case HistoryColumn::ConnectionId:
        return QStringLiteral("connection_id");
    case HistoryColumn::Remarks:
        return QStringLiteral("remarks");
    case HistoryColumn::PasswordSaved:
        return QStringLiteral("password_saved");
    case HistoryColumn::State:
        return QStringLiteral("state");
    // No index behind these: they are sorted by now and then, and an index per column would slow every add.
    case HistoryColumn::ProjectId:
        return QStringLiteral("project_id");
    case HistoryColumn::Region:
        return QStringLiteral("region");
    case HistoryColumn::NetworkType:
        return QStringLiteral("network_type");
    case HistoryColumn::NodeIds:
        return QStringLiteral("node_ids");
    case HistoryColumn::Port:
        // Text in the table; numbers sort as numbers ("" first).
        return QStringLiteral("CAST(port AS INTEGER)");
    case HistoryColumn::DatabaseName:
        return QStringLiteral("database_name");
    case HistoryColumn::RequestId:
        return QStringLiteral("request_id");
    case HistoryColumn::UpdatedAt:
        return QStringLiteral("updated_at");
    case HistoryColumn::StateDetail:
        return QStringLiteral("state_detail");
    case HistoryColumn::Count:
        break;
    }
    return QStringLiteral("id");
}

int columnCount()
{
    return int(QString::fromLatin1(Columns).count(u',')) + 1;
}

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
    // What timestamp() writes, "2024-05-01T09:30:15.250Z", read by hand: QDateTime::fromString() was a
    // good part of reading (and exporting) 100,000 rows.
    static constexpr char16_t Shape[] = u"0000-00-00T00:00:00.000Z";
    if (text.size() == 24) {
        const char16_t* c = reinterpret_cast<const char16_t*>(text.utf16());
        bool plain = true;
        for (int i = 0; i < 24 && plain; ++i)
            plain = Shape[i] == u'0' ? (c[i] >= u'0' && c[i] <= u'9') : c[i] == Shape[i];
        if (plain) {
            auto number = [c](int at, int digits) {
                int value = 0;
                for (int i = at; i < at + digits; ++i)
                    value = value * 10 + (c[i] - u'0');
                return value;
            };
            return QDateTime(QDate(number(0, 4), number(5, 2), number(8, 2)),
                             QTime(number(11, 2), number(14, 2), number(17, 2), number(20, 3)),
                             QTimeZone::utc());
        }
    }
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    time.setTimeZone(QTimeZone::utc());
    return time;
}

QString nonNull(const QString& text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

namespace {

template <typename Value> HistoryRecord readRecordFrom(const Value& value)
{
    HistoryRecord r;
    r.id = value(0).toLongLong();
    r.createdAt = fromTimestamp(value(CreatedAtIndex).toString());
    const QString nodes = value(NodeIdsIndex).toString();
    r.nodeIds = nodes.isEmpty() ? QStringList() : nodes.split(u',');
    for (const TextColumn& c : TextColumns)
        r.*c.field = value(c.index).toString();
    for (const FlagColumn& c : FlagColumns)
        r.*c.field = value(c.index).toBool();
    // Only this code writes these columns; a name it does not know is a damaged row, and Unknown is the
    // state that sends it to be checked on DAS.
    r.state =
        HistoryRecord::stateFromName(value(StateIndex).toString()).value_or(HistoryRecord::State::Unknown);
    r.origin =
        HistoryRecord::originFromName(value(OriginIndex).toString()).value_or(HistoryRecord::Origin::Created);
    r.updatedAt = fromTimestamp(value(UpdatedAtIndex).toString());
    return r;
}

} // namespace

HistoryRecord readRecord(sqlite3_stmt* statement)
{
    return readRecordFrom([statement](int column) { return SqliteQuery::columnValue(statement, column); });
}

QString insertStatement(int rows)
{
    // Every column but id, in the order of Columns.
    const QStringList names = QString::fromLatin1(Columns).split(QStringLiteral(", ")).mid(1);
    // Positional: bindRecord() binds by position, without building and looking up a name per value.
    const QString row =
        u'(' + QStringList(names.size(), QStringLiteral("?")).join(QStringLiteral(", ")) + u')';
    return QStringLiteral("INSERT INTO connections (%1) VALUES %2")
        .arg(names.join(QStringLiteral(", ")), QStringList(rows, row).join(QStringLiteral(", ")));
}

sqlite3_stmt* prepareInsert(sqlite3* db, int rows)
{
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v3(db, insertStatement(rows).toUtf8().constData(), -1, SQLITE_PREPARE_PERSISTENT,
                           &statement, nullptr) != SQLITE_OK) {
        sqlite3_finalize(statement);
        return nullptr;
    }
    return statement;
}

int insertColumnCount()
{
    return columnCount() - 1;
}

namespace {

// Appends `text` as UTF-8; false, appending nothing, when it holds a surrogate (SQLite's own conversion of
// UTF-16, which QtSql's binding used, treats unpaired ones its own way: such text is bound as UTF-16).
bool appendUtf8(QByteArray& out, QStringView text)
{
    const qsizetype start = out.size();
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        if (c < 0x80) {
            out += char(c);
        } else if (c < 0x800) {
            out += char(0xc0 | (c >> 6));
            out += char(0x80 | (c & 0x3f));
        } else if (QChar::isSurrogate(c)) {
            out.truncate(start);
            return false;
        } else {
            out += char(0xe0 | (c >> 12));
            out += char(0x80 | ((c >> 6) & 0x3f));
            out += char(0x80 | (c & 0x3f));
        }
    }
    return true;
}

// timestamp(time) as UTF-8, written by hand for the usual years (QDateTime::toString() was a good part of a
// bulk insert).
void appendTimestamp(QByteArray& out, const QDateTime& time)
{
    if (!time.isValid())
        return;
    const qint64 msecs = time.toMSecsSinceEpoch();
    const qint64 days = msecs >= 0 ? msecs / 86400000 : -((-msecs + 86399999) / 86400000);
    const QDate date = QDate::fromJulianDay(days + 2440588);
    if (date.year() < 1000 || date.year() > 9999) {
        out += timestamp(time).toUtf8();
        return;
    }
    const int ms = int(msecs - days * 86400000);
    char text[] = "0000-00-00T00:00:00.000Z";
    auto put = [&text](int at, int digits, int value) {
        for (int i = at + digits - 1; i >= at; --i, value /= 10)
            text[i] = char('0' + value % 10);
    };
    put(0, 4, date.year());
    put(5, 2, date.month());
    put(8, 2, date.day());
    put(11, 2, ms / 3600000);
    put(14, 2, ms / 60000 % 60);
    put(17, 2, ms / 1000 % 60);
    put(20, 3, ms % 1000);
    out.append(text, 24);
}

const QByteArray& nameBytes(HistoryRecord::State state)
{
    static const QList<QByteArray> names = [] {
        QList<QByteArray> all;
        for (int i = 0; i <= int(HistoryRecord::State::Deleted); ++i)
            all.append(HistoryRecord::stateName(HistoryRecord::State(i)).toLatin1());
        return all;
    }();
    return names.at(int(state));
}

const QByteArray& nameBytes(HistoryRecord::Origin origin)
{
    static const QList<QByteArray> names = [] {
        QList<QByteArray> all;
        for (int i = 0; i <= int(HistoryRecord::Origin::Adopted); ++i)
            all.append(HistoryRecord::originName(HistoryRecord::Origin(i)).toLatin1());
        return all;
    }();
    return names.at(int(origin));
}

} // namespace

bool bindRecord(sqlite3_stmt* s, const HistoryRecord& record, BoundText& keep, int row)
{
    const int base = row * insertColumnCount();
    // Parameter i (1-based) is column i of Columns (id has none). First every value into one buffer (which
    // may move as it grows), then the bindings to it.
    constexpr int Count = UpdatedAtIndex + 1;
    static_assert(Count <= int(sizeof(BoundText::wide) / sizeof(QString)));
    qsizetype start[Count] = {};
    qsizetype end[Count] = {};
    bool wide[Count] = {};
    QByteArray& out = keep.utf8;
    out.resize(0);
    auto text = [&](int column, const QString& value) {
        start[column] = out.size();
        wide[column] = !appendUtf8(out, value);
        if (wide[column])
            keep.wide[column] = value;
        end[column] = out.size();
    };
    start[CreatedAtIndex] = out.size();
    appendTimestamp(out, record.createdAt);
    end[CreatedAtIndex] = out.size();
    start[UpdatedAtIndex] = out.size();
    appendTimestamp(out, record.updatedAt);
    end[UpdatedAtIndex] = out.size();
    start[StateIndex] = out.size();
    out += nameBytes(record.state);
    end[StateIndex] = start[OriginIndex] = out.size();
    out += nameBytes(record.origin);
    end[OriginIndex] = out.size();
    text(NodeIdsIndex, record.nodeIds.size() == 1 ? record.nodeIds.constFirst() : record.nodeIds.join(u','));
    for (const TextColumn& c : TextColumns)
        text(c.index, record.*c.field);
    bool ok = true;
    for (const FlagColumn& c : FlagColumns) {
        ok = ok && sqlite3_bind_int(s, base + c.index, record.*c.field ? 1 : 0) == SQLITE_OK;
        start[c.index] = -1;
    }
    for (int column = 1; ok && column < Count; ++column) {
        if (start[column] < 0)
            continue;
        if (wide[column]) {
            const QString& value = keep.wide[column];
            ok = sqlite3_bind_text16(s, base + column, value.utf16(), int(value.size() * 2), SQLITE_STATIC) ==
                 SQLITE_OK;
        } else {
            ok = sqlite3_bind_text(s, base + column, out.constData() + start[column],
                                   int(end[column] - start[column]), SQLITE_STATIC) == SQLITE_OK;
        }
    }
    return ok;
}

} // namespace HistorySql

} // namespace das
