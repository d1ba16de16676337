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

    // The exit codes every sub-command shares.
    static constexpr int ExitOk = 0;
    static constexpr int ExitUsage = 2;
    static constexpr int ExitApiError =
        4; // also: a connection named on the command line that DAS does not hold
    static constexpr int ExitKeychain = 6;
};

} // namespace das
