#pragma once

// Raw HTTP/1.1 on a QTcpSocket, for the tests that must send what no well-behaved client would (oversize or
// duplicate headers, half-sent bodies, control bytes in the path) and read the answer byte for byte.
#include "AkSkSigner.h"
#include "RequestBuilder.h"
#include "SandboxTestSupport.h"

#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

namespace das::test {

struct RawResponse
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray raw;

    QByteArrayList headerValues(const QByteArray& name) const
    {
        QByteArrayList values;
        for (const auto& header : headers) {
            if (header.first.compare(name, Qt::CaseInsensitive) == 0)
                values.append(header.second);
        }
        return values;
    }

    static RawResponse parse(const QByteArray& raw)
    {
        RawResponse r;
        r.raw = raw;
        const qsizetype end = raw.indexOf("\r\n\r\n");
        if (end < 0)
            return r;
        QList<QByteArray> lines = raw.left(end).split('\n');
        for (QByteArray& line : lines)
            line = line.endsWith('\r') ? line.chopped(1) : line;
        const QList<QByteArray> statusLine = lines.takeFirst().split(' ');
        r.status = statusLine.size() > 1 ? statusLine.at(1).toInt() : 0;
        for (const QByteArray& line : std::as_const(lines)) {
            const qsizetype colon = line.indexOf(':');
            r.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
        }
        r.body = raw.mid(end + 4);
        return r;
    }
};

// One client connection that records everything the server sends until it closes the connection.
class RawConnection
{
public:
    explicit RawConnection(quint16 port)
    {
        QObject::connect(&m_socket, &QIODevice::readyRead, [this] { m_received += m_socket.readAll(); });
        QObject::connect(&m_socket, &QAbstractSocket::disconnected, [this] {
            m_received += m_socket.readAll();
            m_closed = true;
        });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }

    bool waitConnected(int ms = 5000)
    {
        return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, ms);
    }
    void send(const QByteArray& bytes) { m_socket.write(bytes); }
    bool waitClosed(int ms = 10000)
    {
        return QTest::qWaitFor([this] { return m_closed; }, ms);
    }
    bool isClosed() const { return m_closed; }
    RawResponse response() const { return RawResponse::parse(m_received); }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
    bool m_closed = false;
};

// Sends `bytes` on a new connection and returns what came back once the server closed it; status 0 if it
// never answered within `ms`.
inline RawResponse exchange(quint16 port, const QByteArray& bytes, int ms = 10000)
{
    RawConnection connection(port);
    if (!connection.waitConnected())
        return {};
    connection.send(bytes);
    if (!connection.waitClosed(ms))
        return {};
    return connection.response();
}

// A correctly signed create as raw bytes. `target` replaces the request target on the wire only (the
// signature stays the one for the normal path), to test how the server reads a target spelled differently.
inline QByteArray signedCreate(const QUrl& endpoint, const Credentials& credentials = demoCredentials(),
                               const QByteArray& target = {})
{
    const PreparedRequest prepared = RequestBuilder::build(endpoint, validRequest(), credentials);
    QByteArray out =
        "POST " +
        (target.isEmpty() ? prepared.url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority) : target) +
        " HTTP/1.1\r\n";
    for (const auto& header : prepared.headers)
        out += header.first + ": " + header.second + "\r\n";
    out += "Content-Length: " + QByteArray::number(prepared.body.size()) + "\r\n\r\n";
    return out + prepared.body;
}

// A GET of `path` with `query`, signed by `credentials` (AK/SK or IAM token). `sentQuery`, when given, goes
// on the wire instead of the signed query.
inline RawResponse signedGet(const QUrl& base, const QString& path, const QUrlQuery& query,
                             const Credentials& credentials = demoCredentials(),
                             const QByteArray& sentQuery = {})
{
    QUrl url = base;
    url.setPath(path);
    url.setQuery(query);
    QByteArray target = url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority);
    if (!sentQuery.isEmpty())
        target = url.path(QUrl::FullyEncoded).toLatin1() + '?' + sentQuery;
    QByteArray out = "GET " + target + " HTTP/1.1\r\nHost: " + AkSkSigner::hostHeader(url) + "\r\n";
    if (!credentials.iamToken.isEmpty()) {
        out += "X-Auth-Token: " + credentials.iamToken.toUtf8() + "\r\n";
    } else {
        const QByteArray date = AkSkSigner::formatDate(QDateTime::currentDateTimeUtc());
        const auto parts = AkSkSigner::sign(credentials.accessKey.toUtf8(), credentials.secretKey.toUtf8(),
                                            "GET", url, {{QByteArrayLiteral("X-Sdk-Date"), date}}, {});
        out += "X-Sdk-Date: " + date + "\r\nAuthorization: " + parts.authorization + "\r\n";
    }
    return exchange(quint16(url.port()), out + "\r\n");
}

// A create of `request` (instead of validRequest()), correctly signed, as raw bytes.
inline QByteArray signedCreateOf(const QUrl& endpoint, const ConnectionRequest& request,
                                 const Credentials& credentials = demoCredentials())
{
    const PreparedRequest prepared = RequestBuilder::build(endpoint, request, credentials);
    QByteArray out =
        "POST " + prepared.url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority) + " HTTP/1.1\r\n";
    for (const auto& header : prepared.headers)
        out += header.first + ": " + header.second + "\r\n";
    out += "Content-Length: " + QByteArray::number(prepared.body.size()) + "\r\n\r\n";
    return out + prepared.body;
}

// `method` of `path` with a JSON `body`, AK/SK-signed over Content-Type, Host, X-Sdk-Date and the body.
inline RawResponse signedSend(const QUrl& base, const QByteArray& method, const QString& path,
                              const QByteArray& body, const Credentials& credentials = demoCredentials())
{
    QUrl url = base;
    url.setPath(path);
    const QByteArray date = AkSkSigner::formatDate(QDateTime::currentDateTimeUtc());
    const QByteArray type = "application/json";
    const auto parts = AkSkSigner::sign(
        credentials.accessKey.toUtf8(), credentials.secretKey.toUtf8(), method, url,
        {{QByteArrayLiteral("Content-Type"), type}, {QByteArrayLiteral("X-Sdk-Date"), date}}, body);
    const QByteArray out = method + ' ' + url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority) +
                           " HTTP/1.1\r\nHost: " + AkSkSigner::hostHeader(url) + "\r\nContent-Type: " + type +
                           "\r\nX-Sdk-Date: " + date + "\r\nAuthorization: " + parts.authorization +
                           "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return exchange(quint16(url.port()), out);
}

// A request with the given line and extra header lines, a Host header and an optional body.
inline QByteArray rawRequest(const QByteArray& requestLine, const QByteArrayList& headerLines = {},
                             const QByteArray& body = {})
{
    QByteArray out = requestLine + "\r\nHost: 127.0.0.1\r\n";
    for (const QByteArray& line : headerLines)
        out += line + "\r\n";
    return out + "\r\n" + body;
}

// The connection ID a create answered with; empty when the body has none.
inline QString connectionIdOf(const RawResponse& r)
{
    return QJsonDocument::fromJson(r.body).object().value(QLatin1String("connection_id")).toString();
}

// The connection IDs in a sandbox --state file, in file order; empty if it cannot be read.
inline QStringList stateIds(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList ids;
    const QJsonArray list =
        QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("connections")).toArray();
    for (const QJsonValue& entry : list)
        ids.append(entry.toObject().value(QLatin1String("connection_id")).toString());
    return ids;
}

} // namespace das::test
