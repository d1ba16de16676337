// The history filter through the trigram index (three characters or more) finds exactly the rows LIKE finds:
// a substring of a filtered column, ASCII letters in any case, other characters as they are.
#include "HistoryFilterPlan.h"
#include "HistoryStore.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <memory>

using namespace das;

namespace {

HistoryRecord sample(int i)
{
    static const char16_t* const Remarks[] = {
        u"批次 甲, \"引号\"",     u"Ärger im Büro",     u"ärger klein",
        u"ÄRGER GROSS",           u"100% sure_thing",   u"back\\slash",
        u"emoji \U0001F600 here", u"tab\tand\nnewline", u"",
        u"O'Brien's db",
    };
    HistoryRecord r;
    r.createdAt = QDateTime(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::utc()).addSecs(i * 60);
    r.endpoint = i % 3 ? QStringLiteral("https://das.cn-north-4.myhuaweicloud.com")
                       : QStringLiteral("https://das.AP-southeast-1.myhuaweicloud.com");
    r.region = QStringLiteral("region-not-filtered");
    r.projectId = QStringLiteral("Proj%1").arg(i % 7);
    r.instanceId = QStringLiteral("inst%1in01").arg(i % 41, 3, 10, QLatin1Char('0'));
    r.engineType = i % 2 ? QStringLiteral("mysql") : QStringLiteral("PostgreSQL");
    r.networkType = QStringLiteral("network-not-filtered");
    r.username = i % 10 == 0 ? QStringLiteral("Élodie%1").arg(i % 3) : QStringLiteral("User_%1").arg(i % 13);
    r.port = QStringLiteral("3306");
    r.databaseName = QStringLiteral("db%1").arg(i % 5);
    r.remarks = QString::fromUtf16(Remarks[i % 10]);
    r.connectionId = QStringLiteral("c-%1-xyz").arg((i * 7919) % 1009, 4, 10, QLatin1Char('0'));
    r.requestId = QStringLiteral("request-not-filtered-%1").arg(i);
    r.state = HistoryRecord::State(i % 5);
    return r;
}

// SQLite's LIKE folds the case of ASCII letters only.
QString asciiLower(const QString& text)
{
    QString out = text;
    for (QChar& c : out) {
        if (c >= u'A' && c <= u'Z')
            c = QChar(c.unicode() + 32);
    }
    return out;
}

bool likeMatches(const HistoryRecord& r, const QString& filter)
{
    const QString needle = asciiLower(filter);
    const QString fields[] = {r.endpoint, r.instanceId,   r.engineType,
                              r.username, r.connectionId, r.databaseName,
                              r.remarks,  r.projectId,    HistoryRecord::stateName(r.state)};
    return std::any_of(std::begin(fields), std::end(fields),
                       [&](const QString& field) { return asciiLower(field).contains(needle); });
}

QList<qint64> ids(const QList<HistoryRecord>& records)
{
    QList<qint64> out;
    for (const HistoryRecord& r : records)
        out.append(r.id);
    return out;
}

} // namespace

class TestHistoryFilter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<HistoryStore> m_store;
    QList<HistoryRecord> m_records; // oldest first, as added

    QList<qint64> expected(const QString& filter) const
    {
        QList<qint64> out;
        for (const HistoryRecord& r : m_records) {
            if (likeMatches(r, filter))
                out.append(r.id);
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        m_store = std::make_unique<HistoryStore>(m_dir.filePath(QStringLiteral("history.sqlite")));
        QString error;
        QVERIFY2(m_store->open(&error), qPrintable(error));
        for (int i = 0; i < 400; ++i)
            m_records.append(sample(i));
        QVERIFY2(m_store->addMany(m_records, &error), qPrintable(error));
    }

    void sameRowsAsLike_data()
    {
        QTest::addColumn<QString>("filter");
        const char16_t* const filters[] = {
            u"user_1",     u"USER_1",      u"ser",      u"Ärger",    u"ärger",       u"ÄRGER",
            u"ärg",        u"élodie",      u"Élodie1",  u"批次 甲",  u"批次",        u"\"引号\"",
            u"100%",       u"0% s",        u"e_t",      u"back\\sl", u"\U0001F600",  u"ji \U0001F600 h",
            u"north",      u"NORTH-4",     u"ap-south", u"mysql",    u"postgre",     u"proj3",
            u"created",    u"not_cr",      u"pending",  u"unknown",  u"c-0",         u"-xyz",
            u"in01",       u"db3",         u"O'Brien",  u"t\tand",   u"nd\nne",      u"zz-nothing",
            u"region-not", u"request-not", u"network",  u"3306",     u"p",           u"ä",
            u"_",          u"%",           u"Ü",        u"db",       u"\U0001F600 ",
        };
        for (const char16_t* filter : filters) {
            const QString text = QString::fromUtf16(filter);
            QTest::newRow(text.toUtf8().constData()) << text;
        }
    }

    void sameRowsAsLike()
    {
        QFETCH(QString, filter);
        const QList<qint64> want = expected(filter);
        QCOMPARE(m_store->count(filter), int(want.size()));
        QList<qint64> got = ids(m_store->fetch(filter, HistoryColumn::Time, Qt::AscendingOrder));
        QCOMPARE(got, want);
        // Paged and sorted the same way.
        const QList<HistoryRecord> page =
            m_store->pageAt({filter, HistoryColumn::Username, Qt::DescendingOrder}, 3, 5).rows;
        const QList<HistoryRecord> all = m_store->fetch(filter, HistoryColumn::Username, Qt::DescendingOrder);
        QCOMPARE(ids(page), ids(all.mid(3, 5)));
        // Walking the order instead of looking the matches up (a common filter's pages) finds the same rows.
        for (HistoryColumn::Column column : {HistoryColumn::Time, HistoryColumn::Username}) {
            const HistoryStore::PageQuery walked{filter, column, Qt::DescendingOrder, true};
            const QList<HistoryRecord> sorted = m_store->fetch(filter, column, Qt::DescendingOrder);
            QCOMPARE(ids(m_store->pageAt(walked, 0, -1).rows), ids(sorted));
            QCOMPARE(ids(m_store->pageAt(walked, 2, 7).rows), ids(sorted.mid(2, 7)));
            if (sorted.size() > 4) {
                const HistoryRecord& third = sorted.at(2);
                const QVariant key =
                    column == HistoryColumn::Time ? QVariant(third.id) : QVariant(third.username);
                QCOMPARE(ids(m_store->pageAfter(walked, key, third.id, 2).rows), ids(sorted.mid(3, 2)));
                QCOMPARE(ids(m_store->pageBefore(walked, key, third.id, 2).rows), ids(sorted.mid(0, 2)));
            }
        }
    }

    // The walk turns the index lookups of a filter of three characters or more off (if HistorySql wrote
    // the condition in another shape, the walk would silently look rows up again); one or two characters
    // have none to turn off. A filter matching many rows is common, one matching a few is not.
    void walkingTurnsTheLookupsOff()
    {
        for (const QString& filter : {QStringLiteral("user_1"), QStringLiteral("north")}) {
            const QString walked = HistoryFilterPlan::clause(filter, true);
            QVERIFY(walked != HistoryFilterPlan::clause(filter, false));
            QVERIFY(walked.contains(QLatin1String("+id IN (SELECT rowid")));
            for (const char* column : {"endpoint", "engine_type", "project_id", "state"})
                QVERIFY2(walked.contains(QStringLiteral(" OR +%1 IN (").arg(QLatin1String(column))), column);
        }
        QVERIFY(HistoryFilterPlan::alwaysWalks(QStringLiteral("p")));
        QVERIFY(m_store->isCommonFilter(QStringLiteral("p")));
        QVERIFY(!m_store->isCommonFilter(QStringLiteral("zz-nothing")));
        QVERIFY(!m_store->isCommonFilter(QStringLiteral("user_1")));
    }

    void indexFollowsWrites()
    {
        HistoryRecord r = sample(5);
        r.username = QStringLiteral("freshly-added-user");
        QString error;
        QVERIFY2(m_store->add(r, &error), qPrintable(error));
        QCOMPARE(ids(m_store->fetch(QStringLiteral("freshly-added"))), QList<qint64>{r.id});
        QVERIFY2(m_store->setState(r.id, HistoryRecord::State::Deleted, QStringLiteral("conn-after-update"),
                                   QString(), QString(), &error),
                 qPrintable(error));
        // The connection ID set by an update is found through the index, the old value no longer.
        QCOMPARE(ids(m_store->fetch(QStringLiteral("conn-after-update"))), QList<qint64>{r.id});
        QVERIFY(!ids(m_store->fetch(r.connectionId)).contains(r.id));
        QCOMPARE(ids(m_store->fetch(r.connectionId)), expected(r.connectionId)); // sample(5)'s own row
        QVERIFY2(m_store->remove({r.id}, &error), qPrintable(error));
        QVERIFY(m_store->fetch(QStringLiteral("freshly-added")).isEmpty());
        QCOMPARE(m_store->count(QStringLiteral("User_1")), int(expected(QStringLiteral("User_1")).size()));
    }

    void longFiltersUseTheIndex()
    {
        // The trigram table answers, and is whole.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe"));
        db.setDatabaseName(m_store->path());
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "SELECT COUNT(*) FROM connections_fts WHERE connections_fts MATCH '\"use\" AND \"ser\"'")));
            QVERIFY(q.next());
            QVERIFY(q.value(0).toInt() > 0);
            // The index holds exactly the table's rows after adds, updates and deletes.
            QVERIFY(q.exec(
                QStringLiteral("INSERT INTO connections_fts(connections_fts) VALUES ('integrity-check')")));
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("probe"));
    }
};

QTEST_GUILESS_MAIN(TestHistoryFilter)
#include "tst_historyfilter.moc"
