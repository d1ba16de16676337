#pragma once

#include "ConnectionRequest.h"
#include "PasswordRow.h"
#include "Violation.h"

#include <QUrl>
#include <QWidget>

#include <memory>

namespace Ui {
class ConnectionForm;
}

namespace das {

class DiscoveryButtons;
class FormFeedback;

// The create-connection form. Every keystroke re-runs the core RequestValidator; messages appear beside the
// field once the user has touched it, and "Create connection" is enabled only for a valid request.
class ConnectionForm : public QWidget
{
    Q_OBJECT

public:
    struct Target
    {
        QString key;    // "sandbox", a region id, or "custom"
        QUrl endpoint;  // empty when error is set
        QString region; // region id, empty for sandbox/custom
        QString error;
        bool isSandbox() const { return key == QLatin1String("sandbox"); }
    };

    static constexpr const char* SandboxKey = "sandbox";
    static constexpr const char* CustomKey = "custom";

    explicit ConnectionForm(QWidget* parent = nullptr);
    ~ConnectionForm() override;

    ConnectionRequest request() const;
    // Fills every field from `request` (a template from history leaves the password empty). Touched fields
    // show their problems at once; remembered defaults at start-up are not touched.
    void setRequest(const ConnectionRequest& request, bool touch = true);
    void focusField(const QString& field);

    Target target() const;
    void setSandboxEndpoint(const QUrl& url); // empty URL removes the sandbox choice
    void selectTarget(const QString& key, const QString& customEndpoint = QString());

    void setCredentialsState(const QString& description, bool available);

    // Whether "Remember in this computer's keychain" can work here. Unavailable: the box is unchecked and
    // disabled, and `reason` says why beside it, before anything is sent.
    void setKeychainAvailable(bool available, const QString& reason = QString());
    bool isKeychainAvailable() const { return m_keychainAvailable; }
    // The user asked for the password to be kept in this computer's keychain after the create (apart from
    // the request's is_save_password, which asks DAS to keep it).
    bool remembersPasswordInKeychain() const;

    // Whether a field of the request (the password included) or the keychain box changed since the last
    // setRequest() or markSent(): what would be lost if the form were filled from a template. The target
    // and profile are not part of it (a template does not replace them).
    bool hasUnsentEdits() const;
    // The form as it is now was sent (or is being sent): it has no unsent edits until changed again.
    void markSent();

    // Profiles to sign with; the empty name means the SDK environment variables.
    void setProfiles(const QStringList& names, const QString& current);
    QString currentProfile() const;

    using SavedPassword = das::SavedPassword;
    void setSavedPasswordState(SavedPassword state, const QString& text = QString());
    SavedPassword savedPasswordState() const;
    // Fills the (masked) password from the keychain; revealing it stays off until the user types.
    void fillSavedPassword(const QString& password);
    // Empties a password that came from the keychain for another endpoint, instance or user.
    void clearSavedPassword();
    const Violations& violations() const { return m_violations; }
    bool isReady() const;
    bool isBusy() const { return m_busy; }
    void setBusy(bool busy);

    // Fills instance ID, engine type, network type and (when > 0) port from a picked instance, as typed.
    void setPickedInstance(const QString& instanceId, const QString& engineType, const QString& networkType,
                           int port);
    // Fills the project ID found through IAM.
    void setLookedUpProject(const QString& projectId);

    void markAllTouched();
    void focusFirstProblem();
    void fillExample();
    // The SVG icons (the password's eye) in place of their transparent stand-ins. Done by itself once the
    // window has been painted; the window calls it too when its start-up is finished.
    void loadIcons();
    // The message shown for an API field, empty when none ("project_id", "endpoint", …).
    QString messageFor(const QString& field) const;

    // The fields scroll inside the form (the summary and buttons stay in view), so the form's height does
    // not depend on its width: a scroll area around it must not grow to the fields' full height.
    bool hasHeightForWidth() const override { return false; }

signals:
    void createRequested();
    void previewRequested();
    void cancelRequested();
    void targetChanged();
    void readyChanged(bool ready);
    void edited();
    void profileChanged();
    void manageProfilesRequested();
    void useSavedPasswordRequested();
    void forgetSavedPasswordRequested();
    // Endpoint, project, instance or username changed: the saved-password lookup key may differ.
    void passwordLookupKeyChanged();
    // "Browse…" beside Instance ID or F4: pick the instance from DAS's list.
    void pickInstanceRequested();
    // "Look up" beside Project ID: find the region's project through IAM.
    void lookUpProjectRequested();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void connectFields();
    void connectControls();
    void populateChoices();
    void revalidate();
    void touch(const QString& field);
    void updateTargetFields();
    void updateRemarksCounter();
    void onReturnPressed();
    void greyDisabledPlaceholders();
    static void greyDisabledPlaceholder(QWidget* field);
    QByteArray snapshot() const;

    std::unique_ptr<Ui::ConnectionForm> m_ui;
    std::unique_ptr<FormFeedback> m_feedback;
    std::unique_ptr<PasswordRow> m_password;
    std::unique_ptr<DiscoveryButtons> m_discovery;
    Violations m_violations;
    QUrl m_sandboxUrl;
    QByteArray m_sent; // snapshot() at the last setRequest() or markSent()
    QString m_keychainReason;
    bool m_credentialsAvailable = false;
    bool m_keychainAvailable = true;
    bool m_busy = false;
    bool m_ready = false;
    bool m_shownOnce = false;
};

} // namespace das
