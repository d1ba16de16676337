#pragma once

#include "ConnectionInfo.h"
#include "ConnectionList.h"
#include "HistoryRecord.h"

namespace das {

class HistoryStore;

// Resolves a create whose answer was lost by asking DAS what exists, never by sending it again: every
// page of ListConnections?instance_id=… is searched for a connection with the row's instance, user name
// and database name, created no earlier than a minute (clock slack) before the row was written, and not
// already in the history. Exactly one → created ("confirmed on DAS"); none at any of the scheduled checks
// → not created, safe to create again; several → ambiguous, listed, left unknown. The verdict is written
// to the row (when it has one in `history`).
class OutcomeReconciler : public ConnectionReader
{
    Q_OBJECT

public:
    enum class Verdict
    {
        Created,
        NotCreated,
        Ambiguous,
    };

    static constexpr qint64 ClockSlackMs = 60 * 1000;
    // A create's request is answered within the client's deadline (120 s by default); DAS cannot have made
    // its connection later than this after the row was written.
    static constexpr qint64 MaxCreateSpanMs = 5 * 60 * 1000;
    // When to look (milliseconds after start): DAS may list a connection a moment after creating it.
    static QList<int> freshSchedule() { return {0, 2500, 5000, 10000}; }
    // A row from an earlier run was written long ago: one look is enough.
    static QList<int> laterSchedule() { return {0}; }

    struct Request
    {
        QUrl endpoint;
        CredentialChoice credentials;
        HistoryRecord row; // projectId, instanceId, username, databaseName, createdAt (and id when stored)
        QList<int> scheduleMs = freshSchedule();
    };

    struct Outcome : ReadStatus
    {
        Verdict verdict = Verdict::NotCreated; // meaningful when ok
        ConnectionInfo match;                  // Created
        QList<ConnectionInfo> candidates;      // Ambiguous
        QString historyWarning;                // the verdict could not be written to the row
    };

    // `history` may be null or closed: the verdict is then only reported.
    OutcomeReconciler(const Services& services, HistoryStore* history, QObject* parent = nullptr);

    bool start(const Request& request);
    const Outcome& outcome() const { return m_outcome; }

    // The candidates of `list` for `row` (the matching rule above, created at most MaxCreateSpanMs after the
    // row), `known` being the history's IDs.
    static QList<ConnectionInfo> candidates(const HistoryRecord& row, const QList<ConnectionInfo>& list,
                                            const QSet<QString>& known);
    // One dated candidate → Created; none → NotCreated; several, or one DAS did not date → Ambiguous.
    static Outcome verdictFor(const QList<ConnectionInfo>& found);
    // One line for the row's stateDetail and for display: "confirmed on DAS", …
    static QString describe(const Outcome& outcome);
    // Writes a verdict (ok outcomes only) to history row `id` if the row is still pending or unknown:
    // HistoryStore::settleUnresolved's 1, 0 (settled meanwhile by someone else) or -1.
    static int recordVerdict(HistoryStore* history, qint64 id, const Outcome& outcome, QString* error);

signals:
    void checking(int attempt, int attempts);
    void finished(const das::OutcomeReconciler::Outcome& outcome);

protected:
    void ended(const ReadStatus& status) override;

private:
    void check();
    void judge(const QList<ConnectionInfo>& listed);
    void writeVerdict();
    void adoptSettled(const HistoryRecord& current);

    HistoryStore* m_history;
    Request m_request;
    Outcome m_outcome;
    int m_attempt = 0;
};

// Resolves the pending and unknown rows an earlier run left (window start, `das-connect-cli reconcile`) for
// one endpoint and project; rows of other targets are counted as skipped and left as they are. Each look
// lists every page of each instance that still has unresolved rows (one listing per instance, however many
// rows), then judges every row by OutcomeReconciler's rule, in the order they were written (a connection
// given to one row is known for the next). A row written more than a minute before the start is judged at the
// first look; a younger one (a create that may still be arriving) waits through the looks of `scheduleMs`, so
// the whole run takes at most the schedule's span, not a span per row.
class HistoryReconciliation : public ConnectionReader
{
    Q_OBJECT

public:
    struct Request
    {
        QUrl endpoint;
        QString projectId;
        CredentialChoice credentials;
        QList<int> scheduleMs = OutcomeReconciler::freshSchedule();
    };

    struct RowResult
    {
        HistoryRecord row;                  // as it was before
        OutcomeReconciler::Outcome outcome; // ok; verdict, match or candidates
    };

    struct Outcome : ReadStatus
    {
        QList<RowResult> rows; // in the order they were settled
        int skipped = 0;       // unresolved rows of other targets
        bool stopped = false;  // a read failed (failure says why): the rows not yet settled stay as they were
    };

    HistoryReconciliation(const Services& services, HistoryStore* history, QObject* parent = nullptr);

    bool start(const Request& request); // false while running
    const Outcome& outcome() const { return m_outcome; }

signals:
    // Before each row is judged, at every look: its index among the rows still open, and their count.
    void rowStarted(int index, int count, const das::HistoryRecord& row);
    void finished(const das::HistoryReconciliation::Outcome& outcome);

protected:
    void ended(const ReadStatus& status) override;

private:
    void look();
    void listInstance(int index);
    void judgeAll();

    HistoryStore* m_history;
    Request m_request;
    Outcome m_outcome;
    QList<HistoryRecord> m_open;
    QStringList m_instances;
    QHash<QString, QList<ConnectionInfo>> m_listed;
    QDateTime m_started;
    int m_attempt = 0;
};

} // namespace das

Q_DECLARE_METATYPE(das::OutcomeReconciler::Outcome)
Q_DECLARE_METATYPE(das::HistoryReconciliation::Outcome)
