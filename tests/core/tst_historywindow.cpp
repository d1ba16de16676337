// The windowed history model at a size where the page cache must evict: every row shows its record at any
// page boundary, in every order, after jumps and filters, while the cache stays within its bound.
#include "HistoryPageCache.h"
#include "HistoryStore.h"
#include "HistoryTableModel.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

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
};

QTEST_GUILESS_MAIN(TestHistoryWindow)
#include "tst_historywindow.moc"
