#include "ProgramDoc.h"

#include <QCoreApplication>

#include <cstdio>

namespace das {

namespace {

constexpr QLatin1String ManOption("help-man");
constexpr QLatin1String CompletionOption("bash-completion");

} // namespace

QList<QCommandLineOption> ProgramDoc::helpAndVersion()
{
    return {QCommandLineOption(
                {QStringLiteral("h"), QStringLiteral("help")},
                QCoreApplication::translate("ProgramDoc", "Displays help on commandline options.")),
            QCommandLineOption(QStringLiteral("version"),
                               QCoreApplication::translate("ProgramDoc", "Displays version information."))};
}

QList<QCommandLineOption> docOptions()
{
    QCommandLineOption man(ManOption, QStringLiteral("Print the man page (roff) and exit."));
    man.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption completion(CompletionOption, QStringLiteral("Print the bash completion and exit."));
    completion.setFlags(QCommandLineOption::HiddenFromHelp);
    return {man, completion};
}

bool printRequestedDoc(const QStringList& arguments, const std::function<ProgramDoc()>& make)
{
    const bool man = arguments.contains(QLatin1String("--") + ManOption);
    if (!man && !arguments.contains(QLatin1String("--") + CompletionOption))
        return false;
    const QByteArray text = (man ? make().manPage() : make().bashCompletion()).toUtf8();
    std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
    std::fflush(stdout);
    return true;
}

} // namespace das
