#pragma once

// Shared by the tests that drive DasClient against the sandbox or a hand-made server on 127.0.0.1.
#include "CreateJob.h"
#include "DasClient.h"
#include "SandboxServer.h"

#include <QEventLoop>
#include <QTest>
#include <QTimer>

#include <memory>

namespace das::test {

inline ConnectionRequest validRequest()
{
    ConnectionRequest r = SandboxOptions::demoRequest();
    r.password = QStringLiteral("Gauss_2345");
    r.nodeIds = {QStringLiteral("6b0e3d1c2a9f4e8b9c7d5a4f3e2d1c0bno01")};
    r.port = QStringLiteral("3306");
    r.remarks = QStringLiteral("生产库 — 接入 ✓");
    return r;
}

inline Credentials demoCredentials()
{
    Credentials c;
    c.accessKey = QLatin1String(SandboxOptions::DemoAccessKey);
    c.secretKey = QLatin1String(SandboxOptions::DemoSecretKey);
    return c;
}

// Runs the job's event loop until it finishes; false if it never does within `ms`.
inline bool waitFor(CreateJob* job, CreateResult* out, int ms = 20000)
{
    QEventLoop loop;
    bool done = false;
    QObject::connect(job, &CreateJob::finished, &loop, [&](const CreateResult& r) {
        *out = r;
        done = true;
        loop.quit();
    });
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
    return done;
}

// A client and a sandbox started on demand, mixed into a test class after QObject.
class SandboxFixture
{
protected:
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<DasClient> m_client;

    void startSandbox(const SandboxOptions& options = SandboxOptions())
    {
        m_server = std::make_unique<SandboxServer>(options);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    // The sandbox on https with the self-signed test certificate, which no system store trusts.
    static QString testCertificate() { return QStringLiteral(DAS_TEST_DATA_DIR "/sandbox-test-cert.pem"); }
    void startTlsSandbox()
    {
        SandboxOptions options;
        options.tlsCertificate = testCertificate();
        options.tlsKey = QStringLiteral(DAS_TEST_DATA_DIR "/sandbox-test-key.pem");
        startSandbox(options);
        QCOMPARE(m_server->url().scheme(), QStringLiteral("https"));
    }

    CreateResult createAt(const QUrl& endpoint, const ConnectionRequest& request = validRequest(),
                          const Credentials& credentials = demoCredentials())
    {
        CreateResult result;
        if (!waitFor(m_client->createConnection(endpoint, request, credentials), &result))
            qWarning("create did not finish");
        return result;
    }

    void resetFixture()
    {
        m_client.reset();
        m_server.reset();
    }
};

} // namespace das::test
