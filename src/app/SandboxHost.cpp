#include "SandboxHost.h"

#include "SandboxServer.h"

#include <QActionGroup>
#include <QMenu>

namespace das {

SandboxHost::SandboxHost(QObject* parent)
    : QObject(parent)
{}

SandboxHost::~SandboxHost() = default;

bool SandboxHost::start(QString* error)
{
    if (m_server)
        return true;
    auto server = std::make_unique<SandboxServer>();
    if (!server->start(error))
        return false;
    m_server = std::move(server);
    updateActions();
    return true;
}

QUrl SandboxHost::url() const
{
    return m_server ? m_server->url() : QUrl();
}

Credentials SandboxHost::demoCredentials() const
{
    Credentials c;
    if (m_server) {
        c.accessKey = m_server->options().accessKey;
        c.secretKey = m_server->options().secretKey;
    }
    return c;
}

void SandboxHost::addFaultModeMenu(QMenu* menu)
{
    m_modeMenu = menu->addMenu(QString());
    m_modeMenu->setObjectName(QStringLiteral("sandboxModeMenu"));
    m_modeGroup = new QActionGroup(this);
    for (const QString& name : SandboxOptions::modeNames()) {
        QAction* action = m_modeMenu->addAction(name);
        action->setObjectName(QStringLiteral("sandboxMode_") + name);
        action->setCheckable(true);
        action->setChecked(name == QLatin1String("ok"));
        m_modeGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, name] {
            SandboxOptions::Mode mode = SandboxOptions::Mode::Ok;
            if (m_server && SandboxOptions::parseMode(name, &mode)) {
                m_server->setMode(mode);
                emit modeChanged(name);
            }
        });
    }
    retranslate();
    updateActions();
}

void SandboxHost::retranslate()
{
    if (m_modeMenu)
        m_modeMenu->setTitle(tr("&Fault mode"));
}

// Fault modes only mean something once the server runs.
void SandboxHost::updateActions()
{
    if (!m_modeGroup)
        return;
    for (QAction* action : m_modeGroup->actions())
        action->setEnabled(bool(m_server));
}

} // namespace das
