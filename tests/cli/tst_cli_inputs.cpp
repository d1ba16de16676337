// das-connect-cli against inputs it does not control: overlong stdin lines, a FIFO as the regions file, and a
// parent process with a permissive umask. Real processes, through CliHarness.
#include "CliHarness.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <memory>

#include <sys/stat.h>

namespace {

const char* const DemoAk = "DASSANDBOXDEMOAK0001";
const char* const DemoSk = "sandbox-demo-secret-key-do-not-use-in-production";

// A create that is valid but for what the test varies (stdin, the target).
QStringList createArgs(const QStringList& target)
{
    return QStringLiteral("create --project-id 052041494800d57c2f02c00275b4c247 --instance-id "
                          "bcfa975193f1402fa11a6d4fd6baf5fbin01 --engine-type mysql --network-type rds "
                          "--username root --password-stdin")
               .split(u' ') +
           target;
}

mode_t modeOf(const QString& path)
{
    struct stat st
    {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_mode & 0777 : 07777;
}

// A throw-away HOME with the sandbox's demo key in the SDK variables, so that the only problem with a create
// is the one a test makes.
std::unique_ptr<CliHarness> harnessWithDemoKey()
{
    auto harness = std::make_unique<CliHarness>();
    harness->environment().insert(QStringLiteral("HUAWEICLOUD_SDK_AK"), QLatin1String(DemoAk));
    harness->environment().insert(QStringLiteral("HUAWEICLOUD_SDK_SK"), QLatin1String(DemoSk));
    return harness;
}

} // namespace

class TestCliInputs : public QObject
{
    Q_OBJECT

private slots:
    // A 50 MB line once took 218 MB and was read to its end; now the first 4096 characters decide.
    void overlongPasswordLineRefusedQuickly()
    {
        const auto h = harnessWithDemoKey();
        QVERIFY(h->isValid());
        const QByteArray canary = "OverlongPasswordCanary";
        QByteArray line = canary.repeated(50 * 1024 * 1024 / canary.size());
        line += '\n';
        QElapsedTimer timer;
        timer.start();
        const auto run =
            h->cli(createArgs({QStringLiteral("--endpoint"), QStringLiteral("http://127.0.0.1:9"),
                               QStringLiteral("--dry-run")}),
                   line, 30000);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(run.err.contains("password line on stdin") && run.err.contains("4096"), run.err.constData());
        QVERIFY2(!run.err.contains(canary) && !run.out.contains(canary), run.err.left(2000).constData());
    }

    void overlongSecretLineRefused()
    {
        const auto h = harnessWithDemoKey();
        QVERIFY(h->isValid());
        const QByteArray canary = "OverlongSecretCanary";
        const auto run = h->cli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("long"),
                                 QStringLiteral("--ak"), QStringLiteral("AKLONGLINE0000000001"),
                                 QStringLiteral("--secrets-stdin"), QStringLiteral("--region"),
                                 QStringLiteral("cn-north-4")},
                                canary.repeated(10 * 1024 * 1024 / canary.size()) + '\n', 30000);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("SK line on stdin") && run.err.contains("4096"), run.err.constData());
        QVERIFY(!run.err.contains(canary) && !run.out.contains(canary));
        QCOMPARE(h->filesContaining(canary), QStringList());
    }

    // A FIFO has size 0, so the old size check let it through and the read waited for a writer for ever.
    void fifoRegionsFileRefusedWithoutBlocking()
    {
        const auto h = harnessWithDemoKey();
        QVERIFY(h->isValid());
        const QString fifo = h->home() + QStringLiteral("/regions-fifo.yaml");
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0); // and no writer, ever
        h->environment().insert(QStringLiteral("HUAWEICLOUD_SDK_REGIONS_FILE"), fifo);
        QElapsedTimer timer;
        timer.start();
        const auto run = h->cli(createArgs({QStringLiteral("--region"), QStringLiteral("ap-southeast-3"),
                                            QStringLiteral("--dry-run")}),
                                "pw\n", 20000);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(timer.elapsed() < 10000);
        QVERIFY2(run.err.contains(QFile::encodeName(fifo)) && run.err.contains("not a regular file"),
                 run.err.constData());
    }

    // The history's -wal and -shm exist only while a CLI has it open; the CLI is caught waiting on a sandbox
    // that never answers. With the old code they were 0644 under this umask.
    void historyFilesPrivateUnderUmask022()
    {
        const auto h = harnessWithDemoKey();
        QVERIFY(h->isValid());
        const mode_t oldUmask = ::umask(022); // inherited by the CLI
        const QUrl url = h->startSandbox({QStringLiteral("--mode"), QStringLiteral("hang")});
        QProcess cli;
        cli.setProcessEnvironment(h->environment());
        cli.start(QStringLiteral(DAS_CLI_PATH), createArgs({QStringLiteral("--endpoint"), url.toString()}));
        ::umask(oldUmask);
        QVERIFY(url.isValid());
        QVERIFY(cli.waitForStarted(10000));
        cli.write("Gauss_2345\n");
        cli.closeWriteChannel();

        const QString folder = h->home() + QStringLiteral("/.local/share/das-connect");
        const QString database = folder + QStringLiteral("/history.sqlite");
        QDeadlineTimer deadline(20000);
        while (!QFileInfo::exists(database + QStringLiteral("-shm")) && !deadline.hasExpired())
            QTest::qWait(50);
        const QStringList files = {database, database + QStringLiteral("-wal"),
                                   database + QStringLiteral("-shm")};
        QStringList wrong;
        for (const QString& file : files) {
            if (modeOf(file) != 0600)
                wrong.append(QStringLiteral("%1 %2").arg(QFileInfo(file).fileName()).arg(modeOf(file), 0, 8));
        }
        if (modeOf(folder) != 0700)
            wrong.append(QStringLiteral("folder %1").arg(modeOf(folder), 0, 8));
        cli.kill();
        cli.waitForFinished(5000);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QStringLiteral(", "))));
    }

    // Every create is written to the history before it is sent: a history that cannot be opened (here a
    // folder where the database should be) stops the create before anything reaches the sandbox.
    void unusableHistoryStopsTheCreate()
    {
        const auto h = harnessWithDemoKey();
        QVERIFY(h->isValid());
        QVERIFY(QDir().mkpath(h->home() + QStringLiteral("/.local/share/das-connect/history.sqlite")));
        const QUrl url = h->startSandbox();
        QVERIFY(url.isValid());
        const auto run = h->cli(createArgs({QStringLiteral("--endpoint"), url.toString()}), "Gauss_2345\n");
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("Nothing was sent"), run.err.constData());
        QVERIFY(run.out.isEmpty());
        QCOMPARE(h->sandboxRequestCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliInputs)
#include "tst_cli_inputs.moc"
