#pragma once

#include "CredentialResolver.h"

#include <QCoreApplication>
#include <QObject>

#include <functional>

namespace das {

class ProfileManager;

// Turns a CredentialChoice into credentials that can sign: a profile's secrets are read from the OS keychain
// through ProfileManager; every other source is complete already. Shared by CreateSession and the read
// workflows so that the keychain is asked, and a failure is worded, the same way everywhere.
class CredentialLoader
{
public:
    struct Loaded
    {
        bool ok = false;
        Credentials credentials;
        bool keychainFailure = false; // the profile's secrets could not be read (CLI exit 6)
        QString message;              // !ok: one translated sentence ending in "Nothing was sent."
    };
    using Done = std::function<void(const Loaded& loaded)>;

    // Calls `done` exactly once: at once when no keychain is needed, otherwise when the keychain answers,
    // and only while `context` is alive.
    static void load(ProfileManager* profiles, const CredentialChoice& choice, QObject* context, Done done);
};

} // namespace das
