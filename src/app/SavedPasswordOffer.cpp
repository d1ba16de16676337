#include "SavedPasswordOffer.h"

#include "ConnectionForm.h"
#include "CreateSession.h"
#include "SavedPasswordLookup.h"

namespace das {

SavedPasswordOffer::SavedPasswordOffer(ConnectionForm* form, SecretStore* secrets, QObject* parent)
    : QObject(parent)
    , m_form(form)
    , m_lookup(new SavedPasswordLookup(secrets, this))
{
    connect(form, &ConnectionForm::passwordLookupKeyChanged, this, &SavedPasswordOffer::updateKey);
    connect(m_lookup, &SavedPasswordLookup::keyChanged, this, &SavedPasswordOffer::onKeyChanged);
    connect(m_lookup, &SavedPasswordLookup::available, this, [this] {
        if (m_form->savedPasswordState() != ConnectionForm::SavedPassword::InUse)
            m_form->setSavedPasswordState(ConnectionForm::SavedPassword::Available);
    });
    connect(m_lookup, &SavedPasswordLookup::unavailable, this, [this](const QString& message) {
        emit statusMessage(tr("Saved passwords cannot be offered: %1").arg(message), 10000);
    });
    connect(form, &ConnectionForm::useSavedPasswordRequested, this, [this] {
        if (m_lookup->hasPassword()) {
            m_inUseKey = m_lookup->key();
            m_form->fillSavedPassword(m_lookup->password());
        }
    });
    connect(form, &ConnectionForm::forgetSavedPasswordRequested, m_lookup, &SavedPasswordLookup::forget);
    connect(m_lookup, &SavedPasswordLookup::forgotten, this, &SavedPasswordOffer::onForgotten);
}

void SavedPasswordOffer::refresh()
{
    m_lookup->refresh();
}

void SavedPasswordOffer::updateKey()
{
    const ConnectionForm::Target target = m_form->target();
    const ConnectionRequest r = m_form->request();
    const bool complete = !target.endpoint.isEmpty() && !r.projectId.isEmpty() && !r.instanceId.isEmpty() &&
                          !r.username.isEmpty();
    m_lookup->setKey(complete ? CreateSession::passwordKey(target.endpoint.toString(), r) : QString());
}

void SavedPasswordOffer::onKeyChanged(const QString& key)
{
    const bool inUse = m_form->savedPasswordState() == ConnectionForm::SavedPassword::InUse;
    if (inUse && key != m_inUseKey)
        m_form->clearSavedPassword();
    else if (!inUse)
        m_form->setSavedPasswordState(ConnectionForm::SavedPassword::None);
}

void SavedPasswordOffer::onForgotten(bool ok, const QString& message)
{
    if (!ok) {
        emit statusMessage(message, 8000);
        return;
    }
    if (!m_lookup->hasPassword())
        m_form->setSavedPasswordState(ConnectionForm::SavedPassword::None);
    emit statusMessage(tr("The saved password was removed from the OS keychain."), 5000);
}

} // namespace das
