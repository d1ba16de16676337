#pragma once

// The fixture the widget tests share (after KeePassXC's GuiTestBase). Each test case gets throw-away HOME and
// XDG directories, set before anything reads QSettings or QStandardPaths, and each test function a fresh
// scratch directory with its own history database. Window tests get a MainWindow on the embedded sandbox and
// the steps they all take: fill the form, click Create and wait for MainWindow::createFinished, choose a
// profile, read the masked preview. The keychain choice (throw-away Secret Service, none, or untouched) is
// made once, in initTestCase, before anything talks to D-Bus.

#include "ConnectionRequest.h"
#include "KeychainTestSupport.h"
#include "MainWindow.h"
#include "Profile.h"

#include <QObject>
#include <QSignalSpy>
#include <QString>
#include <QTemporaryDir>

#include <functional>
#include <memory>

class QMessageBox;
class QPushButton;
class QWidget;

namespace das::test {

// The child of `root` called `name`. A missing one aborts the run: a renamed widget must fail loudly, not
// crash on a null pointer three lines later.
template <typename T> T* child(const QObject* root, const char* name)
{
    T* widget = root->findChild<T*>(QLatin1String(name));
    if (!widget)
        qFatal("no child %s", name);
    return widget;
}

// Replaces the text of a QLineEdit or QPlainTextEdit as a user does: focus, select all, erase, type.
void retype(QWidget* widget, const QString& text);

// Shows a top-level widget and waits until the platform has exposed it (key and mouse events need that).
[[nodiscard]] bool showAndWait(QWidget* widget);

class GuiTestBase : public QObject
{
    Q_OBJECT

public:
    enum class Keychain
    {
        Untouched, // the test never reaches the keychain
        ThrowAway, // the Secret Service of scripts/with-keyring; the test case fails without it
        None,      // no session bus at all: every keychain job fails, quickly
    };

    // Long enough for a create plus a keychain save and read-back on a loaded CI machine.
    static constexpr int CreateTimeoutMs = 20000;

    explicit GuiTestBase(Keychain keychain = Keychain::Untouched);
    ~GuiTestBase() override;

protected slots:
    // QTest looks these up by name, so they run for every test class built on the fixture. A class that needs
    // more declares its own slot of the same name and calls these: the base first in init*, last in cleanup*.
    void initTestCase();
    void init();
    void cleanup();

protected:
    // Everything the test case writes (HOME, XDG dirs, settings, scratch dirs) is below this directory.
    QString rootPath() const { return m_root.path(); }
    // A directory of its own for the running test function, removed in cleanup().
    QString testDir() const;
    QString testFile(const QString& name) const;
    QString historyPath() const { return testFile(QStringLiteral("history.sqlite")); }
    // The file QSettings() writes for the app, below rootPath().
    QString settingsPath() const;

    // The main window on historyPath(), with the embedded sandbox started, shown and exposed: started as
    // main() starts it (shown first, the sandbox and the history after its first paint, startAfterFirstPaint)
    // and waited for (MainWindow::startupFinished).
    [[nodiscard]] bool openWindow(int keychainTimeoutMs = -1);
    // The same, but the sandbox starts first and `beforeHistory` runs before the window opens its history:
    // to write rows for the sandbox's endpoint (its port is new each run) that the window finds at start.
    [[nodiscard]] bool openWindowSandboxFirst(const std::function<void()>& beforeHistory);
    // A new window on the same history, as after a restart: no sandbox, not shown.
    [[nodiscard]] bool reopenWindow();
    void closeWindow();
    MainWindow* window() const { return m_window.get(); }
    template <typename T> T* windowChild(const char* name) const { return child<T>(m_window.get(), name); }
    QPushButton* createButton() const;

    // Clicks Create as a user does; false when the button is disabled.
    [[nodiscard]] bool clickCreate();
    // Waits until MainWindow::createFinished has come `count` times since the window opened.
    [[nodiscard]] bool waitForCreateFinished(int count = 1, int timeoutMs = CreateTimeoutMs);
    // Clicks Create and waits for that create to finish, whatever its outcome.
    [[nodiscard]] bool clickCreateAndWait(int timeoutMs = CreateTimeoutMs);
    // The outcome the window reported last.
    CreateResult lastCreateResult() const;
    // How many times MainWindow::createFinished has come since the window opened.
    int createFinishedCount() const;

    // The question the window's create is waiting on (CreateFlow), once it is shown; null after timeoutMs.
    QMessageBox* waitForQuestion(int timeoutMs = CreateTimeoutMs);
    // Waits for that question and clicks its button called `buttonName` as a user does; false when either
    // does not come.
    [[nodiscard]] bool answerQuestion(const char* buttonName, int timeoutMs = CreateTimeoutMs);
    // Creates `request` on the window's sandbox with the demo key, as another tool would: the window's
    // history does not hear of it. The new ID goes to `connectionId`.
    [[nodiscard]] bool createBehindTheWindow(const ConnectionRequest& request, QString* connectionId);

    // Saves a profile through the window's ProfileManager (keychain and settings) and lists it in the window.
    [[nodiscard]] bool saveProfile(const Profile& profile, const ProfileSecrets& secrets, QString* message);
    // Switches the target to "custom" and chooses the profile, as the combo boxes do; false when not listed.
    [[nodiscard]] bool chooseProfile(const QString& name);
    // Opens the preview with the Preview button and returns its (masked) text; the dialog is closed again.
    QString previewText();

private:
    [[nodiscard]] bool isolateHome();
    [[nodiscard]] bool prepareWindow(int keychainTimeoutMs);

    const Keychain m_keychain;
    QTemporaryDir m_root;
    std::unique_ptr<QTemporaryDir> m_testDir;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QSignalSpy> m_createFinished;
};

} // namespace das::test
