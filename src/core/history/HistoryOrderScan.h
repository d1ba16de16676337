#pragma once

#include "HistoryColumn.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QVariant>

#include <atomic>
#include <memory>

class QThread;

namespace das {

// What the history table must not wait for, read on a read-only connection of its own in a thread of its
// own (WAL lets it read while the window writes): the number of rows matching a filter (a COUNT visits every
// row) and the key of every page boundary of an order, so that a jump anywhere is a keyset read instead of an
// OFFSET over every row before it (HistoryPageCache::setBoundaries).
//
// Requests are numbered by the caller; a newer one makes older ones stale: one still queued is skipped, one
// running is interrupted, and their answers are never sent. Nothing here blocks the caller's thread except
// the destructor, which interrupts the running query first.
class HistoryOrderScan : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        quint64 generation = 0;
        QString filter;
        HistoryColumn::Column column = HistoryColumn::Time;
        Qt::SortOrder order = Qt::DescendingOrder;
        bool count = true;      // COUNT the matching rows (counted)
        bool boundaries = true; // read the page boundaries (bounded)
        int pageRows = 128;
        bool walk = false; // HistoryStore::PageQuery::walk for the filter
    };
    // The sort key and id of the last row of page 0, 1, 2, ... (every full page), or a run of them.
    struct Boundaries
    {
        QList<QVariant> keys;
        QList<qint64> ids;
    };

    explicit HistoryOrderScan(const QString& databasePath, QObject* parent = nullptr);
    ~HistoryOrderScan() override;
    HistoryOrderScan(const HistoryOrderScan&) = delete;
    HistoryOrderScan& operator=(const HistoryOrderScan&) = delete;

    // Replaces whatever was asked before.
    void request(const Request& request);
    // Makes every request stale (the model's order changed and it wants nothing for the old one).
    void cancel();
    // Answers (counts and chunks of boundaries) the scan thread has posted so far, stale or not: lets a test
    // know that an answer is on its way without running the event loop.
    int answersPosted() const { return m_posted->load(); }

signals:
    // In the thread that made this object; only for the latest request.
    void counted(quint64 generation, int rows);
    // The next boundaries in the order, the first ones first; `last` with the final chunk.
    void bounded(quint64 generation, const das::HistoryOrderScan::Boundaries& boundaries, bool last);

private:
    class Worker;
    void interruptRunning();

    QThread* m_thread = nullptr;
    Worker* m_worker = nullptr;
    std::shared_ptr<std::atomic<quint64>> m_latest;
    std::shared_ptr<std::atomic<int>> m_posted;
};

} // namespace das

Q_DECLARE_METATYPE(das::HistoryOrderScan::Boundaries)
