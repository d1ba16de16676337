#pragma once

#include "HistoryRecord.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace das {

// Serialises history rows for export. HistoryRecord holds no password, so neither can an export.
class HistoryExporter
{
public:
    // Column names of the CSV header, the same keys as HistoryRecord::toJson().
    static QStringList csvColumns();
    // RFC 4180 (header row, CRLF, quoted when needed), UTF-8 with a BOM so that Excel reads CJK text;
    // cells that a spreadsheet would run as a formula are prefixed with '.
    static QByteArray toCsv(const QList<HistoryRecord>& records);
    // An indented JSON array of HistoryRecord::toJson().
    static QByteArray toJson(const QList<HistoryRecord>& records);
    // One CSV field, escaped and guarded.
    static QString csvField(const QString& value);
};

} // namespace das
