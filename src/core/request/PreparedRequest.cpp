#include "PreparedRequest.h"

#include "Credentials.h"

namespace das {

namespace {

QByteArray maskedHeaderValue(const QByteArray& name, const QByteArray& value)
{
    const QByteArray lower = name.toLower();
    if (lower == "x-security-token" || lower == "x-auth-token")
        return PreparedRequest::Mask;
    if (lower == "authorization") {
        AkSkSigner::ParsedAuthorization parsed;
        if (!AkSkSigner::parseAuthorization(value, &parsed))
            return PreparedRequest::Mask;
        return QByteArray(AkSkSigner::Algorithm) + " Access=" + Credentials::maskAccessKey(parsed.access) +
               ", SignedHeaders=" + parsed.signedHeaders.join(';') + ", Signature=" + PreparedRequest::Mask;
    }
    return value;
}

QByteArray maskedBody(const PreparedRequest& r)
{
    QByteArray body = r.body;
    if (!r.maskedPasswordJson.isEmpty())
        body.replace(r.maskedPasswordJson,
                     QByteArray(QByteArray("\"password\":\"") + PreparedRequest::Mask + '"'));
    return body;
}

QString shellQuote(const QByteArray& text)
{
    QByteArray quoted = text;
    quoted.replace('\'', "'\\''");
    return QString::fromUtf8('\'' + quoted + '\'');
}

} // namespace

QByteArray PreparedRequest::header(const QByteArray& name) const
{
    for (const auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QString PreparedRequest::maskedText() const
{
    QByteArray out = method + ' ' + url.toEncoded() + '\n';
    for (const auto& h : headers)
        out += h.first + ": " + maskedHeaderValue(h.first, h.second) + '\n';
    out += '\n';
    out += maskedBody(*this);
    return QString::fromUtf8(out);
}

QString PreparedRequest::maskedCurl() const
{
    QString out =
        QStringLiteral("curl -X ") + QString::fromLatin1(method) + u' ' + shellQuote(url.toEncoded());
    for (const auto& h : headers) {
        if (h.first.compare("Host", Qt::CaseInsensitive) == 0)
            continue;
        out +=
            QStringLiteral(" \\\n  -H ") + shellQuote(h.first + ": " + maskedHeaderValue(h.first, h.second));
    }
    if (!body.isEmpty())
        out += QStringLiteral(" \\\n  --data-binary ") + shellQuote(maskedBody(*this));
    return out;
}

} // namespace das
