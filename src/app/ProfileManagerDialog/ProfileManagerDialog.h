#pragma once

#include "CredentialImporter.h"
#include "Profile.h"
#include "ProfileEditDialog.h"
#include "ProfileManager.h"

#include <QDialog>
#include <QPointer>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace Ui {
class ProfileManagerDialog;
}

namespace das {

class DasClient;
class ProfileKeyTest;

// Lists the profiles and adds, edits, deletes, tests and imports them. Every keychain operation runs
// asynchronously through ProfileManager while the dialog shows a busy state; nothing here blocks on the
// keychain, and a job that ends after the dialog is gone touches nothing.
class ProfileManagerDialog : public QDialog
{
    Q_OBJECT

public:
    // Yes/no question (delete, replace on import). Default: QMessageBox::question.
    using Confirmation = std::function<bool(const QString& question)>;
    // The region for imported profiles that name none (the SDK file and variables never do); empty cancels
    // the import. Default: a QInputDialog listing the regions.
    using RegionChooser = std::function<QString(const QStringList& profileNames)>;

    // *Test* makes one signed read through `client` (ProfileKeyTest), with the same TLS trust as a create.
    ProfileManagerDialog(ProfileManager* manager, DasClient* client, QWidget* parent = nullptr);
    ~ProfileManagerDialog() override;

    void setConfirmation(Confirmation confirm);
    void setRegionChooser(RegionChooser choose);

    // Reads `source` (CredentialImporter::read: `env`, or the file at `path`; `name` for the environment and
    // SDK file), asks for a region where none is named and before replacing a profile, then imports through
    // ProfileManager::importProfiles: all or nothing, and the source is only ever read.
    void importFrom(CredentialImporter::Source source, const QProcessEnvironment& env, const QString& path,
                    const QString& name);

    QString selectedProfile() const;
    void selectProfile(const QString& name);
    bool isBusy() const { return m_busy; }
    // The add/edit dialog while one is open or being saved (tests drive it).
    ProfileEditDialog* editDialog() const { return m_editDialog; }

signals:
    void profilesChanged();
    // The outcome of every add, edit, delete, test and import, as shown in the status line.
    void operationFinished(bool ok, const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildImportMenu();
    void reloadList(const QString& select = QString());
    void updateDetails();
    void updateButtons();
    void setBusy(bool busy);
    void setStatus(const QString& text, bool error);
    void finish(bool ok, const QString& message);
    bool confirm(const QString& question);
    QString chooseRegion(const QStringList& profileNames);

    void openEditDialog(bool editExisting);
    void deleteSelected();
    void testSelected();

    void chooseEnvironmentImport();
    void chooseSdkFileImport();
    void chooseKooCliImport();
    void runImport(QList<ImportedProfile> items, const QString& source);
    bool fillMissingRegion(QList<ImportedProfile>* items);
    bool confirmReplacements(const QList<ImportedProfile>& items, const QString& source);
    void importFinished(const ProfileManager::ImportOutcome& outcome, const QString& source);

    std::unique_ptr<Ui::ProfileManagerDialog> m_ui;
    QPointer<ProfileManager> m_manager;
    QPointer<ProfileEditDialog> m_editDialog;
    ProfileKeyTest* m_keyTest = nullptr;
    Confirmation m_confirm;
    RegionChooser m_chooseRegion;
    bool m_busy = false;
};

} // namespace das
