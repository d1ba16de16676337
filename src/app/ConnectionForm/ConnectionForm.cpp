#include "ConnectionForm.h"

#include "EndpointResolver.h"
#include "RequestValidator.h"
#include "SandboxOptions.h"
#include "ui_ConnectionForm.h"

#include <QAction>
#include <QShortcut>
#include <QStyle>

namespace das {

namespace {

const QString ProjectId = QStringLiteral("project_id");
const QString InstanceId = QStringLiteral("instance_id");
const QString EngineType = QStringLiteral("engine_type");
const QString NetworkType = QStringLiteral("network_type");
const QString Username = QStringLiteral("username");
const QString Password = QStringLiteral("password");
const QString NodeIds = QStringLiteral("node_ids");
const QString Port = QStringLiteral("port");
const QString DatabaseName = QStringLiteral("database_name");
const QString Remarks = QStringLiteral("remarks");
const QString Endpoint = QStringLiteral("endpoint");

// Form order, for the summary and for focusing the first problem.
const QStringList FieldOrder{Endpoint, ProjectId, InstanceId, EngineType,   NetworkType, Username,
                             Password, NodeIds,   Port,       DatabaseName, Remarks};

void setInvalid(QWidget* widget, bool invalid)
{
    if (widget->property("invalid").toBool() == invalid)
        return;
    widget->setProperty("invalid", invalid);
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
}

// IDs never contain white space: strip what a paste brings along, keeping the cursor in place.
void trimInPlace(QLineEdit* edit)
{
    const QString text = edit->text();
    const QString trimmed = text.trimmed();
    if (trimmed == text)
        return;
    const int leading = int(text.indexOf(trimmed.isEmpty() ? text : trimmed.left(1)));
    const int cursor = qBound(0, edit->cursorPosition() - qMax(0, leading), int(trimmed.size()));
    edit->setText(trimmed);
    edit->setCursorPosition(cursor);
}

} // namespace

ConnectionForm::ConnectionForm(QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ConnectionForm>())
{
    m_ui->setupUi(this);
    setStyleSheet(QStringLiteral(
        "QLabel[role=\"error\"] { color: #b3261e; }"
        "QLineEdit[invalid=\"true\"], QComboBox[invalid=\"true\"], QPlainTextEdit[invalid=\"true\"],"
        " das--NodeIdListEditor[invalid=\"true\"] QListWidget { border: 1px solid #b3261e; border-radius: "
        "2px; }"));

    m_errorLabels = {{Endpoint, m_ui->endpointError},
                     {ProjectId, m_ui->projectIdError},
                     {InstanceId, m_ui->instanceIdError},
                     {EngineType, m_ui->engineTypeError},
                     {NetworkType, m_ui->networkTypeError},
                     {Username, m_ui->usernameError},
                     {Password, m_ui->passwordError},
                     {NodeIds, m_ui->nodeIdsError},
                     {Port, m_ui->portError},
                     {DatabaseName, m_ui->databaseNameError},
                     {Remarks, m_ui->remarksError}};
    m_fieldWidgets = {{Endpoint, m_ui->endpointEdit},
                      {ProjectId, m_ui->projectIdEdit},
                      {InstanceId, m_ui->instanceIdEdit},
                      {EngineType, m_ui->engineTypeCombo},
                      {NetworkType, m_ui->networkTypeCombo},
                      {Username, m_ui->usernameEdit},
                      {Password, m_ui->passwordEdit},
                      {NodeIds, m_ui->nodeIdEditor},
                      {Port, m_ui->portEdit},
                      {DatabaseName, m_ui->databaseNameEdit},
                      {Remarks, m_ui->remarksEdit}};
    for (auto it = m_fieldWidgets.cbegin(); it != m_fieldWidgets.cend(); ++it)
        m_hints.insert(it.key(), it.value()->accessibleDescription());

    auto* reveal =
        new QAction(QIcon(QStringLiteral(":/icons/eye.svg")), tr("Show password"), m_ui->passwordEdit);
    reveal->setObjectName(QStringLiteral("revealPasswordAction"));
    reveal->setCheckable(true);
    reveal->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    reveal->setShortcutContext(Qt::WidgetShortcut);
    m_ui->passwordEdit->addAction(reveal, QLineEdit::TrailingPosition);
    connect(reveal, &QAction::toggled, this, [this, reveal](bool shown) {
        m_ui->passwordEdit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        reveal->setText(shown ? tr("Hide password") : tr("Show password"));
        reveal->setIcon(
            QIcon(shown ? QStringLiteral(":/icons/eye-off.svg") : QStringLiteral(":/icons/eye.svg")));
    });

    populateChoices();

    const std::pair<QLineEdit*, QString> lineEdits[] = {
        {m_ui->projectIdEdit, ProjectId}, {m_ui->instanceIdEdit, InstanceId},
        {m_ui->usernameEdit, Username},   {m_ui->passwordEdit, Password},
        {m_ui->portEdit, Port},           {m_ui->databaseNameEdit, DatabaseName},
        {m_ui->endpointEdit, Endpoint}};
    for (const auto& [edit, field] : lineEdits) {
        const QString name = field;
        QLineEdit* lineEdit = edit;
        connect(lineEdit, &QLineEdit::textEdited, this, [this, name, lineEdit] {
            if (name == ProjectId || name == InstanceId || name == Endpoint || name == Port)
                trimInPlace(lineEdit);
            touch(name);
        });
        connect(lineEdit, &QLineEdit::textChanged, this, &ConnectionForm::revalidate);
        if (name == ProjectId || name == InstanceId || name == Username || name == Endpoint)
            connect(lineEdit, &QLineEdit::textChanged, this, &ConnectionForm::passwordLookupKeyChanged);
        connect(lineEdit, &QLineEdit::returnPressed, this, &ConnectionForm::onReturnPressed);
    }
    connect(m_ui->engineTypeCombo, &QComboBox::activated, this, [this] { touch(EngineType); });
    connect(m_ui->networkTypeCombo, &QComboBox::activated, this, [this] { touch(NetworkType); });
    connect(m_ui->engineTypeCombo, &QComboBox::currentIndexChanged, this, &ConnectionForm::revalidate);
    connect(m_ui->networkTypeCombo, &QComboBox::currentIndexChanged, this, &ConnectionForm::revalidate);
    connect(m_ui->nodeIdEditor, &NodeIdListEditor::changed, this, [this] {
        touch(NodeIds);
        revalidate();
    });
    connect(m_ui->remarksEdit, &QPlainTextEdit::textChanged, this, [this] {
        if (m_ui->remarksEdit->hasFocus())
            touch(Remarks);
        updateRemarksCounter();
        revalidate();
    });
    connect(m_ui->savePasswordCheck, &QCheckBox::toggled, this, &ConnectionForm::edited);
    connect(m_ui->sqlRecordCheck, &QCheckBox::toggled, this, &ConnectionForm::edited);
    connect(m_ui->targetCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateTargetFields();
        revalidate();
        emit targetChanged();
        emit passwordLookupKeyChanged();
    });
    connect(m_ui->profileCombo, &QComboBox::activated, this, &ConnectionForm::profileChanged);
    connect(m_ui->manageProfilesButton, &QPushButton::clicked, this,
            &ConnectionForm::manageProfilesRequested);
    connect(m_ui->useSavedPasswordButton, &QPushButton::clicked, this,
            &ConnectionForm::useSavedPasswordRequested);
    connect(m_ui->forgetSavedPasswordButton, &QPushButton::clicked, this,
            &ConnectionForm::forgetSavedPasswordRequested);
    // Typing over a keychain password makes it the user's own again.
    connect(m_ui->passwordEdit, &QLineEdit::textEdited, this, [this] {
        if (m_savedPasswordState == SavedPassword::InUse)
            setSavedPasswordState(SavedPassword::Available);
    });
    setProfiles({}, QString());

    connect(m_ui->createButton, &QPushButton::clicked, this, [this] {
        if (isReady())
            emit createRequested();
    });
    connect(m_ui->previewButton, &QPushButton::clicked, this, &ConnectionForm::previewRequested);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &ConnectionForm::cancelRequested);

    updateTargetFields();
    updateRemarksCounter();
    revalidate();
}

ConnectionForm::~ConnectionForm() = default;

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

ConnectionRequest ConnectionForm::request() const
{
    ConnectionRequest r;
    r.projectId = m_ui->projectIdEdit->text().trimmed();
    r.instanceId = m_ui->instanceIdEdit->text().trimmed();
    r.engineType = m_ui->engineTypeCombo->currentData().toString();
    r.networkType = m_ui->networkTypeCombo->currentData().toString();
    r.username = m_ui->usernameEdit->text();
    r.password = m_ui->passwordEdit->text();
    r.isSavePassword = m_ui->savePasswordCheck->isChecked();
    r.nodeIds = m_ui->nodeIdEditor->nodeIds();
    r.port = m_ui->portEdit->text().trimmed();
    r.databaseName = m_ui->databaseNameEdit->text();
    r.remarks = m_ui->remarksEdit->toPlainText();
    r.sqlRecordFlag = m_ui->sqlRecordCheck->isChecked();
    return r;
}

void ConnectionForm::setRequest(const ConnectionRequest& r, bool touch)
{
    m_ui->projectIdEdit->setText(r.projectId);
    m_ui->instanceIdEdit->setText(r.instanceId);
    m_ui->engineTypeCombo->setCurrentIndex(m_ui->engineTypeCombo->findData(r.engineType));
    m_ui->networkTypeCombo->setCurrentIndex(m_ui->networkTypeCombo->findData(r.networkType));
    m_ui->usernameEdit->setText(r.username);
    m_ui->passwordEdit->setText(r.password);
    m_ui->savePasswordCheck->setChecked(r.isSavePassword);
    m_ui->nodeIdEditor->setNodeIds(r.nodeIds);
    m_ui->portEdit->setText(r.port);
    m_ui->databaseNameEdit->setText(r.databaseName);
    m_ui->remarksEdit->setPlainText(r.remarks);
    m_ui->sqlRecordCheck->setChecked(r.sqlRecordFlag);
    // Filled values are shown with their problems at once, except the password the user still has to type.
    m_touched.clear();
    for (const QString& field : FieldOrder) {
        if (touch && field != Password)
            m_touched.insert(field);
    }
    revalidate();
}

void ConnectionForm::focusField(const QString& field)
{
    if (QWidget* widget = fieldWidget(field))
        widget->setFocus(Qt::OtherFocusReason);
}

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
        const auto resolved = EndpointResolver::resolveRegion(t.key);
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
    m_savedPasswordState = state;
    auto* reveal = m_ui->passwordEdit->findChild<QAction*>(QStringLiteral("revealPasswordAction"));
    switch (state) {
    case SavedPassword::None:
        m_ui->savedPasswordBar->setVisible(false);
        break;
    case SavedPassword::Available:
        m_ui->savedPasswordLabel->setText(
            text.isEmpty() ? tr("A saved password for this user and instance is in the OS keychain.") : text);
        m_ui->useSavedPasswordButton->setVisible(true);
        m_ui->savedPasswordBar->setVisible(true);
        break;
    case SavedPassword::InUse:
        m_ui->savedPasswordLabel->setText(tr("Password filled from the OS keychain."));
        m_ui->useSavedPasswordButton->setVisible(false);
        m_ui->savedPasswordBar->setVisible(true);
        break;
    }
    if (reveal) {
        if (state == SavedPassword::InUse && reveal->isChecked())
            reveal->setChecked(false);
        reveal->setEnabled(state != SavedPassword::InUse);
    }
}

void ConnectionForm::fillSavedPassword(const QString& password)
{
    m_ui->passwordEdit->setText(password);
    m_touched.insert(Password);
    setSavedPasswordState(SavedPassword::InUse);
    revalidate();
}

void ConnectionForm::clearSavedPassword()
{
    if (m_savedPasswordState == SavedPassword::InUse)
        m_ui->passwordEdit->clear();
    setSavedPasswordState(SavedPassword::None);
    revalidate();
}

void ConnectionForm::setCredentialsState(const QString& description, bool available)
{
    m_ui->credentialsValue->setText(description);
    m_ui->credentialsValue->setProperty("role", available ? QString() : QStringLiteral("error"));
    m_ui->credentialsValue->style()->unpolish(m_ui->credentialsValue);
    m_ui->credentialsValue->style()->polish(m_ui->credentialsValue);
    m_credentialsAvailable = available;
    revalidate();
}

bool ConnectionForm::isReady() const
{
    return m_ready && !m_busy;
}

void ConnectionForm::setBusy(bool busy)
{
    m_busy = busy;
    m_ui->busyBar->setVisible(busy);
    m_ui->cancelButton->setEnabled(busy);
    m_ui->targetGroup->setEnabled(!busy);
    m_ui->databaseGroup->setEnabled(!busy);
    revalidate();
    if (busy)
        m_ui->cancelButton->setFocus();
}

void ConnectionForm::touch(const QString& field)
{
    m_touched.insert(field);
    emit edited();
}

void ConnectionForm::markAllTouched()
{
    for (const QString& field : FieldOrder)
        m_touched.insert(field);
    revalidate();
}

QWidget* ConnectionForm::fieldWidget(const QString& field) const
{
    return m_fieldWidgets.value(field);
}

void ConnectionForm::focusFirstProblem()
{
    for (const QString& field : FieldOrder) {
        if (!messageFor(field).isEmpty()) {
            fieldWidget(field)->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
}

QString ConnectionForm::messageFor(const QString& field) const
{
    QLabel* label = m_errorLabels.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

void ConnectionForm::showMessage(const QString& field, const QString& message)
{
    QLabel* label = m_errorLabels.value(field);
    QWidget* widget = fieldWidget(field);
    if (!label || !widget)
        return;
    label->setText(message);
    label->setVisible(!message.isEmpty());
    setInvalid(widget, !message.isEmpty());
    // Screen readers announce the field with its problem, or its hint when fine.
    widget->setAccessibleDescription(message.isEmpty() ? m_hints.value(field) : message);
}

void ConnectionForm::revalidate()
{
    const ConnectionRequest r = request();
    m_violations = RequestValidator::validate(r);
    const Target t = target();
    m_targetError = t.error;

    QHash<QString, QStringList> byField;
    QSet<int> badNodes;
    for (const Violation& v : std::as_const(m_violations)) {
        byField[v.field].append(v.message);
        if (v.field == NodeIds && v.index >= 0)
            badNodes.insert(v.index);
    }
    if (!t.error.isEmpty())
        byField[Endpoint].append(t.error);
    m_ui->nodeIdEditor->setInvalidRows(badNodes);

    QStringList missing;
    QStringList invalid;
    for (const QString& field : FieldOrder) {
        const QStringList messages = byField.value(field);
        const bool onlyRequired =
            std::all_of(m_violations.cbegin(), m_violations.cend(), [&](const Violation& v) {
                return v.field != field || v.code == QLatin1String("required");
            });
        const QString label = field == Endpoint ? tr("Endpoint") : RequestValidator::fieldLabel(field);
        if (messages.isEmpty()) {
            showMessage(field, QString());
            continue;
        }
        const bool show = m_touched.contains(field) || !onlyRequired;
        showMessage(field, show ? messages.join(u'\n') : QString());
        (onlyRequired && field != Endpoint ? missing : invalid).append(label);
    }

    const bool ready = missing.isEmpty() && invalid.isEmpty() && m_credentialsAvailable;
    QStringList summary;
    if (!missing.isEmpty())
        summary << tr("Still needed: %1.").arg(missing.join(QStringLiteral(", ")));
    if (!invalid.isEmpty())
        summary << tr("To fix: %1.").arg(invalid.join(QStringLiteral(", ")));
    if (!m_credentialsAvailable)
        summary << tr("No credentials for this target.");
    m_ui->summaryLabel->setText(ready ? tr("Ready to create. Press Enter or click Create connection.")
                                      : summary.join(u' '));
    m_ui->summaryLabel->setProperty("role", ready ? QString() : QStringLiteral("error"));
    m_ui->summaryLabel->style()->unpolish(m_ui->summaryLabel);
    m_ui->summaryLabel->style()->polish(m_ui->summaryLabel);
    m_ui->createButton->setEnabled(ready && !m_busy);
    m_ui->previewButton->setEnabled(t.error.isEmpty() && !m_busy);

    if (ready != m_ready) {
        m_ready = ready;
        emit readyChanged(ready);
    }
}

void ConnectionForm::updateRemarksCounter()
{
    const int length = int(m_ui->remarksEdit->toPlainText().size());
    m_ui->remarksCounter->setText(tr("%1 / %2").arg(length).arg(RequestValidator::MaxRemarksLength));
    m_ui->remarksCounter->setProperty(
        "role", length > RequestValidator::MaxRemarksLength ? QStringLiteral("error") : QString());
    m_ui->remarksCounter->style()->unpolish(m_ui->remarksCounter);
    m_ui->remarksCounter->style()->polish(m_ui->remarksCounter);
}

void ConnectionForm::onReturnPressed()
{
    if (isReady()) {
        emit createRequested();
        return;
    }
    if (m_busy)
        return;
    markAllTouched();
    focusFirstProblem();
}

void ConnectionForm::fillExample()
{
    ConnectionRequest r;
    r.projectId = QLatin1String(SandboxOptions::DemoProjectId);
    r.instanceId = QLatin1String(SandboxOptions::DemoInstanceId);
    r.engineType = QStringLiteral("mysql");
    r.networkType = QStringLiteral("rds");
    r.username = QStringLiteral("root");
    r.password = QStringLiteral("Sandbox_Demo_2026");
    r.port = QStringLiteral("3306");
    r.databaseName = QStringLiteral("orders");
    r.remarks = tr("Example connection created from DAS Connect");
    setRequest(r);
    m_touched.insert(Password);
    revalidate();
}

void ConnectionForm::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        for (auto it = m_fieldWidgets.cbegin(); it != m_fieldWidgets.cend(); ++it)
            m_hints.insert(it.key(), it.value()->accessibleDescription());
        populateChoices();
        m_ui->profileCombo->setItemText(0, tr("Environment variables (HUAWEICLOUD_SDK_*)"));
        setSavedPasswordState(m_savedPasswordState);
        updateRemarksCounter();
        revalidate();
    }
    QWidget::changeEvent(event);
}

} // namespace das
