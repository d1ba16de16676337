// MainWindow: what the window remembers between runs (geometry, splitter, history columns, the form's target
// and defaults) and the end of its start-up, kept apart from the wiring in MainWindow.cpp.
#include "MainWindow.h"

#include "AppSettings.h"
#include "ConnectionForm.h"
#include "HistoryPane.h"
#include "SandboxHost.h"
#include "StartupHooks.h"
#include "StatusLine.h"
#include "ui_MainWindow.h"

#include <QLayout>

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

void MainWindow::finishStartup()
{
    if (m_startupFinished)
        return;
    m_startupFinished = true;
    // The sandbox badge was shown after the toolbar's layout: lay it out now, not on its next pass, so that
    // "started" means the window looks the part.
    m_ui->mainToolBar->layout()->activate();
    emit startupFinished();
}

} // namespace das
