#include "HistoryOrderScan.h"

#include "HistoryFilterPlan.h"
#include "HistoryLog.h"
#include "HistorySql.h"
#include "SqliteConnection.h"

#include <QMutex>
#include <QMutexLocker>
#include <QThread>

#include <sqlite3.h>

#include <optional>

namespace das {

// Lives in the scan's thread; only interruptIfStale() is called from the owner's thread.
class HistoryOrderScan::Worker : public QObject
{
public:
    Worker(const QString& path, std::shared_ptr<std::atomic<quint64>> latest,
           std::shared_ptr<std::atomic<int>> posted)
        : m_path(path)
        , m_latest(std::move(latest))
        , m_posted(std::move(posted))
    {}

    void run(const Request& request, HistoryOrderScan* owner);
    void close();
    void interruptIfStale();

private:
    bool stale(const Request& request) const { return request.generation != m_latest->load(); }
    bool open();
    // A query that an interrupt meant for an older request may have hit is run again while still wanted,
    // unless it already handed part of its answer over (`delivered`): a second run would hand it over again.
    template <typename Read>
    bool exec(const Request& request, SqliteQuery& q, Read read, const bool* delivered = nullptr);
    // SQLite's progress handler: a running query stops as soon as a newer request (or the owner's end) makes
    // it stale. Unlike sqlite3_interrupt from the owner's thread, it cannot miss a query that had not yet
    // started its first step.
    static int progress(void* worker);
    std::optional<int> count(const Request& request);
    static QString boundarySql(const Request& request);
    bool boundaries(const Request& request, HistoryOrderScan* owner);
    void deliver(const Request& request, HistoryOrderScan* owner, Boundaries found, bool last);

    QString m_path;
    SqliteConnection m_db;
    std::shared_ptr<std::atomic<quint64>> m_latest;
    std::shared_ptr<std::atomic<int>> m_posted;
    QMutex m_mutex; // guards m_handle and m_running against interruptIfStale()
    sqlite3* m_handle = nullptr;
    quint64 m_running = 0;
    std::atomic<quint64> m_current{0}; // the generation the running query is for (this thread's)
};

int HistoryOrderScan::Worker::progress(void* worker)
{
    const auto* self = static_cast<const Worker*>(worker);
    const quint64 current = self->m_current.load();
    return current != 0 && current != self->m_latest->load() ? 1 : 0;
}

bool HistoryOrderScan::Worker::open()
{
    if (m_db.isOpen())
        return true;
    QString why;
    if (!m_db.open(m_path, SqliteConnection::Mode::ReadOnly, 5000, &why)) {
        qCWarning(lcHistory) << "background reader cannot open the history:" << why;
        return false;
    }
    // A walk along an index gains little from a page cache: a small one keeps the window's memory down.
    SqliteQuery(m_db).exec(QStringLiteral("PRAGMA cache_size = -512"));
    const QMutexLocker lock(&m_mutex);
    m_handle = m_db.handle();
    sqlite3_progress_handler(m_handle, 2000, &Worker::progress, this);
    return true;
}

void HistoryOrderScan::Worker::close()
{
    {
        const QMutexLocker lock(&m_mutex);
        m_handle = nullptr;
    }
    m_db.close();
}

void HistoryOrderScan::Worker::interruptIfStale()
{
    const QMutexLocker lock(&m_mutex);
    if (m_handle && m_running != 0 && m_running != m_latest->load())
        sqlite3_interrupt(m_handle);
}

template <typename Read>
bool HistoryOrderScan::Worker::exec(const Request& request, SqliteQuery& q, Read read, const bool* delivered)
{
    for (int attempt = 0; attempt < 3 && !stale(request) && !(delivered && *delivered); ++attempt) {
        {
            const QMutexLocker lock(&m_mutex);
            m_running = request.generation;
        }
        m_current = request.generation;
        const bool ok = !stale(request) && q.exec() && read(q);
        m_current = 0;
        {
            const QMutexLocker lock(&m_mutex);
            m_running = 0;
        }
        q.finish();
        if (ok)
            return !stale(request);
        if (!stale(request))
            qCDebug(lcHistory) << "background read failed:" << q.lastError();
    }
    return false;
}

std::optional<int> HistoryOrderScan::Worker::count(const Request& request)
{
    SqliteQuery q(m_db);
    QString sql = QStringLiteral("SELECT COUNT(*) FROM connections");
    if (!request.filter.isEmpty())
        sql += QStringLiteral(" WHERE ") + HistorySql::filterClause(request.filter);
    if (!q.prepare(sql) ||
        (!request.filter.isEmpty() && !HistorySql::bindFilter(q.statement(), request.filter)))
        return std::nullopt;
    int rows = 0;
    const bool ok = exec(request, q, [&rows](SqliteQuery& query) {
        if (!query.next())
            return false;
        rows = query.value(0).toInt();
        return true;
    });
    return ok ? std::optional<int>(rows) : std::nullopt;
}

QString HistoryOrderScan::Worker::boundarySql(const Request& request)
{
    // Each boundary is found from the one before: a seek into the order's (column, id) index at the previous
    // boundary, then pageRows - 1 steps (OFFSET over the index only; the rows themselves are read only where
    // a filter needs them). SQLite hands each boundary over as it finds it, so the top of the order is known
    // first. A key is looked up by id: the recursive step can carry one value.
    const QString key = HistorySql::sortExpression(request.column);
    const bool ascending = request.order == Qt::AscendingOrder;
    const QString direction = ascending ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    const QString order = QStringLiteral(" ORDER BY %1%2, id%2").arg(key, direction);
    // A common filter is walked along the order (as its pages are); a rare one looked up by index.
    const QString filter =
        request.filter.isEmpty()
            ? QString()
            : QStringLiteral(" AND ") + HistoryFilterPlan::clause(request.filter, request.walk);
    return QStringLiteral(
               "WITH RECURSIVE b(id) AS ("
               "SELECT id FROM (SELECT id FROM connections WHERE 1%3%2 LIMIT 1 OFFSET :skip)"
               " UNION ALL"
               " SELECT (SELECT id FROM connections WHERE (%1, id) %4 ((SELECT %1 FROM connections"
               " WHERE id = b.id), b.id)%3%2 LIMIT 1 OFFSET :skip) FROM b WHERE b.id IS NOT NULL)"
               " SELECT id, (SELECT %1 FROM connections WHERE id = b.id) FROM b WHERE id IS NOT NULL")
        .arg(key, order, filter, ascending ? QStringLiteral(">") : QStringLiteral("<"));
}

bool HistoryOrderScan::Worker::boundaries(const Request& request, HistoryOrderScan* owner)
{
    SqliteQuery q(m_db);
    if (!q.prepare(boundarySql(request)) ||
        (!request.filter.isEmpty() && !HistorySql::bindFilter(q.statement(), request.filter)))
        return false;
    q.bindValue(":skip", request.pageRows - 1);
    // Handed over in chunks, growing: the first soon, the rest without a signal per boundary.
    int chunk = 256;
    bool delivered = false;
    const auto read = [&](SqliteQuery& query) {
        Boundaries found;
        while (query.next()) {
            found.ids.append(query.value(0).toLongLong());
            found.keys.append(query.value(1));
            if (stale(request))
                return false;
            if (found.ids.size() >= chunk) {
                deliver(request, owner, std::move(found), false);
                delivered = true;
                found = {};
                chunk *= 2;
            }
        }
        // The last chunk says so even when it is empty (the boundaries ended on a chunk's edge, or there are
        // none); a failed read never claims to be complete.
        if (stale(request) || !query.lastError().isEmpty())
            return false;
        deliver(request, owner, std::move(found), true);
        delivered = true;
        return true;
    };
    return exec(request, q, read, &delivered);
}

void HistoryOrderScan::Worker::deliver(const Request& request, HistoryOrderScan* owner, Boundaries found,
                                       bool last)
{
    const quint64 generation = request.generation;
    const auto latest = m_latest;
    QMetaObject::invokeMethod(
        owner,
        [owner, latest, generation, b = std::move(found), last] {
            if (latest->load() == generation)
                emit owner->bounded(generation, b, last);
        },
        Qt::QueuedConnection);
    m_posted->fetch_add(1);
}

void HistoryOrderScan::Worker::run(const Request& request, HistoryOrderScan* owner)
{
    if (stale(request) || !open())
        return;
    const quint64 generation = request.generation;
    const auto latest = m_latest;
    if (request.count) {
        if (const std::optional<int> rows = count(request)) {
            QMetaObject::invokeMethod(
                owner,
                [owner, latest, generation, n = *rows] {
                    if (latest->load() == generation)
                        emit owner->counted(generation, n);
                },
                Qt::QueuedConnection);
            m_posted->fetch_add(1);
        }
    }
    if (request.boundaries && !stale(request))
        boundaries(request, owner);
    // Idle until the next request: the cache pages go back.
    SqliteQuery(m_db).exec(QStringLiteral("PRAGMA shrink_memory"));
}

HistoryOrderScan::HistoryOrderScan(const QString& databasePath, QObject* parent)
    : QObject(parent)
    , m_thread(new QThread)
    , m_latest(std::make_shared<std::atomic<quint64>>(0))
    , m_posted(std::make_shared<std::atomic<int>>(0))
{
    m_worker = new Worker(databasePath, m_latest, m_posted);
    m_worker->moveToThread(m_thread);
    m_thread->setObjectName(QStringLiteral("history-scan"));
    m_thread->start(QThread::LowPriority);
}

HistoryOrderScan::~HistoryOrderScan()
{
    // Stale: queued requests are skipped, the running query is interrupted; then the connection is closed in
    // its own thread.
    m_latest->store(~quint64(0));
    interruptRunning();
    Worker* worker = m_worker;
    QThread* thread = m_thread;
    QMetaObject::invokeMethod(
        worker,
        [worker, thread] {
            worker->close();
            thread->quit();
        },
        Qt::QueuedConnection);
    thread->wait();
    delete worker;
    delete thread;
}

void HistoryOrderScan::request(const Request& request)
{
    m_latest->store(request.generation);
    interruptRunning();
    Worker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, request, this] { worker->run(request, this); }, Qt::QueuedConnection);
}

void HistoryOrderScan::cancel()
{
    m_latest->fetch_add(1);
    interruptRunning();
}

void HistoryOrderScan::interruptRunning()
{
    m_worker->interruptIfStale();
}

} // namespace das
