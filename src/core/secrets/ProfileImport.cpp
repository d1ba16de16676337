// ProfileManager::importProfiles: the all-or-nothing import transaction (see ProfileManager.h for the rules).

#include "ProfileManager.h"

#include "ProfileStore.h"
#include "SecretsLog.h"

#include <QSet>

namespace das {

struct ProfileManager::ImportState
{
    QList<ImportedProfile> items;
    QList<bool> replaces;           // the name existed before the import
    QList<ImportedProfile> backups; // index-aligned with items; filled where replaces
    int saved = 0;                  // items [0, saved) are saved
    QString failure;
    QStringList rollbackProblems;
    ImportDone done;

    void clearSecrets()
    {
        for (ImportedProfile& item : items)
            item.secrets = ProfileSecrets();
        for (ImportedProfile& backup : backups)
            backup.secrets = ProfileSecrets();
    }
};

void ProfileManager::importProfiles(QList<ImportedProfile> items, bool replaceExisting, ImportDone done)
{
    const QString refusal = importProblem(items, replaceExisting);
    if (!refusal.isEmpty()) {
        qCDebug(lcSecrets) << "import refused before any change";
        later([done = std::move(done), refusal] { done(ImportOutcome{false, refusal, {}, false}); });
        return;
    }
    auto st = std::make_shared<ImportState>();
    st->done = std::move(done);
    for (const ImportedProfile& item : std::as_const(items)) {
        const bool exists = m_profiles->contains(item.profile.name);
        st->replaces.append(exists);
        ImportedProfile backup;
        if (exists)
            backup.profile = m_profiles->profile(item.profile.name);
        st->backups.append(backup);
    }
    st->items = std::move(items);
    importBackupNext(st, 0);
}

// Everything that can be checked without the keychain, so that a refusal changes nothing.
QString ProfileManager::importProblem(const QList<ImportedProfile>& items, bool replaceExisting) const
{
    if (items.isEmpty())
        return tr("Nothing was imported: there was nothing to import.");
    QSet<QString> seen;
    for (const ImportedProfile& item : items) {
        const QString& name = item.profile.name;
        QString error;
        if (!ProfileStore::validate(item.profile, &error))
            return tr("Nothing was imported. Profile \"%1\": %2").arg(name, error);
        if (seen.contains(name))
            return tr("Nothing was imported: profile \"%1\" appears twice.").arg(name);
        seen.insert(name);
        if (!replaceExisting && m_profiles->contains(name))
            return tr("Nothing was imported: profile \"%1\" already exists.").arg(name);
    }
    return QString();
}

// Reads the secrets of every profile about to be replaced; one that cannot be read stops the import here,
// before anything was written.
void ProfileManager::importBackupNext(const std::shared_ptr<ImportState>& st, int index)
{
    while (index < st->items.size() && !st->replaces.at(index))
        ++index;
    if (index >= st->items.size()) {
        importSaveNext(st, 0);
        return;
    }
    const QString name = st->items.at(index).profile.name;
    loadCredentials(name, [this, st, index, name](bool ok, const Credentials& c, const QString& message) {
        if (!ok) {
            qCDebug(lcSecrets) << "import refused: the secrets of" << name << "cannot be read";
            importEnd(st, false,
                      tr("The existing profile \"%1\" cannot be backed up before it is replaced, so it could "
                         "not be put back if the import failed: %2 Remove that profile or fix the keychain "
                         "first. Nothing was imported.")
                          .arg(name, message));
            return;
        }
        st->backups[index].secrets = ProfileSecrets{c.secretKey, c.securityToken, c.iamToken};
        importBackupNext(st, index + 1);
    });
}

void ProfileManager::importSaveNext(const std::shared_ptr<ImportState>& st, int index)
{
    if (index >= st->items.size()) {
        for (const ImportedProfile& item : std::as_const(st->items))
            qCDebug(lcSecrets) << "profile imported:" << item.profile.name;
        importEnd(st, true, QString());
        return;
    }
    const ImportedProfile& item = st->items.at(index);
    saveProfile(item.profile, item.secrets, [this, st, index](bool ok, const QString& message) {
        st->items[index].secrets = ProfileSecrets();
        if (ok) {
            st->saved = index + 1;
            importSaveNext(st, index + 1);
            return;
        }
        st->failure = message;
        importRollback(st, index - 1);
    });
}

// Walks back from `index`: a replaced profile is saved again from its backup, a new one is removed.
void ProfileManager::importRollback(const std::shared_ptr<ImportState>& st, int index)
{
    if (index < 0) {
        QString message = tr("Nothing was imported. %1").arg(st->failure);
        if (st->saved > 0) {
            QStringList names;
            for (int i = 0; i < st->saved; ++i)
                names.append(st->items.at(i).profile.name);
            message +=
                QLatin1Char(' ') + tr("The profiles this import had already saved (%1) were taken back.")
                                       .arg(ProfileStore::quotedNames(names));
        }
        if (!st->rollbackProblems.isEmpty())
            message += QLatin1Char(' ') + st->rollbackProblems.join(QLatin1Char(' '));
        qCDebug(lcSecrets) << "import failed and was taken back;" << st->rollbackProblems.size()
                           << "profiles could not be put back";
        importEnd(st, false, message);
        return;
    }
    const QString name = st->items.at(index).profile.name;
    auto next = [this, st, index, name](bool ok, const QString& message) {
        st->backups[index].secrets = ProfileSecrets();
        if (!ok)
            st->rollbackProblems.append(tr("Profile \"%1\" could not be taken back: %2").arg(name, message));
        importRollback(st, index - 1);
    };
    if (st->replaces.at(index))
        saveProfile(st->backups.at(index).profile, st->backups.at(index).secrets, next);
    else
        removeProfile(name, next);
}

void ProfileManager::importEnd(const std::shared_ptr<ImportState>& st, bool ok, const QString& message)
{
    st->clearSecrets();
    ImportOutcome outcome;
    outcome.ok = ok;
    outcome.message = message;
    outcome.changed = st->saved > 0;
    if (ok) {
        for (const ImportedProfile& item : std::as_const(st->items))
            outcome.imported.append(item.profile.name);
    }
    const ImportDone done = std::move(st->done);
    st->done = nullptr;
    if (done)
        done(outcome);
}

} // namespace das
