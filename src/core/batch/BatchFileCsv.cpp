#include "BatchFileParts.h"

#include <algorithm>
#include <utility>

// The CSV half of BatchFileReader.
namespace das::batchfile {

namespace {

struct CsvRecord
{
    int line = 0;
    QStringList cells;
    int longCell = -1;         // index of a cell over MaxCellChars, or -1
    bool unterminated = false; // the text ended inside quotes
    int extraCells = 0;        // cells past MaxColumns, counted, not kept

    void add(QString cell)
    {
        if (cells.size() < MaxColumns)
            cells.append(std::move(cell));
        else
            ++extraCells;
    }
};

// RFC 4180 records one at a time, each with the line it starts on. A quote opens a quoted cell only at the
// start of a cell (spaces before it are dropped); elsewhere it is an ordinary character, as spreadsheets do.
class CsvScanner
{
public:
    CsvScanner(const QString& text, QChar delimiter)
        : m_text(text)
        , m_delimiter(delimiter)
    {}

    // False at the end of the text.
    bool next(CsvRecord* out)
    {
        if (m_pos >= m_text.size())
            return false;
        *out = CsvRecord();
        out->line = m_line;
        QString cell;
        bool atStart = true;
        auto put = [&](QChar c) {
            if (cell.size() < BatchFileReader::MaxCellChars)
                cell.append(c);
            else if (out->longCell < 0)
                out->longCell = int(out->cells.size());
        };
        while (m_pos < m_text.size()) {
            const QChar c = m_text.at(m_pos++);
            const bool lineEnd = c == u'\n' || c == u'\r';
            if (c == u'\r' && m_pos < m_text.size() && m_text.at(m_pos) == u'\n')
                ++m_pos; // CRLF is one line end
            if (lineEnd)
                ++m_line;
            if (out->unterminated && c == u'"' && m_pos < m_text.size() && m_text.at(m_pos) == u'"') {
                put(c); // a doubled quote inside quotes is one quote
                ++m_pos;
            } else if (out->unterminated) {
                out->unterminated = c != u'"';
                if (out->unterminated)
                    put(lineEnd ? QChar(u'\n') : c);
            } else if (c == u'"' && atStart) {
                out->unterminated = true; // until the closing quote
                atStart = false;
                cell.clear(); // the spaces before the quote
            } else if (c == m_delimiter || lineEnd) {
                out->add(std::exchange(cell, QString()));
                atStart = true;
                if (lineEnd)
                    return true;
            } else {
                atStart = atStart && c == u' ';
                put(c);
            }
        }
        out->add(cell);
        return true;
    }

private:
    const QString& m_text;
    QChar m_delimiter;
    qsizetype m_pos = 0;
    int m_line = 1;
};

// The header decides: semicolons when they split it into more cells than commas do. The header is the first
// record that is not blank, as for the parser (some exporters start with an empty line).
QChar delimiterOf(const QString& text)
{
    auto headerCells = [&text](QChar delimiter) {
        CsvScanner scanner(text, delimiter);
        CsvRecord r;
        while (scanner.next(&r)) {
            if (std::any_of(r.cells.begin(), r.cells.end(),
                            [](const QString& c) { return !c.trimmed().isEmpty(); }))
                return r.cells.size() + r.extraCells;
        }
        return qsizetype(0);
    };
    return headerCells(u';') > headerCells(u',') ? QChar(u';') : QChar(u',');
}

// One data record against the header: a record, or problems.
void addCsvRecord(const CsvRecord& r, const QStringList& columns, BatchFileContent* content)
{
    if (r.extraCells > 0) {
        content->problems.append(
            {r.line, QString(),
             BatchFileReader::tr("Row %1 has more than %2 cells.").arg(r.line).arg(MaxColumns)});
        return;
    }
    if (std::any_of(r.cells.begin() + qMin(columns.size(), r.cells.size()), r.cells.end(),
                    [](const QString& cell) { return !cell.trimmed().isEmpty(); })) {
        content->problems.append({r.line, QString(),
                                  BatchFileReader::tr("Row %1 has %2 cells, but the header names %3 columns.")
                                      .arg(r.line)
                                      .arg(r.cells.size())
                                      .arg(columns.size())});
        return;
    }
    if (r.longCell >= 0) {
        const QString column = columns.value(r.longCell);
        content->problems.append({r.line, column, tooLong(r.line)});
        return;
    }
    BatchRecord record;
    record.row = r.line;
    for (qsizetype i = 0; i < r.cells.size() && i < columns.size(); ++i) {
        const QString value = r.cells.at(i).trimmed();
        if (!value.isEmpty() && BatchFileReader::knownColumns().contains(columns.at(i)))
            record.cells.insert(columns.at(i), value);
    }
    content->records.append(record);
}

} // namespace

void parseCsv(const QString& text, BatchFileContent* content)
{
    CsvScanner scanner(text, delimiterOf(text));
    CsvRecord r;
    bool header = true;
    int rows = 0;
    while (scanner.next(&r)) {
        if (r.unterminated) {
            content->problems.append(
                {r.line, QString(),
                 BatchFileReader::tr("Row %1: a quoted cell is not closed (a closing \" is "
                                     "missing); the rest of the file was not read.")
                     .arg(r.line)});
            break;
        }
        if (std::all_of(r.cells.begin(), r.cells.end(),
                        [](const QString& c) { return c.trimmed().isEmpty(); }))
            continue;
        if (header) {
            header = false;
            if (r.extraCells > 0) {
                content->problems.append({0, QString(), tooManyColumns()});
                break;
            }
            while (!r.cells.isEmpty() && r.cells.constLast().trimmed().isEmpty())
                r.cells.removeLast(); // a trailing delimiter, as some spreadsheets write
            for (const QString& name : std::as_const(r.cells))
                content->columns.append(name.trimmed().toLower());
            checkColumns(content->columns, content);
            continue;
        }
        if (++rows > BatchFileReader::MaxRows) {
            content->problems.append({0, QString(), tooManyRows()});
            break;
        }
        addCsvRecord(r, content->columns, content);
    }
}

} // namespace das::batchfile
