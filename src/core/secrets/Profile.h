#pragma once

#include "Credentials.h"

#include <QString>

namespace das {

// A named set of cloud settings. Only the non-secret parts live here and in QSettings; the SK, security token
// and IAM token live in the OS keychain (see SecretStore) and travel separately as ProfileSecrets.
struct Profile
{
    enum class AuthMethod
    {
        AkSk,          // permanent AK/SK
        TemporaryAkSk, // AK/SK with a security token
        IamToken,
    };

    QString name;
    AuthMethod auth = AuthMethod::AkSk;
    QString accessKey; // AK kinds only; not a secret
    QString region;    // a region id, or empty when endpoint is set
    QString endpoint;  // a custom endpoint URL, or empty when region is set
    QString projectId; // default project, may be empty

    bool usesAccessKey() const { return auth != AuthMethod::IamToken; }

    // The kind of credentials this profile's secrets make, for whoever loads them from the keychain.
    Credentials::Kind credentialsKind() const
    {
        switch (auth) {
        case AuthMethod::AkSk:
            break;
        case AuthMethod::TemporaryAkSk:
            return Credentials::Kind::TemporaryAkSk;
        case AuthMethod::IamToken:
            return Credentials::Kind::IamToken;
        }
        return Credentials::Kind::AkSk;
    }

    // "aksk", "temporary", "token": the values stored in QSettings and accepted by the CLI.
    static QString authName(AuthMethod method)
    {
        switch (method) {
        case AuthMethod::AkSk:
            break;
        case AuthMethod::TemporaryAkSk:
            return QStringLiteral("temporary");
        case AuthMethod::IamToken:
            return QStringLiteral("token");
        }
        return QStringLiteral("aksk");
    }

    static bool parseAuth(const QString& text, AuthMethod* method)
    {
        const QString t = text.trimmed().toLower();
        AuthMethod m = AuthMethod::AkSk;
        if (t == QLatin1String("aksk"))
            m = AuthMethod::AkSk;
        else if (t == QLatin1String("temporary"))
            m = AuthMethod::TemporaryAkSk;
        else if (t == QLatin1String("token"))
            m = AuthMethod::IamToken;
        else
            return false;
        if (method)
            *method = m;
        return true;
    }

    bool operator==(const Profile& o) const
    {
        return name == o.name && auth == o.auth && accessKey == o.accessKey && region == o.region &&
               endpoint == o.endpoint && projectId == o.projectId;
    }
    bool operator!=(const Profile& o) const { return !(*this == o); }
};

// The secret parts of a profile, in memory only. An empty field on an existing profile means "keep the stored
// one" when saving.
struct ProfileSecrets
{
    QString secretKey;
    QString securityToken;
    QString iamToken;
};

// A profile read from another tool's credentials (CredentialImporter), to be saved by
// ProfileManager::importProfiles.
struct ImportedProfile
{
    Profile profile;
    ProfileSecrets secrets;
};

} // namespace das
