#include "AppPaths.h"
#include "AppSettings.h"
#include "FontconfigWarmUp.h"
#include "MainWindow.h"
#include "OverflowIconStyle.h"
#include "ProgramDoc.h"
#include "StartupHooks.h"
#include "Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QPushButton>

using das::MainWindow;

namespace {

bool offerSandboxOnFirstRun(QWidget* parent)
{
    QMessageBox box(
        QMessageBox::Question, QCoreApplication::translate("main", "Welcome to DAS Connect"),
        QCoreApplication::translate(
            "main", "No Huawei Cloud credentials were found (HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK).\n\n"
                    "Try the built-in sandbox? It runs on this computer, needs no account, and answers "
                    "like DAS does."),
        QMessageBox::NoButton, parent);
    QPushButton* sandbox =
        box.addButton(QCoreApplication::translate("main", "Try the sandbox"), QMessageBox::AcceptRole);
    box.addButton(QCoreApplication::translate("main", "Continue without the sandbox"),
                  QMessageBox::RejectRole);
    box.setDefaultButton(sandbox);
    box.exec();
    return box.clickedButton() == sandbox;
}

// The man page and the completion, from the options main() parses.
das::ProgramDoc programDoc(const QList<QCommandLineOption>& options)
{
    das::ProgramDoc doc;
    doc.program = QStringLiteral("das-connect");
    doc.summary = QStringLiteral("create Huawei Cloud DAS instance connections");
    doc.version = QCoreApplication::applicationVersion();
    doc.description = QStringList{
        QStringLiteral(
            "das-connect is the window of DAS Connect. It fills in, previews and creates one Huawei "
            "Cloud Data Admin Service (DAS) instance connection at a time, or many from a CSV or "
            "JSON file; lists and deletes the connections DAS holds; and keeps a history of the "
            "creates made on this computer. Profiles keep their secrets in the OS keychain."),
        QStringLiteral(
            "Without credentials it offers the built-in sandbox, a local stand-in for DAS that needs "
            "no account (--demo starts on it directly). das-connect-cli does the same from a "
            "terminal.")};
    doc.commands.append(das::CommandDoc{{}, {}, {}, das::ProgramDoc::helpAndVersion() + options, {}});
    doc.sections.append(
        {QStringLiteral("Environment"),
         QStringLiteral(
             "HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, HUAWEICLOUD_SDK_SECURITY_TOKEN: the access key, "
             "secret key and security token used when no profile is chosen.\n\n"
             "HUAWEICLOUD_SDK_PROJECT_ID: the project ID when none is entered.")});
    doc.seeAlso = QStringList{QStringLiteral("das-connect-cli(1)"), QStringLiteral("das-sandbox(1)")};
    return doc;
}

} // namespace

int main(int argc, char* argv[])
{
    das::markStartup("main() (loader, static init)");
    das::FontconfigWarmUp fontconfig(argc, argv); // only while QApplication is constructed: see its header
    QElapsedTimer sinceMain;
    sinceMain.start();
    QApplication app(argc, argv);
    fontconfig.wait();
    das::markStartup("QApplication");
    das::deferOverflowIcons();
    das::AppPaths::setupApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("DAS Connect"));
    QApplication::setDesktopFileName(QStringLiteral("das-connect"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Create Huawei Cloud DAS connections."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(
        QStringLiteral("demo"), QCoreApplication::translate("main", "Start on the built-in sandbox."));
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        QCoreApplication::translate("main", "Language: system, en or zh_CN."),
                                        QStringLiteral("CODE"));
    parser.addOptions({demoOption, langOption});
    const das::StartupHooks hooks;
    hooks.addOptions(parser);
    parser.addOptions(das::docOptions());
    parser.process(app);
    if (das::printRequestedDoc(QCoreApplication::arguments(), [&] {
            return programDoc(QList<QCommandLineOption>{demoOption, langOption} + hooks.options());
        }))
        return 0;

    das::markStartupFonts();

    das::AppSettings settings;
    das::Translations::apply(parser.isSet(langOption) ? parser.value(langOption) : settings.language());
    das::markStartup("translations");

    MainWindow window;
    window.restoreSettings();
    das::markStartup("window construction");

    const bool noCredentials = qEnvironmentVariableIsEmpty("HUAWEICLOUD_SDK_AK");
    const bool scripted = hooks.isScripted(parser);
    const bool demo = parser.isSet(demoOption) || hooks.needsSandbox(parser);
    const bool askFirstRun = !demo && !scripted && noCredentials && !settings.firstRunDone();
    // The window comes first; what its first screen does not need is done once it has been painted.
    das::DeferredStartup plan;
    plan.historyPath = das::AppPaths::historyDatabasePath();
    plan.sandbox = demo;
    if (askFirstRun) {
        plan.askSandbox = [&window, &settings] {
            const bool wanted = offerSandboxOnFirstRun(&window);
            settings.setFirstRunDone();
            return wanted;
        };
    }
    // --quit-after-show times the first show alone; the other scripted runs want the window ready.
    const bool quitAfterShow = parser.isSet(hooks.quitAfterShowOption());
    if (!quitAfterShow) {
        das::startAfterFirstPaint(window, plan);
        QObject::connect(&window, &MainWindow::startupFinished, &app,
                         [&] { hooks.arm(parser, window, sinceMain); });
    }
    window.show();
    das::markStartup("show()");
    if (quitAfterShow)
        hooks.arm(parser, window, sinceMain);
    return app.exec();
}
