// BatchRunner against the in-process sandbox and a real history database: bounded parallelism, throttled
// rows sent again (Retry-After and backoff), lost answers reconciled, passwords by source (and the passwords
// file's rules), stop and resume, and the report's files and exit code.
#include "BatchRunner.h"
#include "DasClient.h"
#include "HistoryStore.h"
#include "SandboxServer.h"
#include "SecretStore.h"
#include "WorkflowTestSupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <sys/stat.h>
#include <unistd.h>

using namespace das;
using namespace das::test;
using Status = BatchRowResult::Status;

namespace {

const QString Canary = QStringLiteral("Canary-Batch-Pass-7");
const QString OtherInstance = QStringLiteral("6f5c3a1e9b0d4c2a8e7f1b3d5c9a0e2fin01");

BatchRowPlan createRow(int row, const QString& user, const QString& instance = QString())
{
    BatchRowPlan p;
    p.row = row;
    p.action = BatchRowPlan::Action::Create;
    p.request = SandboxOptions::demoRequest();
    p.request.username = user;
    if (!instance.isEmpty())
        p.request.instanceId = instance;
    return p;
}

BatchPlan planOf(int rows, const QString& prefix = QStringLiteral("user"))
{
    BatchPlan plan;
    for (int i = 0; i < rows; ++i)
        plan.rows.append(createRow(i + 2, prefix + QString::number(i)));
    return plan;
}

BatchPasswords common(const QString& password = Canary)
{
    BatchPasswords p;
    p.setCommon(password);
    return p;
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes, mode_t mode)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return QString();
    file.close();
    return ::chmod(QFile::encodeName(path).constData(), mode) == 0 ? path : QString();
}

mode_t modeOf(const QString& path)
{
    struct stat st
    {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_mode & 0777 : 0;
}

} // namespace

class TestBatchRunner : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<DasClient> m_client;
    std::unique_ptr<HistoryStore> m_history;
    int m_run = 0;

    void startSandbox(const SandboxOptions& options = SandboxOptions())
    {
        m_server = std::make_unique<SandboxServer>(options);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    CreateSession::Services services() const { return {m_client.get(), m_history.get(), nullptr, nullptr}; }

    static BatchRunner::Options fast(int parallel = 4)
    {
        BatchRunner::Options o;
        o.parallel = parallel;
        o.reconcileScheduleMs = {0, 40};
        o.backoffBaseMs = 1;
        o.backoffCapMs = 1;
        o.retryAfterCapMs = 30;
        return o;
    }

    BatchReport run(BatchRunner& runner, const BatchPlan& plan, const BatchPasswords& passwords,
                    const BatchRunner::Options& options)
    {
        QSignalSpy finished(&runner, &BatchRunner::finished);
        if (!runner.start(plan, {m_server->url(), QString()}, demoChoice(), passwords, options) ||
            !finished.wait(30000))
            qWarning("the batch did not finish");
        if (finished.size() != 1)
            qWarning("finished %d times", int(finished.size()));
        return runner.report();
    }

    int historyCount(HistoryRecord::State state) const
    {
        int n = 0;
        for (const HistoryRecord& r : m_history->fetch())
            n += r.state == state ? 1 : 0;
        return n;
    }

private slots:
    void initTestCase()
    {
        // No session bus: a keychain look-up fails at once instead of reaching the user's own keyring.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/das-connect-test/bus");
    }

    void init()
    {
        QVERIFY(m_dir.isValid());
        startSandbox();
        m_client = std::make_unique<DasClient>();
        m_history = std::make_unique<HistoryStore>(m_dir.filePath(QStringLiteral("h%1.db").arg(++m_run)));
        QString error;
        QVERIFY2(m_history->open(&error), qPrintable(error));
    }

    void cleanup()
    {
        m_history.reset();
        m_client.reset();
        m_server.reset();
    }

    void parallelismIsBounded_data()
    {
        QTest::addColumn<int>("parallel");
        QTest::newRow("1") << 1;
        QTest::newRow("3") << 3;
    }

    void parallelismIsBounded()
    {
        QFETCH(int, parallel);
        m_server->setLatencyMs(40);
        QSet<QString> creates;
        int inFlight = 0;
        int peak = 0;
        connect(m_server.get(), &SandboxServer::requestReceived, this,
                [&](const QString& method, const QString& path, const QString& id) {
                    if (method == QLatin1String("POST") &&
                        path.endsWith(QLatin1String("/create-connection"))) {
                        creates.insert(id);
                        peak = qMax(peak, ++inFlight);
                    }
                });
        connect(m_server.get(), &SandboxServer::requestAnswered, this,
                [&](int, const QString&, const QString& id) { inFlight -= creates.contains(id) ? 1 : 0; });
        BatchRunner runner(services());
        QSignalSpy started(&runner, &BatchRunner::rowStarted);
        QSignalSpy progress(&runner, &BatchRunner::progress);
        const BatchReport report = run(runner, planOf(9), common(), fast(parallel));
        QCOMPARE(report.count(Status::Created), 9);
        QCOMPARE(peak, parallel); // reached, never exceeded
        QCOMPARE(started.size(), 9);
        QCOMPARE(progress.constLast(), (QVariantList{9, 9}));
        QCOMPARE(m_server->connections().all().size(), 9);
        QCOMPARE(historyCount(HistoryRecord::State::Created), 9);
        QCOMPARE(report.exitCode(), 0);
        for (const BatchRowResult& r : report.rows) {
            QCOMPARE(r.attempts, 1);
            QVERIFY(m_history->connectionIds().contains(r.connectionId));
        }
    }

    void throttledRowsAreSentAgain()
    {
        m_server->setThrottleEvery(3);
        BatchRunner runner(services());
        QSignalSpy throttled(&runner, &BatchRunner::throttled);
        const BatchReport report = run(runner, planOf(10), common(), fast(2));
        QCOMPARE(report.count(Status::Created), 10);
        QVERIFY(throttled.size() >= 4);
        for (const QList<QVariant>& signal : throttled)
            QCOMPARE(signal.at(1).toInt(), 30); // Retry-After (1 s) honoured, then the test's cap
        int sends = 0;
        QSet<QString> users;
        for (const BatchRowResult& r : report.rows)
            sends += r.attempts;
        for (const SandboxConnections::Connection& c : m_server->connections().all())
            users.insert(c.userName);
        QCOMPARE(sends, m_server->createCount());
        QCOMPARE(sends, 10 + int(throttled.size()));
        QCOMPARE(m_server->connections().all().size(), 10); // each row created exactly once
        QCOMPARE(users.size(), 10);
        QCOMPARE(historyCount(HistoryRecord::State::NotCreated), int(throttled.size()));
    }

    void retryAfterIsWaitedFor()
    {
        m_server->setThrottleEvery(2);
        BatchRunner::Options options = fast(1);
        options.retryAfterCapMs = 0;
        BatchRunner runner(services());
        QSignalSpy throttled(&runner, &BatchRunner::throttled);
        QElapsedTimer clock;
        clock.start();
        const BatchReport report = run(runner, planOf(2), common(), options);
        QCOMPARE(report.count(Status::Created), 2);
        QCOMPARE(throttled.size(), 1);
        QCOMPARE(throttled.constFirst(), (QVariantList{3, 1000}));
        QVERIFY(clock.elapsed() >= 1000);
        QCOMPARE(report.rows.at(1).attempts, 2);
    }

    void throttlingGivesUpAfterTheCap()
    {
        m_server->setMode(SandboxOptions::Mode::Throttle);
        BatchRunner::Options options = fast(1);
        options.maxThrottleRetries = 2;
        BatchRunner runner(services());
        QSignalSpy throttled(&runner, &BatchRunner::throttled);
        const BatchReport report = run(runner, planOf(1), common(), options);
        const BatchRowResult r = report.rows.constFirst();
        QCOMPARE(r.status, Status::Failed);
        QCOMPARE(r.attempts, 3);
        QCOMPARE(throttled.size(), 2);
        QVERIFY2(r.error.contains(QLatin1String("3 attempts")), qPrintable(r.error));
        QCOMPARE(m_server->requestCount(), 3);
        QVERIFY(m_server->connections().all().isEmpty());
        QCOMPARE(report.exitCode(), 4);
    }

    void backoffIsFullJitter()
    {
        BatchRunner::Options o;
        o.backoffBaseMs = 100;
        o.backoffCapMs = 1000;
        QRandomGenerator random(42);
        for (int attempt = 1; attempt <= 8; ++attempt) {
            const int ceiling = qMin(1000, 100 << (attempt - 1));
            int low = ceiling;
            int high = 0;
            for (int i = 0; i < 200; ++i) {
                const int ms = BatchRunner::backoffDelayMs(o, attempt, 0, &random);
                QVERIFY(ms >= 0 && ms <= ceiling);
                low = qMin(low, ms);
                high = qMax(high, ms);
            }
            QVERIFY2(low < ceiling / 4 && high > ceiling * 3 / 4, "spread over the whole range");
        }
        QCOMPARE(BatchRunner::backoffDelayMs(o, 1, 2, &random), 2000);
        o.retryAfterCapMs = 500;
        QCOMPARE(BatchRunner::backoffDelayMs(o, 1, 2, &random), 500);
    }

    void lostAnswersAreReconciled()
    {
        m_server->setMode(SandboxOptions::Mode::Lost);
        BatchRunner runner(services());
        const BatchReport report = run(runner, planOf(4), common(), fast(2));
        QCOMPARE(report.count(Status::Created), 4);
        for (const BatchRowResult& r : report.rows) {
            QVERIFY(r.reconciled);
            QCOMPARE(r.attempts, 1);
        }
        QCOMPARE(m_server->createCount(), 4); // never sent again
        QCOMPARE(m_server->connections().all().size(), 4);
        QCOMPARE(historyCount(HistoryRecord::State::Created), 4);
    }

    void refusedLostIsSafeToCreateAgain()
    {
        m_server->setMode(SandboxOptions::Mode::RefusedLost);
        BatchRunner runner(services());
        const BatchReport report = run(runner, planOf(2), common(), fast(2));
        QCOMPARE(report.count(Status::Failed), 2);
        QVERIFY(report.rows.constFirst().error.contains(QLatin1String("safe to create it again")));
        QCOMPARE(m_server->createCount(), 2);
        QCOMPARE(report.exitCode(), 4);
    }

    void passwordsBySource()
    {
        BatchPasswords p;
        QVERIFY(p.isEmpty());
        ConnectionRequest alice = createRow(2, QStringLiteral("alice")).request;
        ConnectionRequest bob = createRow(3, QStringLiteral("bob")).request;
        ConnectionRequest bobElsewhere = createRow(4, QStringLiteral("bob"), OtherInstance).request;
        QCOMPARE(p.forRow(alice), QString());
        p.setCommon(QStringLiteral("common-1"));
        p.setForUser(QStringLiteral("bob"), QStringLiteral("bob-1"));
        QTemporaryDir dir;
        const QString file = writeFile(dir, QStringLiteral("p.json"),
                                       "{\"" + OtherInstance.toLatin1() + "/bob\": \"bob-other-1\"}", 0600);
        QString error;
        QVERIFY2(p.loadFile(file, &error), qPrintable(error));
        QCOMPARE(p.forRow(alice), QStringLiteral("common-1"));
        QCOMPARE(p.forRow(bob), QStringLiteral("bob-1"));
        QCOMPARE(p.forRow(bobElsewhere), QStringLiteral("bob-other-1"));
        p.clear();
        QVERIFY(p.isEmpty());
        QCOMPARE(p.forRow(bob), QString());
    }

    void rowWithoutPasswordIsNotSent()
    {
        BatchPlan plan;
        plan.rows = {createRow(2, QStringLiteral("alice")), createRow(3, QStringLiteral("carol"))};
        BatchPasswords p;
        p.setForUser(QStringLiteral("alice"), Canary);
        BatchRunner runner(services()); // no keychain
        const BatchReport report = run(runner, plan, p, fast(2));
        QCOMPARE(report.rows.at(0).status, Status::Created);
        QCOMPARE(report.rows.at(1).status, Status::Failed);
        QCOMPARE(report.rows.at(1).attempts, 0);
        QVERIFY(report.rows.at(1).error.contains(QLatin1String("--passwords-file")));
        QCOMPARE(m_server->createCount(), 1);
        QCOMPARE(m_history->count(), 1);
    }

    void keychainFailureIsFailedWithoutSending()
    {
        SecretStore secrets;
        BatchPlan plan;
        plan.rows = {createRow(2, QStringLiteral("alice")), createRow(3, QStringLiteral("dave"))};
        BatchPasswords p;
        p.setForUser(QStringLiteral("alice"), Canary);
        BatchRunner runner({m_client.get(), m_history.get(), &secrets, nullptr});
        const BatchReport report = run(runner, plan, p, fast(2));
        QCOMPARE(report.rows.at(0).status, Status::Created); // given a password: the keychain is not asked
        const BatchRowResult dave = report.rows.at(1);
        QCOMPARE(dave.status, Status::Failed);
        QCOMPARE(dave.attempts, 0);
        QVERIFY2(dave.error.contains(QLatin1String("keychain could not be read")), qPrintable(dave.error));
        QVERIFY2(dave.error.contains(QLatin1String("Secret Service")), qPrintable(dave.error));
        QVERIFY(dave.error.contains(QLatin1String("--password-stdin")));
        QCOMPARE(m_server->createCount(), 1);
    }

    void passwordsFileRules()
    {
        QTemporaryDir dir;
        const QByteArray good = "{\"alice\": \"" + Canary.toUtf8() + "\"}";
        QString error;
        BatchPasswords p;
        p.setCommon(QStringLiteral("kept"));
        auto refused = [&](const QString& path, const char* expected) {
            error.clear();
            QVERIFY(!p.loadFile(path, &error));
            QVERIFY2(error.contains(QLatin1String(expected)), qPrintable(error));
            QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
            QVERIFY(!error.contains(Canary));
            QCOMPARE(p.forRow(createRow(2, QStringLiteral("alice")).request), QStringLiteral("kept"));
        };
        refused(writeFile(dir, QStringLiteral("wide.json"), good, 0644), "chmod 600");
        refused(writeFile(dir, QStringLiteral("group.json"), good, 0640), "mode 640");
        refused(writeFile(dir, QStringLiteral("bad.json"), "{\"alice\": \"" + Canary.toUtf8() + "\",", 0600),
                "JSON object");
        refused(writeFile(dir, QStringLiteral("array.json"), "[\"" + Canary.toUtf8() + "\"]", 0600),
                "JSON object");
        refused(writeFile(dir, QStringLiteral("number.json"), "{\"alice\": 12345}", 0600), "\"alice\"");
        refused(writeFile(dir, QStringLiteral("big.json"), QByteArray(1024 * 1024 + 1, ' '), 0600), "1 MiB");
        const QString fifo = dir.filePath(QStringLiteral("fifo.json"));
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        refused(fifo, "not a regular file");
        refused(dir.filePath(QStringLiteral("missing.json")), "cannot be read");
        QVERIFY2(p.loadFile(writeFile(dir, QStringLiteral("ok.json"), good, 0600), &error),
                 qPrintable(error));
        QCOMPARE(p.forRow(createRow(2, QStringLiteral("alice")).request), Canary);
    }

    void passwordsFileOfAnotherUserIsRefused()
    {
        if (::geteuid() != 0)
            QSKIP("giving a file to another user needs root; the ownership rule is checked when run as root");
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("theirs.json"), "{\"alice\": \"x\"}", 0600);
        QVERIFY(::chown(QFile::encodeName(path).constData(), 65534, 65534) == 0);
        BatchPasswords p;
        QString error;
        QVERIFY(!p.loadFile(path, &error));
        QVERIFY2(error.contains(QLatin1String("another user")), qPrintable(error));
    }

    void rowsThatSendNothingAreReportedFirst()
    {
        BatchPlan plan;
        plan.rows.append(createRow(2, QStringLiteral("first")));
        BatchRowPlan skip = createRow(3, QStringLiteral("there"));
        skip.action = BatchRowPlan::Action::Skip;
        skip.existingId = QStringLiteral("existing-id-1");
        BatchRowPlan invalid = createRow(4, QString());
        invalid.action = BatchRowPlan::Action::Invalid;
        invalid.source.cells.insert(QStringLiteral("username"), QStringLiteral("bad user"));
        invalid.violations = {{QStringLiteral("username"), QStringLiteral("format"), QStringLiteral("bad")},
                              {QStringLiteral("port"), QStringLiteral("range"), QStringLiteral("too big")}};
        BatchRowPlan left = createRow(5, QStringLiteral("left"));
        left.excluded = true;
        plan.rows << skip << invalid << left;
        BatchRunner runner(services());
        QSignalSpy finished(&runner, &BatchRunner::rowFinished);
        const BatchReport report = run(runner, plan, common(), fast());
        QCOMPARE(finished.size(), 4);
        QCOMPARE(finished.constLast().constFirst().value<BatchRowResult>().row, 2); // the one create, last
        QCOMPARE(report.rows.at(0).status, Status::Created);
        QCOMPARE(report.rows.at(1).status, Status::Existing);
        QCOMPARE(report.rows.at(1).connectionId, QStringLiteral("existing-id-1"));
        QCOMPARE(report.rows.at(2).status, Status::Invalid);
        QCOMPARE(report.rows.at(2).username, QStringLiteral("bad user"));
        QCOMPARE(report.rows.at(2).error, QStringLiteral("username: bad; port: too big"));
        QCOMPARE(report.rows.at(3).status, Status::NotRun);
        QCOMPARE(m_server->createCount(), 1);
        QCOMPARE(report.exitCode(), 4); // the invalid row
    }

    void stopLetsInFlightFinishAndResumes()
    {
        m_server->setLatencyMs(30);
        const BatchPlan plan = planOf(12);
        BatchRunner runner(services());
        QSet<int> inFlight;
        QSet<int> sentBeforeStop; // finished or in flight when stop() was called
        bool stopped = false;
        connect(&runner, &BatchRunner::rowStarted, this, [&](int row) {
            inFlight.insert(row);
            QVERIFY2(!stopped, "no row starts after stop()");
        });
        connect(&runner, &BatchRunner::rowFinished, this, [&](const BatchRowResult& r) {
            if (!stopped)
                sentBeforeStop.insert(r.row);
            inFlight.remove(r.row);
            if (r.row == 3) {
                runner.stop();
                stopped = true;
                sentBeforeStop += inFlight;
                QVERIFY(!inFlight.isEmpty());
            }
        });
        const BatchReport first = run(runner, plan, common(), fast(3));
        QVERIFY(first.stopped);
        QCOMPARE(first.exitCode(), 4);
        BatchPlan rest;
        for (int i = 0; i < plan.rows.size(); ++i) {
            const BatchRowResult& r = first.rows.at(i);
            // In flight at the stop: finished, not cancelled; the others never started.
            QCOMPARE(r.status, sentBeforeStop.contains(r.row) ? Status::Created : Status::NotRun);
            if (r.status == Status::NotRun)
                rest.rows.append(plan.rows.at(i));
        }
        QVERIFY(!rest.rows.isEmpty());
        QCOMPARE(first.count(Status::Created) + int(rest.rows.size()), 12);
        QCOMPARE(m_server->createCount(), first.count(Status::Created));

        BatchRunner again(services());
        const BatchReport second = run(again, rest, common(), fast(3));
        QCOMPARE(second.count(Status::Created), int(rest.rows.size()));
        QCOMPARE(second.exitCode(), 0);
        QCOMPARE(m_server->connections().all().size(), 12);
        QCOMPARE(m_server->createCount(), 12);
    }

    void stopEndsAWaitingRetry()
    {
        m_server->setThrottleEvery(2);
        BatchRunner::Options options = fast(1);
        options.retryAfterCapMs = 0; // Retry-After: 1 s, cut short by the stop
        BatchRunner runner(services());
        connect(&runner, &BatchRunner::throttled, &runner, &BatchRunner::stop);
        QElapsedTimer clock;
        clock.start();
        const BatchReport report = run(runner, planOf(3), common(), options);
        QVERIFY(clock.elapsed() < 900);
        QCOMPARE(report.rows.at(0).status, Status::Created);
        QCOMPARE(report.rows.at(1).status, Status::NotRun);
        QCOMPARE(report.rows.at(1).attempts, 1);
        QVERIFY(report.rows.at(1).error.contains(QLatin1String("Throttled")));
        QCOMPARE(report.rows.at(2).status, Status::NotRun);
        QCOMPARE(m_server->createCount(), 2);
        QCOMPARE(report.exitCode(), 4);
    }

    void reportFiles()
    {
        BatchReport report;
        BatchRowResult a;
        a.row = 2;
        a.status = Status::Created;
        a.instanceId = QLatin1String(SandboxOptions::DemoInstanceId);
        a.username = QStringLiteral("ann, \"the\" admin");
        a.connectionId = QStringLiteral("c-1");
        a.requestId = QStringLiteral("r-1");
        a.attempts = 2;
        a.reconciled = true;
        BatchRowResult b;
        b.row = 3;
        b.status = Status::Failed;
        b.username = QStringLiteral("=HYPERLINK(\"x\")");
        b.error = QStringLiteral("-refused");
        report.rows = {a, b};

        const QJsonObject json = report.toJson();
        QCOMPARE(json.value(QLatin1String("created")).toInt(), 1);
        QCOMPARE(json.value(QLatin1String("failed")).toInt(), 1);
        QCOMPARE(json.value(QLatin1String("unknown")).toInt(), 0);
        const QJsonObject first = json.value(QLatin1String("rows")).toArray().at(0).toObject();
        QCOMPARE(first.value(QLatin1String("status")).toString(), QStringLiteral("created"));
        QCOMPARE(first.value(QLatin1String("attempts")).toInt(), 2);
        QCOMPARE(first.value(QLatin1String("connection_id")).toString(), QStringLiteral("c-1"));
        QCOMPARE(first.keys().size(), 10);

        const QList<QByteArray> lines = report.toCsv().split('\n');
        QCOMPARE(lines.at(0),
                 QByteArray("\xEF\xBB\xBFrow,status,instance_id,username,database_name,connection_id,"
                            "request_id,error,attempts,reconciled\r"));
        QCOMPARE(lines.at(1),
                 "2,created," + a.instanceId.toLatin1() + ",\"ann, \"\"the\"\" admin\",,c-1,r-1,,2,true\r");
        QCOMPARE(lines.at(2), QByteArray("3,failed,,\"'=HYPERLINK(\"\"x\"\")\",,,,'-refused,0,false\r"));

        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("report.csv"));
        const QString existing = writeFile(dir, QStringLiteral("report.json"), "old", 0644);
        QString error;
        QVERIFY2(report.save(csv, &error), qPrintable(error));
        QVERIFY2(report.save(existing, &error), qPrintable(error));
        QCOMPARE(modeOf(csv), mode_t(0600));
        QCOMPARE(modeOf(existing), mode_t(0600));
        QFile csvFile(csv);
        QFile jsonFile(existing);
        QVERIFY(csvFile.open(QIODevice::ReadOnly) && jsonFile.open(QIODevice::ReadOnly));
        QCOMPARE(csvFile.readAll(), report.toCsv());
        QCOMPARE(QJsonDocument::fromJson(jsonFile.readAll()).object(), json);
        QVERIFY(!report.save(dir.filePath(QStringLiteral("no/such/dir.csv")), &error));
    }

    void exitCodes_data()
    {
        QTest::addColumn<QList<int>>("statuses");
        QTest::addColumn<bool>("stopped");
        QTest::addColumn<int>("exitCode");
        const auto s = [](Status st) {
            return int(st);
        };
        QTest::newRow("created") << QList<int>{s(Status::Created), s(Status::Existing)} << false << 0;
        QTest::newRow("left out") << QList<int>{s(Status::Created), s(Status::NotRun)} << false << 0;
        QTest::newRow("stopped") << QList<int>{s(Status::Created), s(Status::NotRun)} << true << 4;
        QTest::newRow("failed") << QList<int>{s(Status::Created), s(Status::Failed)} << false << 4;
        QTest::newRow("invalid") << QList<int>{s(Status::Invalid)} << false << 4;
        QTest::newRow("unknown") << QList<int>{s(Status::Failed), s(Status::Unknown)} << false << 5;
        QTest::newRow("empty") << QList<int>{} << false << 0;
    }

    void exitCodes()
    {
        QFETCH(QList<int>, statuses);
        QFETCH(bool, stopped);
        QFETCH(int, exitCode);
        BatchReport report;
        report.stopped = stopped;
        for (const int status : statuses) {
            BatchRowResult r;
            r.status = Status(status);
            report.rows.append(r);
        }
        QCOMPARE(report.exitCode(), exitCode);
    }

    void noPasswordInLogsReportsOrSignals()
    {
        static QStringList lines;
        lines.clear();
        QLoggingCategory::setFilterRules(QStringLiteral("das.*.debug=true"));
        const QtMessageHandler previous = qInstallMessageHandler(
            [](QtMsgType, const QMessageLogContext&, const QString& message) { lines.append(message); });
        m_server->setThrottleEvery(2);
        BatchRunner runner(services());
        QSignalSpy rows(&runner, &BatchRunner::rowFinished);
        const BatchReport report = run(runner, planOf(3), common(), fast(2));
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        QCOMPARE(report.count(Status::Created), 3);
        QVERIFY(lines.size() > 10);
        for (const QString& line : lines)
            QVERIFY2(!line.contains(Canary) && !line.contains(QLatin1String(SandboxOptions::DemoSecretKey)),
                     qPrintable(line));
        QVERIFY(!report.toCsv().contains(Canary.toUtf8()));
        QVERIFY(!QJsonDocument(report.toJson()).toJson().contains(Canary.toUtf8()));
        for (const QList<QVariant>& signal : rows)
            QVERIFY(!signal.at(0).value<BatchRowResult>().error.contains(Canary));
    }
};

QTEST_GUILESS_MAIN(TestBatchRunner)
#include "tst_batchrunner.moc"
