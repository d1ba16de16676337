#include "SecretStore.h"

#include <QEventLoop>

namespace das {

SecretStore::SecretStore(QObject* parent)
    : QObject(parent)
{}

void SecretStore::setTimeoutMs(int ms)
{
    m_timeoutMs = qMax(0, ms);
}

SecretJob* SecretStore::startJob(SecretJob::Kind kind, const QString& key, const QString& secret)
{
    auto* job = new SecretJob(kind, key, secret, m_timeoutMs);
    job->start();
    return job;
}

SecretJob* SecretStore::read(const QString& key)
{
    return startJob(SecretJob::Kind::Read, key, QString());
}

SecretJob* SecretStore::write(const QString& key, const QString& secret)
{
    return startJob(SecretJob::Kind::Write, key, secret);
}

SecretJob* SecretStore::writeVerified(const QString& key, const QString& secret)
{
    return startJob(SecretJob::Kind::WriteVerified, key, secret);
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
    return QStringLiteral("dbpassword:") + endpoint + QLatin1Char('|') + projectId + QLatin1Char('|') +
           instanceId + QLatin1Char('|') + username;
}

} // namespace das
