// Durability of the history under concurrency and SIGKILL: one das-sandbox, ROUNDS rounds of PROCESSES
// concurrent `das-connect-cli create` processes sharing one HOME (so one history database), a seeded random
// subset of each round killed with SIGKILL at a seeded random moment. Afterwards:
//   - PRAGMA integrity_check is "ok" (and the CLI can still read the history);
//   - every connection ID a CLI printed on stdout, killed or not, is in the history (an ID is printed only
//     after its row is committed);
//   - no connection ID or request ID is recorded twice, and there are no more rows than requests the
//     sandbox received;
//   - every process that was not killed exited with a documented status (0, 2, 3, 4, 5, 6).
//
//   - with the write-ahead history, a process killed mid-create leaves a `pending` row, never nothing: after
//     `das-connect-cli reconcile` no row is pending, and the connections the sandbox holds are exactly the
//     history's `created` rows (each process has its own user name, so every row has its own duplicate key
//     and the reconciliation can tell them apart).
//
// Reproducing: the seed is printed; DAS_DURABILITY_SEED=<seed> replays the same kill schedule (which
// processes, after how many milliseconds; the OS scheduling around it still varies).
// DAS_DURABILITY_PROCESSES (40), DAS_DURABILITY_ROUNDS (8) and DAS_DURABILITY_KILL_WINDOW_MS (1000) change
// the load and the kill window.
#include "CliHarness.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <memory>
#include <vector>

namespace {

const char* const DemoAk = "DASSANDBOXDEMOAK0001";
const char* const DemoSk = "sandbox-demo-secret-key-do-not-use-in-production";
const char* const Project = "052041494800d57c2f02c00275b4c247";
const char* const Instance = "bcfa975193f1402fa11a6d4fd6baf5fbin01";

// das-connect-cli's documented exit statuses (README, "Command-line client").
const QSet<int> DocumentedExitCodes{0, 2, 3, 4, 5, 6};

int envInt(const char* name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

struct Child
{
    std::unique_ptr<QProcess> process;
    int index = 0;
    int killAfterMs = -1; // -1: left alone
    bool killed = false;  // SIGKILL was sent while it was still running
    qint64 lifetimeMs = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestDurability : public QObject
{
    Q_OBJECT

private slots:
    void concurrentCreatesWithKills();

private:
    void reconcileLeavesNothingUnknown(CliHarness& h, const QUrl& url);
};

void TestDurability::concurrentCreatesWithKills()
{
    const int processes = envInt("DAS_DURABILITY_PROCESSES", 40);
    const int rounds = envInt("DAS_DURABILITY_ROUNDS", 8);
    const int killWindowMs = envInt("DAS_DURABILITY_KILL_WINDOW_MS", 1000);
    const quint32 seed = qEnvironmentVariableIsSet("DAS_DURABILITY_SEED")
                             ? quint32(qEnvironmentVariable("DAS_DURABILITY_SEED").toULong())
                             : QRandomGenerator::system()->generate();
    qInfo("durability: seed %u (DAS_DURABILITY_SEED=%u reproduces the kill schedule), %d rounds of %d "
          "processes",
          seed, seed, rounds, processes);
    QRandomGenerator random(seed);

    CliHarness h;
    QVERIFY(h.isValid());
    // The sandbox's latency keeps every process in flight long enough for kills to land before, during and
    // after the request (start-up, sending, waiting, history write, exit).
    const QUrl url = h.startSandbox({QStringLiteral("--latency"), QStringLiteral("300")});
    QVERIFY2(url.isValid(), h.sandboxOutput().constData());
    QProcessEnvironment& env = h.environment();
    if (!env.contains(QStringLiteral("HUAWEICLOUD_SDK_AK")))
        env.insert(QStringLiteral("HUAWEICLOUD_SDK_AK"), QLatin1String(DemoAk));
    if (!env.contains(QStringLiteral("HUAWEICLOUD_SDK_SK")))
        env.insert(QStringLiteral("HUAWEICLOUD_SDK_SK"), QLatin1String(DemoSk));
    env.remove(QStringLiteral("QT_LOGGING_RULES")); // 40 processes of debug logging only slow the run down

    const QStringList args{QStringLiteral("create"),      QStringLiteral("--project-id"),
                           QLatin1String(Project),        QStringLiteral("--instance-id"),
                           QLatin1String(Instance),       QStringLiteral("--engine-type"),
                           QStringLiteral("mysql"),       QStringLiteral("--network-type"),
                           QStringLiteral("rds"),         QStringLiteral("--password-stdin"),
                           QStringLiteral("--if-exists"), QStringLiteral("create"),
                           QStringLiteral("--endpoint"),  url.toString(),
                           QStringLiteral("--remarks"),   QStringLiteral("durability")};

    QSet<QString> printedIds;
    int killedCount = 0;
    QHash<int, int> exitCodes;
    QList<qint64> lifetimes; // of the processes left alone, from the start of their round
    QElapsedTimer clock;
    clock.start();

    for (int round = 0; round < rounds; ++round) {
        std::vector<Child> children(static_cast<size_t>(processes));
        for (int i = 0; i < processes; ++i) {
            Child& c = children[size_t(i)];
            c.index = i;
            // About a third are killed, anywhere from before exec to the end of a typical create (start-up
            // and the sandbox's latency: about 0.5 s in a Release build, longer sanitized or under load).
            if (random.bounded(3) == 0)
                c.killAfterMs = int(random.bounded(killWindowMs));
        }
        QElapsedTimer roundClock;
        roundClock.start();
        for (Child& c : children) {
            c.process = std::make_unique<QProcess>();
            qint64* lifetime = &c.lifetimeMs;
            connect(c.process.get(), &QProcess::finished, c.process.get(),
                    [lifetime, &roundClock] { *lifetime = roundClock.elapsed(); });
            c.process->setProcessEnvironment(env);
            c.process->start(QStringLiteral(DAS_CLI_PATH),
                             args + QStringList{QStringLiteral("--username"),
                                                QStringLiteral("u%1_%2").arg(round).arg(c.index)});
            c.process->write("Gauss_2345\n");
            c.process->closeWriteChannel();
            if (c.killAfterMs >= 0) {
                QProcess* p = c.process.get();
                bool* killed = &c.killed;
                QTimer::singleShot(c.killAfterMs, p, [p, killed] {
                    if (p->state() != QProcess::NotRunning) {
                        *killed = true;
                        p->kill(); // SIGKILL
                    }
                });
            }
        }
        const bool allDone = QTest::qWaitFor(
            [&] {
                for (const Child& c : children)
                    if (c.process->state() != QProcess::NotRunning)
                        return false;
                return true;
            },
            240000);
        for (Child& c : children) {
            if (c.process->state() != QProcess::NotRunning) {
                c.process->kill();
                c.process->waitForFinished(5000);
            }
            c.out = c.process->readAllStandardOutput();
            c.err = c.process->readAllStandardError();
        }
        QVERIFY2(allDone, "a das-connect-cli process did not finish within 240 s");

        for (const Child& c : children) {
            const QByteArray who =
                "round " + QByteArray::number(round) + " process " + QByteArray::number(c.index);
            // A complete line on stdout is a connection ID the CLI reported as created: killed or not, it
            // must be in the history. (A partial line from a process killed while printing proves nothing.)
            const QList<QByteArray> lines = c.out.split('\n');
            for (qsizetype l = 0; l + 1 < lines.size(); ++l) {
                const QString id = QString::fromUtf8(lines.at(l)).trimmed();
                QVERIFY2(!QUuid::fromString(id).isNull(),
                         QByteArray(who + " printed a line that is no ID: " + lines.at(l)).constData());
                printedIds.insert(id);
            }
            if (c.killed) {
                ++killedCount;
                continue;
            }
            lifetimes.append(c.lifetimeMs);
            QVERIFY2(c.process->exitStatus() == QProcess::NormalExit,
                     QByteArray(who + " crashed without being killed: " + c.err).constData());
            const int code = c.process->exitCode();
            ++exitCodes[code];
            QVERIFY2(DocumentedExitCodes.contains(code),
                     QByteArray(who + " exited " + QByteArray::number(code) + ": " + c.err).constData());
            if (code == 0)
                QVERIFY2(lines.size() == 2, QByteArray(who + " exited 0 but printed: " + c.out).constData());
        }
    }
    std::sort(lifetimes.begin(), lifetimes.end());
    if (!lifetimes.isEmpty())
        qInfo("durability: processes left alone finished after %lld ms (median), %lld ms (last)",
              lifetimes.at(lifetimes.size() / 2), lifetimes.last());
    QStringList codes;
    for (auto it = exitCodes.cbegin(); it != exitCodes.cend(); ++it)
        codes << QStringLiteral("%1 x%2").arg(it.key()).arg(it.value());
    qInfo("durability: %d processes in %lld ms, %d killed while running, %lld IDs printed, exit codes of the "
          "rest: %s",
          processes * rounds, qint64(clock.elapsed()), killedCount, qint64(printedIds.size()),
          qPrintable(codes.join(QStringLiteral(", "))));
    QVERIFY2(exitCodes.value(0) > 0, "no process created a connection: the test proves nothing");

    // The history database, wherever AppPaths put it under HOME (~/.local/share/…: hidden folders included).
    QString dbPath;
    QDirIterator it(h.home(), {QStringLiteral("history.sqlite")}, QDir::Files | QDir::Hidden,
                    QDirIterator::Subdirectories);
    if (it.hasNext())
        dbPath = it.next();
    QVERIFY2(!dbPath.isEmpty(), "no history.sqlite under HOME");

    QSet<QString> recordedIds;
    qint64 rows = 0;
    qint64 pendingRows = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("durability"));
        db.setDatabaseName(dbPath);
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QSqlQuery q(db);
        QVERIFY2(q.exec(QStringLiteral("PRAGMA integrity_check")), qPrintable(q.lastError().text()));
        QStringList integrity;
        while (q.next())
            integrity << q.value(0).toString();
        QCOMPARE(integrity, QStringList{QStringLiteral("ok")});

        // Rows still pending are creates a kill interrupted; only a non-empty ID can be recorded twice.
        QVERIFY2(q.exec(QStringLiteral("SELECT connection_id, state FROM connections")),
                 qPrintable(q.lastError().text()));
        while (q.next()) {
            const QString id = q.value(0).toString();
            ++rows;
            if (q.value(1).toString() == QLatin1String("pending"))
                ++pendingRows;
            if (id.isEmpty())
                continue;
            QVERIFY2(!recordedIds.contains(id),
                     qPrintable(QStringLiteral("connection ID recorded twice: ") + id));
            recordedIds.insert(id);
        }
        QVERIFY2(q.exec(QStringLiteral("SELECT request_id, COUNT(*) FROM connections WHERE request_id != '' "
                                       "GROUP BY request_id HAVING COUNT(*) > 1")),
                 qPrintable(q.lastError().text()));
        const bool twice = q.next(); // the message below reads the row only when there is one
        QVERIFY2(!twice, qPrintable(QStringLiteral("request ID recorded twice: ") +
                                    (twice ? q.value(0).toString() : QString())));
        q.clear();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("durability"));

    for (const QString& id : std::as_const(printedIds))
        QVERIFY2(recordedIds.contains(id),
                 qPrintable(QStringLiteral("printed but not in the history: ") + id));
    // A pending row may be a create that never reached the sandbox; every other row is one it received.
    const int received = h.sandboxRequestCount();
    QVERIFY2(rows - pendingRows <= received,
             qPrintable(QStringLiteral("%1 settled rows but the sandbox received only %2 requests")
                            .arg(rows - pendingRows)
                            .arg(received)));

    // The CLI itself still reads the database the killed processes left behind.
    const CliHarness::Run history = h.cli({QStringLiteral("history"), QStringLiteral("--json")});
    QCOMPARE(history.exitCode, 0);
    QCOMPARE(qint64(QJsonDocument::fromJson(history.out).array().size()), rows);
    qInfo("durability: %lld rows (%lld pending), %d requests received by the sandbox", rows, pendingRows,
          received);
    reconcileLeavesNothingUnknown(h, url);
}

// After the kills: `reconcile` settles every pending row, and what the sandbox holds is exactly the history's
// `created` rows — no connection on DAS that the history does not know, none it believes in that is not
// there.
void TestDurability::reconcileLeavesNothingUnknown(CliHarness& h, const QUrl& url)
{
    const QStringList target{QStringLiteral("--endpoint"), url.toString(), QStringLiteral("--project-id"),
                             QLatin1String(Project)};
    const CliHarness::Run reconcile =
        h.cli(QStringList{QStringLiteral("reconcile"), QStringLiteral("--json")} + target);
    QVERIFY2(reconcile.exitCode == 0, reconcile.err.constData());
    const CliHarness::Run listed =
        h.cli(QStringList{QStringLiteral("connections"), QStringLiteral("--json")} + target);
    QVERIFY2(listed.exitCode == 0, listed.err.constData());
    QSet<QString> onDas;
    for (const QJsonValue& item : QJsonDocument::fromJson(listed.out).array()) {
        onDas.insert(item.toObject().value(QLatin1String("connection_id")).toString());
        QVERIFY2(item.toObject().value(QLatin1String("in_history")).toBool(),
                 qPrintable(QStringLiteral("on DAS but not in the history: ") +
                            item.toObject().value(QLatin1String("connection_id")).toString()));
    }
    const CliHarness::Run history = h.cli({QStringLiteral("history"), QStringLiteral("--json")});
    QCOMPARE(history.exitCode, 0);
    QSet<QString> created;
    int pending = 0;
    for (const QJsonValue& item : QJsonDocument::fromJson(history.out).array()) {
        const QJsonObject row = item.toObject();
        const QString state = row.value(QLatin1String("state")).toString();
        pending += state == QLatin1String("pending") || state == QLatin1String("unknown");
        if (state == QLatin1String("created"))
            created.insert(row.value(QLatin1String("connection_id")).toString());
    }
    QCOMPARE(pending, 0);
    QCOMPARE(created, onDas);
    qInfo("durability: after reconcile, %lld connections on the sandbox, all of them created rows",
          qint64(onDas.size()));
}

QTEST_GUILESS_MAIN(TestDurability)
#include "tst_durability.moc"
