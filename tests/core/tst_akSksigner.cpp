#include "AkSkSigner.h"
#include "RequestBuilder.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <QUrlQuery>
#include <QtTest>

#include <ctime>

#include <algorithm>

using das::AkSkSigner;
using das::HeaderList;

namespace {

const QByteArray kAk = QByteArrayLiteral("HPUAEXAMPLE4TZ0QW8LM");
const QByteArray kSk = QByteArrayLiteral("ExampleSecretKey0123456789abcdefghijKLMN");
const QByteArray kDate = QByteArrayLiteral("20261127T080910Z");

QJsonArray loadVectors(QString* error)
{
    QFile file(QStringLiteral(DAS_TEST_DATA_DIR "/signing-vectors.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = parseError.errorString();
        return {};
    }
    return doc.object().value(QLatin1String("vectors")).toArray();
}

HeaderList headersFrom(const QJsonObject& object)
{
    HeaderList headers;
    for (auto it = object.begin(); it != object.end(); ++it)
        headers.append({it.key().toUtf8(), it.value().toString().toUtf8()});
    return headers;
}

QUrl sampleUrl()
{
    return QUrl(QStringLiteral("https://das.cn-north-4.myhuaweicloud.com/v3/052041494800d57c2f02c00275b4c247/"
                               "instances/bcfa975193f1402fa11a6d4fd6baf5fbin01/create-connection"));
}

HeaderList sampleHeaders()
{
    return {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json;charset=UTF-8")},
            {QByteArrayLiteral("X-Project-Id"), QByteArrayLiteral("052041494800d57c2f02c00275b4c247")},
            {QByteArrayLiteral("X-Sdk-Date"), kDate}};
}

const QByteArray kSampleBody =
    QByteArrayLiteral("{\"engine_type\":\"mysql\",\"network_type\":\"rds\",\"username\":"
                      "\"root\",\"is_save_password\":false,\"password\":\"Gauss_2345\"}");

} // namespace

class TestAkSkSigner : public QObject
{
    Q_OBJECT

private slots:
    void vectorFileHasEnoughVectors();
    void vectors_data();
    void vectors();
    void headerOrderAndCaseDoNotMatter();

    void formatDate_data();
    void formatDate();
    void parseDateRoundTrip();
    void parseDateRejectsMalformed_data();
    void parseDateRejectsMalformed();
    void canonicalUri_data();
    void canonicalUri();
    void canonicalQuery();
    void hostHeader_data();
    void hostHeader();

    void parseAuthorizationValid();
    void parseAuthorizationRejectsGarbage_data();
    void parseAuthorizationRejectsGarbage();

    void changesChangeTheSignature_data();
    void changesChangeTheSignature();
    void signSelectedReproducesSignature();
    void signSelectedIgnoresUnsignedHeaders();
    void callBuilderReproducesGetAndDeleteVectors();
};

void TestAkSkSigner::vectorFileHasEnoughVectors()
{
    QString error;
    const QJsonArray vectors = loadVectors(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(vectors.size() >= 10, qPrintable(QString::number(vectors.size())));
    for (const QJsonValue& value : vectors) {
        const QJsonObject v = value.toObject();
        for (const char* key : {"name", "ak", "sk", "method", "url", "body", "body_sha256"})
            QVERIFY2(v.value(QLatin1String(key)).isString(), key);
        QVERIFY(v.value(QLatin1String("headers")).isObject());
        const QJsonObject expected = v.value(QLatin1String("expected")).toObject();
        for (const char* key : {"canonical_request", "string_to_sign", "authorization"})
            QVERIFY2(!expected.value(QLatin1String(key)).toString().isEmpty(), key);
    }
}

void TestAkSkSigner::vectors_data()
{
    QTest::addColumn<QByteArray>("ak");
    QTest::addColumn<QByteArray>("sk");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QJsonObject>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("bodySha256");
    QTest::addColumn<QByteArray>("canonicalRequest");
    QTest::addColumn<QByteArray>("stringToSign");
    QTest::addColumn<QByteArray>("authorization");

    QString error;
    const QJsonArray vectors = loadVectors(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!vectors.isEmpty());
    for (const QJsonValue& value : vectors) {
        const QJsonObject v = value.toObject();
        const QJsonObject expected = v.value(QLatin1String("expected")).toObject();
        const QByteArray name = v.value(QLatin1String("name")).toString().toUtf8();
        QTest::newRow(name.constData())
            << v.value(QLatin1String("ak")).toString().toUtf8()
            << v.value(QLatin1String("sk")).toString().toUtf8()
            << v.value(QLatin1String("method")).toString().toUtf8()
            << v.value(QLatin1String("url")).toString() << v.value(QLatin1String("headers")).toObject()
            << v.value(QLatin1String("body")).toString().toUtf8()
            << v.value(QLatin1String("body_sha256")).toString().toLatin1()
            << expected.value(QLatin1String("canonical_request")).toString().toUtf8()
            << expected.value(QLatin1String("string_to_sign")).toString().toUtf8()
            << expected.value(QLatin1String("authorization")).toString().toUtf8();
    }
}

void TestAkSkSigner::vectors()
{
    QFETCH(QByteArray, ak);
    QFETCH(QByteArray, sk);
    QFETCH(QByteArray, method);
    QFETCH(QString, url);
    QFETCH(QJsonObject, headers);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, bodySha256);
    QFETCH(QByteArray, canonicalRequest);
    QFETCH(QByteArray, stringToSign);
    QFETCH(QByteArray, authorization);

    QCOMPARE(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex(), bodySha256);

    const QUrl parsedUrl(url);
    QVERIFY(parsedUrl.isValid());
    const AkSkSigner::Parts parts = AkSkSigner::sign(ak, sk, method, parsedUrl, headersFrom(headers), body);
    QCOMPARE(parts.canonicalRequest, canonicalRequest);
    QCOMPARE(parts.stringToSign, stringToSign);
    QCOMPARE(parts.authorization, authorization);
    QVERIFY(authorization.endsWith(QByteArray("Signature=" + parts.signature)));
    QVERIFY(authorization.contains(QByteArray("SignedHeaders=" + parts.signedHeaders + ',')));
}

void TestAkSkSigner::headerOrderAndCaseDoNotMatter()
{
    const auto reference = AkSkSigner::sign(kAk, kSk, "POST", sampleUrl(), sampleHeaders(), kSampleBody);

    HeaderList reversed = sampleHeaders();
    std::reverse(reversed.begin(), reversed.end());
    QCOMPARE(AkSkSigner::sign(kAk, kSk, "POST", sampleUrl(), reversed, kSampleBody).authorization,
             reference.authorization);

    HeaderList lower;
    for (const auto& h : sampleHeaders())
        lower.append({h.first.toLower(), h.second});
    QCOMPARE(AkSkSigner::sign(kAk, kSk, "POST", sampleUrl(), lower, kSampleBody).authorization,
             reference.authorization);

    HeaderList withHost = sampleHeaders();
    withHost.prepend({QByteArrayLiteral("Host"), QByteArrayLiteral("das.cn-north-4.myhuaweicloud.com")});
    QCOMPARE(AkSkSigner::sign(kAk, kSk, "POST", sampleUrl(), withHost, kSampleBody).authorization,
             reference.authorization);

    QCOMPARE(AkSkSigner::sign(kAk, kSk, "post", sampleUrl(), sampleHeaders(), kSampleBody).authorization,
             reference.authorization);
}

void TestAkSkSigner::formatDate_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("utc") << QDateTime(QDate(2026, 11, 27), QTime(8, 9, 10), QTimeZone::utc())
                         << QByteArrayLiteral("20261127T080910Z");
    QTest::newRow("utc+8 converted") << QDateTime(QDate(2026, 11, 27), QTime(16, 9, 10), QTimeZone(8 * 3600))
                                     << QByteArrayLiteral("20261127T080910Z");
    QTest::newRow("utc-5 crosses midnight")
        << QDateTime(QDate(2026, 12, 31), QTime(22, 0, 0), QTimeZone(-5 * 3600))
        << QByteArrayLiteral("20270101T030000Z");
    QTest::newRow("milliseconds dropped")
        << QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 999), QTimeZone::utc())
        << QByteArrayLiteral("20260102T030405Z");
}

void TestAkSkSigner::formatDate()
{
    QFETCH(QDateTime, time);
    QFETCH(QByteArray, expected);
    QCOMPARE(AkSkSigner::formatDate(time), expected);
}

void TestAkSkSigner::parseDateRoundTrip()
{
    const QDateTime time(QDate(2026, 11, 27), QTime(8, 9, 10), QTimeZone::utc());
    const QByteArray text = AkSkSigner::formatDate(time);
    const QDateTime parsed = AkSkSigner::parseDate(text);
    QVERIFY(parsed.isValid());
    QCOMPARE(parsed.toSecsSinceEpoch(), time.toSecsSinceEpoch());
    QCOMPARE(parsed.toUTC().time(), QTime(8, 9, 10));
    QCOMPARE(AkSkSigner::formatDate(parsed), text);

    const QDateTime leap = AkSkSigner::parseDate("20280229T235959Z");
    QVERIFY(leap.isValid());
    QCOMPARE(leap.toUTC(), QDateTime(QDate(2028, 2, 29), QTime(23, 59, 59), QTimeZone::utc()));

    // 02:30 does not exist in Berlin on 2027-03-28 (clocks jump to 03:00), but the text is UTC: a parse that
    // goes through local time refused an hour of valid signatures there.
    const QByteArray zone = qgetenv("TZ");
    qputenv("TZ", "Europe/Berlin");
    ::tzset();
    const QDateTime gap = AkSkSigner::parseDate("20270328T023000Z");
    zone.isNull() ? qunsetenv("TZ") : qputenv("TZ", zone);
    ::tzset();
    QVERIFY(gap.isValid());
    QCOMPARE(gap.toUTC(), QDateTime(QDate(2027, 3, 28), QTime(2, 30), QTimeZone::utc()));
}

void TestAkSkSigner::parseDateRejectsMalformed_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("missing Z") << QByteArrayLiteral("20261127T080910");
    QTest::newRow("ISO 8601 extended") << QByteArrayLiteral("2026-11-27T08:09:10Z");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("lowercase t") << QByteArrayLiteral("20261127t080910Z");
    QTest::newRow("month 13") << QByteArrayLiteral("20261327T080910Z");
    QTest::newRow("hour 24") << QByteArrayLiteral("20261127T240910Z");
    QTest::newRow("Feb 30") << QByteArrayLiteral("20260230T080910Z");
    QTest::newRow("letters") << QByteArrayLiteral("2026112xT080910Z");
    QTest::newRow("RFC 7231") << QByteArrayLiteral("Fri, 27 Nov 2026 08:09:10 GMT");
}

void TestAkSkSigner::parseDateRejectsMalformed()
{
    QFETCH(QByteArray, text);
    QVERIFY2(!AkSkSigner::parseDate(text).isValid(), text.constData());
}

void TestAkSkSigner::canonicalUri_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("adds trailing slash") << QUrl(QStringLiteral("https://h.example.com/v3/p/instances/i"))
                                         << QByteArrayLiteral("/v3/p/instances/i/");
    QTest::newRow("keeps trailing slash")
        << QUrl(QStringLiteral("https://h.example.com/v3/p/")) << QByteArrayLiteral("/v3/p/");
    QTest::newRow("empty path") << QUrl(QStringLiteral("https://h.example.com")) << QByteArrayLiteral("/");
    QTest::newRow("space in segment")
        << QUrl(QStringLiteral("https://h.example.com/a b/c")) << QByteArrayLiteral("/a%20b/c/");
    QTest::newRow("encoded space in segment")
        << QUrl(QStringLiteral("https://h.example.com/a%20b/c")) << QByteArrayLiteral("/a%20b/c/");
    QTest::newRow("unreserved kept") << QUrl(QStringLiteral("https://h.example.com/a-b_c.d~e"))
                                     << QByteArrayLiteral("/a-b_c.d~e/");
    QTest::newRow("non-ASCII encoded")
        << QUrl(QStringLiteral("https://h.example.com/caf\u00e9")) << QByteArrayLiteral("/caf%C3%A9/");
    QTest::newRow("query ignored") << QUrl(QStringLiteral("https://h.example.com/x?a=b"))
                                   << QByteArrayLiteral("/x/");
}

void TestAkSkSigner::canonicalUri()
{
    QFETCH(QUrl, url);
    QFETCH(QByteArray, expected);
    QCOMPARE(AkSkSigner::canonicalUri(url), expected);
}

void TestAkSkSigner::canonicalQuery()
{
    QCOMPARE(AkSkSigner::canonicalQuery(QUrl(QStringLiteral("https://h.example.com/x"))), QByteArray());
    QCOMPARE(AkSkSigner::canonicalQuery(QUrl(QStringLiteral("https://h.example.com/x?b=2&a=1&a=0"))),
             QByteArrayLiteral("a=0&a=1&b=2"));
    QCOMPARE(AkSkSigner::canonicalQuery(QUrl(QStringLiteral("https://h.example.com/x?k=my%20sql%26x"))),
             QByteArrayLiteral("k=my%20sql%26x"));
}

void TestAkSkSigner::hostHeader_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("https default port")
        << QUrl(QStringLiteral("https://das.example.com/x")) << QByteArrayLiteral("das.example.com");
    QTest::newRow("https explicit 443")
        << QUrl(QStringLiteral("https://das.example.com:443/x")) << QByteArrayLiteral("das.example.com");
    QTest::newRow("https 8443") << QUrl(QStringLiteral("https://127.0.0.1:8443/x"))
                                << QByteArrayLiteral("127.0.0.1:8443");
    QTest::newRow("http 80") << QUrl(QStringLiteral("http://localhost:80/x"))
                             << QByteArrayLiteral("localhost");
    QTest::newRow("http 8080") << QUrl(QStringLiteral("http://localhost:8080/x"))
                               << QByteArrayLiteral("localhost:8080");
    QTest::newRow("ipv6") << QUrl(QStringLiteral("http://[::1]:9/x")) << QByteArrayLiteral("[::1]:9");
}

void TestAkSkSigner::hostHeader()
{
    QFETCH(QUrl, url);
    QFETCH(QByteArray, expected);
    QCOMPARE(AkSkSigner::hostHeader(url), expected);
}

void TestAkSkSigner::parseAuthorizationValid()
{
    AkSkSigner::ParsedAuthorization parsed;
    QVERIFY(AkSkSigner::parseAuthorization(
        "SDK-HMAC-SHA256 Access=HPUAEXAMPLE4TZ0QW8LM, SignedHeaders=content-type;host;x-sdk-date, "
        "Signature=284b59abc4533fade5aab659f0280c71772c591516723a6f9308978d2cfe5da5",
        &parsed));
    QCOMPARE(parsed.access, QByteArrayLiteral("HPUAEXAMPLE4TZ0QW8LM"));
    QCOMPARE(parsed.signedHeaders, (QByteArrayList{"content-type", "host", "x-sdk-date"}));
    QCOMPARE(parsed.signature,
             QByteArrayLiteral("284b59abc4533fade5aab659f0280c71772c591516723a6f9308978d2cfe5da5"));

    // What sign() produces must parse back to the same parts.
    const auto parts = AkSkSigner::sign(kAk, kSk, "POST", sampleUrl(), sampleHeaders(), kSampleBody);
    AkSkSigner::ParsedAuthorization own;
    QVERIFY(AkSkSigner::parseAuthorization(parts.authorization, &own));
    QCOMPARE(own.access, kAk);
    QCOMPARE(own.signedHeaders.join(';'), parts.signedHeaders);
    QCOMPARE(own.signature, parts.signature);
}

void TestAkSkSigner::parseAuthorizationRejectsGarbage_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("bearer") << QByteArrayLiteral("Bearer abc.def.ghi");
    QTest::newRow("other algorithm") << QByteArrayLiteral(
        "AWS4-HMAC-SHA256 Access=A, SignedHeaders=host, Signature=abc");
    QTest::newRow("algorithm only") << QByteArrayLiteral("SDK-HMAC-SHA256 ");
    QTest::newRow("no equals") << QByteArrayLiteral("SDK-HMAC-SHA256 garbage");
    QTest::newRow("missing signature") << QByteArrayLiteral("SDK-HMAC-SHA256 Access=A, SignedHeaders=host");
    QTest::newRow("missing access") << QByteArrayLiteral("SDK-HMAC-SHA256 SignedHeaders=host, Signature=abc");
    QTest::newRow("empty access") << QByteArrayLiteral(
        "SDK-HMAC-SHA256 Access=, SignedHeaders=host, Signature=abc");
    QTest::newRow("empty key") << QByteArrayLiteral(
        "SDK-HMAC-SHA256 =x, Access=A, SignedHeaders=host, Signature=a");
}

void TestAkSkSigner::parseAuthorizationRejectsGarbage()
{
    QFETCH(QByteArray, value);
    AkSkSigner::ParsedAuthorization parsed;
    parsed.access = "untouched";
    QVERIFY(!AkSkSigner::parseAuthorization(value, &parsed));
    QCOMPARE(parsed.access, QByteArrayLiteral("untouched"));
}

void TestAkSkSigner::changesChangeTheSignature_data()
{
    QTest::addColumn<QByteArray>("sk");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QByteArray>("date");
    QTest::addColumn<QByteArray>("body");

    QByteArray oneByteBody = kSampleBody;
    oneByteBody[oneByteBody.size() - 3] = '6'; // ..._2346"}
    QByteArray oneByteSk = kSk;
    oneByteSk[oneByteSk.size() - 1] = 'n';

    QTest::newRow("body one byte") << kSk << QByteArrayLiteral("POST") << sampleUrl() << kDate << oneByteBody;
    QTest::newRow("body trailing newline")
        << kSk << QByteArrayLiteral("POST") << sampleUrl() << kDate << QByteArray(kSampleBody + '\n');
    QTest::newRow("sk one byte") << oneByteSk << QByteArrayLiteral("POST") << sampleUrl() << kDate
                                 << kSampleBody;
    QTest::newRow("method") << kSk << QByteArrayLiteral("PUT") << sampleUrl() << kDate << kSampleBody;
    QTest::newRow("date one second") << kSk << QByteArrayLiteral("POST") << sampleUrl()
                                     << QByteArrayLiteral("20261127T080911Z") << kSampleBody;
    QTest::newRow("path") << kSk << QByteArrayLiteral("POST")
                          << QUrl(sampleUrl().toString().replace(QStringLiteral("in01"),
                                                                 QStringLiteral("in02")))
                          << kDate << kSampleBody;
    QTest::newRow("host") << kSk << QByteArrayLiteral("POST")
                          << QUrl(sampleUrl().toString().replace(QStringLiteral("cn-north-4"),
                                                                 QStringLiteral("cn-north-1")))
                          << kDate << kSampleBody;
}

void TestAkSkSigner::changesChangeTheSignature()
{
    QFETCH(QByteArray, sk);
    QFETCH(QByteArray, method);
    QFETCH(QUrl, url);
    QFETCH(QByteArray, date);
    QFETCH(QByteArray, body);

    const auto reference = AkSkSigner::sign(kAk, kSk, "POST", sampleUrl(), sampleHeaders(), kSampleBody);
    HeaderList headers = sampleHeaders();
    headers.last().second = date;
    const auto changed = AkSkSigner::sign(kAk, sk, method, url, headers, body);
    QCOMPARE(changed.signature.size(), 64);
    QVERIFY(changed.signature != reference.signature);
    QVERIFY(changed.authorization != reference.authorization);
}

void TestAkSkSigner::signSelectedReproducesSignature()
{
    // The sandbox verifier receives all headers (Host included), parses Authorization and re-signs.
    const auto sent = AkSkSigner::sign(kAk, kSk, "POST", sampleUrl(), sampleHeaders(), kSampleBody);
    AkSkSigner::ParsedAuthorization parsed;
    QVERIFY(AkSkSigner::parseAuthorization(sent.authorization, &parsed));
    QCOMPARE(parsed.signedHeaders, (QByteArrayList{"content-type", "host", "x-project-id", "x-sdk-date"}));

    HeaderList received = sampleHeaders();
    received.append({QByteArrayLiteral("Host"), AkSkSigner::hostHeader(sampleUrl())});
    received.append({QByteArrayLiteral("Authorization"), sent.authorization});
    const auto verified = AkSkSigner::signSelected(parsed.access, kSk, "POST", sampleUrl(), received,
                                                   parsed.signedHeaders, kSampleBody);
    QCOMPARE(verified.signature, parsed.signature);
    QCOMPARE(verified.authorization, sent.authorization);
    QCOMPARE(verified.canonicalRequest, sent.canonicalRequest);

    // A verifier with a different SK or a tampered body must not reproduce it.
    QVERIFY(AkSkSigner::signSelected(parsed.access, kSk + 'x', "POST", sampleUrl(), received,
                                     parsed.signedHeaders, kSampleBody)
                .signature != parsed.signature);
    QVERIFY(AkSkSigner::signSelected(parsed.access, kSk, "POST", sampleUrl(), received, parsed.signedHeaders,
                                     QByteArray(kSampleBody + ' '))
                .signature != parsed.signature);
}

void TestAkSkSigner::signSelectedIgnoresUnsignedHeaders()
{
    const auto sent = AkSkSigner::sign(kAk, kSk, "POST", sampleUrl(), sampleHeaders(), kSampleBody);
    AkSkSigner::ParsedAuthorization parsed;
    QVERIFY(AkSkSigner::parseAuthorization(sent.authorization, &parsed));

    // Proxies add headers; header names arrive in any case and order; values may carry padding.
    HeaderList received{
        {QByteArrayLiteral("user-agent"), QByteArrayLiteral("curl/8.0")},
        {QByteArrayLiteral("X-SDK-DATE"), kDate},
        {QByteArrayLiteral("host"), QByteArrayLiteral("das.cn-north-4.myhuaweicloud.com")},
        {QByteArrayLiteral("content-type"), QByteArrayLiteral(" application/json;charset=UTF-8 ")},
        {QByteArrayLiteral("Via"), QByteArrayLiteral("1.1 proxy")},
        {QByteArrayLiteral("x-project-id"), QByteArrayLiteral("052041494800d57c2f02c00275b4c247")}};
    const auto verified = AkSkSigner::signSelected(parsed.access, kSk, "POST", sampleUrl(), received,
                                                   parsed.signedHeaders, kSampleBody);
    QCOMPARE(verified.signature, parsed.signature);

    // Changing a signed header value breaks it.
    received[5].second = "052041494800d57c2f02c00275b4c248";
    QVERIFY(AkSkSigner::signSelected(parsed.access, kSk, "POST", sampleUrl(), received, parsed.signedHeaders,
                                     kSampleBody)
                .signature != parsed.signature);
}

// RequestBuilder::buildCall, given each GET or DELETE vector's path, query (in the vector's own, unsorted
// order), extra headers and body, must put the vector's Authorization on the wire byte for byte.
void TestAkSkSigner::callBuilderReproducesGetAndDeleteVectors()
{
    QString error;
    const QJsonArray vectors = loadVectors(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    int checked = 0;
    for (const QJsonValue& value : vectors) {
        const QJsonObject v = value.toObject();
        const QByteArray method = v.value(QLatin1String("method")).toString().toLatin1();
        if (method != "GET" && method != "DELETE")
            continue;
        const QUrl url(v.value(QLatin1String("url")).toString());
        QUrl endpoint = url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery);
        das::ApiRequest read;
        read.pathSegments = url.path(QUrl::FullyDecoded).split(u'/', Qt::SkipEmptyParts);
        read.query = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
        read.method = method;
        read.body = v.value(QLatin1String("body")).toString().toUtf8();
        QDateTime now;
        const QJsonObject headers = v.value(QLatin1String("headers")).toObject();
        for (auto it = headers.begin(); it != headers.end(); ++it) {
            if (it.key() == QLatin1String(das::AkSkSigner::DateHeader))
                now = das::AkSkSigner::parseDate(it.value().toString().toLatin1());
            else
                read.extraHeaders.append({it.key().toUtf8(), it.value().toString().toUtf8()});
        }
        QVERIFY(now.isValid());
        das::Credentials credentials;
        credentials.accessKey = v.value(QLatin1String("ak")).toString();
        credentials.secretKey = v.value(QLatin1String("sk")).toString();
        const das::PreparedRequest built = das::RequestBuilder::buildCall(endpoint, read, credentials, now);
        const QByteArray expected = v.value(QLatin1String("expected"))
                                        .toObject()
                                        .value(QLatin1String("authorization"))
                                        .toString()
                                        .toUtf8();
        QCOMPARE(built.header("Authorization"), expected);
        QCOMPARE(built.method, method);
        QCOMPARE(built.body, read.body);
        // The wire URL carries the same query, in the order given.
        QCOMPARE(QUrlQuery(built.url).queryItems(QUrl::FullyDecoded), read.query);
        ++checked;
    }
    QVERIFY2(checked >= 5, qPrintable(QString::number(checked)));
}

QTEST_GUILESS_MAIN(TestAkSkSigner)
#include "tst_akSksigner.moc"
