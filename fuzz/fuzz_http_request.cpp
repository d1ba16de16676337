// Fuzz target: the sandbox's HTTP/1.1 request parser, raw bytes in. The input is fed whole, and then again
// split at a point taken from its first byte, and the two runs must agree: an incremental parser that answers
// differently depending on how the bytes arrive would be a finding, not only a crash. Whatever it accepts
// must respect the limits it was given.

#include "FuzzCheck.h"
#include "HttpRequestParser.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    das::HttpLimits limits;
    limits.maxHeaderBytes = 2048; // small limits, so the fuzzer reaches them
    limits.maxHeaderCount = 16;
    limits.maxBodyBytes = 4096;

    das::HttpRequestParser whole(limits);
    const auto wholeState = whole.feed(bytes);

    das::HttpRequestParser split(limits);
    const qsizetype at = size ? qsizetype(data[0]) % (bytes.size() + 1) : 0;
    auto splitState = split.feed(bytes.left(at));
    if (splitState == das::HttpRequestParser::State::NeedMore)
        splitState = split.feed(bytes.mid(at));

    DAS_FUZZ_CHECK(wholeState == splitState, "the state depends on how the bytes were split");
    if (wholeState == das::HttpRequestParser::State::Error) {
        DAS_FUZZ_CHECK(whole.errorStatus() == split.errorStatus(), "the error depends on the split");
        const int status = whole.errorStatus();
        DAS_FUZZ_CHECK(status == 400 || status == 413 || status == 431 || status == 501 || status == 505,
                       "an error status outside the documented ones");
        DAS_FUZZ_CHECK(!whole.errorReason().isEmpty(), "an error without a reason");
    }
    if (wholeState == das::HttpRequestParser::State::Complete) {
        const das::HttpRequest& r = whole.request();
        DAS_FUZZ_CHECK(r.method == split.request().method && r.target == split.request().target &&
                           r.body == split.request().body,
                       "the request depends on the split");
        DAS_FUZZ_CHECK(r.body.size() <= limits.maxBodyBytes, "a body over the limit was accepted");
        DAS_FUZZ_CHECK(r.headers.size() <= limits.maxHeaderCount,
                       "more headers than the limit were accepted");
        DAS_FUZZ_CHECK(r.target.startsWith('/'), "a target that does not start with /");
        for (const auto& header : r.headers) {
            for (const char c : header.first)
                DAS_FUZZ_CHECK(uchar(c) > 0x20 && c != 0x7f && c != ':',
                               "a name that is not a token was accepted");
            // RFC 9110 allows HTAB inside a field value; every other control byte must have been refused.
            for (const char c : header.second)
                DAS_FUZZ_CHECK(c == '\t' || (uchar(c) >= 0x20 && c != 0x7f),
                               "a control byte in an accepted value");
        }
    }
    return 0;
}
