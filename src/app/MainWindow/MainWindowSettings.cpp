// MainWindow: what the window remembers between runs (geometry, splitter, history columns, the form's target
// and defaults), the end of its start-up (the SVG icons once it is painted) and the parts it builds only when
// first needed (the result panel, the On DAS pane), kept apart from the wiring in MainWindow.cpp.
#include "MainWindow.h"

#include "AppSettings.h"
#include "ConnectionActions.h"
#include "ConnectionForm.h"
#include "ConnectionsPane.h"
#include "CreateFlow.h"
#include "HistoryPane.h"
#include "OverflowIconStyle.h"
#include "ResultPanel.h"
#include "SandboxHost.h"
#include "StartupHooks.h"
#include "StatusLine.h"
#include "ui_MainWindow.h"

#include <QLayout>
#include <QScrollArea>

#include <utility>

namespace das {

void MainWindow::restoreSettings()
{
    AppSettings settings;
    if (restoreGeometry(settings.windowGeometry()))
        fitToScreen(*this, size(), true);
    restoreState(settings.windowState());
    m_ui->mainSplitter->restoreState(settings.splitterState());
    historyPane()->restoreState(settings);
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
    historyPane()->saveState(settings);
    const ConnectionForm::Target target = form()->target();
    const ConnectionRequest r = form()->request();
    settings.saveChoices(target.key,
                         target.key == QLatin1String(ConnectionForm::CustomKey) ? target.endpoint.toString()
                                                                                : QString(),
                         r.projectId, r.engineType, r.networkType);
}

void MainWindow::setStartingSandbox(bool starting)
{
    if (starting)
        m_status->show([] { return tr("Starting the built-in sandbox…"); }, 0);
    else if (!m_sandboxHost->isRunning())
        m_status->showText(QString(), 0);
}

void MainWindow::loadIcons()
{
    if (std::exchange(m_iconsLoaded, true))
        return;
    const std::pair<QAction*, const char*> icons[] = {{m_ui->actionCreate, ":/icons/create.svg"},
                                                      {m_ui->actionPreview, ":/icons/preview.svg"},
                                                      {m_ui->actionFillExample, ":/icons/example.svg"},
                                                      {m_ui->actionStartSandbox, ":/icons/sandbox.svg"}};
    for (const auto& [action, file] : icons)
        action->setIcon(QIcon(QLatin1String(file)));
    form()->loadIcons();
    loadOverflowIcons(*this);
    markStartup("icons");
}

void MainWindow::finishStartup()
{
    if (m_startupFinished)
        return;
    m_startupFinished = true;
    loadIcons(); // already done after the first paint, unless the window was never shown
    // The sandbox badge was shown after the toolbar's layout: lay it out now, not on its next pass, so that
    // "started" means the window looks the part.
    m_ui->mainToolBar->layout()->activate();
    emit startupFinished();
}

ConnectionsPane* MainWindow::buildConnectionsPane()
{
    auto* pane = new ConnectionsPane;
    pane->setObjectName(QStringLiteral("connectionsPane"));
    m_ui->connectionsScroll->setWidget(pane);
    return pane;
}

ResultPanel* MainWindow::resultPanel() const
{
    // Hidden until a create or a problem shows something: not worth its start-up time before that.
    if (!m_resultPanel) {
        m_resultPanel = new ResultPanel(m_ui->leftPane);
        m_resultPanel->setObjectName(QStringLiteral("resultPanel"));
        m_ui->leftLayout->insertWidget(0, m_resultPanel);
        connect(m_resultPanel, &ResultPanel::statusMessage, this,
                [this](const QString& text) { m_status->showText(text, 4000); });
    }
    return m_resultPanel;
}

ConnectionsPane* MainWindow::connectionsPane() const
{
    return m_connectionActions->pane();
}

bool MainWindow::isConnectionsPaneBuilt() const
{
    return m_connectionActions->isPaneBuilt();
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (m_shownOnce)
        return;
    m_shownOnce = true;
    // Whatever else runs the start-up (main(), a test), the keychain box learns about the bus only once the
    // window is on screen: a D-Bus connection is not needed to draw it.
    afterFirstPaint(*this, [this] {
        loadIcons();
        m_createFlow->checkKeychain();
    });
}

} // namespace das
