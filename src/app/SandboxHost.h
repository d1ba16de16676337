#pragma once

#include "Credentials.h"
#include "SandboxOptions.h"

#include <QObject>
#include <QUrl>

#include <memory>

class QActionGroup;
class QMenu;

namespace das {

class SandboxServer;

// The built-in sandbox the window can start for demos and training (no cloud account needed), and its
// Fault mode menu. Not a widget: the window shows what it reports. While it runs, its URL counts as the
// built-in sandbox for saved passwords (SecretStore::registerSandboxEndpoint), whatever its port.
class SandboxHost : public QObject
{
    Q_OBJECT

public:
    explicit SandboxHost(QObject* parent = nullptr);
    ~SandboxHost() override;

    // Starts the server on a free loopback port; starting twice is a no-op that succeeds.
    bool start(QString* error);
    bool isRunning() const { return bool(m_server); }
    SandboxServer* server() const { return m_server.get(); }
    QUrl url() const;
    Credentials demoCredentials() const;

    // Adds the "Fault mode" submenu (one checkable action per sandbox mode) to `menu`.
    void addFaultModeMenu(QMenu* menu);
    void retranslate();

    // The mode the running server answers in; Ok when it is not running.
    SandboxOptions::Mode mode() const;
    // The mode's ID as the CLI and the sandbox spell it ("e500") and its translated, readable name.
    static QString modeId(SandboxOptions::Mode mode);
    static QString modeLabel(SandboxOptions::Mode mode);

signals:
    void modeChanged(const QString& name);

private:
    void updateActions();

    std::unique_ptr<SandboxServer> m_server;
    QMenu* m_modeMenu = nullptr;
    QActionGroup* m_modeGroup = nullptr;
};

} // namespace das
