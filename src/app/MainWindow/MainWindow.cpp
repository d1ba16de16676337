#include "MainWindow.h"

#include "AppLog.h"
#include "AppPaths.h"
#include "AppSettings.h"
#include "ConnectionActions.h"
#include "ConnectionForm.h"
#include "ConnectionsPane.h"
#include "CreateCommandLine.h"
#include "CreateFlow.h"
#include "DasClient.h"
#include "DiscoveryActions.h"
#include "FormTemplate.h"
#include "HelpActions.h"
#include "HistoryPane.h"
#include "HistoryStore.h"
#include "PreviewDialog.h"
#include "ProfileManager.h"
#include "ProfileManagerDialog.h"
#include "ProfileStore.h"
#include "RequestBuilder.h"
#include "RequestValidator.h"
#include "ResultPanel.h"
#include "SandboxHost.h"
#include "SavedPasswordOffer.h"
#include "SecretStore.h"
#include "StartupHooks.h"
#include "StatusLine.h"
#include "Translations.h"
#include "ui_MainWindow.h"

#include <QCloseEvent>
#include <QGuiApplication>
#include <QLabel>
#include <QMessageBox>
#include <QShortcut>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>

// Resources live in the das_app static library; an explicit init keeps the linker from dropping them.
static void initResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace das {

Q_LOGGING_CATEGORY(lcApp, "das.app", QtWarningMsg)

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_client(new DasClient(this))
    , m_secrets(new SecretStore(this))
    , m_profiles(std::make_unique<ProfileStore>())
    , m_profileManager(new ProfileManager(m_profiles.get(), m_secrets, this))
    , m_sandboxHost(new SandboxHost(this))
    , m_env(QProcessEnvironment::systemEnvironment())
    , m_sandboxBadge(new QLabel(this))
    , m_endpointLabel(new QLabel(this))
{
    initResources();
    // DAS_STARTUP_TIMING=1: the .ui's widgets (form, history, tabs, menus, toolbar icons) apart from the
    // wiring and the window's own start-up work after them.
    markStartup("window: core objects");
    m_ui->setupUi(this);
    markStartup("window: .ui widgets");
    m_status = new StatusLine(statusBar(), this);
    m_help = new HelpActions(this, {m_ui->actionAbout, m_ui->actionShortcuts, m_ui->actionUserGuide});
    // Keyboard Shortcuts lists the On DAS pane's keys too, built or not.
    m_help->setBeforeCollecting([this] { connectionsPane(); });
    m_passwordOffer = new SavedPasswordOffer(form(), m_secrets, this);
    m_ui->mainSplitter->setStretchFactor(0, 0);
    m_ui->mainSplitter->setStretchFactor(1, 1);
    m_ui->mainSplitter->setSizes({600, 580});
    setUpToolBarAndStatus();
    connectForm();
    m_discovery = new DiscoveryActions(
        form(), {m_client, m_profileManager},
        [this] {
            const bool sandbox = form()->target().isSandbox() && m_sandboxHost->isRunning();
            return DiscoveryActions::Context{form()->target(), credentialChoice(),
                                             sandbox ? m_sandboxHost->url() : QUrl(), m_env};
        },
        this);
    connect(m_passwordOffer, &SavedPasswordOffer::statusMessage, m_status, &StatusLine::showText);
    connect(m_discovery, &DiscoveryActions::statusMessage, m_status, &StatusLine::showText);
    setUpHelpers();
    connectHelpers();
    connectActions();
    buildDynamicMenus();
    reloadProfiles();
    updateSandboxUi();
    updateCredentials();
    fitToScreen(*this, QSize(1180, 760), false);
}

MainWindow::~MainWindow()
{
    // The helpers are children of the window: nothing they emit while going may reach a half-gone window.
    m_createFlow->disconnect(this);
    m_connectionActions->disconnect(this);
}

void MainWindow::setUpHelpers()
{
    m_createFlow = new CreateFlow(
        {m_client, nullptr, m_secrets, m_profileManager}, form(), [this] { return resultPanel(); }, this);
    // The On DAS tab, deletes and the background reconciliation use the target a create would use.
    m_connectionActions = new ConnectionActions(
        {m_client, m_profileManager},
        [this] {
            const ConnectionForm::Target target = form()->target();
            return ConnectionActions::contextFor(
                {target.endpoint, target.region, form()->request().projectId, credentialChoice()},
                target.error);
        },
        [this] { return buildConnectionsPane(); }, this);
    m_connectionActions->setSecrets(m_secrets);
}

void MainWindow::connectHelpers()
{
    const auto showStatus = &StatusLine::showText;
    connect(m_createFlow, &CreateFlow::busyChanged, this, &MainWindow::setFormBusy);
    connect(m_createFlow, &CreateFlow::historyChanged, historyPane(), &HistoryPane::reload);
    connect(m_createFlow, &CreateFlow::passwordSaved, m_passwordOffer, &SavedPasswordOffer::refresh);
    connect(m_createFlow, &CreateFlow::statusMessage, m_status, showStatus);
    connect(m_createFlow, &CreateFlow::finished, this, &MainWindow::createFinished);
    connect(m_connectionActions, &ConnectionActions::historyChanged, historyPane(), &HistoryPane::reload);
    connect(m_connectionActions, &ConnectionActions::statusMessage, m_status, showStatus);
    connect(m_connectionActions, &ConnectionActions::statusRendered, m_status, &StatusLine::show);
    connect(form(), &ConnectionForm::edited, m_connectionActions, &ConnectionActions::targetChanged);
    connect(m_ui->actionTearDown, &QAction::triggered, m_connectionActions, &ConnectionActions::tearDown);
    connect(m_ui->actionBatch, &QAction::triggered, this, [this] {
        m_connectionActions->openBatch(form()->target().isSandbox() && m_sandboxHost->isRunning());
    });
    m_connectionActions->attach(m_ui->sideTabs, m_ui->connectionsScroll, historyPane(),
                                m_ui->actionDeleteOnDas);
}

void MainWindow::keepFormUnclipped()
{
    // The form never scrolls sideways: the splitter gives the tabs what is left (the On DAS pane scrolls).
    const int scrollBar = style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_ui->formScroll);
    m_ui->formScroll->setMinimumWidth(m_ui->formScrollContents->minimumSizeHint().width() + scrollBar +
                                      2 * m_ui->formScroll->frameWidth());
}

void MainWindow::setUpToolBarAndStatus()
{
    // Stand-ins of the toolbar's size until loadIcons(), after the first paint.
    for (QAction* action :
         {m_ui->actionCreate, m_ui->actionPreview, m_ui->actionFillExample, m_ui->actionStartSandbox})
        action->setIcon(placeholderIcon());
    m_sandboxBadge->setObjectName(QStringLiteral("sandboxBadge"));
    auto* spacer = new QWidget(this);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_ui->mainToolBar->addWidget(spacer);
    m_sandboxBadgeAction = m_ui->mainToolBar->addWidget(m_sandboxBadge);
    m_sandboxBadgeAction->setVisible(false);
    m_endpointLabel->setObjectName(QStringLiteral("endpointStatusLabel"));
    statusBar()->addPermanentWidget(m_endpointLabel);
}

void MainWindow::connectForm()
{
    ConnectionForm* f = form();
    connect(f, &ConnectionForm::createRequested, this, &MainWindow::createConnection);
    connect(f, &ConnectionForm::previewRequested, this, &MainWindow::previewRequest);
    connect(f, &ConnectionForm::cancelRequested, this, &MainWindow::cancelCreate);
    connect(f, &ConnectionForm::targetChanged, this, &MainWindow::updateCredentials);
    connect(f, &ConnectionForm::profileChanged, this, &MainWindow::applyProfile);
    connect(f, &ConnectionForm::manageProfilesRequested, this, &MainWindow::openProfileManager);
    connect(f, &ConnectionForm::readyChanged, m_ui->actionCreate, &QAction::setEnabled);
    m_ui->actionCreate->setEnabled(f->isReady());
    connect(historyPane(), &HistoryPane::statusMessage, this,
            [this](const QString& text) { m_status->showText(text, 4000); });
    m_template = new FormTemplate(
        this, f, [this] { return resultPanel(); }, m_status, [this] { return isBusy(); });
    connect(historyPane(), &HistoryPane::useAsTemplate, m_template, &FormTemplate::use);
    auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape->setObjectName(QStringLiteral("cancelCreateShortcut"));
    escape->setWhatsThis(tr("Cancel the running create"));
    escape->setContext(Qt::WindowShortcut);
    connect(escape, &QShortcut::activated, this, [this] {
        if (isBusy())
            cancelCreate();
    });
}

void MainWindow::connectActions()
{
    ConnectionForm* f = form();
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
}

void MainWindow::reloadProfiles()
{
    QStringList names;
    for (const Profile& p : m_profiles->profiles())
        names.append(p.name);
    form()->setProfiles(names, AppSettings().profile());
    updateCredentials();
}

void MainWindow::applyProfile()
{
    const QString name = form()->currentProfile();
    AppSettings().setProfile(name);
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
    ProfileManagerDialog dialog(m_profileManager, m_client, this);
    dialog.setObjectName(QStringLiteral("profileManagerDialog"));
    connect(&dialog, &ProfileManagerDialog::profilesChanged, this, &MainWindow::reloadProfiles);
    dialog.exec();
    reloadProfiles();
}

SandboxServer* MainWindow::sandbox() const
{
    return m_sandboxHost->server();
}

ConnectionForm* MainWindow::form() const
{
    return m_ui->connectionForm;
}

HistoryPane* MainWindow::historyPane() const
{
    return m_ui->historyPane;
}

QTabWidget* MainWindow::sideTabs() const
{
    return m_ui->sideTabs;
}

bool MainWindow::isBusy() const
{
    return m_createFlow->isRunning();
}

bool MainWindow::openHistory(const QString& path, QString* error)
{
    auto store = std::make_unique<HistoryStore>(path);
    if (!store->open(error))
        return false;
    qCDebug(lcApp) << "history opened:" << path;
    historyPane()->setStore(store.get());
    m_createFlow->setHistory(store.get());
    m_connectionActions->setHistory(store.get());
    m_history = std::move(store);
    historyPane()->reload();
    return true;
}

bool MainWindow::startSandbox(QString* error)
{
    const bool wasRunning = m_sandboxHost->isRunning();
    if (!m_sandboxHost->start(error))
        return false;
    if (wasRunning) {
        form()->selectTarget(QLatin1String(ConnectionForm::SandboxKey));
        return true;
    }
    qCDebug(lcApp) << "built-in sandbox started at" << m_sandboxHost->url().toString();
    form()->setSandboxEndpoint(m_sandboxHost->url());
    updateCredentials();
    const QString url = m_sandboxHost->url().toString();
    m_status->show([url] { return tr("Built-in sandbox running at %1").arg(url); }, 5000);
    return true;
}

void MainWindow::setEnvironment(const QProcessEnvironment& environment)
{
    m_env = environment;
    updateCredentials();
}

CredentialChoice MainWindow::credentialChoice() const
{
    CredentialResolver::Inputs in;
    in.profile = form()->currentProfile();
    in.environment = m_env;
    in.targetIsSandbox = form()->target().isSandbox() && m_sandboxHost->isRunning();
    in.sandboxDemo = m_sandboxHost->demoCredentials();
    return CredentialResolver(m_profiles.get()).resolve(in);
}

void MainWindow::updateCredentials()
{
    const CredentialChoice choice = credentialChoice();
    form()->setCredentialsState(choice.isAvailable() ? choice.description : choice.error,
                                choice.isAvailable());
    updateSandboxUi();
    keepFormUnclipped(); // the target and profile combos may have grown
    m_connectionActions->targetChanged();
}

void MainWindow::updateSandboxUi()
{
    const ConnectionForm::Target target = form()->target();
    const bool sandboxTarget = target.isSandbox() && m_sandboxHost->isRunning();
    // A fault mode stays on until changed: the badge keeps saying so, or every answer looks like DAS's.
    const SandboxOptions::Mode mode = m_sandboxHost->mode();
    const bool fault = mode != SandboxOptions::Mode::Ok;
    m_sandboxBadge->setText(fault ? tr("SANDBOX · fault: %1").arg(SandboxHost::modeId(mode)) : tr("SANDBOX"));
    QString tip = tr("Requests go to the built-in sandbox at %1, not to Huawei Cloud.")
                      .arg(m_sandboxHost->url().toString());
    if (fault)
        tip += u'\n' + tr("Fault mode: %1").arg(SandboxHost::modeLabel(mode));
    // Styled when first shown: a style sheet costs start-up time and memory the first screen may not need.
    if (sandboxTarget && m_sandboxBadge->styleSheet().isEmpty())
        m_sandboxBadge->setStyleSheet(
            QStringLiteral("QLabel { background: #ef6c00; color: white; font-weight: "
                           "bold; padding: 2px 8px; border-radius: 3px; }"));
    m_sandboxBadge->setToolTip(sandboxTarget ? tip : QString());
    m_sandboxBadge->setAccessibleName(tr("Sandbox mode"));
    m_sandboxBadgeAction->setVisible(sandboxTarget);
    m_endpointLabel->setText(target.endpoint.isEmpty() ? QString()
                                                       : tr("Target: %1").arg(target.endpoint.toString()));
    // The platform appends the display name to a title that does not end with it: name the app once, last.
    const QString app = QGuiApplication::applicationDisplayName();
    setWindowTitle(sandboxTarget ? tr("Sandbox — %1").arg(app) : app);
    m_ui->actionStartSandbox->setEnabled(!m_sandboxHost->isRunning());
}

void MainWindow::buildDynamicMenus()
{
    m_ui->sandboxMenu->addSeparator();
    m_sandboxHost->addFaultModeMenu(m_ui->sandboxMenu);
    connect(m_sandboxHost, &SandboxHost::modeChanged, this, [this] {
        updateSandboxUi();
        const SandboxOptions::Mode mode = m_sandboxHost->mode();
        m_status->show([mode] { return tr("Sandbox fault mode: %1").arg(SandboxHost::modeLabel(mode)); },
                       4000);
    });
    m_languageMenu = Translations::addLanguageMenu(m_ui->viewMenu);
}

void MainWindow::retranslateDynamic()
{
    m_sandboxHost->retranslate();
    Translations::retranslateLanguageMenu(m_languageMenu);
    updateSandboxUi();
    updateCredentials();
    // Help → Keyboard Shortcuts describes the Esc key by this.
    findChild<QShortcut*>(QStringLiteral("cancelCreateShortcut"))
        ->setWhatsThis(tr("Cancel the running create"));
    m_status->retranslate();
    m_help->retranslate();
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
    m_createFlow->create(credentialChoice());
}

void MainWindow::setFormBusy(bool busy)
{
    form()->setBusy(busy);
    m_ui->actionCreate->setEnabled(!busy && form()->isReady());
    m_connectionActions->setCreateRunning(busy);
}

void MainWindow::cancelCreate()
{
    m_createFlow->cancel();
}

void MainWindow::previewRequest()
{
    const ConnectionForm::Target target = form()->target();
    if (!target.error.isEmpty()) {
        resultPanel()->showProblem(target.error);
        return;
    }
    // The preview masks every secret, so the keychain is not read for it; only the shape must be right.
    const Credentials shape = CredentialResolver(m_profiles.get()).shapeForPreview(credentialChoice());
    const ConnectionRequest request = form()->request();
    PreviewDialog dialog(RequestBuilder::build(target.endpoint, request, shape), this);
    dialog.setObjectName(QStringLiteral("previewDialog"));
    dialog.setViolations(RequestValidator::validate(request));
    CreateCommandLine::Input command{request, target.region, target.endpoint, form()->currentProfile()};
    command.keychain = form()->remembersPasswordInKeychain();
    dialog.setCommandInput(command);
    dialog.exec();
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
    m_connectionActions->cancel();
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace das
