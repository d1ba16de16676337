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

} // namespace das
