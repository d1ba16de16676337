#include "ProfileManagerDialog.h"

#include "CredentialImporter.h"
#include "CredentialResolver.h"
#include "Credentials.h"
#include "EndpointResolver.h"
#include "ProfileEditDialog.h"
#include "ProfileKeyTest.h"
#include "ProfileManager.h"
#include "ProfileStore.h"
#include "SecretLimits.h"
#include "ui_ProfileManagerDialog.h"

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

ProfileManagerDialog::ProfileManagerDialog(ProfileManager* manager, DasClient* client, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ProfileManagerDialog>())
    , m_manager(manager)
    , m_keyTest(new ProfileKeyTest({client, manager}, this))
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
    connect(m_keyTest, &ProfileKeyTest::finished, this, [this](const ProfileKeyTest::Outcome& outcome) {
        setBusy(false);
        finish(outcome.ok, ProfileKeyTest::describe(outcome));
    });
    connect(m_keyTest, &ReadWorkflow::sending, this, [this](const QString& host) {
        setStatus(tr("Keychain: secrets readable. Checking the credentials with %1…").arg(host), false);
    });

    reloadList();
    resize(640, 420);
}

ProfileManagerDialog::~ProfileManagerDialog() = default;

// The actions come from the .ui (so retranslateUi names them); the menu only groups them on the button.
void ProfileManagerDialog::buildImportMenu()
{
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("importMenu"));
    menu->addActions({m_ui->importEnvironmentAction, m_ui->importSdkFileAction, m_ui->importKooCliAction});
    m_ui->importButton->setMenu(menu);
    connect(m_ui->importEnvironmentAction, &QAction::triggered, this,
            &ProfileManagerDialog::chooseEnvironmentImport);
    connect(m_ui->importSdkFileAction, &QAction::triggered, this, &ProfileManagerDialog::chooseSdkFileImport);
    connect(m_ui->importKooCliAction, &QAction::triggered, this, &ProfileManagerDialog::chooseKooCliImport);
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
        items.append(ProfileEditDialog::regionLabel(region.id));
        ids.append(region.id);
    }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(
        this, tr("Region for imported profiles"),
        tr("%1 name no region. Region to use (you can change it later by editing the profile):")
            .arg(ProfileStore::quotedNames(profileNames)),
        items, current, false, &ok);
    const int index = int(items.indexOf(chosen));
    return ok && index >= 0 ? ids.at(index) : QString();
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
    const QString target = p.endpoint.isEmpty() ? ProfileEditDialog::regionLabel(p.region)
                                                : tr("custom endpoint %1").arg(p.endpoint);
    QStringList lines;
    lines.append(tr("Profile: %1").arg(p.name));
    lines.append(tr("Authentication: %1").arg(ProfileEditDialog::authLabel(p.auth)));
    if (p.usesAccessKey())
        lines.append(tr("Access key (AK): %1").arg(Credentials::maskAccessKey(p.accessKey)));
    lines.append(tr("Target: %1").arg(target));
    lines.append(tr("Default project: %1").arg(p.projectId.isEmpty() ? tr("none") : p.projectId));
    lines.append(tr("Secrets: OS keychain (service %1)").arg(QLatin1String(SecretLimits::ServiceName)));
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
    dialog->setManager(m_manager);
    m_editDialog = dialog;
    connect(dialog, &ProfileEditDialog::saveStarted, this, [this] { setBusy(true); });
    connect(dialog, &ProfileEditDialog::saveFinished, this,
            [this](bool ok, const QString& message, const QString& profileName) {
                setBusy(false);
                if (ok) {
                    reloadList(profileName);
                    emit profilesChanged();
                }
                finish(ok, message);
            });
    connect(dialog, &QDialog::rejected, dialog, &QObject::deleteLater);
    dialog->open();
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

// One signed read with the profile's keys (ProfileKeyTest); never sends a create.
void ProfileManagerDialog::testSelected()
{
    const QString name = selectedProfile();
    if (m_busy || !m_manager || name.isEmpty())
        return;
    CredentialResolver::Inputs inputs;
    inputs.profile = name;
    const CredentialChoice choice = CredentialResolver(m_manager->profileStore()).resolve(inputs);
    setBusy(true);
    if (!m_keyTest->start(m_manager->profileStore()->profile(name), choice))
        setBusy(false);
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
        importFrom(CredentialImporter::Source::Environment, QProcessEnvironment::systemEnvironment(),
                   QString(), name.trimmed());
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
        importFrom(CredentialImporter::Source::SdkFile, QProcessEnvironment(), path, name.trimmed());
}

void ProfileManagerDialog::chooseKooCliImport()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("KooCLI configuration"),
        CredentialImporter::defaultKooCliConfigPath(QProcessEnvironment::systemEnvironment()),
        tr("KooCLI configuration (*.json);;All files (*)"));
    if (!path.isEmpty())
        importFrom(CredentialImporter::Source::KooCli, QProcessEnvironment(), path, QString());
}

void ProfileManagerDialog::importFrom(CredentialImporter::Source source, const QProcessEnvironment& env,
                                      const QString& path, const QString& name)
{
    QList<ImportedProfile> items;
    QString error;
    if (!CredentialImporter::read(source, env, path, name, &items, &error)) {
        finish(false, tr("Nothing was imported. %1").arg(error));
        return;
    }
    runImport(std::move(items), source == CredentialImporter::Source::Environment
                                    ? tr("the environment variables")
                                    : QDir::toNativeSeparators(path));
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
    if (!fillMissingRegion(&items) || !guard)
        return;
    // Everything is checked before the first question and the first keychain write.
    const QString problem = m_manager->importProblem(items, true);
    if (!problem.isEmpty()) {
        finish(false, problem);
        return;
    }
    if (!confirmReplacements(items, source) || !guard)
        return;
    if (!m_manager) {
        finish(false, tr("Nothing was imported: the profile manager is not available."));
        return;
    }
    setBusy(true);
    // The transaction runs in the manager, so closing the dialog never leaves half an import behind.
    QPointer<ProfileManagerDialog> self(this);
    m_manager->importProfiles(std::move(items), true,
                              [self, source](const ProfileManager::ImportOutcome& outcome) {
                                  if (self)
                                      self->importFinished(outcome, source);
                              });
}

// The SDK file and the variables name no region: ask once for all of them. False when cancelled.
bool ProfileManagerDialog::fillMissingRegion(QList<ImportedProfile>* items)
{
    const QStringList withoutTarget = CredentialImporter::withoutTarget(*items);
    if (withoutTarget.isEmpty())
        return true;
    QPointer<ProfileManagerDialog> guard(this);
    const QString region = chooseRegion(withoutTarget);
    if (!guard)
        return false;
    if (region.isEmpty()) {
        finish(false, tr("Import cancelled; nothing was imported."));
        return false;
    }
    CredentialImporter::setMissingRegion(items, region);
    return true;
}

// Asks before each replacement; one "no" cancels the whole import.
bool ProfileManagerDialog::confirmReplacements(const QList<ImportedProfile>& items, const QString& source)
{
    QPointer<ProfileManagerDialog> guard(this);
    for (const ImportedProfile& item : items) {
        if (!m_manager || !m_manager->profileStore()->contains(item.profile.name))
            continue;
        const bool yes = confirm(tr("A profile named \"%1\" already exists. Replace it with the one from %2?")
                                     .arg(item.profile.name, source));
        if (!guard)
            return false;
        if (!yes) {
            finish(false, tr("Import cancelled: profile \"%1\" was kept and nothing was imported.")
                              .arg(item.profile.name));
            return false;
        }
    }
    return true;
}

void ProfileManagerDialog::importFinished(const ProfileManager::ImportOutcome& outcome, const QString& source)
{
    setBusy(false);
    reloadList();
    if (outcome.changed)
        emit profilesChanged();
    if (!outcome.ok) {
        finish(false, outcome.message);
        return;
    }
    finish(true,
           tr("Imported %1 from %2; the secrets were copied into the OS keychain and the source was left "
              "unchanged.")
               .arg(ProfileStore::quotedNames(outcome.imported), source));
}

void ProfileManagerDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        updateDetails();
    }
    QDialog::changeEvent(event);
}

} // namespace das
