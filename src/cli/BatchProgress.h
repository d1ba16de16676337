#pragma once

#include "BatchPlan.h"
#include "BatchRunner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <QTimer>

namespace das {

// What `batch apply` shows while it runs, on stderr. On a terminal, one line rewritten in place: a bar,
// rows done of all, created/skipped/failed, the rate of rows sent and the time left; rows that fail are
// printed above it so that their reasons stay on screen. Elsewhere (a log, a pipe), one line per finished
// row, which a script or a person reading the log later can follow.
class BatchProgress
{
    Q_DECLARE_TR_FUNCTIONS(das::BatchProgress)

public:
    enum class Style
    {
        Bar,
        Lines,
    };

    BatchProgress(QTextStream& err, Style style);

    static bool stderrIsTerminal();

    void attach(BatchRunner& runner, const BatchPlan& plan);
    // Ctrl+C was pressed: says what happens now and how to quit at once.
    void stopping();
    // Leaves the bar's last state on a line of its own, so that what follows starts on a clean line.
    void finish();

    // "row 3: created ID", "row 4: failed: reason", …
    static QString rowLine(const BatchRowResult& result);

private:
    void rowFinished(const BatchRowResult& result);
    void throttled(int row, int waitMs);
    // Prints `line` on a line of its own, keeping the bar below it.
    void printLine(const QString& line);
    void draw();
    QString barText() const;

    QTextStream& m_err;
    Style m_style;
    QElapsedTimer m_clock;
    QTimer m_refresh; // the rate and time left change while nothing finishes
    int m_total = 0;
    int m_toSend = 0; // rows the plan creates: the rate counts only those
    int m_done = 0;
    int m_sent = 0;
    int m_created = 0;
    int m_skipped = 0;
    int m_failed = 0;
    bool m_barShown = false;
    bool m_stopping = false;
};

} // namespace das
