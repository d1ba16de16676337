#include "IamEndpoint.h"

namespace das {

namespace {

EndpointResolver::Result parsed(const QString& text, const QString& source, const QString& label)
{
    EndpointResolver::Result r = EndpointResolver::parseEndpoint(text);
    if (!r.ok())
        r.error = label.arg(r.error);
    r.source = source;
    return r;
}

} // namespace

// From huaweicloud-sdk-go-v3 services/iam/v3/region/region.go (commit 12f14eec): every entry is
// iam.{region}.myhuaweicloud.com except eu-west-101, which is on the .eu domain.
QStringList IamEndpoint::regionalHosts()
{
    static const QStringList ids = {
        QStringLiteral("cn-north-2"),     QStringLiteral("cn-north-4"),     QStringLiteral("cn-north-1"),
        QStringLiteral("cn-east-2"),      QStringLiteral("cn-east-3"),      QStringLiteral("cn-south-1"),
        QStringLiteral("cn-south-2"),     QStringLiteral("cn-southwest-2"), QStringLiteral("ap-southeast-1"),
        QStringLiteral("ap-southeast-2"), QStringLiteral("ap-southeast-3"), QStringLiteral("af-south-1"),
        QStringLiteral("sa-brazil-1"),    QStringLiteral("la-south-2"),     QStringLiteral("na-mexico-1"),
        QStringLiteral("la-north-2"),     QStringLiteral("cn-north-9"),     QStringLiteral("eu-west-101"),
        QStringLiteral("eu-west-0")};
    return ids;
}

QString IamEndpoint::regionalEndpoint(const QString& region)
{
    if (!regionalHosts().contains(region))
        return QString();
    if (region == QLatin1String("eu-west-101"))
        return QStringLiteral("https://iam.eu-west-101.myhuaweicloud.eu");
    return QStringLiteral("https://iam.") + region + QStringLiteral(".myhuaweicloud.com");
}

EndpointResolver::Result IamEndpoint::resolve(const Inputs& inputs)
{
    if (inputs.sandboxEndpoint.isValid() && !inputs.sandboxEndpoint.isEmpty())
        return parsed(inputs.sandboxEndpoint.toString(), tr("the sandbox"), tr("sandbox: %1"));
    if (!inputs.profileEndpoint.trimmed().isEmpty())
        return parsed(inputs.profileEndpoint.trimmed(), tr("the profile"), tr("profile IAM endpoint: %1"));
    const QString variable = QLatin1String(EnvironmentVariable);
    QString fromEnv = inputs.environment.value(variable).trimmed();
    if (!fromEnv.isEmpty()) {
        if (!fromEnv.contains(QLatin1String("://")))
            fromEnv.prepend(QLatin1String("https://"));
        return parsed(fromEnv, variable, variable + QStringLiteral(": %1"));
    }
    const QString regional = regionalEndpoint(inputs.region.trimmed());
    if (!regional.isEmpty())
        return parsed(regional, tr("built-in IAM region table"), QStringLiteral("%1"));
    return parsed(QLatin1String(GlobalEndpoint), tr("global IAM endpoint"), QStringLiteral("%1"));
}

} // namespace das
