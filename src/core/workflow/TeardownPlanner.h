#pragma once

#include "ConnectionInfo.h"
#include "ConnectionList.h"
#include "HistoryRecord.h"

namespace das {

class HistoryStore;

// What a teardown would delete: the connections this history created on one endpoint and project since a
// time, checked against what DAS lists now (every page). Rows whose connection DAS no longer lists are
// reported as already gone (and marked deleted); nothing is deleted here. ConnectionDeleter does that with
// the plan's IDs, after the user has seen them.
class TeardownPlanner : public ConnectionReader
{
    Q_OBJECT

public:
    struct Request
    {
        QUrl endpoint;
        QString projectId;
        CredentialChoice credentials;
        QDateTime since; // UTC
    };

    struct Item
    {
        HistoryRecord row;
        ConnectionInfo onDas;
    };

    struct Outcome : ReadStatus
    {
        QList<Item> toDelete;             // oldest first
        QList<HistoryRecord> alreadyGone; // created here, no longer listed by DAS
        QStringList connectionIds() const;
        QStringList instanceIds() const; // distinct, for the confirmation
    };

    TeardownPlanner(const Services& services, HistoryStore* history, QObject* parent = nullptr);

    bool start(const Request& request);
    const Outcome& outcome() const { return m_outcome; }

signals:
    void finished(const das::TeardownPlanner::Outcome& outcome);

protected:
    void ended(const ReadStatus& status) override;

private:
    void plan(const Listed& listed);

    HistoryStore* m_history;
    Request m_request;
    Outcome m_outcome;
    QList<HistoryRecord> m_rows;
};

} // namespace das

Q_DECLARE_METATYPE(das::TeardownPlanner::Outcome)
