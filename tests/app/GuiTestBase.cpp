#include "GuiTestBase.h"

#include "AppPaths.h"
#include "ConnectionForm.h"
#include "CreateFlow.h"
#include "CreateSession.h"
#include "PreviewDialog.h"
#include "SandboxServer.h"
#include "StartupHooks.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <QTimer>

namespace das::test {

void retype(QWidget* widget, const QString& text)
{
    widget->setFocus();
    if (auto* edit = qobject_cast<QLineEdit*>(widget)) {
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
    } else if (auto* plain = qobject_cast<QPlainTextEdit*>(widget)) {
        plain->selectAll();
        QTest::keyClick(plain, Qt::Key_Backspace);
    }
    if (!text.isEmpty())
        QTest::keyClicks(widget, text);
}

bool showAndWait(QWidget* widget)
{
    widget->show();
    return QTest::qWaitForWindowExposed(widget);
}

GuiTestBase::GuiTestBase(Keychain keychain)
    : m_keychain(keychain)
{}

GuiTestBase::~GuiTestBase() = default;

void GuiTestBase::initTestCase()
{
    switch (m_keychain) {
    case Keychain::ThrowAway:
        // Refuse rather than write test secrets into the user's own keyring.
        QVERIFY2(haveThrowAwayKeyring(), needKeyringMessage());
        forceSecretServiceBackend();
        break;
    case Keychain::None:
        // A bus address that leads nowhere: QtKeychain fails at once instead of finding a real keyring.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/das-connect-no-bus");
        forceSecretServiceBackend();
        break;
    case Keychain::Untouched:
        break;
    }
    QVERIFY(isolateHome());
}

// QSettings reads its paths once, on first use, and QStandardPaths reads the environment on every call: so
// the variables go in before either is touched. No QStandardPaths test mode: it ignores XDG_* for
// $HOME/.qttest, while the variables keep the app's real layout (das-connect/das-connect.conf), the one users
// get.
bool GuiTestBase::isolateHome()
{
    if (!m_root.isValid())
        return false;
    const std::pair<const char*, const char*> dirs[] = {{"HOME", "home"},
                                                        {"XDG_CONFIG_HOME", "config"},
                                                        {"XDG_DATA_HOME", "data"},
                                                        {"XDG_CACHE_HOME", "cache"},
                                                        {"XDG_STATE_HOME", "state"}};
    for (const auto& [variable, name] : dirs) {
        const QString path = m_root.filePath(QLatin1String(name));
        if (!QDir().mkpath(path))
            return false;
        qputenv(variable, QFile::encodeName(path));
    }
    AppPaths::setupApplication(); // the app's real names, so the files are the ones the app writes
    if (!settingsPath().startsWith(m_root.path())) {
        qWarning("QSettings was used before the fixture set HOME: %s", qPrintable(settingsPath()));
        return false;
    }
    return true;
}

void GuiTestBase::init()
{
    m_testDir = std::make_unique<QTemporaryDir>(m_root.filePath(QStringLiteral("test-XXXXXX")));
    QVERIFY(m_testDir->isValid());
}

void GuiTestBase::cleanup()
{
    closeWindow();
    m_testDir.reset();
}

QString GuiTestBase::testDir() const
{
    if (!m_testDir)
        qFatal("testDir() is only there between init() and cleanup()");
    return m_testDir->path();
}

QString GuiTestBase::testFile(const QString& name) const
{
    return testDir() + QLatin1Char('/') + name;
}

QString GuiTestBase::settingsPath() const
{
    return QSettings().fileName();
}

bool GuiTestBase::prepareWindow(int keychainTimeoutMs)
{
    m_createFinished.reset();
    m_window = std::make_unique<MainWindow>();
    if (keychainTimeoutMs >= 0)
        m_window->secretStore()->setTimeoutMs(keychainTimeoutMs);
    m_createFinished = std::make_unique<QSignalSpy>(m_window.get(), &MainWindow::createFinished);
    QString error;
    if (!m_window->openHistory(historyPath(), &error)) {
        qWarning("openHistory: %s", qPrintable(error));
        return false;
    }
    return true;
}

bool GuiTestBase::openWindow(int keychainTimeoutMs)
{
    m_createFinished.reset();
    m_window = std::make_unique<MainWindow>();
    if (keychainTimeoutMs >= 0)
        m_window->secretStore()->setTimeoutMs(keychainTimeoutMs);
    m_createFinished = std::make_unique<QSignalSpy>(m_window.get(), &MainWindow::createFinished);
    QSignalSpy started(m_window.get(), &MainWindow::startupFinished);
    DeferredStartup plan;
    plan.historyPath = historyPath();
    plan.sandbox = true;
    startAfterFirstPaint(*m_window, plan);
    if (!showAndWait(m_window.get()))
        return false;
    if (!m_window->isStartupFinished() && !started.wait(CreateTimeoutMs)) {
        qWarning("MainWindow::startupFinished did not come");
        return false;
    }
    if (!m_window->sandbox()) {
        qWarning("the sandbox did not start");
        return false;
    }
    return true;
}

bool GuiTestBase::openWindowSandboxFirst(const std::function<void()>& beforeHistory)
{
    m_createFinished.reset();
    m_window = std::make_unique<MainWindow>();
    m_createFinished = std::make_unique<QSignalSpy>(m_window.get(), &MainWindow::createFinished);
    QString error;
    if (!m_window->startSandbox(&error)) {
        qWarning("startSandbox: %s", qPrintable(error));
        return false;
    }
    beforeHistory();
    if (!m_window->openHistory(historyPath(), &error)) {
        qWarning("openHistory: %s", qPrintable(error));
        return false;
    }
    return showAndWait(m_window.get());
}

bool GuiTestBase::reopenWindow()
{
    closeWindow();
    return prepareWindow(-1);
}

void GuiTestBase::closeWindow()
{
    m_createFinished.reset();
    m_window.reset();
}

QPushButton* GuiTestBase::createButton() const
{
    return windowChild<QPushButton>("createButton");
}

bool GuiTestBase::clickCreate()
{
    if (!createButton()->isEnabled()) {
        qWarning("Create is disabled");
        return false;
    }
    QTest::mouseClick(createButton(), Qt::LeftButton);
    return true;
}

bool GuiTestBase::waitForCreateFinished(int count, int timeoutMs)
{
    if (QTest::qWaitFor([&] { return m_createFinished->count() >= count; }, timeoutMs))
        return true;
    qWarning("createFinished came %d time(s), not %d, within %d ms", int(m_createFinished->count()), count,
             timeoutMs);
    return false;
}

bool GuiTestBase::clickCreateAndWait(int timeoutMs)
{
    const int before = int(m_createFinished->count());
    return clickCreate() && waitForCreateFinished(before + 1, timeoutMs);
}

CreateResult GuiTestBase::lastCreateResult() const
{
    if (m_createFinished->isEmpty())
        return {};
    return m_createFinished->constLast().constFirst().value<CreateResult>();
}

int GuiTestBase::createFinishedCount() const
{
    return m_createFinished ? int(m_createFinished->count()) : 0;
}

QMessageBox* GuiTestBase::waitForQuestion(int timeoutMs)
{
    // Opened from the event loop (window-modal, never exec()): wait until it is on screen.
    QMessageBox* box = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] {
            box = m_window->createFlow()->question();
            return box && box->isVisible();
        },
        timeoutMs);
    if (!shown) {
        qWarning("no question within %d ms", timeoutMs);
        return nullptr;
    }
    return QTest::qWaitForWindowExposed(box) ? box : nullptr;
}

bool GuiTestBase::answerQuestion(const char* buttonName, int timeoutMs)
{
    QMessageBox* box = waitForQuestion(timeoutMs);
    if (!box)
        return false;
    auto* button = box->findChild<QPushButton*>(QLatin1String(buttonName));
    if (!button) {
        qWarning("the question \"%s\" has no button %s", qPrintable(box->text()), buttonName);
        return false;
    }
    QTest::mouseClick(button, Qt::LeftButton);
    return true;
}

bool GuiTestBase::createBehindTheWindow(const ConnectionRequest& request, QString* connectionId)
{
    SandboxServer* sandbox = m_window->sandbox();
    CreateSession session({m_window->client(), nullptr, nullptr, nullptr});
    CredentialChoice demo;
    demo.source = CredentialChoice::Source::SandboxDemo;
    demo.credentials.accessKey = sandbox->options().accessKey;
    demo.credentials.secretKey = sandbox->options().secretKey;
    QSignalSpy finished(&session, &CreateSession::finished);
    session.start(request, {sandbox->url(), QString()}, demo);
    if (!finished.wait(CreateTimeoutMs) || !session.outcome().result.succeeded()) {
        qWarning("create behind the window: %s", qPrintable(session.outcome().result.explanation));
        return false;
    }
    *connectionId = session.outcome().result.connectionId;
    return true;
}

bool GuiTestBase::saveProfile(const Profile& profile, const ProfileSecrets& secrets, QString* message)
{
    if (!m_window->profileManager()->saveProfileSync(profile, secrets, message))
        return false;
    m_window->reloadProfiles();
    return true;
}

bool GuiTestBase::chooseProfile(const QString& name)
{
    auto* target = windowChild<QComboBox>("targetCombo");
    target->setCurrentIndex(target->findData(QStringLiteral("custom")));
    auto* profile = windowChild<QComboBox>("profileCombo");
    const int index = profile->findData(name);
    if (index < 0)
        return false;
    profile->setCurrentIndex(index);
    emit m_window->form()->profileChanged();
    return true;
}

QString GuiTestBase::previewText()
{
    // The dialog is modal: read it from the event loop that exec() runs, then close it.
    QString shown;
    QTimer::singleShot(0, this, [&shown] {
        if (auto* dialog = qobject_cast<PreviewDialog*>(QApplication::activeModalWidget())) {
            shown = dialog->text();
            dialog->reject();
        }
    });
    windowChild<QPushButton>("previewButton")->click();
    return shown;
}

} // namespace das::test
