#pragma once

#include "ConnectionRequest.h"
#include "HttpListener.h"
#include "HttpRequestParser.h"
#include "SandboxInventory.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace das {

// How the sandbox behaves; defaults give a working demo with the printed credentials.
struct SandboxOptions
{
    enum class Mode
    {
        Ok,          // validate and create
        E500,        // DAS internal error
        Throttle,    // APIGW.0308, HTTP 429
        Garbage,     // 200 with a non-JSON body
        Html502,     // gateway HTML error page
        Reset,       // connection reset after reading the request
        Expired,     // server clock 20 minutes ahead: signatures look expired
        Truncated,   // 200 with JSON cut short
        WrongType,   // 200 with connection_id as a number
        Redirect,    // 307 to another URL
        Hang,        // read the request, never answer
        Large,       // 200 with a 2 MiB body
        Lost,        // create: the connection is created and kept, then the answer is dropped (reset)
        RefusedLost, // create: not created, and the answer is dropped (reset)
    };

    static constexpr const char* DemoAccessKey = "DASSANDBOXDEMOAK0001";
    static constexpr const char* DemoSecretKey = "sandbox-demo-secret-key-do-not-use-in-production";
    static constexpr const char* DemoSecurityToken = "sandbox-demo-security-token";
    static constexpr const char* DemoIamToken = "sandbox-demo-iam-token";
    static constexpr const char* DemoProjectId = "052041494800d57c2f02c00275b4c247";
    static constexpr const char* DemoInstanceId = "bcfa975193f1402fa11a6d4fd6baf5fbin01";
    static constexpr int ExpiredSkewSeconds = 20 * 60;

    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0; // 0 picks a free port
    QString accessKey = QLatin1String(DemoAccessKey);
    QString secretKey = QLatin1String(DemoSecretKey);
    QString securityToken = QLatin1String(DemoSecurityToken); // accepted X-Security-Token
    QString iamToken = QLatin1String(DemoIamToken);
    int latencyMs = 0;
    Mode mode = Mode::Ok;
    // Every Nth create that passes authentication is refused like the gateway's throttling (HTTP 429,
    // APIGW.0308, Retry-After: 1) and not created; 0 never. For trying a batch's backoff mid-run.
    int throttleEvery = 0;
    // What the read calls answer from; setInventory() replaces it.
    SandboxInventory inventory = SandboxInventory::builtIn();
    // Accepted by every call: the inventory's projects and instances, and two instances that only exist for
    // create (kept from before the inventory).
    QStringList projectIds = SandboxInventory::builtIn().projectIds();
    QStringList instanceIds = QStringList{QStringLiteral("6f5c3a1e9b0d4c2a8e7f1b3d5c9a0e2fin01"),
                                          QStringLiteral("0c9e8d7f6a5b4c3d2e1f0a9b8c7d6e5fin02")} +
                              SandboxInventory::builtIn().instanceIds();
    bool anyIds = false;    // accept every well-formed project and instance ID
    QString tlsCertificate; // PEM; https when set with tlsKey
    QString tlsKey;
    HttpLimits http;              // header and body caps of one request
    ConnectionLimits connections; // time to send a request, open and held connections
    // The kept connections: loaded by start(), rewritten (atomically, mode 0600) after each create and
    // delete. Empty: in memory only.
    QString stateFile;
    int maxIssuedIds = 10000; // issuedConnectionIds() and connections() keep the most recent ones only

    // Serves `replacement` from now on and accepts its projects and instances (for create too).
    void setInventory(const SandboxInventory& replacement);

    // A create the sandbox accepts as it starts: the demo project and instance, mysql over rds, user root.
    // The password and the optional fields are the caller's (the window's example, tests, benchmarks).
    static ConnectionRequest demoRequest();
    static bool parseMode(const QString& text, Mode* mode);
    static QString modeName(Mode mode);
    static QStringList modeNames();
};

} // namespace das
