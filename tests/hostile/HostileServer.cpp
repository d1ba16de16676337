#include "HostileServer.h"

#include <QDeadlineTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

#include <sys/socket.h>

namespace {

constexpr qint64 ChunkBytes = 64 * 1024;
// Far beyond any cap of the client: the stream ends only if the client never stops it.
constexpr qint64 EndlessLimit = 2LL * 1024 * 1024 * 1024;

// Bytes of one request so far: complete when the headers and Content-Length bytes of body are in.
bool requestComplete(const QByteArray& request)
{
    const qsizetype end = request.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    qint64 length = 0;
    for (const QByteArray& line : request.left(end).split('\n')) {
        if (line.toLower().startsWith("content-length:"))
            length = line.mid(15).trimmed().toLongLong();
    }
    return request.size() - (end + 4) >= length;
}

void resetConnection(QTcpSocket* socket)
{
    socket->flush();
    // SO_LINGER with a zero timeout makes close() send RST instead of FIN.
    const linger hard{1, 0};
    ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    socket->abort();
}

} // namespace

HostileServer::HostileServer() = default;

HostileServer::~HostileServer()
{
    quit();
    wait();
}

bool HostileServer::begin()
{
    start();
    const QDeadlineTimer deadline(10000);
    while (!m_ready && !deadline.hasExpired())
        QThread::yieldCurrentThread();
    return m_port != 0;
}

void HostileServer::serve(Mode mode, const QByteArray& answer)
{
    const QMutexLocker locker(&m_lock);
    m_mode = mode;
    m_answer = answer;
}

void HostileServer::run()
{
    QTcpServer server;
    if (server.listen(QHostAddress::LocalHost))
        m_port = server.serverPort();
    connect(&server, &QTcpServer::newConnection, &server, [this, &server] {
        while (QTcpSocket* socket = server.nextPendingConnection()) {
            auto request = std::make_shared<QByteArray>();
            auto answered = std::make_shared<bool>(false);
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket, request, answered] {
                *request += socket->readAll();
                if (*answered || !requestComplete(*request))
                    return;
                *answered = true;
                ++m_requests;
                answer(socket);
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    m_ready = true;
    exec();
}

void HostileServer::answer(QTcpSocket* socket)
{
    Mode mode;
    QByteArray bytes;
    {
        const QMutexLocker locker(&m_lock);
        mode = m_mode;
        bytes = m_answer;
    }
    switch (mode) {
    case Mode::Raw:
        socket->write(bytes);
        socket->disconnectFromHost();
        return;
    case Mode::RawThenReset:
        socket->write(bytes);
        resetConnection(socket);
        return;
    case Mode::EndlessBody:
        streamBody(socket);
        return;
    case Mode::SlowHeaders:
        dripHeaders(socket);
        return;
    case Mode::HugeHeaderLine:
        socket->write("HTTP/1.1 200 OK\r\nX-Big: ");
        socket->write(QByteArray(20 * 1024 * 1024, 'a'));
        socket->write("\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
        socket->disconnectFromHost();
        return;
    }
}

void HostileServer::streamBody(QTcpSocket* socket)
{
    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n");
    auto queued = std::make_shared<qint64>(0);
    auto refill = [socket, queued] {
        while (socket->bytesToWrite() < 4 * ChunkBytes && *queued < EndlessLimit) {
            socket->write(QByteArray(ChunkBytes, '7'));
            *queued += ChunkBytes;
        }
    };
    connect(socket, &QTcpSocket::bytesWritten, socket, refill);
    refill();
}

void HostileServer::dripHeaders(QTcpSocket* socket)
{
    auto* timer = new QTimer(socket);
    auto next = std::make_shared<QByteArray>("HTTP/1.1 200 OK\r\nX-Slow: ");
    connect(timer, &QTimer::timeout, socket, [socket, next] {
        if (next->isEmpty())
            *next = "a";
        socket->write(next->left(1));
        next->remove(0, 1);
    });
    timer->start(100);
}
