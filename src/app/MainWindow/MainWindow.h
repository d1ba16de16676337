#pragma once

#include "CreateResult.h"
#include "CredentialResolver.h"

#include <QMainWindow>
#include <QProcessEnvironment>

#include <memory>

class QMenu;
class QLabel;
class QTabWidget;

namespace Ui {
class MainWindow;
}

namespace das {

class ConnectionActions;
class ConnectionForm;
class ConnectionsPane;
class CreateFlow;
class DasClient;
class DiscoveryActions;
class FormTemplate;
class HelpActions;
class HistoryPane;
class HistoryStore;
class ProfileManager;
class ProfileStore;
class SecretStore;
class ResultPanel;
class SandboxServer;
class SavedPasswordOffer;
class SandboxHost;
class StatusLine;

// The window: form and result on the left; on the right the history and the connections on DAS, in tabs. A
// create runs as a CreateSession from the core workflow, driven by CreateFlow; the actions on connections
// that exist on DAS (delete, tear down, resolving earlier creates) are ConnectionActions'. The window only
// wires them to its widgets.
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
    // The result panel and the On DAS pane are built when first needed (a create shows a result, the tab is
    // first shown), not with the window: asking for one here builds it.
    ResultPanel* resultPanel() const;
    bool isResultPanelBuilt() const { return m_resultPanel != nullptr; }
    HistoryPane* historyPane() const;
    ConnectionsPane* connectionsPane() const;
    bool isConnectionsPaneBuilt() const;
    QTabWidget* sideTabs() const;
    CreateFlow* createFlow() const { return m_createFlow; }
    ConnectionActions* connectionActions() const { return m_connectionActions; }
    HelpActions* helpActions() const { return m_help; }
    FormTemplate* formTemplate() const { return m_template; }
    SandboxServer* sandbox() const;
    DasClient* client() const { return m_client; }
    SecretStore* secretStore() const { return m_secrets; }
    ProfileManager* profileManager() const { return m_profileManager; }
    // main() shows the window first and does the rest after its first paint: meanwhile the status line says
    // the sandbox is starting, and finishStartup() tells startupFinished() (the scripted runs wait for it).
    void setStartingSandbox(bool starting);
    void finishStartup();
    bool isStartupFinished() const { return m_startupFinished; }
    // Re-reads the profile list (after the manager dialog or an import).
    void reloadProfiles();
    bool isBusy() const;

public slots:
    void createConnection();
    void cancelCreate();
    void previewRequest();

signals:
    void createFinished(const das::CreateResult& result);
    void startupFinished();

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void setUpToolBarAndStatus();
    // The toolbar's SVG icons (and the form's) in place of their transparent stand-ins, once.
    void loadIcons();
    void connectForm();
    void connectActions();
    void setUpHelpers();
    void connectHelpers();
    void keepFormUnclipped();
    ConnectionsPane* buildConnectionsPane();
    CredentialChoice credentialChoice() const;
    void updateCredentials();
    void setFormBusy(bool busy);
    void applyProfile();
    void openProfileManager();
    void buildDynamicMenus();
    void updateSandboxUi();
    void retranslateDynamic();
    void saveSettings();

    std::unique_ptr<Ui::MainWindow> m_ui;
    mutable ResultPanel* m_resultPanel = nullptr; // built by resultPanel()
    DasClient* m_client;
    std::unique_ptr<HistoryStore> m_history;
    SecretStore* m_secrets;
    std::unique_ptr<ProfileStore> m_profiles;
    ProfileManager* m_profileManager;
    SavedPasswordOffer* m_passwordOffer = nullptr;
    DiscoveryActions* m_discovery = nullptr; // instance picker and project lookup
    CreateFlow* m_createFlow = nullptr;
    ConnectionActions* m_connectionActions = nullptr; // On DAS tab, delete, tear down, earlier creates
    SandboxHost* m_sandboxHost;
    StatusLine* m_status = nullptr;     // status messages, the window's own re-rendered on a language change
    HelpActions* m_help = nullptr;      // About, Keyboard Shortcuts, User Guide
    FormTemplate* m_template = nullptr; // history row -> form, asking before unsent edits are replaced
    QProcessEnvironment m_env;
    QLabel* m_sandboxBadge;
    QAction* m_sandboxBadgeAction = nullptr; // a toolbar widget is shown and hidden through its action
    QLabel* m_endpointLabel;
    QMenu* m_languageMenu = nullptr;
    bool m_startupFinished = false;
    bool m_shownOnce = false;
    bool m_iconsLoaded = false;
};

} // namespace das
