#pragma once

#include "Profile.h"

#include <QDialog>
#include <QPointer>
#include <QStringList>

#include <memory>

class QLineEdit;

namespace Ui {
class ProfileEditDialog;
}

namespace das {

class ProfileManager;
class ProfileStore;

// Adds or edits one profile. Validates on every keystroke and lists every problem at once; OK is enabled only
// for a valid profile. Secret fields are masked and never pre-filled: on an existing profile an empty one
// keeps the stored secret. With a manager (setManager) OK saves the profile through it.
class ProfileEditDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr const char* CustomKey = "custom";

    // A new profile; `store` (may be null) is asked whether the name is taken.
    explicit ProfileEditDialog(const ProfileStore* store, QWidget* parent = nullptr);
    ~ProfileEditDialog() override;

    // Edits `existing`: the name becomes read-only, secret fields stay empty.
    void setProfile(const Profile& existing);
    // Fills the non-secret fields without changing new/existing mode (re-opening after a failed save).
    void setDraft(const Profile& draft);
    bool isEditing() const { return m_editing; }
    // From now on OK saves through `manager`: the dialog hides while the save runs and keeps what was typed,
    // secrets included, until the save has succeeded; after a failure it opens again showing why. Without a
    // manager OK only closes it and the caller reads profile() and secrets().
    void setManager(ProfileManager* manager);

    Profile profile() const;
    ProfileSecrets secrets() const;
    // Empties the secret fields (after the manager has taken them).
    void clearSecrets();
    // Shown above the validation problems until the next edit; empty removes it.
    void setSaveError(const QString& message);

    // "Permanent AK/SK", …: how the window names an auth method (here and in ProfileManagerDialog).
    static QString authLabel(Profile::AuthMethod method);
    // "cn-north-4 — CN North-Beijing4"; an id the resolver does not list is shown as it is.
    static QString regionLabel(const QString& regionId);

    bool isValid() const { return m_problems.isEmpty(); }
    QStringList problems() const { return m_problems; }

public slots:
    void accept() override;

signals:
    void saveStarted();
    // After a success the secret fields are emptied and the dialog deletes itself.
    void saveFinished(bool ok, const QString& message, const QString& profileName);

protected:
    void changeEvent(QEvent* event) override;

private:
    void populateChoices();
    void fill(const Profile& p);
    void updateRows();
    void updatePlaceholders();
    void revalidate();
    bool secretRequired(const QString& field) const;
    Profile::AuthMethod authMethod() const;
    QString targetKey() const;
    void save();

    std::unique_ptr<Ui::ProfileEditDialog> m_ui;
    const ProfileStore* m_store = nullptr;
    bool m_editing = false;
    Profile::AuthMethod m_originalAuth = Profile::AuthMethod::AkSk;
    QStringList m_problems;
    // Until the user types in a field, "required" problems are not shown (a new profile does not open with
    // three errors); they are once anything was typed, OK was tried or the dialog was filled.
    bool m_touched = false;
    bool m_showAll = false;
    QString m_saveError;
    bool m_savesThroughManager = false;
    QPointer<ProfileManager> m_manager;
};

} // namespace das
