#pragma once

#include "Credentials.h"

#include <QObject>
#include <QUrl>

#include <memory>

class QActionGroup;
class QMenu;

namespace das {

class SandboxServer;

// The built-in sandbox the window can start for demos and training (no cloud account needed), and its
// Fault mode menu. Not a widget: the window shows what it reports.
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

signals:
    void modeChanged(const QString& name);

private:
    void updateActions();

    std::unique_ptr<SandboxServer> m_server;
    QMenu* m_modeMenu = nullptr;
    QActionGroup* m_modeGroup = nullptr;
};

} // namespace das
