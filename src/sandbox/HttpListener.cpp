#include "HttpListener.h"

#include "SandboxLog.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>
#include <unistd.h>

namespace das {

namespace {

constexpr qint64 ReadChunk = 16 * 1024; // also the socket's read buffer: what one read may hold in memory

// Header names and values go out as given except bytes that could end the line or confuse a reader (CR, LF,
// other controls, DEL, non-ASCII): those are percent-encoded, so no answer ever carries an injected header.
QByteArray headerSafe(const QByteArray& text)
{
    QByteArray out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u >= 0x7f)
            out += '%' + QByteArray::number(u, 16).rightJustified(2, '0').toUpper();
        else
            out += c;
    }
    return out;
}

} // namespace

// Per-connection state, a child of its socket so that both go together.
class HttpListener::Connection : public QObject
{
public:
    enum class Phase
    {
        Reading,  // until the request is complete, refused or late
        Handling, // the subclass has it (latency, hang); later bytes are read and dropped
        Closing,  // answered; drained until the peer is gone or the deadline aborts it
    };

    Connection(const HttpLimits& limits, QObject* parent)
        : QObject(parent)
        , parser(limits)
    {
        deadline.setSingleShot(true);
    }

    HttpRequestParser parser;
    QTimer deadline;
    Phase phase = Phase::Reading;
};

HttpListener::HttpListener(QObject* parent)
    : QTcpServer(parent)
{}

HttpListener::~HttpListener()
{
    // The sockets go first, while the bookkeeping their destroyed() handlers update still exists.
    const QList<QTcpSocket*> sockets = m_connections.keys();
    qDeleteAll(sockets);
}

void HttpListener::setLimits(const HttpLimits& request, const ConnectionLimits& connections)
{
    m_requestLimits = request;
    m_connectionLimits = connections;
}

void HttpListener::setTls(const QSslCertificate& certificate, const QSslKey& key)
{
    m_certificate = certificate;
    m_key = key;
}

void HttpListener::incomingConnection(qintptr descriptor)
{
    if (m_connections.size() >= m_connectionLimits.maxConnections) {
        qCWarning(lcSandbox) << "too many open connections; closing a new one";
        ::close(int(descriptor));
        return;
    }
    QTcpSocket* socket = isTls() ? new QSslSocket(this) : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        ::close(int(descriptor));
        delete socket;
        return;
    }
    auto* connection = new Connection(m_requestLimits, socket);
    m_connections.insert(socket, connection);
    connect(socket, &QObject::destroyed, this, [this, socket] { m_connections.remove(socket); });
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    socket->setReadBufferSize(ReadChunk);

    connect(socket, &QIODevice::readyRead, connection,
            [this, socket, connection] { onReadyRead(socket, connection); });
    connect(&connection->deadline, &QTimer::timeout, connection,
            [this, socket, connection] { onDeadline(socket, connection); });
    connection->deadline.start(m_connectionLimits.requestTimeoutMs);

    if (auto* tls = qobject_cast<QSslSocket*>(socket)) {
        tls->setLocalCertificate(m_certificate);
        tls->setPrivateKey(m_key);
        tls->setPeerVerifyMode(QSslSocket::VerifyNone);
        tls->startServerEncryption();
    }
}

void HttpListener::onReadyRead(QTcpSocket* socket, Connection* connection)
{
    if (connection->phase != Connection::Phase::Reading) {
        socket->read(socket->bytesAvailable()); // at most ReadChunk: the read buffer is bounded
        return;
    }
    HttpRequestParser& parser = connection->parser;
    while (socket->bytesAvailable() > 0 && parser.state() == HttpRequestParser::State::NeedMore)
        parser.feed(socket->read(ReadChunk));
    switch (parser.state()) {
    case HttpRequestParser::State::NeedMore:
        return;
    case HttpRequestParser::State::Complete:
        connection->phase = Connection::Phase::Handling;
        connection->deadline.stop();
        handleRequest(parser.request(), socket);
        return;
    case HttpRequestParser::State::Error:
        connection->phase = Connection::Phase::Handling;
        connection->deadline.stop();
        handleRefused(parser.errorStatus(), parser.errorReason(), socket);
        return;
    }
}

void HttpListener::onDeadline(QTcpSocket* socket, Connection* connection)
{
    const auto* tls = qobject_cast<QSslSocket*>(socket);
    const bool canAnswer = (!tls || tls->isEncrypted()) && connection->parser.started();
    if (connection->phase == Connection::Phase::Reading && canAnswer) {
        connection->phase = Connection::Phase::Handling;
        handleRefused(408, "the request was not complete within the time limit", socket);
        return;
    }
    // Idle since accept, a stalled TLS handshake, or an answer the peer never reads: just close.
    socket->abort();
}

void HttpListener::respond(QTcpSocket* socket, const HttpAnswer& answer)
{
    Connection* connection = socket ? m_connections.value(socket) : nullptr;
    if (!connection || connection->phase == Connection::Phase::Closing)
        return;
    QByteArray out =
        "HTTP/1.1 " + QByteArray::number(answer.status) + ' ' + reasonPhrase(answer.status) + "\r\n";
    for (const auto& header : answer.headers)
        out += headerSafe(header.first) + ": " + headerSafe(header.second) + "\r\n";
    out += "Content-Length: " + QByteArray::number(answer.body.size()) + "\r\n";
    out += "Connection: close\r\n\r\n";
    out += answer.body;
    // Closing: what the peer still sends is read and dropped, so that the close is not a reset that could
    // destroy the answer in flight; the deadline aborts a peer that neither reads nor closes.
    connection->phase = Connection::Phase::Closing;
    connection->deadline.start(m_connectionLimits.requestTimeoutMs);
    socket->write(out);
    socket->disconnectFromHost();
}

void HttpListener::resetConnection(QTcpSocket* socket)
{
    if (!socket)
        return;
    // SO_LINGER 0 turns close into a TCP RST.
    const linger hard{1, 0};
    ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    socket->abort();
}

void HttpListener::hold(QTcpSocket* socket)
{
    m_held.removeAll(QPointer<QTcpSocket>());
    m_held.append(QPointer<QTcpSocket>(socket));
    while (m_held.size() > qMax(0, m_connectionLimits.maxHeld)) {
        if (QTcpSocket* oldest = m_held.takeFirst())
            oldest->abort();
    }
}

QByteArray HttpListener::reasonPhrase(int status)
{
    static const QList<QPair<int, const char*>> phrases = {
        {200, "OK"},
        {307, "Temporary Redirect"},
        {400, "Bad Request"},
        {401, "Unauthorized"},
        {403, "Forbidden"},
        {404, "Not Found"},
        {405, "Method Not Allowed"},
        {408, "Request Timeout"},
        {413, "Content Too Large"},
        {415, "Unsupported Media Type"},
        {429, "Too Many Requests"},
        {431, "Request Header Fields Too Large"},
        {500, "Internal Server Error"},
        {501, "Not Implemented"},
        {502, "Bad Gateway"},
        {505, "HTTP Version Not Supported"},
    };
    for (const auto& phrase : phrases) {
        if (phrase.first == status)
            return phrase.second;
    }
    return "Status";
}

} // namespace das
