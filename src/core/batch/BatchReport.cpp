// BatchReport and BatchRowResult (declared in BatchRunner.h): what an apply did, as counts, an exit code and
// the CSV/JSON report.
#include "AppPaths.h"
#include "BatchRunner.h"
#include "HistoryExporter.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace das {

namespace {

using Status = BatchRowResult::Status;
const Status AllStatuses[] = {Status::Created, Status::Existing, Status::Invalid,
                              Status::Failed,  Status::Unknown,  Status::NotRun};
static_assert(int(Status::NotRun) == 5, "statusName() and AllStatuses follow the enum's order");

const char* const CsvColumns[] = {"row",           "status",     "instance_id", "username", "database_name",
                                  "connection_id", "request_id", "error",       "attempts", "reconciled"};

QJsonObject rowJson(const BatchRowResult& r)
{
    return QJsonObject{{QStringLiteral("row"), r.row},
                       {QStringLiteral("status"), BatchRowResult::statusName(r.status)},
                       {QStringLiteral("instance_id"), r.instanceId},
                       {QStringLiteral("username"), r.username},
                       {QStringLiteral("database_name"), r.databaseName},
                       {QStringLiteral("connection_id"), r.connectionId},
                       {QStringLiteral("request_id"), r.requestId},
                       {QStringLiteral("error"), r.error},
                       {QStringLiteral("attempts"), r.attempts},
                       {QStringLiteral("reconciled"), r.reconciled}};
}

} // namespace

QString BatchRowResult::statusName(Status status)
{
    static const char* const Names[] = {"created", "existing", "invalid", "failed", "unknown", "not_run"};
    return QLatin1String(Names[int(status)]);
}

int BatchReport::count(BatchRowResult::Status status) const
{
    return int(std::count_if(rows.cbegin(), rows.cend(),
                             [status](const BatchRowResult& r) { return r.status == status; }));
}

int BatchReport::exitCode() const
{
    if (count(Status::Unknown) > 0)
        return 5;
    // A row left out by the user is not a failure; one a stop kept from running is.
    if (count(Status::Failed) > 0 || count(Status::Invalid) > 0 || (stopped && count(Status::NotRun) > 0))
        return 4;
    return 0;
}

QJsonObject BatchReport::toJson() const
{
    QJsonArray list;
    for (const BatchRowResult& r : rows)
        list.append(rowJson(r));
    QJsonObject json{{QStringLiteral("rows"), list}, {QStringLiteral("stopped"), stopped}};
    for (const Status status : AllStatuses)
        json.insert(BatchRowResult::statusName(status), count(status));
    return json;
}

QByteArray BatchReport::toCsv() const
{
    // The history export's conventions: BOM for spreadsheets reading CJK text, CRLF, and its quoting, which
    // also keeps a spreadsheet from running a cell (a server's error text, a user name) as a formula.
    QByteArray out = QByteArrayLiteral("\xEF\xBB\xBF");
    QStringList header;
    for (const char* column : CsvColumns)
        header.append(QLatin1String(column));
    out += header.join(u',').toUtf8() + "\r\n";
    // The cells are the JSON form's values, so the two files never disagree.
    for (const BatchRowResult& r : rows) {
        const QJsonObject json = rowJson(r);
        QStringList fields;
        for (const char* column : CsvColumns)
            fields.append(
                HistoryExporter::csvField(json.value(QLatin1String(column)).toVariant().toString()));
        out += fields.join(u',').toUtf8() + "\r\n";
    }
    return out;
}

bool BatchReport::save(const QString& path, QString* error) const
{
    QString ignored;
    if (!error)
        error = &ignored;
    // Made (or tightened to) 0600 before the first byte: QSaveFile gives its result the existing file's mode.
    if (!AppPaths::createPrivateFile(path, error) || !AppPaths::makePrivateFile(path, error))
        return false;
    const bool json = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
    QSaveFile file(path);
    const QByteArray bytes = json ? QJsonDocument(toJson()).toJson(QJsonDocument::Indented) : toCsv();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = BatchRunner::tr("The report cannot be written to %1: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return AppPaths::makePrivateFile(path, error);
}

} // namespace das
