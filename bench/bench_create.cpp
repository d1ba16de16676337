// N sequential creates through DasClient against an in-process sandbox on 127.0.0.1. Prints latency figures.
#include "CreateJob.h"
#include "DasClient.h"
#include "SandboxServer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace das;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? QByteArray(argv[1]).toInt() : 500;
    QTextStream out(stdout);

    SandboxServer server;
    QString error;
    if (!server.start(&error)) {
        out << error << Qt::endl;
        return 1;
    }
    DasClient client;
    ConnectionRequest request = SandboxOptions::demoRequest();
    request.password = QStringLiteral("Gauss_2345");
    Credentials credentials;
    credentials.accessKey = QLatin1String(SandboxOptions::DemoAccessKey);
    credentials.secretKey = QLatin1String(SandboxOptions::DemoSecretKey);

    std::vector<double> ms;
    ms.reserve(size_t(n));
    int failures = 0;
    QElapsedTimer total;
    total.start();
    for (int i = 0; i < n; ++i) {
        QElapsedTimer one;
        one.start();
        QEventLoop loop;
        CreateJob* job = client.createConnection(server.url(), request, credentials);
        QObject::connect(job, &CreateJob::finished, &loop, [&](const CreateResult& r) {
            failures += r.succeeded() ? 0 : 1;
            loop.quit();
        });
        loop.exec();
        ms.push_back(double(one.nsecsElapsed()) / 1e6);
    }
    const double seconds = double(total.nsecsElapsed()) / 1e9;
    std::sort(ms.begin(), ms.end());
    auto pct = [&](double p) {
        return ms[std::min(ms.size() - 1, size_t(p * double(ms.size())))];
    };
    out << QStringLiteral("in-process creates: %1 in %2 s (%3/s), failures %4\n")
               .arg(n)
               .arg(seconds, 0, 'f', 2)
               .arg(double(n) / seconds, 0, 'f', 0)
               .arg(failures);
    out << QStringLiteral("latency ms: p50 %1  p95 %2  p99 %3  max %4\n")
               .arg(pct(0.50), 0, 'f', 2)
               .arg(pct(0.95), 0, 'f', 2)
               .arg(pct(0.99), 0, 'f', 2)
               .arg(ms.back(), 0, 'f', 2);
    return failures == 0 ? 0 : 1;
}
