#pragma once

#include "CreateResult.h"
#include "CredentialResolver.h"
#include "ReadJob.h"
#include "RequestBuilder.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

namespace das {

class DasClient;
class ProfileManager;

// How a read workflow ended, shared by every one of them.
struct ReadStatus
{
    bool ok = false;
    CreateResult failure;                // !ok: one sentence and details, as for a create
    bool credentialsUnavailable = false; // the profile's secrets could not be read; nothing was sent

    // das-connect-cli's exit status: 0, the create codes (2 usage, 3 auth, 4 API, 5 network), 6 keychain.
    int exitCode() const;
};

// The common part of ProjectLookup, InstanceCatalog, NodeList and DatabaseNameList: the credentials are
// resolved once per run (CredentialLoader, so a profile's secrets come from the keychain), then one or more
// signed reads go out one after another. Each run ends with the subclass's finished() exactly once: from the
// event loop, or from within cancel(), which ends the run at once.
class ReadWorkflow : public QObject
{
    Q_OBJECT

public:
    struct Services
    {
        DasClient* client = nullptr;        // required
        ProfileManager* profiles = nullptr; // needed for profile credentials
    };

    ~ReadWorkflow() override;

    bool isRunning() const { return m_running; }
    void cancel();

signals:
    void resolvingCredentials(const QString& description);
    void sending(const QString& host);

protected:
    ReadWorkflow(const Services& services, QObject* parent);

    // Starts a run from the event loop: loads the credentials, then calls `next`. False (and nothing
    // happens) while a run is going on.
    bool begin(const CredentialChoice& choice, std::function<void()> next);
    // One signed read with the run's credentials; `next` is not called after a cancel.
    void call(const QUrl& endpoint, const ApiRequest& request, std::function<void(const ReadResult&)> next);
    // One read whose answer `parse` takes apart (false with an error: an unreadable answer, `what` naming
    // what was expected); then the run ends, ok or with the read's failure.
    using Parse = std::function<bool(const QJsonObject& answer, QString* error)>;
    void readAndEnd(const QUrl& endpoint, const ApiRequest& request, const QString& what, Parse parse);
    // A run of that one read, after the credentials; a non-empty `problem` ends it as invalid input instead.
    bool beginSingleRead(const CredentialChoice& choice, const QString& problem, const QUrl& endpoint,
                         const ApiRequest& request, const QString& what, Parse parse);
    // Ends the run; calls ended() once.
    void end(const ReadStatus& status);
    // Ends the run with a failure made from a read's result, or a local problem (InvalidInput).
    void fail(const CreateResult& failure);
    void failInvalid(const QString& explanation);

    virtual void ended(const ReadStatus& status) = 0;

    const Credentials& credentials() const { return m_credentials; }
    // A key that tells credentials apart without holding a secret: a hash of the AK (or of the token).
    QByteArray credentialKey() const;

private:
    Services m_services;
    Credentials m_credentials;
    QPointer<ReadJob> m_job;
    int m_generation = 0;
    bool m_running = false;
};

} // namespace das
