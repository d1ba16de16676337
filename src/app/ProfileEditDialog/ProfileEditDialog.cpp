#include "ProfileEditDialog.h"

#include "EndpointResolver.h"
#include "ProfileManager.h"
#include "ProfileStore.h"
#include "RequestValidator.h"
#include "SecretLimits.h"
#include "SecretStore.h"
#include "ui_ProfileEditDialog.h"

#include <QEvent>
#include <QPushButton>

#include <algorithm>

namespace das {

namespace {

const QString SkField = QLatin1String(SecretStore::SecretKeyField);
const QString TokenField = QLatin1String(SecretStore::SecurityTokenField);
const QString IamField = QLatin1String(SecretStore::IamTokenField);

} // namespace

ProfileEditDialog::ProfileEditDialog(const ProfileStore* store, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ProfileEditDialog>())
    , m_store(store)
{
    m_ui->setupUi(this);
    setStyleSheet(QStringLiteral("QLabel[role=\"error\"] { color: #b3261e; }"));
    populateChoices();
    const int defaultRegion = m_ui->targetCombo->findData(QStringLiteral("cn-north-4"));
    m_ui->targetCombo->setCurrentIndex(qMax(0, defaultRegion));

    for (QLineEdit* edit : {m_ui->nameEdit, m_ui->accessKeyEdit, m_ui->secretKeyEdit, m_ui->securityTokenEdit,
                            m_ui->iamTokenEdit, m_ui->endpointEdit, m_ui->projectIdEdit}) {
        connect(edit, &QLineEdit::textEdited, this, [this] {
            m_touched = true;
            setSaveError(QString());
            revalidate();
        });
        connect(edit, &QLineEdit::textChanged, this, &ProfileEditDialog::revalidate);
    }
    for (QComboBox* combo : {m_ui->authCombo, m_ui->targetCombo}) {
        connect(combo, &QComboBox::activated, this, [this] {
            m_touched = true;
            setSaveError(QString());
            revalidate();
        });
    }
    connect(m_ui->authCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateRows();
        updatePlaceholders();
        revalidate();
    });
    connect(m_ui->targetCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateRows();
        revalidate();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ProfileEditDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ProfileEditDialog::reject);

    setWindowTitle(tr("New profile"));
    updateRows();
    updatePlaceholders();
    revalidate();
}

ProfileEditDialog::~ProfileEditDialog() = default;

void ProfileEditDialog::populateChoices()
{
    const QSignalBlocker b1(m_ui->authCombo);
    const QSignalBlocker b2(m_ui->targetCombo);
    const QString auth = m_ui->authCombo->currentData().toString();
    const QString target = m_ui->targetCombo->currentData().toString();

    m_ui->authCombo->clear();
    for (const auto method :
         {Profile::AuthMethod::AkSk, Profile::AuthMethod::TemporaryAkSk, Profile::AuthMethod::IamToken})
        m_ui->authCombo->addItem(authLabel(method), Profile::authName(method));
    m_ui->authCombo->setCurrentIndex(qMax(0, m_ui->authCombo->findData(auth)));

    m_ui->targetCombo->clear();
    for (const auto& region : EndpointResolver::regions())
        m_ui->targetCombo->addItem(regionLabel(region.id), region.id);
    m_ui->targetCombo->addItem(tr("Custom endpoint…"), QLatin1String(CustomKey));
    // A region from regions.yaml or an import that is not built in stays selectable.
    if (!target.isEmpty() && m_ui->targetCombo->findData(target) < 0)
        m_ui->targetCombo->insertItem(m_ui->targetCombo->count() - 1, target, target);
    m_ui->targetCombo->setCurrentIndex(qMax(0, m_ui->targetCombo->findData(target)));
}

QString ProfileEditDialog::authLabel(Profile::AuthMethod method)
{
    switch (method) {
    case Profile::AuthMethod::AkSk:
        break;
    case Profile::AuthMethod::TemporaryAkSk:
        return tr("Temporary AK/SK with security token");
    case Profile::AuthMethod::IamToken:
        return tr("IAM token");
    }
    return tr("Permanent AK/SK");
}

QString ProfileEditDialog::regionLabel(const QString& regionId)
{
    for (const auto& region : EndpointResolver::regions()) {
        if (region.id == regionId)
            return tr("%1 — %2").arg(region.id, region.name);
    }
    return regionId;
}

void ProfileEditDialog::setProfile(const Profile& existing)
{
    m_editing = true;
    m_originalAuth = existing.auth;
    m_ui->nameEdit->setReadOnly(true);
    setWindowTitle(tr("Edit profile \"%1\"").arg(existing.name));
    fill(existing);
}

void ProfileEditDialog::setDraft(const Profile& draft)
{
    fill(draft);
}

void ProfileEditDialog::fill(const Profile& p)
{
    m_ui->nameEdit->setText(p.name);
    m_ui->authCombo->setCurrentIndex(qMax(0, m_ui->authCombo->findData(Profile::authName(p.auth))));
    m_ui->accessKeyEdit->setText(p.accessKey);
    if (!p.endpoint.isEmpty()) {
        m_ui->targetCombo->setCurrentIndex(m_ui->targetCombo->findData(QLatin1String(CustomKey)));
        m_ui->endpointEdit->setText(p.endpoint);
    } else {
        int index = m_ui->targetCombo->findData(p.region);
        if (index < 0 && !p.region.isEmpty()) {
            index = m_ui->targetCombo->count() - 1;
            m_ui->targetCombo->insertItem(index, p.region, p.region);
        }
        m_ui->targetCombo->setCurrentIndex(qMax(0, index));
        m_ui->endpointEdit->clear();
    }
    m_ui->projectIdEdit->setText(p.projectId);
    m_showAll = true; // a filled dialog shows what is wrong with what it was filled with
    clearSecrets();
    updateRows();
    updatePlaceholders();
    revalidate();
}

Profile::AuthMethod ProfileEditDialog::authMethod() const
{
    Profile::AuthMethod method = Profile::AuthMethod::AkSk;
    Profile::parseAuth(m_ui->authCombo->currentData().toString(), &method);
    return method;
}

QString ProfileEditDialog::targetKey() const
{
    return m_ui->targetCombo->currentData().toString();
}

Profile ProfileEditDialog::profile() const
{
    Profile p;
    p.name = m_ui->nameEdit->text();
    p.auth = authMethod();
    if (p.usesAccessKey())
        p.accessKey = m_ui->accessKeyEdit->text().trimmed();
    if (targetKey() == QLatin1String(CustomKey)) {
        const EndpointResolver::Result r = EndpointResolver::parseEndpoint(m_ui->endpointEdit->text());
        p.endpoint = r.ok() ? r.endpoint.toString() : m_ui->endpointEdit->text().trimmed();
    } else {
        p.region = targetKey();
    }
    p.projectId = m_ui->projectIdEdit->text().trimmed();
    return p;
}

ProfileSecrets ProfileEditDialog::secrets() const
{
    ProfileSecrets s;
    const QStringList fields = ProfileManager::secretFieldsFor(authMethod());
    if (fields.contains(SkField))
        s.secretKey = m_ui->secretKeyEdit->text().trimmed();
    if (fields.contains(TokenField))
        s.securityToken = m_ui->securityTokenEdit->text().trimmed();
    if (fields.contains(IamField))
        s.iamToken = m_ui->iamTokenEdit->text().trimmed();
    return s;
}

void ProfileEditDialog::clearSecrets()
{
    for (QLineEdit* edit : {m_ui->secretKeyEdit, m_ui->securityTokenEdit, m_ui->iamTokenEdit})
        edit->clear();
}

void ProfileEditDialog::setSaveError(const QString& message)
{
    if (m_saveError == message)
        return;
    m_saveError = message;
    revalidate();
}

// A secret must be typed when nothing is stored for it yet: a new profile, or a field the stored auth method
// did not use.
bool ProfileEditDialog::secretRequired(const QString& field) const
{
    return !m_editing || !ProfileManager::secretFieldsFor(m_originalAuth).contains(field);
}

void ProfileEditDialog::updateRows()
{
    const QStringList fields = ProfileManager::secretFieldsFor(authMethod());
    const bool accessKey = authMethod() != Profile::AuthMethod::IamToken;
    m_ui->fieldsLayout->setRowVisible(m_ui->accessKeyEdit, accessKey);
    m_ui->fieldsLayout->setRowVisible(m_ui->secretKeyEdit, fields.contains(SkField));
    m_ui->fieldsLayout->setRowVisible(m_ui->securityTokenEdit, fields.contains(TokenField));
    m_ui->fieldsLayout->setRowVisible(m_ui->iamTokenEdit, fields.contains(IamField));
    m_ui->endpointEdit->setEnabled(targetKey() == QLatin1String(CustomKey));
}

void ProfileEditDialog::updatePlaceholders()
{
    const std::pair<QLineEdit*, QString> secretEdits[] = {{m_ui->secretKeyEdit, SkField},
                                                          {m_ui->securityTokenEdit, TokenField},
                                                          {m_ui->iamTokenEdit, IamField}};
    for (const auto& [edit, field] : secretEdits) {
        edit->setPlaceholderText(secretRequired(field)
                                     ? tr("Required; kept only in the OS keychain")
                                     : tr("Stored in the OS keychain; leave empty to keep it"));
    }
}

void ProfileEditDialog::revalidate()
{
    QStringList problems;
    QStringList hidden; // required, in a field not typed in yet: counted, not shown
    const auto require = [&](const QString& message) {
        (m_showAll || m_touched ? problems : hidden).append(message);
    };
    const Profile p = profile();
    const QStringList fields = ProfileManager::secretFieldsFor(p.auth);

    QString error;
    if (!ProfileStore::isValidName(p.name, &error)) {
        if (p.name.isEmpty())
            require(error);
        else
            problems.append(error);
    } else if (!m_editing && m_store && m_store->contains(p.name))
        problems.append(
            tr("Profile name: a profile named \"%1\" already exists; choose another name.").arg(p.name));

    if (p.usesAccessKey()) {
        if (p.accessKey.isEmpty()) {
            require(tr("Access key (AK) is required for AK/SK authentication."));
        } else if (p.accessKey.size() > ProfileStore::MaxAccessKeyLength) {
            problems.append(
                tr("Access key (AK) must be at most %1 characters.").arg(ProfileStore::MaxAccessKeyLength));
        } else if (std::any_of(p.accessKey.begin(), p.accessKey.end(),
                               [](QChar c) { return c.isSpace() || c.category() == QChar::Other_Control; })) {
            problems.append(tr("Access key (AK) must not contain spaces or control characters."));
        }
    }

    const ProfileSecrets s = secrets();
    const struct
    {
        QString field;
        QString value;
        QString required;
        QString label;
    } secretChecks[] = {
        {SkField, s.secretKey, tr("Secret key (SK) is required for a new AK/SK profile."),
         tr("Secret key (SK)")},
        {TokenField, s.securityToken, tr("Security token is required for temporary AK/SK credentials."),
         tr("Security token")},
        {IamField, s.iamToken, tr("IAM token is required for IAM token authentication."), tr("IAM token")},
    };
    for (const auto& check : secretChecks) {
        if (!fields.contains(check.field))
            continue;
        if (check.value.isEmpty() && secretRequired(check.field))
            require(check.required);
        else if (check.value.toUtf8().size() > SecretLimits::MaxSecretBytes)
            problems.append(
                tr("%1 must be at most %2 bytes.").arg(check.label).arg(SecretLimits::MaxSecretBytes));
    }

    if (targetKey() == QLatin1String(CustomKey)) {
        const EndpointResolver::Result r = EndpointResolver::parseEndpoint(m_ui->endpointEdit->text());
        if (!r.ok())
            problems.append(r.error);
    }

    if (!p.projectId.isEmpty()) {
        const Violations v = RequestValidator::validateProjectId(p.projectId);
        for (const Violation& violation : v)
            problems.append(violation.message);
    }

    m_problems = problems;
    QStringList shown;
    if (!m_saveError.isEmpty())
        shown.append(m_saveError);
    shown += problems;
    m_ui->errorLabel->setText(shown.join(u'\n'));
    m_ui->errorLabel->setVisible(!shown.isEmpty());
    if (QPushButton* ok = m_ui->buttonBox->button(QDialogButtonBox::Ok))
        ok->setEnabled(problems.isEmpty() && hidden.isEmpty());
    m_problems += hidden;
}

void ProfileEditDialog::setManager(ProfileManager* manager)
{
    m_manager = manager;
    m_savesThroughManager = manager != nullptr;
}

void ProfileEditDialog::accept()
{
    m_showAll = true;
    revalidate();
    if (!isValid())
        return;
    QDialog::accept();
    if (m_savesThroughManager)
        save();
}

void ProfileEditDialog::save()
{
    if (!m_manager) {
        deleteLater(); // the manager is gone: nothing can be saved, and nobody will reopen this
        return;
    }
    const Profile p = profile();
    emit saveStarted();
    QPointer<ProfileEditDialog> self(this);
    m_manager->saveProfile(p, secrets(), [self, name = p.name](bool ok, const QString& message) {
        if (!self)
            return;
        if (ok) {
            self->clearSecrets();
            self->deleteLater();
        }
        emit self->saveFinished(ok, message, name);
        if (!ok) {
            self->setSaveError(message);
            self->open();
        }
    });
}

void ProfileEditDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        populateChoices();
        setWindowTitle(m_editing ? tr("Edit profile \"%1\"").arg(m_ui->nameEdit->text()) : tr("New profile"));
        updatePlaceholders();
        revalidate();
    }
    QDialog::changeEvent(event);
}

} // namespace das
