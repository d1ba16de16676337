#include "MainWindow.h"

#include "AppPaths.h"
#include "AppSettings.h"
#include "ConnectionForm.h"
#include "CreateJob.h"
#include "DasClient.h"
#include "HistoryPane.h"
#include "HistoryStore.h"
#include "PreviewDialog.h"
#include "ProfileManager.h"
#include "ProfileManagerDialog.h"
#include "ProfileStore.h"
#include "RequestBuilder.h"
#include "ResultPanel.h"
#include "SandboxServer.h"
#include "SecretStore.h"
#include "Translations.h"
#include "ui_MainWindow.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QLabel>
#include <QMessageBox>
#include <QShortcut>
#include <QStatusBar>
#include <QTimer>

// Resources live in the das_app static library; an explicit init keeps the linker from dropping them.
static void initResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace das {

namespace {

QString maskedAccessKey(const QString& ak)
{
    return ak.size() <= 8 ? QStringLiteral("****") : ak.left(4) + QStringLiteral("…") + ak.right(4);
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_client(new DasClient(this))
    , m_secrets(new SecretStore(this))
    , m_profiles(std::make_unique<ProfileStore>())
    , m_profileManager(new ProfileManager(m_profiles.get(), m_secrets, this))
    , m_lookupTimer(new QTimer(this))
    , m_env(QProcessEnvironment::systemEnvironment())
    , m_sandboxBadge(new QLabel(this))
    , m_endpointLabel(new QLabel(this))
{
    initResources();
    m_ui->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/das-connect.svg")));
    m_ui->mainSplitter->setStretchFactor(0, 0);
    m_ui->mainSplitter->setStretchFactor(1, 1);
    m_ui->mainSplitter->setSizes({600, 580});
    m_ui->resultPanel->clear();

    m_sandboxBadge->setObjectName(QStringLiteral("sandboxBadge"));
    m_sandboxBadge->setStyleSheet(QStringLiteral("QLabel { background: #ef6c00; color: white; font-weight: "
                                                 "bold; padding: 2px 8px; border-radius: 3px; }"));
    auto* spacer = new QWidget(this);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_ui->mainToolBar->addWidget(spacer);
    m_sandboxBadgeAction = m_ui->mainToolBar->addWidget(m_sandboxBadge);
    m_sandboxBadgeAction->setVisible(false);
    m_endpointLabel->setObjectName(QStringLiteral("endpointStatusLabel"));
    statusBar()->addPermanentWidget(m_endpointLabel);

    ConnectionForm* f = form();
    connect(f, &ConnectionForm::createRequested, this, &MainWindow::createConnection);
    connect(f, &ConnectionForm::previewRequested, this, &MainWindow::previewRequest);
    connect(f, &ConnectionForm::cancelRequested, this, &MainWindow::cancelCreate);
    connect(f, &ConnectionForm::targetChanged, this, &MainWindow::updateCredentials);
    connect(f, &ConnectionForm::profileChanged, this, &MainWindow::applyProfile);
    connect(f, &ConnectionForm::manageProfilesRequested, this, &MainWindow::openProfileManager);
    m_lookupTimer->setSingleShot(true);
    m_lookupTimer->setInterval(300);
    connect(m_lookupTimer, &QTimer::timeout, this, &MainWindow::lookUpSavedPassword);
    connect(f, &ConnectionForm::passwordLookupKeyChanged, m_lookupTimer, qOverload<>(&QTimer::start));
    connect(f, &ConnectionForm::useSavedPasswordRequested, this, [this] {
        if (!m_savedPassword.isEmpty()) {
            m_inUseKey = m_lookupKey;
            form()->fillSavedPassword(m_savedPassword);
        }
    });
    connect(f, &ConnectionForm::forgetSavedPasswordRequested, this, [this] {
        const QString key = m_lookupKey;
        SecretJob* job = m_secrets->remove(key);
        connect(job, &SecretJob::finished, this, [this, key](const SecretResult& r) {
            if (r.ok() || r.status == SecretResult::Status::NotFound) {
                if (key == m_lookupKey) {
                    m_savedPassword.clear();
                    form()->setSavedPasswordState(ConnectionForm::SavedPassword::None);
                }
                statusBar()->showMessage(tr("The saved password was removed from the OS keychain."), 5000);
            } else {
                statusBar()->showMessage(r.message, 8000);
            }
        });
    });
    connect(f, &ConnectionForm::readyChanged, m_ui->actionCreate, &QAction::setEnabled);
    m_ui->actionCreate->setEnabled(f->isReady());
    connect(m_ui->actionCreate, &QAction::triggered, this, &MainWindow::createConnection);
    connect(m_ui->actionPreview, &QAction::triggered, this, &MainWindow::previewRequest);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionFillExample, &QAction::triggered, f, &ConnectionForm::fillExample);
    connect(m_ui->actionClearForm, &QAction::triggered, this, [f] { f->setRequest(ConnectionRequest()); });
    connect(m_ui->actionStartSandbox, &QAction::triggered, this, [this] {
        QString error;
        if (!startSandbox(&error))
            QMessageBox::warning(this, tr("Sandbox"), error);
    });
    connect(m_ui->actionAbout, &QAction::triggered, this, [this] {
        QMessageBox::about(
            this, tr("About DAS Connect"),
            tr("<p><b>DAS Connect %1</b></p><p>Creates Huawei Cloud Data Admin Service instance "
               "connections, with live validation, AK/SK signing and a local sandbox.</p>")
                .arg(QCoreApplication::applicationVersion()));
    });
    connect(resultPanel(), &ResultPanel::statusMessage, this,
            [this](const QString& text) { statusBar()->showMessage(text, 4000); });
    connect(historyPane(), &HistoryPane::statusMessage, this,
            [this](const QString& text) { statusBar()->showMessage(text, 4000); });
    connect(historyPane(), &HistoryPane::useAsTemplate, this, [this](const HistoryRecord& record) {
        form()->setRequest(record.toTemplate());
        statusBar()->showMessage(tr("Form filled from the history; enter the password."), 4000);
        form()->focusField(QStringLiteral("password"));
    });

    auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape->setContext(Qt::WindowShortcut);
    connect(escape, &QShortcut::activated, this, [this] {
        if (isBusy())
            cancelCreate();
    });

    buildDynamicMenus();
    reloadProfiles();
    updateSandboxUi();
    updateCredentials();
    resize(1180, 760);
}

MainWindow::~MainWindow()
{
    if (m_job)
        m_job->disconnect(this);
}

void MainWindow::reloadProfiles()
{
    QStringList names;
    for (const Profile& p : m_profiles->profiles())
        names.append(p.name);
    form()->setProfiles(names, AppSettings().raw().value(QStringLiteral("form/profile")).toString());
    updateCredentials();
}

void MainWindow::applyProfile()
{
    const QString name = form()->currentProfile();
    AppSettings().raw().setValue(QStringLiteral("form/profile"), name);
    if (!name.isEmpty() && m_profiles->contains(name)) {
        const Profile p = m_profiles->profile(name);
        if (!p.endpoint.isEmpty())
            form()->selectTarget(QLatin1String(ConnectionForm::CustomKey), p.endpoint);
        else if (!p.region.isEmpty())
            form()->selectTarget(p.region);
        if (!p.projectId.isEmpty() && form()->request().projectId.isEmpty()) {
            ConnectionRequest r = form()->request();
            r.projectId = p.projectId;
            form()->setRequest(r, false);
        }
    }
    updateCredentials();
}

void MainWindow::openProfileManager()
{
    ProfileManagerDialog dialog(m_profileManager, this);
    dialog.setObjectName(QStringLiteral("profileManagerDialog"));
    connect(&dialog, &ProfileManagerDialog::profilesChanged, this, &MainWindow::reloadProfiles);
    dialog.exec();
    reloadProfiles();
}

QString MainWindow::savedPasswordKey() const
{
    const ConnectionForm::Target target = form()->target();
    const ConnectionRequest r = form()->request();
    if (target.endpoint.isEmpty() || r.projectId.isEmpty() || r.instanceId.isEmpty() || r.username.isEmpty())
        return {};
    return SecretStore::databasePasswordKey(target.endpoint.toString(), r.projectId, r.instanceId,
                                            r.username);
}

void MainWindow::lookUpSavedPassword()
{
    const QString key = savedPasswordKey();
    if (key == m_lookupKey)
        return;
    m_lookupKey = key;
    m_savedPassword.clear();
    const bool inUse = form()->savedPasswordState() == ConnectionForm::SavedPassword::InUse;
    if (inUse && key != m_inUseKey)
        form()->clearSavedPassword(); // a keychain password only ever goes to the target it was saved for
    else if (!inUse)
        form()->setSavedPasswordState(ConnectionForm::SavedPassword::None);
    if (key.isEmpty())
        return;
    SecretJob* job = m_secrets->read(key);
    connect(job, &SecretJob::finished, this, [this, key](const SecretResult& r) {
        if (key != m_lookupKey)
            return; // the user moved on; a late answer for an old key is dropped
        if (r.ok()) {
            m_savedPassword = r.secret;
            if (form()->savedPasswordState() != ConnectionForm::SavedPassword::InUse)
                form()->setSavedPasswordState(ConnectionForm::SavedPassword::Available);
            return;
        }
        if (r.status != SecretResult::Status::NotFound && !m_keychainWarned) {
            m_keychainWarned = true;
            statusBar()->showMessage(tr("Saved passwords cannot be offered: %1").arg(r.message), 10000);
        }
    });
}

ConnectionForm* MainWindow::form() const
{
    return m_ui->connectionForm;
}

ResultPanel* MainWindow::resultPanel() const
{
    return m_ui->resultPanel;
}

HistoryPane* MainWindow::historyPane() const
{
    return m_ui->historyPane;
}

bool MainWindow::openHistory(const QString& path, QString* error)
{
    auto store = std::make_unique<HistoryStore>(path);
    if (!store->open(error))
        return false;
    historyPane()->setStore(store.get());
    m_history = std::move(store);
    historyPane()->reload();
    return true;
}

bool MainWindow::startSandbox(QString* error)
{
    if (m_sandbox) {
        form()->selectTarget(QLatin1String(ConnectionForm::SandboxKey));
        return true;
    }
    auto server = std::make_unique<SandboxServer>();
    if (!server->start(error))
        return false;
    m_sandbox = std::move(server);
    form()->setSandboxEndpoint(m_sandbox->url());
    updateSandboxUi();
    updateCredentials();
    statusBar()->showMessage(tr("Built-in sandbox running at %1").arg(m_sandbox->url().toString()), 5000);
    return true;
}

void MainWindow::setEnvironment(const QProcessEnvironment& environment)
{
    m_env = environment;
    updateCredentials();
}

MainWindow::ResolvedCredentials MainWindow::credentialsForTarget() const
{
    ResolvedCredentials r;
    const ConnectionForm::Target target = form()->target();
    if (target.isSandbox() && m_sandbox) {
        r.credentials.accessKey = m_sandbox->options().accessKey;
        r.credentials.secretKey = m_sandbox->options().secretKey;
        r.description = tr("Sandbox demo key %1").arg(r.credentials.accessKey);
        r.available = true;
        return r;
    }
    const QString profile = form()->currentProfile();
    if (!profile.isEmpty() && m_profiles->contains(profile)) {
        const Profile p = m_profiles->profile(profile);
        r.profile = profile;
        r.available = true;
        r.description = p.auth == Profile::AuthMethod::IamToken
                            ? tr("Profile \u201c%1\u201d: IAM token in the OS keychain").arg(profile)
                            : tr("Profile \u201c%1\u201d: AK %2, secrets in the OS keychain")
                                  .arg(profile, maskedAccessKey(p.accessKey));
        return r;
    }
    r.credentials = Credentials::fromEnvironment(m_env);
    if (r.credentials.isComplete()) {
        r.description = r.credentials.kind == Credentials::Kind::TemporaryAkSk
                            ? tr("Temporary AK %1 with security token, from the environment")
                                  .arg(maskedAccessKey(r.credentials.accessKey))
                            : tr("AK %1 from the environment (HUAWEICLOUD_SDK_AK)")
                                  .arg(maskedAccessKey(r.credentials.accessKey));
        r.available = true;
        return r;
    }
    r.description =
        tr("None: choose a profile, set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, or use the built-in "
           "sandbox.");
    return r;
}

void MainWindow::updateCredentials()
{
    const ResolvedCredentials resolved = credentialsForTarget();
    form()->setCredentialsState(resolved.description, resolved.available);
    updateSandboxUi();
}

void MainWindow::updateSandboxUi()
{
    const ConnectionForm::Target target = form()->target();
    const bool sandboxTarget = target.isSandbox() && m_sandbox;
    m_sandboxBadge->setText(tr("SANDBOX"));
    m_sandboxBadge->setToolTip(sandboxTarget
                                   ? tr("Requests go to the built-in sandbox at %1, not to Huawei Cloud.")
                                         .arg(m_sandbox->url().toString())
                                   : QString());
    m_sandboxBadge->setAccessibleName(tr("Sandbox mode"));
    m_sandboxBadgeAction->setVisible(sandboxTarget);
    m_endpointLabel->setText(target.endpoint.isEmpty() ? QString()
                                                       : tr("Target: %1").arg(target.endpoint.toString()));
    setWindowTitle(sandboxTarget ? tr("DAS Connect — Sandbox") : tr("DAS Connect"));
    m_ui->actionStartSandbox->setEnabled(!m_sandbox);
    if (m_modeGroup) {
        for (QAction* action : m_modeGroup->actions())
            action->setEnabled(bool(m_sandbox));
    }
}

void MainWindow::buildDynamicMenus()
{
    m_ui->sandboxMenu->addSeparator();
    QMenu* modes = m_ui->sandboxMenu->addMenu(tr("&Fault mode"));
    modes->setObjectName(QStringLiteral("sandboxModeMenu"));
    m_modeGroup = new QActionGroup(this);
    for (const QString& name : SandboxOptions::modeNames()) {
        QAction* action = modes->addAction(name);
        action->setObjectName(QStringLiteral("sandboxMode_") + name);
        action->setCheckable(true);
        action->setChecked(name == QLatin1String("ok"));
        m_modeGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, name] {
            SandboxOptions::Mode mode = SandboxOptions::Mode::Ok;
            if (m_sandbox && SandboxOptions::parseMode(name, &mode)) {
                m_sandbox->setMode(mode);
                statusBar()->showMessage(tr("Sandbox fault mode: %1").arg(name), 4000);
            }
        });
    }

    QMenu* language = m_ui->viewMenu->addMenu(tr("&Language"));
    language->setObjectName(QStringLiteral("languageMenu"));
    m_languageGroup = new QActionGroup(this);
    const QString current = AppSettings().language();
    for (const auto& lang : Translations::languages()) {
        QAction* action = language->addAction(lang.label);
        action->setObjectName(QStringLiteral("language_") + lang.code);
        action->setCheckable(true);
        action->setChecked(lang.code == current);
        m_languageGroup->addAction(action);
        const QString code = lang.code;
        connect(action, &QAction::triggered, this, [code] {
            AppSettings().setLanguage(code);
            Translations::apply(code);
        });
    }
}

void MainWindow::retranslateDynamic()
{
    if (QMenu* modes = findChild<QMenu*>(QStringLiteral("sandboxModeMenu")))
        modes->setTitle(tr("&Fault mode"));
    if (QMenu* language = findChild<QMenu*>(QStringLiteral("languageMenu")))
        language->setTitle(tr("&Language"));
    if (m_languageGroup) {
        for (QAction* action : m_languageGroup->actions()) {
            if (action->objectName() == QLatin1String("language_system"))
                action->setText(Translations::languages().constFirst().label);
        }
    }
    updateSandboxUi();
    updateCredentials();
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslateDynamic();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::createConnection()
{
    if (isBusy())
        return;
    ConnectionForm* f = form();
    if (!f->isReady()) {
        f->markAllTouched();
        f->focusFirstProblem();
        return;
    }
    const ConnectionForm::Target target = f->target();
    const ResolvedCredentials resolved = credentialsForTarget();
    if (!target.error.isEmpty() || !resolved.available) {
        resultPanel()->showProblem(!target.error.isEmpty() ? target.error : resolved.description);
        return;
    }
    const int generation = ++m_createGeneration;
    if (resolved.profile.isEmpty()) {
        startCreate(resolved.credentials);
        return;
    }
    // Profile secrets come from the keychain first; the form is locked meanwhile but the window stays live.
    m_readingCredentials = true;
    f->setBusy(true);
    m_ui->actionCreate->setEnabled(false);
    resultPanel()->showReadingCredentials();
    m_profileManager->loadCredentials(
        resolved.profile,
        [this, generation, name = resolved.profile](bool ok, Credentials credentials, QString message) {
            if (generation != m_createGeneration)
                return; // cancelled meanwhile
            m_readingCredentials = false;
            if (!ok) {
                form()->setBusy(false);
                m_ui->actionCreate->setEnabled(form()->isReady());
                resultPanel()->showProblem(
                    tr("The credentials of profile \u201c%1\u201d could not be read: %2 Nothing was sent.")
                        .arg(name, message));
                return;
            }
            startCreate(credentials);
        });
}

void MainWindow::startCreate(const Credentials& credentials)
{
    ConnectionForm* f = form();
    const ConnectionForm::Target target = f->target();
    const ConnectionRequest request = f->request();
    const QString endpoint = target.endpoint.toString();
    const QString region = target.region;
    CreateJob* job = m_client->createConnection(target.endpoint, request, credentials);
    m_job = job;
    f->setBusy(true);
    m_ui->actionCreate->setEnabled(false);
    resultPanel()->showBusy(target.endpoint.host());
    connect(job, &CreateJob::finished, this, [this, request, endpoint, region](const CreateResult& result) {
        onCreateFinished(result, request, endpoint, region);
    });
}

void MainWindow::onCreateFinished(const CreateResult& result, const ConnectionRequest& request,
                                  const QString& endpoint, const QString& region)
{
    m_job = nullptr;
    form()->setBusy(false);
    m_ui->actionCreate->setEnabled(form()->isReady());
    if (!result.succeeded()) {
        resultPanel()->showFailure(result);
        emit createFinished(result);
        return;
    }
    // The row is committed before the ID is shown, so a shown ID is always in the history.
    QString warning;
    qint64 historyId = 0;
    if (m_history) {
        HistoryRecord record = HistoryRecord::fromCreate(request, endpoint, region, result);
        QString error;
        if (m_history->add(record, &error)) {
            historyId = record.id;
            historyPane()->reload();
        } else {
            warning = tr("Created, but not recorded in the history: %1. Copy the ID now.").arg(error);
        }
    } else {
        warning = tr("Created, but the history is not available. Copy the ID now.");
    }
    resultPanel()->showSuccess(result, warning);
    if (request.isSavePassword)
        savePassword(request, endpoint, historyId);
    statusBar()->showMessage(tr("Connection %1 created.").arg(result.connectionId), 6000);
    emit createFinished(result);
}

void MainWindow::savePassword(const ConnectionRequest& request, const QString& endpoint, qint64 historyId)
{
    const QString key =
        SecretStore::databasePasswordKey(endpoint, request.projectId, request.instanceId, request.username);
    resultPanel()->addNote(tr("Saving the password in the OS keychain…"));
    SecretJob* job = m_secrets->writeVerified(key, request.password);
    connect(job, &SecretJob::finished, this, [this, key, historyId](const SecretResult& r) {
        if (!r.ok()) {
            resultPanel()->addNote(
                tr("The connection was created, but the password was not saved: %1").arg(r.message), true);
            return;
        }
        resultPanel()->addNote(tr("The password was saved in the OS keychain and read back to confirm."));
        if (m_history && historyId) {
            QString error;
            if (m_history->setPasswordSaved(historyId, true, &error))
                historyPane()->reload();
        }
        if (key == m_lookupKey) {
            m_lookupKey.clear(); // look it up again so that it is offered from now on
            m_lookupTimer->start();
        }
    });
}

void MainWindow::cancelCreate()
{
    if (m_readingCredentials) {
        ++m_createGeneration;
        m_readingCredentials = false;
        form()->setBusy(false);
        m_ui->actionCreate->setEnabled(form()->isReady());
        CreateResult cancelled;
        cancelled.outcome = CreateResult::Outcome::Cancelled;
        cancelled.explanation = tr("Cancelled before anything was sent.");
        resultPanel()->showFailure(cancelled);
        return;
    }
    if (m_job)
        m_job->cancel();
}

void MainWindow::previewRequest()
{
    const ConnectionForm::Target target = form()->target();
    if (!target.error.isEmpty()) {
        resultPanel()->showProblem(target.error);
        return;
    }
    const ResolvedCredentials resolved = credentialsForTarget();
    Credentials credentials = resolved.credentials;
    if (!resolved.profile.isEmpty()) {
        // The preview masks every secret, so the keychain is not read for it; only the shape must be right.
        const Profile p = m_profiles->profile(resolved.profile);
        credentials.accessKey = p.accessKey;
        credentials.secretKey = QStringLiteral("not-read-for-preview");
        credentials.securityToken = QStringLiteral("not-read-for-preview");
        credentials.iamToken = QStringLiteral("not-read-for-preview");
        credentials.kind = p.auth == Profile::AuthMethod::IamToken        ? Credentials::Kind::IamToken
                           : p.auth == Profile::AuthMethod::TemporaryAkSk ? Credentials::Kind::TemporaryAkSk
                                                                          : Credentials::Kind::AkSk;
    } else if (!resolved.available) {
        // Still show the shape of the request; the signature is masked anyway.
        credentials.accessKey = QStringLiteral("NO-CREDENTIALS");
        credentials.secretKey = QStringLiteral("none");
    }
    PreviewDialog dialog(RequestBuilder::build(target.endpoint, form()->request(), credentials), this);
    dialog.setObjectName(QStringLiteral("previewDialog"));
    dialog.exec();
}

void MainWindow::restoreSettings()
{
    AppSettings settings;
    restoreGeometry(settings.windowGeometry());
    restoreState(settings.windowState());
    m_ui->mainSplitter->restoreState(settings.splitterState());
    historyPane()->restoreState(settings.raw());
    if (!settings.targetKey().isEmpty() && settings.targetKey() != QLatin1String(ConnectionForm::SandboxKey))
        form()->selectTarget(settings.targetKey(), settings.customEndpoint());
    ConnectionRequest remembered;
    remembered.projectId = settings.projectId();
    remembered.engineType = settings.engineType();
    remembered.networkType = settings.networkType();
    form()->setRequest(remembered, false);
}

void MainWindow::saveSettings()
{
    AppSettings settings;
    settings.saveWindow(saveGeometry(), saveState(), m_ui->mainSplitter->saveState());
    historyPane()->saveState(settings.raw());
    const ConnectionForm::Target target = form()->target();
    const ConnectionRequest r = form()->request();
    settings.saveChoices(target.key,
                         target.key == QLatin1String(ConnectionForm::CustomKey) ? target.endpoint.toString()
                                                                                : QString(),
                         r.projectId, r.engineType, r.networkType);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (isBusy()) {
        const auto answer = QMessageBox::question(
            this, tr("Creation in progress"),
            tr("A create request is still running. If you quit now, whether the connection was created stays "
               "unknown. Quit anyway?"));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        cancelCreate();
    }
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace das
