#pragma once

#include "BatchFile.h"
#include "ConnectionRequest.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace das {

// One rule a batch row breaks: the column it is about (lower-case, as in the file) and one sentence.
struct BatchViolation
{
    QString column;
    QString rule; // the validator's rule name (required, format, length, choice, …) or "resolve", "duplicate"
    QString message;
};

// What a plan decided for one row of the file.
struct BatchRowPlan
{
    enum class Action
    {
        Create,  // valid, and DAS holds no connection with its duplicate key
        Skip,    // DAS already holds one: existingId
        Invalid, // violations says why; nothing is sent for it
    };

    int row = 0;                 // the file's row number
    BatchRecord source;          // the cells as read (or as edited in the window)
    Action action = Action::Invalid;
    ConnectionRequest request;   // resolved IDs, engine and network filled; never a password
    QString instanceName;        // for display, when known
    QString existingId;          // Skip
    QList<BatchViolation> violations;
    bool excluded = false;       // left out by the user (window): not sent, reported as not run
    // What BatchPlanner still has to look up in DAS before the row can be sent.
    bool needsInstance = false;  // instance_name given, or the engine type left out
    QStringList nodeNames;       // node_names given: resolved to node IDs

    bool willSend() const { return action == Action::Create && !excluded; }
    QString summary() const;     // "create", "skip (exists: ID)", "invalid (row 3, username: …)"
    QJsonObject toJson() const;  // {"row", "action", "instance_id", "username", "database_name", "existing_id",
                                 //  "violations": [{"column", "rule", "message"}]}
};

struct BatchPlan
{
    QList<BatchRowPlan> rows;    // in file order
    QList<BatchFileProblem> fileProblems; // from reading the file: when not empty, nothing may be applied

    int count(BatchRowPlan::Action action) const;
    bool usable() const { return fileProblems.isEmpty(); }
};

// The part of planning that needs no network: each record becomes a ConnectionRequest (project from the
// record or `defaultProjectId`; node_ids split on spaces, commas or semicolons; booleans as true/false,
// yes/no, 1/0) validated by RequestValidator, violations mapped back to the file's column names. Rows that
// name an instance by name, leave out the engine or network type, or give node names are left for the
// BatchPlanner to resolve (they are not invalid for that here). Rows with the same duplicate key (instance,
// user name, database name) as an earlier row are invalid ("duplicate of row N").
class BatchRowReader
{
    Q_DECLARE_TR_FUNCTIONS(das::BatchRowReader)

public:
    static BatchRowPlan read(const BatchRecord& record, const QString& defaultProjectId);
    // Marks later rows with an earlier row's key invalid; call after resolving instance IDs.
    static void markDuplicatesInFile(QList<BatchRowPlan>* rows);
    // Re-validates a row after a resolution step or an edit in the window (keeps "resolve" violations out).
    static void validate(BatchRowPlan* row);
};

} // namespace das
