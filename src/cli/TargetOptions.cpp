#include "TargetOptions.h"

#include "CommandLine.h"
#include "DasClient.h"
#include "EndpointResolver.h"
#include "IamEndpoint.h"
#include "ProfileManager.h"
#include "ProfileStore.h"
#include "ProjectLookup.h"

#include <QCommandLineParser>
#include <QEventLoop>

namespace das {

namespace {

auto* const valueOption = &CommandLine::valueOption;

// The option texts keep CreateCommand's translation context, where they were first translated.
QString createText(const char* text)
{
    return QCoreApplication::translate("CreateCommand", text);
}

} // namespace

TargetOptions::TargetOptions()
    : project(valueOption("project-id",
                          tr("Project ID (default: the profile's, then $HUAWEICLOUD_SDK_PROJECT_ID, then the "
                             "region's project looked up through IAM)."),
                          "ID"))
    , region(valueOption("region", createText("Region ID, e.g. cn-north-4."), "ID"))
    , endpoint(valueOption("endpoint",
                           createText("Custom endpoint URL (Huawei Cloud Stack, proxy, sandbox)."), "URL"))
    , timeout(valueOption("timeout", createText("Give up after this many seconds (default 120)."), "SECONDS"))
    , ca(valueOption("ca-file", createText("Extra trusted CA certificates (PEM)."), "PEM"))
    , tokenEnv(valueOption("auth-token-env",
                           createText("Use the IAM token in environment variable VAR instead of AK/SK."),
                           "VAR"))
    , profile(valueOption(
          "profile",
          createText("Use saved profile NAME: its target, default project and keychain credentials."),
          "NAME"))
{}

QList<QCommandLineOption> TargetOptions::options() const
{
    return {project, region, endpoint, timeout, ca, tokenEnv, profile};
}

TargetOptions::Values TargetOptions::read(const QCommandLineParser& parser,
                                          const QProcessEnvironment& env) const
{
    Values in;
    in.credentials.environment = env;
    readCredentials(parser, in);
    // --project-id, then the profile's default project, then the SDK variable; else IAM, later.
    if (parser.isSet(project))
        in.projectId = parser.value(project).trimmed();
    else if (!in.profile.projectId.isEmpty())
        in.projectId = in.profile.projectId;
    else
        in.projectId = env.value(QStringLiteral("HUAWEICLOUD_SDK_PROJECT_ID")).trimmed();
    readTarget(parser, env, in);
    readClientOptions(parser, in);
    return in;
}

void TargetOptions::readCredentials(const QCommandLineParser& parser, Values& in) const
{
    if (parser.isSet(profile)) {
        const QString name = parser.value(profile);
        in.credentials.profile = name;
        ProfileStore profiles;
        if (profiles.contains(name))
            in.profile = profiles.profile(name);
        if (parser.isSet(tokenEnv))
            in.usage.append(createText("--profile and --auth-token-env cannot be used together."));
    } else if (parser.isSet(tokenEnv)) {
        in.credentials.tokenVariable = parser.value(tokenEnv);
    }
}

// --endpoint or --region, else the profile's endpoint or region.
void TargetOptions::readTarget(const QCommandLineParser& parser, const QProcessEnvironment& env,
                               Values& in) const
{
    const bool useProfile = parser.isSet(profile);
    auto take = [&in](const EndpointResolver::Result& resolved, const QString& label) {
        if (!resolved.ok())
            in.usage.append(label.arg(resolved.error));
        in.target.endpoint = resolved.endpoint;
    };
    if (parser.isSet(region) && parser.isSet(endpoint)) {
        in.usage.append(createText("--region and --endpoint cannot be used together."));
    } else if (parser.isSet(endpoint)) {
        take(EndpointResolver::parseEndpoint(parser.value(endpoint)), createText("--endpoint: %1"));
    } else if (parser.isSet(region)) {
        in.target.region = parser.value(region).trimmed();
        take(EndpointResolver::resolveRegion(in.target.region, env), createText("--region: %1"));
    } else if (useProfile && !in.profile.endpoint.isEmpty()) {
        take(EndpointResolver::parseEndpoint(in.profile.endpoint), createText("profile endpoint: %1"));
    } else if (useProfile && !in.profile.region.isEmpty()) {
        in.target.region = in.profile.region;
        take(EndpointResolver::resolveRegion(in.target.region, env), createText("profile region: %1"));
    } else if (!useProfile) {
        in.usage.append(createText("say where to send the request: --region ID or --endpoint URL."));
    }
}

void TargetOptions::readClientOptions(const QCommandLineParser& parser, Values& in) const
{
    if (parser.isSet(timeout)) {
        bool ok = false;
        const int seconds = parser.value(timeout).toInt(&ok);
        if (!ok || seconds < 1 || seconds > 3600) {
            in.usage.append(createText("--timeout must be a whole number of seconds from 1 to 3600."));
        } else {
            in.client.deadlineMs = seconds * 1000;
            in.client.inactivityTimeoutMs = qMin(in.client.inactivityTimeoutMs, in.client.deadlineMs);
        }
    }
    in.client.caFile = parser.value(ca);
}

int TargetOptions::lookUpProject(Values& values, DasClient& client, ProfileManager& profiles,
                                 const CredentialChoice& choice, QTextStream& err)
{
    if (!values.projectId.isEmpty())
        return 0;
    if (values.target.region.isEmpty()) {
        err << tr("error: give --project-id: without a region there is no project to look up.") << Qt::endl;
        return 2;
    }
    IamEndpoint::Inputs iam;
    iam.region = values.target.region;
    iam.environment = values.credentials.environment;
    const EndpointResolver::Result iamEndpoint = IamEndpoint::resolve(iam);
    if (!iamEndpoint.ok()) {
        err << tr("error: IAM endpoint: %1").arg(iamEndpoint.error) << Qt::endl;
        return 2;
    }
    ProjectLookup lookup({&client, &profiles});
    QEventLoop loop;
    QObject::connect(&lookup, &ProjectLookup::finished, &loop, &QEventLoop::quit);
    lookup.start({iamEndpoint.endpoint, values.target.region, choice});
    loop.exec();
    const ProjectLookup::Outcome& outcome = lookup.outcome();
    if (!outcome.ok) {
        printFailure(outcome.failure, err);
        return outcome.exitCode();
    }
    values.projectId = outcome.projectId;
    return 0;
}

void TargetOptions::printFailure(const CreateResult& result, QTextStream& err)
{
    const QList<std::pair<QString, QString>> details = {
        {QStringLiteral("error_code"), result.errorCode},
        {QStringLiteral("error_msg"), result.errorMessage},
        {QStringLiteral("request_id"), result.requestId},
        {QStringLiteral("detail"), result.detail},
    };
    err << createText("error: %1").arg(result.explanation) << Qt::endl;
    if (result.httpStatus)
        err << createText("  HTTP status: %1").arg(result.httpStatus) << Qt::endl;
    for (const auto& [name, value] : details) {
        if (!value.isEmpty())
            err << QStringLiteral("  %1 %2").arg(name + u':', -12).arg(value) << Qt::endl;
    }
}

} // namespace das
