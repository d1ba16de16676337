#pragma once

#include "Credentials.h"
#include "Profile.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace das {

class ProfileStore;
class SecretJob;
class SecretStore;
struct SecretResult;

// Saves, removes and loads profiles: the non-secret part through ProfileStore, the SK, security token and IAM
// token through SecretStore (keys SecretStore::profileSecretKey). Callbacks always run from the event loop,
// never from the call itself, and never after this object is destroyed. The ProfileStore must outlive it.
class ProfileManager : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(bool ok, QString message)>;
    using CredentialsDone = std::function<void(bool ok, das::Credentials credentials, QString message)>;

    ProfileManager(ProfileStore* profiles, SecretStore* secrets, QObject* parent = nullptr);
    ~ProfileManager() override;

    ProfileStore* profileStore() const { return m_profiles; }
    SecretStore* secretStore() const { return m_secrets; }

    // Writes the secrets the auth method needs (each verified), then the non-secret part. If a keychain write
    // fails, the entries this call already wrote are put back as they were and QSettings is untouched. An
    // empty secret on an existing profile keeps the stored one. Secrets an old auth method needed and the new
    // one does not are removed afterwards.
    void saveProfile(const Profile& profile, const ProfileSecrets& secrets, Done done);
    // Deletes the keychain entries (a missing one is fine), then the settings group. If the keychain refuses,
    // the profile is kept so that the user can try again.
    void removeProfile(const QString& name, Done done);
    // Reads the secrets and yields complete credentials, or a message.
    void loadCredentials(const QString& name, CredentialsDone done);

    // For the CLI: the same, in a local event loop bounded by the keychain deadlines.
    bool saveProfileSync(const Profile& profile, const ProfileSecrets& secrets, QString* message);
    bool removeProfileSync(const QString& name, QString* message);
    bool loadCredentialsSync(const QString& name, Credentials* credentials, QString* message);

    // SecretStore::*Field values the method keeps in the keychain, in write order.
    static QStringList secretFieldsFor(Profile::AuthMethod method);
    // "secret key (SK)", "security token", "IAM token".
    static QString fieldLabel(const QString& field);

private:
    struct SaveState;
    struct RemoveState;
    struct LoadState;

    void then(SecretJob* job, std::function<void(const SecretResult&)> next);
    void later(std::function<void()> call);
    // Runs an asynchronous operation to its end in a local event loop (the CLI's synchronous calls).
    bool runSync(const std::function<void(Done)>& start, QString* message);

    void saveReadNext(const std::shared_ptr<SaveState>& st, int index);
    void saveWriteNext(const std::shared_ptr<SaveState>& st, int index);
    void saveCommit(const std::shared_ptr<SaveState>& st);
    void saveRemoveStale(const std::shared_ptr<SaveState>& st, int index);
    void saveRollback(const std::shared_ptr<SaveState>& st, int index);
    void removeNext(const std::shared_ptr<RemoveState>& st, int index);
    void loadNext(const std::shared_ptr<LoadState>& st, int index);

    QString keychainGone() const;

    ProfileStore* m_profiles = nullptr;
    QPointer<SecretStore> m_secrets;
};

} // namespace das
