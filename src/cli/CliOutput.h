#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonValue>
#include <QStringList>
#include <QTextStream>

namespace das {

// Output and confirmation helpers of the verbs that list or delete connections.
class CliOutput
{
    Q_DECLARE_TR_FUNCTIONS(das::CliOutput)

public:
    // An aligned table with a header line, two spaces between columns.
    static void printTable(QTextStream& out, const QStringList& header, const QList<QStringList>& rows);
    // Tab-separated lines, header first, for scripts: tabs and line breaks inside a cell become spaces.
    static void printTsv(QTextStream& out, const QStringList& header, const QList<QStringList>& rows);
    // One line of compact JSON.
    static void printJson(QTextStream& out, const QJsonValue& value);
    // "2026-11-30 08:00" in local time, "-" when invalid.
    static QString localTime(const QDateTime& time);

    // Whether stdin is a terminal, i.e. someone can answer a question.
    static bool stdinIsTerminal();
    // Prints `question` on `err` and reads one line from `in`: true only for y or yes (any case).
    static bool confirm(const QString& question, QTextStream& err, QTextStream& in);
};

} // namespace das
