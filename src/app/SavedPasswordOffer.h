#pragma once

#include <QObject>
#include <QString>

namespace das {

class ConnectionForm;
class SavedPasswordLookup;
class SecretStore;

// Binds the core SavedPasswordLookup to the form: the lookup reads the keychain, the form only shows whether
// a saved password is on offer, in use or gone. A keychain password only ever goes to the target it was saved
// for; the built-in sandbox is one target whatever port it runs on (SecretStore::registerSandboxEndpoint), so
// a password saved in one demo is offered in the next. Not a widget; the window shows its status messages.
class SavedPasswordOffer : public QObject
{
    Q_OBJECT

public:
    SavedPasswordOffer(ConnectionForm* form, SecretStore* secrets, QObject* parent = nullptr);

    // Look the current key up again (after a password was saved for it).
    void refresh();

signals:
    void statusMessage(const QString& text, int timeoutMs);

private:
    void updateKey();
    void onKeyChanged(const QString& key);
    void onForgotten(bool ok, const QString& message);

    ConnectionForm* m_form;
    SavedPasswordLookup* m_lookup;
    QString m_inUseKey; // key of the keychain password now in the password field
};

} // namespace das
