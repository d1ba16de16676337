#include "CommandLine.h"

#include "CliLog.h"
#include "ProgramDoc.h"

#include <QCommandLineParser>

namespace das {

Q_LOGGING_CATEGORY(lcCli, "das.cli", QtWarningMsg)

namespace {

// main() hands every sub-command "das-connect-cli <command> [verb]" as arguments[0].
constexpr QLatin1String Program("das-connect-cli");

QList<CommandDoc>* describeSink = nullptr;

// One to three examples per sub-command, printed at the end of its --help.
QString examples(const QString& command)
{
    static const QList<std::pair<const char*, const char*>> table = {
        {"create", "das-connect-cli create --region cn-north-4 --instance-id ID --engine-type mysql "
                   "--network-type rds --username root --password-stdin < password.txt\n"
                   "das-connect-cli create --endpoint http://127.0.0.1:8443 --project-id ID --instance-id ID "
                   "--engine-type mysql --network-type rds --username root --password-env DB_PASSWORD "
                   "--dry-run"},
        {"connections", "das-connect-cli connections --region cn-north-4\n"
                        "das-connect-cli connections --region cn-north-4 --instance-id ID --json"},
        {"delete", "das-connect-cli delete --region cn-north-4 CONNECTION_ID\n"
                   "das-connect-cli delete --region cn-north-4 --created-since 2h --yes"},
        {"reconcile", "das-connect-cli reconcile --region cn-north-4\n"
                      "das-connect-cli reconcile --profile work --json"},
        {"batch plan", "das-connect-cli batch plan connections.csv --region cn-north-4"},
        {"batch apply", "das-connect-cli batch apply connections.csv --region cn-north-4 --passwords-file "
                        "passwords.json --report report.json\n"
                        "das-connect-cli batch apply connections.json --profile work --password-stdin --yes "
                        "< password.txt"},
        {"projects", "das-connect-cli projects --region cn-north-4"},
        {"instances", "das-connect-cli instances --region cn-north-4 --engine-type mysql"},
        {"nodes", "das-connect-cli nodes --region cn-north-4 --instance-id ID"},
        {"databases", "das-connect-cli databases --region cn-north-4 --instance-id ID --json"},
        {"history", "das-connect-cli history\n"
                    "das-connect-cli history --filter unknown --tsv"},
        {"profile list", "das-connect-cli profile list\n"
                         "das-connect-cli profile list --json"},
        {"profile add", "das-connect-cli profile add work --ak AK --sk-env HUAWEICLOUD_SDK_SK --region "
                        "cn-north-4"},
        {"profile remove", "das-connect-cli profile remove work"},
        {"profile import", "das-connect-cli profile import --from sdk\n"
                           "das-connect-cli profile import --from env --name ci --region cn-north-4"},
    };
    for (const auto& [name, text] : table) {
        if (command == QLatin1String(name))
            return QLatin1String(text);
    }
    return {};
}

} // namespace

bool CommandParser::addOption(const QCommandLineOption& option)
{
    m_options.append(option);
    return QCommandLineParser::addOption(option);
}

bool CommandParser::addOptions(const QList<QCommandLineOption>& options)
{
    m_options += options;
    return QCommandLineParser::addOptions(options);
}

void CommandParser::addPositionalArgument(const QString& name, const QString& description,
                                          const QString& syntax)
{
    m_positional.append({syntax.isEmpty() ? name : syntax, description});
    QCommandLineParser::addPositionalArgument(name, description, syntax);
}

void CommandParser::setApplicationDescription(const QString& description)
{
    m_description = description;
    QCommandLineParser::setApplicationDescription(description);
}

void CommandLine::describeInto(QList<CommandDoc>* sink)
{
    describeSink = sink;
}

QString CommandLine::versionText()
{
    return Program + u' ' + QCoreApplication::applicationVersion();
}

QString CommandLine::examplesText(const QString& command)
{
    const QString lines = examples(command);
    if (lines.isEmpty())
        return {};
    QString text = tr("Examples:") + u'\n';
    for (const QString& line : lines.split(u'\n'))
        text += QStringLiteral("  ") + line + u'\n';
    return text;
}

QString CommandLine::helpText(const QCommandLineParser& parser, const QString& command)
{
    // Qt's usage line names the binary by its full path; a user types the program and the sub-command.
    QString text = parser.helpText();
    const qsizetype lineEnd = text.indexOf(u'\n');
    const QString options = u' ' + tr("[options]");
    const qsizetype cut = text.left(lineEnd).indexOf(options);
    if (cut >= 0)
        text.replace(0, cut, tr("Usage: %1").arg(Program + u' ' + command));
    const QString examples = examplesText(command);
    if (!examples.isEmpty())
        text += u'\n' + examples;
    return text;
}

std::optional<int> CommandLine::parse(CommandParser& parser, const QStringList& arguments, QTextStream& out,
                                      QTextStream& err)
{
    // Not addHelpOption(): it adds --help-all, which lists Qt's own options (-platform, …), of no use here.
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    const QCommandLineOption version(QStringLiteral("version"), tr("Show the version."));
    parser.addOptions({help, version});
    const QString first = arguments.value(0);
    const QString command = first.startsWith(Program + u' ') ? first.mid(Program.size() + 1) : first;
    if (describeSink) {
        describeSink->append(CommandDoc{command, parser.description(), parser.positional(), parser.options(),
                                        examples(command)});
        return ExitOk;
    }
    if (!parser.parse(arguments)) {
        err << tr("error: %1").arg(parser.errorText()) << Qt::endl;
        return ExitUsage;
    }
    if (parser.isSet(help)) {
        out << helpText(parser, command) << Qt::flush;
        return ExitOk;
    }
    if (parser.isSet(version)) {
        out << versionText() << Qt::endl;
        return ExitOk;
    }
    return std::nullopt;
}

} // namespace das
