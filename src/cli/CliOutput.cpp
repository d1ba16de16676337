#include "CliOutput.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace das {

void CliOutput::printTable(QTextStream& out, const QStringList& header, const QList<QStringList>& rows)
{
    QList<int> widths;
    for (const QString& title : header)
        widths.append(title.size());
    for (const QStringList& row : rows) {
        for (int i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = qMax(widths.at(i), row.at(i).size());
    }
    auto line = [&widths](const QStringList& cells) {
        QString text;
        for (int i = 0; i < cells.size(); ++i)
            text += i + 1 < cells.size() ? cells.at(i).leftJustified(widths.at(i) + 2) : cells.at(i);
        return text;
    };
    out << line(header) << Qt::endl;
    for (const QStringList& row : rows)
        out << line(row) << Qt::endl;
}

void CliOutput::printTsv(QTextStream& out, const QStringList& header, const QList<QStringList>& rows)
{
    auto line = [](QStringList cells) {
        for (QString& cell : cells) {
            cell.replace(u'\t', u' ');
            cell.replace(u'\n', u' ');
            cell.replace(u'\r', u' ');
        }
        return cells.join(u'\t');
    };
    out << line(header) << Qt::endl;
    for (const QStringList& row : rows)
        out << line(row) << Qt::endl;
}

void CliOutput::printJson(QTextStream& out, const QJsonValue& value)
{
    const QJsonDocument doc =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out << QString::fromUtf8(doc.toJson(QJsonDocument::Compact)) << Qt::endl;
}

QString CliOutput::localTime(const QDateTime& time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                          : QStringLiteral("-");
}

bool CliOutput::stdinIsTerminal()
{
#ifdef Q_OS_WIN
    return _isatty(_fileno(stdin)) != 0;
#else
    return isatty(fileno(stdin)) != 0;
#endif
}

bool CliOutput::confirm(const QString& question, QTextStream& err, QTextStream& in)
{
    err << question << u' ' << Qt::flush;
    const QString answer = in.readLine().trimmed();
    return answer.compare(QLatin1String("y"), Qt::CaseInsensitive) == 0 ||
           answer.compare(QLatin1String("yes"), Qt::CaseInsensitive) == 0;
}

} // namespace das
