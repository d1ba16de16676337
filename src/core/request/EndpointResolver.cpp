#include "EndpointResolver.h"

#include "BoundedRead.h"
#include "ModuleLoader.h"
#include "RegionsYaml.h"
#include "RequestLog.h"
#include "ServerText.h"

#include <QDir>
#include <QFileInfo>
#include <QHostAddress>

namespace das {

Q_LOGGING_CATEGORY(lcRequest, "das.request", QtWarningMsg)

namespace {

// Text from a file or the environment as messages quote it: no control character reaches a terminal or a
// dialog.
QString quoted(const QString& untrusted)
{
    return ServerText::clean(untrusted, ServerText::MaxMessageChars);
}

} // namespace

// The Go SDK's DAS region table, in its order; display names as Huawei Cloud's console spells them.
QList<EndpointResolver::Region> EndpointResolver::regions()
{
    return {
        {QStringLiteral("cn-south-1"), tr("CN South-Guangzhou")},
        {QStringLiteral("cn-south-2"), tr("CN South-Shenzhen")},
        {QStringLiteral("cn-north-1"), tr("CN North-Beijing1")},
        {QStringLiteral("cn-north-4"), tr("CN North-Beijing4")},
        {QStringLiteral("cn-north-9"), tr("CN North-Ulanqab1")},
        {QStringLiteral("cn-east-2"), tr("CN East-Shanghai2")},
        {QStringLiteral("cn-east-3"), tr("CN East-Shanghai1")},
        {QStringLiteral("cn-east-5"), tr("CN East-Qingdao")},
        {QStringLiteral("cn-south-4"), tr("CN South-Guangzhou-InvitationOnly")},
        {QStringLiteral("cn-southwest-2"), tr("CN Southwest-Guiyang1")},
        {QStringLiteral("tr-west-1"), tr("TR-Istanbul")},
        {QStringLiteral("ap-southeast-1"), tr("CN-Hong Kong")},
        {QStringLiteral("ap-southeast-3"), tr("AP-Singapore")},
        {QStringLiteral("ap-southeast-4"), tr("AP-Jakarta")},
        {QStringLiteral("me-east-1"), tr("ME-Riyadh")},
        {QStringLiteral("af-south-1"), tr("AF-Johannesburg")},
        {QStringLiteral("af-north-1"), tr("AF-Cairo")},
        {QStringLiteral("sa-brazil-1"), tr("LA-Sao Paulo1")},
        {QStringLiteral("na-mexico-1"), tr("LA-Mexico City1")},
    };
}

bool EndpointResolver::isKnownRegion(const QString& id)
{
    const auto all = regions();
    return std::any_of(all.begin(), all.end(), [&](const Region& r) { return r.id == id; });
}

QUrl EndpointResolver::builtInEndpoint(const QString& regionId)
{
    if (!isKnownRegion(regionId))
        return {};
    // The one region whose DAS host is not named after it (Go SDK region table).
    const QString host = regionId == QLatin1String("na-mexico-1") ? QStringLiteral("la-south-2") : regionId;
    return QUrl(QStringLiteral("https://das.%1.myhuaweicloud.com").arg(host));
}

QString EndpointResolver::environmentVariableFor(const QString& regionId)
{
    QString suffix = regionId.toUpper();
    suffix.replace(u'-', u'_');
    return QStringLiteral("HUAWEICLOUD_SDK_REGION_DAS_") + suffix;
}

QString EndpointResolver::regionsFilePath(const QProcessEnvironment& env)
{
    const QString fromEnv = env.value(QStringLiteral("HUAWEICLOUD_SDK_REGIONS_FILE"));
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QString home = env.value(QStringLiteral("HOME"), QDir::homePath());
    return home + QStringLiteral("/.huaweicloud/regions.yaml");
}

bool EndpointResolver::isLoopbackHost(const QString& host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

EndpointResolver::Result EndpointResolver::parseEndpoint(const QString& text)
{
    Result result;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        result.error = tr("Endpoint URL is required.");
        return result;
    }
    QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        result.error =
            tr("Endpoint \"%1\" is not a valid URL such as https://das.example.com.").arg(quoted(trimmed));
        return result;
    }
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http")) {
        result.error = tr("Endpoint must start with https:// (it starts with %1://).").arg(url.scheme());
        return result;
    }
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host())) {
        result.error =
            tr("Endpoint must use https://; plain http:// is allowed only for loopback hosts such as "
               "127.0.0.1, because the request carries a database password.");
        return result;
    }
    if (url.port() == 0) {
        result.error = tr("Endpoint port must be from 1 to 65535.");
        return result;
    }
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment()) {
        result.error = tr("Endpoint must not contain a user name, query or fragment.");
        return result;
    }
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path);
    url.setScheme(scheme);
    result.endpoint = url;
    result.source = tr("custom endpoint");
    return result;
}

namespace {

// Without a region file entry there is nothing to parse; an unreadable one is an error.
QString endpointFromRegionsFile(const QString& path, const QString& regionId, QString* error)
{
    if (!QFileInfo::exists(path))
        return {};
    const QString shown = QDir::toNativeSeparators(path);
    const auto bytes = BoundedRead::file(path, EndpointResolver::MaxRegionsFileBytes, error);
    if (!bytes)
        return {};
    return EndpointResolver::endpointFromRegionsYaml(*bytes, regionId, shown, error);
}

} // namespace

QString EndpointResolver::endpointFromRegionsYaml(const QByteArray& yaml, const QString& regionId,
                                                  const QString& shownPath, QString* error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    // yaml-cpp is in the regions module, loaded (once) only when a regions file is read.
    static QString moduleError;
    static const auto parse = reinterpret_cast<RegionsEndpointFunction>(
        ModuleLoader::function(ModuleLoader::load(QStringLiteral(DAS_REGIONS_MODULE_FILE), &moduleError),
                               DAS_REGIONS_ENDPOINT_SYMBOL, &moduleError));
    if (!parse) {
        *error = tr("%1 cannot be read: %2").arg(shownPath, moduleError);
        return {};
    }
    QString endpoint;
    QString detail;
    switch (RegionsYamlAnswer(parse(&yaml, &regionId, &endpoint, &detail))) {
    case RegionsYamlAnswer::Parsed:
        return endpoint;
    case RegionsYamlAnswer::NotAMap:
        *error = tr("%1: expected a map of services such as DAS: [{id, endpoint}].").arg(shownPath);
        break;
    case RegionsYamlAnswer::DasNotAList:
        *error = tr("%1: the DAS entry must be a list of {id, endpoint}.").arg(shownPath);
        break;
    case RegionsYamlAnswer::NotYaml:
        *error = tr("%1 is not valid YAML: %2").arg(shownPath, quoted(detail));
        break;
    case RegionsYamlAnswer::Unreadable:
    default:
        *error = tr("%1 cannot be read as YAML.").arg(shownPath);
        break;
    }
    return {};
}

EndpointResolver::Result EndpointResolver::resolveRegion(const QString& regionId,
                                                         const QProcessEnvironment& env)
{
    Result result;
    const QString id = regionId.trimmed();
    if (id.isEmpty()) {
        result.error = tr("Region is required.");
        return result;
    }

    const QString variable = environmentVariableFor(id);
    const QString fromEnv = env.value(variable).section(u',', 0, 0).trimmed();
    if (!fromEnv.isEmpty()) {
        result = parseEndpoint(fromEnv);
        if (result.ok()) {
            result.source = tr("environment variable %1").arg(variable);
            qCDebug(lcRequest) << "region" << id << "from" << variable;
        } else
            result.error = tr("%1: %2").arg(variable, result.error);
        return result;
    }

    const QString file = regionsFilePath(env);
    QString fileError;
    const QString fromFile = endpointFromRegionsFile(file, id, &fileError);
    if (!fileError.isEmpty()) {
        result.error = fileError;
        return result;
    }
    if (!fromFile.isEmpty()) {
        result = parseEndpoint(fromFile);
        if (result.ok()) {
            result.source = tr("regions file %1").arg(file);
            qCDebug(lcRequest) << "region" << id << "from the regions file";
        } else
            result.error = tr("%1: %2").arg(file, result.error);
        return result;
    }

    if (!isKnownRegion(id)) {
        QStringList ids;
        for (const Region& r : regions())
            ids.append(r.id);
        result.error =
            tr("Region \"%1\" is not one DAS is known to serve (%2). Set %3, add it to %4, or give a "
               "custom endpoint.")
                .arg(id, ids.join(QStringLiteral(", ")), variable, file);
        return result;
    }
    result.endpoint = builtInEndpoint(id);
    result.source = tr("built-in region list");
    qCDebug(lcRequest) << "region" << id << "from the built-in list";
    return result;
}

} // namespace das
