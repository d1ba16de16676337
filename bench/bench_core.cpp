// Signing and validation throughput. Prints figures; asserts nothing (speed lives here, not in tests).
#include "AkSkSigner.h"
#include "RequestBuilder.h"
#include "RequestValidator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace das;

namespace {

ConnectionRequest sampleRequest()
{
    ConnectionRequest r;
    r.projectId = QStringLiteral("052041494800d57c2f02c00275b4c247");
    r.instanceId = QStringLiteral("bcfa975193f1402fa11a6d4fd6baf5fbin01");
    r.engineType = QStringLiteral("postgresql");
    r.networkType = QStringLiteral("rds");
    r.username = QStringLiteral("dba_admin");
    r.password = QStringLiteral("p@ss w0rd\"\\");
    r.nodeIds = {QStringLiteral("6b0e3d1c2a9f4e8b9c7d5a4f3e2d1c0bno01")};
    r.port = QStringLiteral("5432");
    r.databaseName = QStringLiteral("postgres");
    r.remarks = QStringLiteral("onboarding batch 7");
    return r;
}

template <typename F> void measure(QTextStream& out, const char* name, int iterations, F&& body)
{
    std::vector<double> rounds;
    for (int round = 0; round < 5; ++round) {
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < iterations; ++i)
            body(i);
        rounds.push_back(double(timer.nsecsElapsed()) / iterations);
    }
    std::sort(rounds.begin(), rounds.end());
    out << QStringLiteral("%1 %2 ns/op (median of 5 rounds x %3, best %4)\n")
               .arg(QLatin1String(name), -28)
               .arg(rounds[2], 9, 'f', 0)
               .arg(iterations)
               .arg(rounds[0], 0, 'f', 0);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? QByteArray(argv[1]).toInt() : 20000;
    QTextStream out(stdout);
    const ConnectionRequest request = sampleRequest();
    const QByteArray body = request.toJsonBody();
    const QUrl url(
        QStringLiteral("https://das.cn-north-4.myhuaweicloud.com/v3/052041494800d57c2f02c00275b4c247/"
                       "instances/bcfa975193f1402fa11a6d4fd6baf5fbin01/create-connection"));
    const HeaderList headers{{"Content-Type", "application/json"},
                             {"X-Project-Id", "052041494800d57c2f02c00275b4c247"},
                             {"X-Sdk-Date", "20261127T080910Z"}};
    Credentials credentials;
    credentials.accessKey = QStringLiteral("HPUAEXAMPLE4TZ0QW8LM");
    credentials.secretKey = QStringLiteral("ExampleSecretKey0123456789abcdefghijKLMN");

    volatile qsizetype sink = 0;
    measure(out, "AkSkSigner::sign", n, [&](int) {
        sink = sink + AkSkSigner::sign("HPUAEXAMPLE4TZ0QW8LM", "ExampleSecretKey0123456789abcdefghijKLMN",
                                       "POST", url, headers, body)
                          .authorization.size();
    });
    measure(out, "RequestValidator::validate", n,
            [&](int) { sink = sink + RequestValidator::validate(request).size(); });
    ConnectionRequest bad = request;
    bad.port = QStringLiteral("65536");
    bad.nodeIds.append(bad.nodeIds.constFirst());
    measure(out, "validate (2 violations)", n,
            [&](int) { sink = sink + RequestValidator::validate(bad).size(); });
    measure(out, "ConnectionRequest::toJsonBody", n, [&](int) { sink = sink + request.toJsonBody().size(); });
    const QDateTime now = QDateTime::currentDateTimeUtc();
    measure(out, "RequestBuilder::build", n,
            [&](int) { sink = sink + RequestBuilder::build(url, request, credentials, now).headers.size(); });
    out.flush();
    return sink < 0 ? 1 : 0;
}
