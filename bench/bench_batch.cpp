// Batch onboarding at scale against an in-process sandbox with a set latency:
//   bench_batch [rows=1000] [parallel=8] [latency-ms=50] [plan-rows=10000]
// Each phase runs in a child process of its own so that its peak RSS is its own: applying `rows` rows, then
// 2 × rows (memory should stay flat), then reading and planning a generated file of `plan-rows` rows.
#include "BatchFile.h"
#include "BatchPlanner.h"
#include "BatchRunner.h"
#include "DasClient.h"
#include "HistoryStore.h"
#include "SandboxServer.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

using namespace das;

namespace {

double peakRssMiB()
{
    struct rusage usage
    {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // kilobytes on Linux
}

CredentialChoice demoChoice()
{
    CredentialChoice c;
    c.source = CredentialChoice::Source::SandboxDemo;
    c.credentials.accessKey = QLatin1String(SandboxOptions::DemoAccessKey);
    c.credentials.secretKey = QLatin1String(SandboxOptions::DemoSecretKey);
    return c;
}

// Rows that plan cleanly: every other one names the instance (looked up in the instance list), the rest
// spell it out; user names are distinct so that no row is a duplicate of another.
QByteArray generatedCsv(int rows)
{
    QList<QHash<QString, QString>> cells;
    cells.reserve(rows);
    for (int i = 0; i < rows; ++i) {
        QHash<QString, QString> row{{QStringLiteral("username"), QStringLiteral("bench_user_%1").arg(i)},
                                    {QStringLiteral("remarks"), QStringLiteral("bench row %1").arg(i)}};
        if (i % 2 == 0) {
            row.insert(QStringLiteral("instance_name"), QStringLiteral("orders-db-prod-01"));
        } else {
            row.insert(QStringLiteral("instance_id"), QLatin1String(SandboxOptions::DemoInstanceId));
            row.insert(QStringLiteral("engine_type"), QStringLiteral("mysql"));
            row.insert(QStringLiteral("network_type"), QStringLiteral("rds"));
        }
        cells.append(row);
    }
    return BatchFileReader::sampleCsv(cells);
}

// What one row's two history commits (the write-ahead `pending` row, then its settled state; WAL with
// synchronous=FULL) cost on this disk, in ms: they run on the event loop's thread, one row after another.
double historyMsPerRow(const QString& path)
{
    HistoryStore history(path);
    QString error;
    if (!history.open(&error))
        return -1;
    constexpr int Rows = 100;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < Rows; ++i) {
        HistoryRecord row =
            HistoryRecord::pending(SandboxOptions::demoRequest(), QStringLiteral("http://x"), {});
        history.add(row, &error);
        history.setState(row.id, HistoryRecord::State::Created, QStringLiteral("c%1").arg(i), {}, {}, &error);
    }
    return double(clock.nsecsElapsed()) / 1e6 / Rows;
}

// Applies `rows` create rows built by hand (the planner's output for such a file) with BatchRunner.
int applyPhase(int rows, int parallel, int latencyMs, QTextStream& out)
{
    SandboxOptions options;
    options.latencyMs = latencyMs;
    options.maxIssuedIds = qMax(10000, rows);
    SandboxServer server(options);
    QTemporaryDir dir;
    HistoryStore history(dir.filePath(QStringLiteral("history.sqlite")));
    DasClient client;
    QString error;
    if (!server.start(&error) || !history.open(&error)) {
        out << error << Qt::endl;
        return 1;
    }
    BatchPlan plan;
    plan.rows.reserve(rows);
    for (int i = 0; i < rows; ++i) {
        BatchRowPlan row;
        row.row = i + 2;
        row.action = BatchRowPlan::Action::Create;
        row.request = SandboxOptions::demoRequest();
        row.request.username = QStringLiteral("bench_user_%1").arg(i);
        plan.rows.append(row);
    }
    BatchPasswords passwords;
    passwords.setCommon(QStringLiteral("Bench-Pass-1"));
    BatchRunner::Options runOptions;
    runOptions.parallel = parallel;
    // Creates the sandbox holds at once: at most `parallel`, unless something below the runner caps it.
    QSet<QString> creates;
    int inFlight = 0;
    int peak = 0;
    QObject::connect(&server, &SandboxServer::requestReceived,
                     [&](const QString&, const QString& path, const QString& id) {
                         if (path.endsWith(QLatin1String("/create-connection"))) {
                             creates.insert(id);
                             peak = qMax(peak, ++inFlight);
                         }
                     });
    QObject::connect(&server, &SandboxServer::requestAnswered,
                     [&](int, const QString&, const QString& id) { inFlight -= creates.remove(id) ? 1 : 0; });
    BatchRunner runner({&client, &history, nullptr, nullptr});
    QEventLoop loop;
    QObject::connect(&runner, &BatchRunner::finished, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    clock.start();
    if (!runner.start(plan, {server.url(), QString()}, demoChoice(), passwords, runOptions))
        return 1;
    loop.exec();
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    const double ideal =
        double(rows) * latencyMs / 1000.0 / qBound(1, parallel, int(BatchRunner::MaxParallel));
    const BatchReport& report = runner.report();
    out << QStringLiteral(
               "apply %1 rows, parallel %2, latency %3 ms: %4 s (ideal %5 s, ratio %6), %7 creates/s, "
               "created %8, peak RSS %9 MiB\n  peak creates in flight %10; history commits %11 ms per row "
               "(%12)\n")
               .arg(rows)
               .arg(parallel)
               .arg(latencyMs)
               .arg(seconds, 0, 'f', 2)
               .arg(ideal, 0, 'f', 2)
               .arg(ideal > 0 ? seconds / ideal : 0.0, 0, 'f', 2)
               .arg(double(rows) / seconds, 0, 'f', 0)
               .arg(report.count(BatchRowResult::Status::Created))
               .arg(peakRssMiB(), 0, 'f', 1)
               .arg(peak)
               .arg(historyMsPerRow(dir.filePath(QStringLiteral("probe.sqlite"))), 0, 'f', 2)
               .arg(QDir::toNativeSeparators(dir.path()));
    return report.count(BatchRowResult::Status::Created) == rows ? 0 : 1;
}

// Reads a generated CSV and plans it against the sandbox (instance names looked up, ListConnections paged).
int planPhase(int rows, QTextStream& out)
{
    SandboxServer server;
    DasClient client;
    QString error;
    if (!server.start(&error)) {
        out << error << Qt::endl;
        return 1;
    }
    const QByteArray csv = generatedCsv(rows);
    QElapsedTimer clock;
    clock.start();
    BatchPlanner::Request request;
    request.endpoint = server.url();
    request.defaultProjectId = QLatin1String(SandboxOptions::DemoProjectId);
    request.credentials = demoChoice();
    request.content = BatchFileReader::parse(csv);
    const double parseSeconds = double(clock.nsecsElapsed()) / 1e9;
    BatchPlanner planner({&client, nullptr});
    QEventLoop loop;
    QObject::connect(&planner, &BatchPlanner::finished, &loop, &QEventLoop::quit);
    if (!planner.start(request))
        return 1;
    loop.exec();
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    const BatchPlan& plan = planner.outcome().plan;
    out << QStringLiteral(
               "parse + plan %1 rows (%2 KiB CSV): parse %3 s, total %4 s, %5 to create, %6 invalid, "
               "%7 requests, peak RSS %8 MiB\n")
               .arg(rows)
               .arg(csv.size() / 1024)
               .arg(parseSeconds, 0, 'f', 2)
               .arg(seconds, 0, 'f', 2)
               .arg(plan.count(BatchRowPlan::Action::Create))
               .arg(plan.count(BatchRowPlan::Action::Invalid))
               .arg(server.requestCount())
               .arg(peakRssMiB(), 0, 'f', 1);
    return plan.count(BatchRowPlan::Action::Create) == rows ? 0 : 1;
}

int argument(const QStringList& args, int index, int fallback)
{
    bool ok = false;
    const int value = args.value(index).toInt(&ok);
    return ok && value > 0 ? value : fallback;
}

// Runs one phase in a child process and copies its lines.
int child(const QStringList& arguments, QTextStream& out)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(QCoreApplication::applicationFilePath(), arguments);
    process.waitForFinished(-1);
    out << process.readAllStandardOutput() << Qt::flush;
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : 1;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QStringList args = app.arguments().mid(1);
    if (args.value(0) == QLatin1String("--apply"))
        return applyPhase(argument(args, 1, 1000), argument(args, 2, 8), argument(args, 3, 50), out);
    if (args.value(0) == QLatin1String("--plan"))
        return planPhase(argument(args, 1, 10000), out);

    const int rows = argument(args, 0, 1000);
    const QString parallel = QString::number(argument(args, 1, 8));
    const QString latency = QString::number(argument(args, 2, 50));
    int failures = 0;
    failures += child({QStringLiteral("--apply"), QString::number(rows), parallel, latency}, out);
    failures += child({QStringLiteral("--apply"), QString::number(rows * 2), parallel, latency}, out);
    failures += child({QStringLiteral("--plan"), QString::number(argument(args, 3, 10000))}, out);
    return failures == 0 ? 0 : 1;
}
