// Fuzz target: the regions.yaml reader (yaml-cpp underneath), bytes in. Any input must end in an endpoint
// or an error message, never both, never a crash or an escaped exception, and a message never carries a
// control character taken from the file.

#include "EndpointResolver.h"
#include "FuzzCheck.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray yaml(reinterpret_cast<const char*>(data), qsizetype(size));
    for (const char* region : {"cn-north-4", "na-mexico-1", ""}) {
        QString error;
        const QString endpoint = das::EndpointResolver::endpointFromRegionsYaml(
            yaml, QLatin1String(region), QStringLiteral("regions.yaml"), &error);
        DAS_FUZZ_CHECK(endpoint.isEmpty() || error.isEmpty(), "an endpoint and an error at once");
        for (const QChar c : error)
            DAS_FUZZ_CHECK(c.unicode() >= 0x20 || c == u'\n', "a control character in the message");
    }
    return 0;
}
