#include "AkSkSigner.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QTimeZone>
#include <QUrlQuery>

#include <algorithm>

namespace das {

namespace {

QByteArray sha256Hex(const QByteArray& data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray headerValue(const HeaderList& headers, const QByteArray& lowerName, bool* found)
{
    for (const auto& header : headers) {
        if (header.first.toLower() == lowerName) {
            *found = true;
            return header.second.trimmed();
        }
    }
    *found = false;
    return {};
}

} // namespace

QByteArray AkSkSigner::hostHeader(const QUrl& url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int port = url.port();
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    if (port != -1 && port != defaultPort)
        host += ':' + QByteArray::number(port);
    return host;
}

QByteArray AkSkSigner::canonicalUri(const QUrl& url)
{
    const QStringList segments = url.path(QUrl::FullyDecoded).split(u'/');
    QByteArrayList encoded;
    encoded.reserve(segments.size());
    for (const QString& segment : segments)
        encoded.append(QUrl::toPercentEncoding(segment));
    QByteArray uri = encoded.join('/');
    if (!uri.startsWith('/'))
        uri.prepend('/');
    if (!uri.endsWith('/'))
        uri.append('/');
    return uri;
}

QByteArray AkSkSigner::canonicalQuery(const QUrl& url)
{
    QList<QPair<QByteArray, QByteArray>> items;
    const auto pairs = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    items.reserve(pairs.size());
    for (const auto& pair : pairs)
        items.append({QUrl::toPercentEncoding(pair.first), QUrl::toPercentEncoding(pair.second)});
    std::sort(items.begin(), items.end());
    QByteArrayList joined;
    joined.reserve(items.size());
    for (const auto& item : items)
        joined.append(item.first + '=' + item.second);
    return joined.join('&');
}

QByteArray AkSkSigner::formatDate(const QDateTime& time)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QDateTime AkSkSigner::parseDate(const QByteArray& value)
{
    if (value.size() != 16 || value.at(8) != 'T' || value.at(15) != 'Z')
        return {};
    // Built in UTC from the digits: QDateTime::fromString() makes a local time first, which is refused in a
    // daylight-saving gap (an hour of valid signatures) and costs a time-zone lookup on every request.
    int d[14];
    int n = 0;
    for (qsizetype i = 0; i < 15; ++i) {
        if (i == 8)
            continue;
        const char c = value.at(i);
        if (c < '0' || c > '9')
            return {};
        d[n++] = c - '0';
    }
    const QDate date(d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3], d[4] * 10 + d[5], d[6] * 10 + d[7]);
    const QTime time(d[8] * 10 + d[9], d[10] * 10 + d[11], d[12] * 10 + d[13]);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, QTimeZone::utc());
}

AkSkSigner::Parts AkSkSigner::sign(const QByteArray& accessKey, const QByteArray& secretKey,
                                   const QByteArray& method, const QUrl& url, const HeaderList& headers,
                                   const QByteArray& body)
{
    HeaderList all = headers;
    bool hasHost = false;
    QByteArrayList names;
    for (const auto& header : headers) {
        const QByteArray name = header.first.toLower();
        hasHost = hasHost || name == "host";
        names.append(name);
    }
    if (!hasHost) {
        all.append({QByteArrayLiteral("Host"), hostHeader(url)});
        names.append(QByteArrayLiteral("host"));
    }
    return signSelected(accessKey, secretKey, method, url, all, names, body);
}

AkSkSigner::Parts AkSkSigner::signSelected(const QByteArray& accessKey, const QByteArray& secretKey,
                                           const QByteArray& method, const QUrl& url,
                                           const HeaderList& headers, const QByteArrayList& signedNames,
                                           const QByteArray& body)
{
    QByteArrayList names;
    for (const QByteArray& name : signedNames)
        names.append(name.toLower().trimmed());
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());

    QByteArray canonicalHeaders;
    for (const QByteArray& name : names) {
        bool found = false;
        const QByteArray value = headerValue(headers, name, &found);
        canonicalHeaders += name + ':' + value + '\n';
    }

    Parts parts;
    parts.signedHeaders = names.join(';');
    parts.canonicalRequest = method.toUpper() + '\n' + canonicalUri(url) + '\n' + canonicalQuery(url) + '\n' +
                             canonicalHeaders + '\n' + parts.signedHeaders + '\n' + sha256Hex(body);
    bool hasDate = false;
    const QByteArray date = headerValue(headers, "x-sdk-date", &hasDate);
    parts.stringToSign = QByteArray(Algorithm) + '\n' + date + '\n' + sha256Hex(parts.canonicalRequest);
    parts.signature =
        QMessageAuthenticationCode::hash(parts.stringToSign, secretKey, QCryptographicHash::Sha256).toHex();
    parts.authorization = QByteArray(Algorithm) + " Access=" + accessKey +
                          ", SignedHeaders=" + parts.signedHeaders + ", Signature=" + parts.signature;
    return parts;
}

bool AkSkSigner::parseAuthorization(const QByteArray& value, ParsedAuthorization* out)
{
    const QByteArray prefix = QByteArray(Algorithm) + ' ';
    if (!value.startsWith(prefix))
        return false;
    ParsedAuthorization parsed;
    const QByteArrayList fields = value.mid(prefix.size()).split(',');
    for (const QByteArray& raw : fields) {
        const QByteArray field = raw.trimmed();
        const int eq = field.indexOf('=');
        if (eq <= 0)
            return false;
        const QByteArray key = field.left(eq);
        const QByteArray val = field.mid(eq + 1);
        if (key == "Access")
            parsed.access = val;
        else if (key == "SignedHeaders")
            parsed.signedHeaders = val.split(';');
        else if (key == "Signature")
            parsed.signature = val;
    }
    if (parsed.access.isEmpty() || parsed.signedHeaders.isEmpty() || parsed.signature.isEmpty())
        return false;
    *out = parsed;
    return true;
}

} // namespace das
