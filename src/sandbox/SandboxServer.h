#pragma once

#include "SandboxOptions.h"

#include <QAbstractHttpServer>
#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QUrl>

#include <optional>

class QTcpSocket;

namespace das {

// A local stand-in for the APIG gateway and DAS for the create-connection call: same signature rules, same
// validation (core RequestValidator), same error bodies. Serves training, demos and tests on loopback.
class SandboxServer : public QAbstractHttpServer
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

    // Human-readable listing of the URL and the demo credentials (custom secrets are not echoed).
    QString banner() const;

    int requestCount() const { return m_requestCount; }
    const QStringList& issuedConnectionIds() const { return m_issued; }

signals:
    void connectionCreated(const QString& connectionId, const QString& requestId);
    // For the console log; they never carry a header or body value.
    void requestReceived(const QString& method, const QString& path, const QString& requestId);
    void requestAnswered(int httpStatus, const QString& errorCode, const QString& requestId);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

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

    Answer process(const QHttpServerRequest& request, const QByteArray& requestId);
    Answer authenticate(const QHttpServerRequest& request, const QByteArray& requestId, bool* ok) const;
    Answer createConnection(const QHttpServerRequest& request, const QString& projectId,
                            const QString& instanceId, const QByteArray& requestId);
    std::optional<Answer> faultAnswer(const QByteArray& requestId) const;
    static Answer error(int status, const QString& code, const QString& message, const QByteArray& requestId);
    void send(QPointer<QTcpSocket> socket, const Answer& answer, const QByteArray& requestId);
    QDateTime serverTime() const;

    SandboxOptions m_options;
    quint16 m_port = 0;
    bool m_tls = false;
    int m_requestCount = 0;
    QStringList m_issued;
    QList<QPointer<QTcpSocket>> m_hanging;
};

} // namespace das
