#include "CreateCommand.h"

#include "AppPaths.h"
#include "DasClient.h"
#include "EndpointResolver.h"
#include "HistoryStore.h"
#include "OneShotExit.h"
#include "PhaseTimer.h"
#include "ProfileManager.h"
#include "ProfileStore.h"
#include "RequestBuilder.h"
#include "RequestValidator.h"
#include "SecretStore.h"
#include "StopSignalWatcher.h"

#include "CommandLine.h"
#include "PasswordPrompt.h"

#include <QCommandLineParser>
#include <QEventLoop>

#include <algorithm>

namespace das {

namespace {

auto* const valueOption = &CommandLine::valueOption;
auto* const flagOption = &CommandLine::flagOption;

constexpr int ExitUsage = CommandLine::ExitUsage;
constexpr int ExitKeychain = CommandLine::ExitKeychain;

} // namespace

struct CreateCommand::Options
{
    const QCommandLineOption instance = valueOption("instance-id", tr("DAS instance ID."), "ID");
    const QCommandLineOption engine =
        valueOption("engine-type",
                    tr("Engine: mysql, sqlserver, postgresql, taurus, gaussdbv5, mongodb or ddm."), "TYPE");
    const QCommandLineOption network =
        valueOption("network-type", tr("Network type: rds, gaussdb, dds or ddm."), "TYPE");
    const QCommandLineOption user = valueOption("username", tr("Database user name."), "USER");
    const QCommandLineOption passwordStdin =
        flagOption("password-stdin", tr("Read the database password from the first line of stdin."));
    const QCommandLineOption passwordEnv =
        valueOption("password-env", tr("Read the database password from environment variable VAR."), "VAR");
    const QCommandLineOption savePassword = flagOption(
        "save-password", tr("Ask DAS to save the password (is_save_password); unless --keychain no is given, "
                            "the password is also remembered in the OS keychain after a successful create."));
    const QCommandLineOption keychain =
        valueOption("keychain",
                    tr("Remember the password in the OS keychain after a successful create: yes or no "
                       "(default: as --save-password)."),
                    "yes|no");
    const QCommandLineOption node = valueOption("node-id", tr("Node ID; repeat for several nodes."), "ID");
    const QCommandLineOption port = valueOption("port", tr("Database port, 1-65535."), "N");
    const QCommandLineOption database = valueOption("database-name", tr("Database name."), "NAME");
    const QCommandLineOption remarks = valueOption("remarks", tr("Free-text remarks."), "TEXT");
    const QCommandLineOption sqlRecord =
        flagOption("sql-record", tr("Record executed SQL (sql_record_flag)."));
    const QCommandLineOption dryRun =
        flagOption("dry-run", tr("Print the request as it would be sent (secrets masked); send nothing."));
    const QCommandLineOption json = flagOption("json", tr("Print the result as JSON."));
    const QCommandLineOption ifExists =
        valueOption("if-exists",
                    tr("When DAS already holds a connection with this instance, user name and database name: "
                       "error (the default: exit 4 naming it), skip (print its ID, create nothing) or create "
                       "(another one)."),
                    "error|skip|create");

    const TargetOptions target;

    QList<QCommandLineOption> all() const
    {
        return QList<QCommandLineOption>{instance,     engine,   network, user,    passwordStdin, passwordEnv,
                                         savePassword, keychain, node,    port,    database,      remarks,
                                         sqlRecord,    dryRun,   json,    ifExists} +
               target.options();
    }
};

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
                        "other users (ps, /proc). Use --password-stdin (e.g. from a pipe) or --password-env "
                        "VAR.")
                  << Qt::endl;
            return ExitUsage;
        }
    }

    CommandParser parser;
    parser.setApplicationDescription(tr("Create a DAS instance connection."));
    const Options options;
    parser.addOptions(options.all());
    if (const auto done = CommandLine::parse(parser, arguments, m_out, m_err))
        return *done;
    PhaseTimer::mark("option parse");
    if (!parser.positionalArguments().isEmpty()) {
        m_err << tr("error: unexpected argument \"%1\".").arg(parser.positionalArguments().constFirst())
              << Qt::endl;
        return ExitUsage;
    }

    const Input in = readInput(parser, options);
    ProfileStore profiles;
    const CredentialChoice choice = CredentialResolver(&profiles).resolve(in.credentials);
    PhaseTimer::mark("read input (password line), credential resolve");
    Input checked = in;
    // A dry run with nothing found (no profile or token variable named) shows the request unsigned; a
    // profile or variable that was named but is unusable is still an error.
    const bool unsignedPreview =
        in.dryRun && in.credentials.profile.isEmpty() && in.credentials.tokenVariable.isEmpty();
    if (!choice.isAvailable() && !unsignedPreview)
        checked.usage.append(choice.error);
    // A project still to be looked up through IAM stands in as a well-formed ID, so that every other problem
    // is reported before anything (the lookup included) is sent.
    ConnectionRequest validated = in.request;
    if (validated.projectId.isEmpty() && !in.target.region.isEmpty())
        validated.projectId = QStringLiteral("00000000000000000000000000000000");
    const Violations violations = RequestValidator::validate(validated);
    if (!checked.usage.isEmpty() || !violations.isEmpty())
        return reportInvalid(checked, violations);
    return in.dryRun ? preview(in, choice) : send(in, choice);
}

int CreateCommand::preview(const Input& in, const CredentialChoice& choice)
{
    ConnectionRequest request = in.request;
    if (request.projectId.isEmpty()) {
        // A dry run sends nothing, not even the IAM lookup.
        request.projectId = QStringLiteral("{project_id}");
        m_err
            << tr("note: the project ID would be looked up through IAM for region %1.").arg(in.target.region)
            << Qt::endl;
    }
    // A preview masks every secret, so the keychain is not read for it (as in the window).
    ProfileStore profiles;
    const Credentials shape = CredentialResolver(&profiles).shapeForPreview(choice);
    PreparedRequest prepared = RequestBuilder::build(in.target.endpoint, request, shape);
    if (!choice.isAvailable()) {
        // The signature over a placeholder key would look real; without credentials there is none to show.
        prepared.headers.erase(std::remove_if(prepared.headers.begin(), prepared.headers.end(),
                                              [](const auto& header) {
                                                  return header.first.compare("Authorization",
                                                                              Qt::CaseInsensitive) == 0;
                                              }),
                               prepared.headers.end());
        m_err << tr("note: the request is shown unsigned (no Authorization header) because no credentials "
                    "were found: %1")
                     .arg(choice.error)
              << Qt::endl;
    }
    m_out << prepared.maskedText() << Qt::endl;
    return 0;
}

CreateCommand::Input CreateCommand::readInput(const QCommandLineParser& parser, const Options& o)
{
    Input in;
    static_cast<TargetOptions::Values&>(in) = o.target.read(parser, m_env);
    in.json = parser.isSet(o.json);
    in.dryRun = parser.isSet(o.dryRun);
    const QString ifExists = parser.value(o.ifExists).trimmed();
    if (ifExists == QLatin1String("skip"))
        in.ifExists = CreateSession::IfExists::Skip;
    else if (ifExists == QLatin1String("create"))
        in.ifExists = CreateSession::IfExists::Create;
    else if (!ifExists.isEmpty() && ifExists != QLatin1String("error"))
        in.usage.append(tr("--if-exists must be error, skip or create."));
    const QString keychain = parser.value(o.keychain).trimmed();
    if (keychain == QLatin1String("yes") || keychain == QLatin1String("no"))
        in.keychain = keychain == QLatin1String("yes");
    else if (!keychain.isEmpty())
        in.usage.append(tr("--keychain must be yes or no."));
    readRequest(parser, o, in);
    readPassword(parser, o, in);
    return in;
}

void CreateCommand::readRequest(const QCommandLineParser& parser, const Options& o, Input& in)
{
    ConnectionRequest& r = in.request;
    r.projectId = in.projectId; // empty with a region: looked up through IAM before sending
    r.instanceId = parser.value(o.instance).trimmed();
    r.engineType = parser.value(o.engine).trimmed();
    r.networkType = parser.value(o.network).trimmed();
    r.username = parser.value(o.user);
    r.isSavePassword = parser.isSet(o.savePassword);
    for (const QString& node : parser.values(o.node))
        r.nodeIds.append(node.trimmed());
    r.port = parser.value(o.port).trimmed();
    r.databaseName = parser.value(o.database);
    r.remarks = parser.value(o.remarks);
    r.sqlRecordFlag = parser.isSet(o.sqlRecord);
}

void CreateCommand::readPassword(const QCommandLineParser& parser, const Options& o, Input& in)
{
    if (parser.isSet(o.passwordStdin) && parser.isSet(o.passwordEnv)) {
        in.usage.append(tr("--password-stdin and --password-env cannot be used together."));
    } else if (parser.isSet(o.passwordStdin)) {
        // Far above the 256 characters a password may have, so that the validator still names that rule,
        // but a bound on what is read: an endless line would otherwise be read into memory whole.
        constexpr int MaxPasswordLineChars = 4096;
        QString problem;
        const auto line = PasswordPrompt::readLine(m_in, m_err, MaxPasswordLineChars,
                                                   tr("the password line on stdin"), &problem);
        if (line)
            in.request.password = *line;
        else
            in.usage.append(problem);
    } else if (parser.isSet(o.passwordEnv)) {
        const QString variable = parser.value(o.passwordEnv);
        if (!m_env.contains(variable))
            in.usage.append(tr("--password-env: environment variable %1 is not set.").arg(variable));
        in.request.password = m_env.value(variable);
    } else {
        in.usage.append(tr("the database password is required: use --password-stdin or --password-env VAR."));
    }
}

int CreateCommand::reportInvalid(const Input& in, const Violations& violations)
{
    for (const QString& line : in.usage)
        m_err << tr("error: %1").arg(line) << Qt::endl;
    for (const Violation& v : violations)
        m_err << tr("error: %1: %2").arg(v.field, v.message) << Qt::endl;
    if (in.json) {
        CreateResult r;
        r.outcome = CreateResult::Outcome::InvalidInput;
        r.violations = violations;
        r.explanation =
            in.usage.isEmpty() ? tr("The request is not valid; nothing was sent.") : in.usage.join(u' ');
        printFailure(r, true);
    }
    m_err << tr("Nothing was sent.") << Qt::endl;
    return ExitUsage;
}

int CreateCommand::send(Input in, const CredentialChoice& choice)
{
    DasClient client;
    QString optionError;
    if (!client.setOptions(in.client, &optionError)) {
        m_err << tr("error: %1").arg(optionError) << Qt::endl;
        return ExitUsage;
    }
    PhaseTimer::mark("network client (QNetworkAccessManagers)");
    // Every create is written to the history before it is sent (a pending row a kill or a lost answer
    // leaves behind is what reconcile resolves): without a history, nothing is sent.
    HistoryStore history(AppPaths::historyDatabasePath());
    QString historyError;
    if (!history.open(&historyError)) {
        m_err << tr("error: %1 Nothing was sent: every create is recorded in the history before it is sent.")
                     .arg(historyError)
              << Qt::endl;
        return 1;
    }
    PhaseTimer::mark("history open + schema check");
    ProfileStore profiles;
    SecretStore keychain;
    ProfileManager manager(&profiles, &keychain);
    if (const int status = TargetOptions::lookUpProject(in, client, manager, choice, m_err))
        return status;
    in.request.projectId = in.projectId;

    CreateSession session({&client, &history, &keychain, &manager});
    connectProgress(session);
    QEventLoop loop;
    QObject::connect(&session, &CreateSession::finished, &loop, &QEventLoop::quit);
    // Ctrl+C cancels the session rather than killing the process, so that a create in flight is settled
    // in the history (unknown, for reconcile) before the process ends; a second Ctrl+C kills at once.
    const StopSignalWatcher interrupt([&session] { session.cancel(); });
    CreateSession::Options options;
    options.ifExists = in.ifExists;
    options.keychainPassword = in.keychain;
    session.start(in.request, in.target, choice, options);
    loop.exec();

    const CreateSession::Outcome& outcome = session.outcome();
    if (interrupt.wasSignalled() && !outcome.result.succeeded())
        return printInterrupted(outcome, in);
    if (outcome.credentialsUnavailable) {
        m_err << tr("error: %1").arg(outcome.result.explanation) << Qt::endl;
        return ExitKeychain;
    }
    printOutcome(outcome, in);
    // The answer is out and on record: the process may end here, before its network managers and history
    // are taken down.
    PhaseTimer::mark("outcome printed");
    m_out.flush();
    m_err.flush();
    return OneShotExit::now(outcome.exitCode());
}

} // namespace das
