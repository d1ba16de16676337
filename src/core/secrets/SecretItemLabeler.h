#pragma once

#include <QDeadlineTimer>
#include <QObject>
#include <QString>

class QDBusPendingCallWatcher;

namespace das {

// Names one keychain entry for people. QtKeychain 0.13 has no label API: its libsecret backend labels every
// item with the service name, so Seahorse and KeePassXC would list all of ours as "das-connect". After a
// write this finds the items by the attributes QtKeychain wrote (user=<key>, server=das-connect,
// type=plaintext) through org.freedesktop.Secret.Service.SearchItems and sets their "Label" property over
// D-Bus. Only the label changes, never an attribute, so every lookup finds the entry as before.
//
// Best effort: it never fails anything, it logs what went wrong (never the secret; the key is not one). It
// does not start a Secret Service that is not running (no D-Bus activation), and does nothing but answer
// elsewhere than on the Secret Service (macOS, Windows).
class SecretItemLabeler : public QObject
{
    Q_OBJECT

public:
    SecretItemLabeler(const QString& key, const QString& label, QObject* parent = nullptr);

    // Every D-Bus call ends within timeoutMs in all; finished() always comes from the event loop, once.
    void start(int timeoutMs);

signals:
    // `labelled`: at least one item was found and every one found was relabelled.
    void finished(bool labelled);

private:
    void onSearched(QDBusPendingCallWatcher* watcher);
    void onLabelSet(QDBusPendingCallWatcher* watcher);
    void done(bool labelled, const QString& problem = QString());

    const QString m_key;
    const QString m_label;
    QDeadlineTimer m_deadline;
    int m_pending = 0;
    int m_failed = 0;
    bool m_done = false;
};

} // namespace das
