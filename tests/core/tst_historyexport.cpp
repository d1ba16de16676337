// The streaming export (HistoryExportStream, HistoryExporter::write): the same bytes as the exporter that
// built the whole document in memory, written in bounded pieces.
#include "HistoryExportStream.h"
#include "HistoryExporter.h"
#include "HistoryStore.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace das;

namespace {

// ---- The exporter as it was before streaming, kept here as the golden reference. ----

QString oldFlag(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

QString oldCsvCell(const HistoryRecord& r, int column)
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
        return r.nodeIds.join(u';');
    case 10:
        return r.port;
    case 11:
        return r.databaseName;
    case 12:
        return r.remarks;
    case 13:
        return oldFlag(r.sqlRecordFlag);
    case 14:
        return oldFlag(r.isSavePassword);
    case 15:
        return oldFlag(r.passwordSaved);
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
        return r.updatedAt.isValid() ? r.updatedAt.toUTC().toString(Qt::ISODate) : QString();
    }
    return QString();
}

QString oldCsvField(const QString& value)
{
    QString field = value;
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

QByteArray oldCsv(const QList<HistoryRecord>& records)
{
    QByteArray out = QByteArrayLiteral("\xEF\xBB\xBF");
    out += HistoryExporter::csvColumns().join(u',').toUtf8();
    out += "\r\n";
    for (const HistoryRecord& record : records) {
        QString line;
        for (int column = 0; column < 22; ++column) {
            if (column > 0)
                line += u',';
            line += oldCsvField(oldCsvCell(record, column));
        }
        line += QStringLiteral("\r\n");
        out += line.toUtf8();
    }
    return out;
}

QByteArray oldJson(const QList<HistoryRecord>& records)
{
    QJsonArray array;
    for (const HistoryRecord& r : records)
        array.append(r.toJson());
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

// ---- Records that exercise every escape. ----

HistoryRecord plain(int i)
{
    HistoryRecord r;
    r.id = 1000 + i;
    r.createdAt = QDateTime(QDate(2024, 5, 1), QTime(9, 30, 15, 250), QTimeZone::utc()).addSecs(i * 3600);
    r.endpoint = QStringLiteral("https://das.cn-north-4.myhuaweicloud.com");
    r.region = QStringLiteral("cn-north-4");
    r.projectId = QStringLiteral("052041494800d57c2f02c00275b4c247");
    r.instanceId = QStringLiteral("bcfa975193f1402fa11a6d4fd6baf5fbin0%1").arg(i % 10);
    r.engineType = QStringLiteral("mysql");
    r.networkType = QStringLiteral("rds");
    r.username = QStringLiteral("user%1").arg(i);
    r.nodeIds = {QStringLiteral("node-a%1").arg(i)};
    r.port = QStringLiteral("3306");
    r.databaseName = QStringLiteral("orders");
    r.connectionId = QStringLiteral("7d3e1c0b-5a4f-4e2d-9c1b-%1").arg(i, 12, 10, QLatin1Char('0'));
    r.requestId = QStringLiteral("req-%1").arg(i);
    r.sqlRecordFlag = i % 2 == 0;
    r.isSavePassword = i % 3 == 0;
    r.passwordSaved = i % 3 == 0;
    r.state = HistoryRecord::State(i % 5);
    r.origin = HistoryRecord::Origin(i % 3);
    return r;
}

QList<HistoryRecord> trickyRecords()
{
    QList<HistoryRecord> records;
    for (int i = 0; i < 12; ++i)
        records.append(plain(i));
    records[0].remarks = QStringLiteral("批次, \"引号\"\r\n第二行\ttab\\back");
    records[1].username = QStringLiteral("=cmd|' /C calc'!A0");
    records[2].nodeIds = {QStringLiteral("n1"), QStringLiteral("n2"), QStringLiteral("n\"3")};
    records[2].updatedAt = QDateTime(QDate(2030, 1, 1), QTime(1, 2, 3, 456), QTimeZone::utc());
    records[3].nodeIds.clear();
    records[3].remarks = QString::fromUtf16(u"control \u0001\u001f\u007f\b\f end, emoji \U0001F600 ok");
    records[4].stateDetail = QStringLiteral("-2 candidates, \"both\" listed");
    records[5].remarks = QString(QChar(0xD800)) + QStringLiteral("lone high, lone low") + QChar(0xDC00);
    records[6].databaseName = QStringLiteral("+1");
    records[7].remarks = QStringLiteral("@SUM(A1)");
    records[8].remarks = QStringLiteral("\r=1");
    records[9].createdAt = QDateTime(); // invalid: an empty string in both forms
    records[10].region = QString();     // null text
    records[11].updatedAt = QDateTime(QDate(2031, 7, 8), QTime(0, 0), QTimeZone::utc());
    records[10].createdAt = QDateTime(QDate(1969, 12, 31), QTime(23, 59, 59, 999), QTimeZone::utc());
    records[8].createdAt = QDateTime(QDate(2024, 2, 29), QTime(23, 0), QTimeZone(8 * 3600)); // not UTC
    records[7].createdAt = QDateTime(QDate(12024, 1, 1), QTime(1, 0), QTimeZone::utc());
    return records;
}

QByteArray streamed(const QList<HistoryRecord>& records, HistoryExportStream::Format format)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    HistoryExportStream stream(&buffer, format);
    for (const HistoryRecord& r : records)
        stream.write(r);
    if (!stream.finish())
        return "failed";
    return buffer.data();
}

// Records the size of every write, to see that an export arrives in bounded pieces.
class WriteCounter : public QIODevice
{
public:
    qint64 largest = 0;
    int writes = 0;
    QByteArray data;

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* bytes, qint64 size) override
    {
        largest = std::max(largest, size);
        ++writes;
        data.append(bytes, size);
        return size;
    }
};

// Inserts a row as another program (or a damaged file) might hold it, through a connection of its own: each
// value is SQL, the columns not given get plain values.
bool insertRaw(const QString& path, const QMap<QString, QString>& values)
{
    const QString name = QStringLiteral("raw-export-test");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QMap<QString, QString> row = {
            {QStringLiteral("created_at"), QStringLiteral("'2024-05-01T09:30:15.250Z'")},
            {QStringLiteral("endpoint"), QStringLiteral("'https://raw.example'")},
            {QStringLiteral("region"), QStringLiteral("'r'")},
            {QStringLiteral("project_id"), QStringLiteral("'p'")},
            {QStringLiteral("instance_id"), QStringLiteral("'rawinstance'")},
            {QStringLiteral("engine_type"), QStringLiteral("'mysql'")},
            {QStringLiteral("network_type"), QStringLiteral("'rds'")},
            {QStringLiteral("username"), QStringLiteral("'rawuser'")},
            {QStringLiteral("node_ids"), QStringLiteral("'n1,n2'")},
            {QStringLiteral("port"), QStringLiteral("'3306'")},
            {QStringLiteral("database_name"), QStringLiteral("'d'")},
            {QStringLiteral("remarks"), QStringLiteral("'raw row'")},
            {QStringLiteral("sql_record_flag"), QStringLiteral("1")},
            {QStringLiteral("is_save_password"), QStringLiteral("0")},
            {QStringLiteral("password_saved"), QStringLiteral("0")},
            {QStringLiteral("connection_id"), QStringLiteral("'c'")},
            {QStringLiteral("request_id"), QStringLiteral("'q'")},
            {QStringLiteral("state"), QStringLiteral("'created'")},
            {QStringLiteral("origin"), QStringLiteral("'existing'")},
            {QStringLiteral("state_detail"), QStringLiteral("''")},
            {QStringLiteral("updated_at"), QStringLiteral("''")},
        };
        for (auto it = values.begin(); it != values.end(); ++it)
            row.insert(it.key(), it.value());
        QSqlQuery q(db);
        ok = db.open() &&
             q.exec(QStringLiteral("INSERT INTO connections (%1) VALUES (%2)")
                        .arg(row.keys().join(QStringLiteral(", ")), row.values().join(QStringLiteral(", "))));
        if (!ok)
            qWarning() << q.lastError().text();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace

class TestHistoryExport : public QObject
{
    Q_OBJECT

private slots:
    void csvIsTheOldBytes()
    {
        const QList<HistoryRecord> records = trickyRecords();
        QCOMPARE(streamed(records, HistoryExportStream::Format::Csv), oldCsv(records));
        QCOMPARE(HistoryExporter::toCsv(records), oldCsv(records));
        QCOMPARE(HistoryExporter::toCsv({}), oldCsv({}));
    }

    void jsonIsTheOldBytes()
    {
        const QList<HistoryRecord> records = trickyRecords();
        for (int n : {0, 1, 2, int(records.size())}) {
            const QList<HistoryRecord> some = records.mid(0, n);
            QCOMPARE(streamed(some, HistoryExportStream::Format::Json), oldJson(some));
            QCOMPARE(HistoryExporter::toJson(some), oldJson(some));
        }
        // One record at a time, so that a failure names the record.
        for (const HistoryRecord& r : records)
            QCOMPARE(HistoryExporter::toJson({r}), oldJson({r}));
    }

    void storeExportStreamsInPieces_data()
    {
        QTest::addColumn<bool>("csv");
        QTest::newRow("csv") << true;
        QTest::newRow("json") << false;
    }

    void storeExportStreamsInPieces()
    {
        QFETCH(bool, csv);
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(QStringLiteral("history.sqlite")));
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QList<HistoryRecord> records;
        for (int i = 0; i < 3000; ++i) {
            HistoryRecord r = plain(i);
            r.id = 0;
            r.remarks = QStringLiteral("备注 %1, \"quoted\"").arg(i);
            records.append(r);
        }
        QVERIFY2(store.addMany(records, &error), qPrintable(error));
        const auto format = csv ? HistoryExportStream::Format::Csv : HistoryExportStream::Format::Json;

        WriteCounter device;
        QVERIFY(device.open(QIODevice::WriteOnly));
        qint64 count = 0;
        QVERIFY2(HistoryExporter::write(store, QStringLiteral("备注 1"), HistoryColumn::Username,
                                        Qt::AscendingOrder, &device, format, &count, &error),
                 qPrintable(error));
        const QList<HistoryRecord> matching =
            store.fetch(QStringLiteral("备注 1"), HistoryColumn::Username, Qt::AscendingOrder);
        QCOMPARE(count, qint64(matching.size()));
        QCOMPARE(device.data, csv ? oldCsv(matching) : oldJson(matching));

        // Everything: several times the buffer, arriving in pieces of at most about 320 KiB.
        WriteCounter all;
        QVERIFY(all.open(QIODevice::WriteOnly));
        QVERIFY2(HistoryExporter::write(store, QString(), HistoryColumn::Time, Qt::DescendingOrder, &all,
                                        format, &count, &error),
                 qPrintable(error));
        QCOMPARE(count, qint64(records.size()));
        QVERIFY2(all.data.size() > 800 * 1000, QByteArray::number(all.data.size()).constData());
        QVERIFY(all.writes > 3);
        QVERIFY2(all.largest <= 320 * 1024, QByteArray::number(all.largest).constData());
        QCOMPARE(all.data, csv ? oldCsv(store.fetch()) : oldJson(store.fetch()));
    }

    void storeExportIsTheRecordsBytes_data()
    {
        QTest::addColumn<bool>("csv");
        QTest::newRow("csv") << true;
        QTest::newRow("json") << false;
    }

    // The export reads the stored UTF-8 itself (HistoryExportStream::writeRow); whatever a row holds, the
    // bytes are those of the rows as the store reads them (fetch) written by the reference exporter.
    void storeExportIsTheRecordsBytes()
    {
        QFETCH(bool, csv);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        HistoryStore store(path);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QList<HistoryRecord> records = trickyRecords();
        QVERIFY2(store.addMany(records, &error), qPrintable(error));
        const QList<QMap<QString, QString>> raw = {
            {{QStringLiteral("created_at"), QStringLiteral("'2024-05-01T09:30:15Z'")}},     // no milliseconds
            {{QStringLiteral("created_at"), QStringLiteral("'2023-02-30T10:00:00.000Z'")}}, // no such day
            {{QStringLiteral("created_at"), QStringLiteral("'0999-01-01T00:00:00.000Z'")}},
            {{QStringLiteral("created_at"), QStringLiteral("'2024-01-01T24:00:00.000Z'")}},
            {{QStringLiteral("created_at"), QStringLiteral("''")},
             {QStringLiteral("updated_at"), QStringLiteral("'garbage'")}},
            {{QStringLiteral("updated_at"), QStringLiteral("'2030-01-01T00:00:00.000Z'")}},
            {{QStringLiteral("remarks"), QStringLiteral("CAST(X'41EDA08042' AS TEXT)")}}, // a surrogate
            {{QStringLiteral("remarks"), QStringLiteral("CAST(X'41FF42C0AF' AS TEXT)")}}, // not UTF-8
            {{QStringLiteral("remarks"), QStringLiteral("CAST(X'41EFBFBF42' AS TEXT)")}}, // U+FFFF
            {{QStringLiteral("remarks"), QStringLiteral("CAST(X'41E282' AS TEXT)")}},     // cut short
            {{QStringLiteral("remarks"), QStringLiteral("CAST(X'3031323334353637383961ED' AS TEXT)")}},
            {{QStringLiteral("remarks"), QStringLiteral("CAST(X'410042' AS TEXT)")}},    // a NUL
            {{QStringLiteral("username"), QStringLiteral("CAST(X'F4908080' AS TEXT)")}}, // past U+10FFFF
            {{QStringLiteral("port"), QStringLiteral("X'33333036'")}},                   // a blob
            {{QStringLiteral("sql_record_flag"), QStringLiteral("'yes'")},
             {QStringLiteral("password_saved"), QStringLiteral("'false'")}},
            {{QStringLiteral("is_save_password"), QStringLiteral("2.5")}},
            {{QStringLiteral("state"), QStringLiteral("'bogus'")},
             {QStringLiteral("origin"), QStringLiteral("'x'")}},
            {{QStringLiteral("node_ids"), QStringLiteral("'a,,b,'")},
             {QStringLiteral("remarks"), QStringLiteral("'-,\"x\"'")}},
            {{QStringLiteral("node_ids"), QStringLiteral("','")},
             {QStringLiteral("remarks"), QStringLiteral("'@'")}},
            {{QStringLiteral("id"), QStringLiteral("5000000000")}},
        };
        for (const auto& row : raw)
            QVERIFY(insertRaw(path, row));
        const auto format = csv ? HistoryExportStream::Format::Csv : HistoryExportStream::Format::Json;
        const QStringList filters = {QString(), QStringLiteral("raw"), QStringLiteral("user"),
                                     QStringLiteral("引号")};
        for (const QString& filter : filters) {
            for (auto sort : {HistoryColumn::Time, HistoryColumn::Port, HistoryColumn::Remarks}) {
                QBuffer buffer;
                buffer.open(QIODevice::WriteOnly);
                qint64 count = 0;
                QVERIFY2(HistoryExporter::write(store, filter, sort, Qt::AscendingOrder, &buffer, format,
                                                &count, &error),
                         qPrintable(error));
                const QList<HistoryRecord> rows = store.fetch(filter, sort, Qt::AscendingOrder);
                QCOMPARE(count, qint64(rows.size()));
                QCOMPARE(buffer.data(), csv ? oldCsv(rows) : oldJson(rows));
            }
        }
        QCOMPARE(store.count(QStringLiteral("raw")), int(raw.size()));
    }

    void refusedWritesAreReported()
    {
        QBuffer readOnly;
        readOnly.open(QIODevice::ReadOnly);
        HistoryExportStream stream(&readOnly, HistoryExportStream::Format::Csv);
        stream.write(plain(1));
        QVERIFY(!stream.finish());
    }
};

QTEST_GUILESS_MAIN(TestHistoryExport)
#include "tst_historyexport.moc"
