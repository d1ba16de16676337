#pragma once

#include "BatchPasswords.h"
#include "BatchPlan.h"
#include "CreateSession.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>

#include <map>
#include <memory>

namespace das {

class SecretJob;

// How one row of an applied batch ended.
struct BatchRowResult
{
    enum class Status
    {
        Created,
        Existing, // skipped: DAS already held it (plan), or the session found it
        Invalid,  // the plan refused it; nothing sent
        Failed,   // a definite failure (refusal, not sent, no password); nothing created
        Unknown,  // the answer was lost and reconciliation could not settle it
        NotRun,   // stopped (Ctrl+C, cancel) before it started, or excluded
    };

    int row = 0;
    Status status = Status::NotRun;
    QString instanceId;
    QString username;
    QString databaseName;
    QString connectionId;
    QString requestId;
    QString error;    // one sentence (the violation list for Invalid); never a password
    int attempts = 0; // sends: more than one only after throttling
    bool reconciled = false;

    static QString statusName(Status status); // created, existing, invalid, failed, unknown, not_run
};

// What an apply did, row by row, and the files and exit code made from it.
struct BatchReport
{
    QList<BatchRowResult> rows; // in file order
    bool stopped = false;       // stop() was called

    int count(BatchRowResult::Status status) const;
    // 0 every row created or existing; 5 some unknown; 4 some failed or invalid (or not run after a stop).
    int exitCode() const;
    QJsonObject
    toJson() const; // {"rows": [...], "created": N, "existing": N, "invalid": N, "failed": N, "unknown": N}
    QByteArray toCsv() const;
    // CSV or JSON by the extension (.json, else CSV), written atomically (QSaveFile) with mode 0600.
    bool save(const QString& path, QString* error) const;
};

// Applies a plan made just before (apply always plans first: the plan's one listing per project is the
// duplicate check, so a row is not listed again): the rows to create run as CreateSessions (IfExists::Create;
// write-ahead history; lost answers reconciled, never re-sent), at most `parallel` at a time. A throttled
// answer (HTTP 429 / APIGW.0308, refused at the gateway before DAS saw it) is the one failure sent again:
// after Retry-After when the answer gave it, else exponential backoff with full jitter (BackoffBaseMs
// doubling, capped at BackoffCapMs), at most MaxThrottleRetries times. A row without a password from
// BatchPasswords is looked up in the keychain (the row's saved-password key); still none → Failed.
class BatchRunner : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultParallel = 4;
    static constexpr int MaxParallel = 16;

    struct Options
    {
        int parallel = DefaultParallel; // 1..MaxParallel
        int maxThrottleRetries = 8;
        int backoffBaseMs = 1000;
        int backoffCapMs = 30000;
        QList<int> reconcileScheduleMs; // empty: OutcomeReconciler's
        int retryAfterCapMs = 0;        // > 0: a Retry-After waits at most this long (tests)
    };

    // The wait before resending after the `attempt`th throttled answer (1-based): Retry-After when the answer
    // gave one, else a random time in [0, min(backoffCapMs, backoffBaseMs * 2^(attempt-1))].
    static int backoffDelayMs(const Options& options, int attempt, int retryAfterSeconds,
                              QRandomGenerator* random);

    BatchRunner(const CreateSession::Services& services, QObject* parent = nullptr);
    ~BatchRunner() override;

    // Starts from the event loop. Rows that are not Create (or excluded) are reported at once.
    bool start(const BatchPlan& plan, const CreateSession::Target& target,
               const CredentialChoice& credentials, const BatchPasswords& passwords, const Options& options);
    // Starts no more rows; those in flight finish (or are reconciled); then finished().
    void stop();
    bool isRunning() const { return m_running; }
    const BatchReport& report() const { return m_report; }

signals:
    void rowStarted(int row);
    void rowFinished(const das::BatchRowResult& result);
    void throttled(int row, int waitMs);
    void progress(int done, int total);
    void finished(const das::BatchReport& report);

private:
    struct Slot; // a row being worked on: its password, attempts, session, keychain look-up or retry wait
    void begin(int generation);
    void pump();
    void startRow(int index);
    void lookUpPassword(int index);
    void send(int index, const QString& password);
    void onSessionFinished(int index, const CreateSession::Outcome& outcome);
    BatchRowResult resultOf(int index, const CreateSession::Outcome& outcome) const;
    BatchRowResult rowResult(int index, BatchRowResult::Status status,
                             const QString& error = QString()) const;
    void finishRow(int index, const BatchRowResult& result);
    int backoffMs(int attempt, int retryAfterSeconds);
    void settleStopped();
    void checkDone();

    CreateSession::Services m_services;
    CreateSession::Target m_target;
    CredentialChoice m_credentials;
    BatchPasswords m_passwords;
    Options m_options;
    BatchPlan m_plan;
    BatchReport m_report;
    QList<int> m_queue; // indexes into m_plan.rows still to start
    int m_inFlight = 0;
    int m_done = 0;
    int m_total = 0;
    bool m_running = false;
    bool m_stopping = false;
    bool m_begun = false;
    int m_generation = 0;                         // callbacks of an earlier run are ignored
    std::map<int, std::unique_ptr<Slot>> m_slots; // by index into m_plan.rows, in file order
    QRandomGenerator m_jitter;
};

} // namespace das

Q_DECLARE_METATYPE(das::BatchRowResult)
Q_DECLARE_METATYPE(das::BatchReport)
