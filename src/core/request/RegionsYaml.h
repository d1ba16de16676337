#pragma once

// What the regions module (libdas-regions.so, RegionsYamlModule.cpp) exports for EndpointResolver: the DAS
// endpoint a Huawei Cloud SDK regions.yaml names for a region, parsed with yaml-cpp. yaml-cpp is in the
// module so that only a run that reads a regions file loads it (ModuleLoader).
//   int das_regions_endpoint(const QByteArray* yaml, const QString* regionId, QString* endpoint,
//                            QString* detail);
// returns one of RegionsYamlAnswer; *endpoint is empty when the file does not name the region, *detail holds
// yaml-cpp's message for NotYaml (untrusted text: the caller cleans it).
#define DAS_REGIONS_ENDPOINT_SYMBOL "das_regions_endpoint_v1"

class QByteArray;
class QString;

namespace das {

// The exported function's type, for the module (checked against it) and EndpointResolver.
using RegionsEndpointFunction = int (*)(const QByteArray* yaml, const QString* regionId, QString* endpoint,
                                        QString* detail);

enum class RegionsYamlAnswer : int
{
    Parsed = 0,  // *endpoint set, or empty
    NotAMap = 1, // the document is not a map of services
    DasNotAList, // the DAS entry is not a list of {id, endpoint}
    NotYaml,     // yaml-cpp refused it (*detail)
    Unreadable,  // anything else went wrong (std::bad_alloc)
};

} // namespace das
