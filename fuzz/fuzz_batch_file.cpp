// Fuzz target: batch files (BatchFileReader::parse as CSV, as JSON and by sniffing) and the row rules over
// every record (BatchRowReader::read, then the duplicates in the file). What must hold for any bytes: every
// problem and violation says something, records are numbered from 1 and increase, columns are lower-case,
// records hold only known columns (never a password) within the cell limit, and a password cell never reaches
// a message: the bytes are also read under a header with a password column whose cells hold a canary.

#include "BatchFile.h"
#include "BatchPlan.h"
#include "FuzzCheck.h"

#include <cstdint>

namespace {

const QByteArray Canary = "PwCanary-3141";
const QString Project = QStringLiteral("052041494800d57c2f02c00275b4c247");

bool lowerCase(const QString& text)
{
    return text == text.toLower();
}

void checkRows(const das::BatchFileContent& content, bool planted)
{
    const QString canary = QString::fromLatin1(Canary);
    QList<das::BatchRowPlan> rows;
    for (const das::BatchRecord& record : content.records) {
        das::BatchRowPlan row = das::BatchRowReader::read(record, Project);
        DAS_FUZZ_CHECK(row.row == record.row, "a planned row keeps its number");
        DAS_FUZZ_CHECK(row.request.password.isEmpty(), "a row never carries a password");
        rows.append(row);
    }
    das::BatchRowReader::markDuplicatesInFile(&rows);
    for (const das::BatchRowPlan& row : std::as_const(rows)) {
        DAS_FUZZ_CHECK((row.action == das::BatchRowPlan::Action::Invalid) == !row.violations.isEmpty(),
                       "a row is invalid exactly when it has violations");
        for (const das::BatchViolation& v : row.violations) {
            DAS_FUZZ_CHECK(!v.message.isEmpty() && !v.rule.isEmpty(), "every violation says something");
            DAS_FUZZ_CHECK(das::BatchFileReader::knownColumns().contains(v.column),
                           "violations name a column");
            DAS_FUZZ_CHECK(!planted || !v.message.contains(canary), "no password in a violation");
        }
        DAS_FUZZ_CHECK(!planted || !row.summary().contains(canary), "no password in a summary");
    }
}

void check(const das::BatchFileContent& content, bool planted)
{
    const QString canary = QString::fromLatin1(Canary);
    int last = 0;
    for (const das::BatchRecord& record : content.records) {
        DAS_FUZZ_CHECK(record.row > last, "record rows are positive and increase");
        last = record.row;
        for (auto it = record.cells.cbegin(); it != record.cells.cend(); ++it) {
            DAS_FUZZ_CHECK(das::BatchFileReader::knownColumns().contains(it.key()),
                           "only known columns are kept");
            DAS_FUZZ_CHECK(!it.value().isEmpty() && it.value() == it.value().trimmed(), "cells are trimmed");
            DAS_FUZZ_CHECK(it.value().size() <= das::BatchFileReader::MaxCellChars, "cells are bounded");
        }
    }
    DAS_FUZZ_CHECK(content.records.size() <= das::BatchFileReader::MaxRows, "rows are bounded");
    DAS_FUZZ_CHECK(content.problems.size() <= das::BatchFileReader::MaxProblems + 1, "problems are bounded");
    for (const das::BatchFileProblem& p : content.problems) {
        DAS_FUZZ_CHECK(!p.message.isEmpty(), "every problem has a message");
        DAS_FUZZ_CHECK(p.row >= 0, "problem rows are never negative");
        DAS_FUZZ_CHECK(lowerCase(p.column), "problem columns are lower-case");
        DAS_FUZZ_CHECK(!planted || !p.message.contains(canary), "no password in a problem");
    }
    for (const QString& column : content.columns)
        DAS_FUZZ_CHECK(lowerCase(column), "columns are lower-case");
    checkRows(content, planted);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using das::BatchFileReader;
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    check(BatchFileReader::parse(bytes, BatchFileReader::Format::Csv), false);
    check(BatchFileReader::parse(bytes, BatchFileReader::Format::Json), false);
    check(BatchFileReader::parse(bytes, BatchFileReader::Format::Auto), false);
    if (bytes.contains(Canary))
        return 0; // the input itself may name it anywhere
    // The fixed header's columns are never quoted back, so wherever the canary lands it must stay unseen.
    check(BatchFileReader::parse("instance_name,password,remarks\n" + bytes + "\nx," + Canary + ",r\n"),
          true);
    check(
        BatchFileReader::parse("[" + bytes + ",{\"instance_name\": \"x\", \"password\": \"" + Canary + "\"}]",
                               BatchFileReader::Format::Json),
        true);
    return 0;
}
