#include "SandboxHost.h"

#include "SandboxServer.h"
#include "SecretStore.h"

#include <QActionGroup>
#include <QMenu>

namespace das {

SandboxHost::SandboxHost(QObject* parent)
    : QObject(parent)
{}

SandboxHost::~SandboxHost()
{
    if (m_server)
        SecretStore::unregisterSandboxEndpoint(m_server->url().toString());
}

bool SandboxHost::start(QString* error)
{
    if (m_server)
        return true;
    auto server = std::make_unique<SandboxServer>();
    if (!server->start(error))
        return false;
    m_server = std::move(server);
    // Its port is new each run: saved passwords are keyed by "the built-in sandbox" instead of this URL.
    SecretStore::registerSandboxEndpoint(m_server->url().toString());
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

SandboxOptions::Mode SandboxHost::mode() const
{
    return m_server ? m_server->options().mode : SandboxOptions::Mode::Ok;
}

QString SandboxHost::modeId(SandboxOptions::Mode mode)
{
    return SandboxOptions::modeName(mode);
}

QString SandboxHost::modeLabel(SandboxOptions::Mode mode)
{
    using Mode = SandboxOptions::Mode;
    switch (mode) {
    case Mode::Ok:
        return tr("Normal answers");
    case Mode::E500:
        return tr("Internal error (HTTP 500)");
    case Mode::Throttle:
        return tr("Throttled (HTTP 429)");
    case Mode::Garbage:
        return tr("Unreadable answer (not JSON)");
    case Mode::Html502:
        return tr("Gateway HTML page (502)");
    case Mode::Reset:
        return tr("Connection reset");
    case Mode::Expired:
        return tr("Server clock ahead (signature expired)");
    case Mode::Truncated:
        return tr("Answer cut short");
    case Mode::WrongType:
        return tr("Connection ID of the wrong type");
    case Mode::Redirect:
        return tr("Redirect (HTTP 307)");
    case Mode::Hang:
        return tr("No answer (hangs)");
    case Mode::Large:
        return tr("Oversized answer (2 MiB)");
    case Mode::Lost:
        return tr("Created, answer lost");
    case Mode::RefusedLost:
        return tr("Not created, answer lost");
    }
    return modeId(mode);
}

void SandboxHost::addFaultModeMenu(QMenu* menu)
{
    m_modeMenu = menu->addMenu(QString());
    m_modeMenu->setObjectName(QStringLiteral("sandboxModeMenu"));
    m_modeMenu->setToolTipsVisible(true);
    m_modeGroup = new QActionGroup(this);
    for (const QString& name : SandboxOptions::modeNames()) {
        SandboxOptions::Mode mode = SandboxOptions::Mode::Ok;
        SandboxOptions::parseMode(name, &mode);
        QAction* action = m_modeMenu->addAction(name);
        action->setObjectName(QStringLiteral("sandboxMode_") + name);
        action->setData(int(mode));
        action->setCheckable(true);
        action->setChecked(mode == SandboxOptions::Mode::Ok);
        m_modeGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, mode, name] {
            if (m_server) {
                m_server->setMode(mode);
                emit modeChanged(name);
            }
        });
    }
    retranslate();
    updateActions();
}

// The readable name says what the mode does; the ID stays visible because the CLI and the README use it.
void SandboxHost::retranslate()
{
    if (!m_modeMenu)
        return;
    m_modeMenu->setTitle(tr("&Fault mode"));
    for (QAction* action : m_modeGroup->actions()) {
        const auto mode = SandboxOptions::Mode(action->data().toInt());
        action->setText(tr("%1 (%2)").arg(modeLabel(mode), modeId(mode)));
        action->setToolTip(tr("Sandbox mode %1").arg(modeId(mode)));
    }
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
