#pragma once

#include "ConnectionRequest.h"
#include "CreateResult.h"
#include "CredentialResolver.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <optional>

namespace das {

class CreateJob;
class DasClient;
class HistoryStore;
class ProfileManager;
class SecretJob;
class SecretStore;

// One create-connection, start to end, for every front end: read the profile's secrets from the keychain
// when the credentials need it, validate, send, commit the history row, then (when the request asks DAS to
// save the password) save the password in the OS keychain and read it back. Each stage is a signal; the
// window and the CLI only display them. A create is never re-sent.
//
// Signals, in order: resolvingCredentials (profile credentials only), sending, recorded (created only, after
// the history commit), savingPassword → passwordSaved | passwordNotSaved (only when asked), finished (always
// exactly once, also after cancel()). A session runs once; make a new one for the next create.
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

    struct Outcome
    {
        CreateResult result;
        bool credentialsUnavailable = false; // the profile's secrets could not be read; nothing was sent
        qint64 historyId = 0;                // 0 when not recorded
        QString historyWarning;              // set when a created connection could not be recorded
        std::optional<bool> passwordSaved;   // set when saving the password was asked for
        QString passwordMessage;             // why it was not saved
    };

    explicit CreateSession(const Services& services, QObject* parent = nullptr);
    ~CreateSession() override;

    // Starts the create; every signal comes from the event loop, never from this call.
    void start(const ConnectionRequest& request, const Target& target, const CredentialChoice& credentials);
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
    void sending(const QString& host);
    void recorded(const das::CreateResult& result, qint64 historyId, const QString& warning);
    void savingPassword();
    void passwordSaved();
    void passwordNotSaved(const QString& reason);
    void finished(const das::CreateSession::Outcome& outcome);

private:
    void readCredentials(const CredentialChoice& choice);
    void send(const Credentials& credentials);
    void onCreateFinished(const CreateResult& result);
    void record();
    void savePassword();
    void finish();
    void finishNotSent(const QString& explanation, bool credentialsUnavailable);

    Services m_services;
    ConnectionRequest m_request;
    Target m_target;
    Outcome m_outcome;
    QPointer<CreateJob> m_job;
    QPointer<SecretJob> m_passwordJob;
    int m_generation = 0; // a cancel invalidates callbacks still on their way
    bool m_running = false;
    bool m_started = false;
};

} // namespace das

Q_DECLARE_METATYPE(das::CreateSession::Outcome)
