#include "SecretJob.h"

#include "KeychainBackend.h"
#include "KeychainModule.h"
#include "SecretLimits.h"
#include "SecretsLog.h"

#include <QPointer>

#include <initializer_list>
// For QKeychain::Error's values only: nothing of QtKeychain is called from here (see KeychainBackend).
#include <qt6keychain/keychain.h>

#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
#define DAS_SECRET_SERVICE 1
#include <QFile>

#include <sys/stat.h>
#endif

namespace das {

namespace {

bool containsAny(const QString& text, std::initializer_list<const char*> needles)
{
    for (const char* needle : needles) {
        if (text.contains(QLatin1String(needle), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString capitalized(const QString& text)
{
    if (text.isEmpty())
        return text;
    QString out = text;
    out[0] = out.at(0).toUpper();
    return out;
}

#ifdef DAS_SECRET_SERVICE
// Without a session bus, GDBus (libsecret) and libdbus (QtDBus, KWallet) fall back to autolaunching one:
// `dbus-launch` starts a `dbus-daemon`, which activates `gnome-keyring-daemon`, and all three outlive us. The
// first two places they look are DBUS_SESSION_BUS_ADDRESS and the socket $XDG_RUNTIME_DIR/bus; with neither,
// the only way on is that autolaunch, so the keychain counts as unavailable instead.
bool sessionBusMissing()
{
    if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return false;
    const QString runtimeDir = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (runtimeDir.isEmpty())
        return true;
    const QByteArray socketPath = QFile::encodeName(runtimeDir + QStringLiteral("/bus"));
    struct stat info = {};
    return ::stat(socketPath.constData(), &info) != 0 || !S_ISSOCK(info.st_mode);
}
#endif

} // namespace

QString SecretJob::unavailableWithoutAsking()
{
#ifdef DAS_SECRET_SERVICE
    if (sessionBusMissing())
        return tr(
            "there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set and there is no socket at "
            "$XDG_RUNTIME_DIR/bus)");
#endif
    return QString();
}

QString SecretJob::unavailableOnTheBus()
{
    if (const QString reason = unavailableWithoutAsking(); !reason.isEmpty())
        return reason;
#ifdef DAS_SECRET_SERVICE
    QString problem;
    KeychainBackend* backend = KeychainModule::backend(&problem);
    return backend ? backend->unavailableOnTheBus() : problem;
#else
    return QString();
#endif
}

SecretJob::SecretJob(Kind kind, const QString& key, const QString& secret, const QString& label,
                     int timeoutMs)
    : m_kind(kind)
    , m_key(key)
    , m_secret(secret)
    , m_label(label)
    , m_timeoutMs(qMax(0, timeoutMs))
{
    m_deadline.setSingleShot(true);
    m_deadline.setTimerType(Qt::PreciseTimer);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        // Late while labelling: the secret is written (a label that is late only leaves it unnamed), but no
        // time is left for a read-back, which would run without a deadline.
        if (m_step == Step::Label && m_kind != Kind::WriteVerified)
            afterLabel();
        else
            finish(SecretResult::Status::Timeout, QString(), QString(), m_step == Step::Label);
    });
}

// The QtKeychain job is deliberately not deleted here: libsecret holds a raw pointer to it until the backend
// answers, and it deletes itself then (autoDelete). Our connection to it dies with us.
SecretJob::~SecretJob() = default;

void SecretJob::start()
{
    if (m_started)
        return;
    m_started = true;
    m_clock.start();
    if (m_key.isEmpty()) {
        finish(SecretResult::Status::Failed, tr("empty keychain key"));
        return;
    }
    const bool writes = m_kind == Kind::Write || m_kind == Kind::WriteVerified;
    if (writes && m_secret.toUtf8().size() > SecretLimits::MaxSecretBytes) {
        finish(SecretResult::Status::TooLarge);
        return;
    }
#ifdef DAS_SECRET_SERVICE
    if (const QString reason = unavailableWithoutAsking(); !reason.isEmpty()) {
        finish(SecretResult::Status::NoBackend, reason);
        return;
    }
#endif
    // Loaded here, not earlier: a process that never runs a keychain job never maps QtKeychain and D-Bus.
    QString problem;
    m_backend = KeychainModule::backend(&problem);
    if (!m_backend) {
        finish(SecretResult::Status::Failed, problem);
        return;
    }
    m_deadline.start(m_timeoutMs);
    switch (m_kind) {
    case Kind::Read:
        startStep(Step::Read);
        break;
    case Kind::Write:
    case Kind::WriteVerified:
        startStep(Step::Write);
        break;
    case Kind::Remove:
        startStep(Step::Probe);
        break;
    }
}

void SecretJob::startStep(Step step)
{
    m_step = step;
    const QString service = QLatin1String(SecretLimits::ServiceName);
    KeychainBackend::Call call = KeychainBackend::Call::Read;
    switch (step) {
    case Step::Label:
        startLabel();
        return;
    case Step::Read:
    case Step::Verify:
    case Step::Probe:
        break;
    case Step::Write:
        call = KeychainBackend::Call::Write;
        break;
    case Step::Delete:
        call = KeychainBackend::Call::Delete;
        break;
    }
    // `this` as context: if we are gone when the backend answers, the answer goes nowhere.
    m_backend->start(call, service, m_key, call == KeychainBackend::Call::Write ? m_secret : QString(), this,
                     [this, step](const KeychainAnswer& answer) { onStepFinished(step, answer); });
}

void SecretJob::onStepFinished(Step step, const KeychainAnswer& answer)
{
    if (m_finished)
        return; // answered after the deadline
    const auto error = QKeychain::Error(answer.error);
    const QString& detail = answer.errorString;
    const bool read = answer.isRead;
    switch (step) {
    case Step::Read:
        if (error == QKeychain::NoError && read)
            finish(SecretResult::Status::Ok, QString(), answer.secret);
        else if (error == QKeychain::EntryNotFound)
            finishNotFound(detail);
        else
            finish(classify(error, detail), detail);
        return;
    case Step::Write:
        if (error != QKeychain::NoError)
            finish(classify(error, detail), detail);
        else
            startStep(Step::Label); // before the read-back, which so also proves the label kept the entry
        return;
    case Step::Verify:
        if (error == QKeychain::NoError && read) {
            const bool same = answer.secret == m_secret;
            finish(same ? SecretResult::Status::Ok : SecretResult::Status::VerifyFailed, QString(), QString(),
                   true);
        } else if (error == QKeychain::EntryNotFound) {
            finish(SecretResult::Status::VerifyFailed, detail, QString(), true);
        } else {
            finish(classify(error, detail), detail, QString(), true);
        }
        return;
    case Step::Probe:
        if (error == QKeychain::NoError)
            startStep(Step::Delete);
        else if (error == QKeychain::EntryNotFound)
            finishNotFound(detail);
        else
            finish(classify(error, detail), detail);
        return;
    case Step::Delete:
        finish(error == QKeychain::NoError ? SecretResult::Status::Ok : classify(error, detail), detail);
        return;
    case Step::Label:
        return; // not a QtKeychain step
    }
}

void SecretJob::startLabel()
{
    m_labeler = m_backend->startLabel(m_key, m_label, qMin(LabelBudgetMs, m_deadline.remainingTime() / 2),
                                      this, [this] { afterLabel(); });
}

// Labelled or not, the write stands: go on to the read-back, or end.
void SecretJob::afterLabel()
{
    if (m_step != Step::Label || m_finished)
        return;
    if (m_labeler) {
        m_labeler->disconnect(this);
        m_labeler->deleteLater();
        m_labeler = nullptr;
    }
    if (m_kind == Kind::WriteVerified)
        startStep(Step::Verify);
    else
        finish(SecretResult::Status::Ok);
}

// libsecret answers a lookup in a locked collection as "not found" when the unlock prompt cannot be shown.
// Saying "no such entry" then would be wrong (and a removal would leave the entry behind), so ask the
// Secret Service whether the default collection is locked.
void SecretJob::finishNotFound(const QString& detail)
{
    const int remaining = qMax(1, m_deadline.remainingTime());
    const bool asked = m_backend->askDefaultCollectionLocked(remaining, this, [this, detail](bool locked) {
        if (locked)
            finish(SecretResult::Status::Locked, tr("the default keyring is locked"));
        else
            finish(SecretResult::Status::NotFound, detail);
    });
    if (!asked)
        finish(SecretResult::Status::NotFound, detail);
}

void SecretJob::finish(SecretResult::Status status, const QString& detail, const QString& secret,
                       bool afterWrite)
{
    if (m_finished)
        return;
    m_finished = true;
    m_deadline.stop();
    m_secret.clear();
    m_result.status = status;
    m_result.secret = status == SecretResult::Status::Ok ? secret : QString();
    m_result.detail = detail;
    m_result.message = describe(status, m_kind, detail, m_timeoutMs, afterWrite);
    // Kind, status and time only: never the key's secret, never what the keychain returned.
    qCDebug(lcSecrets).noquote() << "keychain job" << kindName(m_kind) << "ended"
                                 << SecretResult::statusName(status) << "after" << m_clock.elapsed() << "ms";
    // Queued, so that whoever created the job can connect to finished() first.
    QMetaObject::invokeMethod(
        this,
        [this] {
            const QPointer<SecretJob> self(this);
            emit finished(m_result);
            if (self)
                deleteLater();
        },
        Qt::QueuedConnection);
}

QString SecretJob::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Read:
        break;
    case Kind::Write:
        return QStringLiteral("Write");
    case Kind::Remove:
        return QStringLiteral("Remove");
    case Kind::WriteVerified:
        return QStringLiteral("WriteVerified");
    }
    return QStringLiteral("Read");
}

SecretResult::Status SecretJob::classify(int keychainError, const QString& errorString)
{
    using Status = SecretResult::Status;
    switch (keychainError) {
    case QKeychain::NoError:
        return Status::Ok;
    case QKeychain::EntryNotFound:
        return Status::NotFound;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Status::NoBackend;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        // libsecret reports a locked collection as AccessDenied.
        return containsAny(errorString, {"locked", "prompt", "dismissed"}) ? Status::Locked
                                                                           : Status::AccessDenied;
    default:
        break;
    }
    // OtherError: libsecret and GDBus only say what happened in the text.
    if (containsAny(errorString, {"locked", "prompt", "dismissed"}))
        return Status::Locked;
    if (containsAny(errorString, {"AccessDenied", "access denied", "not allowed", "permission denied"}))
        return Status::AccessDenied;
    if (containsAny(errorString, {"NoReply", "timed out", "timeout"}))
        return Status::Timeout;
    if (containsAny(errorString, {"org.freedesktop.secrets", "ServiceUnknown", "not provided by any .service",
                                  "Could not connect", "autolaunch", "NoServer", "dbus", "d-bus"}))
        return Status::NoBackend;
    return Status::Failed;
}

QString SecretJob::keychainName()
{
#if defined(Q_OS_MACOS) || defined(Q_OS_IOS)
    return tr("the macOS Keychain");
#elif defined(Q_OS_WIN)
    return tr("Windows Credential Manager");
#else
    return tr("the OS keychain (Secret Service)");
#endif
}

QString SecretJob::describe(SecretResult::Status status, Kind kind, const QString& detail, int timeoutMs,
                            bool afterWrite)
{
    using Status = SecretResult::Status;
    const QString keychain = keychainName();
    QString outcome;
    if (afterWrite) {
        outcome = tr("the secret was written but could not be read back to confirm it.");
    } else {
        switch (kind) {
        case Kind::Read:
            outcome = tr("nothing was changed.");
            break;
        case Kind::Write:
        case Kind::WriteVerified:
            outcome = tr("nothing was saved.");
            break;
        case Kind::Remove:
            outcome = tr("nothing was removed.");
            break;
        }
    }

    switch (status) {
    case Status::Ok:
        return QString();
    case Status::NotFound:
        if (kind == Kind::Remove)
            return tr("There is no such entry in %1 to remove; nothing was changed.").arg(keychain);
        return tr("There is no such entry in %1; nothing was changed.").arg(keychain);
    case Status::NoBackend:
#if defined(Q_OS_MACOS) || defined(Q_OS_IOS) || defined(Q_OS_WIN)
        return tr("%1 is not available: %2").arg(capitalized(keychain), outcome);
#else
        return tr("No Secret Service is running: start GNOME Keyring or KeePassXC's Secret Service "
                  "integration; %1")
            .arg(outcome);
#endif
    case Status::AccessDenied:
        return tr("Access to %1 was denied: allow DAS Connect when the keychain asks, or check its access "
                  "settings, and try again; %2")
            .arg(keychain, outcome);
    case Status::Locked:
        return tr("%1 is locked and its unlock prompt was dismissed or could not be shown: unlock it (for "
                  "example in Passwords and Keys) and try again; %2")
            .arg(capitalized(keychain), outcome);
    case Status::Timeout: {
        const int seconds = qMax(1, (timeoutMs + 999) / 1000);
        return tr("%1 did not answer within %2 s: it may be locked and waiting for a password prompt; unlock "
                  "it "
                  "and try again.")
            .arg(capitalized(keychain), QString::number(seconds));
    }
    case Status::TooLarge:
        return tr("The secret is longer than the %1 bytes DAS Connect keeps in %2; nothing was saved.")
            .arg(QString::number(SecretLimits::MaxSecretBytes), keychain);
    case Status::VerifyFailed:
        return tr("Reading the secret back from %1 did not return what was written, so it cannot be relied "
                  "on: "
                  "check the keychain and try again.")
            .arg(keychain);
    case Status::Failed:
        break;
    }
    return tr("%1 reported an error (%2); %3")
        .arg(capitalized(keychain), detail.isEmpty() ? tr("no details") : detail, outcome);
}

} // namespace das
