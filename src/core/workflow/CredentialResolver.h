#pragma once

#include "Credentials.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QString>

namespace das {

class ProfileStore;

// Which cloud credentials sign a request, decided in one place for the window and the CLI. The order:
//   1. an explicit profile (the window's profile picker, the CLI's --profile): its secrets are read from the
//      OS keychain by CreateSession, only when a request is about to be sent;
//   2. an IAM token from the variable the user named (--auth-token-env VAR);
//   3. the SDK environment variables HUAWEICLOUD_SDK_AK / _SK / _SECURITY_TOKEN, for cloud targets only:
//      ambient cloud keys are never sent to the local sandbox;
//   4. the sandbox's demo key, only when the target is the sandbox.
// The first source that is asked for decides: a named profile that does not exist, or a named token variable
// that is empty, is an error, not a reason to fall through to the next source.
struct CredentialChoice
{
    enum class Source
    {
        None,
        Profile,
        TokenVariable,
        Environment,
        SandboxDemo,
        Loaded, // a profile's secrets, already read from the keychain by an earlier stage of the same job
    };

    Source source = Source::None;
    Credentials credentials; // complete, except for Profile (the secrets are still in the keychain)
    QString profile;         // Profile: its name
    QString description;     // one translated line, the access key masked
    QString error;           // None: why no credentials can be used

    bool isAvailable() const { return source != Source::None; }
    bool needsKeychain() const { return source == Source::Profile; }
    // The same choice with its secrets in hand, so the next call of the same job does not read the keychain
    // again.
    CredentialChoice withCredentials(const Credentials& loaded) const;
};

class CredentialResolver
{
    Q_DECLARE_TR_FUNCTIONS(das::CredentialResolver)

public:
    struct Inputs
    {
        QString profile;       // explicit profile name, may be empty
        QString tokenVariable; // name of the variable holding an IAM token, may be empty
        QProcessEnvironment environment;
        bool targetIsSandbox = false;
        Credentials sandboxDemo; // the sandbox's demo key, when the target is the sandbox
    };

    explicit CredentialResolver(const ProfileStore* profiles);

    CredentialChoice resolve(const Inputs& inputs) const;

    // Credentials of the right kind with placeholder secrets, for a masked preview or dry run: the keychain
    // is not read just to show the shape of a request. Unavailable credentials give a placeholder AK/SK.
    Credentials shapeForPreview(const CredentialChoice& choice) const;

private:
    CredentialChoice fromProfile(const QString& name) const;

    const ProfileStore* m_profiles;
};

} // namespace das
