#include "CredentialLoader.h"

#include "ProfileManager.h"

#include <QPointer>

namespace das {

namespace {

// These sentences were CreateSession's; they keep its translation context so that existing translations
// apply.
QString profilesUnavailable()
{
    return QCoreApplication::translate("das::CreateSession", "Profiles are not available here.");
}

QString profileUnreadable(const QString& name, const QString& message)
{
    return QCoreApplication::translate(
               "das::CreateSession",
               "The credentials of profile \u201c%1\u201d could not be read: %2 Nothing "
               "was sent.")
        .arg(name, message);
}

} // namespace

void CredentialLoader::load(ProfileManager* profiles, const CredentialChoice& choice, QObject* context,
                            Done done)
{
    Loaded loaded;
    if (!choice.isAvailable()) {
        loaded.message = choice.error;
        done(loaded);
        return;
    }
    if (!choice.needsKeychain()) {
        loaded.ok = true;
        loaded.credentials = choice.credentials;
        done(loaded);
        return;
    }
    if (!profiles) {
        loaded.keychainFailure = true;
        loaded.message = profilesUnavailable();
        done(loaded);
        return;
    }
    const QString name = choice.profile;
    QPointer<QObject> guard(context);
    profiles->loadCredentials(name, [guard, name, done](bool ok, Credentials credentials, QString message) {
        if (!guard)
            return;
        Loaded result;
        result.ok = ok;
        result.keychainFailure = !ok;
        if (ok)
            result.credentials = credentials;
        else
            result.message = profileUnreadable(name, message);
        done(result);
    });
}

} // namespace das
