#include "CreateResult.h"
#include "ErrorExplainer.h"
#include "ServerText.h"

#include <QTimeZone>
#include <QtTest>

#include <ctime>

using das::CreateResult;
using das::ErrorExplainer;
using das::ServerText;
using Outcome = das::CreateResult::Outcome;

Q_DECLARE_METATYPE(das::CreateResult::Outcome)
Q_DECLARE_METATYPE(das::ErrorExplainer::Failure)

namespace {

QDateTime localTime()
{
    return QDateTime(QDate(2026, 11, 27), QTime(8, 9, 10), QTimeZone::utc());
}

QByteArray gatewayError(const char* code, const char* message)
{
    return QByteArray("{\"error_code\":\"") + code + "\",\"error_msg\":\"" + message +
           "\",\"request_id\":\"body-request-id\"}";
}

} // namespace

class TestErrorExplainer : public QObject
{
    Q_OBJECT

private slots:
    void fromHttp_data();
    void fromHttp();
    void explanationsAreDistinct();
    void clockOffsetFromDateHeader();
    void clockOffsetAbsentOrMalformed();
    void clockOffsetIndependentOfLocalTimeZone();
    void requestIdPrecedence_data();
    void requestIdPrecedence();
    void exitCode_data();
    void exitCode();
    void fromFailure_data();
    void fromFailure();
    void serverTextIsCleaned_data();
    void serverTextIsCleaned();
    void cleanEscapesAndCaps();
};

void TestErrorExplainer::fromHttp_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<bool>("usedIamToken");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<QString>("connectionId");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QStringList>("keywords"); // each must appear in the explanation (case-insensitive)

    const QByteArray json = QByteArrayLiteral("application/json");
    const QByteArray html = QByteArrayLiteral("text/html");

    // --- 2xx
    QTest::newRow("200 created") << 200 << QByteArrayLiteral("{\"connection_id\":\"abc\"}") << json << false
                                 << Outcome::Created << QStringLiteral("abc") << QString() << QStringList();
    QTest::newRow("201 created, id trimmed")
        << 201 << QByteArrayLiteral("{\"connection_id\":\" abc \",\"request_id\":\"r\"}") << json << false
        << Outcome::Created << QStringLiteral("abc") << QString() << QStringList();
    QTest::newRow("200 non-JSON") << 200 << QByteArrayLiteral("OK") << QByteArrayLiteral("text/plain")
                                  << false << Outcome::Unknown << QString() << QString()
                                  << QStringList{QStringLiteral("not JSON"), QStringLiteral("console")};
    QTest::newRow("200 empty body") << 200 << QByteArray() << json << false << Outcome::Unknown << QString()
                                    << QString() << QStringList{QStringLiteral("console")};
    QTest::newRow("200 truncated JSON")
        << 200 << QByteArrayLiteral("{\"connection_id\":\"ab") << json << false << Outcome::Unknown
        << QString() << QString() << QStringList{QStringLiteral("cut off"), QStringLiteral("console")};
    QTest::newRow("200 numeric id") << 200 << QByteArrayLiteral("{\"connection_id\":5}") << json << false
                                    << Outcome::Unknown << QString() << QString()
                                    << QStringList{QStringLiteral("connection_id")};
    QTest::newRow("200 empty id") << 200 << QByteArrayLiteral("{\"connection_id\":\"  \"}") << json << false
                                  << Outcome::Unknown << QString() << QString()
                                  << QStringList{QStringLiteral("connection_id")};
    QTest::newRow("200 no id") << 200 << QByteArrayLiteral("{}") << json << false << Outcome::Unknown
                               << QString() << QString() << QStringList{QStringLiteral("connection_id")};
    QTest::newRow("200 UUID id") << 200
                                 << QByteArrayLiteral("{\"connection_id\":\"0a1b2c3d-aaaa-bb_b-0001\"}")
                                 << json << false << Outcome::Created
                                 << QStringLiteral("0a1b2c3d-aaaa-bb_b-0001") << QString() << QStringList();
    QTest::newRow("200 id of 128") << 200
                                   << QByteArray("{\"connection_id\":\"" + QByteArray(128, 'a') + "\"}")
                                   << json << false << Outcome::Created << QString(128, u'a') << QString()
                                   << QStringList();
    QTest::newRow("200 id of 129") << 200
                                   << QByteArray("{\"connection_id\":\"" + QByteArray(129, 'a') + "\"}")
                                   << json << false << Outcome::Unknown << QString() << QString()
                                   << QStringList{QStringLiteral("connection_id"), QStringLiteral("console")};
    QTest::newRow("200 id with escape")
        << 200 << QByteArrayLiteral("{\"connection_id\":\"abc\\u001b[31m\"}") << json << false
        << Outcome::Unknown << QString() << QString() << QStringList{QStringLiteral("connection_id")};
    QTest::newRow("200 id with line break")
        << 200 << QByteArrayLiteral("{\"connection_id\":\"abc\\r\\nerror: x\"}") << json << false
        << Outcome::Unknown << QString() << QString() << QStringList{QStringLiteral("connection_id")};
    QTest::newRow("200 id with inner space")
        << 200 << QByteArrayLiteral("{\"connection_id\":\"ab c\"}") << json << false << Outcome::Unknown
        << QString() << QString() << QStringList{QStringLiteral("connection_id")};
    QTest::newRow("200 non-ASCII id")
        << 200 << QByteArrayLiteral("{\"connection_id\":\"ab\xc3\xa9\"}") << json << false << Outcome::Unknown
        << QString() << QString() << QStringList{QStringLiteral("connection_id")};
    QTest::newRow("200 JSON array") << 200 << QByteArrayLiteral("[\"abc\"]") << json << false
                                    << Outcome::Unknown << QString() << QString()
                                    << QStringList{QStringLiteral("console")};

    // --- 3xx
    QTest::newRow("307 redirect") << 307 << QByteArray() << QByteArray() << false << Outcome::ApiError
                                  << QString() << QString()
                                  << QStringList{QStringLiteral("redirect"), QStringLiteral("307")};
    QTest::newRow("301 redirect") << 301 << QByteArrayLiteral("<html>moved</html>") << html << false
                                  << Outcome::ApiError << QString() << QString()
                                  << QStringList{QStringLiteral("redirect")};

    // --- authentication
    QTest::newRow("401 verify aksk signature fail")
        << 401
        << gatewayError("APIGW.0301", "Incorrect IAM authentication information: verify aksk signature fail")
        << json << false << Outcome::AuthFailed << QString() << QStringLiteral("APIGW.0301")
        << QStringList{QStringLiteral("SK"), QStringLiteral("signature")};
    QTest::newRow("401 ak not exist")
        << 401 << gatewayError("APIGW.0301", "Incorrect IAM authentication information: ak not exist") << json
        << false << Outcome::AuthFailed << QString() << QStringLiteral("APIGW.0301")
        << QStringList{QStringLiteral("access key")};
    QTest::newRow("401 get secretkey failed")
        << 401 << gatewayError("APIGW.0301", "Incorrect IAM authentication information: get secretkey failed")
        << json << false << Outcome::AuthFailed << QString() << QStringLiteral("APIGW.0301")
        << QStringList{QStringLiteral("access key")};
    QTest::newRow("401 signature expired, no Date")
        << 401 << gatewayError("APIGW.0301", "Incorrect IAM authentication information: signature expired")
        << json << false << Outcome::AuthFailed << QString() << QStringLiteral("APIGW.0301")
        << QStringList{QStringLiteral("expired"), QStringLiteral("clock")};
    QTest::newRow("401 decrypt token fail")
        << 401 << gatewayError("APIGW.0301", "Incorrect IAM authentication information: decrypt token fail")
        << json << true << Outcome::AuthFailed << QString() << QStringLiteral("APIGW.0301")
        << QStringList{QStringLiteral("token")};
    QTest::newRow("401 token expired")
        << 401 << gatewayError("APIGW.0301", "Incorrect IAM authentication information: token expired")
        << json << true << Outcome::AuthFailed << QString() << QStringLiteral("APIGW.0301")
        << QStringList{QStringLiteral("IAM token")};
    QTest::newRow("401 security token")
        << 401
        << gatewayError("APIGW.0301", "Incorrect IAM authentication information: security token invalid")
        << json << false << Outcome::AuthFailed << QString() << QStringLiteral("APIGW.0301")
        << QStringList{QStringLiteral("security token")};
    QTest::newRow("401 non-JSON") << 401 << QByteArrayLiteral("Unauthorized")
                                  << QByteArrayLiteral("text/plain") << false << Outcome::AuthFailed
                                  << QString() << QString() << QStringList{QStringLiteral("401")};
    QTest::newRow("400 with APIGW.0301 code")
        << 400 << gatewayError("APIGW.0301", "verify aksk signature fail") << json << false
        << Outcome::AuthFailed << QString() << QStringLiteral("APIGW.0301")
        << QStringList{QStringLiteral("SK")};
    QTest::newRow("403 permission") << 403 << gatewayError("DAS.000403", "Policy doesn't allow das:*:create")
                                    << json << false << Outcome::AuthFailed << QString()
                                    << QStringLiteral("DAS.000403")
                                    << QStringList{QStringLiteral("permission"), QStringLiteral("IAM")};
    QTest::newRow("403 no body") << 403 << QByteArray() << QByteArray() << false << Outcome::AuthFailed
                                 << QString() << QString() << QStringList{QStringLiteral("403")};

    // --- gateway / DAS errors
    QTest::newRow("404 APIGW.0101") << 404
                                    << gatewayError("APIGW.0101", "The API does not exist or has not been "
                                                                  "published in the environment")
                                    << json << false << Outcome::ApiError << QString()
                                    << QStringLiteral("APIGW.0101")
                                    << QStringList{QStringLiteral("region"), QStringLiteral("endpoint")};
    QTest::newRow("404 empty") << 404 << QByteArray() << QByteArray() << false << Outcome::ApiError
                               << QString() << QString() << QStringList{QStringLiteral("endpoint")};
    QTest::newRow("429 APIGW.0308") << 429
                                    << gatewayError("APIGW.0308", "The throttling threshold has been reached")
                                    << json << false << Outcome::ApiError << QString()
                                    << QStringLiteral("APIGW.0308")
                                    << QStringList{QStringLiteral("throttled")};
    QTest::newRow("429 without code") << 429 << QByteArray() << QByteArray() << false << Outcome::ApiError
                                      << QString() << QString() << QStringList{QStringLiteral("throttled")};
    QTest::newRow("400 DAS.200100") << 400 << gatewayError("DAS.200100", "Invalid parameter: port") << json
                                    << false << Outcome::ApiError << QString() << QStringLiteral("DAS.200100")
                                    << QStringList{QStringLiteral("parameter"),
                                                   QStringLiteral("Invalid parameter: port")};
    QTest::newRow("400 DAS.200113") << 400 << gatewayError("DAS.200113", "Invalid project id") << json
                                    << false << Outcome::ApiError << QString() << QStringLiteral("DAS.200113")
                                    << QStringList{QStringLiteral("project")};
    QTest::newRow("400 DAS.200114") << 400 << gatewayError("DAS.200114", "Invalid instance id") << json
                                    << false << Outcome::ApiError << QString() << QStringLiteral("DAS.200114")
                                    << QStringList{QStringLiteral("instance")};
    QTest::newRow("400 nested error object")
        << 400 << QByteArrayLiteral("{\"error\":{\"code\":\"DAS.200114\",\"message\":\"no such instance\"}}")
        << json << false << Outcome::ApiError << QString() << QStringLiteral("DAS.200114")
        << QStringList{QStringLiteral("instance")};
    QTest::newRow("400 other code") << 400 << gatewayError("DAS.299999", "Something odd") << json << false
                                    << Outcome::ApiError << QString() << QStringLiteral("DAS.299999")
                                    << QStringList{QStringLiteral("400"), QStringLiteral("Something odd")};
    QTest::newRow("500 DAS JSON") << 500 << gatewayError("DAS.000001", "Internal server error") << json
                                  << false << Outcome::ApiError << QString() << QStringLiteral("DAS.000001")
                                  << QStringList{QStringLiteral("500"), QStringLiteral("DAS.000001")};
    QTest::newRow("502 HTML page") << 502
                                   << QByteArrayLiteral("<html><body><h1>502 Bad Gateway</h1></body></html>")
                                   << html << false << Outcome::Unknown << QString() << QString()
                                   << QStringList{QStringLiteral("HTML"), QStringLiteral("console")};
    QTest::newRow("502 HTML without content type")
        << 502 << QByteArrayLiteral("  <!DOCTYPE html><html></html>") << QByteArray() << false
        << Outcome::Unknown << QString() << QString() << QStringList{QStringLiteral("HTML")};
    QTest::newRow("504 plain text") << 504 << QByteArrayLiteral("Gateway Timeout")
                                    << QByteArrayLiteral("text/plain") << false << Outcome::Unknown
                                    << QString() << QString()
                                    << QStringList{QStringLiteral("non-JSON"), QStringLiteral("unknown")};
    QTest::newRow("504 gateway JSON")
        << 504
        << QByteArrayLiteral("{\"error_code\":\"APIG.0201\",\"error_msg\":\"Backend timeout\","
                             "\"request_id\":\"r504\"}")
        << QByteArrayLiteral("application/json") << false << Outcome::Unknown << QString()
        << QStringLiteral("APIG.0201") << QStringList{QStringLiteral("unknown"), QStringLiteral("console")};
    QTest::newRow("503 non-JSON") << 503 << QByteArrayLiteral("Service Unavailable")
                                  << QByteArrayLiteral("text/plain") << false << Outcome::ApiError
                                  << QString() << QString()
                                  << QStringList{QStringLiteral("503"), QStringLiteral("later")};
    QTest::newRow("500 HTML") << 500 << QByteArrayLiteral("<html>error</html>") << html << false
                              << Outcome::ApiError << QString() << QString()
                              << QStringList{QStringLiteral("HTML")};
}

void TestErrorExplainer::fromHttp()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(bool, usedIamToken);
    QFETCH(Outcome, outcome);
    QFETCH(QString, connectionId);
    QFETCH(QString, errorCode);
    QFETCH(QStringList, keywords);

    ErrorExplainer::HttpAnswer answer;
    answer.status = status;
    answer.body = body;
    answer.contentType = contentType;
    answer.requestIdHeader = "header-request-id";
    answer.location = "https://elsewhere.example.com/";
    answer.localTime = localTime();
    answer.usedIamToken = usedIamToken;

    const CreateResult r = ErrorExplainer::fromHttp(answer);
    QCOMPARE(CreateResult::outcomeName(r.outcome), CreateResult::outcomeName(outcome));
    QCOMPARE(r.connectionId, connectionId);
    QCOMPARE(r.errorCode, errorCode);
    QCOMPARE(r.httpStatus, status);
    QVERIFY(r.requestSent);
    QCOMPARE(r.succeeded(), outcome == Outcome::Created);
    QVERIFY(!r.explanation.trimmed().isEmpty());
    QVERIFY2(r.explanation.size() < 400, qPrintable(r.explanation));
    for (const QString& keyword : keywords)
        QVERIFY2(r.explanation.contains(keyword, Qt::CaseInsensitive),
                 qPrintable(keyword + QStringLiteral(" not in: ") + r.explanation));
    if (status >= 300 && status < 400)
        QVERIFY2(r.detail.contains(QStringLiteral("elsewhere.example.com")), qPrintable(r.detail));
}

void TestErrorExplainer::explanationsAreDistinct()
{
    QSet<QString> seen;
    for (const char* code : {"DAS.200100", "DAS.200113", "DAS.200114", "APIGW.0101", "APIGW.0308"}) {
        ErrorExplainer::HttpAnswer answer;
        answer.status = 400;
        answer.body = gatewayError(code, "message");
        const CreateResult r = ErrorExplainer::fromHttp(answer);
        QCOMPARE(CreateResult::outcomeName(r.outcome), CreateResult::outcomeName(Outcome::ApiError));
        QVERIFY2(!seen.contains(r.explanation), code);
        seen.insert(r.explanation);
    }
    QSet<QString> auth;
    for (const char* message : {"verify aksk signature fail", "ak not exist", "signature expired",
                                "decrypt token fail", "security token invalid", "reach the limit"}) {
        ErrorExplainer::HttpAnswer answer;
        answer.status = 401;
        answer.body = gatewayError("APIGW.0301", message);
        const CreateResult r = ErrorExplainer::fromHttp(answer);
        QCOMPARE(CreateResult::outcomeName(r.outcome), CreateResult::outcomeName(Outcome::AuthFailed));
        QVERIFY2(!auth.contains(r.explanation), message);
        auth.insert(r.explanation);
    }
}

void TestErrorExplainer::clockOffsetFromDateHeader()
{
    ErrorExplainer::HttpAnswer answer;
    answer.status = 401;
    answer.body = gatewayError("APIGW.0301", "Incorrect IAM authentication information: signature expired");
    answer.localTime = localTime();                      // 08:09:10 UTC
    answer.dateHeader = "Fri, 27 Nov 2026 08:29:10 GMT"; // server 20 minutes ahead
    const CreateResult r = ErrorExplainer::fromHttp(answer);
    QCOMPARE(CreateResult::outcomeName(r.outcome), CreateResult::outcomeName(Outcome::AuthFailed));
    QCOMPARE(r.clockOffsetSeconds, qint64(1200));
    QVERIFY2(r.explanation.contains(QStringLiteral("20 minutes")), qPrintable(r.explanation));
    QVERIFY2(r.explanation.contains(QStringLiteral("behind")), qPrintable(r.explanation));
    QVERIFY2(r.explanation.contains(QStringLiteral("15 minutes")), qPrintable(r.explanation));

    answer.dateHeader = "Fri, 27 Nov 2026 07:49:10 GMT"; // server 20 minutes behind
    const CreateResult ahead = ErrorExplainer::fromHttp(answer);
    QCOMPARE(ahead.clockOffsetSeconds, qint64(-1200));
    QVERIFY2(ahead.explanation.contains(QStringLiteral("ahead")), qPrintable(ahead.explanation));

    qint64 seconds = 0;
    QVERIFY(ErrorExplainer::clockOffset("Fri, 27 Nov 2026 08:10:40 GMT", localTime(), &seconds));
    QCOMPARE(seconds, qint64(90));
    QVERIFY(ErrorExplainer::describeOffset(90).contains(QStringLiteral("90 second")));
    QVERIFY(ErrorExplainer::describeOffset(-1200).contains(QStringLiteral("20 minutes")));
}

void TestErrorExplainer::clockOffsetAbsentOrMalformed()
{
    qint64 seconds = 42;
    QVERIFY(!ErrorExplainer::clockOffset(QByteArray(), localTime(), &seconds));
    QVERIFY(!ErrorExplainer::clockOffset("yesterday", localTime(), &seconds));
    QVERIFY(!ErrorExplainer::clockOffset("20261127T080910Z", localTime(), &seconds));
    QCOMPARE(seconds, qint64(42));

    ErrorExplainer::HttpAnswer answer;
    answer.status = 401;
    answer.body = gatewayError("APIGW.0301", "signature expired");
    answer.dateHeader = "garbage";
    const CreateResult r = ErrorExplainer::fromHttp(answer);
    QCOMPARE(r.clockOffsetSeconds, qint64(0));
    QVERIFY(r.explanation.contains(QStringLiteral("clock")));
}

void TestErrorExplainer::clockOffsetIndependentOfLocalTimeZone()
{
    // The Date header is GMT; the local zone of this computer must not matter. 2026-03-08 02:30 does not
    // exist as a New York wall-clock time (DST starts at 02:00), but it is a perfectly good GMT time.
    const QByteArray savedTz = qgetenv("TZ");
    const bool hadTz = qEnvironmentVariableIsSet("TZ");
    qputenv("TZ", "America/New_York");
    tzset();
    const QByteArray zone = QTimeZone::systemTimeZoneId();

    const QDateTime local(QDate(2026, 3, 8), QTime(2, 20, 0), QTimeZone::utc());
    qint64 ordinary = 0;
    const bool ordinaryOk = ErrorExplainer::clockOffset("Sun, 08 Mar 2026 03:30:00 GMT", local, &ordinary);
    qint64 inGap = 0;
    const bool inGapOk = ErrorExplainer::clockOffset("Sun, 08 Mar 2026 02:30:00 GMT", local, &inGap);

    if (hadTz)
        qputenv("TZ", savedTz);
    else
        qunsetenv("TZ");
    tzset();

    if (zone != "America/New_York")
        QSKIP("cannot switch the process time zone here");
    QVERIFY(ordinaryOk);
    QCOMPARE(ordinary, qint64(4200));
    QVERIFY(inGapOk);
    QCOMPARE(inGap, qint64(600));
}

void TestErrorExplainer::requestIdPrecedence_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("expected");
    QTest::newRow("body wins (error)") << 400 << gatewayError("DAS.200100", "x") << QByteArrayLiteral("hdr-1")
                                       << QStringLiteral("body-request-id");
    QTest::newRow("body wins (created)")
        << 200 << QByteArrayLiteral("{\"connection_id\":\"c\",\"request_id\":\"body-2\"}")
        << QByteArrayLiteral("hdr-2") << QStringLiteral("body-2");
    QTest::newRow("camelCase requestId") << 500 << QByteArrayLiteral("{\"requestId\":\"body-3\"}")
                                         << QByteArrayLiteral("hdr-3") << QStringLiteral("body-3");
    QTest::newRow("header when body has none")
        << 400 << QByteArrayLiteral("{\"error_code\":\"DAS.200100\",\"error_msg\":\"x\"}")
        << QByteArrayLiteral("hdr-4") << QStringLiteral("hdr-4");
    QTest::newRow("header when body is not JSON") << 503 << QByteArrayLiteral("Service Unavailable")
                                                  << QByteArrayLiteral("hdr-5") << QStringLiteral("hdr-5");
    QTest::newRow("header when body id empty") << 400 << QByteArrayLiteral("{\"request_id\":\"\"}")
                                               << QByteArrayLiteral("hdr-6") << QStringLiteral("hdr-6");
    QTest::newRow("none") << 400 << QByteArrayLiteral("{}") << QByteArray() << QString();
}

void TestErrorExplainer::requestIdPrecedence()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, header);
    QFETCH(QString, expected);
    ErrorExplainer::HttpAnswer answer;
    answer.status = status;
    answer.body = body;
    answer.requestIdHeader = header;
    QCOMPARE(ErrorExplainer::fromHttp(answer).requestId, expected);
}

void TestErrorExplainer::exitCode_data()
{
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("name");
    QTest::newRow("Created") << Outcome::Created << 0 << QStringLiteral("created");
    QTest::newRow("InvalidInput") << Outcome::InvalidInput << 2 << QStringLiteral("invalid_input");
    QTest::newRow("AuthFailed") << Outcome::AuthFailed << 3 << QStringLiteral("auth_failed");
    QTest::newRow("ApiError") << Outcome::ApiError << 4 << QStringLiteral("api_error");
    QTest::newRow("NotSent") << Outcome::NotSent << 5 << QStringLiteral("not_sent");
    QTest::newRow("Unknown") << Outcome::Unknown << 5 << QStringLiteral("outcome_unknown");
    QTest::newRow("Cancelled") << Outcome::Cancelled << 5 << QStringLiteral("cancelled");
}

void TestErrorExplainer::exitCode()
{
    QFETCH(Outcome, outcome);
    QFETCH(int, code);
    QFETCH(QString, name);
    CreateResult r;
    r.outcome = outcome;
    QCOMPARE(r.exitCode(), code);
    QCOMPARE(CreateResult::outcomeName(outcome), name);
    QCOMPARE(r.succeeded(), code == 0);
}

void TestErrorExplainer::fromFailure_data()
{
    using E = QNetworkReply::NetworkError;
    using F = ErrorExplainer::Failure;
    QTest::addColumn<F>("failure");
    QTest::addColumn<E>("networkError");
    QTest::addColumn<bool>("requestSent");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<bool>("timedOut");
    QTest::addColumn<QStringList>("keywords");

    QTest::newRow("connection refused")
        << F::Network << E::ConnectionRefusedError << false << Outcome::NotSent << false
        << QStringList{QStringLiteral("refused"), QStringLiteral("nothing")};
    QTest::newRow("host not found") << F::Network << E::HostNotFoundError << false << Outcome::NotSent
                                    << false
                                    << QStringList{QStringLiteral("DNS"), QStringLiteral("das.example.com")};
    QTest::newRow("TLS handshake") << F::Network << E::SslHandshakeFailedError << false << Outcome::NotSent
                                   << false
                                   << QStringList{QStringLiteral("TLS"), QStringLiteral("certificate")};
    QTest::newRow("proxy refused") << F::Network << E::ProxyConnectionRefusedError << false
                                   << Outcome::NotSent << false << QStringList{QStringLiteral("proxy")};
    QTest::newRow("proxy closed after send")
        << F::Network << E::ProxyConnectionClosedError << true << Outcome::Unknown << false
        << QStringList{QStringLiteral("proxy"), QStringLiteral("console")};
    QTest::newRow("remote closed after send")
        << F::Network << E::RemoteHostClosedError << true << Outcome::Unknown << false
        << QStringList{QStringLiteral("closed"), QStringLiteral("console"), QStringLiteral("never retried")};
    QTest::newRow("remote closed before send")
        << F::Network << E::RemoteHostClosedError << false << Outcome::NotSent << false
        << QStringList{QStringLiteral("Nothing was sent")};
    QTest::newRow("network timeout after send") << F::Network << E::TimeoutError << true << Outcome::Unknown
                                                << true << QStringList{QStringLiteral("console")};
    QTest::newRow("deadline after send")
        << F::Timeout << E::NoError << true << Outcome::Unknown << true
        << QStringList{QStringLiteral("within 30"), QStringLiteral("console")};
    QTest::newRow("deadline before send")
        << F::Timeout << E::NoError << false << Outcome::NotSent << true
        << QStringList{QStringLiteral("das.example.com"), QStringLiteral("within 30"),
                       QStringLiteral("nothing was sent")};
    QTest::newRow("cancelled after send")
        << F::Cancelled << E::OperationCanceledError << true << Outcome::Cancelled << false
        << QStringList{QStringLiteral("Cancelled"), QStringLiteral("console")};
    QTest::newRow("cancelled before send")
        << F::Cancelled << E::OperationCanceledError << false << Outcome::Cancelled << false
        << QStringList{QStringLiteral("before anything was sent")};
    QTest::newRow("too large") << F::TooLarge << E::NoError << true << Outcome::Unknown << false
                               << QStringList{QStringLiteral("1048576"), QStringLiteral("console")};
}

void TestErrorExplainer::fromFailure()
{
    QFETCH(ErrorExplainer::Failure, failure);
    QFETCH(QNetworkReply::NetworkError, networkError);
    QFETCH(bool, requestSent);
    QFETCH(Outcome, outcome);
    QFETCH(bool, timedOut);
    QFETCH(QStringList, keywords);

    ErrorExplainer::FailureInfo info;
    info.failure = failure;
    info.networkError = networkError;
    info.errorString = QStringLiteral("network error text");
    info.requestSent = requestSent;
    info.timeoutSeconds = 30;
    info.sizeLimit = 1048576;
    info.host = QStringLiteral("das.example.com");

    const CreateResult r = ErrorExplainer::fromFailure(info);
    QCOMPARE(CreateResult::outcomeName(r.outcome), CreateResult::outcomeName(outcome));
    QCOMPARE(r.timedOut, timedOut);
    QCOMPARE(r.requestSent, requestSent);
    QCOMPARE(r.exitCode(), 5);
    QVERIFY(!r.explanation.trimmed().isEmpty());
    for (const QString& keyword : keywords)
        QVERIFY2(r.explanation.contains(keyword, Qt::CaseInsensitive),
                 qPrintable(keyword + QStringLiteral(" not in: ") + r.explanation));
}

namespace {

// Control characters (C0 but the line feed's replacement, DEL, C1), line/paragraph separators, bidi controls.
bool isClean(const QString& text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7F && u <= 0x9F) || u == 0x2028 || u == 0x2029 ||
            (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069) || u == 0x200E || u == 0x200F ||
            u == 0x061C)
            return false;
    }
    return true;
}

const QByteArray Injected = "a\\u001b[31mb\\u0007c\\r\\nerror: FORGED\\u202e\\u0085\\u2028\\t\\u007f\\u009b";

} // namespace

void TestErrorExplainer::serverTextIsCleaned_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("error fields") << 400
                                  << QByteArray("{\"error_code\":\"" + Injected + "\",\"error_msg\":\"" +
                                                Injected + "\",\"request_id\":\"" + Injected + "\"}");
    QTest::newRow("DAS.200100 message in the explanation")
        << 400 << QByteArray("{\"error_code\":\"DAS.200100\",\"error_msg\":\"" + Injected + "\"}");
    QTest::newRow("auth message") << 401
                                  << QByteArray("{\"error_code\":\"APIGW.0301\",\"error_msg\":\"" + Injected +
                                                "\"}");
    QTest::newRow("nested error") << 400
                                  << QByteArray("{\"error\":{\"code\":\"" + Injected + "\",\"message\":\"" +
                                                Injected + "\"}}");
    QTest::newRow("created with a bad id") << 200 << QByteArray("{\"connection_id\":\"" + Injected + "\"}");
    QTest::newRow("raw bytes in a gateway page")
        << 502 << QByteArray("<html>\x1b[2J\r\nerror: FORGED\x07\x9b\xff\xfe\xc2\x85</html>");
    QTest::newRow("raw bytes in a non-JSON 400") << 400 << QByteArray("bad\x1b]0;t\x07\r\nerror: FORGED\x00");
    QTest::newRow("900 KB message") << 400
                                    << QByteArray("{\"error_code\":\"DAS.299999\",\"error_msg\":\"" +
                                                  QByteArray(900 * 1024, 'm') + "\"}");
    QTest::newRow("900 KB id") << 200
                               << QByteArray("{\"connection_id\":\"" + QByteArray(900 * 1024, 'i') + "\"}");
    QTest::newRow("redirect") << 302 << QByteArray();
}

// Nothing a server sends reaches a result raw: no control or bidi character, and every field capped.
void TestErrorExplainer::serverTextIsCleaned()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    ErrorExplainer::HttpAnswer answer;
    answer.status = status;
    answer.body = body;
    answer.contentType = "application/json";
    answer.requestIdHeader = "hdr\x1b[1m\r\nerror: FORGED\x9b" + QByteArray(5000, 'h');
    answer.location = "http://elsewhere/\x1b[2J\r\nerror: FORGED" + QByteArray(5000, 'l');
    const CreateResult r = ErrorExplainer::fromHttp(answer);
    QVERIFY(r.outcome != Outcome::Created);
    const QList<QPair<const char*, QString>> fields = {
        {"connectionId", r.connectionId}, {"requestId", r.requestId},     {"errorCode", r.errorCode},
        {"errorMessage", r.errorMessage}, {"explanation", r.explanation}, {"detail", r.detail}};
    for (const auto& [name, value] : fields) {
        QVERIFY2(isClean(value), name);
        QVERIFY2(!value.contains(QStringLiteral("FORGED")) || !value.startsWith(QStringLiteral("error:")),
                 name);
        QVERIFY2(value.size() <= 2048, name);
    }
    QVERIFY(r.requestId.size() <= ServerText::MaxRequestIdChars);
    QVERIFY(r.errorCode.size() <= ServerText::MaxCodeChars);
    QVERIFY(r.errorMessage.size() <= ServerText::MaxMessageChars);

    ErrorExplainer::FailureInfo failure;
    failure.errorString = QStringLiteral("server replied: \x1b[31mBad\r\nerror: FORGED");
    failure.tlsErrors = QStringLiteral("CN=\x1b]0;t\x07evil");
    failure.requestSent = true;
    const CreateResult lost = ErrorExplainer::fromFailure(failure);
    QVERIFY(isClean(lost.detail));
    QVERIFY(isClean(lost.explanation));
}

void TestErrorExplainer::cleanEscapesAndCaps()
{
    QCOMPARE(ServerText::clean(QStringLiteral("a\x1b[1mb\x07"), 100), QStringLiteral("a\\x1B[1mb\\x07"));
    QCOMPARE(ServerText::clean(QStringLiteral("a\tb\r\nc"), 100), QStringLiteral("a b  c"));
    QCOMPARE(ServerText::clean(QString(QChar(0x202E)) + QChar(0x85) + QChar(0x7F), 100),
             QStringLiteral("\\u202E\\u0085\\x7F"));
    QCOMPARE(ServerText::clean(QStringLiteral("abcdef"), 6), QStringLiteral("abcdef"));
    QCOMPARE(ServerText::clean(QStringLiteral("abcdefg"), 6), QStringLiteral("abcd …"));
    // The cap holds for the escaped form and never splits a surrogate pair.
    QVERIFY(ServerText::clean(QString(50, QChar(0x1b)), 20).size() <= 20);
    const QString emoji = QString::fromUtf8("\xf0\x9f\x98\x80");
    const QString cut = ServerText::clean(emoji.repeated(10), 7);
    QVERIFY(cut.size() <= 7);
    QVERIFY(!cut.at(cut.size() - 3).isHighSurrogate());
    QCOMPARE(ServerText::cleanUtf8(QByteArray("ok\xff\x1b"), 100), QStringLiteral("ok\uFFFD\\x1B"));
    QCOMPARE(ServerText::cleanLatin1(QByteArray("r\x9b"
                                                "1"),
                                     100),
             QStringLiteral("r\\u009B1"));
    QVERIFY(ServerText::cleanUtf8(QByteArray(900 * 1024, 'x'), 300).size() <= 300);

    QVERIFY(ServerText::isConnectionId(QStringLiteral("0a1b2c3d-aaaa_bbbb")));
    QVERIFY(ServerText::isConnectionId(QString(128, u'z')));
    QVERIFY(!ServerText::isConnectionId(QString(129, u'z')));
    QVERIFY(!ServerText::isConnectionId(QString()));
    QVERIFY(!ServerText::isConnectionId(QStringLiteral("a b")));
    QVERIFY(!ServerText::isConnectionId(QStringLiteral("a\x1b")));
    QVERIFY(!ServerText::isConnectionId(QStringLiteral("a.b")));
    QVERIFY(!ServerText::isConnectionId(QString::fromUtf8("\xc3\xa9")));
}

QTEST_GUILESS_MAIN(TestErrorExplainer)
#include "tst_errorexplainer.moc"
