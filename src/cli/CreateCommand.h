#pragma once

#include "ClientOptions.h"
#include "ConnectionRequest.h"
#include "CreateSession.h"
#include "CredentialResolver.h"
#include "Profile.h"
#include "TargetOptions.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTextStream>

#include <optional>

class QCommandLineParser;

namespace das {

// `das-connect-cli create …`: turns options into a request, a target and a credential choice, then runs a
// CreateSession (the same workflow as the window) and prints what it reports.
class CreateCommand
{
    Q_DECLARE_TR_FUNCTIONS(CreateCommand)

public:
    CreateCommand(QTextStream& out, QTextStream& err, QTextStream& in, const QProcessEnvironment& env);
    int run(const QStringList& arguments);

private:
    struct Options;
    // The shared target and credential options, plus the request.
    struct Input : TargetOptions::Values
    {
        ConnectionRequest request;
        bool json = false;
        bool dryRun = false;
        CreateSession::IfExists ifExists = CreateSession::IfExists::Error;
        std::optional<bool> keychain; // --keychain; unset follows --save-password
    };

    Input readInput(const QCommandLineParser& parser, const Options& o);
    void readRequest(const QCommandLineParser& parser, const Options& o, Input& in);
    void readPassword(const QCommandLineParser& parser, const Options& o, Input& in);
    int reportInvalid(const Input& in, const Violations& violations);
    int preview(const Input& in, const CredentialChoice& choice);
    int send(Input in, const CredentialChoice& choice);
    // After Ctrl+C: what may have happened and how it will be settled; returns 130.
    int printInterrupted(const CreateSession::Outcome& outcome, const Input& in);
    void connectProgress(CreateSession& session);
    void printOutcome(const CreateSession::Outcome& outcome, const Input& in);
    // A failure, or a lost answer that asking DAS settled as not created or could not settle.
    void printUnsettled(const CreateSession::Outcome& outcome, const Input& in);
    void printFailure(const CreateResult& result, bool json, const QJsonObject& extra = QJsonObject());

    QTextStream& m_out;
    QTextStream& m_err;
    QTextStream& m_in;
    QProcessEnvironment m_env;
};

} // namespace das
