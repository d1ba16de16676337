#pragma once

#include "HistoryRecord.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTextStream>

namespace das {

struct DasContext;
class HistoryStore;

// `das-connect-cli delete CONNECTION_ID...` and `delete --created-since TIME`: shows what will be deleted on
// DAS, asks (on a terminal; elsewhere --yes is required), then deletes with ConnectionDeleter, which marks
// the history rows deleted. --created-since deletes what this computer's history created on the target since
// TIME (TeardownPlanner), never a connection someone else created.
class DeleteCommand
{
    Q_DECLARE_TR_FUNCTIONS(das::DeleteCommand)

public:
    DeleteCommand(QTextStream& out, QTextStream& err, QTextStream& in, const QProcessEnvironment& env);
    int run(const QStringList& arguments);

    // "30m", "2h", "1d" before `now`, or ISO 8601 ("2026-11-30T08:00", local time unless it ends in Z or an
    // offset; a date alone is its local midnight). Returned in UTC; invalid when it is neither.
    static QDateTime parseSince(const QString& text, const QDateTime& now);

    // Exit status when the user answers no at the prompt, or the history cannot be opened for
    // --created-since.
    static constexpr int ExitDeclined = 1;
    static constexpr int ExitHistory = 1;

private:
    // What will be sent, and what is reported without being sent.
    struct Plan
    {
        QStringList ids;                  // to send, in order
        QStringList notFound;             // named, but DAS does not list them
        QList<HistoryRecord> alreadyGone; // --created-since: created here, no longer on DAS
        QStringList lines;                // one per connection to delete, for the confirmation
        QStringList instances;            // distinct instances of `ids`, for the confirmation
        bool sinceMode = false;
    };

    // Reads --created-since into `since`; the usage problems, if any.
    static QStringList readSince(const QString& text, QDateTime* since);
    // By ID when `since` is invalid, else what the history created since then.
    int makePlan(DasContext& c, HistoryStore& history, const QStringList& ids, const QDateTime& since,
                 Plan& plan);
    int planIds(DasContext& c, const QStringList& ids, Plan& plan);
    int planSince(DasContext& c, HistoryStore& history, const QDateTime& since, Plan& plan);
    void showPlan(const Plan& plan);
    int execute(DasContext& c, HistoryStore& history, const Plan& plan, bool json);
    void printResult(const Plan& plan, const QStringList& deleted, const QStringList& uncertain,
                     const QStringList& notSent, bool json);

    QTextStream& m_out;
    QTextStream& m_err;
    QTextStream& m_in;
    QProcessEnvironment m_env;
};

} // namespace das
