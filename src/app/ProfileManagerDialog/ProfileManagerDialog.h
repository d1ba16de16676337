#pragma once

#include "CredentialImporter.h"
#include "Profile.h"
#include "ProfileEditDialog.h"

#include <QDialog>
#include <QPointer>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QAction;
class QMenu;

namespace Ui {
class ProfileManagerDialog;
}

namespace das {

class EndpointProbe;
class ProfileManager;

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

    explicit ProfileManagerDialog(ProfileManager* manager, QWidget* parent = nullptr);
    ~ProfileManagerDialog() override;

    void setConfirmation(Confirmation confirm);
    void setRegionChooser(RegionChooser choose);

    // Imports are all or nothing, and only ever read their source.
    void importFromEnvironment(const QProcessEnvironment& env,
                               const QString& name = QStringLiteral("environment"));
    void importFromSdkFile(const QString& path, const QString& name);
    void importFromKooCli(const QString& path);

    QString selectedProfile() const;
    void selectProfile(const QString& name);
    bool isBusy() const { return m_busy; }
    // The add/edit dialog while one is open or being saved (tests drive it).
    ProfileEditDialog* editDialog() const { return m_editDialog; }

    // "HPUA****W8LM": enough to recognise a key, not enough to use one.
    static QString maskAccessKey(const QString& accessKey);

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
    void saveFromEditDialog();
    void deleteSelected();
    void testSelected();

    void chooseEnvironmentImport();
    void chooseSdkFileImport();
    void chooseKooCliImport();
    void runImport(QList<ImportedProfile> items, const QString& source);

    std::unique_ptr<Ui::ProfileManagerDialog> m_ui;
    QPointer<ProfileManager> m_manager;
    QPointer<ProfileEditDialog> m_editDialog;
    EndpointProbe* m_probe = nullptr;
    QMenu* m_importMenu = nullptr;
    QAction* m_importEnvAction = nullptr;
    QAction* m_importSdkAction = nullptr;
    QAction* m_importKooCliAction = nullptr;
    Confirmation m_confirm;
    RegionChooser m_chooseRegion;
    bool m_busy = false;
};

} // namespace das
