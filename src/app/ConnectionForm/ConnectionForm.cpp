#include "ConnectionForm.h"

#include "DiscoveryButtons.h"
#include "EndpointResolver.h"
#include "FormFeedback.h"
#include "PasswordRow.h"
#include "RequestValidator.h"
#include "SandboxOptions.h"
#include "StartupHooks.h"
#include "ui_ConnectionForm.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QCryptographicHash>
#include <QPointer>
#include <QShortcut>

#include <utility>

namespace das {

namespace {

using namespace FormField;

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
    , m_feedback(std::make_unique<FormFeedback>())
{
    m_ui->setupUi(this);
    // The error labels of the .ui (role "error") in red; restyle() keeps the look of the others.
    const QList<QLabel*> labels = findChildren<QLabel*>();
    for (QLabel* label : labels)
        applyErrorLook(label);
    const std::pair<QWidget*, QLabel*> fields[] = {{m_ui->endpointEdit, m_ui->endpointError},
                                                   {m_ui->projectIdEdit, m_ui->projectIdError},
                                                   {m_ui->instanceIdEdit, m_ui->instanceIdError},
                                                   {m_ui->engineTypeCombo, m_ui->engineTypeError},
                                                   {m_ui->networkTypeCombo, m_ui->networkTypeError},
                                                   {m_ui->usernameEdit, m_ui->usernameError},
                                                   {m_ui->passwordEdit, m_ui->passwordError},
                                                   {m_ui->nodeIdEditor, m_ui->nodeIdsError},
                                                   {m_ui->portEdit, m_ui->portError},
                                                   {m_ui->databaseNameEdit, m_ui->databaseNameError},
                                                   {m_ui->remarksEdit, m_ui->remarksError}};
    const QString order[] = {Endpoint, ProjectId, InstanceId, EngineType,   NetworkType, Username,
                             Password, NodeIds,   Port,       DatabaseName, Remarks};
    static_assert(std::size(fields) == std::size(order));
    for (std::size_t i = 0; i < std::size(order); ++i)
        m_feedback->addField(order[i], fields[i].first, fields[i].second);

    m_password = std::make_unique<PasswordRow>(PasswordRow::Widgets{
        m_ui->passwordEdit, m_ui->savedPasswordBar, m_ui->savedPasswordLabel, m_ui->useSavedPasswordButton});
    m_discovery = std::make_unique<DiscoveryButtons>(
        this, DiscoveryButtons::Widgets{m_ui->projectIdEdit, m_ui->lookUpProjectButton, m_ui->instanceIdEdit,
                                        m_ui->pickInstanceButton, m_ui->engineTypeCombo,
                                        m_ui->networkTypeCombo, m_ui->portEdit});
    populateChoices();
    connectFields();
    connectControls();
    setProfiles({}, QString());
    updateTargetFields();
    updateRemarksCounter();
    greyDisabledPlaceholders();
    revalidate();
    m_sent = snapshot();
}

// Fusion draws a disabled field's placeholder in half-transparent black, darker than a disabled value: while
// busy, "optional" would read as a value. Lighter than a disabled value instead. Kept on each field, since
// the style sheet of a field marked invalid sets its palette again whenever it polishes it.
void ConnectionForm::greyDisabledPlaceholders()
{
    const QList<QWidget*> fields = findChildren<QWidget*>();
    for (QWidget* field : fields) {
        if (qobject_cast<QLineEdit*>(field) || qobject_cast<QPlainTextEdit*>(field)) {
            field->installEventFilter(this);
            greyDisabledPlaceholder(field);
        }
    }
}

void ConnectionForm::greyDisabledPlaceholder(QWidget* field)
{
    QPalette palette = field->palette();
    QColor grey = palette.color(QPalette::Disabled, QPalette::Text);
    grey.setAlpha(128);
    if (palette.color(QPalette::Disabled, QPalette::PlaceholderText) == grey)
        return; // also ends the PaletteChange this causes
    palette.setColor(QPalette::Disabled, QPalette::PlaceholderText, grey);
    field->setPalette(palette);
}

bool ConnectionForm::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::PaletteChange && watched->isWidgetType())
        greyDisabledPlaceholder(static_cast<QWidget*>(watched));
    return QWidget::eventFilter(watched, event);
}

void ConnectionForm::connectFields()
{
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
    connect(m_ui->dasSavePasswordCheck, &QCheckBox::toggled, this, &ConnectionForm::edited);
    connect(m_ui->keychainPasswordCheck, &QCheckBox::toggled, this, &ConnectionForm::edited);
    connect(m_ui->sqlRecordCheck, &QCheckBox::toggled, this, &ConnectionForm::edited);
    // Typing over a keychain password makes it the user's own again.
    connect(m_ui->passwordEdit, &QLineEdit::textEdited, this, [this] {
        if (savedPasswordState() == SavedPassword::InUse)
            setSavedPasswordState(SavedPassword::Available);
    });
}

void ConnectionForm::connectControls()
{
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
    connect(m_ui->createButton, &QPushButton::clicked, this, [this] {
        if (isReady())
            emit createRequested();
    });
    connect(m_ui->previewButton, &QPushButton::clicked, this, &ConnectionForm::previewRequested);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &ConnectionForm::cancelRequested);
}

ConnectionForm::~ConnectionForm() = default;

ConnectionRequest ConnectionForm::request() const
{
    ConnectionRequest r;
    r.projectId = m_ui->projectIdEdit->text().trimmed();
    r.instanceId = m_ui->instanceIdEdit->text().trimmed();
    r.engineType = m_ui->engineTypeCombo->currentData().toString();
    r.networkType = m_ui->networkTypeCombo->currentData().toString();
    r.username = m_ui->usernameEdit->text();
    r.password = m_ui->passwordEdit->text();
    r.isSavePassword = m_ui->dasSavePasswordCheck->isChecked();
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
    m_ui->dasSavePasswordCheck->setChecked(r.isSavePassword);
    m_ui->nodeIdEditor->setNodeIds(r.nodeIds);
    m_ui->portEdit->setText(r.port);
    m_ui->databaseNameEdit->setText(r.databaseName);
    m_ui->remarksEdit->setPlainText(r.remarks);
    m_ui->sqlRecordCheck->setChecked(r.sqlRecordFlag);
    // Filled values are shown with their problems at once, except the password the user still has to type.
    m_feedback->untouchAll();
    if (touch)
        m_feedback->touchAllBut(Password);
    revalidate();
    m_sent = snapshot();
}

QByteArray ConnectionForm::snapshot() const
{
    ConnectionRequest r = request();
    // The password is compared as a hash: the snapshot never holds a copy of it.
    const QByteArray password = QCryptographicHash::hash(r.password.toUtf8(), QCryptographicHash::Sha256);
    r.password.clear();
    // Project and instance IDs go in the URL, not the body, but a template replaces them too.
    return password.toHex() + '\n' + (m_ui->keychainPasswordCheck->isChecked() ? "k\n" : "-\n") +
           r.projectId.toUtf8() + '\n' + r.instanceId.toUtf8() + '\n' + r.toJsonBody();
}

bool ConnectionForm::hasUnsentEdits() const
{
    return snapshot() != m_sent;
}

void ConnectionForm::markSent()
{
    m_sent = snapshot();
}

void ConnectionForm::focusField(const QString& field)
{
    if (QWidget* widget = m_feedback->widget(field))
        widget->setFocus(Qt::OtherFocusReason);
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
    m_feedback->touch(field);
    emit edited();
}

void ConnectionForm::setPickedInstance(const QString& instanceId, const QString& engineType,
                                       const QString& networkType, int port)
{
    m_discovery->fillInstance(instanceId, engineType, networkType, port);
    for (const QString& field : {InstanceId, EngineType, NetworkType, Port})
        m_feedback->touch(field);
    revalidate();
    emit edited();
}

void ConnectionForm::setLookedUpProject(const QString& projectId)
{
    m_ui->projectIdEdit->setText(projectId);
    touch(ProjectId);
}

void ConnectionForm::markAllTouched()
{
    m_feedback->touchAll();
    revalidate();
}

void ConnectionForm::focusFirstProblem()
{
    if (QWidget* widget = m_feedback->firstProblem())
        widget->setFocus(Qt::OtherFocusReason);
}

QString ConnectionForm::messageFor(const QString& field) const
{
    return m_feedback->messageFor(field);
}

void ConnectionForm::revalidate()
{
    m_violations = RequestValidator::validate(request());
    const Target t = target();
    QSet<int> badNodes;
    for (const Violation& v : std::as_const(m_violations)) {
        if (v.field == NodeIds && v.index >= 0)
            badNodes.insert(v.index);
    }
    m_ui->nodeIdEditor->setInvalidRows(badNodes);

    const FormFeedback::Summary summary = m_feedback->show(m_violations, t.error, m_credentialsAvailable);
    // While a create runs, the line says so instead of "Ready to create".
    m_ui->summaryLabel->setText(m_busy ? tr("Creating the connection… Press Esc or Cancel to stop.")
                                       : summary.text);
    restyle(m_ui->summaryLabel, "role", summary.problem && !m_busy ? QStringLiteral("error") : QString());
    m_ui->createButton->setEnabled(summary.ready && !m_busy);
    m_ui->previewButton->setEnabled(t.error.isEmpty() && !m_busy);
    m_discovery->update(t.key == QLatin1String(CustomKey), t.error.isEmpty(), m_busy);
    if (summary.ready != m_ready) {
        m_ready = summary.ready;
        emit readyChanged(summary.ready);
    }
}

void ConnectionForm::updateRemarksCounter()
{
    const int length = int(m_ui->remarksEdit->toPlainText().size());
    m_ui->remarksCounter->setText(tr("%1 / %2").arg(length).arg(RequestValidator::MaxRemarksLength));
    restyle(m_ui->remarksCounter, "role",
            length > RequestValidator::MaxRemarksLength ? QStringLiteral("error") : QString());
}

void ConnectionForm::onReturnPressed()
{
    // Enter in an open completion list chooses the completion; it is not "create".
    if (auto* edit = qobject_cast<QLineEdit*>(sender());
        edit && edit->completer() && edit->completer()->popup()->isVisible())
        return;
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
    ConnectionRequest r = SandboxOptions::demoRequest();
    r.password = QStringLiteral("Sandbox_Demo_2026");
    r.port = QStringLiteral("3306");
    r.databaseName = QStringLiteral("orders");
    r.remarks = tr("Example connection created from DAS Connect");
    setRequest(r);
    m_feedback->touch(Password);
    revalidate();
}

void ConnectionForm::loadIcons()
{
    m_password->loadIcon();
}

void ConnectionForm::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (std::exchange(m_shownOnce, true))
        return;
    // The first SVG icon loads QtSvg and the image plugins: not before the window is on screen.
    afterFirstPaint(*window(), [form = QPointer<ConnectionForm>(this)] {
        if (!form)
            return;
        form->loadIcons();
        // A selectable label is measured through a text document (QWidgetTextControl): each of the many
        // height-for-width passes of the first layout re-lays out the credentials text (a tenth of show()).
        // Selectable from here on; its heights and pixels are the same either way.
        form->m_ui->credentialsValue->setTextInteractionFlags(Qt::TextSelectableByMouse);
        // The profile list widens to its longest name. AdjustToContents builds the list's popup at once;
        // until now the default policy sized it the same way, from the same names, on the first show.
        form->m_ui->profileCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    });
}

void ConnectionForm::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        m_feedback->reloadHints();
        m_discovery->retranslate();
        populateChoices();
        m_ui->profileCombo->setItemText(0, tr("Environment variables (HUAWEICLOUD_SDK_*)"));
        setSavedPasswordState(savedPasswordState());
        setKeychainAvailable(m_keychainAvailable, m_keychainReason);
        updateRemarksCounter();
        revalidate();
    }
    QWidget::changeEvent(event);
}

} // namespace das
