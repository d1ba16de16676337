#pragma once

#include "HistoryRecord.h"

#include <QByteArray>

class QIODevice;

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
    // Writes what is left (the closing bracket) and flushes the buffer. False when the device refused
    // bytes, here or earlier; the device's errorString() says why.
    bool finish();
    qint64 count() const { return m_count; }

private:
    void writeCsv(const HistoryRecord& record);
    void writeJson(const HistoryRecord& record);
    void flushIfFull();
    void flush();

    QIODevice* m_device;
    Format m_format;
    QByteArray m_buffer;
    qint64 m_count = 0;
    bool m_ok = true;
};

} // namespace das
