#include "HistoryStore.h"

#include "AppPaths.h"
#include "HistoryLog.h"
#include "HistorySql.h"

#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

namespace das {

namespace {

// Each step takes the schema from version i to i+1; never edit a step once released.
const char* const Migrations[] = {
    "CREATE TABLE connections ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " created_at TEXT NOT NULL,"
    " endpoint TEXT NOT NULL, region TEXT NOT NULL,"
    " project_id TEXT NOT NULL, instance_id TEXT NOT NULL,"
    " engine_type TEXT NOT NULL, network_type TEXT NOT NULL,"
    " username TEXT NOT NULL, node_ids TEXT NOT NULL, port TEXT NOT NULL,"
    " database_name TEXT NOT NULL, remarks TEXT NOT NULL,"
    " sql_record_flag INTEGER NOT NULL, is_save_password INTEGER NOT NULL,"
    " connection_id TEXT NOT NULL, request_id TEXT NOT NULL)",
    "ALTER TABLE connections ADD COLUMN password_saved INTEGER NOT NULL DEFAULT 0",
    // Sorted paging walks an index instead of sorting every row for every page.
    "CREATE INDEX connections_endpoint ON connections(endpoint, id);"
    "CREATE INDEX connections_instance_sort ON connections(instance_id, id);"
    "CREATE INDEX connections_engine ON connections(engine_type, id);"
    "CREATE INDEX connections_username ON connections(username, id);"
    "CREATE INDEX connections_connection_id ON connections(connection_id, id);"
    "CREATE INDEX connections_remarks ON connections(remarks, id);"
    "CREATE INDEX connections_password_saved ON connections(password_saved, id)",
    // Write-ahead history: a row per create, written pending before the request leaves. Rows from before
    // were all created by this tool.
    "ALTER TABLE connections ADD COLUMN state TEXT NOT NULL DEFAULT 'created';"
    "ALTER TABLE connections ADD COLUMN origin TEXT NOT NULL DEFAULT 'created';"
    "ALTER TABLE connections ADD COLUMN state_detail TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE connections ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';"
    "CREATE INDEX connections_state ON connections(state, id)",
};
static_assert(sizeof(Migrations) / sizeof(Migrations[0]) == HistoryStore::SchemaVersion);

QString sortColumn(HistoryColumn::Column column)
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

QString likePattern(const QString& filter)
{
    QString escaped = filter;
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'%', QStringLiteral("\\%"));
    escaped.replace(u'_', QStringLiteral("\\_"));
    return u'%' + escaped + u'%';
}

const char* const FilterClause = " WHERE (endpoint LIKE :f ESCAPE '\\' OR instance_id LIKE :f ESCAPE '\\' OR "
                                 "engine_type LIKE :f ESCAPE '\\'"
                                 " OR username LIKE :f ESCAPE '\\' OR connection_id LIKE :f ESCAPE '\\' OR "
                                 "database_name LIKE :f ESCAPE '\\'"
                                 " OR remarks LIKE :f ESCAPE '\\' OR project_id LIKE :f ESCAPE '\\'"
                                 " OR state LIKE :f ESCAPE '\\')";

// Switching a new database to WAL needs an exclusive lock, and SQLite answers "database is locked" at once
// instead of waiting when another process holds one (the busy timeout does not cover it). When many processes
// open a new history together (a batch of CLI runs), the others simply try again until the first has switched
// it; the mode is then stored in the file and the statement no longer needs the lock. Bounded: about 5 s.
bool execRetryingLock(QSqlQuery& q, const QString& statement)
{
    for (int attempt = 0; attempt < 100; ++attempt) {
        if (q.exec(statement))
            return true;
        const int code =
            q.lastError().nativeErrorCode().toInt() & 0xff; // SQLITE_BUSY, SQLITE_LOCKED, extended
        if (code != 5 && code != 6)
            return false;
        QThread::msleep(20 + QRandomGenerator::global()->bounded(30));
    }
    return false;
}

} // namespace

HistoryStore::HistoryStore(const QString& path)
    : m_path(path)
    , m_connectionName(QStringLiteral("history-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

HistoryStore::~HistoryStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool HistoryStore::open(QString* error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    // The database exists 0600 before SQLite opens it: SQLite gives its -wal, -shm and -journal files the
    // database's mode, so all of them are private from the first byte, whatever the umask.
    QString problem;
    if (!AppPaths::ensurePrivateDir(QFileInfo(m_path).absolutePath(), &problem) ||
        !AppPaths::createPrivateFile(m_path, &problem)) {
        *error = tr("The history database cannot be opened: %1").arg(problem);
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        *error = tr("Cannot open the history database %1: %2").arg(m_path, db.lastError().text());
        return false;
    }
    QSqlQuery q(db);
    const char* const pragmas[] = {"PRAGMA busy_timeout=5000", "PRAGMA journal_mode=WAL",
                                   "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"};
    for (const char* pragma : pragmas) {
        if (!execRetryingLock(q, QLatin1String(pragma))) {
            *error = tr("Cannot configure the history database: %1").arg(q.lastError().text());
            return false;
        }
    }
    if (!migrate(error) || !checkPrivate(error))
        return false;
    m_open = true;
    qCDebug(lcHistory) << "opened" << m_path << "schema version" << schemaVersion();
    return true;
}

// Files left by an older version, another program or a crash may be wider than what open() creates; each is
// tightened, and the history refuses to work where that is impossible.
bool HistoryStore::checkPrivate(QString* error) const
{
    QString problem;
    bool ok = AppPaths::ensurePrivateDir(QFileInfo(m_path).absolutePath(), &problem) &&
              AppPaths::makePrivateFile(m_path, &problem);
    for (const char* suffix : {"-wal", "-shm", "-journal"}) {
        const QString side = m_path + QLatin1String(suffix);
        if (ok && QFileInfo::exists(side))
            ok = AppPaths::makePrivateFile(side, &problem);
    }
    if (!ok)
        *error = tr("The history database cannot be kept private: %1").arg(problem);
    return ok;
}

int HistoryStore::schemaVersion() const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(QStringLiteral("SELECT version FROM schema_version")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

bool HistoryStore::migrate(QString* error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    auto fail = [&](const QSqlQuery& failed) {
        if (error)
            *error = tr("Cannot upgrade the history database: %1").arg(failed.lastError().text());
        db.rollback();
        return false;
    };
    if (!db.transaction())
        return fail(q);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")))
        return fail(q);
    int version = 0;
    if (!q.exec(QStringLiteral("SELECT version FROM schema_version")))
        return fail(q);
    if (q.next()) {
        version = q.value(0).toInt();
    } else if (!q.exec(QStringLiteral("INSERT INTO schema_version (version) VALUES (0)"))) {
        return fail(q);
    }
    if (version > SchemaVersion) {
        if (error)
            *error = tr("The history database %1 was written by a newer DAS Connect (schema %2, this one "
                        "knows %3).")
                         .arg(m_path)
                         .arg(version)
                         .arg(SchemaVersion);
        db.rollback();
        return false;
    }
    for (int v = version; v < SchemaVersion; ++v) {
        qCDebug(lcHistory) << "migrating schema" << v << "to" << v + 1;
        const QStringList statements = QString::fromLatin1(Migrations[v]).split(u';', Qt::SkipEmptyParts);
        for (const QString& statement : statements) {
            if (!q.exec(statement))
                return fail(q);
        }
    }
    if (version < SchemaVersion) {
        q.prepare(QStringLiteral("UPDATE schema_version SET version = :v"));
        q.bindValue(QStringLiteral(":v"), SchemaVersion);
        if (!q.exec())
            return fail(q);
        if (!q.exec(QStringLiteral(
                "CREATE INDEX IF NOT EXISTS connections_instance ON connections(instance_id)")))
            return fail(q);
    }
    if (!db.commit())
        return fail(q);
    return true;
}

bool HistoryStore::add(HistoryRecord& record, QString* error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    q.prepare(HistorySql::insertStatement());
    if (!record.createdAt.isValid())
        record.createdAt = QDateTime::currentDateTimeUtc();
    HistorySql::bindRecord(q, record);
    if (!q.exec()) {
        if (error)
            *error = tr("Cannot save the connection to history: %1").arg(q.lastError().text());
        return false;
    }
    record.id = q.lastInsertId().toLongLong();
    qCDebug(lcHistory) << "added row" << record.id;
    return true;
}

bool HistoryStore::remove(const QList<qint64>& ids, QString* error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    db.transaction();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM connections WHERE id = :id"));
    for (qint64 id : ids) {
        q.bindValue(QStringLiteral(":id"), id);
        if (!q.exec()) {
            if (error)
                *error = tr("Cannot delete history rows: %1").arg(q.lastError().text());
            db.rollback();
            return false;
        }
    }
    return db.commit();
}

bool HistoryStore::setPasswordSaved(qint64 id, bool saved, QString* error)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("UPDATE connections SET password_saved = :s WHERE id = :id"));
    q.bindValue(QStringLiteral(":s"), saved);
    q.bindValue(QStringLiteral(":id"), id);
    if (!q.exec()) {
        if (error)
            *error = tr("Cannot update history: %1").arg(q.lastError().text());
        return false;
    }
    return true;
}

int HistoryStore::count(const QString& filter) const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    QString sql = QStringLiteral("SELECT COUNT(*) FROM connections");
    if (!filter.isEmpty())
        sql += QLatin1String(FilterClause);
    q.prepare(sql);
    if (!filter.isEmpty())
        q.bindValue(QStringLiteral(":f"), likePattern(filter));
    if (!q.exec() || !q.next())
        return 0;
    return q.value(0).toInt();
}

QList<HistoryRecord> HistoryStore::fetch(const QString& filter, HistoryColumn::Column sort,
                                         Qt::SortOrder order, int offset, int limit) const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    QString sql = QStringLiteral("SELECT ") + HistorySql::columns() + QStringLiteral(" FROM connections");
    if (!filter.isEmpty())
        sql += QLatin1String(FilterClause);
    const QString direction = order == Qt::AscendingOrder ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    sql += QStringLiteral(" ORDER BY ") + sortColumn(sort) + direction + QStringLiteral(", id") + direction;
    sql += QStringLiteral(" LIMIT :limit OFFSET :offset");
    q.prepare(sql);
    if (!filter.isEmpty())
        q.bindValue(QStringLiteral(":f"), likePattern(filter));
    q.bindValue(QStringLiteral(":limit"), limit);
    q.bindValue(QStringLiteral(":offset"), offset);
    QList<HistoryRecord> out;
    if (!q.exec())
        return out;
    while (q.next())
        out.append(HistorySql::readRecord(q));
    return out;
}

qint64 HistoryStore::dataVersion() const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(QStringLiteral("PRAGMA data_version")) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

HistoryRecord HistoryStore::byId(qint64 id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("SELECT ") + HistorySql::columns() +
              QStringLiteral(" FROM connections WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), id);
    if (q.exec() && q.next())
        return HistorySql::readRecord(q);
    return {};
}

} // namespace das
