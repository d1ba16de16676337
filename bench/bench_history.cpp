// The history at scale: bench_history [rows] (default 100000; 1000000 for the large figures). Prints each
// figure against its target (issue 13), PASS or FAIL; asserts nothing. Timings are wall clock: on a loaded
// machine they are worse than on an idle one (the load average is printed).
#include "AppPaths.h"
#include "FigureReport.h"
#include "HistoryPane.h"
#include "HistoryProxyModel.h"
#include "HistoryStore.h"
#include "HistoryTableModel.h"
#include "HistoryWatcher.h"
#include "ProcessStats.h"
#include "StartupHooks.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QProcess>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimeZone>
#include <QWindow>

#include <algorithm>

#include <time.h>

using namespace das;

namespace {

constexpr int PlainAdds = 200;

// One row in a hundred has the username "auditor", which appears nowhere else: the 1% filter.
HistoryRecord sample(int i)
{
    HistoryRecord r;
    r.createdAt = QDateTime(QDate(2023, 1, 1), QTime(0, 0), QTimeZone::utc()).addSecs(qint64(i) * 97);
    r.endpoint = i % 4 ? QStringLiteral("https://das.cn-north-4.myhuaweicloud.com")
                       : QStringLiteral("https://das.cn-east-3.myhuaweicloud.com");
    r.region = i % 4 ? QStringLiteral("cn-north-4") : QStringLiteral("cn-east-3");
    r.projectId = QStringLiteral("052041494800d57c2f02c00275b4c247");
    r.instanceId = QStringLiteral("bcfa975193f1402fa11a6d4fd6b%1in01").arg(i % 5000, 5, 10, QLatin1Char('0'));
    r.engineType = i % 3 ? QStringLiteral("mysql") : QStringLiteral("postgresql");
    r.networkType = QStringLiteral("rds");
    r.username =
        i % 100 == 0 ? QStringLiteral("auditor") : QStringLiteral("app_user%1").arg((i * 7919) % 997);
    r.nodeIds = {QStringLiteral("6b0e3d1c2a9f4e8b9c7d5a4f3e2d1c0bno01")};
    r.port = QStringLiteral("3306");
    r.databaseName = QStringLiteral("orders");
    r.remarks = QStringLiteral("onboarding batch %1, ticket OPS-%2").arg(i / 250).arg(10000 + i % 777);
    r.isSavePassword = i % 5 == 0;
    r.passwordSaved = i % 5 == 0;
    r.connectionId = QStringLiteral("%1-5a4f-4e2d-9c1b-%2")
                         .arg(quint32(i) * 2654435761U, 8, 16, QLatin1Char('0'))
                         .arg(i, 12, 10, QLatin1Char('0'));
    r.requestId = QStringLiteral("req-%1").arg(i);
    return r;
}

double mib(qint64 kib)
{
    return double(kib) / 1024.0;
}

double rssMiB()
{
    return mib(bench::memoryOf(QCoreApplication::applicationPid()).first);
}

double peakRssMiB()
{
    return double(peakRssKiB()) / 1024.0;
}

// Counts the paint events of a widget.
class PaintCounter : public QObject
{
public:
    int paints = 0;
    bool eventFilter(QObject*, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return false;
    }
};

// Lets the view lay out and paint what it now shows, once: the pending events (the view's delayed layout, the
// window's update request) paint it as they would on screen; when none asked for a paint, it is painted here.
// (It had painted twice per action, a second paint of ~7 ms counted against each figure.)
void settle(QTableView* view)
{
    PaintCounter counter;
    view->viewport()->installEventFilter(&counter);
    QCoreApplication::processEvents();
    if (counter.paints == 0)
        view->viewport()->repaint();
    view->viewport()->removeEventFilter(&counter);
}

double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

// The GUI thread's CPU time in the last timed() action: on a loaded machine the wall clock also counts the
// time the thread waited for a core.
double lastCpuMs = 0;

QString cpuNote(double cpu)
{
    return QStringLiteral("GUI thread CPU %1 ms").arg(cpu, 0, 'f', 1);
}

qint64 timed(QTableView* view, const std::function<void()>& action)
{
    QElapsedTimer timer;
    timer.start();
    const double cpu = threadCpuMs();
    action();
    settle(view);
    lastCpuMs = threadCpuMs() - cpu;
    return timer.elapsed();
}

// HistoryStore commits (and syncs) every add, as the app does after a create.
bool timePlainAdds(const QString& path, FigureReport& report)
{
    HistoryStore plain(path);
    QString error;
    if (!plain.open(&error)) {
        report.out() << error << Qt::endl;
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < PlainAdds; ++i) {
        HistoryRecord r = sample(i);
        plain.add(r, &error);
    }
    report.info(QStringLiteral("add, one commit each:"), double(timer.nsecsElapsed()) / 1e6 / PlainAdds,
                QStringLiteral("ms per row"));
    return true;
}

// HistoryStore::addEach: every row in one transaction, made one at a time (memory flat), the path of a bulk
// load or an import. Into an empty history: the indexes are built after the rows are in.
bool populate(const QString& path, int rows, FigureReport& report)
{
    HistoryStore store(path);
    QString error;
    if (!store.open(&error)) {
        report.out() << error << Qt::endl;
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    const double cpuBefore = bench::ownCpuSeconds();
    if (!store.addEach(
            rows, [](qint64 i) { return sample(int(i)); }, {}, &error)) {
        report.out() << error << Qt::endl;
        return false;
    }
    // CPU of both threads (the rows are made on one, inserted on the other): on a loaded machine the wall
    // time says more about the load than about the load's work.
    const QString cpu =
        QStringLiteral("CPU %1 ms").arg((bench::ownCpuSeconds() - cpuBefore) * 1000.0, 0, 'f', 0);
    const QString what = QStringLiteral("populate %1 rows (addEach, one transaction):").arg(rows);
    // The target: five times faster than the 10.4 s the issue measured for 100,000 rows.
    if (rows <= 100000)
        report.figure(what, double(timer.elapsed()), QStringLiteral("ms"), 10400.0 / 5 * rows / 100000,
                      QStringLiteral("was 10.4 s at 100,000; ") + cpu);
    else
        report.info(what, double(timer.elapsed()), QStringLiteral("ms"), cpu);
    return true;
}

// Jumps, drags and sorts: each must show its first screen within a frame at 100,000 rows.
void timeNavigation(HistoryPane& pane, FigureReport& report, double frame)
{
    QTableView* view = pane.table();
    QScrollBar* bar = view->verticalScrollBar();
    const QString ms = QStringLiteral("ms");
    const double end = double(timed(view, [&] { view->scrollToBottom(); }));
    report.figure(QStringLiteral("jump to the end (Ctrl+End):"), end, ms, frame, cpuNote(lastCpuMs));
    const bool boundaries = pane.model()->hasPageBoundaries();
    qint64 worst = 0;
    double worstCpu = 0;
    for (double at : {0.5, 0.1, 0.9, 0.33, 0.77, 0.0}) {
        worst = std::max(worst, timed(view, [&] { bar->setValue(int(bar->maximum() * at)); }));
        worstCpu = std::max(worstCpu, lastCpuMs);
    }
    report.figure(QStringLiteral("drag the scroll bar anywhere (worst of 6):"), double(worst), ms, frame,
                  cpuNote(worstCpu) + (boundaries ? QStringLiteral(", page boundaries known")
                                                  : QStringLiteral(", page boundaries still being read")));
    worst = 0;
    worstCpu = 0;
    int worstColumn = 0;
    for (int column = 0; column < HistoryColumn::Count; ++column) {
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            const qint64 t = timed(view, [&] { view->sortByColumn(column, order); });
            const double sortCpu = lastCpuMs;
            const qint64 toEnd = timed(view, [&] { view->scrollToBottom(); });
            worstCpu = std::max({worstCpu, sortCpu, lastCpuMs});
            if (std::max(t, toEnd) > worst) {
                worst = std::max(t, toEnd);
                worstColumn = column;
            }
            bar->setValue(0);
        }
    }
    report.figure(
        QStringLiteral("sort on any column, then its end (worst):"), double(worst), ms, frame,
        QStringLiteral("worst column %1; worst ").arg(QLatin1String(HistoryColumn::key(worstColumn))) +
            cpuNote(worstCpu));
    view->sortByColumn(HistoryColumn::Time, Qt::DescendingOrder);
    settle(view);
}

// The first screen of a filter does not wait for its rows to be counted when many match (they are counted in
// the background); when the count came, is printed without a target.
void timeFilters(HistoryPane& pane, FigureReport& report, double frame)
{
    QTableView* view = pane.table();
    const QString ms = QStringLiteral("ms");
    QElapsedTimer sinceFilter;
    bool exactAtOnce = false;
    auto counted = [&] {
        HistoryTableModel* model = pane.model();
        while (!model->isCountExact() && sinceFilter.elapsed() < 60000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        report.info(QStringLiteral("  its match count shown after:"), double(sinceFilter.elapsed()), ms,
                    QStringLiteral("%1 rows, %2")
                        .arg(model->totalCount())
                        .arg(exactAtOnce ? QStringLiteral("counted with the first screen")
                                         : QStringLiteral("counted in the background")));
    };
    // timed(), noting whether the count came with the first screen.
    auto filter = [&](const QString& text) {
        sinceFilter.start();
        const double cpu = threadCpuMs();
        pane.proxy()->setFilterText(text);
        exactAtOnce = pane.model()->isCountExact();
        settle(view);
        lastCpuMs = threadCpuMs() - cpu;
        return double(sinceFilter.elapsed());
    };
    double t = filter(QStringLiteral("auditor"));
    report.figure(QStringLiteral("filter matching 1%:"), t, ms, frame, cpuNote(lastCpuMs));
    counted();
    t = filter(QStringLiteral("zz-no-such-connection"));
    report.figure(QStringLiteral("filter matching nothing:"), t, ms, frame, cpuNote(lastCpuMs));
    t = filter(QStringLiteral("a"));
    report.figure(QStringLiteral("filter of one character (LIKE):"), t, ms, frame, cpuNote(lastCpuMs));
    counted();
    t = filter(QString());
    report.figure(QStringLiteral("clear the filter:"), t, ms, frame, cpuNote(lastCpuMs));
}

// A one-shot process's rows (a CLI create) land after the trigram index's mark (HistorySearchIndex) and are
// matched by LIKE until a window indexes them (as it opens the history, and when its watcher sees another
// process's commit), HistoryStore::SearchTailRowsAtATime at a time: the 1 % filter with that many after the
// mark, the watcher stopped. No target: the window does not wait so.
void timeFilterWithTail(HistoryPane& pane, const QString& path, FigureReport& report, int rows)
{
    const int tail = int(HistoryStore::SearchTailRowsAtATime);
    pane.watcher()->setActive(false);
    AppPaths::setHistoryCompactedOnClose(false);
    {
        HistoryStore cli(path);
        QString error;
        bool ok = cli.open(&error);
        for (int i = 0; ok && i < tail; ++i) {
            HistoryRecord r = sample(rows + i);
            ok = cli.add(r, &error);
        }
        if (!ok)
            report.out() << error << Qt::endl;
    }
    AppPaths::setHistoryCompactedOnClose(true);
    pane.reload();
    settle(pane.table());
    QElapsedTimer timer;
    timer.start();
    const double cpu = threadCpuMs();
    pane.proxy()->setFilterText(QStringLiteral("auditor"));
    settle(pane.table());
    lastCpuMs = threadCpuMs() - cpu;
    report.info(QStringLiteral("filter matching 1%, %1 rows after the index's mark:").arg(tail),
                double(timer.elapsed()), QStringLiteral("ms"), cpuNote(lastCpuMs));
    pane.proxy()->setFilterText(QString());
    settle(pane.table());
    // What a window opening this history then does on its GUI thread: index those rows.
    QElapsedTimer opening;
    opening.start();
    HistoryStore window(path);
    QString error;
    if (!window.open(&error))
        report.out() << error << Qt::endl;
    report.info(QStringLiteral("open the history, indexing those %1 rows:").arg(tail),
                double(opening.elapsed()), QStringLiteral("ms"),
                QStringLiteral("on the window's GUI thread, once"));
}

// Page by page to the end, as a user holding Page Down would; then the memory that took.
void scrollThroughEverything(HistoryPane& pane, FigureReport& report, int rows)
{
    QTableView* view = pane.table();
    QScrollBar* bar = view->verticalScrollBar();
    bar->setValue(0);
    settle(view);
    QElapsedTimer timer;
    timer.start();
    qint64 worst = 0;
    // One cache page per step: every row is read once.
    const int step = std::max(1, HistoryTableModel::PageSize);
    for (int value = 0; value <= bar->maximum(); value += step) {
        QElapsedTimer one;
        one.start();
        bar->setValue(value);
        settle(view);
        worst = std::max(worst, one.elapsed());
    }
    report.info(QStringLiteral("scroll through every row:"), double(timer.elapsed()), QStringLiteral("ms"),
                QStringLiteral("worst step %1 ms, %2 pages read, %3 cached")
                    .arg(worst)
                    .arg(pane.model()->pagesRead())
                    .arg(pane.model()->cachedPages()));
    const double limit = rows > 100000 ? 60.0 : 60.0;
    report.figure(QStringLiteral("memory (RSS) after scrolling through all:"), rssMiB(),
                  QStringLiteral("MiB"), limit, QStringLiteral("%1 rows").arg(rows));
}

void timeExports(HistoryPane& pane, const QTemporaryDir& dir, FigureReport& report, int rows)
{
    const double target = 500.0 * rows / 100000;
    for (HistoryPane::Format format : {HistoryPane::Format::Csv, HistoryPane::Format::Json}) {
        const bool csv = format == HistoryPane::Format::Csv;
        const QString path = dir.filePath(csv ? QStringLiteral("all.csv") : QStringLiteral("all.json"));
        const qint64 peakBefore = peakRssKiB();
        QString error;
        QElapsedTimer timer;
        timer.start();
        const bool ok = pane.exportTo(path, format, HistoryPane::Scope::All, &error);
        const double ms = double(timer.elapsed());
        report.figure(csv ? QStringLiteral("export all as CSV:") : QStringLiteral("export all as JSON:"), ms,
                      QStringLiteral("ms"), target,
                      ok ? QStringLiteral("%1 MiB written, peak RSS +%2 MiB")
                               .arg(QFileInfo(path).size() / 1048576)
                               .arg(mib(peakRssKiB() - peakBefore), 0, 'f', 1)
                         : error);
        QFile::remove(path);
    }
}

} // namespace

// The bulk load runs in a child process (bench_history --populate PATH ROWS): the memory SQLite and the
// allocator keep after it would otherwise count against the pane's.
int populateInChild(const QString& path, int rows, QTextStream& out)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--populate"), path, QString::number(rows)});
    if (!child.waitForFinished(-1) || child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0) {
        out << "populating failed" << Qt::endl;
        return 1;
    }
    return 0;
}

int main(int argc, char* argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (argc == 4 && QByteArray(argv[1]) == "--populate") {
        QCoreApplication child(argc, argv);
        QTextStream out(stdout);
        FigureReport report(out);
        const QString dir = QFileInfo(QString::fromLocal8Bit(argv[2])).absolutePath();
        if (!timePlainAdds(dir + QStringLiteral("/plain.sqlite"), report) ||
            !populate(QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]).toInt(), report))
            return 1;
        report.info(QStringLiteral("peak RSS of the populating process:"), peakRssMiB(),
                    QStringLiteral("MiB"));
        return 0; // its PASS or FAIL is printed above
    }
    QApplication app(argc, argv);
    const int rows = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 100000;
    // A frame at 100,000 rows; 50 ms at a million.
    const double frame = rows > 100000 ? 50.0 : 16.0;
    QTextStream out(stdout);
    FigureReport report(out);
    out << "bench_history: " << rows << " rows, load average " << bench::loadAverage() << Qt::endl;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    if (populateInChild(path, rows, out) != 0)
        return 1;

    // Pay for fonts, style and the platform once, outside the figures.
    {
        HistoryPane warmUp;
        warmUp.show();
        settle(warmUp.table());
    }

    QElapsedTimer timer;
    timer.start();
    HistoryStore store(path);
    QString error;
    if (!store.open(&error)) {
        out << error << Qt::endl;
        return 1;
    }
    HistoryPane pane;
    pane.resize(1400, 800);
    pane.setStore(&store);
    pane.show();
    while (!pane.windowHandle() || !pane.windowHandle()->isExposed())
        QCoreApplication::processEvents();
    settle(pane.table());
    report.info(QStringLiteral("open store + first screen shown:"), double(timer.elapsed()),
                QStringLiteral("ms"));
    const double reload = double(timed(pane.table(), [&] { pane.reload(); }));
    report.figure(QStringLiteral("first screen again (reload):"), reload, QStringLiteral("ms"), frame,
                  cpuNote(lastCpuMs));

    timeNavigation(pane, report, frame);
    timeFilters(pane, report, frame);
    scrollThroughEverything(pane, report, rows);
    timeExports(pane, dir, report, rows);
    timeFilterWithTail(pane, path, report, rows);
    report.figure(QStringLiteral("peak RSS of the process:"), peakRssMiB(), QStringLiteral("MiB"),
                  rows > 100000 ? 60.0 : 60.0);
    out << report.failed() << " figure(s) of the pane missed their target (the populate line is above)"
        << Qt::endl;
    return 0;
}
