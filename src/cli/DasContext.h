#pragma once

#include "CredentialResolver.h"
#include "DasClient.h"
#include "ProfileManager.h"
#include "ProfileStore.h"
#include "ReadWorkflow.h"
#include "SecretStore.h"
#include "TargetOptions.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTextStream>

class QCommandLineParser;

namespace das {

class HistoryStore;

// What a verb that talks to DAS holds once its options are parsed: the target, the credential choice, and
// the client, profile and keychain services the workflows run on. One per run; not copyable, because the
// workflows keep pointers to its members.
struct DasContext
{
    Q_DECLARE_TR_FUNCTIONS(das::DasContext)

public:
    TargetOptions::Values values;
    CredentialChoice choice;
    DasClient client;
    ProfileStore profiles;
    SecretStore keychain;
    ProfileManager manager{&profiles, &keychain};

    DasContext() = default;
    DasContext(const DasContext&) = delete;
    DasContext& operator=(const DasContext&) = delete;

    ReadWorkflow::Services services() { return {&client, &manager}; }

    // Reads the target options, resolves the credentials, sets up the client and looks the project up
    // through IAM when none is given. Every usage problem (the verb's own `usage` included) is printed
    // together, before anything is sent. Returns 0, or the exit code to end with.
    int prepare(const TargetOptions& options, const QCommandLineParser& parser,
                const QProcessEnvironment& env, const QStringList& usage, QTextStream& err);

    // Opens `history`; prints why not on `err`.
    static bool openHistory(HistoryStore& history, QTextStream& err);
};

// Runs a workflow to its end in a local event loop; `start` returns false when nothing was started.
template <typename Workflow, typename Request>
const auto& runToEnd(Workflow& workflow, const Request& request)
{
    QEventLoop loop;
    QObject::connect(&workflow, &Workflow::finished, &loop, &QEventLoop::quit);
    if (workflow.start(request))
        loop.exec();
    return workflow.outcome();
}

} // namespace das
