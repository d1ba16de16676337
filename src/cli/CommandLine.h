#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <optional>

namespace das {

struct CommandDoc;

// A sub-command's parser that also keeps what it was given, so that the man page and the bash completion
// (CommandLine::describeInto) are written from the very options the command parses. It hides the
// QCommandLineParser functions it records; each forwards to them unchanged.
class CommandParser : public QCommandLineParser
{
public:
    bool addOption(const QCommandLineOption& option);
    bool addOptions(const QList<QCommandLineOption>& options);
    void addPositionalArgument(const QString& name, const QString& description, const QString& syntax = {});
    void setApplicationDescription(const QString& description);

    const QList<QCommandLineOption>& options() const { return m_options; }
    const QList<std::pair<QString, QString>>& positional() const { return m_positional; }
    const QString& description() const { return m_description; }

private:
    QList<QCommandLineOption> m_options;
    QList<std::pair<QString, QString>> m_positional; // syntax, help
    QString m_description;
};

// What every sub-command does first: parse, print usage errors and --help, and say whether to go on.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    // Adds --help and --version, parses; returns the exit code when the command is already done (error,
    // help, version, or describing).
    static std::optional<int> parse(CommandParser& parser, const QStringList& arguments, QTextStream& out,
                                    QTextStream& err);
    // From now on parse() parses nothing: it appends the command's description and options to `sink` and
    // ends the command (exit 0). For --help-man and --bash-completion; nullptr stops it.
    static void describeInto(QList<CommandDoc>* sink);
    // "das-connect-cli 0.1.0", what --version prints.
    static QString versionText();
    // The help of `command` ("create", "batch plan"): usage line naming it, options, then its examples.
    static QString helpText(const QCommandLineParser& parser, const QString& command);
    // "Examples:" and the indented example lines of `command`; empty when it has none.
    static QString examplesText(const QString& command);

    // Options named by ASCII literals (QT_NO_CAST_FROM_ASCII), for the option tables of the commands.
    static QCommandLineOption valueOption(const char* name, const QString& help, const char* value)
    {
        return QCommandLineOption(QLatin1String(name), help, QLatin1String(value));
    }
    static QCommandLineOption flagOption(const char* name, const QString& help)
    {
        return QCommandLineOption(QLatin1String(name), help);
    }

    // The exit codes every sub-command shares.
    static constexpr int ExitOk = 0;
    static constexpr int ExitUsage = 2;
    static constexpr int ExitApiError =
        4; // also: a connection named on the command line that DAS does not hold
    static constexpr int ExitKeychain = 6;
};

} // namespace das
