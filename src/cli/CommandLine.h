#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <optional>

namespace das {

// What every sub-command does first: parse, print usage errors and --help, and say whether to go on.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    // Adds --help, parses; returns the exit code when the command is already done (error or help).
    static std::optional<int> parse(QCommandLineParser& parser, const QStringList& arguments,
                                    QTextStream& out, QTextStream& err);
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
