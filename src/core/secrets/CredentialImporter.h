#pragma once

#include "Profile.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QProcessEnvironment>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace das {

// Reads credentials other Huawei Cloud tools already have, for ProfileManager to copy into the keychain. The
// sources are only ever read. Region and endpoint are left as found (the SDK file and variables have none).
class CredentialImporter
{
    Q_DECLARE_TR_FUNCTIONS(CredentialImporter)

public:
    static constexpr qint64 MaxFileBytes = 1024 * 1024;

    enum class Source
    {
        Environment, // fromEnvironment
        SdkFile,     // fromSdkCredentialsFile
        KooCli,      // fromKooCliConfig
    };

    static QString
    defaultSdkCredentialsPath(const QProcessEnvironment& env);              // $HOME/.huaweicloud/credentials
    static QString defaultKooCliConfigPath(const QProcessEnvironment& env); // $HOME/.hcloud/config.json

    // HUAWEICLOUD_SDK_AK, _SK, _SECURITY_TOKEN (temporary AK/SK when set), _PROJECT_ID.
    static bool fromEnvironment(const QProcessEnvironment& env, const QString& profileName,
                                ImportedProfile* out, QString* error);
    // The SDK credentials file: INI, section [basic] with ak, sk, security_token, project_id. Like every file
    // here, read only when it is a regular file of at most MaxFileBytes (BoundedRead).
    static bool fromSdkCredentialsFile(const QString& path, const QString& profileName, ImportedProfile* out,
                                       QString* error);
    // The same from the file's bytes: nothing is read, messages name `shownPath`. Any bytes are safe input
    // (the fuzz target calls this).
    static bool parseSdkCredentials(const QByteArray& text, const QString& shownPath,
                                    const QString& profileName, ImportedProfile* out, QString* error);
    // KooCLI's config.json: {"profiles": [{"name", "mode", "accessKeyId", "secretAccessKey", "securityToken",
    // "region", "projectId"}]}. All or nothing: on any problem *out is left untouched.
    static bool fromKooCliConfig(const QString& path, QList<ImportedProfile>* out, QString* error);
    // The same from the file's bytes, with every check but one: a region outside the built-in list is looked
    // up (environment, regions file) by fromKooCliConfig only, so that this reads nothing.
    static bool parseKooCliConfig(const QByteArray& json, const QString& shownPath,
                                  QList<ImportedProfile>* out, QString* error);

    // Any of the three, as the window and the CLI offer them: an empty `path` reads the default file under
    // env's HOME; `profileName` names the profile of the environment and SDK file (KooCLI names its own).
    static bool read(Source source, const QProcessEnvironment& env, const QString& path,
                     const QString& profileName, QList<ImportedProfile>* out, QString* error);
    // Names of the items with neither region nor endpoint (the SDK file and the variables never name one).
    static QStringList withoutTarget(const QList<ImportedProfile>& items);
    // Gives those items `region`.
    static void setMissingRegion(QList<ImportedProfile>* items, const QString& region);

private:
    using KeyValues = QHash<QString, QString>;

    // How a source names its fields in messages: prefix + key, e.g. "HUAWEICLOUD_SDK_SK" or
    // "/home/u/.huaweicloud/credentials: sk".
    struct SourceFields
    {
        QString prefix;
        QString accessKey;
        QString secretKey;
        QString securityToken;
        QString projectId;
        QString region;
        std::function<QString(const QString& missing)> missing; // the sentence for an absent AK and/or SK

        // The profile `values` describe, by these key names; the auth method is the source's to decide.
        ImportedProfile profileFrom(const QString& name, const KeyValues& values) const;
    };

    static bool importSingle(const QString& profileName, ImportedProfile* out, QString* error,
                             const std::function<bool(SourceFields*, KeyValues*, QString*)>& read);
    static std::optional<QByteArray> readSource(const QString& path, QString* error);
    static bool parseSdkBytes(QByteArray bytes, const QString& shown, SourceFields* fields, KeyValues* basic,
                              QString* error);
    // The one check of what every source yields: AK and SK present, AK, SK and security token plain text
    // that fits the keychain, a valid project ID. (Regions are checked by fromKooCliConfig.)
    static bool checkFields(const ImportedProfile& imported, const SourceFields& fields, QString* error);
    static bool parseSdkIni(const QString& text, const QString& shown, KeyValues* basic, QString* error);
    static bool kooCliProfile(const QJsonValue& value, qsizetype index, const QString& shown,
                              QSet<QString>* seen, ImportedProfile* out, QString* error);
    static bool checkRegions(const QList<ImportedProfile>& items, const QString& shown, QString* error);
};

} // namespace das
