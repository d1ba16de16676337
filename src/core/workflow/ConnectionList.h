#pragma once

#include "ConnectionInfo.h"
#include "ReadWorkflow.h"

#include <memory>

namespace das {

// The base of the workflows that read ListConnections: one page, or every page of a query one call after
// another. A failed or unreadable page ends the run with that failure.
class ConnectionReader : public ReadWorkflow
{
    Q_OBJECT

public:
    static constexpr int PageSize = 200; // the API's maximum limit
    static constexpr int MaxConnections = 20000;

    struct Query
    {
        QUrl endpoint;
        QString projectId;
        QString instanceId; // sent as instance_id when set
        QString condition;  // sent as condition when set
    };

    struct Listed
    {
        QList<ConnectionInfo> connections;
        int totalRecord = 0;
        bool truncated = false; // stopped at MaxConnections
    };

protected:
    using ReadWorkflow::ReadWorkflow;

    static ApiRequest pageRequest(const Query& query, int offset, int limit);
    // One page from `offset`, `limit` items (1..PageSize).
    void listPage(const Query& query, int offset, int limit, std::function<void(const Listed&)> next);
    // Every page from offset 0; `progress` after each page.
    void listAll(const Query& query, std::function<void(const Listed&)> next,
                 std::function<void(int loaded, int total)> progress = {});

private:
    void listFrom(const Query& query, int offset, std::shared_ptr<Listed> listed,
                  std::function<void(const Listed&)> next, std::function<void(int, int)> progress);
};

// The connections DAS holds for a project (ListConnections, connection_type NORMAL): one page, or every
// page one after another (offset/limit, PageSize a page) up to MaxConnections.
class ConnectionList : public ConnectionReader
{
    Q_OBJECT

public:
    struct Request
    {
        QUrl endpoint;
        QString projectId;
        CredentialChoice credentials;
        QString instanceId; // sent as instance_id when set
        QString condition;  // sent as condition when set: a keyword DAS matches against address, instance
                            // name and remarks
        int offset = 0;
        int limit = PageSize;  // 1..PageSize
        bool allPages = false; // from offset to the end (limit is then the page size)
    };

    struct Outcome : ReadStatus
    {
        QList<ConnectionInfo> connections; // in DAS's order
        int totalRecord = 0;               // DAS's total_record for the query
        bool truncated = false;            // allPages stopped at MaxConnections
    };

    explicit ConnectionList(const Services& services, QObject* parent = nullptr);

    bool start(const Request& request); // false while a run is going on
    const Outcome& outcome() const { return m_outcome; }

signals:
    void progress(int loaded, int total);
    void finished(const das::ConnectionList::Outcome& outcome);

protected:
    void ended(const ReadStatus& status) override;

private:
    Request m_request;
    Outcome m_outcome;
};

} // namespace das

Q_DECLARE_METATYPE(das::ConnectionList::Outcome)
