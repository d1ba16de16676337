#pragma once

// What the CSV and JSON halves of BatchFileReader share (BatchFile.cpp, BatchFileCsv.cpp); not part of the
// batch library's interface.

#include "BatchFile.h"

#include <QString>
#include <QStringList>

namespace das::batchfile {

// A batch file has fourteen columns; more than this many is not one, and keeping them all (and a problem for
// each) would let a 32 MiB line of commas cost gigabytes.
constexpr int MaxColumns = 64;

// Checks the columns a file names (header or JSON keys, lower-case): unknown ones are named, a password
// column is refused with the reason.
void checkColumns(const QStringList& columns, BatchFileContent* content);
// A column name from the file, cleaned and bounded for a message.
QString shownName(const QString& name);
QString tooManyColumns();
QString tooLong(int row);
QString tooManyRows();

// Reads CSV text (comma or semicolon, RFC 4180 quoting) into `content`.
void parseCsv(const QString& text, BatchFileContent* content);

} // namespace das::batchfile
