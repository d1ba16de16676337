#include "SecretStore.h"

#include <QEventLoop>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QUrl>

namespace das {

namespace {

// Registered sandbox endpoints (normalised) and how many hosts registered each.
QMutex g_sandboxMutex;
QHash<QString, int> g_sandboxEndpoints;

// The form, the session and the host may spell one URL differently ("http://127.0.0.1:5/" vs without "/").
QString normalisedEndpoint(const QString& endpoint)
{
    QUrl url = QUrl(endpoint).adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
    if (url.path() == QLatin1String("/"))
        url.setPath(QString()); // StripTrailingSlash keeps a lone "/"
    return url.toString();
}

bool isSandboxEndpoint(const QString& endpoint)
{
    const QMutexLocker lock(&g_sandboxMutex);
    return !g_sandboxEndpoints.isEmpty() && g_sandboxEndpoints.contains(normalisedEndpoint(endpoint));
}

// The instance ID's tail: enough to tell instances apart at a glance ("...f5fbin01").
QString instanceTail(const QString& instanceId)
{
    constexpr int Tail = 8;
    if (instanceId.size() <= Tail + 1)
        return instanceId;
    return QChar(0x2026) + instanceId.right(Tail);
}

} // namespace

SecretStore::SecretStore(QObject* parent)
    : QObject(parent)
{}

void SecretStore::setTimeoutMs(int ms)
{
    m_timeoutMs = qMax(0, ms);
}

SecretJob* SecretStore::startJob(SecretJob::Kind kind, const QString& key, const QString& secret,
                                 const QString& label)
{
    auto* job = new SecretJob(kind, key, secret, label.isEmpty() ? defaultLabel(key) : label, m_timeoutMs);
    job->start();
    return job;
}

SecretJob* SecretStore::read(const QString& key)
{
    return startJob(SecretJob::Kind::Read, key, QString());
}

SecretJob* SecretStore::write(const QString& key, const QString& secret, const QString& label)
{
    return startJob(SecretJob::Kind::Write, key, secret, label);
}

SecretJob* SecretStore::writeVerified(const QString& key, const QString& secret, const QString& label)
{
    return startJob(SecretJob::Kind::WriteVerified, key, secret, label);
}

SecretJob* SecretStore::remove(const QString& key)
{
    return startJob(SecretJob::Kind::Remove, key, QString());
}

SecretResult SecretStore::waitFor(SecretJob* job)
{
    const SecretJob::Kind kind = job->kind();
    SecretResult out;
    bool done = false;
    QEventLoop loop;
    QObject::connect(job, &SecretJob::finished, &loop, [&](const SecretResult& result) {
        out = result;
        done = true;
        loop.quit();
    });
    // The job's own deadline ends the loop; this guard only covers a job deleted by someone else.
    QObject::connect(job, &QObject::destroyed, &loop, &QEventLoop::quit);
    if (!done)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (!done) {
        out.status = SecretResult::Status::Failed;
        out.detail = tr("the request was cancelled");
        out.message = SecretJob::describe(out.status, kind, out.detail, 0);
    }
    return out;
}

QString SecretStore::profileSecretKey(const QString& profileName, const QString& which)
{
    return QStringLiteral("profile:") + profileName + QLatin1Char(':') + which;
}

QString SecretStore::databasePasswordKey(const QString& endpoint, const QString& projectId,
                                         const QString& instanceId, const QString& username)
{
    const QString where = isSandboxEndpoint(endpoint) ? QLatin1String(SandboxEndpointKey) : endpoint;
    return QStringLiteral("dbpassword:") + where + QLatin1Char('|') + projectId + QLatin1Char('|') +
           instanceId + QLatin1Char('|') + username;
}

void SecretStore::registerSandboxEndpoint(const QString& endpoint)
{
    const QMutexLocker lock(&g_sandboxMutex);
    ++g_sandboxEndpoints[normalisedEndpoint(endpoint)];
}

void SecretStore::unregisterSandboxEndpoint(const QString& endpoint)
{
    const QMutexLocker lock(&g_sandboxMutex);
    const auto it = g_sandboxEndpoints.find(normalisedEndpoint(endpoint));
    if (it != g_sandboxEndpoints.end() && --it.value() <= 0)
        g_sandboxEndpoints.erase(it);
}

QString SecretStore::databasePasswordLabel(const QString& endpoint, const QString& instanceId,
                                           const QString& username, const QString& instanceName)
{
    QString where;
    if (endpoint == QLatin1String(SandboxEndpointKey) || isSandboxEndpoint(endpoint)) {
        where = tr("built-in sandbox");
    } else {
        const QUrl url(endpoint);
        where = url.host().isEmpty() ? endpoint : url.adjusted(QUrl::RemoveUserInfo).authority();
    }
    if (instanceName.isEmpty())
        return tr("DAS Connect: password for %1 @ %2 (%3)").arg(username, instanceTail(instanceId), where);
    return tr("DAS Connect: password for %1 @ %2 (%3, %4)")
        .arg(username, instanceName, instanceTail(instanceId), where);
}

QString SecretStore::defaultLabel(const QString& key)
{
    const QString profilePrefix = QStringLiteral("profile:");
    const QString passwordPrefix = QStringLiteral("dbpassword:");
    if (key.startsWith(profilePrefix)) {
        // The field is after the last ':'; a profile name may hold ':' itself.
        const int colon = int(key.lastIndexOf(QLatin1Char(':')));
        const QString name = key.mid(profilePrefix.size(), colon - profilePrefix.size());
        const QString field = colon >= profilePrefix.size() ? key.mid(colon + 1) : QString();
        if (field == QLatin1String(SecretKeyField))
            return tr("DAS Connect: AK/SK for profile %1").arg(name);
        if (field == QLatin1String(SecurityTokenField))
            return tr("DAS Connect: security token for profile %1").arg(name);
        if (field == QLatin1String(IamTokenField))
            return tr("DAS Connect: IAM token for profile %1").arg(name);
    } else if (key.startsWith(passwordPrefix)) {
        // endpoint|project|instance|username: the endpoint is a URL, which keeps no bare '|'.
        const QStringList parts = key.mid(passwordPrefix.size()).split(QLatin1Char('|'));
        if (parts.size() >= 4) {
            const QString username = parts.mid(3).join(QLatin1Char('|'));
            return databasePasswordLabel(parts.at(0), parts.at(2), username);
        }
    }
    return tr("DAS Connect: %1").arg(key);
}

} // namespace das
