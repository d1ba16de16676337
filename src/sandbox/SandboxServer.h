#pragma once

#include "HttpListener.h"
#include "SandboxConnections.h"
#include "SandboxOptions.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>
#include <QUrl>

#include <atomic>
#include <optional>

class QTcpSocket;

namespace das {

struct ConnectionRequest;

// A local stand-in for the APIG gateway, DAS and the IAM project lookup: create-connection and the read calls
// the pickers use (SandboxReads.cpp), with the same signature rules, the same validation (core
// RequestValidator) and the same error bodies. Serves training, demos and tests on loopback.
// HttpListener does the HTTP (limits, timeouts, TLS); this class is the gateway and DAS behind it.
class SandboxServer : public HttpListener
{
    Q_OBJECT

public:
    explicit SandboxServer(const SandboxOptions& options = SandboxOptions(), QObject* parent = nullptr);
    ~SandboxServer() override;

    bool start(QString* error);
    QUrl url() const;
    quint16 port() const { return m_port; }
    const SandboxOptions& options() const { return m_options; }
    void setMode(SandboxOptions::Mode mode) { m_options.mode = mode; }
    void setLatencyMs(int ms) { m_options.latencyMs = ms; }
    void setThrottleEvery(int n) { m_options.throttleEvery = n; }

    // Human-readable listing of the URL and the demo credentials (custom secrets are not echoed).
    QString banner() const;

    int requestCount() const { return m_requestCount; }
    // Create-connection calls that passed authentication, answered or not (lost modes count too).
    int createCount() const { return m_createCount; }
    // The most recent SandboxOptions::maxIssuedIds connection IDs issued, oldest first.
    const QStringList& issuedConnectionIds() const { return m_issued; }
    // The connections created and not deleted: the most recent SandboxOptions::maxIssuedIds, oldest first.
    const SandboxConnections& connections() const { return m_connections; }
    // How often the state file has been rewritten: at most once per StateWriteIntervalMs, however many
    // creates and deletes came in between.
    int stateWrites() const { return m_stateWrites; }
    static constexpr int StateWriteIntervalMs = 250;

signals:
    void connectionCreated(const QString& connectionId, const QString& requestId);
    // For the console log; they never carry a header or body value. `path` is the raw (percent-encoded) path,
    // which the parser admits as visible ASCII only: no CR, LF or other control character reaches a log line.
    void requestReceived(const QString& method, const QString& path, const QString& requestId);
    void requestAnswered(int httpStatus, const QString& errorCode, const QString& requestId);

protected:
    void handleRequest(const HttpRequest& request, QTcpSocket* socket) override;
    void handleRefused(int status, const QByteArray& reason, QTcpSocket* socket) override;

private:
    struct Answer
    {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json;charset=UTF-8";
        QList<QPair<QByteArray, QByteArray>> headers;
        bool reset = false;
        bool hang = false;
        QString errorCode;
    };

    enum class ReadRoute
    {
        None,
        Projects,    // GET /v3/projects?name=REGION (IAM)
        Instances,   // GET /v3/{project_id}/instances
        Nodes,       // GET /v3/{project_id}/instance/nodes-info
        Databases,   // GET /v3/{project_id}/instances/{instance_id}/databases/get-name-list
        Connections, // GET /v3/{project_id}/list-connections (SandboxConnections.cpp)
    };
    using Query = QHash<QString, QString>;

    Answer process(const HttpRequest& request, const QByteArray& requestId);
    std::optional<Answer> checkProject(const HttpRequest& request, const QString& projectId,
                                       const QByteArray& requestId) const;
    static ReadRoute readRouteOf(const QList<QByteArray>& parts);
    Answer readCall(const HttpRequest& request, ReadRoute route, const QList<QByteArray>& parts,
                    const QByteArray& requestId);
    static std::optional<Answer> checkDatastoreType(const QString& value, const QByteArray& requestId);
    Answer listInstances(const Query& query, const QByteArray& requestId) const;
    Answer listNodes(const Query& query, const QByteArray& requestId) const;
    Answer listDatabases(const Query& query, const QString& instanceId, const QByteArray& requestId) const;
    Answer listProjects(const Query& query, const QByteArray& requestId) const;
    Answer listConnections(const Query& query, const QByteArray& requestId) const;
    Answer deleteConnections(const HttpRequest& request, const QString& projectId,
                             const QByteArray& requestId);
    void keepConnection(const ConnectionRequest& body, const QString& connectionId);
    bool loadState(QString* error);
    void saveState();
    void writeState();
    Answer readFault(Answer answer, const QByteArray& requestId) const;
    Answer authenticate(const HttpRequest& request, const QByteArray& requestId, bool* ok) const;
    bool signatureMatches(const HttpRequest& request, const QByteArrayList& signedHeaders,
                          const QByteArray& signature) const;
    Answer createConnection(const HttpRequest& request, const QString& projectId, const QString& instanceId,
                            const QByteArray& requestId);
    std::optional<Answer> faultAnswer(const QByteArray& requestId) const;
    static Answer throttled(const QByteArray& retryAfter, const QByteArray& requestId);
    static Answer error(int status, const QString& code, const QString& message, const QByteArray& requestId);
    static Answer notFound(const QByteArray& requestId);
    void send(QPointer<QTcpSocket> socket, const Answer& answer, const QByteArray& requestId);
    void recordIssued(const QString& connectionId);
    QDateTime serverTime() const;

    SandboxOptions m_options;
    quint16 m_port = 0;
    int m_requestCount = 0;
    int m_createCount = 0;
    QStringList m_issued;
    SandboxConnections m_connections;
    QTimer m_stateTimer;            // the next write of the state file, when one is due within the interval
    QElapsedTimer m_lastStateWrite; // invalid until the first
    bool m_stateDirty = false;
    int m_stateWrites = 0;
    QThreadPool m_stateWriter;               // one thread: the file is written off the event loop, in order
    std::atomic<bool> m_stateWriting{false}; // a write is queued or running on m_stateWriter
};

} // namespace das
