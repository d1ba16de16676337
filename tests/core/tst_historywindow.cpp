// The windowed history model at a size where the page cache must evict: every row shows its record at any
// page boundary, in every order, after jumps and filters, while the cache stays within its bound.
#include "HistoryFilterPlan.h"
#include "HistoryOrderScan.h"
#include "HistoryPageCache.h"
#include "HistoryStore.h"
#include "HistoryTableModel.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimeZone>

#include <functional>
#include <memory>

using namespace das;

namespace {

// More rows than the cache holds (a few pages more), and not a whole number of pages.
constexpr int RowCount = HistoryPageCache::PageRows * (HistoryPageCache::MaxPages + 3) + 77;

HistoryRecord sample(int i)
{
    HistoryRecord r;
    r.createdAt = QDateTime(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::utc()).addSecs(i * 60);
    r.endpoint = i % 3 ? QStringLiteral("https://das.cn-north-4.myhuaweicloud.com")
                       : QStringLiteral("https://das.ap-southeast-1.myhuaweicloud.com");
    r.region = i % 3 ? QStringLiteral("cn-north-4") : QStringLiteral("ap-southeast-1");
    r.projectId = QStringLiteral("p%1").arg(i % 11);
    r.instanceId = QStringLiteral("inst%1").arg((i * 7) % 101, 3, 10, QLatin1Char('0'));
    r.engineType = i % 2 ? QStringLiteral("mysql") : QStringLiteral("postgresql");
    r.networkType = QStringLiteral("rds");
    // Many ties, so that the id breaks them across page boundaries.
    r.username = i % 50 == 0 ? QStringLiteral("Ärger%1").arg(i % 3) : QStringLiteral("user%1").arg(i % 13);
    r.nodeIds = {QStringLiteral("n%1").arg(i % 5)};
    r.port = QString::number(3300 + i % 17);
    r.databaseName = QStringLiteral("db%1").arg(i % 4);
    r.remarks = i % 9 == 0 ? QStringLiteral("批次 %1").arg(i % 23) : QString();
    r.passwordSaved = i % 4 == 0;
    r.connectionId = QStringLiteral("c-%1").arg((i * 7919) % 100003, 6, 10, QLatin1Char('0'));
    r.requestId = QStringLiteral("req%1").arg(i);
    r.state = HistoryRecord::State((i * 3) % 5);
    return r;
}

QList<qint64> ids(const QList<HistoryRecord>& records)
{
    QList<qint64> out;
    for (const HistoryRecord& r : records)
        out.append(r.id);
    return out;
}

qint64 idAt(const HistoryTableModel& model, int row)
{
    return model.index(row, 0).data(HistoryTableModel::RecordIdRole).toLongLong();
}

} // namespace

class TestHistoryWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<HistoryStore> m_store;
    std::unique_ptr<HistoryTableModel> m_model;

    // Every row in order, then backwards, then at random: each shows the store's record for that row.
    void checkEveryRow(const QList<qint64>& expected)
    {
        QCOMPARE(m_model->rowCount(), int(expected.size()));
        for (int row = 0; row < expected.size(); ++row)
            QCOMPARE(idAt(*m_model, row), expected.at(row));
        QVERIFY(m_model->cachedPages() <= HistoryPageCache::MaxPages);
        for (int row = int(expected.size()) - 1; row >= 0; --row)
            QCOMPARE(idAt(*m_model, row), expected.at(row));
        QRandomGenerator random(42);
        for (int i = 0; i < 300 && !expected.isEmpty(); ++i) {
            const int row = random.bounded(int(expected.size()));
            QCOMPARE(idAt(*m_model, row), expected.at(row));
        }
        QVERIFY(m_model->cachedPages() <= HistoryPageCache::MaxPages);
    }

    // The ids of rows offset .. offset + limit - 1 by a plain ORDER BY ... LIMIT ... OFFSET on a connection
    // of the test's own: what a jump must land on, found without the store's paging code.
    QList<qint64> plainIds(const QString& orderBy, int offset, int limit)
    {
        const QString name = QStringLiteral("plain-order");
        QList<qint64> out;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_store->path());
            if (!db.open())
                return out;
            QSqlQuery q(db);
            q.exec(QStringLiteral("SELECT id FROM connections ORDER BY %1 LIMIT %2 OFFSET %3")
                       .arg(orderBy)
                       .arg(limit)
                       .arg(offset));
            while (q.next())
                out.append(q.value(0).toLongLong());
        }
        QSqlDatabase::removeDatabase(name);
        return out;
    }

    void waitForBoundaries()
    {
        QSignalSpy known(m_model.get(), &HistoryTableModel::pageBoundariesKnown);
        QVERIFY(m_model->hasPageBoundaries() || known.wait(10000));
        QVERIFY(m_model->hasPageBoundaries());
    }

    void checkJumpsAfterBoundaries(const QString& orderBy)
    {
        checkJumpsAfterBoundaries(
            [&](int first) { return plainIds(orderBy, first, HistoryPageCache::PageRows); });
    }

    // `expected(first)`: the ids of the page starting at row `first`.
    void checkJumpsAfterBoundaries(const std::function<QList<qint64>(int)>& expectedPage)
    {
        const int rows = m_model->rowCount();
        const int pages = (rows + HistoryPageCache::PageRows - 1) / HistoryPageCache::PageRows;
        QList<int> jumps;
        for (int page = 0; page < pages; page += 2)
            jumps.append(page);
        for (int page = pages - 1 - (pages - 1) % 2; page >= 0; page -= 2)
            jumps.append(page);
        const int readsBefore = m_model->pagesRead();
        const int boundaryReadsBefore = m_model->pagesReadAfterBoundary();
        for (int page : std::as_const(jumps)) {
            const int first = page * HistoryPageCache::PageRows;
            const QList<qint64> expected = expectedPage(first);
            QVERIFY(!expected.isEmpty());
            for (int i = 0; i < expected.size(); ++i)
                QCOMPARE(idAt(*m_model, first + i), expected.at(i));
        }
        // Every page but the first was read after its boundary (the first has none before it); the way back
        // read again those the cache had dropped.
        QVERIFY(m_model->pagesRead() > readsBefore);
        QCOMPARE(m_model->pagesReadAfterBoundary() - boundaryReadsBefore,
                 m_model->pagesRead() - readsBefore - 1);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_store = std::make_unique<HistoryStore>(m_dir.filePath(QStringLiteral("history.sqlite")));
        QString error;
        QVERIFY2(m_store->open(&error), qPrintable(error));
        QList<HistoryRecord> records;
        for (int i = 0; i < RowCount; ++i)
            records.append(sample(i));
        QVERIFY2(m_store->addMany(records, &error), qPrintable(error));
        QCOMPARE(m_store->count(), RowCount);
        for (const HistoryRecord& r : records)
            QVERIFY(r.id > 0);
    }

    void init()
    {
        m_model = std::make_unique<HistoryTableModel>();
        m_model->setStore(m_store.get());
    }

    void cleanup() { m_model.reset(); }

    void everyRowAtOnceWithoutLoadingThem()
    {
        QCOMPARE(m_model->rowCount(), RowCount);
        QCOMPARE(m_model->totalCount(), RowCount);
        QVERIFY(!m_model->canFetchMore(QModelIndex()));
        QCOMPARE(m_model->cachedPages(), 0); // nothing read until asked for
        // The last row first: one page, read from the end.
        QCOMPARE(idAt(*m_model, RowCount - 1), ids(m_store->fetch()).constLast());
        QCOMPARE(m_model->cachedPages(), 1);
        QCOMPARE(m_model->pagesRead(), 1);
    }

    void rowsMatchTheStoreInEveryOrder_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<Qt::SortOrder>("order");
        for (int column = 0; column < HistoryColumn::Count; ++column) {
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                const QByteArray name =
                    QByteArray(HistoryColumn::key(column)) + (order == Qt::AscendingOrder ? " asc" : " desc");
                QTest::newRow(name.constData()) << column << order;
            }
        }
    }

    void rowsMatchTheStoreInEveryOrder()
    {
        QFETCH(int, column);
        QFETCH(Qt::SortOrder, order);
        m_model->sortBy(column, order);
        checkEveryRow(ids(m_store->fetch(QString(), HistoryColumn::Column(column), order)));
    }

    void jumpsLandOnTheRightRow()
    {
        m_model->sortBy(HistoryColumn::Username, Qt::AscendingOrder);
        const QList<qint64> expected =
            ids(m_store->fetch(QString(), HistoryColumn::Username, Qt::AscendingOrder));
        // Far apart, so that each is read by OFFSET (from the start or from the end), then its neighbours
        // by keyset in both directions.
        for (int row : {RowCount - 1, 0, RowCount / 2, RowCount / 2 + 1, RowCount / 3, 2 * RowCount / 3}) {
            QCOMPARE(idAt(*m_model, row), expected.at(row));
            for (int near :
                 {row - HistoryPageCache::PageRows, row + HistoryPageCache::PageRows, row - 1, row + 1}) {
                if (near >= 0 && near < RowCount)
                    QCOMPARE(idAt(*m_model, near), expected.at(near));
            }
        }
    }

    // Once the background scan has read the order's page boundaries, a jump to any page reads it after the
    // boundary before it: pages 0, 2, 4, ... and back, none next to a cached one, each row the one a plain
    // ORDER BY ... LIMIT/OFFSET gives.
    void jumpsAfterBoundariesLandOnTheRightRows_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<Qt::SortOrder>("order");
        QTest::addColumn<QString>("orderBy");
        QTest::newRow("time desc") << int(HistoryColumn::Time) << Qt::DescendingOrder
                                   << QStringLiteral("id DESC");
        QTest::newRow("username asc")
            << int(HistoryColumn::Username) << Qt::AscendingOrder << QStringLiteral("username ASC, id ASC");
        QTest::newRow("remarks desc")
            << int(HistoryColumn::Remarks) << Qt::DescendingOrder << QStringLiteral("remarks DESC, id DESC");
        QTest::newRow("port asc") << int(HistoryColumn::Port) << Qt::AscendingOrder
                                  << QStringLiteral("CAST(port AS INTEGER) ASC, id ASC");
    }

    void jumpsAfterBoundariesLandOnTheRightRows()
    {
        QFETCH(int, column);
        QFETCH(Qt::SortOrder, order);
        QFETCH(QString, orderBy);
        m_model->sortBy(column, order);
        if (column == HistoryColumn::Time)
            m_model->reload(); // nothing changed: the boundaries read for the first order are kept
        waitForBoundaries();
        checkJumpsAfterBoundaries(orderBy);
    }

    // The boundaries of a filtered order: each jump lands where the store's own OFFSET read says.
    void filteredJumpsAfterBoundariesLandOnTheRightRows()
    {
        const QString filter = QStringLiteral("user");
        m_model->sortBy(HistoryColumn::Instance, Qt::DescendingOrder);
        m_model->setFilter(filter);
        QVERIFY(m_model->rowCount() > HistoryTableModel::MaxCachedRows);
        waitForBoundaries();
        checkJumpsAfterBoundaries([&](int first) {
            return ids(m_store->fetch(filter, HistoryColumn::Instance, Qt::DescendingOrder, first,
                                      HistoryPageCache::PageRows));
        });
    }

    // A filter's first page shows at once; its rows are counted in the background, then inserted, and the
    // model ends up holding exactly the matching rows.
    void filterCountArrivesLaterAndIsExact()
    {
        m_model->setBackgroundCounting(true);
        m_model->sortBy(HistoryColumn::Username, Qt::AscendingOrder);
        const QString filter = QStringLiteral("user");
        const QList<qint64> expected =
            ids(m_store->fetch(filter, HistoryColumn::Username, Qt::AscendingOrder));
        QVERIFY(expected.size() >= HistoryFilterPlan::CommonMatches);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        m_model->setFilter(filter);
        QCOMPARE(reset.size(), 1);
        QVERIFY(!m_model->isCountExact());
        QCOMPARE(m_model->rowCount(), HistoryPageCache::PageRows);
        QVERIFY(m_model->canFetchMore(QModelIndex()));
        for (int row = 0; row < HistoryPageCache::PageRows; ++row)
            QCOMPARE(idAt(*m_model, row), expected.at(row));
        QTRY_VERIFY(m_model->isCountExact());
        QCOMPARE(reset.size(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), HistoryPageCache::PageRows);
        QCOMPARE(inserted.at(0).at(2).toInt(), int(expected.size()) - 1);
        QCOMPARE(m_model->totalCount(), int(expected.size()));
        QVERIFY(!m_model->canFetchMore(QModelIndex()));
        checkEveryRow(expected);
    }

    // A filter matching fewer rows than HistoryFilterPlan::CommonMatches is counted by the read that chose
    // how to find its pages: exact at once, nothing arrives later.
    void fewMatchesAreCountedAtOnce()
    {
        m_model->setBackgroundCounting(true);
        const QString filter = QStringLiteral("user1");
        const QList<qint64> expected = ids(m_store->fetch(filter));
        QVERIFY(expected.size() > HistoryPageCache::PageRows);
        QVERIFY(expected.size() < HistoryFilterPlan::CommonMatches);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        m_model->setFilter(filter);
        QVERIFY(m_model->isCountExact());
        QCOMPARE(m_model->totalCount(), int(expected.size()));
        checkEveryRow(expected);
        QCOMPARE(inserted.size(), 0);
    }

    // Before the count arrives, the view may ask for more: the next page is appended; the count then adds
    // the rest.
    void fetchMoreGrowsTheRowsUntilTheCountArrives()
    {
        m_model->setBackgroundCounting(true);
        const QString filter = QStringLiteral("user");
        const QList<qint64> expected = ids(m_store->fetch(filter));
        m_model->setFilter(filter);
        QVERIFY(!m_model->isCountExact());
        m_model->fetchMore(QModelIndex());
        QCOMPARE(m_model->rowCount(), 2 * HistoryPageCache::PageRows);
        for (int row = 0; row < m_model->rowCount(); ++row)
            QCOMPARE(idAt(*m_model, row), expected.at(row));
        QTRY_VERIFY(m_model->isCountExact());
        checkEveryRow(expected);
    }

    // A filter changed before its count arrives never shows that count: every exact count the model shows
    // is the count of the filter it has at that moment.
    void staleCountIsNeverShown()
    {
        m_model->setBackgroundCounting(true);
        QList<QPair<QString, int>> shown;
        connect(m_model.get(), &HistoryTableModel::countsChanged, this, [&] {
            if (m_model->isCountExact())
                shown.append({m_model->filter(), m_model->totalCount()});
        });
        for (const QString& filter :
             {QStringLiteral("user"), QStringLiteral("c-0"), QStringLiteral("user1"), QStringLiteral("1")})
            m_model->setFilter(filter);
        QTRY_VERIFY(m_model->isCountExact());
        QVERIFY(!shown.isEmpty());
        for (const auto& [filter, count] : std::as_const(shown))
            QCOMPARE(count, m_store->count(filter));
        QCOMPARE(shown.constLast().first, QStringLiteral("1"));
    }

    // The scan itself: an answer already on its way for a request made stale is dropped; only the latest
    // request's answer is emitted.
    void scanDropsStaleAnswers()
    {
        HistoryOrderScan scan(m_store->path());
        QSignalSpy counted(&scan, &HistoryOrderScan::counted);
        HistoryOrderScan::Request request;
        request.generation = 1;
        request.filter = QStringLiteral("user");
        request.boundaries = false;
        scan.request(request);
        // Without running the event loop: the first answer is posted, not delivered.
        while (scan.answersPosted() < 1)
            QThread::yieldCurrentThread();
        request.generation = 2;
        request.filter = QStringLiteral("user1");
        scan.request(request);
        QVERIFY(counted.wait(10000));
        QCOMPARE(counted.size(), 1);
        QCOMPARE(counted.at(0).at(0).toULongLong(), quint64(2));
        QCOMPARE(counted.at(0).at(1).toInt(), m_store->count(QStringLiteral("user1")));
    }

    // A reload with nothing changed reads nothing again; a change made through the store is noticed.
    void reloadReadsAgainOnlyWhenSomethingChanged()
    {
        QVERIFY(idAt(*m_model, 0) > 0);
        const int reads = m_model->pagesRead();
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        m_model->reload();
        QVERIFY(idAt(*m_model, 0) > 0);
        QCOMPARE(m_model->pagesRead(), reads);
        const HistoryRecord top = m_model->record(0);
        QString error;
        QVERIFY2(m_store->setState(top.id, HistoryRecord::State::Deleted, QString(), QString(),
                                   QStringLiteral("gone"), &error),
                 qPrintable(error));
        m_model->reload();
        QCOMPARE(m_model->record(0).stateDetail, QStringLiteral("gone"));
        QVERIFY(m_model->pagesRead() > reads);
        QCOMPARE(reset.size(), 0);
        QVERIFY2(m_store->setState(top.id, top.state, QString(), QString(), top.stateDetail, &error),
                 qPrintable(error));
    }

    void filtersShowTheirRowsOnly_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::newRow("word") << QStringLiteral("user1");
        QTest::newRow("unicode") << QStringLiteral("Ärger");
        QTest::newRow("cjk") << QStringLiteral("批次 1");
        QTest::newRow("short") << QStringLiteral("p1");
        QTest::newRow("one character") << QStringLiteral("8");
        QTest::newRow("nothing") << QStringLiteral("zz-none");
    }

    void filtersShowTheirRowsOnly()
    {
        QFETCH(QString, filter);
        m_model->sortBy(HistoryColumn::ConnectionId, Qt::DescendingOrder);
        m_model->setFilter(filter);
        const QList<qint64> expected =
            ids(m_store->fetch(filter, HistoryColumn::ConnectionId, Qt::DescendingOrder));
        QCOMPARE(m_model->totalCount(), int(expected.size()));
        QCOMPARE(m_model->storeCount(), RowCount);
        checkEveryRow(expected);
    }

    void cacheStaysBounded()
    {
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        for (int row = 0; row < RowCount; ++row)
            QVERIFY(idAt(*m_model, row) > 0);
        QCOMPARE(m_model->cachedPages(), HistoryPageCache::MaxPages);
        // Each page read once, in order: the cache never re-read one.
        QCOMPARE(m_model->pagesRead(),
                 (RowCount + HistoryPageCache::PageRows - 1) / HistoryPageCache::PageRows);
        // Going back over the last pages reads nothing: they are the ones kept.
        const int reads = m_model->pagesRead();
        for (int row = RowCount - 1; row >= RowCount - HistoryPageCache::PageRows * 4; --row)
            QVERIFY(idAt(*m_model, row) > 0);
        QCOMPARE(m_model->pagesRead(), reads);
        QCOMPARE(reset.size(), 0);
    }

    void passesModelTester()
    {
        QAbstractItemModelTester tester(m_model.get(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_model->sortBy(HistoryColumn::Remarks, Qt::AscendingOrder);
        m_model->setFilter(QStringLiteral("user"));
        m_model->reload();
        m_model->setFilter(QString());
    }

    // The time order of ids without gaps needs no scan (row r holds id max - r); with a gap (a row
    // deleted), it is scanned like any other order. Last: it deletes a row.
    void timeOrderWithAGapIsScanned()
    {
        QVERIFY(m_model->hasPageBoundaries()); // at once: the ids have no gaps
        const QList<qint64> all = ids(m_store->fetch());
        QString error;
        QVERIFY2(m_store->remove({all.at(RowCount / 2)}, &error), qPrintable(error));
        m_model = std::make_unique<HistoryTableModel>();
        m_model->setStore(m_store.get());
        QCOMPARE(m_model->rowCount(), RowCount - 1);
        QVERIFY(!m_model->hasPageBoundaries()); // read in the background
        waitForBoundaries();
        checkJumpsAfterBoundaries(QStringLiteral("id DESC"));
        m_model->sortBy(HistoryColumn::Time, Qt::AscendingOrder);
        waitForBoundaries();
        checkJumpsAfterBoundaries(QStringLiteral("id ASC"));
    }
};

QTEST_GUILESS_MAIN(TestHistoryWindow)
#include "tst_historywindow.moc"
