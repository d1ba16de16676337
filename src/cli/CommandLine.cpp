#include "CommandLine.h"

#include "CliLog.h"

namespace das {

Q_LOGGING_CATEGORY(lcCli, "das.cli", QtWarningMsg)

std::optional<int> CommandLine::parse(QCommandLineParser& parser, const QStringList& arguments,
                                      QTextStream& out, QTextStream& err)
{
    parser.addHelpOption();
    if (!parser.parse(arguments)) {
        err << tr("error: %1").arg(parser.errorText()) << Qt::endl;
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText() << Qt::flush;
        return ExitOk;
    }
    return std::nullopt;
}

} // namespace das
