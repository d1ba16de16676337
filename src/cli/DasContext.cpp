#include "DasContext.h"

#include "CommandLine.h"
#include "HistoryStore.h"

#include <QCommandLineParser>

namespace das {

int DasContext::prepare(const TargetOptions& options, const QCommandLineParser& parser,
                        const QProcessEnvironment& env, const QStringList& usage, QTextStream& err)
{
    values = options.read(parser, env);
    values.usage += usage;
    choice = CredentialResolver(&profiles).resolve(values.credentials);
    if (!choice.isAvailable())
        values.usage.append(choice.error);
    if (!values.usage.isEmpty()) {
        for (const QString& line : values.usage)
            err << tr("error: %1").arg(line) << Qt::endl;
        return CommandLine::ExitUsage;
    }
    QString optionError;
    if (!client.setOptions(values.client, &optionError)) {
        err << tr("error: %1").arg(optionError) << Qt::endl;
        return CommandLine::ExitUsage;
    }
    return TargetOptions::lookUpProject(values, client, manager, choice, err);
}

bool DasContext::openHistory(HistoryStore& history, QTextStream& err)
{
    QString error;
    if (history.open(&error))
        return true;
    err << tr("error: %1").arg(error) << Qt::endl;
    return false;
}

} // namespace das
