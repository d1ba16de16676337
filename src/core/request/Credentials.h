#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>

namespace das {

// Cloud credentials for one request. Secrets live here only in memory.
struct Credentials
{
    enum class Kind
    {
        AkSk,          // permanent access key
        TemporaryAkSk, // access key with security token
        IamToken,      // X-Auth-Token
    };

    Kind kind = Kind::AkSk;
    QString accessKey;
    QString secretKey;
    QString securityToken;
    QString iamToken;

    bool isComplete() const;

    // HUAWEICLOUD_SDK_AK / _SK / _SECURITY_TOKEN, as the official SDKs read them.
    static Credentials fromEnvironment(const QProcessEnvironment& env);
    static Credentials token(const QString& iamToken);

    // The one way an access key is shown anywhere (window, CLI, previews, logs): its first and last four
    // characters around four asterisks, "HPUA****ST01"; a key of eight characters or fewer is all "****".
    // The length is not revealed.
    static QString maskAccessKey(const QString& accessKey);
    static QByteArray maskAccessKey(const QByteArray& accessKey);
};

} // namespace das
