// HistorySql::handle and what stands on it: the SQLite connection under a QtSql one, given out only when Qt's
// driver uses the system libsqlite3 this library links. The rest of HistorySql is in HistorySql.cpp.
#include "HistorySql.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

#ifdef Q_OS_LINUX
#include <cstring>
#include <elf.h>
#include <link.h>
#endif

namespace das {

namespace HistorySql {

namespace {

#ifdef Q_OS_LINUX
// For dl_iterate_phdr: whether the loaded Qt SQLite driver names libsqlite3 among its DT_NEEDED.
int driverNeedsSharedSqlite(dl_phdr_info* info, size_t, void* data)
{
    if (!info->dlpi_name || !std::strstr(info->dlpi_name, "libqsqlite"))
        return 0;
    for (int i = 0; i < info->dlpi_phnum; ++i) {
        if (info->dlpi_phdr[i].p_type != PT_DYNAMIC)
            continue;
        const auto* dynamic =
            reinterpret_cast<const ElfW(Dyn)*>(info->dlpi_addr + info->dlpi_phdr[i].p_vaddr);
        const char* strings = nullptr;
        for (const ElfW(Dyn)* d = dynamic; d->d_tag != DT_NULL; ++d) {
            if (d->d_tag == DT_STRTAB)
                strings = reinterpret_cast<const char*>(d->d_un.d_ptr);
        }
        for (const ElfW(Dyn)* d = dynamic; strings && d->d_tag != DT_NULL; ++d) {
            if (d->d_tag == DT_NEEDED && std::strncmp(strings + d->d_un.d_val, "libsqlite3.so", 13) == 0)
                *static_cast<int*>(data) = 1;
        }
    }
    return 1; // the driver was found: stop
}
#endif

// The handle is used with this library's own SQLite (the system libsqlite3), which is only right when Qt's
// driver uses that same library, as Debian's does. A driver with SQLite built in (Qt's own binaries) has a
// copy of its own whose connections this copy must never touch: then no handle is given out, and the history
// keeps to QtSql (slower bulk loads and exports, the write-ahead log folded back on close).
bool ignoredForTests = false;

bool driverSharesSqlite()
{
    if (ignoredForTests)
        return false;
#ifdef Q_OS_LINUX
    static const bool shared = [] {
        int found = 0;
        dl_iterate_phdr(driverNeedsSharedSqlite, &found);
        return found == 1;
    }();
    return shared;
#else
    return false;
#endif
}

} // namespace

void setDriverSqliteIgnoredForTests(bool ignored)
{
    ignoredForTests = ignored;
}

sqlite3* handle(const QSqlDatabase& db)
{
    if (!db.isOpen() || !driverSharesSqlite())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(handle.constData());
}

// For a process that leaves the history's write-ahead log to the next one
// (AppPaths::historyCompactedOnClose): the close no longer copies the log back into the database file and
// deletes it, which costs a flush of the log, a flush of the database and two unlinks, and then the next
// process's first commit a new log's header and directory flushes. Every commit is on disk in the log already
// (synchronous=FULL), and SQLite copies the log back every wal_autocheckpoint pages in any case.
bool keepWalOnClose(const QSqlDatabase& db)
{
    sqlite3* const sqlite = handle(db);
    int set = 0;
    return sqlite && sqlite3_db_config(sqlite, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, &set) == SQLITE_OK &&
           set == 1;
}

} // namespace HistorySql

} // namespace das
