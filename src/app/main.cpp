#include "AppPaths.h"
#include "AppSettings.h"
#include "ConnectionForm.h"
#include "MainWindow.h"
#include "Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QWindow>

#include <sys/resource.h>

#include <cstdio>

using das::MainWindow;

namespace {

long peakRssKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

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
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QCoreApplication::translate(
            "main", "Render the window on the sandbox after one create to FILE (PNG) and exit."),
        QStringLiteral("FILE"));
    const QCommandLineOption quitAfterShowOption(
        QStringLiteral("quit-after-show"),
        QCoreApplication::translate(
            "main", "Print start-up time and peak memory once the window is shown, then exit."));
    parser.addOptions({demoOption, langOption, screenshotOption, quitAfterShowOption});
    parser.process(app);

    das::AppSettings settings;
    das::Translations::apply(parser.isSet(langOption) ? parser.value(langOption) : settings.language());

    MainWindow window;
    QString error;
    if (!window.openHistory(das::AppPaths::historyDatabasePath(), &error))
        QMessageBox::warning(&window, QCoreApplication::translate("main", "History unavailable"), error);
    window.restoreSettings();

    const bool noCredentials = qEnvironmentVariableIsEmpty("HUAWEICLOUD_SDK_AK");
    const bool scripted = parser.isSet(screenshotOption) || parser.isSet(quitAfterShowOption);
    bool demo = parser.isSet(demoOption) || parser.isSet(screenshotOption);
    if (!demo && !scripted && noCredentials && !settings.firstRunDone()) {
        demo = offerSandboxOnFirstRun(&window);
        settings.setFirstRunDone();
    }
    if (demo && !window.startSandbox(&error))
        QMessageBox::warning(&window, QCoreApplication::translate("main", "Sandbox"), error);
    window.show();

    if (parser.isSet(quitAfterShowOption)) {
        // Polls for the platform's expose event, which arrives asynchronously after show().
        auto* poll = new QTimer(&app);
        poll->setInterval(1);
        QObject::connect(poll, &QTimer::timeout, &app, [&, poll] {
            const bool exposed = window.windowHandle() && window.windowHandle()->isExposed();
            if (!exposed && sinceMain.elapsed() < 10000)
                return;
            poll->stop();
            std::printf("first window shown after %lld ms (exposed: %s), peak RSS %ld KiB\n",
                        static_cast<long long>(sinceMain.elapsed()), exposed ? "yes" : "no", peakRssKiB());
            std::fflush(stdout);
            app.quit();
        });
        poll->start();
    }
    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        window.resize(1280, 900);
        QObject::connect(&window, &MainWindow::createFinished, &app, [&window, &app, file] {
            if (auto* scroll = window.findChild<QScrollArea*>(QStringLiteral("formScroll")))
                scroll->verticalScrollBar()->setValue(0);
            QTimer::singleShot(200, &app, [&window, &app, file] {
                const bool saved = window.grab().save(file, "PNG");
                std::printf("%s %s\n", saved ? "saved" : "could not save", qPrintable(file));
                app.exit(saved ? 0 : 1);
            });
        });
        QTimer::singleShot(0, &app, [&window] {
            window.form()->fillExample();
            window.createConnection();
        });
    }
    return app.exec();
}
