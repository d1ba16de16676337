#pragma once

#include "DiscoveryModels.h"
#include "ReadWorkflow.h"

namespace das {

// The instances DAS knows (ListCloudDbaInstances), for one engine or all: one call per datastore type, every
// page (offset/limit, PageSize items a page, offsets up to MaxOffset as the API allows), one call at a time.
// Results are cached per endpoint, project, access key and datastore type for the life of the process;
// Request::refresh asks again.
class InstanceCatalog : public ReadWorkflow
{
    Q_OBJECT

public:
    static constexpr int PageSize = 100; // the API page's maximum
    static constexpr int MaxOffset = 5000;

    struct Request
    {
        QUrl endpoint;
        QString projectId;
        CredentialChoice credentials;
        QString engineType; // our enum value (mysql, …); empty: every datastore type, MariaDB included
        bool refresh = false;
    };

    struct Outcome : ReadStatus
    {
        QList<InstanceInfo> instances; // in datastore type order, then as DAS listed them
        bool truncated = false;        // a type had more than MaxOffset + PageSize instances
    };

    explicit InstanceCatalog(const Services& services, QObject* parent = nullptr);

    bool start(const Request& request);
    const Outcome& outcome() const { return m_outcome; }

    static void clearCache();

signals:
    // After every page: instances loaded so far, the total expected so far (the types not yet asked count 0),
    // and the datastore type being loaded.
    void progress(int loaded, int expected, const QString& datastoreType);
    void finished(const das::InstanceCatalog::Outcome& outcome);

protected:
    void ended(const ReadStatus& status) override;

private:
    void nextType();
    void loadPage();
    void onPage(const ReadResult& result);
    QByteArray cacheKey(const QString& type) const;

    Request m_request;
    Outcome m_outcome;
    QStringList m_types;
    int m_typeIndex = -1;
    int m_offset = 0;
    int m_expectedDone = 0; // total_count of the finished types
    QList<InstanceInfo> m_current;
};

} // namespace das

Q_DECLARE_METATYPE(das::InstanceCatalog::Outcome)
