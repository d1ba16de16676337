#pragma once

#include "Profile.h"

#include <QDialog>
#include <QStringList>

#include <memory>

class QLineEdit;

namespace Ui {
class ProfileEditDialog;
}

namespace das {

class ProfileStore;

// Adds or edits one profile. Validates on every keystroke and lists every problem at once; OK is enabled only
// for a valid profile. Secret fields are masked and never pre-filled: on an existing profile an empty one
// keeps the stored secret. The dialog saves nothing; ProfileManagerDialog does.
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

    Profile profile() const;
    ProfileSecrets secrets() const;
    // Empties the secret fields (after the manager has taken them).
    void clearSecrets();
    // Shown above the validation problems until the next edit; empty removes it.
    void setSaveError(const QString& message);

    bool isValid() const { return m_problems.isEmpty(); }
    QStringList problems() const { return m_problems; }

public slots:
    void accept() override;

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

    std::unique_ptr<Ui::ProfileEditDialog> m_ui;
    const ProfileStore* m_store = nullptr;
    bool m_editing = false;
    Profile::AuthMethod m_originalAuth = Profile::AuthMethod::AkSk;
    QStringList m_problems;
    QString m_saveError;
};

} // namespace das
