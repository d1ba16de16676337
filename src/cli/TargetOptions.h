#pragma once

#include "ClientOptions.h"
#include "CreateSession.h"
#include "CredentialResolver.h"
#include "Profile.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTextStream>

class QCommandLineParser;

namespace das {

class DasClient;
class ProfileManager;

// The target and credential options every verb that talks to DAS shares (create, projects, instances, nodes,
// databases): --region | --endpoint, --profile, --auth-token-env, --project-id, --timeout, --ca-file; how
// they are read; and the project lookup through IAM when a region is given without a project ID.
class TargetOptions
{
    Q_DECLARE_TR_FUNCTIONS(das::TargetOptions)

public:
    struct Values
    {
        CreateSession::Target target;
        CredentialResolver::Inputs credentials;
        ClientOptions client;
        Profile profile; // --profile: its target and default project
        QString
            projectId; // --project-id, else the profile's default project, else HUAWEICLOUD_SDK_PROJECT_ID
        QStringList usage; // every usage problem, reported together
    };

    TargetOptions();

    QList<QCommandLineOption> options() const;
    Values read(const QCommandLineParser& parser, const QProcessEnvironment& env) const;

    // Fills values.projectId through IAM when it is empty and a region is known; prints a failure on `err`.
    // Returns 0, or the exit code to end with.
    static int lookUpProject(Values& values, DasClient& client, ProfileManager& profiles,
                             const CredentialChoice& choice, QTextStream& err);
    // Prints a workflow failure as create does (error line, then the details).
    static void printFailure(const CreateResult& result, QTextStream& err);

    const QCommandLineOption project;
    const QCommandLineOption region;
    const QCommandLineOption endpoint;
    const QCommandLineOption timeout;
    const QCommandLineOption ca;
    const QCommandLineOption tokenEnv;
    const QCommandLineOption profile;

private:
    void readCredentials(const QCommandLineParser& parser, Values& in) const;
    void readTarget(const QCommandLineParser& parser, const QProcessEnvironment& env, Values& in) const;
    void readClientOptions(const QCommandLineParser& parser, Values& in) const;
};

} // namespace das
