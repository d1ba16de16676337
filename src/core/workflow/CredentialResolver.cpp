#include "CredentialResolver.h"

#include "ProfileStore.h"

namespace das {

CredentialResolver::CredentialResolver(const ProfileStore* profiles)
    : m_profiles(profiles)
{}

CredentialChoice CredentialResolver::resolve(const Inputs& in) const
{
    if (!in.profile.isEmpty())
        return fromProfile(in.profile);

    CredentialChoice c;
    if (!in.tokenVariable.isEmpty()) {
        c.credentials = Credentials::token(in.environment.value(in.tokenVariable));
        if (c.credentials.iamToken.isEmpty()) {
            c.credentials = Credentials();
            c.error = tr("The environment variable %1 is empty or not set.").arg(in.tokenVariable);
            return c;
        }
        c.source = CredentialChoice::Source::TokenVariable;
        c.description = tr("IAM token from the environment variable %1").arg(in.tokenVariable);
        return c;
    }

    if (!in.targetIsSandbox) {
        c.credentials = Credentials::fromEnvironment(in.environment);
        if (c.credentials.isComplete()) {
            c.source = CredentialChoice::Source::Environment;
            const QString ak = Credentials::maskAccessKey(c.credentials.accessKey);
            c.description = c.credentials.kind == Credentials::Kind::TemporaryAkSk
                                ? tr("Temporary AK %1 with security token, from the environment").arg(ak)
                                : tr("AK %1 from the environment (HUAWEICLOUD_SDK_AK)").arg(ak);
            return c;
        }
        c.credentials = Credentials();
        c.error = tr("No cloud credentials: choose a profile, or set HUAWEICLOUD_SDK_AK and "
                     "HUAWEICLOUD_SDK_SK (and HUAWEICLOUD_SDK_SECURITY_TOKEN for temporary credentials).");
        return c;
    }

    if (in.sandboxDemo.isComplete()) {
        c.source = CredentialChoice::Source::SandboxDemo;
        c.credentials = in.sandboxDemo;
        c.description = tr("Sandbox demo key %1").arg(in.sandboxDemo.accessKey);
        return c;
    }
    c.error = tr("No credentials: the built-in sandbox is not running; start it from the Sandbox menu.");
    return c;
}

CredentialChoice CredentialResolver::fromProfile(const QString& name) const
{
    CredentialChoice c;
    if (!m_profiles || !m_profiles->contains(name)) {
        c.error = tr("There is no profile named \"%1\".").arg(name);
        return c;
    }
    const Profile p = m_profiles->profile(name);
    c.source = CredentialChoice::Source::Profile;
    c.profile = name;
    c.credentials.kind = p.credentialsKind();
    if (p.usesAccessKey())
        c.credentials.accessKey = p.accessKey;
    c.description = p.auth == Profile::AuthMethod::IamToken
                        ? tr("Profile \u201c%1\u201d: IAM token in the OS keychain").arg(name)
                        : tr("Profile \u201c%1\u201d: AK %2, secrets in the OS keychain")
                              .arg(name, Credentials::maskAccessKey(p.accessKey));
    return c;
}

Credentials CredentialResolver::shapeForPreview(const CredentialChoice& choice) const
{
    Credentials c = choice.credentials;
    if (choice.needsKeychain()) {
        // Every secret is masked in a preview, so only the kind and the (non-secret) AK must be right.
        const QString placeholder = QStringLiteral("not-read-for-preview");
        c.secretKey = placeholder;
        c.securityToken = placeholder;
        c.iamToken = placeholder;
    } else if (!choice.isAvailable()) {
        c = Credentials();
        c.accessKey = QStringLiteral("NO-CREDENTIALS");
        c.secretKey = QStringLiteral("none");
    }
    return c;
}

CredentialChoice CredentialChoice::withCredentials(const Credentials& loaded) const
{
    CredentialChoice c = *this;
    c.credentials = loaded;
    if (c.needsKeychain())
        c.source = Source::Loaded;
    return c;
}

} // namespace das
