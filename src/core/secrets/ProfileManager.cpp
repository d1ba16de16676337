#include "ProfileManager.h"

#include "ProfileStore.h"
#include "SecretJob.h"
#include "SecretStore.h"
#include "SecretsLog.h"

#include <QEventLoop>

namespace das {

namespace {

QString secretFrom(const ProfileSecrets& s, const QString& field)
{
    if (field == QLatin1String(SecretStore::SecretKeyField))
        return s.secretKey;
    if (field == QLatin1String(SecretStore::SecurityTokenField))
        return s.securityToken;
    return s.iamToken;
}

const QStringList& allFields()
{
    static const QStringList fields = {QLatin1String(SecretStore::SecretKeyField),
                                       QLatin1String(SecretStore::SecurityTokenField),
                                       QLatin1String(SecretStore::IamTokenField)};
    return fields;
}

} // namespace

struct ProfileManager::SaveState
{
    struct Entry
    {
        QString field;
        QString key;
        QString value;
        bool keep = false; // empty on an existing profile: must already be stored
        bool hadOld = false;
        QString oldValue; // for rollback only
        bool written = false;
    };
    Profile profile;
    QList<Entry> entries;
    QStringList staleKeys;
    QString failure;
    QStringList rollbackProblems;
    Done done;
};

struct ProfileManager::RemoveState
{
    QString name;
    QStringList keys;
    Done done;
};

struct ProfileManager::LoadState
{
    Profile profile;
    QStringList fields;
    Credentials credentials;
    CredentialsDone done;
};

ProfileManager::ProfileManager(ProfileStore* profiles, SecretStore* secrets, QObject* parent)
    : QObject(parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
{}

ProfileManager::~ProfileManager() = default;

QStringList ProfileManager::secretFieldsFor(Profile::AuthMethod method)
{
    switch (method) {
    case Profile::AuthMethod::AkSk:
        break;
    case Profile::AuthMethod::TemporaryAkSk:
        return {QLatin1String(SecretStore::SecretKeyField), QLatin1String(SecretStore::SecurityTokenField)};
    case Profile::AuthMethod::IamToken:
        return {QLatin1String(SecretStore::IamTokenField)};
    }
    return {QLatin1String(SecretStore::SecretKeyField)};
}

QString ProfileManager::fieldLabel(const QString& field)
{
    if (field == QLatin1String(SecretStore::SecretKeyField))
        return tr("secret key (SK)");
    if (field == QLatin1String(SecretStore::SecurityTokenField))
        return tr("security token");
    return tr("IAM token");
}

void ProfileManager::then(SecretJob* job, std::function<void(const SecretResult&)> next)
{
    // `this` as context: nothing runs once the manager is gone.
    connect(job, &SecretJob::finished, this, [next = std::move(next)](const SecretResult& r) { next(r); });
}

void ProfileManager::later(std::function<void()> call)
{
    QMetaObject::invokeMethod(this, std::move(call), Qt::QueuedConnection);
}

QString ProfileManager::keychainGone() const
{
    return tr("The keychain connection was closed before the operation finished; try again.");
}

// ---- save -------------------------------------------------------------------------------------------------

void ProfileManager::saveProfile(const Profile& profile, const ProfileSecrets& secrets, Done done)
{
    QString error;
    if (!ProfileStore::validate(profile, &error)) {
        later([done, error] { done(false, error); });
        return;
    }
    auto st = std::make_shared<SaveState>();
    st->profile = profile;
    st->done = std::move(done);

    const bool existed = m_profiles->contains(profile.name);
    const QStringList fields = secretFieldsFor(profile.auth);
    QStringList missing;
    for (const QString& field : fields) {
        SaveState::Entry e;
        e.field = field;
        e.key = SecretStore::profileSecretKey(profile.name, field);
        e.value = secretFrom(secrets, field);
        e.keep = e.value.isEmpty();
        if (e.keep && !existed)
            missing.append(fieldLabel(field));
        st->entries.append(e);
    }
    if (!missing.isEmpty()) {
        const QString message =
            tr("Profile \"%1\" needs a %2.").arg(profile.name, missing.join(tr(" and a ")));
        later([st, message] { st->done(false, message); });
        return;
    }
    if (existed && m_profiles->profile(profile.name).auth != profile.auth) {
        for (const QString& field : allFields()) {
            if (!fields.contains(field))
                st->staleKeys.append(SecretStore::profileSecretKey(profile.name, field));
        }
    }
    saveReadNext(st, 0);
}

// Reads what is stored under each key first: a kept secret must exist, and a replaced one is put back if a
// later step fails.
void ProfileManager::saveReadNext(const std::shared_ptr<SaveState>& st, int index)
{
    if (index >= st->entries.size()) {
        saveWriteNext(st, 0);
        return;
    }
    if (!m_secrets) {
        later([st, message = keychainGone()] { st->done(false, message); });
        return;
    }
    then(m_secrets->read(st->entries.at(index).key), [this, st, index](const SecretResult& r) {
        SaveState::Entry& e = st->entries[index];
        if (r.ok()) {
            e.hadOld = true;
            e.oldValue = r.secret;
        } else if (r.status == SecretResult::Status::NotFound && e.keep) {
            st->done(false, tr("Profile \"%1\" has no stored %2 in %3: enter it.")
                                .arg(st->profile.name, fieldLabel(e.field), SecretJob::keychainName()));
            return;
        } else if (r.status != SecretResult::Status::NotFound) {
            st->done(false, tr("Profile \"%1\" was not saved. %2").arg(st->profile.name, r.message));
            return;
        }
        saveReadNext(st, index + 1);
    });
}

void ProfileManager::saveWriteNext(const std::shared_ptr<SaveState>& st, int index)
{
    while (index < st->entries.size() && st->entries.at(index).keep)
        ++index;
    if (index >= st->entries.size()) {
        saveCommit(st);
        return;
    }
    if (!m_secrets) {
        st->failure = keychainGone();
        saveRollback(st, index - 1);
        return;
    }
    const SaveState::Entry& e = st->entries.at(index);
    then(m_secrets->writeVerified(e.key, e.value), [this, st, index](const SecretResult& r) {
        SaveState::Entry& entry = st->entries[index];
        if (r.ok() || r.status == SecretResult::Status::VerifyFailed)
            entry.written = true; // a failed read-back may still have replaced the old value
        if (!r.ok()) {
            st->failure = tr("Profile \"%1\" was not saved. %2").arg(st->profile.name, r.message);
            saveRollback(st, index);
            return;
        }
        saveWriteNext(st, index + 1);
    });
}

void ProfileManager::saveCommit(const std::shared_ptr<SaveState>& st)
{
    QString error;
    if (!m_profiles->save(st->profile, &error)) {
        st->failure = tr("Profile \"%1\" was not saved. %2").arg(st->profile.name, error);
        saveRollback(st, int(st->entries.size()) - 1);
        return;
    }
    saveRemoveStale(st, 0);
}

void ProfileManager::saveRemoveStale(const std::shared_ptr<SaveState>& st, int index)
{
    if (index >= st->staleKeys.size() || !m_secrets) {
        for (SaveState::Entry& e : st->entries) {
            e.value.clear();
            e.oldValue.clear();
        }
        qCDebug(lcSecrets) << "profile saved:" << st->profile.name;
        st->done(true, tr("Profile \"%1\" saved; its secrets are in %2.")
                           .arg(st->profile.name, SecretJob::keychainName()));
        return;
    }
    // Best effort: the profile is saved either way, and a leftover entry is only ever overwritten.
    then(m_secrets->remove(st->staleKeys.at(index)),
         [this, st, index](const SecretResult&) { saveRemoveStale(st, index + 1); });
}

// Walks back from `index`, restoring or removing each entry this call wrote.
void ProfileManager::saveRollback(const std::shared_ptr<SaveState>& st, int index)
{
    while (index >= 0 && !st->entries.at(index).written)
        --index;
    if (index < 0 || !m_secrets) {
        QString message = st->failure;
        if (index >= 0)
            st->rollbackProblems.append(keychainGone());
        if (!st->rollbackProblems.isEmpty())
            message += QLatin1Char(' ') + st->rollbackProblems.join(QLatin1Char(' '));
        st->done(false, message);
        return;
    }
    const SaveState::Entry& e = st->entries.at(index);
    SecretJob* job = e.hadOld ? m_secrets->writeVerified(e.key, e.oldValue) : m_secrets->remove(e.key);
    then(job, [this, st, index](const SecretResult& r) {
        const SaveState::Entry& entry = st->entries.at(index);
        if (!r.ok() && r.status != SecretResult::Status::NotFound) {
            st->rollbackProblems.append(tr("The new %1 could not be taken back out of the keychain: %2")
                                            .arg(fieldLabel(entry.field), r.message));
        }
        saveRollback(st, index - 1);
    });
}

// ---- remove -----------------------------------------------------------------------------------------------

void ProfileManager::removeProfile(const QString& name, Done done)
{
    if (!m_profiles->contains(name)) {
        const QString message = tr("There is no profile named \"%1\".").arg(name);
        later([done, message] { done(false, message); });
        return;
    }
    auto st = std::make_shared<RemoveState>();
    st->name = name;
    st->done = std::move(done);
    for (const QString& field : allFields())
        st->keys.append(SecretStore::profileSecretKey(name, field));
    removeNext(st, 0);
}

void ProfileManager::removeNext(const std::shared_ptr<RemoveState>& st, int index)
{
    if (index >= st->keys.size()) {
        if (!m_profiles->remove(st->name)) {
            st->done(false,
                     tr("The keychain entries of profile \"%1\" were removed, but the settings file %2 "
                        "could not be updated.")
                         .arg(st->name, m_profiles->fileName()));
            return;
        }
        qCDebug(lcSecrets) << "profile removed:" << st->name;
        st->done(true, tr("Profile \"%1\" and its keychain entries were removed.").arg(st->name));
        return;
    }
    if (!m_secrets) {
        later([st, message = keychainGone()] { st->done(false, message); });
        return;
    }
    then(m_secrets->remove(st->keys.at(index)), [this, st, index](const SecretResult& r) {
        if (!r.ok() && r.status != SecretResult::Status::NotFound) {
            st->done(false, tr("Profile \"%1\" was kept because its secrets could not be removed. %2")
                                .arg(st->name, r.message));
            return;
        }
        removeNext(st, index + 1);
    });
}

// ---- load -------------------------------------------------------------------------------------------------

void ProfileManager::loadCredentials(const QString& name, CredentialsDone done)
{
    if (!m_profiles->contains(name)) {
        const QString message = tr("There is no profile named \"%1\".").arg(name);
        later([done, message] { done(false, Credentials(), message); });
        return;
    }
    auto st = std::make_shared<LoadState>();
    st->profile = m_profiles->profile(name);
    st->fields = secretFieldsFor(st->profile.auth);
    st->credentials.kind = st->profile.credentialsKind();
    if (st->profile.usesAccessKey())
        st->credentials.accessKey = st->profile.accessKey;
    st->done = std::move(done);
    loadNext(st, 0);
}

void ProfileManager::loadNext(const std::shared_ptr<LoadState>& st, int index)
{
    if (index >= st->fields.size()) {
        if (!st->credentials.isComplete()) {
            st->done(false, Credentials(),
                     tr("Profile \"%1\" is incomplete: edit it and enter its access key and secrets again.")
                         .arg(st->profile.name));
            return;
        }
        const Credentials c = st->credentials;
        st->credentials = Credentials();
        st->done(true, c, QString());
        return;
    }
    if (!m_secrets) {
        later([st, message = keychainGone()] { st->done(false, Credentials(), message); });
        return;
    }
    const QString field = st->fields.at(index);
    then(m_secrets->read(SecretStore::profileSecretKey(st->profile.name, field)), [this, st, index, field](
                                                                                      const SecretResult& r) {
        if (r.status == SecretResult::Status::NotFound) {
            st->done(false, Credentials(),
                     tr("Profile \"%1\" has no %2 in %3: edit the profile and enter it again.")
                         .arg(st->profile.name, fieldLabel(field), SecretJob::keychainName()));
            return;
        }
        if (!r.ok()) {
            st->done(
                false, Credentials(),
                tr("The secrets of profile \"%1\" could not be read. %2").arg(st->profile.name, r.message));
            return;
        }
        if (field == QLatin1String(SecretStore::SecretKeyField))
            st->credentials.secretKey = r.secret;
        else if (field == QLatin1String(SecretStore::SecurityTokenField))
            st->credentials.securityToken = r.secret;
        else
            st->credentials.iamToken = r.secret;
        loadNext(st, index + 1);
    });
}

// ---- sync -------------------------------------------------------------------------------------------------

bool ProfileManager::runSync(const std::function<void(Done)>& start, QString* message)
{
    QEventLoop loop;
    bool done = false;
    bool ok = false;
    QString text = keychainGone();
    connect(this, &QObject::destroyed, &loop, &QEventLoop::quit);
    start([&](bool success, const QString& m) {
        ok = success;
        text = m;
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (message)
        *message = text;
    return ok;
}

bool ProfileManager::saveProfileSync(const Profile& profile, const ProfileSecrets& secrets, QString* message)
{
    return runSync([&](Done done) { saveProfile(profile, secrets, std::move(done)); }, message);
}

bool ProfileManager::removeProfileSync(const QString& name, QString* message)
{
    return runSync([&](Done done) { removeProfile(name, std::move(done)); }, message);
}

ProfileManager::ImportOutcome ProfileManager::importProfilesSync(QList<ImportedProfile> items,
                                                                 bool replaceExisting)
{
    ImportOutcome outcome;
    const bool ok = runSync(
        [&](Done done) {
            importProfiles(std::move(items), replaceExisting, [&outcome, done](const ImportOutcome& o) {
                outcome = o;
                done(o.ok, o.message);
            });
        },
        &outcome.message);
    outcome.ok = ok;
    return outcome;
}

} // namespace das
