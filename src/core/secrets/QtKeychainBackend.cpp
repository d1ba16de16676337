// The keychain module (libdas-keychain.so): KeychainBackend over QtKeychain and QtDBus. Built as a MODULE
// library, loaded by KeychainModule on first use; it exports DAS_KEYCHAIN_BACKEND_SYMBOL and
// das_module_version (ModuleLoader).
#include "KeychainBackend.h"

#include "SecretItemLabeler.h"

#include <QCoreApplication>

#include <qt6keychain/keychain.h>

#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
#define DAS_SECRET_SERVICE 1
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusReply>
#include <QDBusVariant>
#endif

namespace das {

namespace {

// The texts below keep SecretJob's translation context (they were SecretJob::tr() before the split), so their
// translations still apply.
class QtKeychainBackend final : public KeychainBackend
{
public:
    void start(Call call, const QString& service, const QString& key, const QString& secret, QObject* context,
               std::function<void(const KeychainAnswer&)> done) override
    {
        QKeychain::Job* job = nullptr;
        switch (call) {
        case Call::Read:
            job = new QKeychain::ReadPasswordJob(service);
            break;
        case Call::Write: {
            auto* write = new QKeychain::WritePasswordJob(service);
            write->setTextData(secret);
            job = write;
            break;
        }
        case Call::Delete:
            job = new QKeychain::DeletePasswordJob(service);
            break;
        }
        job->setAutoDelete(true);
        job->setInsecureFallback(false); // never a plain-text QSettings copy
        job->setKey(key);
        // No parent, and `context` as context: if it is gone when the backend answers, the answer goes
        // nowhere. The job is deliberately never deleted by us: libsecret holds a raw pointer to it until the
        // backend answers, and it deletes itself then (autoDelete).
        QObject::connect(job, &QKeychain::Job::finished, context, [done](QKeychain::Job* finished) {
            KeychainAnswer answer;
            answer.error = finished->error();
            answer.errorString = finished->errorString();
            if (const auto* read = qobject_cast<QKeychain::ReadPasswordJob*>(finished)) {
                answer.isRead = true;
                answer.secret = read->textData();
            }
            done(answer);
        });
        job->start();
    }

    bool askDefaultCollectionLocked(int timeoutMs, QObject* context, std::function<void(bool)> done) override
    {
#ifdef DAS_SECRET_SERVICE
        QDBusConnection bus = QDBusConnection::sessionBus();
        if (!bus.isConnected())
            return false;
        QDBusMessage call = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.secrets"),
            QStringLiteral("/org/freedesktop/secrets/aliases/default"),
            QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
        call << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
        auto* watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, timeoutMs), context);
        QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context,
                         [done](QDBusPendingCallWatcher* w) {
                             w->deleteLater();
                             const QDBusPendingReply<QDBusVariant> reply = *w;
                             done(!reply.isError() && reply.value().variant().toBool());
                         });
        return true;
#else
        Q_UNUSED(timeoutMs)
        Q_UNUSED(context)
        Q_UNUSED(done)
        return false;
#endif
    }

    QString unavailableOnTheBus() override
    {
#ifdef DAS_SECRET_SERVICE
        // Only the bus daemon is asked, never a keychain: no wallet opens, no unlock prompt appears.
        QDBusConnection bus = QDBusConnection::sessionBus();
        if (!bus.isConnected())
            return QCoreApplication::translate("das::SecretJob",
                                               "the D-Bus session bus cannot be reached (%1)")
                .arg(bus.lastError().message());
        const QStringList services{QStringLiteral("org.freedesktop.secrets"),
                                   QStringLiteral("org.kde.kwalletd5"), QStringLiteral("org.kde.kwalletd6")};
        QDBusConnectionInterface* daemon = bus.interface();
        const QDBusReply<QStringList> activatable = daemon->activatableServiceNames();
        for (const QString& service : services) {
            if (daemon->isServiceRegistered(service).value() ||
                (activatable.isValid() && activatable.value().contains(service)))
                return QString();
        }
        return QCoreApplication::translate(
            "das::SecretJob", "no keychain service (a Secret Service such as GNOME Keyring or KeePassXC, or "
                              "KWallet) runs or can be started on the D-Bus session bus");
#else
        return QString();
#endif
    }

    QObject* startLabel(const QString& key, const QString& label, int timeoutMs, QObject* parent,
                        std::function<void()> done) override
    {
        auto* labeler = new SecretItemLabeler(key, label, parent);
        QObject::connect(labeler, &SecretItemLabeler::finished, parent, [done] { done(); });
        labeler->start(timeoutMs);
        return labeler;
    }
};

} // namespace

} // namespace das

extern "C" Q_DECL_EXPORT const char* das_module_version()
{
    return DAS_CONNECT_VERSION;
}

extern "C" Q_DECL_EXPORT das::KeychainBackend* das_keychain_backend_v1()
{
    static das::QtKeychainBackend backend;
    return &backend;
}
