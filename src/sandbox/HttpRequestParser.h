#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace das {

// What one request may cost the sandbox before it is refused; gateways have the same kind of limits.
struct HttpLimits
{
    int maxHeaderBytes = 16 * 1024;    // request line + header lines + the empty line → 431 beyond
    int maxHeaderCount = 100;          // header lines → 431 beyond
    qint64 maxBodyBytes = 1024 * 1024; // Content-Length → 413 beyond, before any body byte is read
};

// One parsed request. Everything in it came from the network: untrusted, only shape-checked.
struct HttpRequest
{
    QByteArray method;  // a token, as sent ("POST")
    QByteArray target;  // the raw origin-form request target, visible ASCII only, still percent-encoded
    QByteArray path;    // target up to '?', still percent-encoded
    QByteArray query;   // target after '?', without it; empty when there is none
    QByteArray version; // "HTTP/1.1" or "HTTP/1.0"
    QList<QPair<QByteArray, QByteArray>>
        headers; // in order, names as sent, values without surrounding blanks
    QByteArray body;

    // The first header called `name` (ASCII case-insensitive), or an empty array.
    QByteArray header(const QByteArray& name) const;
    bool hasHeader(const QByteArray& name) const { return indexOfHeader(name) >= 0; }
    qsizetype indexOfHeader(const QByteArray& name) const; // -1 when there is none
};

// An incremental HTTP/1.1 request parser with no I/O: feed it bytes as they come, in any split, until it says
// Complete or Error. It accepts only what a careful gateway would (CRLF line ends, token header names, one
// Content-Length, no Transfer-Encoding, no obs-fold, no control bytes), so that what the sandbox acts on can
// not be read differently by anything in front of or behind it. Memory stays within the limits: header bytes
// are refused past maxHeaderBytes, and a body larger than maxBodyBytes is refused from its Content-Length.
class HttpRequestParser
{
public:
    enum class State
    {
        NeedMore, // everything so far is valid; the request is not complete yet
        Complete, // request() holds the whole request; later bytes went to unconsumed()
        Error,    // errorStatus() and errorReason() say why; the connection should be answered and closed
    };

    explicit HttpRequestParser(const HttpLimits& limits = HttpLimits());

    // Consumes `bytes`. Once Complete or Error, further calls change nothing and return the same state.
    State feed(const QByteArray& bytes);

    State state() const { return m_state; }
    const HttpRequest& request() const { return m_request; }
    // Bytes that followed the complete request in the feed that completed it (a pipelined request): unused.
    const QByteArray& unconsumed() const { return m_unconsumed; }
    // True once any byte was fed: a timeout then means a half-sent request rather than an idle connection.
    bool started() const { return m_started; }

    int errorStatus() const { return m_errorStatus; }          // 400, 413, 431, 501 or 505
    const QByteArray& errorReason() const { return m_reason; } // short English text, no request bytes in it

private:
    State fail(int status, const char* reason);
    State parseHeaderSection(const QByteArray& section);
    bool parseRequestLine(const QByteArray& line);
    bool parseHeaderLine(const QByteArray& line);
    State checkFraming();
    State takeBody();

    HttpLimits m_limits;
    State m_state = State::NeedMore;
    bool m_started = false;
    bool m_inBody = false;
    qint64 m_bodyLength = 0;
    qsizetype m_scanned = 0; // header bytes already searched for the blank line
    QByteArray m_buffer;
    HttpRequest m_request;
    QByteArray m_unconsumed;
    int m_errorStatus = 0;
    QByteArray m_reason;
};

} // namespace das
