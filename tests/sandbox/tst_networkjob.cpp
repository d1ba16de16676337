// What every DAS call owes to NetworkJob, against the sandbox or a hand-made server on 127.0.0.1: the size
// cap while data arrives, the client's TLS trust for the endpoint probe, one request per create, quiet
// logging.
#include "CreateJob.h"
#include "DasClient.h"
#include "EndpointProbe.h"
#include "NetLog.h"
#include "SandboxServer.h"
#include "SandboxTestSupport.h"

#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace das;
using namespace das::test;
using Outcome = CreateResult::Outcome;

namespace {

// Answers any request with a 200 whose body is either announced far over the cap and never sent, or sent
// without a length, as a stream, until the client goes away or `streamLimit` bytes have left.
class OversizeServer : public QTcpServer
{
public:
    enum class Mode
    {
        DeclaredThenSilent,
        Streaming,
    };

    explicit OversizeServer(Mode mode)
        : m_mode(mode)
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = nextPendingConnection())
                serve(socket);
        });
    }

    static constexpr qint64 StreamLimit = 256LL * 1024 * 1024;
    static constexpr qint64 ChunkBytes = 64 * 1024;

    qint64 bodyBytesWritten = 0;
    bool clientGone = false;

private:
    void serve(QTcpSocket* socket)
    {
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            m_request += socket->readAll();
            if (m_answered || !m_request.contains("\r\n\r\n"))
                return;
            m_answered = true;
            if (m_mode == Mode::DeclaredThenSilent) {
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                              "Content-Length: 104857600\r\n\r\n");
                return;
            }
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n");
            writeChunk(socket);
        });
        connect(socket, &QTcpSocket::bytesWritten, socket, [this, socket](qint64 written) {
            if (m_answered)
                bodyBytesWritten += written;
            if (m_mode == Mode::Streaming && socket->bytesToWrite() < ChunkBytes)
                writeChunk(socket);
        });
        // `this` as the context: a socket still open when the server is destroyed disconnects from inside
        // ~QObject, after ~OversizeServer has run, and must not reach this object then.
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            clientGone = true;
            socket->deleteLater();
        });
    }

    void writeChunk(QTcpSocket* socket)
    {
        if (m_queued >= StreamLimit) {
            socket->disconnectFromHost();
            return;
        }
        socket->write(QByteArray(ChunkBytes, 'x'));
        m_queued += ChunkBytes;
    }

    Mode m_mode;
    QByteArray m_request;
    bool m_answered = false;
    qint64 m_queued = 0;
};

// Answers every request the HTTP/1.0 way: no length, the close ends the body. `cut` makes it a reset halfway
// through the body instead.
class CloseDelimitedServer : public QTcpServer
{
public:
    explicit CloseDelimitedServer(bool cut)
    {
        connect(this, &QTcpServer::newConnection, this, [this, cut] {
            while (QTcpSocket* socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket, cut] {
                    const QByteArray request = socket->peek(socket->bytesAvailable());
                    const qsizetype end = request.indexOf("\r\n\r\n");
                    if (end < 0 || socket->property("answered").toBool())
                        return;
                    // The create body always has a Content-Length; answer when all of it is in.
                    const QByteArray head = request.left(end).toLower();
                    const qsizetype at = head.indexOf("content-length:");
                    const qint64 length =
                        head.mid(at + 15, head.indexOf('\r', at) - at - 15).trimmed().toLongLong();
                    if (request.size() < end + 4 + length)
                        return;
                    socket->setProperty("answered", true);
                    socket->readAll();
                    const QByteArray body = "{\"connection_id\":\"0a1b2c3d-aaaa-bbbb-cccc-000000000001\"}";
                    socket->write("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n" +
                                  (cut ? body.left(20) : body));
                    if (cut) {
                        socket->flush();
                        socket->abort();
                    } else {
                        socket->disconnectFromHost();
                    }
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
};

QStringList g_messages;

void collectMessage(QtMsgType, const QMessageLogContext& context, const QString& message)
{
    if (context.category && qstrcmp(context.category, "das.net") == 0)
        g_messages.append(message);
}

} // namespace

class TestNetworkJob : public QObject, private SandboxFixture
{
    Q_OBJECT

private:
    static QUrl urlOf(const QTcpServer& server)
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()));
    }

    struct ProbeOutcome
    {
        bool finished = false;
        bool reachable = false;
        int status = 0;
        QString message;
    };

    static ProbeOutcome probeOnce(EndpointProbe* probe, const QUrl& url)
    {
        QSignalSpy spy(probe, &EndpointProbe::finished);
        probe->probe(url);
        ProbeOutcome out;
        out.finished = spy.wait(15000);
        if (out.finished) {
            out.reachable = spy.at(0).at(0).toBool();
            out.status = spy.at(0).at(1).toInt();
            out.message = spy.at(0).at(3).toString();
        }
        return out;
    }

private slots:
    void init() { m_client = std::make_unique<DasClient>(); }

    void cleanup() { resetFixture(); }

    void declaredOversizeIsRefusedAtTheHeaders()
    {
        // The server never sends the body it announces: only the Content-Length can end this before the
        // inactivity timer does.
        OversizeServer server(OversizeServer::Mode::DeclaredThenSilent);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        ClientOptions options;
        options.inactivityTimeoutMs = 60000;
        QString error;
        QVERIFY(m_client->setOptions(options, &error));
        const CreateResult r = createAt(urlOf(server));
        QCOMPARE(r.outcome, Outcome::Unknown);
        QVERIFY(!r.timedOut);
        QVERIFY(r.requestSent);
        QVERIFY2(r.explanation.contains(QStringLiteral("larger than")), qPrintable(r.explanation));
    }

    void streamedOversizeIsAbortedAsDataArrives()
    {
        OversizeServer server(OversizeServer::Mode::Streaming);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        ClientOptions options;
        options.maxResponseBytes = 256 * 1024;
        QString error;
        QVERIFY(m_client->setOptions(options, &error));
        const CreateResult r = createAt(urlOf(server));
        QCOMPARE(r.outcome, Outcome::Unknown);
        QVERIFY2(r.explanation.contains(QStringLiteral("larger than 262144 bytes")),
                 qPrintable(r.explanation));
        QTRY_VERIFY_WITH_TIMEOUT(server.clientGone, 20000);
        // The client stopped reading at the cap: what left the server is the cap plus what the kernel's
        // socket buffers hold, far below the 256 MiB it would have taken to the end.
        QVERIFY2(server.bodyBytesWritten < 32 * 1024 * 1024,
                 qPrintable(QString::number(server.bodyBytesWritten)));
    }

    void closeDelimitedAnswerIsComplete()
    {
        // The answer and the close come at once, often before Qt has noted the end of the upload; every run
        // must still see the whole answer.
        CloseDelimitedServer server(false);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        for (int i = 0; i < 50; ++i) {
            const CreateResult r = createAt(urlOf(server));
            QVERIFY2(r.outcome == Outcome::Created,
                     qPrintable(QStringLiteral("run %1: %2").arg(i).arg(r.explanation)));
            QCOMPARE(r.connectionId, QStringLiteral("0a1b2c3d-aaaa-bbbb-cccc-000000000001"));
        }
    }

    void closeDelimitedBodyCutShortIsUnreadable()
    {
        CloseDelimitedServer server(true);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        for (int i = 0; i < 10; ++i) {
            const CreateResult r = createAt(urlOf(server));
            QCOMPARE(r.outcome, Outcome::Unknown);
            QVERIFY(r.connectionId.isEmpty());
        }
    }

    void sandboxLargeModeIsRefused()
    {
        startSandbox();
        m_server->setMode(SandboxOptions::Mode::Large);
        const CreateResult r = createAt(m_server->url());
        QCOMPARE(r.outcome, Outcome::Unknown);
        QVERIFY2(r.explanation.contains(QStringLiteral("larger than")), qPrintable(r.explanation));
        QCOMPARE(m_server->requestCount(), 1);
    }

    void probeTrustsTheClientsExtraCa()
    {
        startTlsSandbox();

        EndpointProbe probe(m_client.get());
        ProbeOutcome untrusted = probeOnce(&probe, m_server->url());
        QVERIFY(untrusted.finished);
        QVERIFY(!untrusted.reachable);
        QVERIFY2(untrusted.message.contains(QStringLiteral("TLS")), qPrintable(untrusted.message));

        ClientOptions withCa;
        withCa.caFile = testCertificate();
        QString error;
        QVERIFY2(m_client->setOptions(withCa, &error), qPrintable(error));
        const ProbeOutcome trusted = probeOnce(&probe, m_server->url());
        QVERIFY2(trusted.reachable, qPrintable(trusted.message));
        QCOMPARE(trusted.status, 200);
        QVERIFY(trusted.message.contains(QStringLiteral("TLS verified")));

        // Another client without the CA file keeps the default trust: the trust is the client's.
        DasClient plain;
        EndpointProbe other(&plain);
        untrusted = probeOnce(&other, m_server->url());
        QVERIFY(untrusted.finished);
        QVERIFY(!untrusted.reachable);
    }

    void createAfterProbeIsStillOneRequest()
    {
        startSandbox();
        EndpointProbe probe(m_client.get());
        QVERIFY(probeOnce(&probe, m_server->url()).reachable);
        QCOMPARE(m_server->requestCount(), 1);

        m_server->setMode(SandboxOptions::Mode::Reset);
        const CreateResult r = createAt(m_server->url());
        QCOMPARE(r.outcome, Outcome::Unknown);
        QVERIFY(r.requestSent);
        // The probe's GET and one POST: a reset create is never sent again on the shared manager.
        QCOMPARE(m_server->requestCount(), 2);
    }

    void debugLogNamesTheCallButNoSecret()
    {
        QVERIFY(!lcNet().isDebugEnabled());
        QVERIFY(lcNet().isWarningEnabled());
        startSandbox();
        QLoggingCategory::setFilterRules(QStringLiteral("das.net.debug=true"));
        g_messages.clear();
        const QtMessageHandler previous = qInstallMessageHandler(collectMessage);
        const CreateResult signedCreate = createAt(m_server->url());
        const CreateResult tokenCreate = createAt(
            m_server->url(), validRequest(), Credentials::token(QLatin1String(SandboxOptions::DemoIamToken)));
        m_server->setLatencyMs(5000);
        CreateJob* cancelled = m_client->createConnection(m_server->url(), validRequest(), demoCredentials());
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(), 3, 10000);
        cancelled->cancel();
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());

        QCOMPARE(signedCreate.outcome, Outcome::Created);
        QCOMPARE(tokenCreate.outcome, Outcome::Created);
        const QString all = g_messages.join(u'\n');
        QVERIFY2(all.contains(QStringLiteral("start POST http://127.0.0.1:")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("/create-connection")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("HTTP 200")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("cancelled")), qPrintable(all));
        const QStringList secrets{QLatin1String(SandboxOptions::DemoSecretKey),
                                  QLatin1String(SandboxOptions::DemoAccessKey),
                                  QLatin1String(SandboxOptions::DemoIamToken),
                                  validRequest().password,
                                  QStringLiteral("Authorization"),
                                  QStringLiteral("SDK-HMAC-SHA256"),
                                  QStringLiteral("connection_id"),
                                  signedCreate.connectionId,
                                  QStringLiteral("root")};
        for (const QString& secret : secrets)
            QVERIFY2(!all.contains(secret, Qt::CaseInsensitive), qPrintable(secret));
    }
};

QTEST_GUILESS_MAIN(TestNetworkJob)
#include "tst_networkjob.moc"
