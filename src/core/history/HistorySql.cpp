#include "HistorySql.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

#ifdef Q_OS_UNIX
#include <dlfcn.h>
#endif

namespace das {

namespace HistorySql {

namespace {

// SQLite's SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE (sqlite3.h); this library does not link SQLite itself.
constexpr int SqliteNoCheckpointOnClose = 1006;

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

namespace {

QString likePattern(const QString& filter)
{
    QString escaped = filter;
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'%', QStringLiteral("\\%"));
    escaped.replace(u'_', QStringLiteral("\\_"));
    return u'%' + escaped + u'%';
}

// Every filtered column, matched with LIKE: what a filter means, and how one under three characters runs.
const char* const LikeClause = "(endpoint LIKE :f ESCAPE '\\' OR instance_id LIKE :f ESCAPE '\\' OR "
                               "engine_type LIKE :f ESCAPE '\\'"
                               " OR username LIKE :f ESCAPE '\\' OR connection_id LIKE :f ESCAPE '\\' OR "
                               "database_name LIKE :f ESCAPE '\\'"
                               " OR remarks LIKE :f ESCAPE '\\' OR project_id LIKE :f ESCAPE '\\'"
                               " OR state LIKE :f ESCAPE '\\')";

// The same rows for three characters or more, without reading every row. The columns of many values are in
// the trigram index (schema 5): its rows holding every trigram of the filter, checked with the LIKE that
// defines a match (the index folds non-ASCII case, LIKE does not). The columns of a few values (endpoints,
// engines, projects, states) are matched on their distinct values, found by hopping through their indexes
// (one seek per value), and then taken by index.
const char* const IndexedClause =
    "((id IN (SELECT rowid FROM connections_fts WHERE connections_fts MATCH :q)"
    " AND (instance_id LIKE :f ESCAPE '\\' OR username LIKE :f ESCAPE '\\' OR connection_id LIKE :f ESCAPE "
    "'\\'"
    " OR database_name LIKE :f ESCAPE '\\' OR remarks LIKE :f ESCAPE '\\'))"
    " OR endpoint IN (%1) OR engine_type IN (%2) OR project_id IN (%3) OR state IN (%4))";

QString distinctMatching(const char* column)
{
    return QStringLiteral("WITH RECURSIVE v(x) AS (SELECT MIN(%1) FROM connections UNION ALL SELECT (SELECT "
                          "MIN(%1) FROM connections WHERE %1 > v.x) FROM v WHERE v.x IS NOT NULL) "
                          "SELECT x FROM v WHERE x LIKE :f ESCAPE '\\'")
        .arg(QLatin1String(column));
}

// The filter's trigrams (of code points, as the tokenizer counts), each a quoted FTS5 string, all required.
QString trigramQuery(const QList<uint>& codePoints)
{
    QStringList terms;
    for (qsizetype i = 0; i + 3 <= codePoints.size(); ++i) {
        QString term = QString::fromUcs4(reinterpret_cast<const char32_t*>(codePoints.constData() + i), 3);
        term.replace(u'"', QStringLiteral("\"\""));
        term = u'"' + term + u'"';
        if (!terms.contains(term))
            terms.append(term);
    }
    return terms.join(QStringLiteral(" AND "));
}

bool usesIndex(const QString& filter)
{
    return filter.toUcs4().size() >= 3;
}

} // namespace

QString filterClause(const QString& filter)
{
    if (!usesIndex(filter))
        return QLatin1String(LikeClause);
    return QString::fromLatin1(IndexedClause)
        .arg(distinctMatching("endpoint"), distinctMatching("engine_type"), distinctMatching("project_id"),
             distinctMatching("state"));
}

void bindFilter(QSqlQuery& q, const QString& filter)
{
    q.bindValue(QStringLiteral(":f"), likePattern(filter));
    if (usesIndex(filter))
        q.bindValue(QStringLiteral(":q"), trigramQuery(filter.toUcs4()));
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

int insertColumnCount()
{
    return columnCount() - 1;
}

void bindRecord(QSqlQuery& q, const HistoryRecord& record, int row)
{
    // Placeholder i of a row is column i + 1 of Columns (id has none).
    const int base = row * insertColumnCount() - 1;
    q.bindValue(base + CreatedAtIndex, timestamp(record.createdAt));
    q.bindValue(base + NodeIdsIndex, nonNull(record.nodeIds.join(u',')));
    for (const TextColumn& c : TextColumns)
        q.bindValue(base + c.index, nonNull(record.*c.field));
    for (const FlagColumn& c : FlagColumns)
        q.bindValue(base + c.index, record.*c.field);
    q.bindValue(base + StateIndex, HistoryRecord::stateName(record.state));
    q.bindValue(base + OriginIndex, HistoryRecord::originName(record.origin));
    q.bindValue(base + UpdatedAtIndex, timestamp(record.updatedAt));
}

// For a process that leaves the history's write-ahead log to the next one
// (AppPaths::historyCompactedOnClose): the close no longer copies the log back into the database file and
// deletes it, which costs a flush of the log, a flush of the database and two unlinks, and then the next
// process's first commit a new log's header and directory flushes. Every commit is on disk in the log already
// (synchronous=FULL), and SQLite copies the log back every wal_autocheckpoint pages in any case. The option
// is set through the SQLite the driver plugin itself uses: the function is looked up in the plugin's library
// and what it links, never in another copy.
bool keepWalOnClose(const QSqlDatabase& db)
{
#ifdef Q_OS_UNIX
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return false;
    void* const sqlite = *static_cast<void* const*>(handle.constData());
    Dl_info plugin{};
    // The driver object's vtable lies in the plugin's library.
    if (!sqlite || !::dladdr(*reinterpret_cast<void* const*>(db.driver()), &plugin) || !plugin.dli_fname)
        return false;
    void* const library = ::dlopen(plugin.dli_fname, RTLD_LAZY | RTLD_NOLOAD);
    if (!library)
        return false;
    using DbConfig = int (*)(void*, int, ...);
    const auto config = reinterpret_cast<DbConfig>(::dlsym(library, "sqlite3_db_config"));
    int set = 0;
    const bool kept = config && config(sqlite, SqliteNoCheckpointOnClose, 1, &set) == 0 && set == 1;
    ::dlclose(library);
    return kept;
#else
    Q_UNUSED(db)
    return false;
#endif
}

} // namespace HistorySql

} // namespace das
