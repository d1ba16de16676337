#pragma once

#include <QMetaType>
#include <QString>

namespace das {

// How one keychain operation ended. Never carries a secret except `secret` on a successful read.
struct SecretResult
{
    enum class Status
    {
        Ok,
        NotFound,     // no such entry; nothing was changed
        NoBackend,    // no keychain service (no Secret Service on the session bus, no D-Bus)
        AccessDenied, // the keychain or the user refused
        Locked,       // locked and the unlock prompt was dismissed or could not be shown
        Timeout,      // no answer before the deadline; a late answer is ignored
        TooLarge,     // longer than SecretLimits::MaxSecretBytes; nothing was written
        VerifyFailed, // written, but reading it back gave something else
        Failed,
    };

    Status status = Status::Failed;
    QString secret;  // reads only, when Ok
    QString message; // one translated sentence naming the problem and what to do
    QString detail;  // backend errorString(), never the secret

    bool ok() const { return status == Status::Ok; }

    // Stable English name for logs and tests, e.g. "NotFound".
    static QString statusName(Status status)
    {
        switch (status) {
        case Status::Ok:
            return QStringLiteral("Ok");
        case Status::NotFound:
            return QStringLiteral("NotFound");
        case Status::NoBackend:
            return QStringLiteral("NoBackend");
        case Status::AccessDenied:
            return QStringLiteral("AccessDenied");
        case Status::Locked:
            return QStringLiteral("Locked");
        case Status::Timeout:
            return QStringLiteral("Timeout");
        case Status::TooLarge:
            return QStringLiteral("TooLarge");
        case Status::VerifyFailed:
            return QStringLiteral("VerifyFailed");
        case Status::Failed:
            break;
        }
        return QStringLiteral("Failed");
    }
};

} // namespace das

Q_DECLARE_METATYPE(das::SecretResult)
