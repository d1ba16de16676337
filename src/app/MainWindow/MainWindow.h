#pragma once

#include "ConnectionRequest.h"
#include "CreateResult.h"
#include "Credentials.h"

#include <QMainWindow>
#include <QPointer>
#include <QProcessEnvironment>

#include <memory>

class QActionGroup;
class QLabel;
class QTimer;

namespace Ui {
class MainWindow;
}

namespace das {

class ConnectionForm;
class CreateJob;
class DasClient;
class HistoryPane;
class HistoryStore;
class ProfileManager;
class ProfileStore;
class SecretStore;
class ResultPanel;
class SandboxServer;

// The window: form and result on the left, history on the right; sends through the core DasClient.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens (creating if needed) the history database; the default is AppPaths::historyDatabasePath().
    bool openHistory(const QString& path, QString* error);
    // Starts the embedded sandbox with demo credentials and selects it as the target.
    bool startSandbox(QString* error);
    void setEnvironment(const QProcessEnvironment& environment);
    void restoreSettings();

    ConnectionForm* form() const;
    ResultPanel* resultPanel() const;
    HistoryPane* historyPane() const;
    SandboxServer* sandbox() const { return m_sandbox.get(); }
    DasClient* client() const { return m_client; }
    SecretStore* secretStore() const { return m_secrets; }
    ProfileManager* profileManager() const { return m_profileManager; }
    // Re-reads the profile list (after the manager dialog or an import).
    void reloadProfiles();
    bool isBusy() const { return !m_job.isNull() || m_readingCredentials; }

public slots:
    void createConnection();
    void cancelCreate();
    void previewRequest();

signals:
    void createFinished(const das::CreateResult& result);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct ResolvedCredentials
    {
        Credentials credentials;
        QString description;
        QString profile; // non-empty: the secrets must first be read from the keychain
        bool available = false;
    };

    ResolvedCredentials credentialsForTarget() const;
    void updateCredentials();
    void startCreate(const Credentials& credentials);
    void onCreateFinished(const CreateResult& result, const ConnectionRequest& request,
                          const QString& endpoint, const QString& region);
    void savePassword(const ConnectionRequest& request, const QString& endpoint, qint64 historyId);
    void applyProfile();
    void lookUpSavedPassword();
    QString savedPasswordKey() const;
    void openProfileManager();
    void buildDynamicMenus();
    void updateSandboxUi();
    void retranslateDynamic();
    void saveSettings();

    std::unique_ptr<Ui::MainWindow> m_ui;
    DasClient* m_client;
    std::unique_ptr<HistoryStore> m_history;
    std::unique_ptr<SandboxServer> m_sandbox;
    QPointer<CreateJob> m_job;
    SecretStore* m_secrets;
    std::unique_ptr<ProfileStore> m_profiles;
    ProfileManager* m_profileManager;
    QTimer* m_lookupTimer;
    QString m_lookupKey;        // key of the saved password last looked up
    QString m_savedPassword;    // its value, held only until the key changes
    QString m_inUseKey;         // key of the keychain password now in the password field
    int m_createGeneration = 0; // a cancel while reading credentials invalidates the pending read
    bool m_readingCredentials = false;
    bool m_keychainWarned = false;
    QProcessEnvironment m_env;
    QLabel* m_sandboxBadge;
    QAction* m_sandboxBadgeAction = nullptr; // a toolbar widget is shown and hidden through its action
    QLabel* m_endpointLabel;
    QActionGroup* m_modeGroup = nullptr;
    QActionGroup* m_languageGroup = nullptr;
};

} // namespace das
