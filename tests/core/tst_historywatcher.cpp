#include "AppPaths.h"
#include "HistoryStore.h"
#include "HistoryWatcher.h"
#include "SqliteConnection.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace das;

namespace {

HistoryRecord sample(int i)
{
    HistoryRecord r;
    r.endpoint = QStringLiteral("http://127.0.0.1:8080");
    r.projectId = QStringLiteral("p1");
    r.instanceId = QStringLiteral("inst%1").arg(i);
    r.engineType = QStringLiteral("mysql");
    r.networkType = QStringLiteral("rds");
    r.username = QStringLiteral("user%1").arg(i);
    r.connectionId = QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
    return r;
}

} // namespace

// The watcher sees what another connection to the same database commits (as das-connect-cli would), and
// nothing of its own store's writes.
class TestHistoryWatcher : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<HistoryStore> m_mine;
    std::unique_ptr<HistoryStore> m_other; // "another process"

    void add(HistoryStore& store, int i)
    {
        HistoryRecord r = sample(i);
        QString error;
        QVERIFY2(store.add(r, &error), qPrintable(error));
    }

    int rowsAfterSearchMark()
    {
        SqliteQuery q(m_mine->connection());
        if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM connections WHERE id > (SELECT indexed_through FROM "
                                   "search_progress)")) ||
            !q.next())
            return -1;
        return q.value(0).toInt();
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        const QString path =
            m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + QStringLiteral(".sqlite"));
        m_mine = std::make_unique<HistoryStore>(path);
        m_other = std::make_unique<HistoryStore>(path);
        QString error;
        QVERIFY2(m_mine->open(&error), qPrintable(error));
        QVERIFY2(m_other->open(&error), qPrintable(error));
    }

    void cleanup()
    {
        m_other.reset();
        m_mine.reset();
    }

    void dataVersionMovesOnOtherConnectionsCommitsOnly()
    {
        const qint64 before = m_mine->dataVersion();
        QVERIFY(before >= 0);
        add(*m_mine, 1);
        QCOMPARE(m_mine->dataVersion(), before);
        add(*m_other, 2);
        QVERIFY(m_mine->dataVersion() != before);

        HistoryStore closed(m_dir.filePath(QStringLiteral("never-opened.sqlite")));
        QCOMPARE(closed.dataVersion(), qint64(-1));
    }

    void reportsAnotherConnectionsAddAndChangeOnce()
    {
        HistoryWatcher watcher;
        watcher.setStore(m_mine.get());
        QSignalSpy changed(&watcher, &HistoryWatcher::changed);
        QVERIFY(!watcher.checkNow()); // nothing happened since setStore()

        add(*m_mine, 1); // shown by whoever wrote it: not a change from elsewhere
        QVERIFY(!watcher.checkNow());
        QCOMPARE(changed.count(), 0);

        add(*m_other, 2);
        QVERIFY(watcher.checkNow());
        QCOMPARE(changed.count(), 1);
        QVERIFY(!watcher.checkNow()); // once per change
        QCOMPARE(changed.count(), 1);

        // A state settled elsewhere (a reconciliation in the CLI) is a change too.
        const qint64 id = m_other->fetch().constFirst().id;
        QString error;
        QVERIFY2(
            m_other->setState(id, HistoryRecord::State::Deleted, QString(), QString(), QString(), &error),
            qPrintable(error));
        QVERIFY(watcher.checkNow());
        QCOMPARE(changed.count(), 2);
    }

    // A CLI create is left out of the search index (HistorySearchIndex); the window's watcher, seeing it,
    // indexes it before reporting the change, so that the window's filters do not match it by LIKE.
    void indexesAnotherProcesssCreatesForSearch()
    {
        HistoryWatcher watcher;
        watcher.setStore(m_mine.get());
        QVERIFY(!watcher.checkNow());
        AppPaths::setHistoryCompactedOnClose(false); // a one-shot process's store
        HistoryStore cli(m_mine->path());
        QString error;
        const bool opened = cli.open(&error);
        AppPaths::setHistoryCompactedOnClose(true);
        QVERIFY2(opened, qPrintable(error));
        add(cli, 7);
        add(cli, 8);
        QCOMPARE(rowsAfterSearchMark(), 2);
        QCOMPARE(m_mine->fetch(QStringLiteral("user7")).size(), 1); // by LIKE meanwhile
        QVERIFY(watcher.checkNow());
        QCOMPARE(rowsAfterSearchMark(), 0);
        QCOMPARE(m_mine->fetch(QStringLiteral("user7")).size(), 1);
        QVERIFY(!watcher.checkNow()); // its own commit is no change
    }

    void pollsOnlyWhileActive()
    {
        HistoryWatcher watcher;
        QCOMPARE(watcher.interval(), int(HistoryWatcher::DefaultIntervalMs));
        watcher.setInterval(20);
        watcher.setStore(m_mine.get());
        QSignalSpy changed(&watcher, &HistoryWatcher::changed);
        QVERIFY(!watcher.isActive());

        // Polling: a commit elsewhere is reported without anyone asking.
        watcher.setActive(true);
        QVERIFY(watcher.isActive());
        add(*m_other, 1);
        QVERIFY(changed.wait(5000));
        QCOMPARE(changed.count(), 1);

        // Inactive, nothing polls; becoming active looks at once, without waiting a period.
        watcher.setActive(false);
        QVERIFY(!watcher.isActive());
        add(*m_other, 2);
        // Give a timer that was left running every chance to fire: none may.
        watcher.setInterval(0);
        for (int i = 0; i < 10; ++i)
            QCoreApplication::processEvents();
        QCOMPARE(changed.count(), 1);
        watcher.setInterval(60 * 60 * 1000);
        watcher.setActive(true);
        QCOMPARE(changed.count(), 2);
    }

    void withoutAStoreNothingIsReported()
    {
        HistoryWatcher watcher;
        QSignalSpy changed(&watcher, &HistoryWatcher::changed);
        QVERIFY(!watcher.checkNow());
        watcher.setStore(m_mine.get());
        watcher.setStore(nullptr);
        add(*m_other, 1);
        QVERIFY(!watcher.checkNow());
        QCOMPARE(changed.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHistoryWatcher)
#include "tst_historywatcher.moc"
