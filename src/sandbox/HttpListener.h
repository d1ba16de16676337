#pragma once

#include "HttpRequestParser.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>

class QTcpSocket;

namespace das {

// How many connections the listener keeps and for how long: nobody can hold it open or fill its memory.
struct ConnectionLimits
{
    int requestTimeoutMs =
        10000;                // from accept (TLS handshake included) to a complete request; then 408/close
    int maxConnections = 128; // open at once; later ones are closed unanswered
    int maxHeld = 32;         // connections kept open unanswered (hang mode); the oldest goes first
};

// What to send back. The listener adds Content-Length and "Connection: close".
struct HttpAnswer
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
};

// The HTTP plumbing of the sandbox: accepts plain or TLS connections, reads one request per connection
// through HttpRequestParser within the limits, hands it to the subclass and closes the connection after the
// answer. Requests the parser refuses (431, 413, 400, 501, 505) and requests not complete in time (408) go to
// handleRefused instead.
class HttpListener : public QTcpServer
{
    Q_OBJECT

public:
    explicit HttpListener(QObject* parent = nullptr);
    ~HttpListener() override;

    void setLimits(const HttpLimits& request, const ConnectionLimits& connections);
    // Serve https with this certificate and key from now on.
    void setTls(const QSslCertificate& certificate, const QSslKey& key);
    bool isTls() const { return !m_certificate.isNull(); }

    static QByteArray reasonPhrase(int status);

protected:
    void incomingConnection(qintptr descriptor) override;

    // A complete request; answer it with respond(), resetConnection() or hold(), now or later.
    virtual void handleRequest(const HttpRequest& request, QTcpSocket* socket) = 0;
    // A request refused before it was complete, with the status and short reason to answer with.
    virtual void handleRefused(int status, const QByteArray& reason, QTcpSocket* socket) = 0;

    // Sends the answer and closes the connection; a socket already gone is ignored.
    void respond(QTcpSocket* socket, const HttpAnswer& answer);
    // Closes with a TCP RST, like a crashed load balancer.
    static void resetConnection(QTcpSocket* socket);
    // Keeps the connection open and never answers it (within ConnectionLimits::maxHeld).
    void hold(QTcpSocket* socket);

private:
    class Connection;
    void onReadyRead(QTcpSocket* socket, Connection* connection);
    void onDeadline(QTcpSocket* socket, Connection* connection);

    HttpLimits m_requestLimits;
    ConnectionLimits m_connectionLimits;
    QSslCertificate m_certificate;
    QSslKey m_key;
    QHash<QTcpSocket*, Connection*> m_connections; // the open ones; each Connection is a child of its socket
    QList<QPointer<QTcpSocket>> m_held;
};

} // namespace das
