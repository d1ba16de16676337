#pragma once

#include "ConnectionInfo.h"
#include "ConnectionRequest.h"
#include "CreateResult.h"
#include "CredentialResolver.h"
#include "OutcomeReconciler.h"
#include "ReadWorkflow.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <optional>

namespace das {

class ConnectionList;
class CreateJob;
class DasClient;
class HistoryStore;
class ProfileManager;
class SecretJob;
class SecretStore;

// One create-connection, start to end, for every front end: read the profile's secrets from the keychain
// when the credentials need it, look on DAS for a connection with the same instance, user name and database
// name (unless told to create regardless), commit a `pending` history row, send, settle the row (created,
// not_created or unknown), resolve a lost answer by asking DAS what exists (OutcomeReconciler), then (when
// asked: Options::keychainPassword) save the password in the OS keychain and read it back. Each
// stage is a signal; the window and the CLI only display them. A create is never re-sent.
//
// Signals, in order: resolvingCredentials (profile credentials only), checkingDuplicates → duplicateFound |
// duplicateCheckFailed (IfExists::Ask only; the session then waits for useExisting(), createAnyway() or
// cancel()), sending, reconciling (after a lost answer, once per look), recorded (a connection ID is known:
// created, confirmed, or existing; after the history commit), savingPassword → passwordSaved |
// passwordNotSaved (only when asked), finished (always exactly once, also after cancel()). A session runs
// once; make a new one for the next create.
class CreateSession : public QObject
{
    Q_OBJECT

public:
    struct Services
    {
        DasClient* client = nullptr;     // required
        HistoryStore* history = nullptr; // may be null or closed: a created ID is then shown with a warning
        SecretStore* secrets = nullptr;  // needed to save the password
        ProfileManager* profiles = nullptr; // needed for profile credentials
    };

    struct Target
    {
        QUrl endpoint;
        QString region; // empty for a custom endpoint
    };

    // What to do when DAS already holds a connection with the request's instance, user and database name.
    enum class IfExists
    {
        Create, // do not look: create another
        Ask,    // signal duplicateFound and wait for the caller's choice
        Error,  // finish without sending (exit 4), naming the existing connection
        Skip,   // finish with the existing connection's ID, recorded as `existing`
    };

    struct Options
    {
        IfExists ifExists = IfExists::Create;
        QList<int> reconcileScheduleMs; // empty: OutcomeReconciler::freshSchedule()
        // Save the password in the OS keychain after a create. Unset: when the request asks DAS to save it
        // (is_save_password), as the CLI's --save-password does; the window asks for each on its own.
        std::optional<bool> keychainPassword;
    };

    enum class Reconciliation
    {
        None,       // the answer was not lost
        Confirmed,  // DAS lists exactly one matching connection: created
        NotCreated, // DAS lists none: safe to create again
        Ambiguous,  // several match: left unknown, listed in `candidates`
        Failed,     // DAS could not be asked: left unknown
    };

    struct Outcome
    {
        CreateResult result;
        bool credentialsUnavailable = false; // the profile's secrets could not be read; nothing was sent
        qint64 historyId = 0;                // 0 when not recorded
        QString historyWarning;              // set when a created connection could not be recorded
        std::optional<bool> passwordSaved;   // set when saving the password was asked for
        QString passwordMessage;             // why it was not saved
        bool existing = false;               // result.connectionId is an existing connection's (no create)
        QList<ConnectionInfo> duplicates;    // what the duplicate check found
        Reconciliation reconciliation = Reconciliation::None;
        QList<ConnectionInfo> candidates; // Ambiguous
        int exitCode() const;             // das-connect-cli's status for this outcome
    };

    explicit CreateSession(const Services& services, QObject* parent = nullptr);
    ~CreateSession() override;

    // Starts the create; every signal comes from the event loop, never from this call.
    void start(const ConnectionRequest& request, const Target& target, const CredentialChoice& credentials,
               const Options& options);
    void start(const ConnectionRequest& request, const Target& target, const CredentialChoice& credentials)
    {
        start(request, target, credentials, Options());
    }
    // Answers duplicateFound / duplicateCheckFailed: record `connectionId` (one of the duplicates) as the
    // result instead of creating, or create another. Ignored at any other time.
    void useExisting(const QString& connectionId);
    void createAnyway();
    // Cancels whatever stage is running. Before the request is sent nothing is sent; while it is in flight
    // the outcome may stay unknown (CreateResult says which); after it was created the password step is
    // abandoned.
    void cancel();

    bool isRunning() const { return m_running; }
    const Outcome& outcome() const { return m_outcome; }
    const ConnectionRequest& request() const { return m_request; }
    const Target& target() const { return m_target; }

    // The keychain key of the saved database password for a request on a target.
    static QString passwordKey(const QString& endpoint, const ConnectionRequest& request);

signals:
    void resolvingCredentials(const QString& description);
    void checkingDuplicates();
    void duplicateFound(const QList<das::ConnectionInfo>& existing);
    void duplicateCheckFailed(const das::CreateResult& failure);
    void sending(const QString& host);
    void reconciling(int attempt, int attempts);
    void recorded(const das::CreateResult& result, qint64 historyId, const QString& warning);
    void savingPassword();
    void passwordSaved();
    void passwordNotSaved(const QString& reason);
    void finished(const das::CreateSession::Outcome& outcome);

private:
    void readCredentials(const CredentialChoice& choice);
    void credentialsReady(const Credentials& credentials);
    void checkDuplicates();
    void onDuplicateCheck(const QList<ConnectionInfo>& listed, const ReadStatus& status);
    void send();
    void onCreateFinished(const CreateResult& result);
    void settleRow(const CreateResult& result);
    void reconcile();
    void onReconciled(const OutcomeReconciler::Outcome& outcome);
    void recordExisting(const ConnectionInfo& existing);
    void afterConnectionKnown();
    void record();
    void savePassword();
    bool savesPasswordInKeychain() const;
    void finish();
    void finishNotSent(const QString& explanation, bool credentialsUnavailable);

    Services m_services;
    ConnectionRequest m_request;
    Target m_target;
    Options m_options;
    CredentialChoice m_choice;
    Credentials m_credentials;
    Outcome m_outcome;
    qint64 m_pendingRowId = 0;
    QDateTime m_sentAt;
    bool m_awaitingChoice = false;
    bool m_cancelRequested = false;
    QPointer<ConnectionList> m_duplicateCheck;
    QPointer<OutcomeReconciler> m_reconciler;
    QPointer<CreateJob> m_job;
    QPointer<SecretJob> m_passwordJob;
    int m_generation = 0; // a cancel invalidates callbacks still on their way
    bool m_running = false;
    bool m_started = false;
};

} // namespace das

Q_DECLARE_METATYPE(das::CreateSession::Outcome)
