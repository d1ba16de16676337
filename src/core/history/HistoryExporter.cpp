#include "HistoryExporter.h"

#include "HistoryStore.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QIODevice>

namespace das {

namespace {

// The keys of HistoryRecord::toJson(), in a spreadsheet-friendly order (HistoryExportStream writes them).
const char* const CsvColumns[] = {
    "id",          "created_at",      "endpoint",         "region",         "project_id",    "instance_id",
    "engine_type", "network_type",    "username",         "node_ids",       "port",          "database_name",
    "remarks",     "sql_record_flag", "is_save_password", "password_saved", "connection_id", "request_id",
    "state",       "origin",          "state_detail",     "updated_at",
};

QByteArray document(const QList<HistoryRecord>& records, HistoryExportStream::Format format)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    HistoryExportStream stream(&buffer, format);
    for (const HistoryRecord& record : records)
        stream.write(record);
    stream.finish();
    return buffer.data();
}

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
    return document(records, HistoryExportStream::Format::Csv);
}

QByteArray HistoryExporter::toJson(const QList<HistoryRecord>& records)
{
    return document(records, HistoryExportStream::Format::Json);
}

bool HistoryExporter::write(const HistoryStore& store, const QString& filter, HistoryColumn::Column sort,
                            Qt::SortOrder order, QIODevice* device, HistoryExportStream::Format format,
                            qint64* count, QString* error)
{
    HistoryExportStream stream(device, format);
    const bool read = store.writeRows(stream, filter, sort, order);
    const bool written = stream.finish();
    if (count)
        *count = stream.count();
    if (error && !read)
        *error = QCoreApplication::translate("das::HistoryExporter", "The history could not be read.");
    else if (error && !written)
        *error = device->errorString();
    return read && written;
}

} // namespace das
