#pragma once

#include <QByteArray>

namespace das {

// Escapes shared by the two ways HistoryExportStream writes a row (from a record, and from SQLite's UTF-8).
// Private to the history library.
namespace HistoryExportText {

// A JSON escape of one UTF-16 unit (or byte below 0x80): \" \\ \b \f \n \r \t, else \u00XX; the bytes
// QJsonDocument writes.
void appendEscapedUnit(QByteArray& out, char16_t unit);

} // namespace HistoryExportText

} // namespace das
