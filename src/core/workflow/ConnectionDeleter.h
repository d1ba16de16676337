#pragma once

#include "ReadWorkflow.h"

#include <QStringList>

namespace das {

class HistoryStore;

// Deletes connections on DAS with BatchDeleteConnectionNew, ChunkSize IDs a call, one call after another,
// never with delete_all. After each confirmed chunk the history rows holding those IDs become `deleted`.
// It stops at the first failure: the chunks before it are deleted, the failed chunk is `uncertain` when
// its answer was lost (the call was sent), the rest were not sent.
class ConnectionDeleter : public ReadWorkflow
{
    Q_OBJECT

public:
    static constexpr int ChunkSize = 50;

    struct Request
    {
        QUrl endpoint;
        QString projectId;
        CredentialChoice credentials;
        QStringList connectionIds; // duplicates are sent once
    };

    struct Outcome : ReadStatus
    {
        QStringList deleted;    // confirmed by DAS
        QStringList uncertain;  // sent, answer lost: list the connections again to know
        QStringList notSent;    // after a failure
        QString historyWarning; // set when the history could not be updated
    };

    // `history` may be null or closed: then only DAS is changed.
    ConnectionDeleter(const Services& services, HistoryStore* history, QObject* parent = nullptr);

    bool start(const Request& request);
    const Outcome& outcome() const { return m_outcome; }

signals:
    void progress(int done, int total);
    void finished(const das::ConnectionDeleter::Outcome& outcome);

protected:
    void ended(const ReadStatus& status) override;

private:
    void nextChunk();
    void onChunk(const QStringList& chunk, const ReadResult& result);

    HistoryStore* m_history;
    Request m_request;
    Outcome m_outcome;
    int m_next = 0;
};

} // namespace das

Q_DECLARE_METATYPE(das::ConnectionDeleter::Outcome)
