#include "HttpRequestParser.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <utility>

namespace das {

namespace {

constexpr char SectionEnd[] = "\r\n\r\n";
constexpr int MaxLengthDigits = 18; // below 2^63: the number cannot overflow qint64

// RFC 9110 tchar: what a method or a header name may consist of.
bool isTokenChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if ((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z'))
        return true;
    return u != 0 && std::strchr("!#$%&'*+-.^_`|~", u) != nullptr;
}

bool isToken(const QByteArray& text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// The origin form only ("/path?query"): no absolute form, no "*", no fragment, nothing outside visible ASCII,
// so the raw target can go into a header or a log line as it is.
bool isOriginForm(const QByteArray& target)
{
    if (!target.startsWith('/'))
        return false;
    for (const char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x21 || u > 0x7e || c == '#')
            return false;
    }
    return true;
}

// Field values: visible characters, blanks and obs-text; no CR, LF, NUL or other control bytes.
bool isFieldValue(const QByteArray& value)
{
    for (const char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

QByteArray trimBlanks(const QByteArray& value)
{
    qsizetype begin = 0;
    qsizetype end = value.size();
    while (begin < end && (value.at(begin) == ' ' || value.at(begin) == '\t'))
        ++begin;
    while (end > begin && (value.at(end - 1) == ' ' || value.at(end - 1) == '\t'))
        --end;
    return value.mid(begin, end - begin);
}

} // namespace

qsizetype HttpRequest::indexOfHeader(const QByteArray& name) const
{
    for (qsizetype i = 0; i < headers.size(); ++i) {
        if (headers.at(i).first.compare(name, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

QByteArray HttpRequest::header(const QByteArray& name) const
{
    const qsizetype index = indexOfHeader(name);
    return index < 0 ? QByteArray() : headers.at(index).second;
}

HttpRequestParser::HttpRequestParser(const HttpLimits& limits)
    : m_limits(limits)
{}

HttpRequestParser::State HttpRequestParser::feed(const QByteArray& bytes)
{
    if (m_state != State::NeedMore)
        return m_state;
    m_started = m_started || !bytes.isEmpty();
    m_buffer += bytes;
    if (!m_inBody) {
        // Resume the search for the blank line where the last one stopped (a CRLFCRLF may straddle feeds).
        const qsizetype end = m_buffer.indexOf(SectionEnd, qMax<qsizetype>(0, m_scanned - 3));
        const qsizetype sectionBytes = end < 0 ? m_buffer.size() : end + qsizetype(std::strlen(SectionEnd));
        if (sectionBytes > m_limits.maxHeaderBytes)
            return fail(431, "the request line and headers are larger than the limit");
        if (end < 0) {
            m_scanned = m_buffer.size();
            return m_state;
        }
        if (parseHeaderSection(m_buffer.left(end + 2)) == State::Error)
            return m_state;
        m_buffer.remove(0, sectionBytes);
        m_inBody = true;
    }
    return takeBody();
}

HttpRequestParser::State HttpRequestParser::fail(int status, const char* reason)
{
    m_state = State::Error;
    m_errorStatus = status;
    m_reason = reason;
    m_buffer.clear();
    return m_state;
}

// `section` is every header line with its CRLF, without the final blank line.
HttpRequestParser::State HttpRequestParser::parseHeaderSection(const QByteArray& section)
{
    QList<QByteArray> lines = section.split('\n');
    lines.removeLast(); // after the last LF
    for (QByteArray& line : lines) {
        // Only CRLF ends a line: a bare CR or LF is read differently by different servers (smuggling).
        if (!line.endsWith('\r') || line.indexOf('\r') != line.size() - 1)
            return fail(400, "a line does not end with CRLF");
        line.chop(1);
    }
    if (lines.size() - 1 > m_limits.maxHeaderCount)
        return fail(431, "the request has more header lines than the limit");
    if (!parseRequestLine(lines.constFirst()))
        return m_state;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (!parseHeaderLine(lines.at(i)))
            return m_state;
    }
    return checkFraming();
}

bool HttpRequestParser::parseRequestLine(const QByteArray& line)
{
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || !isToken(parts.at(0)) || !isOriginForm(parts.at(1))) {
        fail(400, "the request line is not METHOD /path HTTP/1.1");
        return false;
    }
    const QByteArray& version = parts.at(2);
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        const bool looksHttp = version.size() == 8 && version.startsWith("HTTP/") &&
                               std::isdigit(static_cast<unsigned char>(version.at(5))) &&
                               version.at(6) == '.' &&
                               std::isdigit(static_cast<unsigned char>(version.at(7)));
        fail(looksHttp ? 505 : 400,
             looksHttp ? "only HTTP/1.1 is supported" : "the HTTP version is malformed");
        return false;
    }
    m_request.method = parts.at(0);
    m_request.target = parts.at(1);
    m_request.version = version;
    const qsizetype question = m_request.target.indexOf('?');
    m_request.path = question < 0 ? m_request.target : m_request.target.left(question);
    m_request.query = question < 0 ? QByteArray() : m_request.target.mid(question + 1);
    return true;
}

bool HttpRequestParser::parseHeaderLine(const QByteArray& line)
{
    // A name that is not a token also covers "Name : value" and obs-fold continuation lines (leading blank).
    const qsizetype colon = line.indexOf(':');
    const QByteArray name = colon < 0 ? QByteArray() : line.left(colon);
    if (!isToken(name)) {
        fail(400, "a header line is malformed");
        return false;
    }
    const QByteArray value = trimBlanks(line.mid(colon + 1));
    if (!isFieldValue(value)) {
        fail(400, "a header value contains control characters");
        return false;
    }
    m_request.headers.append({name, value});
    return true;
}

// Decides how long the body is, refusing every framing two parties could read differently.
HttpRequestParser::State HttpRequestParser::checkFraming()
{
    int lengths = 0;
    int hosts = 0;
    QByteArray length;
    for (const auto& field : std::as_const(m_request.headers)) {
        if (field.first.compare("transfer-encoding", Qt::CaseInsensitive) == 0)
            return fail(501, "Transfer-Encoding is not supported; send Content-Length");
        if (field.first.compare("content-length", Qt::CaseInsensitive) == 0) {
            ++lengths;
            length = field.second;
        }
        if (field.first.compare("host", Qt::CaseInsensitive) == 0)
            ++hosts;
    }
    if (lengths > 1)
        return fail(400, "more than one Content-Length header");
    if (hosts > 1 || (hosts == 0 && m_request.version == "HTTP/1.1"))
        return fail(400, "an HTTP/1.1 request needs exactly one Host header");
    if (lengths == 1) {
        if (length.isEmpty() ||
            !std::all_of(length.cbegin(), length.cend(), [](char c) { return c >= '0' && c <= '9'; }))
            return fail(400, "Content-Length is not a number");
        if (length.size() > MaxLengthDigits || length.toLongLong() > m_limits.maxBodyBytes)
            return fail(413, "the body is larger than the limit");
        m_bodyLength = length.toLongLong();
    }
    return m_state;
}

HttpRequestParser::State HttpRequestParser::takeBody()
{
    if (m_buffer.size() < m_bodyLength)
        return m_state;
    m_request.body = m_buffer.left(m_bodyLength);
    m_unconsumed = m_buffer.mid(m_bodyLength);
    m_buffer.clear();
    m_state = State::Complete;
    return m_state;
}

} // namespace das
