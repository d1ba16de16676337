// Fuzz target: the DAS answer parser. The input is a whole HTTP answer in a simple framing:
//   bytes 0-1   status, big-endian; the top bit set means the request used an IAM token (usedIamToken),
//               the other 15 bits are the HTTP status (so 0..32767, most of them nonsense on purpose);
//   then        header lines "Name: value" ending in LF or CRLF, up to the first empty line; only
//               Content-Type, X-Request-Id, Date and Location are used (names case-insensitive), the
//               rest is ignored as NetworkJob ignores it;
//   then        the body, every remaining byte.
// It runs ErrorExplainer::fromHttp (and the Date parser on its own) and checks what must hold for any
// answer, so a wrong outcome is a finding too, not only a crash.

#include "ErrorExplainer.h"
#include "FuzzCheck.h"

#include <QByteArray>
#include <QDateTime>
#include <QTimeZone>

#include <cstdint>

namespace {

das::ErrorExplainer::HttpAnswer parse(const uint8_t* data, size_t size)
{
    das::ErrorExplainer::HttpAnswer answer;
    // A fixed clock, so every input is replayed exactly as it was found.
    answer.localTime = QDateTime(QDate(2026, 3, 8), QTime(2, 30), QTimeZone::utc());
    if (size < 2)
        return answer;
    answer.usedIamToken = (data[0] & 0x80) != 0;
    answer.status = ((data[0] & 0x7f) << 8) | data[1];

    const QByteArray rest =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data + 2), qsizetype(size - 2));
    qsizetype pos = 0;
    while (pos < rest.size()) {
        qsizetype end = rest.indexOf('\n', pos);
        const bool lastLine = end < 0;
        if (lastLine)
            end = rest.size();
        QByteArray line = rest.mid(pos, end - pos);
        pos = lastLine ? end : end + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            break;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-type")
            answer.contentType = value;
        else if (name == "x-request-id")
            answer.requestIdHeader = value;
        else if (name == "date")
            answer.dateHeader = value;
        else if (name == "location")
            answer.location = value;
    }
    answer.body = rest.mid(pos); // a deep copy: the body must not point into the fuzzer's buffer
    return answer;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using Outcome = das::CreateResult::Outcome;
    const das::ErrorExplainer::HttpAnswer answer = parse(data, size);
    const das::CreateResult r = das::ErrorExplainer::fromHttp(answer);

    DAS_FUZZ_CHECK(r.requestSent, "an HTTP answer means the request was sent");
    DAS_FUZZ_CHECK(r.httpStatus == answer.status, "httpStatus is the answer's status");
    DAS_FUZZ_CHECK(!r.explanation.isEmpty(), "every answer gets a sentence");
    DAS_FUZZ_CHECK(r.outcome == Outcome::Created || r.outcome == Outcome::AuthFailed ||
                       r.outcome == Outcome::ApiError || r.outcome == Outcome::Unknown,
                   "an HTTP answer is created, auth failure, API error or unknown");
    const bool success = answer.status >= 200 && answer.status < 300;
    if (r.outcome == Outcome::Created) {
        DAS_FUZZ_CHECK(success, "only a 2xx answer creates a connection");
        DAS_FUZZ_CHECK(!r.connectionId.isEmpty() && r.connectionId == r.connectionId.trimmed(),
                       "a created connection has a trimmed, non-empty ID");
        DAS_FUZZ_CHECK(r.exitCode() == 0, "created exits 0");
    } else {
        DAS_FUZZ_CHECK(r.connectionId.isEmpty(), "no connection ID without Created");
        const int code = r.exitCode();
        DAS_FUZZ_CHECK(code == 3 || code == 4 || code == 5, "a failed answer exits 3, 4 or 5");
    }
    if (success)
        DAS_FUZZ_CHECK(r.outcome == Outcome::Created || r.outcome == Outcome::Unknown,
                       "a 2xx answer is created or unknown, never a plain error");

    qint64 offset = 0;
    if (das::ErrorExplainer::clockOffset(answer.dateHeader, answer.localTime, &offset))
        DAS_FUZZ_CHECK(!das::ErrorExplainer::describeOffset(offset).isEmpty(), "an offset is described");
    return 0;
}
