#include "HistoryExporter.h"
#include "HistoryProxyModel.h"
#include "HistoryStore.h"
#include "HistoryTableModel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <functional>
#include <memory>

using namespace das;

namespace {

constexpr int RowCount = 1000;

const char* const Engines[] = {"mysql", "sqlserver", "postgresql", "taurus", "gaussdbv5", "mongodb", "ddm"};
// The network type that goes with each engine above.
const char* const Networks[] = {"rds", "rds", "rds", "rds", "gaussdb", "dds", "ddm"};

// Varied enough that every sortable column orders the rows differently from insertion order.
HistoryRecord sample(int i)
{
    HistoryRecord r;
    r.createdAt = QDateTime(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::utc()).addSecs(i * 61);
    r.endpoint = i % 3 == 0 ? QStringLiteral("https://das.cn-north-4.myhuaweicloud.com")
                            : (i % 3 == 1 ? QStringLiteral("https://das.cn-east-3.myhuaweicloud.com")
                                          : QStringLiteral("http://127.0.0.1:8080"));
    r.region = i % 3 == 2 ? QString() : QStringLiteral("cn-north-4");
    r.projectId = QStringLiteral("052041494800d57c2f02c00275b4c247");
    r.instanceId = QStringLiteral("%1bcfa975193f1402fa11a6d4fd6baf5fin01")
                       .arg((i * 7) % 17, 2, 16, QLatin1Char('0'))
                       .left(36);
    r.engineType = QLatin1String(Engines[(i * 5) % 7]);
    r.networkType = QLatin1String(Networks[(i * 5) % 7]);
    r.username =
        (i % 10 == 0) ? QStringLiteral("alice%1").arg(i % 7) : QStringLiteral("user%1").arg((i * 37) % 101);
    r.port = QStringLiteral("3306");
    r.databaseName = QStringLiteral("db%1").arg(i % 5);
    r.remarks = i % 4 == 0 ? QString() : QStringLiteral("批次 %1 note").arg((i * 13) % 97);
    r.isSavePassword = i % 4 == 0;
    r.passwordSaved = i % 4 == 0;
    r.connectionId = QStringLiteral("%1-0000-4000-8000-%2")
                         .arg((i * 7919) % 100000, 8, 10, QLatin1Char('0'))
                         .arg(i, 12, 10, QLatin1Char('0'));
    r.requestId = QStringLiteral("req%1").arg(i);
    // Not in id order, so that sorting by state moves every row.
    r.state = HistoryRecord::State((i * 3) % 5);
    r.origin = i % 7 == 0 ? HistoryRecord::Origin::Existing
                          : (i % 11 == 0 ? HistoryRecord::Origin::Adopted : HistoryRecord::Origin::Created);
    r.stateDetail = r.state == HistoryRecord::State::Created ? QString() : QStringLiteral("why %1").arg(i);
    return r;
}

void loadAll(QAbstractItemModel& model)
{
    while (model.canFetchMore(QModelIndex()))
        model.fetchMore(QModelIndex());
}

QList<qint64> ids(const QList<HistoryRecord>& records)
{
    QList<qint64> out;
    for (const HistoryRecord& r : records)
        out.append(r.id);
    return out;
}

QList<qint64> modelIds(const HistoryTableModel& model)
{
    QList<qint64> out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row, 0).data(HistoryTableModel::RecordIdRole).toLongLong());
    return out;
}

QString sortField(const HistoryRecord& r, int column)
{
    switch (column) {
    case HistoryColumn::Endpoint:
        return r.endpoint;
    case HistoryColumn::Instance:
        return r.instanceId;
    case HistoryColumn::Engine:
        return r.engineType;
    case HistoryColumn::Username:
        return r.username;
    case HistoryColumn::ConnectionId:
        return r.connectionId;
    case HistoryColumn::Remarks:
        return r.remarks;
    case HistoryColumn::PasswordSaved:
        return r.passwordSaved ? QStringLiteral("1") : QStringLiteral("0");
    case HistoryColumn::State:
        return HistoryRecord::stateName(r.state);
    case HistoryColumn::ProjectId:
        return r.projectId;
    case HistoryColumn::Region:
        return r.region;
    case HistoryColumn::NetworkType:
        return r.networkType;
    case HistoryColumn::NodeIds:
        return r.nodeIds.join(u',');
    case HistoryColumn::Port:
        return QStringLiteral("%1").arg(r.port.toInt(), 5, 10, QLatin1Char('0')); // sorted as a number
    case HistoryColumn::DatabaseName:
        return r.databaseName;
    case HistoryColumn::RequestId:
        return r.requestId;
    case HistoryColumn::UpdatedAt:
        return r.updatedAt.isValid() ? r.updatedAt.toUTC().toString(Qt::ISODateWithMs) : QString();
    case HistoryColumn::StateDetail:
        return r.stateDetail;
    default:
        return QString();
    }
}

// Minimal RFC 4180 reader, to check the writer from the outside.
QList<QStringList> parseCsv(const QString& text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row.append(field);
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row.append(field);
            field.clear();
            rows.append(row);
            row.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty()) {
        row.append(field);
        rows.append(row);
    }
    return rows;
}

void collectKeys(const QJsonValue& value, QStringList& keys)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            keys.append(it.key());
            collectKeys(it.value(), keys);
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue& item : array)
            collectKeys(item, keys);
    }
}

} // namespace

class TestHistoryModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_templatePath;
    QString m_path;
    std::unique_ptr<HistoryStore> m_store;
    std::unique_ptr<HistoryTableModel> m_model;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_templatePath = m_dir.filePath(QStringLiteral("template.sqlite"));
        HistoryStore store(m_templatePath);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        for (int i = 0; i < RowCount; ++i) {
            HistoryRecord r = sample(i);
            QVERIFY2(store.add(r, &error), qPrintable(error));
        }
    }

    // Each test gets its own copy of the 1000-row database.
    void init()
    {
        static int n = 0;
        m_path = m_dir.filePath(QStringLiteral("history%1.sqlite").arg(++n));
        QVERIFY(QFile::copy(m_templatePath, m_path));
        m_store = std::make_unique<HistoryStore>(m_path);
        QString error;
        QVERIFY2(m_store->open(&error), qPrintable(error));
        m_model = std::make_unique<HistoryTableModel>();
        m_model->setStore(m_store.get());
    }

    void cleanup()
    {
        m_model.reset();
        m_store.reset();
    }

    void passesModelTester()
    {
        {
            QAbstractItemModelTester tester(m_model.get(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
            m_model->fetchMore(QModelIndex());
            QVERIFY(m_model->removeRecords({m_model->record(0).id, m_model->record(2).id}, nullptr));
        }
        // The tester fetches more from its modelReset slot, while it still counts the reset as in flight;
        // with fewer rows than a page nothing is left to fetch after a reset.
        m_model->setFilter(QStringLiteral("alice"));
        QAbstractItemModelTester tester(m_model.get(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_model->sortBy(HistoryColumn::Username, Qt::AscendingOrder);
        m_model->reload();
        m_model->setFilter(QStringLiteral("alice1"));
        QVERIFY(m_model->removeRecords({m_model->record(0).id}, nullptr));
    }

    void everyRowWithoutLoadingThem()
    {
        // As many rows as the store has, at once; read a page at a time only when shown (tst_historywindow
        // covers the cache).
        QCOMPARE(m_model->rowCount(), RowCount);
        QCOMPARE(m_model->totalCount(), RowCount);
        QCOMPARE(m_model->storeCount(), RowCount);
        QCOMPARE(m_model->columnCount(), int(HistoryColumn::Count));
        QVERIFY(!m_model->canFetchMore(QModelIndex()));
        QCOMPARE(m_model->cachedPages(), 0);
        // Every row exactly once, in the store's order.
        QCOMPARE(modelIds(*m_model), ids(m_store->fetch()));
        QCOMPARE(m_model->pagesRead(),
                 (RowCount + HistoryTableModel::PageSize - 1) / HistoryTableModel::PageSize);
        // A tree parent has no rows.
        QCOMPARE(m_model->rowCount(m_model->index(0, 0)), 0);
        QVERIFY(!m_model->canFetchMore(m_model->index(0, 0)));
    }

    void noStoreIsEmpty()
    {
        HistoryTableModel model;
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.totalCount(), 0);
        QVERIFY(!model.canFetchMore(QModelIndex()));
        QVERIFY(model.allRecords().isEmpty());
        QString error;
        QVERIFY(!model.removeRecords({1}, &error));
        QVERIFY(!error.isEmpty());
        HistoryStore closed(m_dir.filePath(QStringLiteral("never-opened.sqlite")));
        model.setStore(&closed);
        QCOMPARE(model.rowCount(), 0);
    }

    void filterIsDoneByTheStore()
    {
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy counts(m_model.get(), &HistoryTableModel::countsChanged);
        // Matches rows beyond the first page too.
        m_model->setFilter(QStringLiteral("  alice  "));
        QCOMPARE(reset.size(), 1);
        QCOMPARE(counts.size(), 1);
        QCOMPARE(m_model->filter(), QStringLiteral("alice"));
        const int expected = m_store->count(QStringLiteral("alice"));
        QCOMPARE(expected, RowCount / 10);
        QCOMPARE(m_model->totalCount(), expected);
        QCOMPARE(m_model->storeCount(), RowCount);
        loadAll(*m_model);
        QCOMPARE(m_model->rowCount(), expected);
        for (int row = 0; row < m_model->rowCount(); ++row)
            QVERIFY(m_model->record(row).username.startsWith(QLatin1String("alice")));

        // The same filter again does not reset.
        m_model->setFilter(QStringLiteral("alice"));
        QCOMPARE(reset.size(), 1);

        // Wider than one page: every matching row is a row, read when shown.
        m_model->setFilter(QStringLiteral("user"));
        QCOMPARE(m_model->totalCount(), m_store->count(QStringLiteral("user")));
        QVERIFY(m_model->totalCount() > HistoryTableModel::PageSize);
        QCOMPARE(m_model->rowCount(), m_model->totalCount());

        m_model->setFilter(QStringLiteral("no-such-connection"));
        QCOMPARE(m_model->rowCount(), 0);
        QCOMPARE(m_model->totalCount(), 0);
        QVERIFY(!m_model->canFetchMore(QModelIndex()));

        m_model->setFilter(QString());
        QCOMPARE(m_model->totalCount(), RowCount);
        QCOMPARE(m_model->rowCount(), RowCount);
    }

    void sortIsDoneByTheStore_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<Qt::SortOrder>("order");
        // Every column the model shows is one the store sorts by: the same HistoryColumn value.
        for (int column = 0; column < HistoryColumn::Count; ++column) {
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                const QByteArray name =
                    QByteArray::number(column) +
                    (order == Qt::AscendingOrder ? QByteArray(" asc") : QByteArray(" desc"));
                QTest::newRow(name.constData()) << column << order;
            }
        }
    }

    void sortIsDoneByTheStore()
    {
        QFETCH(int, column);
        QFETCH(Qt::SortOrder, order);
        QVERIFY(HistoryTableModel::isSortable(column));
        // Start from a different order so that every row has to be sorted by SQLite.
        m_model->sortBy(column == HistoryColumn::Username ? HistoryColumn::Engine : HistoryColumn::Username,
                        Qt::AscendingOrder);
        m_model->sort(column, order);
        QCOMPARE(m_model->sortColumn(), column);
        QCOMPARE(m_model->sortOrder(), order);
        QCOMPARE(m_model->rowCount(), RowCount);
        loadAll(*m_model);
        QCOMPARE(modelIds(*m_model), ids(m_store->fetch(QString(), HistoryColumn::Column(column), order)));
        // And the order is the one asked for, independently of the store's query.
        for (int row = 1; row < m_model->rowCount(); ++row) {
            const HistoryRecord a = m_model->record(row - 1);
            const HistoryRecord b = m_model->record(row);
            const int cmp = QString::compare(sortField(a, column), sortField(b, column));
            const bool ordered = order == Qt::AscendingOrder ? (cmp < 0 || (cmp == 0 && a.id < b.id))
                                                             : (cmp > 0 || (cmp == 0 && a.id > b.id));
            QVERIFY2(ordered, qPrintable(QStringLiteral("rows %1 and %2").arg(row - 1).arg(row)));
        }
    }

    void unknownColumnIsNotSortable()
    {
        m_model->sortBy(HistoryColumn::Username, Qt::DescendingOrder);
        const QList<qint64> before = modelIds(*m_model);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QVERIFY(!HistoryTableModel::isSortable(-1));
        QVERIFY(!HistoryTableModel::isSortable(HistoryColumn::Count));
        QVERIFY(HistoryTableModel::isSortable(HistoryColumn::State));
        m_model->sortBy(-1, Qt::AscendingOrder);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(m_model->sortColumn(), int(HistoryColumn::Username));
        QCOMPARE(m_model->sortOrder(), Qt::DescendingOrder);
        QCOMPARE(modelIds(*m_model), before);
    }

    void reloadShowsNewRowsFirst()
    {
        QCOMPARE(m_model->record(300).id, ids(m_store->fetch()).at(300));
        HistoryRecord fresh = sample(5000);
        fresh.createdAt = QDateTime::currentDateTimeUtc();
        fresh.connectionId = QStringLiteral("fresh-connection");
        QString error;
        QVERIFY2(m_store->add(fresh, &error), qPrintable(error));
        QSignalSpy counts(m_model.get(), &HistoryTableModel::countsChanged);
        m_model->reload();
        QCOMPARE(counts.size(), 1);
        QCOMPARE(m_model->totalCount(), RowCount + 1);
        QCOMPARE(m_model->record(0).id, fresh.id);
        QCOMPARE(m_model->index(0, HistoryColumn::ConnectionId).data().toString(),
                 QStringLiteral("fresh-connection"));
        QCOMPARE(m_model->rowCount(), RowCount + 1);
        // A row is found again near where it was (the pane keeps the selection and the top row so).
        const qint64 was300 = ids(m_store->fetch()).at(301);
        QCOMPARE(m_model->rowOf(was300, 300), 301);
        QCOMPARE(m_model->rowOf(0, 0), -1);

        // The same number of rows: the rows change in place, without a reset.
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QString why;
        QVERIFY(m_store->setState(fresh.id, HistoryRecord::State::Deleted, QString(), QString(), QString(),
                                  &why));
        m_model->reload();
        QCOMPARE(reset.size(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(m_model->record(0).state, HistoryRecord::State::Deleted);
    }

    void rowsAddedElsewhereBetweenPagesAreNotListedTwice()
    {
        // Another process (the CLI) adds rows while the first page is shown: offsets shift by two.
        QVERIFY(m_model->record(0).id > 0);
        HistoryStore other(m_path);
        QString error;
        QVERIFY2(other.open(&error), qPrintable(error));
        for (int i = 0; i < 2; ++i) {
            HistoryRecord r = sample(2000 + i);
            QVERIFY2(other.add(r, &error), qPrintable(error));
        }
        loadAll(*m_model);
        const QList<qint64> loaded = modelIds(*m_model);
        const QSet<qint64> unique(loaded.cbegin(), loaded.cend());
        QCOMPARE(unique.size(), loaded.size());
        QCOMPARE(loaded.size(), RowCount);
    }

    void removeRecordsKeepsTheRest()
    {
        m_model->fetchMore(QModelIndex());
        const QList<qint64> before = modelIds(*m_model);
        const QList<qint64> gone = {before.at(0), before.at(1), before.at(10), before.at(300)};
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QString error;
        QVERIFY2(m_model->removeRecords(gone, &error), qPrintable(error));
        QCOMPARE(reset.size(), 0);
        QCOMPARE(removed.size(), 3); // contiguous rows go in one signal
        QCOMPARE(m_model->rowCount(), before.size() - gone.size());
        QCOMPARE(m_model->totalCount(), RowCount - int(gone.size()));
        QCOMPARE(m_store->count(), RowCount - int(gone.size()));
        for (qint64 id : gone)
            QCOMPARE(m_store->byId(id).id, qint64(0));
        QList<qint64> expected = before;
        for (qint64 id : gone)
            expected.removeOne(id);
        QCOMPARE(modelIds(*m_model), expected);
        // Paging carries on at the right place.
        loadAll(*m_model);
        QCOMPARE(modelIds(*m_model), ids(m_store->fetch()));
    }

    void dataAndRoles()
    {
        HistoryRecord r = sample(1);
        r.createdAt = QDateTime(QDate(2030, 5, 6), QTime(7, 8, 9, 123), QTimeZone::utc());
        r.endpoint = QStringLiteral("https://das.cn-north-4.myhuaweicloud.com:8443/");
        r.region = QStringLiteral("cn-north-4");
        r.instanceId = QStringLiteral("bcfa975193f1402fa11a6d4fd6baf5fbin01");
        r.nodeIds = {QStringLiteral("6b0e3d1c2a9f4e8b9c7d5a4f3e2d1c0bno01")};
        r.engineType = QStringLiteral("mysql");
        r.networkType = QStringLiteral("rds");
        r.username = QStringLiteral("root");
        r.connectionId = QStringLiteral("7d3e1c0b-5a4f-4e2d-9c1b-0a9f8e7d6c5b");
        r.requestId = QStringLiteral("req-xyz");
        r.remarks = QStringLiteral("第一行\r\nsecond\nthird");
        r.passwordSaved = true;
        QString error;
        QVERIFY2(m_store->add(r, &error), qPrintable(error));
        m_model->reload();
        QCOMPARE(m_model->record(0).id, r.id);

        auto cell = [&](int column, int role = Qt::DisplayRole) {
            return m_model->index(0, column).data(role);
        };
        QCOMPARE(cell(HistoryColumn::Time).toString(),
                 r.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        QVERIFY(cell(HistoryColumn::Time, Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("2030-05-06T07:08:09Z")));
        QCOMPARE(cell(HistoryColumn::Endpoint).toString(),
                 QStringLiteral("das.cn-north-4.myhuaweicloud.com:8443"));
        QVERIFY(cell(HistoryColumn::Endpoint, Qt::ToolTipRole).toString().contains(r.endpoint));
        QVERIFY(
            cell(HistoryColumn::Endpoint, Qt::ToolTipRole).toString().contains(QLatin1String("cn-north-4")));
        QCOMPARE(cell(HistoryColumn::Instance).toString(), r.instanceId);
        QVERIFY(cell(HistoryColumn::Instance, Qt::ToolTipRole).toString().contains(r.nodeIds.constFirst()));
        QVERIFY(cell(HistoryColumn::Instance, Qt::ToolTipRole).toString().contains(r.projectId));
        QCOMPARE(cell(HistoryColumn::Engine).toString(), QStringLiteral("mysql"));
        QVERIFY(cell(HistoryColumn::Engine, Qt::ToolTipRole).toString().contains(QLatin1String("rds")));
        QCOMPARE(cell(HistoryColumn::Username).toString(), QStringLiteral("root"));
        QCOMPARE(cell(HistoryColumn::ConnectionId).toString(), r.connectionId);
        QVERIFY(
            cell(HistoryColumn::ConnectionId, Qt::ToolTipRole).toString().contains(QLatin1String("req-xyz")));
        QCOMPARE(cell(HistoryColumn::Remarks).toString(),
                 QStringLiteral("第一行 \u23CE second \u23CE third"));
        QCOMPARE(cell(HistoryColumn::Remarks, Qt::ToolTipRole).toString(), r.remarks);
        QCOMPARE(cell(HistoryColumn::PasswordSaved).toString(), QStringLiteral("Yes"));
        QCOMPARE(cell(HistoryColumn::PasswordSaved, Qt::TextAlignmentRole).value<Qt::Alignment>(),
                 Qt::Alignment(Qt::AlignCenter));
        QVERIFY(!cell(HistoryColumn::PasswordSaved, Qt::ToolTipRole).toString().isEmpty());
        const HistoryRecord second = m_model->record(1);
        QCOMPARE(m_model->index(1, HistoryColumn::PasswordSaved).data().toString(),
                 second.passwordSaved ? QStringLiteral("Yes") : QStringLiteral("No"));
        for (int column = 0; column < HistoryColumn::Count; ++column) {
            QCOMPARE(cell(column, HistoryTableModel::RecordIdRole).toLongLong(), r.id);
            QCOMPARE(cell(column, HistoryTableModel::RecordRole).value<HistoryRecord>().connectionId,
                     r.connectionId);
            QVERIFY(!m_model->headerData(column, Qt::Horizontal).toString().isEmpty());
            const Qt::ItemFlags flags = m_model->flags(m_model->index(0, column));
            QVERIFY(flags & Qt::ItemIsSelectable);
            QVERIFY(!(flags & Qt::ItemIsEditable));
        }
        QCOMPARE(m_model->headerData(HistoryColumn::PasswordSaved, Qt::Horizontal).toString(),
                 QStringLiteral("Password saved"));
        QCOMPARE(m_model->headerData(HistoryColumn::ConnectionId, Qt::Horizontal).toString(),
                 QStringLiteral("Connection ID"));
        QVERIFY(!m_model->data(QModelIndex()).isValid());
        QCOMPARE(m_model->record(-1).id, qint64(0));
        QCOMPARE(m_model->record(m_model->rowCount()).id, qint64(0));
        QCOMPARE(m_model->records({0, 1, 99999}).size(), 2);
        QCOMPARE(m_model->records({1}).constFirst().id, second.id);

        // The previous row is sample(999): an endpoint without a port shows just the host.
        QCOMPARE(second.endpoint, QStringLiteral("https://das.cn-north-4.myhuaweicloud.com"));
        QCOMPARE(m_model->index(1, HistoryColumn::Endpoint).data().toString(),
                 QStringLiteral("das.cn-north-4.myhuaweicloud.com"));
    }

    void stateColumn_data()
    {
        using State = HistoryRecord::State;
        using Origin = HistoryRecord::Origin;
        QTest::addColumn<State>("state");
        QTest::addColumn<Origin>("origin");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("inactive");
        QTest::newRow("pending") << State::Pending << Origin::Created << QStringLiteral("Pending") << false;
        QTest::newRow("created") << State::Created << Origin::Created << QStringLiteral("Created") << false;
        QTest::newRow("not created") << State::NotCreated << Origin::Created << QStringLiteral("Not created")
                                     << true;
        QTest::newRow("unknown") << State::Unknown << Origin::Created << QStringLiteral("Unknown") << false;
        QTest::newRow("deleted") << State::Deleted << Origin::Created << QStringLiteral("Deleted") << true;
        QTest::newRow("existing") << State::Created << Origin::Existing
                                  << QStringLiteral("Created (existing)") << false;
        QTest::newRow("adopted") << State::Created << Origin::Adopted << QStringLiteral("Created (adopted)")
                                 << false;
        QTest::newRow("adopted, deleted")
            << State::Deleted << Origin::Adopted << QStringLiteral("Deleted (adopted)") << true;
    }

    void stateColumn()
    {
        QFETCH(HistoryRecord::State, state);
        QFETCH(HistoryRecord::Origin, origin);
        QFETCH(QString, text);
        QFETCH(bool, inactive);
        HistoryRecord r = sample(1);
        r.createdAt = QDateTime(QDate(2031, 1, 1), QTime(0, 0), QTimeZone::utc()); // the newest row
        r.state = state;
        r.origin = origin;
        r.stateDetail =
            state == HistoryRecord::State::Created ? QString() : QStringLiteral("2 candidates on DAS");
        QString error;
        QVERIFY2(m_store->add(r, &error), qPrintable(error));
        m_model->reload();
        QCOMPARE(m_model->record(0).id, r.id);
        const QModelIndex cell = m_model->index(0, HistoryColumn::State);
        QCOMPARE(cell.data().toString(), text);
        QCOMPARE(HistoryTableModel::stateText(r), text);
        QCOMPARE(cell.data(Qt::ToolTipRole).toString(), r.stateDetail);
        QCOMPARE(cell.data(Qt::ToolTipRole).isValid(), !r.stateDetail.isEmpty());
        for (int column = 0; column < HistoryColumn::Count; ++column)
            QCOMPARE(m_model->index(0, column).data(HistoryTableModel::InactiveRole).toBool(), inactive);
        QCOMPARE(m_model->headerData(HistoryColumn::State, Qt::Horizontal).toString(),
                 QStringLiteral("State"));
        QVERIFY(
            !m_model->headerData(HistoryColumn::State, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
    }

    void sortByStateGroupsTheStates()
    {
        m_model->sortBy(HistoryColumn::State, Qt::AscendingOrder);
        loadAll(*m_model);
        QCOMPARE(m_model->rowCount(), RowCount);
        // Stored names in order: created, deleted, not_created, pending, unknown; ties newest id last.
        QStringList seen;
        qint64 previousId = 0;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const HistoryRecord r = m_model->record(row);
            const QString name = HistoryRecord::stateName(r.state);
            if (seen.isEmpty() || seen.constLast() != name) {
                QVERIFY2(!seen.contains(name), qPrintable(name)); // each state in one run
                seen.append(name);
            } else {
                QVERIFY(r.id > previousId);
            }
            previousId = r.id;
            QCOMPARE(m_model->index(row, HistoryColumn::State).data().toString(),
                     HistoryTableModel::stateText(r));
        }
        QCOMPARE(seen, (QStringList{QStringLiteral("created"), QStringLiteral("deleted"),
                                    QStringLiteral("not_created"), QStringLiteral("pending"),
                                    QStringLiteral("unknown")}));
        QVERIFY(
            m_model->index(0, HistoryColumn::State).data().toString().startsWith(QLatin1String("Created")));
        QVERIFY(m_model->index(RowCount - 1, HistoryColumn::State)
                    .data()
                    .toString()
                    .startsWith(QLatin1String("Unknown")));
        m_model->sortBy(HistoryColumn::State, Qt::DescendingOrder);
        QCOMPARE(m_model->record(0).state, HistoryRecord::State::Unknown);
    }

    void allRecordsComeFromTheStore()
    {
        m_model->setFilter(QStringLiteral("user"));
        m_model->sortBy(HistoryColumn::ConnectionId, Qt::AscendingOrder);
        const QList<HistoryRecord> all = m_model->allRecords();
        QCOMPARE(all.size(), m_store->count(QStringLiteral("user")));
        QCOMPARE(all.size(), m_model->rowCount());
        QCOMPARE(ids(all), ids(m_store->fetch(QStringLiteral("user"), HistoryColumn::ConnectionId,
                                              Qt::AscendingOrder)));
    }

    void proxyForwardsSortFilterAndFetching()
    {
        HistoryProxyModel proxy;
        proxy.setSourceModel(m_model.get());
        QCOMPARE(proxy.historyModel(), m_model.get());
        QCOMPARE(proxy.rowCount(), RowCount);
        QVERIFY(!proxy.canFetchMore(QModelIndex()));

        proxy.sort(HistoryColumn::Username, Qt::AscendingOrder);
        QCOMPARE(m_model->sortColumn(), int(HistoryColumn::Username));
        QCOMPARE(m_model->sortOrder(), Qt::AscendingOrder);
        // The proxy itself keeps the source order: SQLite's, over all rows.
        const QList<HistoryRecord> expected =
            m_store->fetch(QString(), HistoryColumn::Username, Qt::AscendingOrder, 0, 5);
        for (int row = 0; row < 5; ++row)
            QCOMPARE(proxy.index(row, 0).data(HistoryTableModel::RecordIdRole).toLongLong(),
                     expected.at(row).id);

        proxy.setFilterText(QStringLiteral("alice"));
        QCOMPARE(m_model->filter(), QStringLiteral("alice"));
        QCOMPARE(proxy.filterText(), QStringLiteral("alice"));
        QCOMPARE(proxy.rowCount(), m_store->count(QStringLiteral("alice")));

        loadAll(proxy);
        QVERIFY(!proxy.canFetchMore(QModelIndex()));
        {
            // Under 256 rows, see passesModelTester().
            QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
            proxy.sort(HistoryColumn::Endpoint, Qt::DescendingOrder);
            proxy.setFilterText(QStringLiteral("alice2"));
        }
        proxy.setFilterText(QString());
        loadAll(proxy);
        QCOMPARE(proxy.rowCount(), RowCount);
    }

    void csvFields_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("field");
        QTest::newRow("plain") << QStringLiteral("root") << QStringLiteral("root");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
        QTest::newRow("newline") << QStringLiteral("one\ntwo") << QStringLiteral("\"one\ntwo\"");
        QTest::newRow("crlf") << QStringLiteral("one\r\ntwo") << QStringLiteral("\"one\r\ntwo\"");
        QTest::newRow("cjk") << QStringLiteral("批次 甲") << QStringLiteral("批次 甲");
        QTest::newRow("formula =") << QStringLiteral("=HYPERLINK(\"x\")")
                                   << QStringLiteral("\"'=HYPERLINK(\"\"x\"\")\"");
        QTest::newRow("formula +") << QStringLiteral("+1") << QStringLiteral("'+1");
        QTest::newRow("formula -") << QStringLiteral("-2+3") << QStringLiteral("'-2+3");
        QTest::newRow("formula @") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
        QTest::newRow("formula tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
        QTest::newRow("formula cr") << QStringLiteral("\r=1") << QStringLiteral("\"'\r=1\"");
        QTest::newRow("formula with comma") << QStringLiteral("=1,2") << QStringLiteral("\"'=1,2\"");
        QTest::newRow("inner =") << QStringLiteral("a=b") << QStringLiteral("a=b");
    }

    void csvFields()
    {
        QFETCH(QString, value);
        QFETCH(QString, field);
        QCOMPARE(HistoryExporter::csvField(value), field);
    }

    void csvDocument()
    {
        QList<HistoryRecord> records =
            m_store->fetch(QString(), HistoryColumn::Time, Qt::AscendingOrder, 0, 3);
        records[0].remarks = QStringLiteral("批次, \"引号\"\r\n第二行");
        records[1].username = QStringLiteral("=cmd|' /C calc'!A0");
        records[2].nodeIds = {QStringLiteral("n1"), QStringLiteral("n2")};
        records[2].updatedAt = QDateTime(QDate(2030, 1, 1), QTime(1, 2, 3), QTimeZone::utc());
        const QByteArray csv = HistoryExporter::toCsv(records);
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        QVERIFY(csv.endsWith("\r\n"));
        const QString text = QString::fromUtf8(csv.mid(3));
        QVERIFY(text.contains(QStringLiteral("批次")));
        const QList<QStringList> rows = parseCsv(text);
        QCOMPARE(rows.size(), records.size() + 1);
        const QStringList header = HistoryExporter::csvColumns();
        QCOMPARE(rows.at(0), header);
        QVERIFY(text.startsWith(header.join(u',') + QStringLiteral("\r\n")));
        for (const QStringList& row : rows)
            QCOMPARE(row.size(), header.size());
        auto column = [&](const char* name) {
            return int(header.indexOf(QLatin1String(name)));
        };
        QCOMPARE(rows.at(1).at(column("remarks")), records[0].remarks);
        QCOMPARE(rows.at(2).at(column("username")), u'\'' + records[1].username);
        QCOMPARE(rows.at(3).at(column("node_ids")), QStringLiteral("n1;n2"));
        QCOMPARE(rows.at(1).at(column("connection_id")), records[0].connectionId);
        QCOMPARE(rows.at(1).at(column("id")), QString::number(records[0].id));
        QCOMPARE(rows.at(1).at(column("password_saved")),
                 records[0].passwordSaved ? QStringLiteral("true") : QStringLiteral("false"));
        QCOMPARE(rows.at(1).at(column("created_at")), records[0].createdAt.toUTC().toString(Qt::ISODate));

        // Every cell is the JSON form's value.
        for (int i = 0; i < records.size(); ++i) {
            const QJsonObject json = records.at(i).toJson();
            for (int c = 0; c < header.size(); ++c) {
                const QJsonValue value = json.value(header.at(c));
                QString expected;
                if (value.isBool())
                    expected = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
                else if (value.isDouble())
                    expected = QString::number(value.toInteger());
                else if (value.isArray())
                    expected = value.toVariant().toStringList().join(u';');
                else
                    expected = value.toString();
                QString cell = rows.at(i + 1).at(c);
                if (cell.startsWith(u'\'') && !expected.startsWith(u'\''))
                    cell.remove(0, 1); // the formula guard
                QCOMPARE(cell, expected);
            }
        }
        QCOMPARE(rows.at(1).at(column("state")), HistoryRecord::stateName(records[0].state));
        QCOMPARE(rows.at(1).at(column("origin")), HistoryRecord::originName(records[0].origin));
        QCOMPARE(rows.at(1).at(column("state_detail")), records[0].stateDetail);
        QCOMPARE(rows.at(1).at(column("updated_at")), QString());
        QCOMPARE(rows.at(3).at(column("updated_at")), QStringLiteral("2030-01-01T01:02:03Z"));

        // The CSV has every field of the JSON form (updated_at is there once the state has changed), and
        // nothing called password.
        HistoryRecord changed;
        changed.updatedAt = QDateTime::currentDateTimeUtc();
        const QStringList jsonKeys = changed.toJson().keys();
        for (const char* key : {"state", "origin", "state_detail", "updated_at"})
            QVERIFY2(jsonKeys.contains(QLatin1String(key)), key);
        for (const QString& key : jsonKeys)
            QVERIFY2(header.contains(key), qPrintable(key));
        QCOMPARE(header.size(), jsonKeys.size());
        QVERIFY(!header.contains(QStringLiteral("password")));

        QCOMPARE(HistoryExporter::toCsv({}),
                 QByteArray("\xEF\xBB\xBF") + header.join(u',').toUtf8() + "\r\n");
    }

    void jsonRoundTrip()
    {
        const QList<HistoryRecord> records = m_model->allRecords();
        const QByteArray json = HistoryExporter::toJson(records);
        QVERIFY(json.contains("\n    ")); // indented
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(json, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(document.isArray());
        const QJsonArray array = document.array();
        QCOMPARE(array.size(), RowCount);
        for (int i = 0; i < array.size(); ++i)
            QCOMPARE(array.at(i).toObject(), records.at(i).toJson());
        QStringList keys;
        collectKeys(document.array(), keys);
        QVERIFY(!keys.isEmpty());
        QVERIFY(!keys.contains(QStringLiteral("password")));
        // Byte for byte what QJsonDocument writes for the whole array.
        QJsonArray expected;
        for (const HistoryRecord& r : records.mid(0, 3))
            expected.append(r.toJson());
        QCOMPARE(HistoryExporter::toJson(records.mid(0, 3)),
                 QJsonDocument(expected).toJson(QJsonDocument::Indented));
        QCOMPARE(HistoryExporter::toJson(records.mid(0, 1)),
                 QJsonDocument(QJsonArray{records.at(0).toJson()}).toJson(QJsonDocument::Indented));
        QCOMPARE(HistoryExporter::toJson({}), QJsonDocument(QJsonArray()).toJson(QJsonDocument::Indented));
    }
};

QTEST_GUILESS_MAIN(TestHistoryModel)
#include "tst_historymodel.moc"
