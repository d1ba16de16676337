// das-connect-cli and das-sandbox as real processes on 127.0.0.1.
#include "CliHarness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QUuid>

namespace {

const char* const DemoAk = "DASSANDBOXDEMOAK0001";
const char* const DemoSk = "sandbox-demo-secret-key-do-not-use-in-production";
const char* const Project = "052041494800d57c2f02c00275b4c247";
const char* const Instance = "bcfa975193f1402fa11a6d4fd6baf5fbin01";

QStringList createArgs(const QUrl& endpoint, const QStringList& extra = {})
{
    QStringList args{QStringLiteral("create"),     QStringLiteral("--project-id"),
                     QLatin1String(Project),       QStringLiteral("--instance-id"),
                     QLatin1String(Instance),      QStringLiteral("--engine-type"),
                     QStringLiteral("mysql"),      QStringLiteral("--network-type"),
                     QStringLiteral("rds"),        QStringLiteral("--username"),
                     QStringLiteral("root"),       QStringLiteral("--password-stdin"),
                     QStringLiteral("--endpoint"), endpoint.toString()};
    return args + extra;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CliHarness> h;

private slots:
    void init()
    {
        h = std::make_unique<CliHarness>();
        QVERIFY(h->isValid());
        h->environment().insert(QStringLiteral("HUAWEICLOUD_SDK_AK"), QLatin1String(DemoAk));
        h->environment().insert(QStringLiteral("HUAWEICLOUD_SDK_SK"), QLatin1String(DemoSk));
    }

    void cleanup() { h.reset(); }

    void createPrintsIdAndRecordsHistory()
    {
        const QUrl url = h->startSandbox();
        QVERIFY(url.isValid());
        const auto run =
            h->cli(createArgs(url, {QStringLiteral("--remarks"), QStringLiteral("first")}), "Gauss_2345\n");
        QCOMPARE(run.exitCode, 0);
        const QString id = QString::fromUtf8(run.out).trimmed();
        QVERIFY2(!QUuid::fromString(id).isNull(), run.out.constData());
        QVERIFY(h->waitForSandboxOutput("answered 200"));

        // A second process reads the same history: it survives the restart.
        const auto history = h->cli({QStringLiteral("history"), QStringLiteral("--json")});
        QCOMPARE(history.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(history.out).array();
        QCOMPARE(rows.size(), 1);
        const QJsonObject row = rows.at(0).toObject();
        QCOMPARE(row.value(QStringLiteral("connection_id")).toString(), id);
        QCOMPARE(row.value(QStringLiteral("instance_id")).toString(), QLatin1String(Instance));
        QCOMPARE(row.value(QStringLiteral("remarks")).toString(), QStringLiteral("first"));
        QCOMPARE(row.value(QStringLiteral("request_id")).toString().size(), 32);
        QVERIFY(!row.contains(QStringLiteral("password")));

        const auto plain = h->cli({QStringLiteral("history")});
        QVERIFY(plain.out.contains(id.toLatin1()));
    }

    void jsonOutput()
    {
        const QUrl url = h->startSandbox();
        const auto run = h->cli(createArgs(url, {QStringLiteral("--json")}), "pw\n");
        QCOMPARE(run.exitCode, 0);
        const QJsonObject object = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(object.keys(), (QStringList{QStringLiteral("connection_id"), QStringLiteral("request_id")}));
        QVERIFY(h->waitForSandboxOutput(object.value(QStringLiteral("request_id")).toString().toLatin1()));
    }

    void passwordArgumentIsRefused_data()
    {
        QTest::addColumn<QString>("argument");
        QTest::newRow("separate") << QStringLiteral("--password");
        QTest::newRow("joined") << QStringLiteral("--password=hunter2");
    }

    void passwordArgumentIsRefused()
    {
        QFETCH(QString, argument);
        QStringList args = createArgs(QUrl(QStringLiteral("http://127.0.0.1:9")));
        args.removeAll(QStringLiteral("--password-stdin"));
        args << argument;
        if (!argument.contains(u'='))
            args << QStringLiteral("hunter2");
        const auto run = h->cli(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("--password-stdin"), run.err.constData());
        QVERIFY(!run.err.contains("hunter2"));
        QVERIFY(run.out.isEmpty());
    }

    void invalidInputListsEveryViolationAndSendsNothing()
    {
        const QUrl url = h->startSandbox();
        QStringList args = createArgs(url, {QStringLiteral("--port"), QStringLiteral("65536"),
                                            QStringLiteral("--node-id"), QStringLiteral("short")});
        args[args.indexOf(QStringLiteral("--project-id")) + 1] = QStringLiteral("abc");
        args[args.indexOf(QStringLiteral("--engine-type")) + 1] = QStringLiteral("MySQL");
        const auto run = h->cli(args, "pw\n");
        QCOMPARE(run.exitCode, 2);
        for (const char* field : {"project_id", "engine_type", "node_ids", "port"})
            QVERIFY2(run.err.contains(QByteArray(QByteArray("error: ") + field + ':')), run.err.constData());
        QVERIFY(run.err.contains("65535"));
        QVERIFY(run.err.contains("Nothing was sent"));
        QCOMPARE(h->sandboxRequestCount(), 0);
    }

    void engineNetworkMismatchIsRefusedAndSendsNothing()
    {
        const QUrl url = h->startSandbox();
        QVERIFY(url.isValid());
        QStringList args = createArgs(url);
        args[args.indexOf(QStringLiteral("--network-type")) + 1] = QStringLiteral("dds");
        const auto run = h->cli(args, "pw\n");
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("error: network_type:"), run.err.constData());
        QVERIFY2(run.err.contains("Network type dds does not go with engine mysql; use rds."),
                 run.err.constData());
        QVERIFY2(!run.err.contains("error: engine_type:"), run.err.constData());
        QVERIFY(run.err.contains("Nothing was sent"));
        QVERIFY(run.out.isEmpty());
        QCOMPARE(h->sandboxRequestCount(), 0);

        // The counter sees a create that fits (mongodb with dds), so the 0 above means nothing arrived.
        // Without the duplicate check, the create is the one request.
        args[args.indexOf(QStringLiteral("--engine-type")) + 1] = QStringLiteral("mongodb");
        args << QStringLiteral("--if-exists") << QStringLiteral("create");
        QCOMPARE(h->cli(args, "pw\n").exitCode, 0);
        QCOMPARE(h->sandboxRequestCount(), 1);
    }

    void missingCredentialsIsUsageError()
    {
        h->environment().remove(QStringLiteral("HUAWEICLOUD_SDK_AK"));
        const auto run = h->cli(createArgs(QUrl(QStringLiteral("http://127.0.0.1:9"))), "pw\n");
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("HUAWEICLOUD_SDK_AK"));
    }

    void plainHttpToRemoteHostIsRefused()
    {
        const auto run = h->cli(createArgs(QUrl(QStringLiteral("http://das.example.com"))), "pw\n");
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("https://"));
    }

    void dryRunMasksAndSendsNothing()
    {
        const QUrl url = h->startSandbox();
        h->environment().insert(QStringLiteral("HUAWEICLOUD_SDK_SECURITY_TOKEN"),
                                QStringLiteral("DRYRUN-token-77"));
        const auto run = h->cli(createArgs(url, {QStringLiteral("--dry-run")}), "DRYRUN-pw-55\n");
        QCOMPARE(run.exitCode, 0);
        const QByteArray out = run.out;
        const QByteArray firstLine =
            "POST " + url.toEncoded() + "/v3/" + Project + "/instances/" + Instance + "/create-connection\n";
        QVERIFY2(out.startsWith(firstLine), out.constData());
        QVERIFY(out.contains("Authorization: SDK-HMAC-SHA256 Access="));
        QVERIFY(out.contains("Signature=********"));
        QVERIFY(out.contains("X-Security-Token: ********"));
        QVERIFY(out.contains("\"password\":\"********\""));
        QVERIFY(out.contains("X-Sdk-Date: "));
        QVERIFY(!out.contains("DRYRUN-pw-55"));
        QVERIFY(!out.contains("DRYRUN-token-77"));
        QVERIFY(!out.contains(DemoSk));
        QVERIFY(!QRegularExpression(QStringLiteral("[0-9a-f]{64}")).match(QString::fromUtf8(out)).hasMatch());
        QCOMPARE(h->sandboxRequestCount(), 0);
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("sandboxArgs");
        QTest::addColumn<QStringList>("cliArgs");
        QTest::addColumn<QString>("sk");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QString>("state"); // of the history row
        const QString sk = QLatin1String(DemoSk);
        const QString notCreated = QStringLiteral("not_created");
        const QString unknown = QStringLiteral("unknown");
        QTest::newRow("wrong SK") << QStringList() << QStringList() << QStringLiteral("nope") << 3
                                  << QByteArray("secret key (SK)") << notCreated;
        QTest::newRow("expired") << QStringList{QStringLiteral("--mode"), QStringLiteral("expired")}
                                 << QStringList() << sk << 3 << QByteArray("20 minutes behind") << notCreated;
        QTest::newRow("throttle") << QStringList{QStringLiteral("--mode"), QStringLiteral("throttle")}
                                  << QStringList() << sk << 4 << QByteArray("APIGW.0308") << notCreated;
        QTest::newRow("e500") << QStringList{QStringLiteral("--mode"), QStringLiteral("e500")}
                              << QStringList() << sk << 4 << QByteArray("HTTP status: 500") << notCreated;
        QTest::newRow("html502") << QStringList{QStringLiteral("--mode"), QStringLiteral("html502")}
                                 << QStringList() << sk << 5 << QByteArray("HTML error page") << unknown;
        QTest::newRow("garbage") << QStringList{QStringLiteral("--mode"), QStringLiteral("garbage")}
                                 << QStringList() << sk << 5 << QByteArray("not JSON") << unknown;
        QTest::newRow("truncated") << QStringList{QStringLiteral("--mode"), QStringLiteral("truncated")}
                                   << QStringList() << sk << 5 << QByteArray("cut off") << unknown;
        QTest::newRow("reset") << QStringList{QStringLiteral("--mode"), QStringLiteral("reset")}
                               << QStringList() << sk << 5 << QByteArray("may or may not have been created")
                               << unknown;
        QTest::newRow("timeout") << QStringList{QStringLiteral("--latency"), QStringLiteral("4000")}
                                 << QStringList{QStringLiteral("--timeout"), QStringLiteral("1")} << sk << 5
                                 << QByteArray("No answer within 1 s") << unknown;
        QTest::newRow("unknown instance")
            << QStringList() << QStringList() << sk << 4 << QByteArray("DAS.200114") << notCreated;
    }

    void exitCodes()
    {
        QFETCH(QStringList, sandboxArgs);
        QFETCH(QStringList, cliArgs);
        QFETCH(QString, sk);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, message);
        QFETCH(QString, state);
        const QUrl url = h->startSandbox(sandboxArgs);
        QVERIFY(url.isValid());
        h->environment().insert(QStringLiteral("HUAWEICLOUD_SDK_SK"), sk);
        // The create call's own failures: no duplicate check before it.
        QStringList args =
            createArgs(url, cliArgs + QStringList{QStringLiteral("--if-exists"), QStringLiteral("create")});
        if (QByteArray(QTest::currentDataTag()) == "unknown instance")
            args[args.indexOf(QStringLiteral("--instance-id")) + 1] =
                QStringLiteral("ffffffffffffffffffffffffffffffff");
        const auto run = h->cli(args, "pw\n");
        QVERIFY2(run.exitCode == exitCode, run.err.constData());
        QVERIFY2(run.err.contains(message), run.err.constData());
        QVERIFY(run.out.isEmpty());
        // Never retried: one create call. A lost answer is followed by reads asking DAS whether it was
        // created (they meet the same fault, so the outcome stays unknown).
        QVERIFY(h->waitForSandboxOutput(" received POST "));
        QCOMPARE(int(h->sandboxOutput().count(" received POST ")), 1);
        const auto history = h->cli({QStringLiteral("history"), QStringLiteral("--json")});
        const QJsonArray rows = QJsonDocument::fromJson(history.out).array();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("state")).toString(), state);
        QVERIFY(rows.at(0).toObject().value(QStringLiteral("connection_id")).toString().isEmpty());
    }

    void iamTokenFromEnvironment()
    {
        const QUrl url = h->startSandbox({}, {}, "tok-123");
        h->environment().remove(QStringLiteral("HUAWEICLOUD_SDK_AK"));
        h->environment().insert(QStringLiteral("MY_TOKEN"), QStringLiteral("tok-123"));
        auto run =
            h->cli(createArgs(url, {QStringLiteral("--auth-token-env"), QStringLiteral("MY_TOKEN")}), "pw\n");
        QCOMPARE(run.exitCode, 0);
        h->environment().insert(QStringLiteral("MY_TOKEN"), QStringLiteral("tok-wrong"));
        run =
            h->cli(createArgs(url, {QStringLiteral("--auth-token-env"), QStringLiteral("MY_TOKEN")}), "pw\n");
        QCOMPARE(run.exitCode, 3);
        QVERIFY(run.err.contains("IAM token"));
    }

    void connectionRefusedIsNetworkError()
    {
        const QUrl url = h->startSandbox();
        h->stopSandbox();
        const auto run = h->cli(createArgs(url), "pw\n");
        QCOMPARE(run.exitCode, 5);
        QVERIFY(run.err.contains("refused"));
    }

    void projectIdDefaultsFromEnvironment()
    {
        const QUrl url = h->startSandbox();
        h->environment().insert(QStringLiteral("HUAWEICLOUD_SDK_PROJECT_ID"), QLatin1String(Project));
        QStringList args = createArgs(url);
        const int at = args.indexOf(QStringLiteral("--project-id"));
        args.remove(at, 2);
        const auto run = h->cli(args, "pw\n");
        QVERIFY2(run.exitCode == 0, run.err.constData());
    }

    void canaryNeverLeaks()
    {
        const QByteArray password = "CANARY-pw-8d1f3";
        const QByteArray sk = "CANARY-sk-52ab9";
        const QByteArray token = "CANARY-st-0c77e";
        const QUrl url = h->startSandbox({QStringLiteral("--ak"), QLatin1String(DemoAk)}, sk);
        h->environment().insert(QStringLiteral("HUAWEICLOUD_SDK_SK"), QString::fromLatin1(sk));
        QList<CliHarness::Run> runs;
        runs << h->cli(createArgs(url, {QStringLiteral("--remarks"), QStringLiteral("canary run")}),
                       password + '\n');
        QCOMPARE(runs.last().exitCode, 0);
        runs << h->cli(createArgs(url, {QStringLiteral("--json"), QStringLiteral("--if-exists"),
                                        QStringLiteral("create")}),
                       password + '\n');
        QCOMPARE(runs.last().exitCode, 0);
        runs << h->cli(createArgs(url, {QStringLiteral("--dry-run")}), password + '\n');
        h->environment().insert(QStringLiteral("HUAWEICLOUD_SDK_SECURITY_TOKEN"), QString::fromLatin1(token));
        runs << h->cli(createArgs(url), password + '\n'); // rejected token: error path
        QCOMPARE(runs.last().exitCode, 3);
        runs << h->cli(createArgs(url, {QStringLiteral("--dry-run")}), password + '\n');
        h->environment().remove(QStringLiteral("HUAWEICLOUD_SDK_SECURITY_TOKEN"));
        runs << h->cli(createArgs(url, {QStringLiteral("--port"), QStringLiteral("0")}),
                       password + '\n'); // invalid
        runs << h->cli({QStringLiteral("history"), QStringLiteral("--json")});
        runs << h->cli({QStringLiteral("history")});
        h->stopSandbox();

        for (const QByteArray& secret : {password, sk, token}) {
            for (const auto& run : runs) {
                QVERIFY2(!run.out.contains(secret), run.out.constData());
                QVERIFY2(!run.err.contains(secret), run.err.constData());
            }
            QVERIFY2(!h->sandboxOutput().contains(secret), h->sandboxOutput().constData());
            const QStringList leaks = h->filesContaining(secret);
            QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u' ')));
        }
        // The history database exists, so the scan above did look at it.
        QVERIFY(!h->filesContaining("canary run").isEmpty());
        // Every das.* category was on (CliHarness), so the scans above covered the log call sites.
        for (const char* category : {"das.net:", "das.workflow:", "das.history:", "das.cli:"}) {
            const bool logged = std::any_of(runs.cbegin(), runs.cend(), [&](const CliHarness::Run& r) {
                return r.err.contains(category);
            });
            QVERIFY2(logged, category);
        }
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
