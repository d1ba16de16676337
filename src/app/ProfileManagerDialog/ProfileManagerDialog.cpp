#include "ProfileManagerDialog.h"

#include "EndpointProbe.h"
#include "EndpointResolver.h"
#include "ProfileEditDialog.h"
#include "ProfileManager.h"
#include "ProfileStore.h"
#include "SecretStore.h"
#include "ui_ProfileManagerDialog.h"

#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QInputDialog>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>

namespace das {

namespace {

QString quotedList(const QStringList& names)
{
    QStringList quoted;
    for (const QString& n : names)
        quoted.append(QLatin1Char('"') + n + QLatin1Char('"'));
    return quoted.join(QStringLiteral(", "));
}

// Saves imported profiles one after the other and, if one fails, takes back the ones already saved: new ones
// are removed, replaced ones are restored from a snapshot read before anything was written. Runs on its own
// (kept alive by the ProfileManager callbacks), so closing the dialog never leaves half an import behind.
class ImportChain : public std::enable_shared_from_this<ImportChain>
{
    Q_DECLARE_TR_FUNCTIONS(das::ProfileManagerDialog)

public:
    using Done = std::function<void(bool ok, const QString& message, bool changed)>;

    ImportChain(ProfileManager* manager, QList<ImportedProfile> items, QList<bool> replaces, Done done)
        : m_manager(manager)
        , m_items(std::move(items))
        , m_replaces(std::move(replaces))
        , m_done(std::move(done))
    {
        for (qsizetype i = 0; i < m_items.size(); ++i) {
            m_haveOld.append(false);
            m_oldProfiles.append(Profile());
            m_oldSecrets.append(ProfileSecrets());
        }
    }

    void start() { snapshotNext(0); }

private:
    QString gone() const { return tr("The profile manager was closed before the import finished."); }

    void snapshotNext(int index)
    {
        while (index < m_items.size() && !m_replaces.at(index))
            ++index;
        if (index >= m_items.size()) {
            saveNext(0);
            return;
        }
        if (!m_manager) {
            end(false, gone());
            return;
        }
        const QString name = m_items.at(index).profile.name;
        m_oldProfiles[index] = m_manager->profileStore()->profile(name);
        auto self = shared_from_this();
        m_manager->loadCredentials(name, [self, index](bool ok, const Credentials& c, const QString&) {
            // An unreadable old profile cannot be restored; if the import fails it is removed (and said so).
            if (ok) {
                self->m_haveOld[index] = true;
                self->m_oldSecrets[index] = ProfileSecrets{c.secretKey, c.securityToken, c.iamToken};
            }
            self->snapshotNext(index + 1);
        });
    }

    void saveNext(int index)
    {
        if (index >= m_items.size()) {
            QStringList names;
            for (const ImportedProfile& item : std::as_const(m_items))
                names.append(item.profile.name);
            end(true, quotedList(names));
            return;
        }
        if (!m_manager) {
            end(false, gone());
            return;
        }
        auto self = shared_from_this();
        const ImportedProfile& item = m_items.at(index);
        m_manager->saveProfile(item.profile, item.secrets, [self, index](bool ok, const QString& message) {
            self->m_items[index].secrets = ProfileSecrets();
            if (ok) {
                self->m_saved = index + 1;
                self->saveNext(index + 1);
                return;
            }
            self->m_failure = message;
            self->rollbackNext(index - 1);
        });
    }

    void rollbackNext(int index)
    {
        if (index < 0) {
            QString message = tr("Nothing was imported. %1").arg(m_failure);
            if (m_saved > 0) {
                QStringList names;
                for (int i = 0; i < m_saved; ++i)
                    names.append(m_items.at(i).profile.name);
                message +=
                    QLatin1Char(' ') + tr("The profiles this import had already saved (%1) were taken back.")
                                           .arg(quotedList(names));
            }
            if (!m_rollbackProblems.isEmpty())
                message += QLatin1Char(' ') + m_rollbackProblems.join(QLatin1Char(' '));
            end(false, message);
            return;
        }
        const QString name = m_items.at(index).profile.name;
        if (!m_manager) {
            m_rollbackProblems.append(tr("Profile \"%1\" could not be taken back: %2").arg(name, gone()));
            rollbackNext(index - 1);
            return;
        }
        auto self = shared_from_this();
        auto next = [self, index, name](bool ok, const QString& message) {
            self->m_oldSecrets[index] = ProfileSecrets();
            if (!ok)
                self->m_rollbackProblems.append(
                    tr("Profile \"%1\" could not be taken back: %2").arg(name, message));
            self->rollbackNext(index - 1);
        };
        if (m_replaces.at(index) && m_haveOld.at(index)) {
            m_manager->saveProfile(m_oldProfiles.at(index), m_oldSecrets.at(index), next);
            return;
        }
        if (m_replaces.at(index)) {
            m_rollbackProblems.append(tr("Profile \"%1\" was removed: its previous secrets could not be "
                                         "read, so it could not be restored.")
                                          .arg(name));
        }
        m_manager->removeProfile(name, next);
    }

    void end(bool ok, const QString& message)
    {
        for (ImportedProfile& item : m_items)
            item.secrets = ProfileSecrets();
        for (ProfileSecrets& s : m_oldSecrets)
            s = ProfileSecrets();
        if (m_done) {
            const Done done = std::move(m_done);
            m_done = nullptr;
            done(ok, message, m_saved > 0);
        }
    }

    QPointer<ProfileManager> m_manager;
    QList<ImportedProfile> m_items;
    QList<bool> m_replaces;
    QList<bool> m_haveOld;
    QList<Profile> m_oldProfiles;
    QList<ProfileSecrets> m_oldSecrets;
    QString m_failure;
    QStringList m_rollbackProblems;
    int m_saved = 0;
    Done m_done;
};

} // namespace

ProfileManagerDialog::ProfileManagerDialog(ProfileManager* manager, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ProfileManagerDialog>())
    , m_manager(manager)
    , m_probe(new EndpointProbe(this))
{
    m_ui->setupUi(this);
    setStyleSheet(QStringLiteral("QLabel[role=\"error\"] { color: #b3261e; }"));
    buildImportMenu();

    connect(m_ui->profileList, &QListWidget::currentItemChanged, this, [this] {
        updateDetails();
        updateButtons();
    });
    connect(m_ui->profileList, &QListWidget::itemActivated, this, [this] {
        if (!m_busy)
            openEditDialog(true);
    });
    connect(m_ui->addProfileButton, &QPushButton::clicked, this, [this] { openEditDialog(false); });
    connect(m_ui->editProfileButton, &QPushButton::clicked, this, [this] { openEditDialog(true); });
    connect(m_ui->deleteProfileButton, &QPushButton::clicked, this, &ProfileManagerDialog::deleteSelected);
    connect(m_ui->testProfileButton, &QPushButton::clicked, this, &ProfileManagerDialog::testSelected);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_probe, &EndpointProbe::finished, this,
            [this](bool reachable, int, qint64, const QString& message) {
                setBusy(false);
                finish(reachable, tr("Keychain: secrets readable.") + QLatin1Char(' ') + message);
            });

    reloadList();
    resize(640, 420);
}

ProfileManagerDialog::~ProfileManagerDialog() = default;

void ProfileManagerDialog::buildImportMenu()
{
    m_importMenu = new QMenu(this);
    m_importMenu->setObjectName(QStringLiteral("importMenu"));
    m_importEnvAction =
        m_importMenu->addAction(QString(), this, &ProfileManagerDialog::chooseEnvironmentImport);
    m_importEnvAction->setObjectName(QStringLiteral("importEnvironmentAction"));
    m_importSdkAction = m_importMenu->addAction(QString(), this, &ProfileManagerDialog::chooseSdkFileImport);
    m_importSdkAction->setObjectName(QStringLiteral("importSdkFileAction"));
    m_importKooCliAction =
        m_importMenu->addAction(QString(), this, &ProfileManagerDialog::chooseKooCliImport);
    m_importKooCliAction->setObjectName(QStringLiteral("importKooCliAction"));
    m_ui->importButton->setMenu(m_importMenu);
    m_importEnvAction->setText(tr("From &environment variables"));
    m_importSdkAction->setText(tr("From &SDK credentials file…"));
    m_importKooCliAction->setText(tr("From &KooCLI configuration…"));
}

void ProfileManagerDialog::setConfirmation(Confirmation confirm)
{
    m_confirm = std::move(confirm);
}

void ProfileManagerDialog::setRegionChooser(RegionChooser choose)
{
    m_chooseRegion = std::move(choose);
}

bool ProfileManagerDialog::confirm(const QString& question)
{
    if (m_confirm)
        return m_confirm(question);
    return QMessageBox::question(this, tr("Profiles"), question, QMessageBox::Yes | QMessageBox::No,
                                 QMessageBox::No) == QMessageBox::Yes;
}

QString ProfileManagerDialog::chooseRegion(const QStringList& profileNames)
{
    if (m_chooseRegion)
        return m_chooseRegion(profileNames);
    QStringList items;
    QStringList ids;
    int current = 0;
    for (const auto& region : EndpointResolver::regions()) {
        if (region.id == QLatin1String("cn-north-4"))
            current = int(items.size());
        items.append(tr("%1 — %2").arg(region.id, region.name));
        ids.append(region.id);
    }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(
        this, tr("Region for imported profiles"),
        tr("%1 name no region. Region to use (you can change it later by editing the profile):")
            .arg(quotedList(profileNames)),
        items, current, false, &ok);
    const int index = int(items.indexOf(chosen));
    return ok && index >= 0 ? ids.at(index) : QString();
}

QString ProfileManagerDialog::maskAccessKey(const QString& accessKey)
{
    if (accessKey.isEmpty())
        return QString();
    if (accessKey.size() <= 8)
        return QStringLiteral("****");
    return accessKey.left(4) + QStringLiteral("****") + accessKey.right(4);
}

QString ProfileManagerDialog::selectedProfile() const
{
    const QListWidgetItem* item = m_ui->profileList->currentItem();
    return item ? item->text() : QString();
}

void ProfileManagerDialog::selectProfile(const QString& name)
{
    const QList<QListWidgetItem*> found = m_ui->profileList->findItems(name, Qt::MatchExactly);
    if (!found.isEmpty())
        m_ui->profileList->setCurrentItem(found.constFirst());
}

void ProfileManagerDialog::reloadList(const QString& select)
{
    const QString keep = select.isEmpty() ? selectedProfile() : select;
    {
        const QSignalBlocker blocker(m_ui->profileList);
        m_ui->profileList->clear();
        if (m_manager)
            m_ui->profileList->addItems(m_manager->profileStore()->names());
        const QList<QListWidgetItem*> found = m_ui->profileList->findItems(keep, Qt::MatchExactly);
        if (!found.isEmpty())
            m_ui->profileList->setCurrentItem(found.constFirst());
        else if (m_ui->profileList->count() > 0)
            m_ui->profileList->setCurrentRow(0);
    }
    updateDetails();
    updateButtons();
}

void ProfileManagerDialog::updateDetails()
{
    const QString name = selectedProfile();
    if (name.isEmpty() || !m_manager) {
        m_ui->detailsLabel->setText(m_ui->profileList->count() == 0
                                        ? tr("No profiles yet. Add one, or import the credentials another "
                                             "Huawei Cloud tool already has.")
                                        : tr("No profile selected."));
        return;
    }
    const Profile p = m_manager->profileStore()->profile(name);
    QString auth;
    switch (p.auth) {
    case Profile::AuthMethod::AkSk:
        auth = tr("Permanent AK/SK");
        break;
    case Profile::AuthMethod::TemporaryAkSk:
        auth = tr("Temporary AK/SK with security token");
        break;
    case Profile::AuthMethod::IamToken:
        auth = tr("IAM token");
        break;
    }
    QString target = tr("custom endpoint %1").arg(p.endpoint);
    if (p.endpoint.isEmpty()) {
        target = p.region;
        for (const auto& region : EndpointResolver::regions()) {
            if (region.id == p.region)
                target = tr("%1 — %2").arg(region.id, region.name);
        }
    }
    QStringList lines;
    lines.append(tr("Profile: %1").arg(p.name));
    lines.append(tr("Authentication: %1").arg(auth));
    if (p.usesAccessKey())
        lines.append(tr("Access key (AK): %1").arg(maskAccessKey(p.accessKey)));
    lines.append(tr("Target: %1").arg(target));
    lines.append(tr("Default project: %1").arg(p.projectId.isEmpty() ? tr("none") : p.projectId));
    lines.append(tr("Secrets: OS keychain (service %1)").arg(QLatin1String(SecretStore::ServiceName)));
    m_ui->detailsLabel->setText(lines.join(u'\n'));
}

void ProfileManagerDialog::updateButtons()
{
    const bool ready = !m_busy && m_manager;
    const bool selected = ready && !selectedProfile().isEmpty();
    m_ui->addProfileButton->setEnabled(ready);
    m_ui->importButton->setEnabled(ready);
    m_ui->editProfileButton->setEnabled(selected);
    m_ui->deleteProfileButton->setEnabled(selected);
    m_ui->testProfileButton->setEnabled(selected);
}

void ProfileManagerDialog::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
    if (busy) {
        setCursor(Qt::BusyCursor);
        setStatus(tr("Working with the OS keychain…"), false);
    } else {
        unsetCursor();
    }
}

void ProfileManagerDialog::setStatus(const QString& text, bool error)
{
    QLabel* label = m_ui->statusLabel;
    label->setText(text);
    const QString role = error ? QStringLiteral("error") : QString();
    if (label->property("role").toString() != role) {
        label->setProperty("role", role);
        label->style()->unpolish(label);
        label->style()->polish(label);
    }
}

void ProfileManagerDialog::finish(bool ok, const QString& message)
{
    setStatus(message, !ok);
    emit operationFinished(ok, message);
}

// ---- add / edit / delete / test ---------------------------------------------------------------------------

void ProfileManagerDialog::openEditDialog(bool editExisting)
{
    if (m_busy || !m_manager)
        return;
    if (m_editDialog) {
        m_editDialog->raise();
        m_editDialog->activateWindow();
        return;
    }
    const QString name = selectedProfile();
    if (editExisting && name.isEmpty())
        return;
    auto* dialog = new ProfileEditDialog(m_manager->profileStore(), this);
    dialog->setObjectName(QStringLiteral("profileEditDialog"));
    if (editExisting)
        dialog->setProfile(m_manager->profileStore()->profile(name));
    m_editDialog = dialog;
    connect(dialog, &QDialog::accepted, this, &ProfileManagerDialog::saveFromEditDialog);
    connect(dialog, &QDialog::rejected, dialog, &QObject::deleteLater);
    dialog->open();
}

void ProfileManagerDialog::saveFromEditDialog()
{
    ProfileEditDialog* dialog = m_editDialog;
    if (!dialog)
        return;
    if (!m_manager) {
        dialog->deleteLater();
        return;
    }
    const Profile profile = dialog->profile();
    ProfileSecrets secrets = dialog->secrets();
    // The editor keeps the typed secrets until the save has succeeded, so that a failure loses nothing.
    setBusy(true);
    QPointer<ProfileManagerDialog> self(this);
    QPointer<ProfileEditDialog> editor(dialog);
    m_manager->saveProfile(profile, secrets, [self, editor, profile](bool ok, const QString& message) {
        if (!self)
            return;
        self->setBusy(false);
        if (ok) {
            if (editor) {
                editor->clearSecrets();
                editor->deleteLater();
            }
            self->reloadList(profile.name);
            emit self->profilesChanged();
            self->finish(true, message);
            return;
        }
        self->finish(false, message);
        if (editor) {
            editor->setSaveError(message);
            editor->open();
        }
    });
    secrets = ProfileSecrets();
}

void ProfileManagerDialog::deleteSelected()
{
    const QString name = selectedProfile();
    if (m_busy || !m_manager || name.isEmpty())
        return;
    QPointer<ProfileManagerDialog> guard(this);
    const bool yes =
        confirm(tr("Delete profile \"%1\"? Its secrets are removed from the OS keychain as well.").arg(name));
    if (!guard || !yes || !m_manager)
        return;
    setBusy(true);
    QPointer<ProfileManagerDialog> self(this);
    m_manager->removeProfile(name, [self](bool ok, const QString& message) {
        if (!self)
            return;
        self->setBusy(false);
        self->reloadList();
        if (ok)
            emit self->profilesChanged();
        self->finish(ok, message);
    });
}

// Proves the keychain entries are readable and the endpoint answers; never sends a create.
void ProfileManagerDialog::testSelected()
{
    const QString name = selectedProfile();
    if (m_busy || !m_manager || name.isEmpty())
        return;
    const Profile profile = m_manager->profileStore()->profile(name);
    setBusy(true);
    QPointer<ProfileManagerDialog> self(this);
    m_manager->loadCredentials(name, [self, profile](bool ok, const Credentials&, const QString& message) {
        if (!self)
            return;
        if (!ok) {
            self->setBusy(false);
            self->finish(false, tr("Keychain: %1").arg(message));
            return;
        }
        const QString readable = tr("Keychain: secrets readable.");
        const EndpointResolver::Result target = profile.endpoint.isEmpty()
                                                    ? EndpointResolver::resolveRegion(profile.region)
                                                    : EndpointResolver::parseEndpoint(profile.endpoint);
        if (!target.ok()) {
            self->setBusy(false);
            self->finish(false, readable + QLatin1Char(' ') + target.error);
            return;
        }
        self->setStatus(tr("%1 Checking %2…").arg(readable, target.endpoint.toDisplayString()), false);
        self->m_probe->probe(target.endpoint);
    });
}

// ---- import -----------------------------------------------------------------------------------------------

void ProfileManagerDialog::chooseEnvironmentImport()
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Import from environment variables"),
                              tr("Profile &name for HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK:"),
                              QLineEdit::Normal, QStringLiteral("environment"), &ok);
    if (ok)
        importFromEnvironment(QProcessEnvironment::systemEnvironment(), name.trimmed());
}

void ProfileManagerDialog::chooseSdkFileImport()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("SDK credentials file"),
        CredentialImporter::defaultSdkCredentialsPath(QProcessEnvironment::systemEnvironment()), QString(),
        nullptr, QFileDialog::DontResolveSymlinks);
    if (path.isEmpty())
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Import from SDK credentials file"),
                                               tr("Profile &name for the [basic] credentials:"),
                                               QLineEdit::Normal, QStringLiteral("default"), &ok);
    if (ok)
        importFromSdkFile(path, name.trimmed());
}

void ProfileManagerDialog::chooseKooCliImport()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("KooCLI configuration"),
        CredentialImporter::defaultKooCliConfigPath(QProcessEnvironment::systemEnvironment()),
        tr("KooCLI configuration (*.json);;All files (*)"));
    if (!path.isEmpty())
        importFromKooCli(path);
}

void ProfileManagerDialog::importFromEnvironment(const QProcessEnvironment& env, const QString& name)
{
    ImportedProfile imported;
    QString error;
    if (!CredentialImporter::fromEnvironment(env, name, &imported, &error)) {
        finish(false, tr("Nothing was imported. %1").arg(error));
        return;
    }
    runImport({imported}, tr("the environment variables"));
}

void ProfileManagerDialog::importFromSdkFile(const QString& path, const QString& name)
{
    ImportedProfile imported;
    QString error;
    if (!CredentialImporter::fromSdkCredentialsFile(path, name, &imported, &error)) {
        finish(false, tr("Nothing was imported. %1").arg(error));
        return;
    }
    runImport({imported}, QDir::toNativeSeparators(path));
}

void ProfileManagerDialog::importFromKooCli(const QString& path)
{
    QList<ImportedProfile> imported;
    QString error;
    if (!CredentialImporter::fromKooCliConfig(path, &imported, &error)) {
        finish(false, tr("Nothing was imported. %1").arg(error));
        return;
    }
    runImport(imported, QDir::toNativeSeparators(path));
}

void ProfileManagerDialog::runImport(QList<ImportedProfile> items, const QString& source)
{
    if (!m_manager) {
        finish(false, tr("Nothing was imported: the profile manager is not available."));
        return;
    }
    if (m_busy) {
        finish(false, tr("Nothing was imported: wait for the current keychain operation to finish."));
        return;
    }
    QPointer<ProfileManagerDialog> guard(this);

    QStringList withoutTarget;
    for (const ImportedProfile& item : std::as_const(items)) {
        if (item.profile.region.isEmpty() && item.profile.endpoint.isEmpty())
            withoutTarget.append(item.profile.name);
    }
    if (!withoutTarget.isEmpty()) {
        const QString region = chooseRegion(withoutTarget);
        if (!guard)
            return;
        if (region.isEmpty()) {
            finish(false, tr("Import cancelled; nothing was imported."));
            return;
        }
        for (ImportedProfile& item : items) {
            if (item.profile.region.isEmpty() && item.profile.endpoint.isEmpty())
                item.profile.region = region;
        }
    }

    // Everything is checked before the first keychain write.
    for (const ImportedProfile& item : std::as_const(items)) {
        QString error;
        if (!ProfileStore::validate(item.profile, &error)) {
            finish(false, tr("Nothing was imported. Profile \"%1\": %2").arg(item.profile.name, error));
            return;
        }
    }
    QList<bool> replaces;
    for (const ImportedProfile& item : std::as_const(items)) {
        const bool exists = m_manager && m_manager->profileStore()->contains(item.profile.name);
        if (exists) {
            const bool yes =
                confirm(tr("A profile named \"%1\" already exists. Replace it with the one from %2?")
                            .arg(item.profile.name, source));
            if (!guard)
                return;
            if (!yes) {
                finish(false, tr("Import cancelled: profile \"%1\" was kept and nothing was imported.")
                                  .arg(item.profile.name));
                return;
            }
        }
        replaces.append(exists);
    }
    if (!m_manager) {
        finish(false, tr("Nothing was imported: the profile manager is not available."));
        return;
    }

    setBusy(true);
    QPointer<ProfileManagerDialog> self(this);
    const QString shownSource = source;
    auto chain = std::make_shared<ImportChain>(
        m_manager, std::move(items), std::move(replaces),
        [self, shownSource](bool ok, const QString& message, bool changed) {
            if (!self)
                return;
            self->setBusy(false);
            self->reloadList();
            if (changed)
                emit self->profilesChanged();
            if (ok) {
                self->finish(true, tr("Imported %1 from %2; the secrets were copied into the OS keychain and "
                                      "the source was left unchanged.")
                                       .arg(message, shownSource));
            } else {
                self->finish(false, message);
            }
        });
    chain->start();
}

void ProfileManagerDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        m_importEnvAction->setText(tr("From &environment variables"));
        m_importSdkAction->setText(tr("From &SDK credentials file…"));
        m_importKooCliAction->setText(tr("From &KooCLI configuration…"));
        updateDetails();
    }
    QDialog::changeEvent(event);
}

} // namespace das
