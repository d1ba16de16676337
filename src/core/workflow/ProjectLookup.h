#pragma once

#include "DiscoveryModels.h"
#include "ReadWorkflow.h"

namespace das {

// The project of a region, as the SDKs find it when no project ID is given: GET /v3/projects?name={region}
// on the IAM endpoint (IamEndpoint says which). Exactly one match is the project; zero or several is a
// failure naming the region (and, for several, listing them). A single match is cached per IAM endpoint,
// access key (or token) and region for the life of the process. A profile's default project is the caller's
// to prefer: look up only when no project is known.
class ProjectLookup : public ReadWorkflow
{
    Q_OBJECT

public:
    struct Request
    {
        QUrl iamEndpoint;
        QString region;
        CredentialChoice credentials;
    };

    struct Outcome : ReadStatus
    {
        QString region;
        QString projectId;           // ok: the one match
        QList<ProjectInfo> projects; // every project IAM returned (also when zero or several)
        bool fromCache = false;
    };

    explicit ProjectLookup(const Services& services, QObject* parent = nullptr);

    // Starts the lookup; false while one is running.
    bool start(const Request& request);
    const Outcome& outcome() const { return m_outcome; }

    static void clearCache();
    // The failure for zero or several matches (ok results give an empty explanation).
    static CreateResult choiceProblem(const QString& region, const QList<ProjectInfo>& projects);

signals:
    void finished(const das::ProjectLookup::Outcome& outcome);

protected:
    void ended(const ReadStatus& status) override;

private:
    void lookUp();
    void onAnswer(const ReadResult& result);

    Request m_request;
    Outcome m_outcome;
    QByteArray m_cacheKey;
};

} // namespace das

Q_DECLARE_METATYPE(das::ProjectLookup::Outcome)
