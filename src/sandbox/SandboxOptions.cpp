#include "SandboxOptions.h"

namespace das {

namespace {

struct ModeName
{
    SandboxOptions::Mode mode;
    const char* name;
};

const ModeName Names[] = {
    {SandboxOptions::Mode::Ok, "ok"},
    {SandboxOptions::Mode::E500, "e500"},
    {SandboxOptions::Mode::Throttle, "throttle"},
    {SandboxOptions::Mode::Garbage, "garbage"},
    {SandboxOptions::Mode::Html502, "html502"},
    {SandboxOptions::Mode::Reset, "reset"},
    {SandboxOptions::Mode::Expired, "expired"},
    {SandboxOptions::Mode::Truncated, "truncated"},
    {SandboxOptions::Mode::WrongType, "wrongtype"},
    {SandboxOptions::Mode::Redirect, "redirect"},
    {SandboxOptions::Mode::Hang, "hang"},
    {SandboxOptions::Mode::Large, "large"},
    {SandboxOptions::Mode::Lost, "lost"},
    {SandboxOptions::Mode::RefusedLost, "refused-lost"},
};

} // namespace

void SandboxOptions::setInventory(const SandboxInventory& replacement)
{
    inventory = replacement;
    for (const QString& id : replacement.projectIds()) {
        if (!projectIds.contains(id))
            projectIds.append(id);
    }
    instanceIds += replacement.instanceIds();
    instanceIds.removeDuplicates();
}

ConnectionRequest SandboxOptions::demoRequest()
{
    ConnectionRequest r;
    r.projectId = QLatin1String(DemoProjectId);
    r.instanceId = QLatin1String(DemoInstanceId);
    r.engineType = QStringLiteral("mysql");
    r.networkType = QStringLiteral("rds");
    r.username = QStringLiteral("root");
    return r;
}

bool SandboxOptions::parseMode(const QString& text, Mode* mode)
{
    for (const ModeName& entry : Names) {
        if (text == QLatin1String(entry.name)) {
            *mode = entry.mode;
            return true;
        }
    }
    return false;
}

QString SandboxOptions::modeName(Mode mode)
{
    for (const ModeName& entry : Names) {
        if (entry.mode == mode)
            return QLatin1String(entry.name);
    }
    return QStringLiteral("ok");
}

QStringList SandboxOptions::modeNames()
{
    QStringList names;
    for (const ModeName& entry : Names)
        names.append(QLatin1String(entry.name));
    return names;
}

} // namespace das
