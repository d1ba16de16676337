// Fuzz target: the regions.yaml reader (yaml-cpp underneath), bytes in. Any input must end in an endpoint
// or an error message, never both, never a crash or an escaped exception, and a message never carries a
// control character taken from the file.

#include "EndpointResolver.h"
#include "FuzzCheck.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // yaml-cpp is in the regions module: a target that could not load it would pass while parsing nothing.
    static const bool moduleLoaded =
        das::EndpointResolver::endpointFromRegionsYaml("DAS: [{id: r, endpoint: https://e.example}]",
                                                       QStringLiteral("r"), QStringLiteral("seed"),
                                                       nullptr) == QLatin1String("https://e.example");
    DAS_FUZZ_CHECK(moduleLoaded, "the regions module (libdas-regions.so) did not load");
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
