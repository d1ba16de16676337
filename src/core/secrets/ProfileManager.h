#pragma once

#include "Credentials.h"
#include "Profile.h"

#include <QList>
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

// Saves, removes, loads and imports profiles: the non-secret part through ProfileStore, the SK, security
// token and IAM token through SecretStore (keys SecretStore::profileSecretKey). Callbacks always run from the
// event loop, never from the call itself, and never after this object is destroyed. The ProfileStore must
// outlive it.
class ProfileManager : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(bool ok, QString message)>;
    using CredentialsDone = std::function<void(bool ok, das::Credentials credentials, QString message)>;

    // How importProfiles() ended.
    struct ImportOutcome
    {
        bool ok = false;
        QString message;      // on failure: one sentence saying what went wrong and that nothing was imported
        QStringList imported; // on success: the imported names, in the order given
        bool changed = false; // something was saved, even if it was taken back: reload what you show
    };
    using ImportDone = std::function<void(const das::ProfileManager::ImportOutcome& outcome)>;

    ProfileManager(ProfileStore* profiles, SecretStore* secrets, QObject* parent = nullptr);
    ~ProfileManager() override;

    ProfileStore* profileStore() const { return m_profiles; }

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

    // Saves every item, or none: the one import transaction of the window and the CLI.
    //
    // Before anything is written, every item is validated, names must be unique, and an item whose name
    // exists is refused unless `replaceExisting`. The profiles about to be replaced are then backed up (their
    // settings and secrets read from the keychain). An old profile whose secrets cannot be read could not be
    // put back if the import failed, so the import refuses to start: nothing is changed, and the message
    // names that profile and why (the user can remove it or fix the keychain, then import again).
    //
    // The items are then saved one after the other (each through saveProfile). If a save fails, every profile
    // this call already saved is put back as it was: replaced ones from their backup, new ones removed. What
    // could not be put back is named in the message. Secrets held for the import are cleared when it ends.
    void importProfiles(QList<ImportedProfile> items, bool replaceExisting, ImportDone done);
    // What makes importProfiles refuse before it touches the keychain (an invalid item, a name given twice,
    // an existing name without `replaceExisting`), as one sentence; empty when the import may start. Front
    // ends call it before they ask anything; importProfiles checks again.
    QString importProblem(const QList<ImportedProfile>& items, bool replaceExisting) const;

    // For the CLI: the same, in a local event loop bounded by the keychain deadlines.
    bool saveProfileSync(const Profile& profile, const ProfileSecrets& secrets, QString* message);
    bool removeProfileSync(const QString& name, QString* message);
    ImportOutcome importProfilesSync(QList<ImportedProfile> items, bool replaceExisting);

    // SecretStore::*Field values the method keeps in the keychain, in write order.
    static QStringList secretFieldsFor(Profile::AuthMethod method);
    // "secret key (SK)", "security token", "IAM token".
    static QString fieldLabel(const QString& field);

private:
    struct SaveState;
    struct RemoveState;
    struct LoadState;
    struct ImportState;

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

    void importBackupNext(const std::shared_ptr<ImportState>& st, int index);
    void importSaveNext(const std::shared_ptr<ImportState>& st, int index);
    void importRollback(const std::shared_ptr<ImportState>& st, int index);
    void importEnd(const std::shared_ptr<ImportState>& st, bool ok, const QString& message);

    QString keychainGone() const;

    ProfileStore* m_profiles = nullptr;
    QPointer<SecretStore> m_secrets;
};

} // namespace das
