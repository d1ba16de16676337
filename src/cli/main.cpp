#include "AppPaths.h"
#include "BatchCommand.h"
#include "CliLog.h"
#include "CommandLine.h"
#include "ConnectionsCommand.h"
#include "CreateCommand.h"
#include "DeleteCommand.h"
#include "DiscoveryCommand.h"
#include "HistoryCommand.h"
#include "OneShotExit.h"
#include "PhaseTimer.h"
#include "ProfileCommand.h"
#include "ProgramDoc.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace {

// The paragraphs after the command list: shared options, credentials, exit status (also the man page's).
QString usageNotes()
{
    return QCoreApplication::translate(
        "main",
        "Every command that talks to DAS takes --region ID | --endpoint URL, --profile NAME,\n"
        "--auth-token-env VAR, --project-id ID, --timeout SECONDS and --ca-file PEM. Without a project ID\n"
        "(and no profile default or HUAWEICLOUD_SDK_PROJECT_ID), the region's project is looked up through\n"
        "IAM (HUAWEICLOUD_SDK_IAM_ENDPOINT, else the regional IAM host, else iam.myhuaweicloud.com).\n"
        "\n"
        "Credentials come from HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK and HUAWEICLOUD_SDK_SECURITY_TOKEN, or "
        "an IAM\n"
        "token named with --auth-token-env. Exit status: 0 done, 1 declined at a prompt or history\n"
        "unusable, 2 invalid input, 3 authentication, 4 other API error or a connection that exists\n"
        "(create) or does not (delete), 5 network, TLS, timeout or unknown outcome, 6 OS keychain\n"
        "unavailable. batch apply: 4 some rows failed or are invalid, 5 some outcomes unknown,\n"
        "130 stopped by Ctrl+C (the report is still written).\n");
}

QString usage()
{
    return QCoreApplication::translate(
               "main",
               "Usage: das-connect-cli <command> [options]\n"
               "\n"
               "Commands:\n"
               "  create       Create a DAS instance connection (see create --help)\n"
               "  connections  List the connections DAS holds for the project (see connections --help)\n"
               "  delete       Delete connections on DAS, by ID or --created-since TIME (see delete --help)\n"
               "  reconcile    Settle pending and unknown creates in the history by asking DAS\n"
               "  batch        Create many connections from a CSV or JSON file: batch plan FILE, batch apply "
               "FILE\n"
               "               [--parallel N] [--strict] [--report FILE] [--password-stdin | "
               "--passwords-file "
               "FILE]\n"
               "               [--yes] (see batch plan --help, batch apply --help)\n"
               "  projects     List the IAM projects of a region (see projects --help)\n"
               "  instances    List the database instances DAS knows (see instances --help)\n"
               "  nodes        List the nodes of an instance (see nodes --help)\n"
               "  databases    List the database names of an instance (see databases --help)\n"
               "  history      List creates made on this computer and their state (see history --help)\n"
               "  profile      Manage profiles: list, add, remove, import (secrets in the OS keychain)\n"
               "\n") +
           usageNotes();
}

int runCommand(const QString& command, const QStringList& arguments, QTextStream& out, QTextStream& err,
               QTextStream& in)
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (command == QLatin1String("create"))
        return das::CreateCommand(out, err, in, env).run(arguments);
    if (das::ConnectionsCommand::isVerb(command))
        return das::ConnectionsCommand(out, err, env).run(command, arguments);
    if (command == QLatin1String("delete"))
        return das::DeleteCommand(out, err, in, env).run(arguments);
    if (command == QLatin1String("batch"))
        return das::BatchCommand(out, err, in, env).run(arguments);
    if (das::DiscoveryCommand::isVerb(command))
        return das::DiscoveryCommand(out, err, env).run(command, arguments);
    if (command == QLatin1String("profile"))
        return das::ProfileCommand(out, err, in, env).run(arguments);
    if (command == QLatin1String("history"))
        return das::HistoryCommand(out, err).run(arguments);
    err << QCoreApplication::translate("main", "error: unknown command \"%1\".\n\n").arg(command) << usage()
        << Qt::flush;
    return 2;
}

// The sub-commands as typed, in the order of usage(): each is run once with CommandLine describing, which
// collects its options instead of parsing.
const char* const SubCommands[] = {"create",      "connections",    "delete",        "reconcile",
                                   "batch plan",  "batch apply",    "projects",      "instances",
                                   "nodes",       "databases",      "history",       "profile list",
                                   "profile add", "profile remove", "profile import"};

das::ProgramDoc programDoc(QTextStream& out, QTextStream& err, QTextStream& in)
{
    das::ProgramDoc doc;
    doc.program = QStringLiteral("das-connect-cli");
    doc.summary = QStringLiteral("create Huawei Cloud DAS instance connections from the command line");
    doc.version = QCoreApplication::applicationVersion();
    doc.description =
        QStringList{QStringLiteral(
            "das-connect-cli creates, lists and deletes Huawei Cloud Data Admin Service (DAS) instance "
            "connections, alone or in batches from a CSV or JSON file, looks up what DAS knows (projects, "
            "instances, nodes, database names) and keeps a history of the creates made on this computer. It "
            "uses the same workflow as the das-connect window.")} +
        usageNotes().split(QStringLiteral("\n\n"));
    doc.commands.append(das::CommandDoc{{}, {}, {}, das::ProgramDoc::helpAndVersion(), {}});
    QList<das::CommandDoc> commands;
    das::CommandLine::describeInto(&commands);
    for (const char* path : SubCommands) {
        QStringList words = QString::fromLatin1(path).split(u' ');
        const QString command = words.takeFirst();
        runCommand(command, QStringList{QStringLiteral("das-connect-cli ") + command} + words, out, err, in);
    }
    das::CommandLine::describeInto(nullptr);
    doc.commands += commands;
    doc.seeAlso = QStringList{QStringLiteral("das-connect(1)"), QStringLiteral("das-sandbox(1)")};
    return doc;
}

// `batch --version` and `profile --version`: the groups take no options of their own.
bool isGroupVersion(const QString& command, const QStringList& arguments)
{
    return (command == QLatin1String("batch") || command == QLatin1String("profile")) &&
           arguments.value(1) == QLatin1String("--version");
}

} // namespace

int main(int argc, char* argv[])
{
    // DAS_CLI_TIMING=1 (or the shell's $EPOCHREALTIME at exec) prints where the command spent its time on
    // stderr. Read before QCoreApplication sets the locale, so that strtod takes the '.' of $EPOCHREALTIME.
    if (const char* timing = std::getenv("DAS_CLI_TIMING")) {
        const double launched = std::strtod(timing, nullptr);
        das::PhaseTimer::start(launched > 1e9 ? launched : 0);
    }
    QCoreApplication app(argc, argv);
    das::AppPaths::setupApplication();
    // A one-shot process: the history's write-ahead log stays for the next run (see AppPaths).
    das::AppPaths::setHistoryCompactedOnClose(false);
    das::PhaseTimer::mark("QCoreApplication + application setup");

    QTextStream out(stdout);
    QTextStream err(stderr);
    QTextStream in(stdin);
    QStringList arguments = QCoreApplication::arguments();
    if (!arguments.isEmpty())
        arguments.removeFirst(); // the binary's path

    if (arguments.isEmpty() || arguments.constFirst() == QLatin1String("--help") ||
        arguments.constFirst() == QLatin1String("-h")) {
        (arguments.isEmpty() ? err : out) << usage() << Qt::flush;
        return arguments.isEmpty() ? 2 : 0;
    }
    if (arguments.constFirst() == QLatin1String("--version")) {
        out << das::CommandLine::versionText() << Qt::endl;
        return 0;
    }
    // Hidden: the build writes the man page and the bash completion with these.
    if (arguments.size() == 1 &&
        das::printRequestedDoc(arguments, [&out, &err, &in] { return programDoc(out, err, in); }))
        return 0;
    const QString command = arguments.takeFirst();
    // The commands name themselves in --help as typed, not by the binary's full path.
    arguments.prepend(QStringLiteral("das-connect-cli ") + command);
    if (isGroupVersion(command, arguments)) {
        out << das::CommandLine::versionText() << Qt::endl;
        return 0;
    }
    das::OneShotExit::enable();
    const int status = runCommand(command, arguments, out, err, in);
    das::PhaseTimer::mark("command teardown (history close, network)");
    qCDebug(das::lcCli) << "command" << command << "exit status" << status;
    out.flush();
    err.flush();
    // The command is over and every object it made destroyed: what a normal return would still do is tear
    // down QCoreApplication and every library's static objects (~0.3 ms, none of it writes anything of ours).
    das::OneShotExit::now(status);
    das::PhaseTimer::report(stderr);
    return status;
}
