#include "AppPaths.h"
#include "CliLog.h"
#include "CreateCommand.h"
#include "HistoryCommand.h"
#include "ProfileCommand.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {

QString usage()
{
    return QCoreApplication::translate(
        "main",
        "Usage: das-connect-cli <command> [options]\n"
        "\n"
        "Commands:\n"
        "  create    Create a DAS instance connection (see create --help)\n"
        "  history   List connections created on this computer (see history --help)\n"
        "  profile   Manage profiles: list, add, remove, import (secrets in the OS keychain)\n"
        "\n"
        "Credentials come from HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK and HUAWEICLOUD_SDK_SECURITY_TOKEN, or "
        "an IAM\n"
        "token named with --auth-token-env. Exit status: 0 created, 2 invalid input, 3 authentication,\n"
        "4 other API error, 5 network, TLS, timeout or unknown outcome, 6 OS keychain unavailable.\n");
}

int runCommand(const QString& command, const QStringList& arguments, QTextStream& out, QTextStream& err,
               QTextStream& in)
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (command == QLatin1String("create"))
        return das::CreateCommand(out, err, in, env).run(arguments);
    if (command == QLatin1String("profile"))
        return das::ProfileCommand(out, err, in, env).run(arguments);
    if (command == QLatin1String("history"))
        return das::HistoryCommand(out, err).run(arguments);
    err << QCoreApplication::translate("main", "error: unknown command \"%1\".\n\n").arg(command) << usage()
        << Qt::flush;
    return 2;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    das::AppPaths::setupApplication();

    QTextStream out(stdout);
    QTextStream err(stderr);
    QTextStream in(stdin);
    QStringList arguments = QCoreApplication::arguments();
    const QString program = arguments.isEmpty() ? QStringLiteral("das-connect-cli") : arguments.takeFirst();

    if (arguments.isEmpty() || arguments.constFirst() == QLatin1String("--help") ||
        arguments.constFirst() == QLatin1String("-h")) {
        (arguments.isEmpty() ? err : out) << usage() << Qt::flush;
        return arguments.isEmpty() ? 2 : 0;
    }
    if (arguments.constFirst() == QLatin1String("--version")) {
        out << QStringLiteral("das-connect-cli ") << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }
    const QString command = arguments.takeFirst();
    arguments.prepend(program + u' ' + command);
    const int status = runCommand(command, arguments, out, err, in);
    qCDebug(das::lcCli) << "command" << command << "exit status" << status;
    return status;
}
