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
//   dbpassword:<endpoint>|<project id>|<instance id>|<username>   (<endpoint> "sandbox": the built-in one)
// Each entry written is also given a label naming what it is ("DAS Connect: AK/SK for profile prod"), which
// is what Seahorse and KeePassXC list; lookups match the attributes only, never the label (on Linux the label
// is set over D-Bus after QtKeychain's write, best effort: see SecretItemLabeler).
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
    // `label` names the entry in keychain managers; empty: defaultLabel(key).
    SecretJob* write(const QString& key, const QString& secret, const QString& label = QString());
    // Write, then read back and compare; a mismatch is VerifyFailed.
    SecretJob* writeVerified(const QString& key, const QString& secret, const QString& label = QString());
    // A missing entry is reported as NotFound and nothing is touched.
    SecretJob* remove(const QString& key);

    // `which` is one of the *Field constants.
    static QString profileSecretKey(const QString& profileName, const QString& which);
    // The built-in sandbox's endpoint (see registerSandboxEndpoint) is keyed as SandboxEndpointKey.
    static QString databasePasswordKey(const QString& endpoint, const QString& projectId,
                                       const QString& instanceId, const QString& username);

    // What an entry is, for people: "DAS Connect: AK/SK for profile prod", "DAS Connect: password for root @
    // ...f5fbin01 (das.cn-north-4.myhuaweicloud.com)". Never contains a secret (keys hold none).
    static QString defaultLabel(const QString& key);
    // `instanceName` (may be empty) is shown before the instance ID's tail.
    static QString databasePasswordLabel(const QString& endpoint, const QString& instanceId,
                                         const QString& username, const QString& instanceName = QString());

    // The built-in sandbox listens on a new loopback port each run; keying its passwords by that URL would
    // lose them with every restart. While registered (SandboxHost, from start until it is destroyed), its
    // endpoint is keyed by this stable name instead, so a password saved in one demo is offered in the next.
    // Nothing else on loopback is: another local service on another port never gets its password.
    static constexpr const char* SandboxEndpointKey = "sandbox";
    static void registerSandboxEndpoint(const QString& endpoint);
    static void unregisterSandboxEndpoint(const QString& endpoint);

    // Runs any job to its end in a local event loop (always bounded by the job's deadline), e.g.
    // SecretStore::waitFor(store.read(key)) in the CLI and in tests.
    static SecretResult waitFor(SecretJob* job);

private:
    SecretJob* startJob(SecretJob::Kind kind, const QString& key, const QString& secret,
                        const QString& label = QString());

    int m_timeoutMs = DefaultTimeoutMs;
};

} // namespace das
