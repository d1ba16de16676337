// ConnectionForm: where the request goes and who signs it (target, profile, credentials), and what happens
// to the password beside it (the keychain offer and "Remember in this computer's keychain").
#include "ConnectionForm.h"

#include "DiscoveryButtons.h"
#include "EndpointResolver.h"
#include "FormFeedback.h"
#include "PasswordRow.h"
#include "RequestValidator.h"
#include "ui_ConnectionForm.h"

namespace das {

using namespace FormField;

namespace {

// The variables resolveRegion() reads, as they are now. target() runs on every keystroke (and some twenty
// times while the window is built): a copy of the whole environment each time is most of its cost.
QProcessEnvironment regionEnvironment(const QString& region)
{
    QProcessEnvironment env;
    const QString names[] = {EndpointResolver::environmentVariableFor(region),
                             QStringLiteral("HUAWEICLOUD_SDK_REGIONS_FILE"), QStringLiteral("HOME")};
    for (const QString& name : names) {
        if (qEnvironmentVariableIsSet(qPrintable(name)))
            env.insert(name, qEnvironmentVariable(qPrintable(name)));
    }
    return env;
}

} // namespace

ConnectionForm::Target ConnectionForm::target() const
{
    Target t;
    t.key = m_ui->targetCombo->currentData().toString();
    if (t.isSandbox()) {
        t.endpoint = m_sandboxUrl;
    } else if (t.key == QLatin1String(CustomKey)) {
        const auto parsed = EndpointResolver::parseEndpoint(m_ui->endpointEdit->text());
        t.endpoint = parsed.endpoint;
        t.error = parsed.error;
    } else {
        t.region = t.key;
        const auto resolved = EndpointResolver::resolveRegion(t.key, regionEnvironment(t.key));
        t.endpoint = resolved.endpoint;
        t.error = resolved.error;
    }
    return t;
}

void ConnectionForm::setSandboxEndpoint(const QUrl& url)
{
    m_sandboxUrl = url;
    populateChoices();
    if (!url.isEmpty())
        selectTarget(QLatin1String(SandboxKey));
    updateTargetFields();
    revalidate();
}

void ConnectionForm::selectTarget(const QString& key, const QString& customEndpoint)
{
    const int index = m_ui->targetCombo->findData(key);
    if (index < 0)
        return;
    if (key == QLatin1String(CustomKey))
        m_ui->endpointEdit->setText(customEndpoint);
    m_ui->targetCombo->setCurrentIndex(index);
    updateTargetFields();
    revalidate();
}

void ConnectionForm::updateTargetFields()
{
    const Target t = target();
    const bool custom = t.key == QLatin1String(CustomKey);
    m_ui->endpointEdit->setReadOnly(!custom);
    // The sandbox signs with its demo key whatever profile is chosen.
    m_ui->profileCombo->setEnabled(!t.isSandbox());
    m_ui->profileCombo->setToolTip(t.isSandbox() ? tr("The built-in sandbox uses its demo key.") : QString());
    m_ui->endpointEdit->setFocusPolicy(custom ? Qt::StrongFocus : Qt::ClickFocus);
    if (!custom) {
        const QSignalBlocker blocker(m_ui->endpointEdit);
        m_ui->endpointEdit->setText(t.endpoint.toString());
    }
}

void ConnectionForm::setProfiles(const QStringList& names, const QString& current)
{
    const QSignalBlocker blocker(m_ui->profileCombo);
    m_ui->profileCombo->clear();
    m_ui->profileCombo->addItem(tr("Environment variables (HUAWEICLOUD_SDK_*)"), QString());
    for (const QString& name : names)
        m_ui->profileCombo->addItem(name, name);
    const int index = m_ui->profileCombo->findData(current);
    m_ui->profileCombo->setCurrentIndex(index >= 0 ? index : 0);
}

QString ConnectionForm::currentProfile() const
{
    return m_ui->profileCombo->currentData().toString();
}

void ConnectionForm::setSavedPasswordState(SavedPassword state, const QString& text)
{
    m_password->setSavedState(state, text);
}

ConnectionForm::SavedPassword ConnectionForm::savedPasswordState() const
{
    return m_password->savedState();
}

void ConnectionForm::fillSavedPassword(const QString& password)
{
    m_ui->passwordEdit->setText(password);
    m_feedback->touch(Password);
    setSavedPasswordState(SavedPassword::InUse);
    revalidate();
}

void ConnectionForm::clearSavedPassword()
{
    if (savedPasswordState() == SavedPassword::InUse)
        m_ui->passwordEdit->clear();
    setSavedPasswordState(SavedPassword::None);
    revalidate();
}

void ConnectionForm::setCredentialsState(const QString& description, bool available)
{
    m_ui->credentialsValue->setText(description);
    restyle(m_ui->credentialsValue, "role", available ? QString() : QStringLiteral("error"));
    m_credentialsAvailable = available;
    revalidate();
}

void ConnectionForm::populateChoices()
{
    const QSignalBlocker b1(m_ui->engineTypeCombo);
    const QSignalBlocker b2(m_ui->networkTypeCombo);
    const QSignalBlocker b3(m_ui->targetCombo);
    const QString engine = m_ui->engineTypeCombo->currentData().toString();
    const QString network = m_ui->networkTypeCombo->currentData().toString();
    const QString target = m_ui->targetCombo->currentData().toString();

    m_ui->engineTypeCombo->clear();
    for (const auto& choice : RequestValidator::engineTypes())
        m_ui->engineTypeCombo->addItem(tr("%1 (%2)").arg(choice.label, choice.value), choice.value);
    m_ui->engineTypeCombo->setPlaceholderText(tr("Choose the database engine…"));
    m_ui->engineTypeCombo->setCurrentIndex(m_ui->engineTypeCombo->findData(engine));

    m_ui->networkTypeCombo->clear();
    for (const auto& choice : RequestValidator::networkTypes())
        m_ui->networkTypeCombo->addItem(tr("%1 (%2)").arg(choice.label, choice.value), choice.value);
    m_ui->networkTypeCombo->setPlaceholderText(tr("Choose the network type…"));
    m_ui->networkTypeCombo->setCurrentIndex(m_ui->networkTypeCombo->findData(network));

    m_ui->targetCombo->clear();
    if (!m_sandboxUrl.isEmpty()) {
        m_ui->targetCombo->addItem(tr("Built-in sandbox (%1)").arg(m_sandboxUrl.authority()),
                                   QLatin1String(SandboxKey));
    }
    for (const auto& region : EndpointResolver::regions())
        m_ui->targetCombo->addItem(tr("%1 — %2").arg(region.id, region.name), region.id);
    m_ui->targetCombo->addItem(tr("Custom endpoint…"), QLatin1String(CustomKey));
    const int index = m_ui->targetCombo->findData(target);
    m_ui->targetCombo->setCurrentIndex(index >= 0 ? index : 0);
}

void ConnectionForm::setKeychainAvailable(bool available, const QString& reason)
{
    m_keychainAvailable = available;
    m_keychainReason = available ? QString() : reason;
    if (!available)
        m_ui->keychainPasswordCheck->setChecked(false);
    m_ui->keychainPasswordCheck->setEnabled(available); // the group disables it while busy
    const QString why = reason.isEmpty() ? tr("The OS keychain is not available here.") : reason;
    m_ui->keychainReasonLabel->setText(available ? QString() : tr("Cannot remember it here: %1").arg(why));
    m_ui->keychainReasonLabel->setVisible(!available);
    m_ui->keychainPasswordCheck->setAccessibleDescription(available ? QString()
                                                                    : m_ui->keychainReasonLabel->text());
}

bool ConnectionForm::remembersPasswordInKeychain() const
{
    return m_keychainAvailable && m_ui->keychainPasswordCheck->isChecked();
}

} // namespace das
