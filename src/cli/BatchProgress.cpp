#include "BatchProgress.h"

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace das {

namespace {

constexpr int BarWidth = 20;
constexpr int RefreshMs = 500;

// "0:09", "12:30", "2:05:00".
QString duration(qint64 seconds)
{
    const qint64 h = seconds / 3600;
    const qint64 m = seconds / 60 % 60;
    const qint64 s = seconds % 60;
    const QString mmss = QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
    return h > 0 ? QStringLiteral("%1:%2").arg(h).arg(mmss.rightJustified(5, QLatin1Char('0'))) : mmss;
}

} // namespace

BatchProgress::BatchProgress(QTextStream& err, Style style)
    : m_err(err)
    , m_style(style)
{}

bool BatchProgress::stderrIsTerminal()
{
#ifdef Q_OS_WIN
    return _isatty(_fileno(stderr)) != 0;
#else
    return isatty(fileno(stderr)) != 0;
#endif
}

void BatchProgress::attach(BatchRunner& runner, const BatchPlan& plan)
{
    m_total = int(plan.rows.size());
    for (const BatchRowPlan& row : plan.rows)
        m_toSend += row.willSend() ? 1 : 0;
    m_clock.start();
    QObject::connect(&runner, &BatchRunner::rowFinished, &runner,
                     [this](const BatchRowResult& result) { rowFinished(result); });
    QObject::connect(&runner, &BatchRunner::throttled, &runner,
                     [this](int row, int waitMs) { throttled(row, waitMs); });
    if (m_style == Style::Bar) {
        QObject::connect(&m_refresh, &QTimer::timeout, &m_refresh, [this] { draw(); });
        m_refresh.start(RefreshMs);
        draw();
    }
}

QString BatchProgress::rowLine(const BatchRowResult& r)
{
    using Status = BatchRowResult::Status;
    QString line;
    switch (r.status) {
    case Status::Created:
        line =
            r.reconciled
                ? tr("row %1: created %2 (the answer was lost; DAS lists it)").arg(r.row).arg(r.connectionId)
                : tr("row %1: created %2").arg(r.row).arg(r.connectionId);
        break;
    case Status::Existing:
        line = tr("row %1: existing %2").arg(r.row).arg(r.connectionId);
        break;
    case Status::Invalid:
        line = tr("row %1: invalid: %2").arg(r.row).arg(r.error);
        break;
    case Status::Failed:
        line = tr("row %1: failed: %2").arg(r.row).arg(r.error);
        break;
    case Status::Unknown:
        line = tr("row %1: unknown: %2").arg(r.row).arg(r.error);
        break;
    case Status::NotRun:
        line = tr("row %1: not run").arg(r.row);
        break;
    }
    if (r.attempts > 1)
        line += tr(" (after %n throttled attempt(s))", nullptr, r.attempts - 1);
    return line;
}

void BatchProgress::rowFinished(const BatchRowResult& result)
{
    using Status = BatchRowResult::Status;
    ++m_done;
    if (result.attempts > 0)
        ++m_sent;
    if (result.status == Status::Created)
        ++m_created;
    else if (result.status == Status::Failed || result.status == Status::Unknown)
        ++m_failed;
    else if (result.status != Status::NotRun)
        ++m_skipped;
    const bool trouble = result.status == Status::Failed || result.status == Status::Unknown;
    if (m_style == Style::Lines || trouble)
        printLine(rowLine(result));
    else
        draw();
}

void BatchProgress::throttled(int row, int waitMs)
{
    if (m_style == Style::Lines)
        printLine(tr("row %1: throttled by DAS; trying again in %2 s")
                      .arg(row)
                      .arg(double(waitMs) / 1000, 0, 'f', 1));
}

void BatchProgress::stopping()
{
    m_stopping = true;
    printLine(tr("Stopping: no new rows are started; the rows in flight are finishing. Press Ctrl+C again to "
                 "quit at once (their outcome may then stay unknown)."));
}

void BatchProgress::printLine(const QString& line)
{
    if (m_barShown)
        m_err << "\r\x1b[K";
    m_err << line << Qt::endl;
    m_barShown = false;
    if (m_style == Style::Bar)
        draw();
}

void BatchProgress::draw()
{
    if (m_style != Style::Bar)
        return;
    // Erase to the end of the line: the new text may be shorter than the old.
    m_err << '\r' << barText() << "\x1b[K" << Qt::flush;
    m_barShown = true;
}

QString BatchProgress::barText() const
{
    const int filled = m_total > 0 ? m_done * BarWidth / m_total : BarWidth;
    QString text = QLatin1Char('[') + QString(filled, QLatin1Char('#')) +
                   QString(BarWidth - filled, QLatin1Char('-')) + QLatin1Char(']');
    text += tr(" %1/%2  created %3  skipped %4  failed %5")
                .arg(m_done)
                .arg(m_total)
                .arg(m_created)
                .arg(m_skipped)
                .arg(m_failed);
    const double seconds = double(m_clock.elapsed()) / 1000;
    // The rate counts rows sent: skipped and invalid rows are reported at once and would flatter it.
    if (m_sent > 0 && seconds > 0) {
        const double rate = m_sent / seconds;
        text += tr("  %1 rows/s").arg(rate, 0, 'f', 1);
        if (!m_stopping && m_toSend > m_sent)
            text += tr("  ETA %1").arg(duration(qint64((m_toSend - m_sent) / rate + 0.5)));
    }
    if (m_stopping)
        text += tr("  stopping…");
    return text;
}

void BatchProgress::finish()
{
    m_refresh.stop();
    // The last state of the bar stays on screen, finished with a line break.
    if (m_style == Style::Bar)
        m_err << '\r' << barText() << "\x1b[K" << Qt::endl;
    m_barShown = false;
}

} // namespace das
