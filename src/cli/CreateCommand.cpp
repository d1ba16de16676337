#include "CreateCommand.h"

#include "AppPaths.h"
#include "CreateJob.h"
#include "DasClient.h"
#include "EndpointResolver.h"
#include "HistoryStore.h"
#include "ProfileManager.h"
#include "ProfileStore.h"
#include "RequestBuilder.h"
#include "RequestValidator.h"
#include "SecretStore.h"

#include "CommandLine.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace das {

namespace {

constexpr int ExitUsage = CommandLine::ExitUsage;
constexpr int ExitKeychain = CommandLine::ExitKeychain;

} // namespace

CreateCommand::CreateCommand(QTextStream& out, QTextStream& err, QTextStream& in,
                             const QProcessEnvironment& env)
    : m_out(out)
    , m_err(err)
    , m_in(in)
    , m_env(env)
{}

int CreateCommand::run(const QStringList& arguments)
{
    // argv is visible to every user on the machine, so a password there is refused before anything else.
    for (const QString& arg : arguments) {
        if (arg == QLatin1String("--password") || arg.startsWith(QLatin1String("--password="))) {
            m_err << tr("error: --password is not accepted, because command-line arguments are visible to "
                        "other "
                        "users (ps, /proc). Use --password-stdin (e.g. from a pipe) or --password-env VAR.")
                  << Qt::endl;
            return ExitUsage;
        }
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Create a DAS instance connection."));
    auto valueOption = [](const char* name, const QString& help, const char* value) {
        return QCommandLineOption(QLatin1String(name), help, QLatin1String(value));
    };
    const QCommandLineOption projectOption =
        valueOption("project-id", tr("Project ID (default: $HUAWEICLOUD_SDK_PROJECT_ID)."), "ID");
    const QCommandLineOption instanceOption = valueOption("instance-id", tr("DAS instance ID."), "ID");
    const QCommandLineOption engineOption =
        valueOption("engine-type",
                    tr("Engine: mysql, sqlserver, postgresql, taurus, gaussdbv5, mongodb or ddm."), "TYPE");
    const QCommandLineOption networkOption =
        valueOption("network-type", tr("Network type: rds, gaussdb, dds or ddm."), "TYPE");
    const QCommandLineOption userOption = valueOption("username", tr("Database user name."), "USER");
    const QCommandLineOption passwordStdinOption(
        QStringLiteral("password-stdin"), tr("Read the database password from the first line of stdin."));
    const QCommandLineOption passwordEnvOption =
        valueOption("password-env", tr("Read the database password from environment variable VAR."), "VAR");
    const QCommandLineOption savePasswordOption(QStringLiteral("save-password"),
                                                tr("Ask DAS to save the password (is_save_password)."));
    const QCommandLineOption nodeOption =
        valueOption("node-id", tr("Node ID; repeat for several nodes."), "ID");
    const QCommandLineOption portOption = valueOption("port", tr("Database port, 1-65535."), "N");
    const QCommandLineOption databaseOption = valueOption("database-name", tr("Database name."), "NAME");
    const QCommandLineOption remarksOption = valueOption("remarks", tr("Free-text remarks."), "TEXT");
    const QCommandLineOption sqlRecordOption(QStringLiteral("sql-record"),
                                             tr("Record executed SQL (sql_record_flag)."));
    const QCommandLineOption regionOption = valueOption("region", tr("Region ID, e.g. cn-north-4."), "ID");
    const QCommandLineOption endpointOption =
        valueOption("endpoint", tr("Custom endpoint URL (Huawei Cloud Stack, proxy, sandbox)."), "URL");
    const QCommandLineOption timeoutOption =
        valueOption("timeout", tr("Give up after this many seconds (default 120)."), "SECONDS");
    const QCommandLineOption caOption =
        valueOption("ca-file", tr("Extra trusted CA certificates (PEM)."), "PEM");
    const QCommandLineOption tokenEnvOption = valueOption(
        "auth-token-env", tr("Use the IAM token in environment variable VAR instead of AK/SK."), "VAR");
    const QCommandLineOption profileOption = valueOption(
        "profile", tr("Use saved profile NAME: its target, default project and keychain credentials."),
        "NAME");
    const QCommandLineOption dryRunOption(
        QStringLiteral("dry-run"),
        tr("Print the request as it would be sent (secrets masked); send nothing."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print the result as JSON."));
    parser.addOptions({projectOption,   instanceOption,      engineOption,      networkOption,
                       userOption,      passwordStdinOption, passwordEnvOption, savePasswordOption,
                       nodeOption,      portOption,          databaseOption,    remarksOption,
                       sqlRecordOption, regionOption,        endpointOption,    timeoutOption,
                       caOption,        tokenEnvOption,      profileOption,     dryRunOption,
                       jsonOption});

    if (const auto done = CommandLine::parse(parser, arguments, m_out, m_err))
        return *done;
    if (!parser.positionalArguments().isEmpty()) {
        m_err << tr("error: unexpected argument \"%1\".").arg(parser.positionalArguments().constFirst())
              << Qt::endl;
        return ExitUsage;
    }
    const bool json = parser.isSet(jsonOption);

    QStringList usage;
    Profile profile;
    const bool useProfile = parser.isSet(profileOption);
    if (useProfile) {
        ProfileStore profiles;
        if (!profiles.contains(parser.value(profileOption)))
            usage.append(tr("--profile: there is no profile \"%1\" (see `das-connect-cli profile list`).")
                             .arg(parser.value(profileOption)));
        else
            profile = profiles.profile(parser.value(profileOption));
        if (parser.isSet(tokenEnvOption))
            usage.append(tr("--profile and --auth-token-env cannot be used together."));
    }

    ConnectionRequest request;
    // --project-id, then the profile's default project, then the SDK variable.
    if (parser.isSet(projectOption))
        request.projectId = parser.value(projectOption).trimmed();
    else if (!profile.projectId.isEmpty())
        request.projectId = profile.projectId;
    else
        request.projectId = m_env.value(QStringLiteral("HUAWEICLOUD_SDK_PROJECT_ID")).trimmed();
    request.instanceId = parser.value(instanceOption).trimmed();
    request.engineType = parser.value(engineOption).trimmed();
    request.networkType = parser.value(networkOption).trimmed();
    request.username = parser.value(userOption);
    request.isSavePassword = parser.isSet(savePasswordOption);
    for (const QString& node : parser.values(nodeOption))
        request.nodeIds.append(node.trimmed());
    request.port = parser.value(portOption).trimmed();
    request.databaseName = parser.value(databaseOption);
    request.remarks = parser.value(remarksOption);
    request.sqlRecordFlag = parser.isSet(sqlRecordOption);

    if (parser.isSet(passwordStdinOption) && parser.isSet(passwordEnvOption)) {
        usage.append(tr("--password-stdin and --password-env cannot be used together."));
    } else if (parser.isSet(passwordStdinOption)) {
        request.password = m_in.readLine();
        if (request.password.endsWith(u'\r'))
            request.password.chop(1);
    } else if (parser.isSet(passwordEnvOption)) {
        const QString variable = parser.value(passwordEnvOption);
        if (!m_env.contains(variable))
            usage.append(tr("--password-env: environment variable %1 is not set.").arg(variable));
        request.password = m_env.value(variable);
    } else {
        usage.append(tr("the database password is required: use --password-stdin or --password-env VAR."));
    }

    QUrl endpoint;
    QString region;
    if (parser.isSet(regionOption) && parser.isSet(endpointOption)) {
        usage.append(tr("--region and --endpoint cannot be used together."));
    } else if (parser.isSet(endpointOption)) {
        const auto resolved = EndpointResolver::parseEndpoint(parser.value(endpointOption));
        if (!resolved.ok())
            usage.append(tr("--endpoint: %1").arg(resolved.error));
        endpoint = resolved.endpoint;
    } else if (parser.isSet(regionOption)) {
        region = parser.value(regionOption).trimmed();
        const auto resolved = EndpointResolver::resolveRegion(region, m_env);
        if (!resolved.ok())
            usage.append(tr("--region: %1").arg(resolved.error));
        endpoint = resolved.endpoint;
    } else if (useProfile && !profile.endpoint.isEmpty()) {
        const auto resolved = EndpointResolver::parseEndpoint(profile.endpoint);
        if (!resolved.ok())
            usage.append(tr("profile endpoint: %1").arg(resolved.error));
        endpoint = resolved.endpoint;
    } else if (useProfile && !profile.region.isEmpty()) {
        region = profile.region;
        const auto resolved = EndpointResolver::resolveRegion(region, m_env);
        if (!resolved.ok())
            usage.append(tr("profile region: %1").arg(resolved.error));
        endpoint = resolved.endpoint;
    } else if (!useProfile) {
        usage.append(tr("say where to send the request: --region ID or --endpoint URL."));
    }

    Credentials credentials;
    if (useProfile) {
        // Read from the keychain only once the rest of the input is valid (below).
    } else if (parser.isSet(tokenEnvOption)) {
        const QString variable = parser.value(tokenEnvOption);
        credentials = Credentials::token(m_env.value(variable));
        if (credentials.iamToken.isEmpty())
            usage.append(tr("--auth-token-env: environment variable %1 is empty or not set.").arg(variable));
    } else {
        credentials = Credentials::fromEnvironment(m_env);
        if (!credentials.isComplete())
            usage.append(tr(
                "cloud credentials are missing: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (and "
                "HUAWEICLOUD_SDK_SECURITY_TOKEN for temporary credentials), or use --auth-token-env VAR."));
    }

    ClientOptions options;
    if (parser.isSet(timeoutOption)) {
        bool ok = false;
        const int seconds = parser.value(timeoutOption).toInt(&ok);
        if (!ok || seconds < 1 || seconds > 3600) {
            usage.append(tr("--timeout must be a whole number of seconds from 1 to 3600."));
        } else {
            options.deadlineMs = seconds * 1000;
            options.inactivityTimeoutMs = qMin(options.inactivityTimeoutMs, options.deadlineMs);
        }
    }
    options.caFile = parser.value(caOption);

    const Violations violations = RequestValidator::validate(request);
    if (!usage.isEmpty() || !violations.isEmpty()) {
        for (const QString& line : usage)
            m_err << tr("error: %1").arg(line) << Qt::endl;
        for (const Violation& v : violations)
            m_err << tr("error: %1: %2").arg(v.field, v.message) << Qt::endl;
        if (json) {
            CreateResult r;
            r.outcome = CreateResult::Outcome::InvalidInput;
            r.violations = violations;
            r.explanation =
                usage.isEmpty() ? tr("The request is not valid; nothing was sent.") : usage.join(u' ');
            printResult(r, true);
        }
        m_err << tr("Nothing was sent.") << Qt::endl;
        return ExitUsage;
    }

    if (useProfile) {
        ProfileStore profiles;
        SecretStore keychain;
        ProfileManager manager(&profiles, &keychain);
        QString message;
        if (!manager.loadCredentialsSync(profile.name, &credentials, &message)) {
            m_err << tr("error: profile \"%1\": %2 Nothing was sent.").arg(profile.name, message) << Qt::endl;
            return ExitKeychain;
        }
    }

    if (parser.isSet(dryRunOption)) {
        m_out << RequestBuilder::build(endpoint, request, credentials).maskedText() << Qt::endl;
        return 0;
    }

    DasClient client;
    QString optionError;
    if (!client.setOptions(options, &optionError)) {
        m_err << tr("error: %1").arg(optionError) << Qt::endl;
        return ExitUsage;
    }

    // Open history before sending so that a created ID always has somewhere to go.
    HistoryStore history(AppPaths::historyDatabasePath());
    QString historyError;
    const bool historyOpen = history.open(&historyError);
    if (!historyOpen)
        m_err << tr("warning: %1").arg(historyError) << Qt::endl;

    CreateResult result;
    QEventLoop loop;
    CreateJob* job = client.createConnection(endpoint, request, credentials);
    QObject::connect(job, &CreateJob::finished, &loop, [&](const CreateResult& r) {
        result = r;
        loop.quit();
    });
    loop.exec();

    if (!result.succeeded()) {
        printResult(result, json);
        return result.exitCode();
    }
    HistoryRecord record = HistoryRecord::fromCreate(request, endpoint.toString(), region, result);
    const bool recorded = historyOpen && history.add(record, &historyError);
    if (historyOpen && !recorded)
        m_err << tr("warning: the connection was created but not recorded: %1").arg(historyError) << Qt::endl;

    // The create has succeeded whatever happens to the keychain; a failure only costs the saved password.
    std::optional<bool> passwordSaved;
    if (request.isSavePassword) {
        SecretStore keychain;
        const SecretResult saved = keychain.writeVerifiedSync(
            SecretStore::databasePasswordKey(endpoint.toString(), request.projectId, request.instanceId,
                                             request.username),
            request.password);
        passwordSaved = saved.ok();
        if (saved.ok()) {
            if (recorded)
                history.setPasswordSaved(record.id, true, &historyError);
            m_err << tr("The database password was saved in the OS keychain.") << Qt::endl;
        } else {
            m_err << tr("warning: the connection was created, but the database password was not saved: %1")
                         .arg(saved.message)
                  << Qt::endl;
        }
    }
    printResult(result, json, passwordSaved);
    return result.exitCode();
}

void CreateCommand::printResult(const CreateResult& result, bool json, std::optional<bool> passwordSaved)
{
    if (json) {
        QJsonObject object;
        if (result.succeeded()) {
            object.insert(QStringLiteral("connection_id"), result.connectionId);
            object.insert(QStringLiteral("request_id"), result.requestId);
            if (passwordSaved)
                object.insert(QStringLiteral("password_saved"), *passwordSaved);
        } else {
            object.insert(QStringLiteral("outcome"), CreateResult::outcomeName(result.outcome));
            object.insert(QStringLiteral("explanation"), result.explanation);
            if (result.httpStatus)
                object.insert(QStringLiteral("http_status"), result.httpStatus);
            if (!result.errorCode.isEmpty())
                object.insert(QStringLiteral("error_code"), result.errorCode);
            if (!result.errorMessage.isEmpty())
                object.insert(QStringLiteral("error_msg"), result.errorMessage);
            if (!result.requestId.isEmpty())
                object.insert(QStringLiteral("request_id"), result.requestId);
            if (!result.detail.isEmpty())
                object.insert(QStringLiteral("detail"), result.detail);
            QJsonArray violations;
            for (const Violation& v : result.violations) {
                violations.append(QJsonObject{{QStringLiteral("field"), v.field},
                                              {QStringLiteral("code"), v.code},
                                              {QStringLiteral("message"), v.message}});
            }
            if (!violations.isEmpty())
                object.insert(QStringLiteral("violations"), violations);
        }
        m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << Qt::endl;
        return;
    }
    if (result.succeeded()) {
        m_out << result.connectionId << Qt::endl;
        return;
    }
    m_err << tr("error: %1").arg(result.explanation) << Qt::endl;
    if (result.httpStatus)
        m_err << tr("  HTTP status: %1").arg(result.httpStatus) << Qt::endl;
    if (!result.errorCode.isEmpty())
        m_err << tr("  error_code:  %1").arg(result.errorCode) << Qt::endl;
    if (!result.errorMessage.isEmpty())
        m_err << tr("  error_msg:   %1").arg(result.errorMessage) << Qt::endl;
    if (!result.requestId.isEmpty())
        m_err << tr("  request_id:  %1").arg(result.requestId) << Qt::endl;
    if (!result.detail.isEmpty())
        m_err << tr("  detail:      %1").arg(result.detail) << Qt::endl;
}

} // namespace das
