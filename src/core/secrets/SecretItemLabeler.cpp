#include "SecretItemLabeler.h"

#include "SecretLimits.h"
#include "SecretsLog.h"

#include <QMap>
#include <QMetaObject>
#include <QPointer>

#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
#define DAS_SECRET_SERVICE 1
#include <QDBusConnection>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#endif

namespace das {

namespace {

#ifdef DAS_SECRET_SERVICE
using Attributes = QMap<QString, QString>;
using ObjectPaths = QList<QDBusObjectPath>;

const QString SecretsService = QStringLiteral("org.freedesktop.secrets");

int callTimeout(const QDeadlineTimer& deadline)
{
    return int(qBound(qint64(1), deadline.remainingTime(), qint64(INT_MAX)));
}

// A Secret Service that is not running is not started for a label: QtKeychain may be on KWallet (KDE), and
// activating gnome-keyring there would start a second keychain.
QDBusMessage secretsCall(const QString& path, const QString& interface, const QString& method)
{
    QDBusMessage call = QDBusMessage::createMethodCall(SecretsService, path, interface, method);
    call.setAutoStartService(false);
    return call;
}

// No Secret Service, or no item: QtKeychain wrote somewhere else (KWallet); nothing to name, nothing wrong.
// With auto-start off, a bus where nobody owns the name answers NameHasNoOwner rather than ServiceUnknown.
bool isExpectedAbsence(const QDBusError& error)
{
    return error.type() == QDBusError::ServiceUnknown ||
           error.name() == QLatin1String("org.freedesktop.DBus.Error.NameHasNoOwner");
}
#endif

} // namespace

SecretItemLabeler::SecretItemLabeler(const QString& key, const QString& label, QObject* parent)
    : QObject(parent)
    , m_key(key)
    , m_label(label)
{}

void SecretItemLabeler::start(int timeoutMs)
{
    m_deadline = QDeadlineTimer(qMax(1, timeoutMs));
#ifdef DAS_SECRET_SERVICE
    static const bool registered = [] {
        qDBusRegisterMetaType<Attributes>();
        qDBusRegisterMetaType<ObjectPaths>();
        return true;
    }();
    Q_UNUSED(registered)
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        done(false, QStringLiteral("no session bus connection"));
        return;
    }
    // Exactly the attributes QtKeychain's libsecret backend stores a text entry with.
    const Attributes attributes{{QStringLiteral("user"), m_key},
                                {QStringLiteral("server"), QLatin1String(SecretLimits::ServiceName)},
                                {QStringLiteral("type"), QStringLiteral("plaintext")}};
    QDBusMessage search =
        secretsCall(QStringLiteral("/org/freedesktop/secrets"),
                    QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("SearchItems"));
    search << QVariant::fromValue(attributes);
    auto* watcher = new QDBusPendingCallWatcher(bus.asyncCall(search, callTimeout(m_deadline)), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, &SecretItemLabeler::onSearched);
#else
    done(false);
#endif
}

void SecretItemLabeler::onSearched(QDBusPendingCallWatcher* watcher)
{
    watcher->deleteLater();
#ifdef DAS_SECRET_SERVICE
    const QDBusPendingReply<ObjectPaths, ObjectPaths> reply = *watcher;
    if (reply.isError()) {
        const QDBusError error = reply.error();
        done(false,
             isExpectedAbsence(error) ? QString() : error.name() + QStringLiteral(": ") + error.message());
        return;
    }
    // Locked items (second list) cannot be renamed without an unlock prompt; the write just unlocked ours.
    const ObjectPaths items = reply.argumentAt<0>();
    if (items.isEmpty()) {
        done(false);
        return;
    }
    QDBusConnection bus = QDBusConnection::sessionBus();
    m_pending = int(items.size());
    for (const QDBusObjectPath& item : items) {
        QDBusMessage set = secretsCall(item.path(), QStringLiteral("org.freedesktop.DBus.Properties"),
                                       QStringLiteral("Set"));
        set << QStringLiteral("org.freedesktop.Secret.Item") << QStringLiteral("Label")
            << QVariant::fromValue(QDBusVariant(m_label));
        auto* setWatcher = new QDBusPendingCallWatcher(bus.asyncCall(set, callTimeout(m_deadline)), this);
        connect(setWatcher, &QDBusPendingCallWatcher::finished, this, &SecretItemLabeler::onLabelSet);
    }
#endif
}

void SecretItemLabeler::onLabelSet(QDBusPendingCallWatcher* watcher)
{
    watcher->deleteLater();
#ifdef DAS_SECRET_SERVICE
    const QDBusPendingReply<> reply = *watcher;
    QString problem;
    if (reply.isError()) {
        ++m_failed;
        problem = reply.error().name() + QStringLiteral(": ") + reply.error().message();
        qCWarning(lcSecrets).noquote() << "keychain entry written but not labelled:" << problem;
    }
    if (--m_pending > 0)
        return;
    done(m_failed == 0);
#endif
}

// `problem` empty: nothing went wrong that anyone needs to hear about (a label that could not be set was
// already reported). The logs name neither the key nor the label: they say whose password it is.
void SecretItemLabeler::done(bool labelled, const QString& problem)
{
    if (m_done)
        return;
    m_done = true;
    if (!problem.isEmpty())
        qCWarning(lcSecrets).noquote() << "keychain entry written but not labelled:" << problem;
    else
        qCDebug(lcSecrets) << "keychain entry" << (labelled ? "labelled" : "not labelled");
    QMetaObject::invokeMethod(
        this, [this, labelled] { emit finished(labelled); }, Qt::QueuedConnection);
}

} // namespace das
