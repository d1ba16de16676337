#pragma once

// What the tests of the workflow objects share: the sandbox's demo credentials as a resolved choice, and
// running a workflow to its end.

#include "CredentialResolver.h"
#include "SandboxOptions.h"

#include <QSignalSpy>

namespace das::test {

inline CredentialChoice demoChoice(const QString& secretKey = QLatin1String(SandboxOptions::DemoSecretKey))
{
    CredentialChoice c;
    c.source = CredentialChoice::Source::SandboxDemo;
    c.credentials.accessKey = QLatin1String(SandboxOptions::DemoAccessKey);
    c.credentials.secretKey = secretKey;
    return c;
}

// Starts `workflow` and waits for its finished(); a second finished() or none is reported as a warning and
// shows in the outcome the caller checks.
template <typename Workflow, typename Request>
typename Workflow::Outcome runToEnd(Workflow& workflow, const Request& request)
{
    QSignalSpy spy(&workflow, &Workflow::finished);
    if (!workflow.start(request) || !spy.wait(20000))
        qWarning("workflow did not finish");
    if (spy.size() != 1)
        qWarning("finished %d times", int(spy.size()));
    return workflow.outcome();
}

} // namespace das::test
