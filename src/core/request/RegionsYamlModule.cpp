// The regions module, libdas-regions.so: regions.yaml through yaml-cpp (RegionsYaml.h), loaded by
// EndpointResolver on first use (ModuleLoader).
#include "RegionsYaml.h"

#include <QByteArray>
#include <QString>

#include <string>
#include <type_traits>

#include <yaml-cpp/yaml.h>

namespace {

// The entry of the DAS list naming `regionId`, its endpoint (or the first of its endpoints); throws
// YAML::Exception on nodes of the wrong kind.
QString endpointOf(const YAML::Node& service, const std::string& regionId)
{
    for (const YAML::Node& entry : service) {
        if (!entry.IsMap() || !entry["id"] || entry["id"].as<std::string>() != regionId)
            continue;
        if (entry["endpoint"])
            return QString::fromStdString(entry["endpoint"].as<std::string>());
        if (entry["endpoints"] && entry["endpoints"].IsSequence() && entry["endpoints"].size() > 0)
            return QString::fromStdString(entry["endpoints"][0].as<std::string>());
    }
    return {};
}

das::RegionsYamlAnswer parse(const QByteArray& yaml, const QString& regionId, QString* endpoint,
                             QString* detail)
{
    using Answer = das::RegionsYamlAnswer;
    try {
        const YAML::Node root = YAML::Load(std::string(yaml.constData(), size_t(yaml.size())));
        if (root.IsNull())
            return Answer::Parsed;
        if (!root.IsMap())
            return Answer::NotAMap;
        const YAML::Node service = root["DAS"];
        if (!service)
            return Answer::Parsed;
        if (!service.IsSequence())
            return Answer::DasNotAList;
        *endpoint = endpointOf(service, regionId.toStdString());
        return Answer::Parsed;
    } catch (const YAML::Exception& e) {
        *detail = QString::fromStdString(e.what());
        return Answer::NotYaml;
    } catch (const std::exception&) {
        // yaml-cpp's own errors are YAML::Exception; anything else (std::bad_alloc) must not reach the caller
        // either, since the bytes may be anything.
        return Answer::Unreadable;
    }
}

} // namespace

extern "C" Q_DECL_EXPORT int das_regions_endpoint_v1(const QByteArray* yaml, const QString* regionId,
                                                     QString* endpoint, QString* detail)
{
    return int(parse(*yaml, *regionId, endpoint, detail));
}

static_assert(std::is_same_v<decltype(&das_regions_endpoint_v1), das::RegionsEndpointFunction>,
              "the exported function and RegionsYaml.h disagree");

extern "C" Q_DECL_EXPORT const char* das_module_version()
{
    return DAS_CONNECT_VERSION;
}
