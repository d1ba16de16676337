// das-sandbox as a process: secrets only from the environment or a file, never argv; log lines that a request
// path cannot forge.
#include "RawHttp.h"
#include "SandboxProcess.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace das;
using namespace das::test;

namespace {

// The status of a signed create sent to the sandbox at `url`.
int createStatus(const QUrl& url, const Credentials& credentials)
{
    return exchange(quint16(url.port()), signedCreate(url, credentials)).status;
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    QFile file(dir.filePath(name));
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() ? file.fileName() : QString();
}

Credentials akSk(const QString& ak, const QString& sk)
{
    Credentials c;
    c.accessKey = ak;
    c.secretKey = sk;
    return c;
}

} // namespace

class TestSandboxProcess : public QObject
{
    Q_OBJECT

private slots:
    void secretKeyFromTheEnvironment()
    {
        QProcessEnvironment env = cleanEnvironment();
        env.insert(QStringLiteral("DAS_SANDBOX_SK"), QStringLiteral("CANARY-env-sk-123"));
        const QString ak = QStringLiteral("ENVAK000000000000001");
        SandboxProcess sandbox({QStringLiteral("--ak"), ak}, env);
        const QUrl url = sandbox.waitListening();
        QVERIFY2(url.isValid(), sandbox.output().constData());
        QCOMPARE(createStatus(url, akSk(ak, QStringLiteral("CANARY-env-sk-123"))), 200);
        QCOMPARE(createStatus(url, demoCredentials()), 401);
        QVERIFY(!sandbox.output().contains("CANARY-env-sk-123"));
    }

    void secretsFromFilesWinOverTheEnvironment()
    {
        QTemporaryDir dir;
        const QString skPath =
            writeFile(dir, QStringLiteral("sk"), "CANARY-file-sk-456\nsecond line is ignored\n");
        const QString tokenPath = writeFile(dir, QStringLiteral("token"), "CANARY-file-token-789\r\n");
        QVERIFY(!skPath.isEmpty() && !tokenPath.isEmpty());
        QProcessEnvironment env = cleanEnvironment();
        env.insert(QStringLiteral("DAS_SANDBOX_SK"), QStringLiteral("env-sk-loses"));
        const QString ak = QStringLiteral("FILEAK00000000000001");
        SandboxProcess sandbox({QStringLiteral("--ak"), ak, QStringLiteral("--sk-file"), skPath,
                                QStringLiteral("--token-file"), tokenPath},
                               env);
        const QUrl url = sandbox.waitListening();
        QVERIFY2(url.isValid(), sandbox.output().constData());
        QCOMPARE(createStatus(url, akSk(ak, QStringLiteral("CANARY-file-sk-456"))), 200);
        QCOMPARE(createStatus(url, akSk(ak, QStringLiteral("env-sk-loses"))), 401);
        QCOMPARE(createStatus(url, Credentials::token(QStringLiteral("CANARY-file-token-789"))), 200);
        QCOMPARE(createStatus(url, Credentials::token(QLatin1String(SandboxOptions::DemoIamToken))), 401);
        QVERIFY(!sandbox.output().contains("CANARY-file"));
    }

    void refusedArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArrayList>("messages");
        const QString ak = QStringLiteral("--ak");
        const QString id = QStringLiteral("BADAK000000000000001");
        const QString canary = QStringLiteral("CANARY-argv-secret");
        QTest::newRow("--sk") << QStringList{ak, id, QStringLiteral("--sk"), canary}
                              << QByteArrayList{"process list", "DAS_SANDBOX_SK", "--sk-file"};
        QTest::newRow("--token") << QStringList{QStringLiteral("--token"), canary}
                                 << QByteArrayList{"process list", "DAS_SANDBOX_TOKEN", "--token-file"};
        QTest::newRow("--ak without SK") << QStringList{ak, id} << QByteArrayList{"go together"};
        QTest::newRow("missing file")
            << QStringList{ak, id, QStringLiteral("--sk-file"), QStringLiteral("/nonexistent/das-sk")}
            << QByteArrayList{"/nonexistent/das-sk"};
        QTest::newRow("directory") << QStringList{ak, id, QStringLiteral("--sk-file"), QStringLiteral("/")}
                                   << QByteArrayList{"regular file"};
        QTest::newRow("device") << QStringList{QStringLiteral("--token-file"), QStringLiteral("/dev/null")}
                                << QByteArrayList{"regular file"};
    }

    // Refused before listening, with a message that says why; a secret given on argv is never echoed.
    void refusedArguments()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArrayList, messages);
        SandboxProcess sandbox(arguments, cleanEnvironment());
        QCOMPARE(sandbox.waitExitCode(), 2);
        for (const QByteArray& message : std::as_const(messages))
            QVERIFY2(sandbox.output().contains(message), sandbox.output().constData());
        QVERIFY(!sandbox.output().contains("CANARY-argv-secret"));
        QVERIFY(!sandbox.output().contains("listening"));
    }

    void emptySecretFileIsRefused()
    {
        QTemporaryDir dir;
        const QString empty = writeFile(dir, QStringLiteral("empty"), "\n");
        QVERIFY(!empty.isEmpty());
        SandboxProcess sandbox({QStringLiteral("--token-file"), empty}, cleanEnvironment());
        QCOMPARE(sandbox.waitExitCode(), 2);
        QVERIFY2(sandbox.output().contains("is empty"), sandbox.output().constData());
    }

    void requestPathCannotForgeLogLines()
    {
        SandboxProcess sandbox({}, cleanEnvironment());
        const QUrl url = sandbox.waitListening();
        QVERIFY2(url.isValid(), sandbox.output().constData());
        const RawResponse r = exchange(
            quint16(url.port()),
            rawRequest(
                "GET /x%0d%0a2099-01-01T00:00:00.000Z%20received%20POST%20/forged%20request_id=0 HTTP/1.1"));
        QCOMPARE(r.status, 404);
        QVERIFY(sandbox.waitOutput(" answered 404"));
        const QList<QByteArray> lines = sandbox.output().split('\n');
        int received = 0;
        for (const QByteArray& line : lines) {
            QVERIFY2(!line.startsWith("2099"), sandbox.output().constData());
            QVERIFY2(!line.contains('\r'), sandbox.output().constData());
            received += line.contains(" received ") ? 1 : 0;
        }
        QCOMPARE(received, 1);
    }
};

QTEST_GUILESS_MAIN(TestSandboxProcess)
#include "tst_sandboxprocess.moc"
