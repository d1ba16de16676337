#pragma once

#include "SecretResult.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

namespace das {

class KeychainBackend;
struct KeychainAnswer;

// One keychain read, write, delete or write-then-verify, bounded by a deadline. The job owns itself: it emits
// finished() exactly once, always from the event loop (never from the call that created it), then
// deleteLater()s itself. Deleting it earlier is safe too.
class SecretJob : public QObject
{
    Q_OBJECT

public:
    enum class Kind
    {
        Read,
        Write,
        Remove,
        WriteVerified,
    };

    ~SecretJob() override;

    Kind kind() const { return m_kind; }

    // "Read", "Write", "Remove", "WriteVerified": for logs.
    static QString kindName(Kind kind);
    // QKeychain::Error plus errorString() -> status. Exposed for tests.
    static SecretResult::Status classify(int keychainError, const QString& errorString);
    // The sentence shown for a status, naming the keychain and what to do.
    static QString describe(SecretResult::Status status, Kind kind, const QString& detail, int timeoutMs,
                            bool afterWrite = false);
    // "the OS keychain (Secret Service)" on Linux; the platform's keychain elsewhere.
    static QString keychainName();
    // Why no keychain can be reached here, found without asking one (with no D-Bus session bus, asking would
    // autolaunch daemons); empty when one may be there, which only a keychain call can tell.
    static QString unavailableWithoutAsking();
    // The same, and else whether a keychain service runs or can be started on the session bus, asking only
    // the bus daemon (a keychain itself is never asked: on KDE that opens the wallet). Empty when one may be
    // there.
    static QString unavailableOnTheBus();

signals:
    void finished(const das::SecretResult& result);

private:
    friend class SecretStore;

    enum class Step
    {
        Read,   // Kind::Read
        Write,  // Kind::Write and the first half of WriteVerified
        Verify, // read-back of WriteVerified
        Probe,  // Kind::Remove: QtKeychain reports deleting a missing entry as success, so look first
        Delete,
        Label, // after a write: name the entry for people (SecretItemLabeler); never fails the write
    };

    // A label is never allowed more than this, nor more than half of what is left of the deadline.
    static constexpr int LabelBudgetMs = 5000;

    SecretJob(Kind kind, const QString& key, const QString& secret, const QString& label, int timeoutMs);
    void start();
    void startStep(Step step);
    void onStepFinished(Step step, const KeychainAnswer& answer);
    void startLabel();
    void afterLabel();
    void finishNotFound(const QString& detail);
    void finish(SecretResult::Status status, const QString& detail = QString(),
                const QString& secret = QString(), bool afterWrite = false);

    const Kind m_kind;
    const QString m_key;
    QString m_secret;      // writes only; dropped when the job finishes
    const QString m_label; // writes only
    Step m_step = Step::Read;
    KeychainBackend* m_backend = nullptr; // from KeychainModule, once start() has loaded it
    QObject* m_labeler = nullptr;         // a SecretItemLabeler, made by the keychain module
    const int m_timeoutMs;
    QTimer m_deadline;
    QElapsedTimer m_clock; // for the debug log only
    bool m_started = false;
    bool m_finished = false;
    SecretResult m_result;
};

} // namespace das
