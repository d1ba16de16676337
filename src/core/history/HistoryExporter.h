#pragma once

#include "HistoryColumn.h"
#include "HistoryExportStream.h"
#include "HistoryRecord.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

class QIODevice;

namespace das {

class HistoryStore;

// Serialises history rows for export. HistoryRecord holds no password, so neither can an export.
class HistoryExporter
{
public:
    // Column names of the CSV header, the same keys as HistoryRecord::toJson().
    static QStringList csvColumns();
    // RFC 4180 (header row, CRLF, quoted when needed), UTF-8 with a BOM so that Excel reads CJK text;
    // cells that a spreadsheet would run as a formula are prefixed with '.
    static QByteArray toCsv(const QList<HistoryRecord>& records);
    // An indented JSON array of HistoryRecord::toJson(), the bytes QJsonDocument writes.
    static QByteArray toJson(const QList<HistoryRecord>& records);
    // One CSV field, escaped and guarded.
    static QString csvField(const QString& value);

    // Every row of the store matching the filter, in that order, as toCsv() or toJson() would write them,
    // streamed from the store to the device: memory stays flat however many rows there are. `count` gets
    // the rows written. False, saying why, when the store or the device failed.
    static bool write(const HistoryStore& store, const QString& filter, HistoryColumn::Column sort,
                      Qt::SortOrder order, QIODevice* device, HistoryExportStream::Format format,
                      qint64* count, QString* error);
};

} // namespace das
