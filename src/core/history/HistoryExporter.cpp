#include "HistoryExporter.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace das {

namespace {

QString flag(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

// The keys of HistoryRecord::toJson(), in a spreadsheet-friendly order.
const char* const CsvColumns[] = {
    "id",          "created_at",      "endpoint",         "region",         "project_id",    "instance_id",
    "engine_type", "network_type",    "username",         "node_ids",       "port",          "database_name",
    "remarks",     "sql_record_flag", "is_save_password", "password_saved", "connection_id", "request_id",
    "state",       "origin",          "state_detail",     "updated_at",
};
constexpr int CsvColumnCount = int(sizeof(CsvColumns) / sizeof(CsvColumns[0]));

// Straight from the record rather than through toJson(): a QJsonObject per row made exporting 100,000
// rows several times slower. The test checks that every cell matches the JSON form.
QString csvCell(const HistoryRecord& r, int column)
{
    switch (column) {
    case 0:
        return QString::number(r.id);
    case 1:
        return r.createdAt.toUTC().toString(Qt::ISODate);
    case 2:
        return r.endpoint;
    case 3:
        return r.region;
    case 4:
        return r.projectId;
    case 5:
        return r.instanceId;
    case 6:
        return r.engineType;
    case 7:
        return r.networkType;
    case 8:
        return r.username;
    case 9:
        // ';' keeps the cell readable; node IDs never contain it.
        return r.nodeIds.join(u';');
    case 10:
        return r.port;
    case 11:
        return r.databaseName;
    case 12:
        return r.remarks;
    case 13:
        return flag(r.sqlRecordFlag);
    case 14:
        return flag(r.isSavePassword);
    case 15:
        return flag(r.passwordSaved);
    case 16:
        return r.connectionId;
    case 17:
        return r.requestId;
    case 18:
        return HistoryRecord::stateName(r.state);
    case 19:
        return HistoryRecord::originName(r.origin);
    case 20:
        return r.stateDetail;
    case 21:
        // Empty until the state changes after the row was written (toJson() leaves the key out then).
        return r.updatedAt.isValid() ? r.updatedAt.toUTC().toString(Qt::ISODate) : QString();
    }
    return QString();
}
static_assert(CsvColumnCount == 22, "csvCell() has a case for every column");

} // namespace

QStringList HistoryExporter::csvColumns()
{
    QStringList columns;
    for (const char* column : CsvColumns)
        columns.append(QLatin1String(column));
    return columns;
}

QString HistoryExporter::csvField(const QString& value)
{
    QString field = value;
    // OWASP CSV injection: a leading =, +, -, @, tab or CR makes spreadsheets evaluate the cell.
    if (!field.isEmpty()) {
        const QChar first = field.front();
        if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' ||
            first == u'\r')
            field.prepend(u'\'');
    }
    if (field.contains(u',') || field.contains(u'"') || field.contains(u'\n') || field.contains(u'\r')) {
        field.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        field = u'"' + field + u'"';
    }
    return field;
}

QByteArray HistoryExporter::toCsv(const QList<HistoryRecord>& records)
{
    QByteArray out = QByteArrayLiteral("\xEF\xBB\xBF");
    out += csvColumns().join(u',').toUtf8();
    out += "\r\n";
    QString line;
    for (const HistoryRecord& record : records) {
        line.resize(0); // keeps the capacity
        for (int column = 0; column < CsvColumnCount; ++column) {
            if (column > 0)
                line += u',';
            line += csvField(csvCell(record, column));
        }
        line += QStringLiteral("\r\n");
        out += line.toUtf8();
    }
    return out;
}

QByteArray HistoryExporter::toJson(const QList<HistoryRecord>& records)
{
    // The same bytes as QJsonDocument(QJsonArray).toJson(Indented), one object at a time: a QJsonArray of
    // 100,000 objects took seconds and hundreds of megabytes.
    QByteArray out = "[\n";
    for (qsizetype i = 0; i < records.size(); ++i) {
        const QByteArray object = QJsonDocument(records.at(i).toJson()).toJson(QJsonDocument::Indented);
        qsizetype start = 0;
        while (start < object.size()) {
            qsizetype end = object.indexOf('\n', start);
            if (end < 0)
                end = object.size();
            out += "    ";
            out += QByteArrayView(object).sliced(start, end - start);
            if (end + 1 < object.size())
                out += '\n';
            start = end + 1;
        }
        out += i + 1 < records.size() ? ",\n" : "\n";
    }
    out += "]\n";
    return out;
}

} // namespace das
