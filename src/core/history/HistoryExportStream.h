#pragma once

#include "HistoryRecord.h"

#include <QByteArray>

class QIODevice;
struct sqlite3_stmt;

namespace das {

// Writes history rows as CSV or JSON to a device one record at a time, through a small buffer: an export of
// a million rows needs no more memory than one of ten. The bytes are those HistoryExporter::toCsv() and
// toJson() describe (and return, through this class).
class HistoryExportStream
{
public:
    enum class Format
    {
        Csv,
        Json
    };

    // Not owned; must be open for writing. Writes the CSV header or the opening bracket at once.
    HistoryExportStream(QIODevice* device, Format format);
    HistoryExportStream(const HistoryExportStream&) = delete;
    HistoryExportStream& operator=(const HistoryExportStream&) = delete;

    void write(const HistoryRecord& record);
    // Writes a row of "SELECT <HistorySql::columns()> FROM connections" straight from SQLite's UTF-8, the
    // bytes write(HistorySql::readRecord(row)) would write, without making the record. False, writing
    // nothing, for a row whose stored values are not the plain ones this reads (text that is not valid
    // UTF-8, a time of another shape, a number where text belongs): the caller then writes the record.
    bool writeRow(sqlite3_stmt* row);
    // Writes what is left (the closing bracket) and flushes the buffer. False when the device refused
    // bytes, here or earlier; the device's errorString() says why.
    bool finish();
    qint64 count() const { return m_count; }

private:
    void writeCsv(const HistoryRecord& record);
    void writeJson(const HistoryRecord& record);
    struct RowBytes;
    void writeCsv(const RowBytes& row);
    void writeJson(const RowBytes& row);
    void flushIfFull();
    void flush();

    QIODevice* m_device;
    Format m_format;
    QByteArray m_buffer;
    qint64 m_count = 0;
    bool m_ok = true;
};

} // namespace das
