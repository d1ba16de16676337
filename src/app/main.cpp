#include "AppPaths.h"
#include "AppSettings.h"
#include "MainWindow.h"
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

} // namespace

int main(int argc, char* argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    QApplication app(argc, argv);
    das::AppPaths::setupApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("DAS Connect"));
    QApplication::setDesktopFileName(QStringLiteral("das-connect"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/das-connect.svg")));

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
    parser.process(app);

    das::AppSettings settings;
    das::Translations::apply(parser.isSet(langOption) ? parser.value(langOption) : settings.language());

    MainWindow window;
    QString error;
    if (!window.openHistory(das::AppPaths::historyDatabasePath(), &error))
        QMessageBox::warning(&window, QCoreApplication::translate("main", "History unavailable"), error);
    window.restoreSettings();

    const bool noCredentials = qEnvironmentVariableIsEmpty("HUAWEICLOUD_SDK_AK");
    const bool scripted = hooks.isScripted(parser);
    bool demo = parser.isSet(demoOption) || hooks.needsSandbox(parser);
    if (!demo && !scripted && noCredentials && !settings.firstRunDone()) {
        demo = offerSandboxOnFirstRun(&window);
        settings.setFirstRunDone();
    }
    if (demo && !window.startSandbox(&error))
        QMessageBox::warning(&window, QCoreApplication::translate("main", "Sandbox"), error);
    window.show();

    hooks.arm(parser, window, sinceMain);
    return app.exec();
}
