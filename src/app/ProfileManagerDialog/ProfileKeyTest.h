#pragma once

#include "Profile.h"
#include "ReadWorkflow.h"

#include <QUrl>

namespace das {

// The profile manager's *Test*: one signed read with the profile's own credentials, so that a wrong SK, an
// unknown AK, a clock offset or a missing permission shows before any create. A profile with a default
// project lists one MySQL instance of it (GET /v3/{project}/instances?datastore_type=MySQL&offset=0&limit=1
// on its DAS endpoint); one without asks IAM for the region's project (GET /v3/projects?name={region} on the
// IamEndpoint: HUAWEICLOUD_SDK_IAM_ENDPOINT, else the regional IAM host, else the global one; a loopback
// custom endpoint, the sandbox, is its own IAM endpoint). Any 2xx answer means the keys were accepted; the
// answer's content is not judged. Nothing is created and nothing is cached.
class ProfileKeyTest : public ReadWorkflow
{
    Q_OBJECT

public:
    struct Outcome : ReadStatus
    {
        QString profile;
        QUrl endpoint;     // where the read went (empty when it never left)
        bool iam = false;  // the IAM project lookup rather than the DAS instance list
        bool sent = false; // the secrets were read and the call was made
    };

    explicit ProfileKeyTest(const Services& services, QObject* parent = nullptr);

    // False while a test is running.
    bool start(const Profile& profile, const CredentialChoice& credentials);
    const Outcome& outcome() const { return m_outcome; }

    // The status line for an outcome: keychain problem; credentials accepted; rejected and why; unreachable.
    static QString describe(const Outcome& outcome);

signals:
    void finished(const das::ProfileKeyTest::Outcome& outcome);

protected:
    void ended(const ReadStatus& status) override;

private:
    void send(const Profile& profile);

    Outcome m_outcome;
};

} // namespace das
