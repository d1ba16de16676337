#include "AkSkSigner.h"
#include "ConnectionRequest.h"
#include "Credentials.h"
#include "PreparedRequest.h"
#include "RequestBuilder.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <QtTest>

using das::AkSkSigner;
using das::ConnectionRequest;
using das::Credentials;
using das::HeaderList;
using das::PreparedRequest;
using das::RequestBuilder;

namespace {

const QString kProject = QStringLiteral("052041494800d57c2f02c00275b4c247");
const QString kInstance = QStringLiteral("bcfa975193f1402fa11a6d4fd6baf5fbin01");
const QString kAk = QStringLiteral("HPUAEXAMPLE4TZ0QW8LM");
const QString kSk = QStringLiteral("CANARY-sk-5521");
const QString kSecurityToken = QStringLiteral("CANARY-st-9913");
const QString kIamToken = QStringLiteral("CANARY-tok-4417");
const QString kPassword = QStringLiteral("CANARY-pw-7731");

QDateTime fixedNow()
{
    return QDateTime(QDate(2026, 11, 27), QTime(8, 9, 10), QTimeZone::utc());
}

QUrl endpoint()
{
    return QUrl(QStringLiteral("https://das.cn-north-4.myhuaweicloud.com"));
}

ConnectionRequest request(const QString& password = kPassword)
{
    ConnectionRequest r;
    r.projectId = kProject;
    r.instanceId = kInstance;
    r.engineType = QStringLiteral("mysql");
    r.networkType = QStringLiteral("rds");
    r.username = QStringLiteral("root");
    r.password = password;
    return r;
}

Credentials akSk()
{
    Credentials c;
    c.kind = Credentials::Kind::AkSk;
    c.accessKey = kAk;
    c.secretKey = kSk;
    return c;
}

Credentials temporary()
{
    Credentials c = akSk();
    c.kind = Credentials::Kind::TemporaryAkSk;
    c.securityToken = kSecurityToken;
    return c;
}

HeaderList withoutAuthorization(const HeaderList& headers)
{
    HeaderList out;
    for (const auto& h : headers) {
        if (h.first.compare("Authorization", Qt::CaseInsensitive) != 0)
            out.append(h);
    }
    return out;
}

int countHeader(const HeaderList& headers, const QByteArray& name)
{
    int n = 0;
    for (const auto& h : headers)
        n += h.first.compare(name, Qt::CaseInsensitive) == 0 ? 1 : 0;
    return n;
}

} // namespace

Q_DECLARE_METATYPE(das::Credentials)

class TestRequestBuilder : public QObject
{
    Q_OBJECT

private slots:
    void urlAndHeadersForAkSk();
    void authorizationMatchesSigner();
    void signatureVerifiesLikeTheSandbox();
    void temporaryCredentialsSignSecurityToken();
    void iamTokenHasNoSignature();
    void endpointBasePath_data();
    void endpointBasePath();
    void hostHeaderPort_data();
    void hostHeaderPort();
    void everyBuildUsesItsOwnDate();

    void maskedOutputHidesSecrets_data();
    void maskedOutputHidesSecrets();
    void maskedPasswordEqualToUsername();
    void maskedPasswordWithJsonEscapes_data();
    void maskedPasswordWithJsonEscapes();
};

void TestRequestBuilder::urlAndHeadersForAkSk()
{
    const PreparedRequest r = RequestBuilder::build(endpoint(), request(), akSk(), fixedNow());
    QCOMPARE(r.method, QByteArrayLiteral("POST"));
    QCOMPARE(r.url.toString(),
             QStringLiteral(
                 "https://das.cn-north-4.myhuaweicloud.com/v3/052041494800d57c2f02c00275b4c247/instances/"
                 "bcfa975193f1402fa11a6d4fd6baf5fbin01/create-connection"));
    QCOMPARE(r.body, request().toJsonBody());
    QCOMPARE(r.header("Content-Type"), QByteArrayLiteral("application/json;charset=UTF-8"));
    QCOMPARE(r.header("X-Project-Id"), kProject.toUtf8());
    QCOMPARE(r.header("X-Sdk-Date"), QByteArrayLiteral("20261127T080910Z"));
    QCOMPARE(r.header("Host"), QByteArrayLiteral("das.cn-north-4.myhuaweicloud.com"));
    QVERIFY2(r.header("Authorization").startsWith("SDK-HMAC-SHA256 Access=HPUAEXAMPLE4TZ0QW8LM, "),
             r.header("Authorization").constData());
    QVERIFY(r.header("X-Security-Token").isEmpty());
    QVERIFY(r.header("X-Auth-Token").isEmpty());
    for (const char* name : {"Content-Type", "X-Project-Id", "X-Sdk-Date", "Host", "Authorization"})
        QVERIFY2(countHeader(r.headers, name) == 1, name);
    // header() is case-insensitive
    QCOMPARE(r.header("x-sdk-date"), r.header("X-Sdk-Date"));
}

void TestRequestBuilder::authorizationMatchesSigner()
{
    const PreparedRequest r = RequestBuilder::build(endpoint(), request(), akSk(), fixedNow());
    const auto parts =
        AkSkSigner::sign(kAk.toUtf8(), kSk.toUtf8(), "POST", r.url, withoutAuthorization(r.headers), r.body);
    QCOMPARE(r.header("Authorization"), parts.authorization);
    QCOMPARE(parts.signedHeaders, QByteArrayLiteral("content-type;host;x-project-id;x-sdk-date"));
    QCOMPARE(parts.signature.size(), 64);
}

void TestRequestBuilder::signatureVerifiesLikeTheSandbox()
{
    const PreparedRequest r = RequestBuilder::build(endpoint(), request(), temporary(), fixedNow());
    AkSkSigner::ParsedAuthorization parsed;
    QVERIFY(AkSkSigner::parseAuthorization(r.header("Authorization"), &parsed));
    QCOMPARE(parsed.access, kAk.toUtf8());
    const auto verified = AkSkSigner::signSelected(parsed.access, kSk.toUtf8(), r.method, r.url, r.headers,
                                                   parsed.signedHeaders, r.body);
    QCOMPARE(verified.signature, parsed.signature);
    // The date the verifier sees is the one that was signed.
    QCOMPARE(AkSkSigner::parseDate(r.header("X-Sdk-Date")), fixedNow());
}

void TestRequestBuilder::temporaryCredentialsSignSecurityToken()
{
    const PreparedRequest r = RequestBuilder::build(endpoint(), request(), temporary(), fixedNow());
    QCOMPARE(r.header("X-Security-Token"), kSecurityToken.toUtf8());
    AkSkSigner::ParsedAuthorization parsed;
    QVERIFY(AkSkSigner::parseAuthorization(r.header("Authorization"), &parsed));
    QVERIFY2(parsed.signedHeaders.contains("x-security-token"), parsed.signedHeaders.join(';').constData());
    QCOMPARE(parsed.signedHeaders.join(';'),
             QByteArrayLiteral("content-type;host;x-project-id;x-sdk-date;x-security-token"));

    const auto parts =
        AkSkSigner::sign(kAk.toUtf8(), kSk.toUtf8(), "POST", r.url, withoutAuthorization(r.headers), r.body);
    QCOMPARE(r.header("Authorization"), parts.authorization);

    // The token is part of the signature: a different token gives a different signature.
    Credentials other = temporary();
    other.securityToken = QStringLiteral("another-token");
    const PreparedRequest r2 = RequestBuilder::build(endpoint(), request(), other, fixedNow());
    QVERIFY(r2.header("Authorization") != r.header("Authorization"));
}

void TestRequestBuilder::iamTokenHasNoSignature()
{
    const PreparedRequest r =
        RequestBuilder::build(endpoint(), request(), Credentials::token(kIamToken), fixedNow());
    QCOMPARE(r.header("X-Auth-Token"), kIamToken.toUtf8());
    QCOMPARE(countHeader(r.headers, "Authorization"), 0);
    QCOMPARE(countHeader(r.headers, "X-Security-Token"), 0);
    QCOMPARE(r.header("X-Project-Id"), kProject.toUtf8());
    QCOMPARE(r.header("Content-Type"), QByteArrayLiteral("application/json;charset=UTF-8"));
    QCOMPARE(r.header("Host"), QByteArrayLiteral("das.cn-north-4.myhuaweicloud.com"));
    QVERIFY(r.url.path().endsWith(QStringLiteral("/create-connection")));
    QCOMPARE(r.body, request().toJsonBody());
}

void TestRequestBuilder::endpointBasePath_data()
{
    QTest::addColumn<QUrl>("endpoint");
    QTest::addColumn<QString>("expectedPath");
    const QString suffix = QStringLiteral("/v3/") + kProject + QStringLiteral("/instances/") + kInstance +
                           QStringLiteral("/create-connection");
    QTest::newRow("no path") << QUrl(QStringLiteral("https://proxy.example.com")) << suffix;
    QTest::newRow("root slash") << QUrl(QStringLiteral("https://proxy.example.com/")) << suffix;
    QTest::newRow("base path") << QUrl(QStringLiteral("https://proxy.example.com/das"))
                               << QString(QStringLiteral("/das") + suffix);
    QTest::newRow("base path trailing slash")
        << QUrl(QStringLiteral("https://proxy.example.com/das/")) << QString(QStringLiteral("/das") + suffix);
    QTest::newRow("deep base path") << QUrl(QStringLiteral("https://proxy.example.com/a/b"))
                                    << QString(QStringLiteral("/a/b") + suffix);
}

void TestRequestBuilder::endpointBasePath()
{
    QFETCH(QUrl, endpoint);
    QFETCH(QString, expectedPath);
    const PreparedRequest r = RequestBuilder::build(endpoint, request(), akSk(), fixedNow());
    QCOMPARE(r.url.path(), expectedPath);
    QCOMPARE(r.url.host(), QStringLiteral("proxy.example.com"));
    QCOMPARE(r.url.scheme(), QStringLiteral("https"));
    QVERIFY(!r.url.hasQuery());

    // The signature covers the base path too.
    const auto parts =
        AkSkSigner::sign(kAk.toUtf8(), kSk.toUtf8(), "POST", r.url, withoutAuthorization(r.headers), r.body);
    QCOMPARE(r.header("Authorization"), parts.authorization);
    QVERIFY(parts.canonicalRequest.contains(QByteArray(expectedPath.toUtf8() + "/\n")));
}

void TestRequestBuilder::hostHeaderPort_data()
{
    QTest::addColumn<QUrl>("endpoint");
    QTest::addColumn<QByteArray>("host");
    QTest::newRow("https 8443") << QUrl(QStringLiteral("https://proxy.example.com:8443"))
                                << QByteArrayLiteral("proxy.example.com:8443");
    QTest::newRow("https 443") << QUrl(QStringLiteral("https://proxy.example.com:443"))
                               << QByteArrayLiteral("proxy.example.com");
    QTest::newRow("http loopback 8080")
        << QUrl(QStringLiteral("http://127.0.0.1:8080")) << QByteArrayLiteral("127.0.0.1:8080");
    QTest::newRow("http ipv6 loopback")
        << QUrl(QStringLiteral("http://[::1]:9")) << QByteArrayLiteral("[::1]:9");
}

void TestRequestBuilder::hostHeaderPort()
{
    QFETCH(QUrl, endpoint);
    QFETCH(QByteArray, host);
    const PreparedRequest r = RequestBuilder::build(endpoint, request(), akSk(), fixedNow());
    QCOMPARE(r.header("Host"), host);
    QCOMPARE(r.url.port(), endpoint.port());
    const PreparedRequest t =
        RequestBuilder::build(endpoint, request(), Credentials::token(kIamToken), fixedNow());
    QCOMPARE(t.header("Host"), host);
}

void TestRequestBuilder::everyBuildUsesItsOwnDate()
{
    const PreparedRequest a = RequestBuilder::build(endpoint(), request(), akSk(), fixedNow());
    const PreparedRequest b = RequestBuilder::build(endpoint(), request(), akSk(), fixedNow().addSecs(1));
    QCOMPARE(b.header("X-Sdk-Date"), QByteArrayLiteral("20261127T080911Z"));
    QVERIFY(a.header("Authorization") != b.header("Authorization"));
    const PreparedRequest c = RequestBuilder::build(endpoint(), request(), akSk(), fixedNow());
    QCOMPARE(c.header("Authorization"), a.header("Authorization"));
}

void TestRequestBuilder::maskedOutputHidesSecrets_data()
{
    QTest::addColumn<Credentials>("credentials");
    QTest::newRow("ak/sk") << akSk();
    QTest::newRow("temporary ak/sk") << temporary();
    QTest::newRow("iam token") << Credentials::token(kIamToken);
}

void TestRequestBuilder::maskedOutputHidesSecrets()
{
    QFETCH(Credentials, credentials);
    ConnectionRequest req = request();
    req.remarks = QStringLiteral("生产库 onboarding");
    req.port = QStringLiteral("3306");
    const PreparedRequest r = RequestBuilder::build(endpoint(), req, credentials, fixedNow());
    QVERIFY(r.body.contains(kPassword.toUtf8())); // the real body still carries the password

    AkSkSigner::ParsedAuthorization parsed;
    const bool signedRequest = AkSkSigner::parseAuthorization(r.header("Authorization"), &parsed);
    QCOMPARE(signedRequest, credentials.kind != Credentials::Kind::IamToken);

    const QString text = r.maskedText();
    const QString curl = r.maskedCurl();
    const QString url = QString::fromLatin1(r.url.toEncoded());
    for (const QString& output : {text, curl}) {
        for (const QString& secret : {kPassword, kSk, kSecurityToken, kIamToken})
            QVERIFY2(!output.contains(secret), qPrintable(secret + QStringLiteral(" leaked in:\n") + output));
        QVERIFY2(!output.contains(QStringLiteral("CANARY")), qPrintable(output));
        QVERIFY2(output.contains(QLatin1String(PreparedRequest::Mask)), qPrintable(output));
        QVERIFY2(output.contains(url), qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("\"username\":\"root\"")), qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("\"engine_type\":\"mysql\"")), qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("\"password\":\"********\"")), qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("\"port\":3306")), qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("生产库 onboarding")), qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("X-Project-Id: ") + kProject), qPrintable(output));
        if (signedRequest) {
            QVERIFY2(!output.contains(QString::fromLatin1(parsed.signature)), qPrintable(output));
            QVERIFY2(output.contains(QStringLiteral("SignedHeaders=") +
                                     QString::fromLatin1(parsed.signedHeaders.join(';'))),
                     qPrintable(output));
            QVERIFY2(output.contains(QStringLiteral("X-Sdk-Date: 20261127T080910Z")), qPrintable(output));
            QVERIFY2(!output.contains(kAk), qPrintable(output)); // access key shown only partially
        }
    }
    QVERIFY(text.startsWith(QStringLiteral("POST ") + url + u'\n'));
    QVERIFY(curl.startsWith(QStringLiteral("curl -X POST '") + url + u'\''));
    QVERIFY(curl.contains(QStringLiteral("--data-binary")));
}

void TestRequestBuilder::maskedPasswordEqualToUsername()
{
    const PreparedRequest r =
        RequestBuilder::build(endpoint(), request(QStringLiteral("root")), akSk(), fixedNow());
    for (const QString& output : {r.maskedText(), r.maskedCurl()}) {
        QVERIFY2(output.contains(QStringLiteral("\"username\":\"root\"")), qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("\"password\":\"********\"")), qPrintable(output));
        QVERIFY2(!output.contains(QStringLiteral("\"password\":\"root\"")), qPrintable(output));
        QVERIFY2(!output.contains(QStringLiteral("\"username\":\"********\"")), qPrintable(output));
    }
}

void TestRequestBuilder::maskedPasswordWithJsonEscapes_data()
{
    QTest::addColumn<QString>("password");
    QTest::newRow("quote and backslash") << QStringLiteral("CANARY\"pw\\77");
    QTest::newRow("single quote") << QStringLiteral("CANARY'pw'77");
    QTest::newRow("slash") << QStringLiteral("CANARY/pw/77");
    QTest::newRow("unicode") << QStringLiteral("CANARY-密码-ä");
    QTest::newRow("looks like json") << QStringLiteral("CANARY\",\"username\":\"x");
}

void TestRequestBuilder::maskedPasswordWithJsonEscapes()
{
    QFETCH(QString, password);
    const PreparedRequest r = RequestBuilder::build(endpoint(), request(password), akSk(), fixedNow());
    QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QLatin1String("password")).toString(), password);
    for (const QString& output : {r.maskedText(), r.maskedCurl()}) {
        QVERIFY2(!output.contains(QStringLiteral("CANARY")), qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("\"password\":\"********\"")), qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("\"username\":\"root\"")), qPrintable(output));
    }
}

QTEST_GUILESS_MAIN(TestRequestBuilder)
#include "tst_requestbuilder.moc"
