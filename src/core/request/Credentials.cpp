#include "Credentials.h"

namespace das {

bool Credentials::isComplete() const
{
    switch (kind) {
    case Kind::AkSk:
        return !accessKey.isEmpty() && !secretKey.isEmpty();
    case Kind::TemporaryAkSk:
        return !accessKey.isEmpty() && !secretKey.isEmpty() && !securityToken.isEmpty();
    case Kind::IamToken:
        return !iamToken.isEmpty();
    }
    return false;
}

Credentials Credentials::fromEnvironment(const QProcessEnvironment& env)
{
    Credentials c;
    c.accessKey = env.value(QStringLiteral("HUAWEICLOUD_SDK_AK")).trimmed();
    c.secretKey = env.value(QStringLiteral("HUAWEICLOUD_SDK_SK")).trimmed();
    c.securityToken = env.value(QStringLiteral("HUAWEICLOUD_SDK_SECURITY_TOKEN")).trimmed();
    c.kind = c.securityToken.isEmpty() ? Kind::AkSk : Kind::TemporaryAkSk;
    return c;
}

Credentials Credentials::token(const QString& iamToken)
{
    Credentials c;
    c.kind = Kind::IamToken;
    c.iamToken = iamToken.trimmed();
    return c;
}

QString Credentials::maskAccessKey(const QString& accessKey)
{
    if (accessKey.isEmpty())
        return QString();
    if (accessKey.size() <= 8)
        return QStringLiteral("****");
    return accessKey.left(4) + QStringLiteral("****") + accessKey.right(4);
}

QByteArray Credentials::maskAccessKey(const QByteArray& accessKey)
{
    if (accessKey.isEmpty())
        return QByteArray();
    if (accessKey.size() <= 8)
        return QByteArrayLiteral("****");
    return accessKey.left(4) + "****" + accessKey.right(4);
}

} // namespace das
