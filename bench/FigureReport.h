#pragma once

#include <QString>
#include <QTextStream>

// What a bench prints: each figure on a line, with its target and PASS or FAIL when it has one, and how many
// missed theirs. Lower is better.
class FigureReport
{
public:
    explicit FigureReport(QTextStream& out)
        : m_out(out)
    {}
    // A figure with a target; lower is better.
    void figure(const QString& what, double value, const QString& unit, double target,
                const QString& note = {})
    {
        const bool pass = value <= target;
        m_failed += pass ? 0 : 1;
        m_out << qSetFieldWidth(44) << Qt::left << what << qSetFieldWidth(0) << QString::number(value, 'f', 1)
              << ' ' << unit << "  (target <= " << target << ' ' << unit << ") " << (pass ? "PASS" : "FAIL");
        if (!note.isEmpty())
            m_out << "  " << note;
        m_out << Qt::endl;
    }
    // A figure without a target.
    void info(const QString& what, double value, const QString& unit, const QString& note = {})
    {
        m_out << qSetFieldWidth(44) << Qt::left << what << qSetFieldWidth(0) << QString::number(value, 'f', 1)
              << ' ' << unit;
        if (!note.isEmpty())
            m_out << "  " << note;
        m_out << Qt::endl;
    }
    int failed() const { return m_failed; }
    QTextStream& out() { return m_out; }

private:
    QTextStream& m_out;
    int m_failed = 0;
};
