#pragma once

#include "SecretJob.h"
#include "SecretLimits.h"
#include "SecretResult.h"

#include <QObject>
#include <QString>

namespace das {

// The only door to the OS keychain (QtKeychain: Secret Service on Linux, Keychain on macOS, Credential
// Manager on Windows). Never falls back to plain-text storage.
//
// Every entry is stored under service SecretLimits::ServiceName ("das-connect"); on Linux QtKeychain writes
// it with the libsecret attributes server=das-connect, user=<key>, type=plaintext (schema org.qt.keychain),
// so `secret-tool lookup server das-connect user <key>` finds it. Keys:
//   profile:<profile name>:sk | :security_token | :iam_token
//   dbpassword:<endpoint>|<project id>|<instance id>|<username>
//
// On Linux, with no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS unset, no $XDG_RUNTIME_DIR/bus socket) every
// job ends as NoBackend without touching D-Bus, so that nothing autolaunches a bus or keyring daemon.
//
// Jobs do not belong to the store: deleting the store leaves jobs in flight to finish (or time out) alone.
// QtKeychain runs one backend request at a time per process, so a request stuck on an unanswered unlock
// prompt delays the ones behind it; every job still ends by its own deadline.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultTimeoutMs = 15000;

    static constexpr const char* SecretKeyField = "sk";
    static constexpr const char* SecurityTokenField = "security_token";
    static constexpr const char* IamTokenField = "iam_token";

    explicit SecretStore(QObject* parent = nullptr);

    // Deadline of each job started afterwards, in ms (0 expires before any answer; tests use it).
    void setTimeoutMs(int ms);

    SecretJob* read(const QString& key);
    SecretJob* write(const QString& key, const QString& secret);
    // Write, then read back and compare; a mismatch is VerifyFailed.
    SecretJob* writeVerified(const QString& key, const QString& secret);
    // A missing entry is reported as NotFound and nothing is touched.
    SecretJob* remove(const QString& key);

    // `which` is one of the *Field constants.
    static QString profileSecretKey(const QString& profileName, const QString& which);
    static QString databasePasswordKey(const QString& endpoint, const QString& projectId,
                                       const QString& instanceId, const QString& username);

    // Runs any job to its end in a local event loop (always bounded by the job's deadline), e.g.
    // SecretStore::waitFor(store.read(key)) in the CLI and in tests.
    static SecretResult waitFor(SecretJob* job);

private:
    SecretJob* startJob(SecretJob::Kind kind, const QString& key, const QString& secret);

    int m_timeoutMs = DefaultTimeoutMs;
};

} // namespace das
