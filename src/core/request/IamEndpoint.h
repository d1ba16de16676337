#pragma once

#include "EndpointResolver.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace das {

// Where the IAM project lookup (GET /v3/projects?name={region}) goes, in this order:
//   1. the sandbox, when it is the target (it serves the lookup too);
//   2. the profile's own IAM endpoint (a hook: profiles do not have the field yet);
//   3. HUAWEICLOUD_SDK_IAM_ENDPOINT, https:// added when it has no scheme, as the SDKs do;
//   4. https://iam.{region}.myhuaweicloud.com for the regions the Go SDK lists for IAM (eu-west-101 is
//      iam.eu-west-101.myhuaweicloud.eu);
//   5. the global https://iam.myhuaweicloud.com.
// Every URL obeys EndpointResolver::parseEndpoint: plain http:// only on loopback.
class IamEndpoint
{
    Q_DECLARE_TR_FUNCTIONS(das::IamEndpoint)

public:
    struct Inputs
    {
        QString region;
        QProcessEnvironment environment;
        QString profileEndpoint; // a profile's own IAM endpoint, empty when it has none
        QUrl sandboxEndpoint;    // set when the target is the sandbox
    };

    static constexpr const char* EnvironmentVariable = "HUAWEICLOUD_SDK_IAM_ENDPOINT";
    static constexpr const char* GlobalEndpoint = "https://iam.myhuaweicloud.com";

    static EndpointResolver::Result resolve(const Inputs& inputs);
    // The regions with a regional IAM host in the Go SDK (services/iam/v3/region/region.go).
    static QStringList regionalHosts();
    static QString regionalEndpoint(const QString& region); // empty when the SDK lists none
};

} // namespace das
