#include "BatchFile.h"
#include "BatchFileParts.h"

#include "BoundedRead.h"
#include "ServerText.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>
#include <utility>

namespace das {

namespace batchfile {

namespace {

const QLatin1String Password("password");
constexpr int MaxShownNameChars = 64; // a column name in a message: the file is untrusted text

} // namespace

QString tooManyColumns()
{
    return BatchFileReader::tr("The file names more than %1 columns; a batch file has at most %2.")
        .arg(MaxColumns)
        .arg(BatchFileReader::knownColumns().size());
}

QString shownName(const QString& name)
{
    return ServerText::clean(name, MaxShownNameChars);
}

namespace {

// The line of the first byte that is not well-formed UTF-8 (Qt's decoder also refuses overlong forms and
// surrogates), asked only once the whole file was found wanting.
int firstBadLine(const QByteArray& bytes)
{
    int line = 1;
    for (qsizetype from = 0; from <= bytes.size(); ++line) {
        qsizetype to = bytes.indexOf('\n', from);
        to = to < 0 ? bytes.size() : to;
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString ignored = decoder.decode(QByteArrayView(bytes).sliced(from, to - from));
        if (decoder.hasError())
            return line;
        from = to + 1;
    }
    return line;
}

// Every problem is collected; finish() puts them in row order and keeps MaxProblems of them, so a file
// with a mistake on every row still gives a readable (and bounded) answer.
void finishProblems(BatchFileContent* content)
{
    QList<BatchFileProblem>& list = content->problems;
    std::stable_sort(list.begin(), list.end(),
                     [](const BatchFileProblem& a, const BatchFileProblem& b) { return a.row < b.row; });
    if (list.size() <= BatchFileReader::MaxProblems)
        return;
    const qsizetype more = list.size() - BatchFileReader::MaxProblems;
    list.resize(BatchFileReader::MaxProblems);
    list.append({0, QString(), BatchFileReader::tr("… and %n more problem(s).", nullptr, int(more))});
}

} // namespace

void checkColumns(const QStringList& columns, BatchFileContent* content)
{
    QSet<QString> seen;
    const QStringList& known = BatchFileReader::knownColumns();
    for (const QString& name : columns) {
        if (name.isEmpty()) {
            content->problems.append({0, QString(), BatchFileReader::tr("A column has no name.")});
        } else if (seen.contains(name)) {
            content->problems.append(
                {0, shownName(name).toLower(), // escapes are upper-case hex; columns are lower-case
                 BatchFileReader::tr("Column \u201c%1\u201d is named more than once.").arg(shownName(name))});
        } else if (name == Password) {
            content->problems.append(
                {0, name,
                 BatchFileReader::tr(
                     "The file has a password column. Passwords are never read from a batch "
                     "file: they would sit on disk, in shell history and in backups. Remove the "
                     "column and give the passwords with --password-stdin or --passwords-file, "
                     "from the keychain, or when the window asks for them.")});
        } else if (!known.contains(name)) {
            content->problems.append(
                {0, shownName(name).toLower(), // escapes are upper-case hex; columns are lower-case
                 BatchFileReader::tr("Unknown column \u201c%1\u201d: a batch file may have %2.")
                     .arg(shownName(name), known.join(QStringLiteral(", ")))});
        }
        seen.insert(name);
    }
}

QString tooLong(int row)
{
    return BatchFileReader::tr("Row %1: a cell is longer than %2 characters.")
        .arg(row)
        .arg(BatchFileReader::MaxCellChars);
}

QString tooManyRows()
{
    return BatchFileReader::tr("The file has more than %1 rows; split it into smaller files.")
        .arg(BatchFileReader::MaxRows);
}

namespace {

// ---- JSON ----

// One JSON value as cell text: strings as they are, whole numbers without a fraction, booleans as
// true/false, null as absent, and lists of text for the node columns only.
bool jsonCell(const QJsonValue& value, const QString& column, QString* text, QString* error)
{
    const double d = value.toDouble();
    if (value.isString() || value.isNull() || value.isUndefined())
        *text = value.toString();
    else if (value.isBool())
        *text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    else if (value.isDouble())
        // The range first: casting a huge double to an integer is undefined.
        *text = qAbs(d) < 9.0e15 && d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d);
    else if (!value.isArray())
        *error = BatchFileReader::tr("the value must be text, a number, true, false or null");
    else if (column != QLatin1String("node_ids") && column != QLatin1String("node_names"))
        *error = BatchFileReader::tr("a list is only allowed for node_ids and node_names");
    for (const QJsonValue& item : value.toArray()) {
        if (!item.isString() && error->isEmpty())
            *error = BatchFileReader::tr("a node list may only hold text");
        *text += (text->isEmpty() ? QString() : QStringLiteral(" ")) + item.toString();
    }
    return error->isEmpty();
}

void addJsonRecord(const QJsonObject& object, int row, BatchFileContent* content, QSet<QString>* named)
{
    BatchRecord record;
    record.row = row;
    QSet<QString> inRow;
    bool ok = true;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString column = it.key().trimmed().toLower();
        if (!named->contains(column)) {
            named->insert(column);
            content->columns.append(column);
        }
        if (!BatchFileReader::knownColumns().contains(column))
            continue; // named once by checkColumns; the password's value is never looked at
        if (inRow.contains(column)) {
            content->problems.append(
                {row, column,
                 BatchFileReader::tr("Row %1 names column %2 more than once.").arg(row).arg(column)});
            ok = false;
            continue;
        }
        inRow.insert(column);
        QString text;
        QString error;
        if (!jsonCell(it.value(), column, &text, &error)) {
            content->problems.append(
                {row, column, BatchFileReader::tr("Row %1, column %2: %3.").arg(row).arg(column, error)});
            ok = false;
        } else if (text.size() > BatchFileReader::MaxCellChars) {
            content->problems.append({row, column, tooLong(row)});
            ok = false;
        } else if (!text.trimmed().isEmpty()) {
            record.cells.insert(column, text.trimmed());
        }
    }
    if (ok)
        content->records.append(record);
}

void parseJson(const QByteArray& bytes, BatchFileContent* content)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        content->problems.append({0, QString(),
                                  BatchFileReader::tr("The file is not valid JSON: %1 (at byte %2).")
                                      .arg(error.errorString())
                                      .arg(error.offset)});
        return;
    }
    if (!doc.isArray()) {
        content->problems.append(
            {0, QString(),
             BatchFileReader::tr("A JSON batch file must be an array of objects, one for each connection.")});
        return;
    }
    const QJsonArray array = doc.array();
    if (array.size() > BatchFileReader::MaxRows) {
        content->problems.append({0, QString(), tooManyRows()});
        return;
    }
    QSet<QString> named;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const int row = int(i + 1);
        if (!array.at(i).isObject()) {
            content->problems.append(
                {row, QString(), BatchFileReader::tr("Row %1 is not an object.").arg(row)});
            continue;
        }
        addJsonRecord(array.at(i).toObject(), row, content, &named);
        if (content->columns.size() > MaxColumns) {
            content->problems.append({0, QString(), tooManyColumns()});
            return;
        }
    }
    checkColumns(content->columns, content);
}

bool isJson(const QByteArray& bytes)
{
    for (const char c : bytes) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return c == '[' || c == '{';
    }
    return false;
}

QString quotedCell(const QString& value)
{
    static const QString special = QStringLiteral(",;\"\r\n");
    if (!std::any_of(value.begin(), value.end(), [](QChar c) { return special.contains(c); }))
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace

} // namespace batchfile

using namespace batchfile;

const QStringList& BatchFileReader::knownColumns()
{
    static const QStringList columns =
        QStringLiteral("project_id instance_id instance_name engine_type network_type username node_ids "
                       "node_names port database_name remarks sql_record_flag save_password")
            .split(QLatin1Char(' '));
    return columns;
}

BatchFileContent BatchFileReader::parse(const QByteArray& input, Format format)
{
    BatchFileContent content;
    if (input.size() > MaxBytes) {
        content.problems.append({0, QString(),
                                 tr("The file is larger than %1; split it into smaller files.")
                                     .arg(BoundedRead::describeLimit(MaxBytes))});
        return content;
    }
    const QByteArray bytes = input.startsWith("\xEF\xBB\xBF") ? input.mid(3) : input;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        content.problems.append(
            {0, QString(),
             tr("The file is not UTF-8 text (line %1): save it as UTF-8.").arg(firstBadLine(bytes))});
        return content;
    }
    if (bytes.trimmed().isEmpty()) {
        content.problems.append({0, QString(), tr("The file is empty.")});
        return content;
    }
    if (format == Format::Json || (format == Format::Auto && isJson(bytes)))
        parseJson(bytes, &content);
    else
        parseCsv(text, &content);
    if (content.records.isEmpty() && content.problems.isEmpty())
        content.problems.append({0, QString(), tr("The file has no rows.")});
    finishProblems(&content);
    return content;
}

BatchFileContent BatchFileReader::read(const QString& path)
{
    QString error;
    const std::optional<QByteArray> bytes = BoundedRead::file(path, MaxBytes, &error);
    if (!bytes) {
        BatchFileContent content;
        content.problems.append({0, QString(), error});
        return content;
    }
    const QString suffix = QFileInfo(path).suffix().toLower();
    return parse(*bytes, suffix == QLatin1String("json")  ? Format::Json
                         : suffix == QLatin1String("csv") ? Format::Csv
                                                          : Format::Auto);
}

QByteArray BatchFileReader::sampleCsv(const QList<QHash<QString, QString>>& rows)
{
    // Two rows that plan cleanly against the sandbox: one by instance name (engine and network looked up),
    // one spelled out in full. The header is knownColumns() (a test holds them together).
    if (rows.isEmpty()) {
        return "project_id,instance_id,instance_name,engine_type,network_type,username,node_ids,node_names,"
               "port,"
               "database_name,remarks,sql_record_flag,save_password\n"
               ",,orders-db-prod-01,,,report_reader,,,,orders,\"Read-only, for the monthly reports\",,\n"
               ",bcfa975193f1402fa11a6d4fd6baf5fbin01,,mysql,rds,app_writer,"
               "6b0e3d1c2a9f4e8b9c7d5a4f3e2d1c0bno01,,3306,"
               ",,yes,no\n";
    }
    QStringList columns;
    for (const QString& column : knownColumns()) {
        if (std::any_of(rows.begin(), rows.end(), [&](const auto& row) { return row.contains(column); }))
            columns.append(column);
    }
    QByteArray out = columns.join(QLatin1Char(',')).toUtf8() + '\n';
    for (const QHash<QString, QString>& row : rows) {
        QStringList cells;
        for (const QString& column : std::as_const(columns))
            cells.append(quotedCell(row.value(column)));
        out += cells.join(QLatin1Char(',')).toUtf8() + '\n';
    }
    return out;
}

} // namespace das
