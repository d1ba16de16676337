#include "HistoryExportStream.h"

#include "HistoryExportText.h"

#include <QIODevice>
#include <QStringEncoder>

#include <algorithm>

namespace das {

namespace HistoryExportText {

void appendEscapedUnit(QByteArray& out, char16_t unit)
{
    out += '\\';
    switch (unit) {
    case u'"':
        out += '"';
        return;
    case u'\\':
        out += '\\';
        return;
    case u'\b':
        out += 'b';
        return;
    case u'\f':
        out += 'f';
        return;
    case u'\n':
        out += 'n';
        return;
    case u'\r':
        out += 'r';
        return;
    case u'\t':
        out += 't';
        return;
    default:
        out += 'u';
        for (int shift = 12; shift >= 0; shift -= 4) {
            const uint digit = (unit >> shift) & 0xf;
            out += char(digit < 10 ? '0' + digit : 'a' + digit - 10);
        }
    }
}

} // namespace HistoryExportText

namespace {

// Written to the device whenever the buffer holds this much: large enough that a write is rare, small
// enough not to matter next to the rest of the process.
constexpr qsizetype FlushBytes = 256 * 1024;

// time.toUTC().toString(Qt::ISODate), written by hand for the usual years: the QDateTime formatter was a
// good part of exporting 100,000 rows.
QString isoTime(const QDateTime& time)
{
    if (!time.isValid())
        return QString();
    const qint64 msecs = time.toMSecsSinceEpoch();
    const qint64 days = msecs >= 0 ? msecs / 86400000 : -((-msecs + 86399999) / 86400000);
    const QDate date = QDate::fromJulianDay(days + 2440588);
    if (date.year() < 1000 || date.year() > 9999)
        return time.toUTC().toString(Qt::ISODate);
    const int seconds = int((msecs - days * 86400000) / 1000);
    QChar text[20] = {u'0', u'0', u'0', u'0', u'-', u'0', u'0', u'-', u'0', u'0',
                      u'T', u'0', u'0', u':', u'0', u'0', u':', u'0', u'0', u'Z'};
    auto put = [&text](int at, int digits, int value) {
        for (int i = at + digits - 1; i >= at; --i, value /= 10)
            text[i] = QChar(u'0' + value % 10);
    };
    put(0, 4, date.year());
    put(5, 2, date.month());
    put(8, 2, date.day());
    put(11, 2, seconds / 3600);
    put(14, 2, seconds / 60 % 60);
    put(17, 2, seconds % 60);
    return QString(text, 20);
}

// UTF-8 straight into the buffer: no QByteArray per line.
void appendUtf8(QByteArray& out, QStringView text)
{
    if (text.isEmpty())
        return;
    // A lone surrogate: QString::toUtf8() (what exports always wrote) makes it '?', the encoder U+FFFD.
    const bool surrogates = std::any_of(text.begin(), text.end(), [](QChar c) { return c.isSurrogate(); });
    if (surrogates) {
        out += text.toUtf8();
        return;
    }
    const qsizetype old = out.size();
    out.resize(old + text.size() * 3);
    // Stateless: a lone surrogate at the end of one piece must not pair with the next piece.
    QStringEncoder encoder(QStringEncoder::Utf8, QStringConverter::Flag::Stateless);
    char* end = encoder.appendToBuffer(out.data() + old, text);
    out.resize(end - out.constData());
}

// ---- CSV (RFC 4180, see HistoryExporter) ----

QLatin1String flag(bool value)
{
    return value ? QLatin1String("true") : QLatin1String("false");
}

void appendCsvField(QString& line, const QString& value)
{
    bool guard = false;
    if (!value.isEmpty()) {
        const QChar first = value.front();
        // OWASP CSV injection: a leading =, +, -, @, tab or CR makes spreadsheets evaluate the cell.
        guard = first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' ||
                first == u'\r';
    }
    bool quote = false;
    for (const QChar c : value) {
        if (c == u',' || c == u'"' || c == u'\n' || c == u'\r') {
            quote = true;
            break;
        }
    }
    if (quote)
        line += u'"';
    if (guard)
        line += u'\'';
    if (quote) {
        for (const QChar c : value) {
            if (c == u'"')
                line += u'"';
            line += c;
        }
        line += u'"';
    } else {
        line += value;
    }
}

// ---- JSON (the bytes QJsonDocument::toJson(Indented) writes) ----

void appendJsonString(QByteArray& out, const QString& text)
{
    out += '"';
    const char16_t* data = reinterpret_cast<const char16_t*>(text.utf16());
    const qsizetype size = text.size();
    qsizetype runStart = 0; // characters written as they are, encoded in one go
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t u = data[i];
        const bool special = u < 0x20 || u == u'"' || u == u'\\';
        const bool surrogate = QChar::isSurrogate(u);
        if (!special && !surrogate)
            continue;
        if (surrogate && QChar::isHighSurrogate(u) && i + 1 < size && QChar::isLowSurrogate(data[i + 1])) {
            ++i; // a valid pair is plain UTF-8
            continue;
        }
        appendUtf8(out, QStringView(data + runStart, i - runStart));
        // A lone surrogate has no UTF-8 form: QJsonDocument writes it as \uXXXX, and so does this.
        HistoryExportText::appendEscapedUnit(out, u);
        runStart = i + 1;
    }
    appendUtf8(out, QStringView(data + runStart, size - runStart));
    out += '"';
}

void appendMember(QByteArray& out, const char* key)
{
    out += "        \"";
    out += key;
    out += "\": ";
}

void appendStringMember(QByteArray& out, const char* key, const QString& value)
{
    appendMember(out, key);
    appendJsonString(out, value);
    out += ",\n";
}

void appendFlagMember(QByteArray& out, const char* key, bool value)
{
    appendMember(out, key);
    out += flag(value);
    out += ",\n";
}

} // namespace

HistoryExportStream::HistoryExportStream(QIODevice* device, Format format)
    : m_device(device)
    , m_format(format)
{
    m_buffer.reserve(FlushBytes + 64 * 1024);
    if (m_format == Format::Csv) {
        m_buffer += "\xEF\xBB\xBF"; // a BOM, so that Excel reads CJK text
        m_buffer += "id,created_at,endpoint,region,project_id,instance_id,engine_type,network_type,username,"
                    "node_ids,port,database_name,remarks,sql_record_flag,is_save_password,password_saved,"
                    "connection_id,request_id,state,origin,state_detail,updated_at\r\n";
    } else {
        m_buffer += "[\n";
    }
}

void HistoryExportStream::write(const HistoryRecord& record)
{
    if (m_format == Format::Csv)
        writeCsv(record);
    else
        writeJson(record);
    ++m_count;
    flushIfFull();
}

void HistoryExportStream::writeCsv(const HistoryRecord& r)
{
    // One line as text, then encoded once; the order of HistoryExporter::csvColumns().
    QString line;
    line.reserve(512);
    line += QString::number(r.id);
    const QString cells[] = {
        isoTime(r.createdAt),
        r.endpoint,
        r.region,
        r.projectId,
        r.instanceId,
        r.engineType,
        r.networkType,
        r.username,
        // ';' keeps the cell readable; node IDs never contain it.
        r.nodeIds.join(u';'),
        r.port,
        r.databaseName,
        r.remarks,
    };
    for (const QString& cell : cells) {
        line += u',';
        appendCsvField(line, cell);
    }
    for (bool value : {r.sqlRecordFlag, r.isSavePassword, r.passwordSaved}) {
        line += u',';
        line += flag(value);
    }
    const QString tail[] = {r.connectionId, r.requestId, HistoryRecord::stateName(r.state),
                            HistoryRecord::originName(r.origin), r.stateDetail,
                            // Empty until the state changes after the row was written.
                            r.updatedAt.isValid() ? isoTime(r.updatedAt) : QString()};
    for (const QString& cell : tail) {
        line += u',';
        appendCsvField(line, cell);
    }
    line += u"\r\n";
    appendUtf8(m_buffer, line);
}

void HistoryExportStream::writeJson(const HistoryRecord& r)
{
    // The members of HistoryRecord::toJson() in QJsonObject's (sorted) order, indented as one element of an
    // indented array.
    if (m_count > 0)
        m_buffer += ",\n";
    m_buffer += "    {\n";
    appendStringMember(m_buffer, "connection_id", r.connectionId);
    appendStringMember(m_buffer, "created_at", isoTime(r.createdAt));
    appendStringMember(m_buffer, "database_name", r.databaseName);
    appendStringMember(m_buffer, "endpoint", r.endpoint);
    appendStringMember(m_buffer, "engine_type", r.engineType);
    appendMember(m_buffer, "id");
    m_buffer += QByteArray::number(r.id);
    m_buffer += ",\n";
    appendStringMember(m_buffer, "instance_id", r.instanceId);
    appendFlagMember(m_buffer, "is_save_password", r.isSavePassword);
    appendStringMember(m_buffer, "network_type", r.networkType);
    appendMember(m_buffer, "node_ids");
    m_buffer += "[\n";
    for (qsizetype i = 0; i < r.nodeIds.size(); ++i) {
        m_buffer += "            ";
        appendJsonString(m_buffer, r.nodeIds.at(i));
        m_buffer += i + 1 < r.nodeIds.size() ? ",\n" : "\n";
    }
    m_buffer += "        ],\n";
    appendStringMember(m_buffer, "origin", HistoryRecord::originName(r.origin));
    appendFlagMember(m_buffer, "password_saved", r.passwordSaved);
    appendStringMember(m_buffer, "port", r.port);
    appendStringMember(m_buffer, "project_id", r.projectId);
    appendStringMember(m_buffer, "region", r.region);
    appendStringMember(m_buffer, "remarks", r.remarks);
    appendStringMember(m_buffer, "request_id", r.requestId);
    appendFlagMember(m_buffer, "sql_record_flag", r.sqlRecordFlag);
    appendStringMember(m_buffer, "state", HistoryRecord::stateName(r.state));
    appendStringMember(m_buffer, "state_detail", r.stateDetail);
    // toJson() leaves updated_at out until the state changes after the row was written.
    if (r.updatedAt.isValid())
        appendStringMember(m_buffer, "updated_at", isoTime(r.updatedAt));
    appendMember(m_buffer, "username");
    appendJsonString(m_buffer, r.username);
    m_buffer += "\n    }";
}

void HistoryExportStream::flushIfFull()
{
    if (m_buffer.size() >= FlushBytes)
        flush();
}

void HistoryExportStream::flush()
{
    if (m_ok && !m_buffer.isEmpty())
        m_ok = m_device->write(m_buffer) == m_buffer.size();
    m_buffer.resize(0); // keeps the capacity
}

bool HistoryExportStream::finish()
{
    if (m_format == Format::Json)
        m_buffer += m_count > 0 ? "\n]\n" : "]\n";
    flush();
    return m_ok;
}

} // namespace das
