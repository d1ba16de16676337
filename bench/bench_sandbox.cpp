// The sandbox as a training server: `clients` concurrent clients on 127.0.0.1 send real signed creates to a
// das-sandbox child process for `seconds`, each starting its next create as soon as the last one is answered.
//   bench_sandbox [seconds=30] [clients=50] [das-sandbox options...], e.g. --state FILE
// Prints creates/s, latency percentiles, errors and the child's RSS over time, each with a verdict. The
// sandbox runs as its own process, logging to a file as it would in a class, so that its RSS (VmRSS and VmHWM
// from /proc) is its own and not the clients'.
#include "ProcessStats.h"
#include "RequestBuilder.h"
#include "SandboxOptions.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

using namespace das;
using namespace das::bench;

namespace {

constexpr int RequestTimeoutMs = 10000;
constexpr int SampleEveryMs = 1000;
constexpr int PrintEverySamples = 5;
constexpr double MinWarmUpSeconds = 5.0;
constexpr double MaxGrowth = 0.10;

// Counts shared by all clients.
struct Tally
{
    std::vector<double> latencyMs; // answered creates, 200 or not
    qint64 created = 0;            // 200 with a connection_id
    qint64 refused = 0;            // any other HTTP status
    qint64 failed = 0;             // no complete answer: socket error, early close or timeout
    int inFlight = 0;
    bool running = true;
    std::function<void()> drained; // called when the run has ended and the last create with it
};

// One client: connect, send one signed create, read the whole answer, wait for the server's close, repeat.
// The server answers "Connection: close", so every create is a fresh TCP connection, as from the real
// client; the server closes first, so the TIME_WAIT entries stay on its side and the client's ports recycle.
class Client : public QObject
{
public:
    Client(const QUrl& endpoint, int index, Tally* tally)
        : m_endpoint(endpoint)
        , m_index(index)
        , m_tally(tally)
    {
        m_credentials.accessKey = QLatin1String(SandboxOptions::DemoAccessKey);
        m_credentials.secretKey = QLatin1String(SandboxOptions::DemoSecretKey);
        m_timeout.setSingleShot(true);
        connect(&m_timeout, &QTimer::timeout, this, [this] { finish(false, 0); });
    }

    void next()
    {
        if (!m_tally->running)
            return;
        // Built and signed per send (fresh X-Sdk-Date), with a user name of this client's own.
        ConnectionRequest request = SandboxOptions::demoRequest();
        request.password = QStringLiteral("Gauss_2345");
        request.username = QStringLiteral("train%1").arg(m_index);
        request.remarks = QStringLiteral("bench_sandbox create %1").arg(++m_sent);
        const PreparedRequest prepared = RequestBuilder::build(m_endpoint, request, m_credentials);
        m_out =
            "POST " + prepared.url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority) + " HTTP/1.1\r\n";
        for (const auto& header : prepared.headers)
            m_out += header.first + ": " + header.second + "\r\n";
        m_out += "Content-Length: " + QByteArray::number(prepared.body.size()) + "\r\n\r\n" + prepared.body;
        m_in.clear();
        m_done = false;
        m_socket = std::make_unique<QTcpSocket>();
        QTcpSocket* socket = m_socket.get();
        connect(socket, &QTcpSocket::connected, this, [this] { m_socket->write(m_out); });
        connect(socket, &QIODevice::readyRead, this, [this] { onReadyRead(); });
        connect(socket, &QAbstractSocket::disconnected, this, [this] { onClosed(); });
        connect(socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
            if (e != QAbstractSocket::RemoteHostClosedError)
                finish(false, 0);
        });
        ++m_tally->inFlight;
        m_clock.start();
        m_timeout.start(RequestTimeoutMs);
        socket->connectToHost(QHostAddress::LocalHost, quint16(m_endpoint.port()));
    }

private:
    void onReadyRead()
    {
        m_in += m_socket->readAll();
        const qsizetype end = m_in.indexOf("\r\n\r\n");
        if (m_done || end < 0)
            return;
        const QRegularExpression length(QStringLiteral("\r\nContent-Length: *(\\d+)"),
                                        QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch m = length.match(QString::fromLatin1(m_in.left(end)));
        if (m.hasMatch() && m_in.size() - end - 4 >= m.captured(1).toLongLong())
            finish(true, m_in.mid(9, 3).toInt()); // "HTTP/1.1 200 ..."
    }

    void onClosed()
    {
        if (!m_done) {
            m_in += m_socket->readAll();
            onReadyRead();
        }
        if (!m_done)
            finish(false, 0);
        // The next create starts once this connection is gone, so that at most one per client is open.
        m_timeout.stop();
        m_socket.release()->deleteLater();
        if (--m_tally->inFlight == 0 && !m_tally->running && m_tally->drained)
            m_tally->drained();
        QTimer::singleShot(0, this, [this] { next(); });
    }

    void finish(bool answered, int status)
    {
        if (m_done)
            return;
        m_done = true;
        if (!answered) {
            ++m_tally->failed;
            m_socket->abort(); // disconnected follows, and the next create with it
            return;
        }
        m_tally->latencyMs.push_back(double(m_clock.nsecsElapsed()) / 1e6);
        if (status == 200 && m_in.contains("\"connection_id\""))
            ++m_tally->created;
        else
            ++m_tally->refused;
    }

    QUrl m_endpoint;
    int m_index;
    Tally* m_tally;
    Credentials m_credentials;
    std::unique_ptr<QTcpSocket> m_socket;
    QTimer m_timeout;
    QElapsedTimer m_clock;
    QByteArray m_out;
    QByteArray m_in;
    qint64 m_sent = 0;
    bool m_done = false;
};

struct Sample
{
    double seconds = 0;
    qint64 created = 0;
    qint64 rssKiB = 0;
    qint64 hwmKiB = 0;
};

// Starts das-sandbox logging to `logPath`; its URL once it prints its banner, empty if it does not.
QUrl startSandbox(QProcess* process, const QString& logPath, const QStringList& extra)
{
    process->setStandardOutputFile(logPath);
    process->setStandardErrorFile(logPath + QStringLiteral(".err"));
    process->start(QStringLiteral(DAS_SANDBOX_PATH),
                   QStringList{QStringLiteral("--port"), QStringLiteral("0")} + extra);
    const QRegularExpression listening(QStringLiteral("listening on (\\S+)"));
    QFile log(logPath);
    for (int i = 0; i < 500 && process->state() != QProcess::NotRunning; ++i) {
        if (log.exists() && log.open(QIODevice::ReadOnly)) {
            const QRegularExpressionMatch m = listening.match(QString::fromUtf8(log.read(4096)));
            log.close();
            if (m.hasMatch())
                return QUrl(m.captured(1));
        }
        QThread::msleep(20);
    }
    return {};
}

double percentile(const std::vector<double>& sorted, double p)
{
    return sorted.empty() ? 0 : sorted[std::min(sorted.size() - 1, size_t(p * double(sorted.size())))];
}

QString verdict(bool pass)
{
    return pass ? QStringLiteral("PASS") : QStringLiteral("FAIL");
}

struct Run
{
    qint64 pid = 0;
    QUrl url;
    int seconds = 30;
    int clients = 50;
    Tally tally;
    std::vector<Sample> samples;
    double elapsed = 0;
    double sandboxCpu = 0;
    double clientCpu = 0;
};

// Drives the clients for run->seconds, sampling the sandbox every second; returns once the last in-flight
// create has ended (answered or timed out).
void drive(QCoreApplication& app, Run* run, QTextStream& out)
{
    std::vector<std::unique_ptr<Client>> clients;
    for (int i = 0; i < run->clients; ++i)
        clients.push_back(std::make_unique<Client>(run->url, i, &run->tally));
    const double cpu0 = cpuSecondsOf(run->pid);
    const double own0 = ownCpuSeconds();
    QElapsedTimer clock;
    clock.start();
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, &app, [&] {
        const auto [rss, hwm] = memoryOf(run->pid);
        const Sample s{double(clock.nsecsElapsed()) / 1e9, run->tally.created, rss, hwm};
        run->samples.push_back(s);
        const size_t n = run->samples.size();
        const double previous = n > PrintEverySamples ? run->samples[n - 1 - PrintEverySamples].seconds : 0;
        const qint64 before = n > PrintEverySamples ? run->samples[n - 1 - PrintEverySamples].created : 0;
        if (n % PrintEverySamples == 0)
            out << QStringLiteral("  %1 s  %2 created  %3/s  RSS %4 MiB  HWM %5 MiB\n")
                       .arg(s.seconds, 5, 'f', 1)
                       .arg(s.created, 7)
                       .arg(double(s.created - before) / (s.seconds - previous), 6, 'f', 0)
                       .arg(double(s.rssKiB) / 1024, 6, 'f', 1)
                       .arg(double(s.hwmKiB) / 1024, 6, 'f', 1)
                << Qt::flush;
        if (s.seconds >= run->seconds && run->tally.running) {
            run->tally.running = false;
            run->elapsed = s.seconds;
            run->sandboxCpu = cpuSecondsOf(run->pid) - cpu0;
            run->clientCpu = ownCpuSeconds() - own0;
            sampler.stop();
            // In-flight creates end within the request timeout; their latencies and errors still count.
            run->tally.drained = [&app] {
                app.quit();
            };
            if (run->tally.inFlight == 0)
                app.quit();
        }
    });
    sampler.start(SampleEveryMs);
    for (auto& client : clients)
        client->next();
    app.exec();
}

// The first sample after warm-up: at least MinWarmUpSeconds in, and the sandbox's connection store full (it
// keeps the most recent SandboxOptions::maxIssuedIds, so it grows until then by design). A third of the run
// when the store never fills.
size_t warmUpEnd(const Run& run, int storeCap, bool* storeFull)
{
    for (size_t i = 0; i < run.samples.size(); ++i) {
        if (run.samples[i].seconds >= MinWarmUpSeconds && run.samples[i].created >= storeCap) {
            *storeFull = true;
            return i;
        }
    }
    *storeFull = false;
    return run.samples.size() / 3;
}

// The lowest creates/s over PrintEverySamples consecutive samples: how steady "sustained" is.
double slowestWindow(const std::vector<Sample>& samples)
{
    double slowest = 0;
    for (size_t i = PrintEverySamples; i < samples.size(); ++i) {
        const Sample& a = samples[i - PrintEverySamples];
        const Sample& b = samples[i];
        const double rate = double(b.created - a.created) / (b.seconds - a.seconds);
        slowest = i == PrintEverySamples ? rate : std::min(slowest, rate);
    }
    return slowest;
}

// The figures, one verdict each; true when all pass.
bool report(Run& run, QTextStream& out)
{
    Tally& t = run.tally;
    std::sort(t.latencyMs.begin(), t.latencyMs.end());
    const double rate = double(run.samples.empty() ? 0 : run.samples.back().created) / run.elapsed;
    out << QStringLiteral("creates/s sustained: %1 (%2 created in %3 s by %4 clients; slowest %5 s window "
                          "%6/s)   [figure]\n")
               .arg(rate, 0, 'f', 0)
               .arg(run.samples.empty() ? 0 : run.samples.back().created)
               .arg(run.elapsed, 0, 'f', 1)
               .arg(run.clients)
               .arg(PrintEverySamples)
               .arg(slowestWindow(run.samples), 0, 'f', 0);
    const bool latencyOk = !t.latencyMs.empty();
    out << QStringLiteral("latency ms (connect to last byte): p50 %1  p95 %2  p99 %3  max %4   [%5: p99 "
                          "printed]\n")
               .arg(percentile(t.latencyMs, 0.50), 0, 'f', 1)
               .arg(percentile(t.latencyMs, 0.95), 0, 'f', 1)
               .arg(percentile(t.latencyMs, 0.99), 0, 'f', 1)
               .arg(latencyOk ? t.latencyMs.back() : 0, 0, 'f', 1)
               .arg(verdict(latencyOk));
    const bool errorsOk = t.refused == 0 && t.failed == 0 && t.created > 0;
    out << QStringLiteral("errors: %1 refused (HTTP status other than 200), %2 failed (reset, early close, "
                          "timeout %3 ms)   [%4: none]\n")
               .arg(t.refused)
               .arg(t.failed)
               .arg(RequestTimeoutMs)
               .arg(verdict(errorsOk));
    if (run.samples.empty())
        return false;
    bool storeFull = false;
    const int storeCap = SandboxOptions().maxIssuedIds;
    const size_t warmIndex = warmUpEnd(run, storeCap, &storeFull);
    const Sample& warm = run.samples[warmIndex];
    const Sample& last = run.samples.back();
    // Peaks over a window, not single samples: a sandbox writing its state file rises and falls with every
    // write, and a sample in a trough would hide or invent growth.
    auto peak = [&run](size_t from) {
        qint64 most = 0;
        for (size_t i = from; i < std::min(run.samples.size(), from + PrintEverySamples); ++i)
            most = std::max(most, run.samples[i].rssKiB);
        return most;
    };
    const qint64 warmPeak = peak(warmIndex);
    const qint64 lastPeak =
        peak(run.samples.size() - std::min(run.samples.size(), size_t(PrintEverySamples)));
    const double growth = double(lastPeak - warmPeak) / double(warmPeak);
    const bool memoryOk = growth <= MaxGrowth;
    auto mib = [](qint64 kib) {
        return QString::number(double(kib) / 1024, 'f', 1);
    };
    out << QStringLiteral(
               "sandbox RSS MiB: first %1, peak of the %2 s after warm-up %3 (from t %4 s, %5), peak of the "
               "last %2 s %6 (last %7, VmHWM %8); growth after warm-up %9%   [%10: <= %11%]\n")
               .arg(mib(run.samples.front().rssKiB))
               .arg(PrintEverySamples * SampleEveryMs / 1000)
               .arg(mib(warmPeak))
               .arg(warm.seconds, 0, 'f', 0)
               .arg(storeFull ? QStringLiteral("store full at %1 connections").arg(storeCap)
                              : QStringLiteral("store NOT full yet: a third of the run"))
               .arg(mib(lastPeak), mib(last.rssKiB), mib(last.hwmKiB))
               .arg(growth * 100, 0, 'f', 1)
               .arg(verdict(memoryOk))
               .arg(MaxGrowth * 100, 0, 'f', 0);
    out << QStringLiteral("CPU over the run: sandbox %1 s (%2% of one core), clients %3 s; load average at "
                          "end %4\n")
               .arg(run.sandboxCpu, 0, 'f', 1)
               .arg(run.sandboxCpu * 100 / run.elapsed, 0, 'f', 0)
               .arg(run.clientCpu, 0, 'f', 1)
               .arg(QString::fromLatin1(loadAverage()));
    return latencyOk && errorsOk && memoryOk;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    Run run;
    run.seconds = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 30;
    run.clients = argc > 2 ? std::max(1, QByteArray(argv[2]).toInt()) : 50;

    QTemporaryDir dir;
    QProcess sandbox;
    const QString logPath = dir.filePath(QStringLiteral("sandbox.log"));
    const QStringList extra = QCoreApplication::arguments().mid(3);
    run.url = startSandbox(&sandbox, logPath, extra);
    if (run.url.isEmpty()) {
        out << "das-sandbox did not start: " << DAS_SANDBOX_PATH << Qt::endl;
        return 1;
    }
    run.pid = sandbox.processId();
    const bool loopback =
        run.url.host() == QLatin1String("127.0.0.1") && listensOnLoopbackOnly(quint16(run.url.port()));
    out << QStringLiteral("bench_sandbox: %1 s, %2 clients, das-sandbox %3(pid %4) on %5, logging to a file; "
                          "%6 cores, load average %7\n")
               .arg(run.seconds)
               .arg(run.clients)
               .arg(extra.isEmpty() ? QString() : extra.join(u' ') + u' ')
               .arg(run.pid)
               .arg(run.url.toString())
               .arg(QThread::idealThreadCount())
               .arg(QString::fromLatin1(loadAverage()));
    out << QStringLiteral("listens on 127.0.0.1 only (/proc/net/tcp, tcp6)   [%1]\n").arg(verdict(loopback))
        << Qt::flush;

    drive(app, &run, out);
    bool ok = report(run, out) && loopback;
    const qint64 logBytes = QFileInfo(logPath).size();
    out << QStringLiteral("sandbox log: %1 MiB, %2 bytes per create (grows on disk, not in memory)\n")
               .arg(double(logBytes) / 1048576, 0, 'f', 1)
               .arg(run.tally.created ? logBytes / run.tally.created : 0);
    sandbox.kill();
    sandbox.waitForFinished(5000);
    out << (ok ? "overall: PASS" : "overall: FAIL") << Qt::endl;
    return ok ? 0 : 1;
}
