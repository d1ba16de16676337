#pragma once

#include <QString>

#include <functional>

class QObject;

namespace das {

// What one QtKeychain job answered: its QKeychain::Error (as an int), its error text and, for a read, the
// text it read. `isRead`: the job was a read, so `secret` is what the keychain returned (empty if it failed).
struct KeychainAnswer
{
    int error = 0;
    QString errorString;
    QString secret;
    bool isRead = false;
};

// Everything of the keychain code that needs QtKeychain or QtDBus. Those pull libqt6keychain, QtDBus,
// libdbus, libsystemd, libgcrypt and five more libraries into a process: about 1 ms of loading and relocation
// at every start. So this lives in a module (libdas-keychain.so, see KeychainModule) that is loaded the first
// time a keychain job or a bus check runs, and a CLI run that never touches the keychain never maps any of
// them. SecretJob keeps every decision (deadlines, error mapping, the order of the steps); a backend only
// runs one call and reports what came back. Everything runs on the thread of `context`/`parent`; callbacks
// come from the event loop and never after `context` is destroyed.
class KeychainBackend
{
public:
    enum class Call
    {
        Read,
        Write,
        Delete,
    };

    virtual ~KeychainBackend() = default;

    // Starts one QtKeychain job (auto-deleting, never an insecure plain-text fallback) on `service`/`key`;
    // `secret` is written by Call::Write only.
    virtual void start(Call call, const QString& service, const QString& key, const QString& secret,
                       QObject* context, std::function<void(const KeychainAnswer&)> done) = 0;
    // Asks the Secret Service whether its default collection is locked, within timeoutMs. False, and `done`
    // is never called, when there is no session bus connection to ask over.
    virtual bool askDefaultCollectionLocked(int timeoutMs, QObject* context,
                                            std::function<void(bool locked)> done) = 0;
    // SecretJob::unavailableOnTheBus() past the checks that need no bus: asks the bus daemon only.
    virtual QString unavailableOnTheBus() = 0;
    // Starts a SecretItemLabeler, a child of `parent`, and returns it; `done` comes once, from the event
    // loop, through a connection whose context is `parent` (so `labeler->disconnect(parent)` cancels it).
    virtual QObject* startLabel(const QString& key, const QString& label, int timeoutMs, QObject* parent,
                                std::function<void()> done) = 0;
};

} // namespace das

// The module's exported symbols: the backend, created on the first call, alive until the process ends; and
// the version it was built as. A program loads only a module of its own version: the module is loaded on
// first use, so a program started before an upgrade would otherwise load the new module (KeychainBackend has
// no stable ABI).
#define DAS_KEYCHAIN_BACKEND_SYMBOL "das_keychain_backend_v1"
