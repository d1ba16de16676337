#include "SavedPasswordLookup.h"

#include "SecretJob.h"
#include "SecretStore.h"

namespace das {

SavedPasswordLookup::SavedPasswordLookup(SecretStore* secrets, QObject* parent)
    : QObject(parent)
    , m_secrets(secrets)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &SavedPasswordLookup::lookUpNow);
}

void SavedPasswordLookup::setKey(const QString& key)
{
    m_pendingKey = key;
    m_debounce.start();
}

void SavedPasswordLookup::refresh()
{
    // m_pendingKey always holds the newest key asked for, so clearing m_key makes it count as new.
    m_key.clear();
    m_debounce.start();
}

void SavedPasswordLookup::lookUpNow()
{
    m_debounce.stop();
    const QString key = m_pendingKey;
    if (key == m_key)
        return;
    m_key = key;
    m_password.clear();
    emit keyChanged(key);
    if (key.isEmpty() || !m_secrets)
        return;
    SecretJob* job = m_secrets->read(key);
    connect(job, &SecretJob::finished, this, [this, key](const SecretResult& r) {
        if (key != m_key)
            return; // the user moved on; a late answer for an old key is dropped
        if (r.ok()) {
            m_password = r.secret;
            emit available();
            return;
        }
        if (r.status != SecretResult::Status::NotFound && !m_warned) {
            m_warned = true;
            emit unavailable(r.message);
        }
    });
}

void SavedPasswordLookup::forget()
{
    const QString key = m_key;
    if (key.isEmpty() || !m_secrets)
        return;
    SecretJob* job = m_secrets->remove(key);
    connect(job, &SecretJob::finished, this, [this, key](const SecretResult& r) {
        const bool ok = r.ok() || r.status == SecretResult::Status::NotFound;
        if (ok && key == m_key)
            m_password.clear();
        emit forgotten(ok, r.message);
    });
}

} // namespace das
