// HistoryExportStream::writeRow: a row from SQLite's UTF-8 straight into the export's bytes, without the
// record, its QStrings and its QDateTimes in between (most of an export's time when it went through them).
// The bytes are those of write(record): a row this cannot vouch for is left to that path.
#include "HistoryExportStream.h"

#include "HistoryExportText.h"
#include "HistoryRecord.h"

#include <QByteArrayView>
#include <QDate>

#include <sqlite3.h>

#include <cstring>

namespace das {

namespace {

// The columns of HistorySql::columns(), by position.
enum Column
{
    Id,
    CreatedAt,
    Endpoint,
    Region,
    ProjectId,
    InstanceId,
    EngineType,
    NetworkType,
    Username,
    NodeIds,
    Port,
    DatabaseName,
    Remarks,
    SqlRecordFlag,
    IsSavePassword,
    PasswordSaved,
    ConnectionId,
    RequestId,
    State,
    Origin,
    StateDetail,
    UpdatedAt,
    ColumnCount
};

// UTF-8 that SQLite's UTF-16 conversion (what SqliteQuery::value() reads) and QString::toUtf8() (what the
// export writes) carry through unchanged: shortest forms of scalar values, not U+FFFE or U+FFFF (SQLite
// makes those U+FFFD).
bool plainUtf8(const unsigned char* p, qsizetype size)
{
    qsizetype i = 0;
    while (i < size) {
        // Eight ASCII bytes at a time: most of the history is ASCII.
        quint64 word;
        while (i + 8 <= size && (std::memcpy(&word, p + i, 8), (word & 0x8080808080808080ULL) == 0))
            i += 8;
        if (i >= size)
            break;
        const unsigned c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int more;
        unsigned code;
        if (c >= 0xc2 && c < 0xe0) {
            more = 1;
            code = c & 0x1f;
        } else if (c >= 0xe0 && c < 0xf0) {
            more = 2;
            code = c & 0x0f;
        } else if (c >= 0xf0 && c < 0xf5) {
            more = 3;
            code = c & 0x07;
        } else {
            return false;
        }
        if (i + more >= size)
            return false;
        for (int k = 1; k <= more; ++k) {
            const unsigned next = p[i + k];
            if ((next & 0xc0) != 0x80)
                return false;
            code = (code << 6) | (next & 0x3f);
        }
        if ((more == 2 && (code < 0x800 || (code >= 0xd800 && code < 0xe000) || code >= 0xfffe)) ||
            (more == 3 && (code < 0x10000 || code > 0x10ffff)))
            return false;
        i += more + 1;
    }
    return true;
}

// "2024-05-01T09:30:15.250Z" (HistorySql::timestamp) as the export writes it, "2024-05-01T09:30:15Z"; an
// empty text as nothing. False for anything else (the record path then decides).
bool exportTime(QByteArrayView stored, char (&out)[20], bool* present)
{
    *present = !stored.isEmpty();
    if (!*present)
        return true;
    static const char Shape[] = "0000-00-00T00:00:00.000Z";
    if (stored.size() != 24)
        return false;
    for (int i = 0; i < 24; ++i) {
        const char c = stored[i];
        if (Shape[i] == '0' ? (c < '0' || c > '9') : c != Shape[i])
            return false;
    }
    auto number = [&stored](int at, int digits) {
        int value = 0;
        for (int i = at; i < at + digits; ++i)
            value = value * 10 + (stored[i] - '0');
        return value;
    };
    const int year = number(0, 4);
    if (year < 1000 || !QDate::isValid(year, number(5, 2), number(8, 2)) || number(11, 2) > 23 ||
        number(14, 2) > 59 || number(17, 2) > 59)
        return false;
    std::copy(stored.data(), stored.data() + 19, out);
    out[19] = 'Z';
    return true;
}

// Writes a row into the buffer's spare room, made beforehand for the most the row can take: no check of
// the capacity per piece (QByteArray's appends were a good part of writing a row).
class Bytes
{
public:
    Bytes(QByteArray& out, qsizetype most)
        : m_out(out)
    {
        const qsizetype size = out.size();
        out.resize(size + most);
        m_end = out.data() + size;
    }
    ~Bytes() { m_out.resize(m_end - m_out.constData()); }
    Bytes(const Bytes&) = delete;
    Bytes& operator=(const Bytes&) = delete;

    Bytes& operator+=(char c)
    {
        *m_end++ = c;
        return *this;
    }
    Bytes& operator+=(QByteArrayView bytes)
    {
        if (!bytes.isEmpty())
            std::memcpy(m_end, bytes.data(), size_t(bytes.size()));
        m_end += bytes.size();
        return *this;
    }
    template <size_t N> Bytes& operator+=(const char (&text)[N])
    {
        return *this += QByteArrayView(text, N - 1);
    }

private:
    QByteArray& m_out;
    char* m_end;
};

// QByteArray::number(value), without the allocation.
void appendNumber(Bytes& out, qint64 value)
{
    char digits[24];
    char* end = digits + sizeof digits;
    char* p = end;
    quint64 magnitude = value < 0 ? 0 - quint64(value) : quint64(value);
    do {
        *--p = char('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude);
    if (value < 0)
        *--p = '-';
    out += QByteArrayView(p, end - p);
}

QByteArrayView textOf(sqlite3_stmt* s, int column)
{
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(s, column));
    return QByteArrayView(text, sqlite3_column_bytes(s, column));
}

void appendCsvField(Bytes& out, QByteArrayView value)
{
    bool guard = false;
    if (!value.isEmpty()) {
        const char first = value.front();
        // OWASP CSV injection, as HistoryExporter::csvField.
        guard =
            first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
    bool quote = false;
    for (const char c : value) {
        if (c == ',' || c == '"' || c == '\n' || c == '\r') {
            quote = true;
            break;
        }
    }
    if (!quote) {
        if (guard)
            out += '\'';
        out += value;
        return;
    }
    out += '"';
    if (guard)
        out += '\'';
    qsizetype run = 0;
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value[i] == '"') {
            out += value.sliced(run, i + 1 - run);
            out += '"';
            run = i + 1;
        }
    }
    out += value.sliced(run);
    out += '"';
}

void appendJsonString(Bytes& out, QByteArrayView text)
{
    static thread_local QByteArray escaped; // rare: control characters, quotes, backslashes
    out += '"';
    qsizetype run = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out += text.sliced(run, i - run);
        escaped.resize(0);
        HistoryExportText::appendEscapedUnit(escaped, char16_t(c));
        out += escaped;
        run = i + 1;
    }
    out += text.sliced(run);
    out += '"';
}

// The name the export writes for a stored state or origin, as HistorySql::readRecord() reads it: a name it
// does not know is a damaged row, read as Unknown (state) or Created (origin).
template <typename Enum>
QByteArrayView knownName(QByteArrayView stored, Enum last, Enum otherwise, QString (*name)(Enum))
{
    static const QList<QByteArray> names = [&] {
        QList<QByteArray> all;
        for (int i = 0; i <= int(last); ++i)
            all.append(name(Enum(i)).toLatin1());
        return all;
    }();
    for (const QByteArray& known : names) {
        if (stored == known)
            return known;
    }
    return names.at(int(otherwise));
}

QByteArrayView stateName(QByteArrayView stored)
{
    return knownName(stored, HistoryRecord::State::Deleted, HistoryRecord::State::Unknown,
                     &HistoryRecord::stateName);
}

QByteArrayView originName(QByteArrayView stored)
{
    return knownName(stored, HistoryRecord::Origin::Adopted, HistoryRecord::Origin::Created,
                     &HistoryRecord::originName);
}

} // namespace

struct HistoryExportStream::RowBytes
{
    qint64 id = 0;
    QByteArrayView text[ColumnCount];
    bool flag[ColumnCount] = {};
    char created[20] = {};
    bool hasCreated = false;
    char updated[20] = {};
    bool hasUpdated = false;
    QByteArrayView state;
    QByteArrayView origin;
    qsizetype textBytes = 0; // of every text value

    QByteArrayView createdAt() const { return hasCreated ? QByteArrayView(created, 20) : QByteArrayView(); }
    QByteArrayView updatedAt() const { return hasUpdated ? QByteArrayView(updated, 20) : QByteArrayView(); }
};

bool HistoryExportStream::writeRow(sqlite3_stmt* s)
{
    RowBytes row;
    if (sqlite3_column_count(s) < ColumnCount || sqlite3_column_type(s, Id) != SQLITE_INTEGER)
        return false;
    row.id = sqlite3_column_int64(s, Id);
    for (int column = CreatedAt; column < ColumnCount; ++column) {
        const bool isFlag = column == SqlRecordFlag || column == IsSavePassword || column == PasswordSaved;
        const int type = sqlite3_column_type(s, column);
        if (isFlag) {
            if (type != SQLITE_INTEGER)
                return false;
            row.flag[column] = sqlite3_column_int64(s, column) != 0;
            continue;
        }
        if (type != SQLITE_TEXT)
            return false;
        row.text[column] = textOf(s, column);
        row.textBytes += row.text[column].size();
        if (!plainUtf8(reinterpret_cast<const unsigned char*>(row.text[column].data()),
                       row.text[column].size()))
            return false;
    }
    if (!exportTime(row.text[CreatedAt], row.created, &row.hasCreated) ||
        !exportTime(row.text[UpdatedAt], row.updated, &row.hasUpdated))
        return false;
    row.state = stateName(row.text[State]);
    row.origin = originName(row.text[Origin]);
    if (m_format == Format::Csv)
        writeCsv(row);
    else
        writeJson(row);
    ++m_count;
    flushIfFull();
    return true;
}

void HistoryExportStream::writeCsv(const RowBytes& r)
{
    // The cells of writeCsv(record), in its order. At most every byte doubled and quoted, a guard, a comma.
    Bytes out(m_buffer, r.textBytes * 2 + 4 * ColumnCount + 64);
    appendNumber(out, r.id);
    QByteArray nodes;
    for (int column = CreatedAt; column <= Remarks; ++column) {
        out += ',';
        if (column == CreatedAt) {
            appendCsvField(out, r.createdAt());
        } else if (column == NodeIds && r.text[NodeIds].contains(',')) {
            // Stored joined with ',', written joined with ';'.
            nodes = r.text[NodeIds].toByteArray();
            nodes.replace(',', ';');
            appendCsvField(out, nodes);
        } else {
            appendCsvField(out, r.text[column]);
        }
    }
    for (int column : {SqlRecordFlag, IsSavePassword, PasswordSaved})
        out += r.flag[column] ? QByteArrayView(",true") : QByteArrayView(",false");
    for (QByteArrayView cell :
         {r.text[ConnectionId], r.text[RequestId], r.state, r.origin, r.text[StateDetail], r.updatedAt()}) {
        out += ',';
        appendCsvField(out, cell);
    }
    out += "\r\n";
}

void HistoryExportStream::writeJson(const RowBytes& r)
{
    // The members of writeJson(record), in its order.
    // At most six bytes for one (\u00XX), a node ID's line for each of its commas, and the keys.
    Bytes out(m_buffer, r.textBytes * 6 + r.text[NodeIds].size() * 20 + 1024);
    if (m_count > 0)
        out += ",\n";
    out += "    {\n";
    auto member = [&out](QByteArrayView key) {
        out += "        \"";
        out += key;
        out += "\": ";
    };
    auto text = [&out, &member](QByteArrayView key, QByteArrayView value) {
        member(key);
        appendJsonString(out, value);
        out += ",\n";
    };
    auto flag = [&out, &member](QByteArrayView key, bool value) {
        member(key);
        out += value ? QByteArrayView("true,\n") : QByteArrayView("false,\n");
    };
    text("connection_id", r.text[ConnectionId]);
    text("created_at", r.createdAt());
    text("database_name", r.text[DatabaseName]);
    text("endpoint", r.text[Endpoint]);
    text("engine_type", r.text[EngineType]);
    member("id");
    appendNumber(out, r.id);
    out += ",\n";
    text("instance_id", r.text[InstanceId]);
    flag("is_save_password", r.flag[IsSavePassword]);
    text("network_type", r.text[NetworkType]);
    member("node_ids");
    out += "[\n";
    const QByteArrayView nodes = r.text[NodeIds];
    for (qsizetype start = 0; !nodes.isEmpty() && start <= nodes.size();) {
        qsizetype end = nodes.indexOf(',', start);
        if (end < 0)
            end = nodes.size();
        out += "            ";
        appendJsonString(out, nodes.sliced(start, end - start));
        out += end < nodes.size() ? QByteArrayView(",\n") : QByteArrayView("\n");
        start = end + 1;
    }
    out += "        ],\n";
    text("origin", r.origin);
    flag("password_saved", r.flag[PasswordSaved]);
    text("port", r.text[Port]);
    text("project_id", r.text[ProjectId]);
    text("region", r.text[Region]);
    text("remarks", r.text[Remarks]);
    text("request_id", r.text[RequestId]);
    flag("sql_record_flag", r.flag[SqlRecordFlag]);
    text("state", r.state);
    text("state_detail", r.text[StateDetail]);
    if (r.hasUpdated)
        text("updated_at", r.updatedAt());
    member("username");
    appendJsonString(out, r.text[Username]);
    out += "\n    }";
}

} // namespace das
