#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

namespace das {

class SecretStore;

// Offers a database password saved in the OS keychain for what the user is typing: the key (endpoint,
// project, instance, user) is looked up shortly after it stops changing, and the password is held in memory
// only while the key stays the same. A late answer for an old key is dropped. The window shows the signals;
// it never reads the keychain itself.
class SavedPasswordLookup : public QObject
{
    Q_OBJECT

public:
    explicit SavedPasswordLookup(SecretStore* secrets, QObject* parent = nullptr);

    // The key for the current form (CreateSession::passwordKey), empty when incomplete. Looked up after
    // DebounceMs without a change; lookUpNow() skips the wait.
    static constexpr int DebounceMs = 300;
    void setKey(const QString& key);
    void lookUpNow();
    // Forget the cached answer and look the current key up again (after a password was saved for it).
    void refresh();
    // Remove the saved password of the current key from the keychain.
    void forget();

    QString key() const { return m_key; }
    bool hasPassword() const { return !m_password.isEmpty(); }
    QString password() const { return m_password; }

signals:
    // The key changed: any offer for the previous key is gone.
    void keyChanged(const QString& key);
    void available();
    // The keychain could not be asked (not "nothing saved"); said once per session.
    void unavailable(const QString& message);
    void forgotten(bool ok, const QString& message);

private:
    SecretStore* m_secrets;
    QTimer m_debounce;
    QString m_pendingKey;
    QString m_key;      // key of the last lookup
    QString m_password; // its answer, held only until the key changes
    bool m_warned = false;
};

} // namespace das
