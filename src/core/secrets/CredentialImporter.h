#pragma once

#include "Profile.h"

#include <QCoreApplication>
#include <QList>
#include <QProcessEnvironment>
#include <QString>

namespace das {

struct ImportedProfile
{
    Profile profile;
    ProfileSecrets secrets;
};

// Reads credentials other Huawei Cloud tools already have, for ProfileManager to copy into the keychain. The
// sources are only ever read. Region and endpoint are left as found (the SDK file and variables have none).
class CredentialImporter
{
    Q_DECLARE_TR_FUNCTIONS(CredentialImporter)

public:
    static constexpr qint64 MaxFileBytes = 1024 * 1024;

    static QString
    defaultSdkCredentialsPath(const QProcessEnvironment& env);              // $HOME/.huaweicloud/credentials
    static QString defaultKooCliConfigPath(const QProcessEnvironment& env); // $HOME/.hcloud/config.json

    // HUAWEICLOUD_SDK_AK, _SK, _SECURITY_TOKEN (temporary AK/SK when set), _PROJECT_ID.
    static bool fromEnvironment(const QProcessEnvironment& env, const QString& profileName,
                                ImportedProfile* out, QString* error);
    // The SDK credentials file: INI, section [basic] with ak, sk, security_token, project_id.
    static bool fromSdkCredentialsFile(const QString& path, const QString& profileName, ImportedProfile* out,
                                       QString* error);
    // KooCLI's config.json: {"profiles": [{"name", "mode", "accessKeyId", "secretAccessKey", "securityToken",
    // "region", "projectId"}]}. All or nothing: on any problem *out is left untouched.
    static bool fromKooCliConfig(const QString& path, QList<ImportedProfile>* out, QString* error);

private:
    static bool readSmallFile(const QString& path, QByteArray* bytes, QString* error);
    static bool checkSecretText(const QString& value, const QString& where, QString* error);
};

} // namespace das
