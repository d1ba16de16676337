// The history pane at scale: bench_history [rows] (default 100000). Prints figures; asserts nothing.
#include "HistoryPane.h"
#include "HistoryProxyModel.h"
#include "HistoryStore.h"
#include "HistoryTableModel.h"
#include "StartupHooks.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimeZone>
#include <QWindow>

#include <algorithm>

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

double peakRssMiB()
{
    return double(peakRssKiB()) / 1024.0;
}

// Lets the view lay out and paint what it now shows.
void settle(QTableView* view)
{
    QCoreApplication::processEvents();
    view->viewport()->repaint();
    QCoreApplication::processEvents();
}

struct Scroll
{
    int fetches = 0;
    qint64 worstMs = 0; // the longest the view was stuck at the end of the loaded rows
};

Scroll scrollToEnd(QTableView* view, const HistoryTableModel* model)
{
    Scroll scroll;
    QElapsedTimer step;
    while (model->canFetchMore(QModelIndex())) {
        step.start();
        view->scrollToBottom(); // the view fetches more when it reaches the end
        QCoreApplication::processEvents();
        scroll.worstMs = std::max(scroll.worstMs, step.elapsed());
        ++scroll.fetches;
    }
    view->scrollToBottom();
    settle(view);
    return scroll;
}

qint64 timedFilter(HistoryPane& pane, const QString& text)
{
    QElapsedTimer timer;
    timer.start();
    pane.proxy()->setFilterText(text);
    settle(pane.table());
    return timer.elapsed();
}

// HistoryStore commits (and syncs) every add, as the app does after a create.
bool timePlainAdds(const QString& path, QTextStream& out)
{
    HistoryStore plain(path);
    QString error;
    if (!plain.open(&error)) {
        out << error << Qt::endl;
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < PlainAdds; ++i) {
        HistoryRecord r = sample(i);
        plain.add(r, &error);
    }
    out << "add, one commit each:           " << double(timer.nsecsElapsed()) / 1e6 / PlainAdds
        << " ms per row (" << PlainAdds << " rows)" << Qt::endl;
    return true;
}

// The bulk load wraps HistoryStore::add in one transaction on the store's own connection (found by
// name; the bench's only open store), so that 100,000 rows do not take 100,000 syncs.
bool populate(const QString& path, int rows, QTextStream& out)
{
    HistoryStore store(path);
    QString error;
    if (!store.open(&error)) {
        out << error << Qt::endl;
        return false;
    }
    QSqlDatabase db;
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString& name : names) {
        if (name.startsWith(QLatin1String("history-")))
            db = QSqlDatabase::database(name, false);
    }
    QElapsedTimer timer;
    timer.start();
    const bool bulk = db.isValid() && db.transaction();
    for (int i = 0; i < rows; ++i) {
        HistoryRecord r = sample(i);
        if (!store.add(r, &error)) {
            out << error << Qt::endl;
            return false;
        }
    }
    if (bulk)
        db.commit();
    out << "populate " << rows << " rows" << (bulk ? " (one transaction)" : " (one commit each)") << ": "
        << timer.elapsed() << " ms" << Qt::endl;
    return true;
}

// With the first page loaded, as after start-up; then with every row loaded; then sorted by username.
void timeFilterScrollAndSort(HistoryPane& pane, QTextStream& out)
{
    const QString onePercent = QStringLiteral("auditor");
    const QString nothing = QStringLiteral("zz-no-such-connection");
    qint64 ms = timedFilter(pane, onePercent);
    out << "filter matching 1%:             " << ms << " ms (" << pane.model()->totalCount() << " rows)"
        << Qt::endl;
    out << "filter matching nothing:        " << timedFilter(pane, nothing) << " ms" << Qt::endl;
    out << "clear the filter:               " << timedFilter(pane, QString()) << " ms" << Qt::endl;

    QElapsedTimer timer;
    timer.start();
    Scroll scroll = scrollToEnd(pane.table(), pane.model());
    out << "scroll to the bottom (time):    " << timer.elapsed() << " ms (" << scroll.fetches
        << " fetches, worst " << scroll.worstMs << " ms, " << pane.proxy()->rowCount() << " rows loaded)"
        << Qt::endl;
    out << "peak RSS with every row loaded: " << peakRssMiB() << " MiB" << Qt::endl;

    ms = timedFilter(pane, onePercent);
    out << "filter 1%, every row loaded:    " << ms << " ms (" << pane.model()->totalCount() << " rows)"
        << Qt::endl;
    ms = timedFilter(pane, nothing);
    out << "filter nothing, from 1%:        " << ms << " ms (" << pane.model()->totalCount() << " rows)"
        << Qt::endl;
    out << "clear the filter, again:        " << timedFilter(pane, QString()) << " ms" << Qt::endl;

    timer.start();
    pane.table()->sortByColumn(HistoryColumn::Username, Qt::AscendingOrder);
    settle(pane.table());
    out << "sort by username:               " << timer.elapsed() << " ms" << Qt::endl;
    timer.start();
    scroll = scrollToEnd(pane.table(), pane.model());
    out << "scroll to the bottom (username):" << timer.elapsed() << " ms (" << scroll.fetches
        << " fetches, worst " << scroll.worstMs << " ms)" << Qt::endl;
}

void timeExports(HistoryPane& pane, const QTemporaryDir& dir, QTextStream& out)
{
    QString error;
    QElapsedTimer timer;
    timer.start();
    const bool exported = pane.exportTo(dir.filePath(QStringLiteral("all.csv")), HistoryPane::Format::Csv,
                                        HistoryPane::Scope::All, &error);
    out << "export all as CSV:              " << timer.elapsed() << " ms" << (exported ? "" : " (failed)")
        << Qt::endl;
    timer.start();
    const bool exportedJson = pane.exportTo(dir.filePath(QStringLiteral("all.json")),
                                            HistoryPane::Format::Json, HistoryPane::Scope::All, &error);
    out << "export all as JSON:             " << timer.elapsed() << " ms" << (exportedJson ? "" : " (failed)")
        << Qt::endl;
}

} // namespace

int main(int argc, char* argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int rows = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 100000;
    QTextStream out(stdout);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    if (!timePlainAdds(dir.filePath(QStringLiteral("plain.sqlite")), out) || !populate(path, rows, out))
        return 1;
    out << "peak RSS after populating:      " << peakRssMiB() << " MiB" << Qt::endl;

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
    out << "open store + first page shown:  " << timer.elapsed() << " ms (" << pane.proxy()->rowCount()
        << " of " << pane.model()->totalCount() << " rows loaded)" << Qt::endl;

    timeFilterScrollAndSort(pane, out);
    timeExports(pane, dir, out);
    out << "peak RSS:                       " << peakRssMiB() << " MiB" << Qt::endl;
    return 0;
}
