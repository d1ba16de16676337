#include "ProfileCommand.h"

#include "BoundedRead.h"
#include "CliOutput.h"
#include "CommandLine.h"
#include "CredentialImporter.h"
#include "Credentials.h"
#include "ProfileManager.h"
#include "ProfileStore.h"
#include "SecretLimits.h"
#include "SecretStore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace das {

namespace {

constexpr int ExitUsage = CommandLine::ExitUsage;
constexpr int ExitKeychain = CommandLine::ExitKeychain;

QString target(const Profile& p)
{
    return p.endpoint.isEmpty() ? p.region : p.endpoint;
}

// --secrets-stdin: one secret a line, each read only up to the keychain's limit, so that an endless line is
// never held whole.
bool readSecrets(QTextStream& in, QTextStream& err, Profile::AuthMethod auth, ProfileSecrets* secrets)
{
    QList<std::pair<QString*, QString>> lines;
    if (auth == Profile::AuthMethod::IamToken) {
        lines.append({&secrets->iamToken, ProfileCommand::tr("the IAM token line on stdin")});
    } else {
        lines.append({&secrets->secretKey, ProfileCommand::tr("the SK line on stdin")});
        if (auth == Profile::AuthMethod::TemporaryAkSk)
            lines.append({&secrets->securityToken, ProfileCommand::tr("the security token line on stdin")});
    }
    for (const auto& [field, what] : lines) {
        QString problem;
        const auto line = BoundedRead::line(in, SecretLimits::MaxSecretBytes, what, &problem);
        if (!line) {
            err << ProfileCommand::tr("error: %1").arg(problem) << Qt::endl;
            return false;
        }
        *field = line->trimmed();
    }
    return true;
}

} // namespace

ProfileCommand::ProfileCommand(QTextStream& out, QTextStream& err, QTextStream& in,
                               const QProcessEnvironment& env)
    : m_out(out)
    , m_err(err)
    , m_in(in)
    , m_env(env)
{}

int ProfileCommand::run(const QStringList& arguments)
{
    // arguments[0] is "das-connect-cli profile"
    const QString sub = arguments.size() > 1 ? arguments.at(1) : QString();
    QStringList rest = arguments.mid(2);
    rest.prepend(arguments.value(0) + u' ' + sub);
    for (const QString& arg : rest) {
        for (const char* refused : {"--sk", "--security-token", "--iam-token", "--token"}) {
            const QLatin1String option(refused);
            if (arg == option || arg.startsWith(option + u'=')) {
                m_err << tr("error: %1 is not accepted, because command-line arguments are visible to other "
                            "users. "
                            "Use --secrets-stdin or the matching -env option.")
                             .arg(option)
                      << Qt::endl;
                return ExitUsage;
            }
        }
    }
    if (sub == QLatin1String("list"))
        return list(rest);
    if (sub == QLatin1String("add"))
        return add(rest);
    if (sub == QLatin1String("remove"))
        return remove(rest);
    if (sub == QLatin1String("import"))
        return import(rest);
    const bool help = sub == QLatin1String("--help") || sub == QLatin1String("-h");
    (help ? m_out : m_err) << tr("Usage: das-connect-cli profile list|add|remove|import [options] (see "
                                 "profile <command> --help)")
                           << Qt::endl;
    if (help)
        m_out << u'\n' << CommandLine::examplesText(QStringLiteral("profile add")) << Qt::flush;
    return help ? CommandLine::ExitOk : ExitUsage;
}

int ProfileCommand::list(const QStringList& arguments)
{
    CommandParser parser;
    parser.setApplicationDescription(
        tr("List profiles. Secrets are never printed; they stay in the OS keychain."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print JSON."));
    const QCommandLineOption tsvOption(QStringLiteral("tsv"),
                                       tr("Print tab-separated lines with a header, for scripts."));
    parser.addOptions({jsonOption, tsvOption});
    if (const auto done = CommandLine::parse(parser, arguments, m_out, m_err))
        return *done;
    if (parser.isSet(jsonOption) && parser.isSet(tsvOption)) {
        m_err << tr("error: --json and --tsv cannot be used together.") << Qt::endl;
        return ExitUsage;
    }
    ProfileStore store;
    const QList<Profile> profiles = store.profiles();
    if (parser.isSet(jsonOption)) {
        QJsonArray array;
        for (const Profile& p : profiles) {
            array.append(QJsonObject{{QStringLiteral("name"), p.name},
                                     {QStringLiteral("auth"), Profile::authName(p.auth)},
                                     {QStringLiteral("access_key"), Credentials::maskAccessKey(p.accessKey)},
                                     {QStringLiteral("region"), p.region},
                                     {QStringLiteral("endpoint"), p.endpoint},
                                     {QStringLiteral("project_id"), p.projectId},
                                     {QStringLiteral("secrets"), QStringLiteral("keychain")}});
        }
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)) << Qt::flush;
        return 0;
    }
    if (profiles.isEmpty() && !parser.isSet(tsvOption)) {
        m_err << tr("No profiles. Add one with `das-connect-cli profile add` or `profile import`.")
              << Qt::endl;
        return 0;
    }
    const QStringList header = {tr("NAME"),       tr("AUTH"),       tr("TARGET"),
                                tr("PROJECT ID"), tr("ACCESS KEY"), tr("SECRETS")};
    QList<QStringList> rows;
    const QString secrets = tr("OS keychain (service %1)").arg(QLatin1String(SecretLimits::ServiceName));
    for (const Profile& p : profiles) {
        rows.append({p.name, Profile::authName(p.auth), target(p),
                     p.projectId.isEmpty() ? QStringLiteral("-") : p.projectId,
                     p.auth == Profile::AuthMethod::IamToken ? QStringLiteral("-")
                                                             : Credentials::maskAccessKey(p.accessKey),
                     secrets});
    }
    if (parser.isSet(tsvOption))
        CliOutput::printTsv(m_out, header, rows);
    else
        CliOutput::printTable(m_out, header, rows);
    return 0;
}

int ProfileCommand::add(const QStringList& arguments)
{
    CommandParser parser;
    parser.setApplicationDescription(
        tr("Add or update a profile. Secrets go to the OS keychain, read from stdin (--secrets-stdin: the "
           "SK, then "
           "the security token, one per line; or the IAM token) or from environment variables."));
    parser.addPositionalArgument(QStringLiteral("name"), tr("Profile name."));
    const QCommandLineOption authOption(QStringLiteral("auth"),
                                        tr("aksk, temporary or token (default aksk)."),
                                        QStringLiteral("METHOD"), QStringLiteral("aksk"));
    const QCommandLineOption akOption(QStringLiteral("ak"), tr("Access key ID (not a secret)."),
                                      QStringLiteral("AK"));
    const QCommandLineOption stdinOption(QStringLiteral("secrets-stdin"), tr("Read the secrets from stdin."));
    const QCommandLineOption skEnvOption(QStringLiteral("sk-env"), tr("Read the SK from variable VAR."),
                                         QStringLiteral("VAR"));
    const QCommandLineOption stEnvOption(QStringLiteral("security-token-env"),
                                         tr("Read the security token from variable VAR."),
                                         QStringLiteral("VAR"));
    const QCommandLineOption tokenEnvOption(
        QStringLiteral("iam-token-env"), tr("Read the IAM token from variable VAR."), QStringLiteral("VAR"));
    const QCommandLineOption regionOption(QStringLiteral("region"), tr("Region ID."), QStringLiteral("ID"));
    const QCommandLineOption endpointOption(QStringLiteral("endpoint"), tr("Custom endpoint URL."),
                                            QStringLiteral("URL"));
    const QCommandLineOption projectOption(QStringLiteral("project-id"), tr("Default project ID."),
                                           QStringLiteral("ID"));
    parser.addOptions({authOption, akOption, stdinOption, skEnvOption, stEnvOption, tokenEnvOption,
                       regionOption, endpointOption, projectOption});
    if (const auto done = CommandLine::parse(parser, arguments, m_out, m_err))
        return *done;
    if (parser.positionalArguments().size() != 1) {
        m_err << tr("error: give exactly one profile name.") << Qt::endl;
        return ExitUsage;
    }

    Profile profile;
    profile.name = parser.positionalArguments().constFirst();
    if (!Profile::parseAuth(parser.value(authOption), &profile.auth)) {
        m_err << tr("error: --auth must be aksk, temporary or token.") << Qt::endl;
        return ExitUsage;
    }
    profile.accessKey = parser.value(akOption).trimmed();
    profile.region = parser.value(regionOption).trimmed();
    profile.endpoint = parser.value(endpointOption).trimmed();
    profile.projectId = parser.value(projectOption).trimmed();

    ProfileSecrets secrets;
    auto fromEnv = [this](const QString& variable) {
        return m_env.value(variable);
    };
    if (parser.isSet(stdinOption) && !readSecrets(m_in, m_err, profile.auth, &secrets))
        return ExitUsage;
    if (parser.isSet(skEnvOption))
        secrets.secretKey = fromEnv(parser.value(skEnvOption)).trimmed();
    if (parser.isSet(stEnvOption))
        secrets.securityToken = fromEnv(parser.value(stEnvOption)).trimmed();
    if (parser.isSet(tokenEnvOption))
        secrets.iamToken = fromEnv(parser.value(tokenEnvOption)).trimmed();

    return save(profile, secrets);
}

int ProfileCommand::save(const Profile& profile, const ProfileSecrets& secrets)
{
    QString message;
    if (!ProfileStore::validate(profile, &message)) {
        m_err << tr("error: %1").arg(message) << Qt::endl;
        return ExitUsage;
    }
    ProfileStore store;
    // A new profile needs every secret of its method; an existing one keeps those not given.
    if (!store.contains(profile.name)) {
        for (const QString& field : ProfileManager::secretFieldsFor(profile.auth)) {
            const QString value = field == QLatin1String(SecretStore::SecretKeyField) ? secrets.secretKey
                                  : field == QLatin1String(SecretStore::SecurityTokenField)
                                      ? secrets.securityToken
                                      : secrets.iamToken;
            if (value.isEmpty()) {
                m_err << tr("error: the %1 is missing: give it with --secrets-stdin or the matching -env "
                            "option.")
                             .arg(ProfileManager::fieldLabel(field))
                      << Qt::endl;
                return ExitUsage;
            }
        }
    }
    SecretStore keychain;
    ProfileManager manager(&store, &keychain);
    // Input is valid, so what fails now is the keychain.
    if (!manager.saveProfileSync(profile, secrets, &message)) {
        m_err << tr("error: %1").arg(message) << Qt::endl;
        return ExitKeychain;
    }
    m_err << tr("Profile \"%1\" saved; its secrets are in the OS keychain.").arg(profile.name) << Qt::endl;
    return 0;
}

int ProfileCommand::remove(const QStringList& arguments)
{
    CommandParser parser;
    parser.setApplicationDescription(tr("Remove a profile and its keychain entries."));
    parser.addPositionalArgument(QStringLiteral("name"), tr("Profile name."));
    if (const auto done = CommandLine::parse(parser, arguments, m_out, m_err))
        return *done;
    if (parser.positionalArguments().size() != 1) {
        m_err << tr("error: give exactly one profile name.") << Qt::endl;
        return ExitUsage;
    }
    const QString name = parser.positionalArguments().constFirst();
    ProfileStore store;
    if (!store.contains(name)) {
        m_err << tr("error: there is no profile \"%1\".").arg(name) << Qt::endl;
        return ExitUsage;
    }
    SecretStore keychain;
    ProfileManager manager(&store, &keychain);
    QString message;
    if (!manager.removeProfileSync(name, &message)) {
        m_err << tr("error: %1").arg(message) << Qt::endl;
        return ExitKeychain;
    }
    m_err << tr("Profile \"%1\" removed.").arg(name) << Qt::endl;
    return 0;
}

int ProfileCommand::import(const QStringList& arguments)
{
    CommandParser parser;
    parser.setApplicationDescription(tr("Import credentials into profiles, copying secrets into the OS "
                                        "keychain. The source is never written."));
    const QCommandLineOption fromOption(
        QStringLiteral("from"),
        tr("env (HUAWEICLOUD_SDK_*), sdk (~/.huaweicloud/credentials) or koocli "
           "(~/.hcloud/config.json)."),
        QStringLiteral("SOURCE"));
    const QCommandLineOption fileOption(QStringLiteral("file"), tr("Read this file instead of the default."),
                                        QStringLiteral("PATH"));
    const QCommandLineOption nameOption(QStringLiteral("name"), tr("Profile name for env and sdk imports."),
                                        QStringLiteral("NAME"), QStringLiteral("default"));
    const QCommandLineOption regionOption(QStringLiteral("region"), tr("Region for env and sdk imports."),
                                          QStringLiteral("ID"));
    const QCommandLineOption overwriteOption(QStringLiteral("overwrite"),
                                             tr("Replace profiles that already exist."));
    parser.addOptions({fromOption, fileOption, nameOption, regionOption, overwriteOption});
    if (const auto done = CommandLine::parse(parser, arguments, m_out, m_err))
        return *done;
    const QString from = parser.value(fromOption);
    CredentialImporter::Source source = CredentialImporter::Source::Environment;
    if (from == QLatin1String("sdk")) {
        source = CredentialImporter::Source::SdkFile;
    } else if (from == QLatin1String("koocli")) {
        source = CredentialImporter::Source::KooCli;
    } else if (from != QLatin1String("env")) {
        m_err << tr("error: --from must be env, sdk or koocli.") << Qt::endl;
        return ExitUsage;
    }
    QList<ImportedProfile> imported;
    QString error;
    if (!CredentialImporter::read(source, m_env, parser.value(fileOption), parser.value(nameOption),
                                  &imported, &error)) {
        m_err << tr("error: %1 Nothing was imported.").arg(error) << Qt::endl;
        return ExitUsage;
    }
    if (parser.isSet(regionOption))
        CredentialImporter::setMissingRegion(&imported, parser.value(regionOption));
    return importItems(std::move(imported), parser.isSet(overwriteOption));
}

// The transaction is ProfileManager::importProfiles, the same as the window's.
int ProfileCommand::importItems(QList<ImportedProfile> items, bool overwrite)
{
    ProfileStore store;
    SecretStore keychain;
    ProfileManager manager(&store, &keychain);
    const QString problem = manager.importProblem(items, overwrite);
    if (!problem.isEmpty()) {
        QString hint;
        if (!CredentialImporter::withoutTarget(items).isEmpty())
            hint = tr(" (Give one with --region.)");
        else if (manager.importProblem(items, true).isEmpty())
            hint = tr(" Use --overwrite or --name.");
        m_err << tr("error: %1").arg(problem) << hint << Qt::endl;
        return ExitUsage;
    }
    const ProfileManager::ImportOutcome outcome = manager.importProfilesSync(std::move(items), overwrite);
    if (!outcome.ok) {
        m_err << tr("error: %1").arg(outcome.message) << Qt::endl;
        return ExitKeychain;
    }
    m_err << tr("Imported profiles: %1. Their secrets are in the OS keychain.")
                 .arg(outcome.imported.join(QStringLiteral(", ")))
          << Qt::endl;
    return 0;
}

} // namespace das
