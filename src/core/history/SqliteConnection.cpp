#include "SqliteConnection.h"

#include <QByteArray>
#include <QDateTime>
#include <QFile>
#include <QMutex>
#include <QMutexLocker>
#include <QSet>

#include <mutex>
#include <utility>

#include <sqlite3.h>
#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace das {

namespace {

#ifdef Q_OS_UNIX
// SQLite's unix VFS flushes the database's folder after it creates a journal or write-ahead log, so that the
// new file's name is on disk too. It cannot tell a file it created from one that was there (it always opens
// the log with O_CREAT), so every process pays that flush (~0.1 ms) at its first commit, though the history
// keeps its log from one process to the next (SqliteConnection::leaveLogOnClose). This VFS opens a log that
// holds frames without SQLITE_OPEN_CREATE, which is all that decides it: frames are only written by a
// process that found the log empty or missing, opened it with SQLITE_OPEN_CREATE and so flushed the folder
// at its first commit. An empty log (one a reader created, whose name may not be on disk yet), a missing one
// or one gone by then is opened as SQLite opens it.
sqlite3_vfs* unixVfs = nullptr;
sqlite3_vfs keptLogVfs;

int openKeepingLog(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags, int* outFlags)
{
    struct stat st;
    if (name && (flags & SQLITE_OPEN_WAL) && (flags & SQLITE_OPEN_CREATE) && ::stat(name, &st) == 0 &&
        st.st_size > 0 &&
        unixVfs->xOpen(unixVfs, name, file, flags & ~SQLITE_OPEN_CREATE, outFlags) == SQLITE_OK)
        return SQLITE_OK;
    return unixVfs->xOpen(unixVfs, name, file, flags, outFlags);
}

// The VFS name to open with: "das-kept-log" over SQLite's default, or nullptr (the default) if there is none.
const char* vfsName()
{
    static std::once_flag registered;
    std::call_once(registered, [] {
        unixVfs = sqlite3_vfs_find(nullptr);
        if (!unixVfs)
            return;
        keptLogVfs = *unixVfs; // its other calls are the default's, with its data
        keptLogVfs.zName = "das-kept-log";
        keptLogVfs.xOpen = openKeepingLog;
        keptLogVfs.pNext = nullptr;
        if (sqlite3_vfs_register(&keptLogVfs, 0) != SQLITE_OK)
            unixVfs = nullptr;
    });
    return unixVfs ? keptLogVfs.zName : nullptr;
}
#else
const char* vfsName()
{
    return nullptr;
}
#endif

// The connections open in this process (any thread), for closingAnyWouldWrite(). A connection leaves it as
// its close begins: one closing on another thread is not waited for (a cut checkpoint is safe: the log
// stays).
QMutex openMutex;
QSet<const SqliteConnection*>& openConnections()
{
    static QSet<const SqliteConnection*> open;
    return open;
}

} // namespace

SqliteConnection::~SqliteConnection()
{
    close();
}

bool SqliteConnection::open(const QString& path, Mode mode, int busyTimeoutMs, QString* error)
{
    close();
    const int flags =
        (mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
        SQLITE_OPEN_NOMUTEX;
    sqlite3* db = nullptr;
    const int code = sqlite3_open_v2(QFile::encodeName(path).constData(), &db, flags, vfsName());
    if (code != SQLITE_OK) {
        if (error)
            *error = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(code));
        sqlite3_close_v2(db);
        return false;
    }
    sqlite3_busy_timeout(db, busyTimeoutMs);
    m_busyTimeoutMs = busyTimeoutMs;
    const QMutexLocker lock(&openMutex);
    m_db = db;
    m_logLeftOnClose = false;
    openConnections().insert(this);
    return true;
}

void SqliteConnection::close()
{
    sqlite3* db = nullptr;
    {
        // Not held while SQLite closes (a checkpoint on close flushes the disk): other threads open and
        // close.
        const QMutexLocker lock(&openMutex);
        std::swap(db, m_db);
        openConnections().remove(this);
    }
    if (db)
        sqlite3_close_v2(db);
}

bool SqliteConnection::leaveLogOnClose()
{
    int set = 0;
    const bool ok =
        m_db && sqlite3_db_config(m_db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, &set) == SQLITE_OK && set == 1;
    const QMutexLocker lock(&openMutex);
    m_logLeftOnClose = m_logLeftOnClose || ok;
    return ok;
}

bool SqliteConnection::closingAnyWouldWrite()
{
    const QMutexLocker lock(&openMutex);
    for (const SqliteConnection* c : std::as_const(openConnections())) {
        if (!c->m_logLeftOnClose || !sqlite3_get_autocommit(c->m_db))
            return true;
    }
    return false;
}

bool SqliteConnection::run(const char* sql)
{
    return m_db && sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

bool SqliteConnection::transaction()
{
    return run("BEGIN");
}

bool SqliteConnection::immediateTransaction()
{
    return run("BEGIN IMMEDIATE");
}

bool SqliteConnection::tryImmediateTransaction()
{
    if (!m_db)
        return false;
    sqlite3_busy_timeout(m_db, 0);
    const bool begun = run("BEGIN IMMEDIATE");
    sqlite3_busy_timeout(m_db, m_busyTimeoutMs);
    return begun;
}

bool SqliteConnection::commit()
{
    return run("COMMIT");
}

bool SqliteConnection::rollback()
{
    return run("ROLLBACK");
}

QString SqliteConnection::lastError() const
{
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("the database is not open");
}

namespace {

// What Qt's driver binds as NULL (QSqlResultPrivate::isVariantNull): a null variant, or a null string, byte
// array, date or time.
bool isNullValue(const QVariant& value)
{
    if (value.isNull())
        return true;
    switch (value.userType()) {
    case QMetaType::QString:
        return value.toString().isNull();
    case QMetaType::QByteArray:
        return value.toByteArray().isNull();
    case QMetaType::QDateTime:
        return value.toDateTime().isNull();
    case QMetaType::QDate:
        return value.toDate().isNull();
    case QMetaType::QTime:
        return value.toTime().isNull();
    default:
        return false;
    }
}

} // namespace

SqliteQuery::SqliteQuery(const SqliteConnection& connection)
    : m_db(connection.handle())
{}

SqliteQuery::~SqliteQuery()
{
    sqlite3_finalize(m_statement);
}

bool SqliteQuery::fail()
{
    m_error = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("the database is not open");
    m_active = m_hasRow = m_pending = false;
    return false;
}

bool SqliteQuery::prepare(const QString& sql)
{
    sqlite3_finalize(m_statement);
    m_statement = nullptr;
    m_active = m_hasRow = m_pending = false;
    m_error.clear();
    if (!m_db)
        return fail();
    // UTF-16 as Qt's driver prepares: no conversion of the SQL text.
    const void* tail = nullptr;
    if (sqlite3_prepare16_v2(m_db, sql.utf16(), int(sql.size() * sizeof(char16_t)), &m_statement, &tail) !=
            SQLITE_OK ||
        !m_statement)
        return fail();
    // One statement, as QtSql: a second one would otherwise be dropped without a word.
    const auto* rest = static_cast<const char16_t*>(tail);
    if (rest && !QStringView(rest, sql.utf16() + sql.size() - reinterpret_cast<const ushort*>(rest))
                     .trimmed()
                     .isEmpty()) {
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
        m_error = QStringLiteral("one statement at a time");
        return false;
    }
    return true;
}

void SqliteQuery::bindValue(int position, const QVariant& value)
{
    if (!m_statement)
        return;
    const int index = position + 1;
    int code = SQLITE_OK;
    if (isNullValue(value)) {
        code = sqlite3_bind_null(m_statement, index);
    } else {
        switch (value.userType()) {
        case QMetaType::Bool:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
            code = sqlite3_bind_int64(m_statement, index, value.toLongLong());
            break;
        case QMetaType::Double:
            code = sqlite3_bind_double(m_statement, index, value.toDouble());
            break;
        case QMetaType::QByteArray: {
            const QByteArray bytes = value.toByteArray();
            code =
                sqlite3_bind_blob(m_statement, index, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
            break;
        }
        default: {
            const QString text = value.toString();
            code = sqlite3_bind_text16(m_statement, index, text.utf16(), int(text.size() * sizeof(char16_t)),
                                       SQLITE_TRANSIENT);
            break;
        }
        }
    }
    if (code != SQLITE_OK) {
        fail();
        m_bindFailed = true; // exec() refuses to run with a value missing
    }
}

void SqliteQuery::bindValue(const char* name, const QVariant& value)
{
    const int index = m_statement ? sqlite3_bind_parameter_index(m_statement, name) : 0;
    if (index > 0)
        bindValue(index - 1, value);
}

bool SqliteQuery::step()
{
    const int code = sqlite3_step(m_statement);
    m_hasRow = code == SQLITE_ROW;
    if (code != SQLITE_ROW && code != SQLITE_DONE) {
        sqlite3_reset(m_statement);
        return fail();
    }
    return true;
}

bool SqliteQuery::exec()
{
    if (!m_statement)
        return fail();
    sqlite3_reset(m_statement);
    if (m_bindFailed) {
        m_bindFailed = false;
        return false; // m_error says which value could not be bound
    }
    m_error.clear();
    if (!step())
        return false;
    // As Qt's driver counts: the rows of this statement, not those its triggers changed.
    m_changes = sqlite3_changes(m_db);
    m_active = true;
    m_pending = m_hasRow;
    if (!m_hasRow)
        sqlite3_reset(m_statement); // done: hold no lock
    return true;
}

bool SqliteQuery::exec(const QString& sql)
{
    return prepare(sql) && exec();
}

bool SqliteQuery::next()
{
    if (!m_active)
        return false;
    if (m_pending) {
        m_pending = false;
        return true;
    }
    if (!m_hasRow || !step())
        return false;
    if (!m_hasRow)
        sqlite3_reset(m_statement);
    return m_hasRow;
}

QVariant SqliteQuery::value(int column) const
{
    return m_statement && m_hasRow ? columnValue(m_statement, column) : QVariant();
}

// As Qt's SQLite driver makes a value (QSQLiteResultPrivate::fetchNext, default precision), so that what the
// history read through QtSql before reads the same now.
QVariant SqliteQuery::columnValue(sqlite3_stmt* s, int column)
{
    switch (sqlite3_column_type(s, column)) {
    case SQLITE_INTEGER:
        return QVariant(qlonglong(sqlite3_column_int64(s, column)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(s, column));
    case SQLITE_NULL:
        return QVariant(QMetaType::fromType<QString>());
    case SQLITE_BLOB:
        return QVariant(QByteArray(static_cast<const char*>(sqlite3_column_blob(s, column)),
                                   sqlite3_column_bytes(s, column)));
    default: {
        const void* text = sqlite3_column_text16(s, column);
        return QVariant(QString(static_cast<const QChar*>(text),
                                sqlite3_column_bytes16(s, column) / qsizetype(sizeof(QChar))));
    }
    }
}

bool SqliteQuery::isNull(int column) const
{
    return !m_statement || !m_hasRow || sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

int SqliteQuery::numRowsAffected() const
{
    return m_changes;
}

void SqliteQuery::finish()
{
    if (m_statement)
        sqlite3_reset(m_statement);
    m_active = m_hasRow = m_pending = false;
}

} // namespace das
