#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace das {

// One data row of a batch file: its number as the user sees it (CSV: the row's first line number in the
// file, the header being line 1; JSON: the object's 1-based position in the array) and its cells by
// lower-case column name, trimmed. A column the row leaves empty is absent.
struct BatchRecord
{
    int row = 0;
    QHash<QString, QString> cells;

    QString value(const char* column) const { return cells.value(QLatin1String(column)); }
    bool has(const char* column) const { return cells.contains(QLatin1String(column)); }
};

// A problem with the file itself or one row's shape (not a field rule): row 0 is the file (or its header).
struct BatchFileProblem
{
    int row = 0;
    QString column; // lower-case; empty when the problem is not a column's
    QString message;
};

struct BatchFileContent
{
    QList<BatchRecord> records;
    QList<BatchFileProblem> problems; // every one found, not only the first
    QStringList columns;              // as the header (or the JSON objects) named them, lower-case
    bool ok() const { return problems.isEmpty(); }
};

// Reads a batch file: CSV (comma or semicolon, chosen from the header line; UTF-8 with or without BOM;
// header names case-insensitive; RFC 4180 quoting with doubled quotes; CRLF or LF) or JSON (an array of
// objects whose values are strings, numbers, booleans, arrays of strings for node lists, or null). Unknown
// columns are an error naming them; a `password` column is refused with the reason and what to use instead;
// so is a file over MaxBytes or MaxRows, a non-UTF-8 byte, an unterminated quote or a row with more cells
// than the header. Bytes in, no I/O but read(); fuzzed.
class BatchFileReader
{
    Q_DECLARE_TR_FUNCTIONS(das::BatchFileReader)

public:
    enum class Format
    {
        Auto, // JSON when the first non-blank byte (after a BOM) is '[', otherwise CSV
        Csv,
        Json,
    };

    static constexpr qint64 MaxBytes = 32 * 1024 * 1024;
    static constexpr int MaxRows = 100000;
    static constexpr int MaxCellChars = 4096;
    // At most this many problems are listed; one more problem then says how many were left out.
    static constexpr int MaxProblems = 1000;

    // The columns a batch file may have, lower-case, in the order a sample file lists them.
    static const QStringList& knownColumns();

    static BatchFileContent parse(const QByteArray& bytes, Format format = Format::Auto);
    // Reads a regular file of at most MaxBytes (BoundedRead) and parses it; the format follows the extension
    // (.json, .csv), otherwise Auto. A file that cannot be read is one problem naming it.
    static BatchFileContent read(const QString& path);

    // A sample CSV with a header and the given rows of cells (by column name), quoted where needed; with no
    // rows, two illustrative rows. For the window's "Write sample file" and the sandbox's training file.
    static QByteArray sampleCsv(const QList<QHash<QString, QString>>& rows = {});
};

} // namespace das
