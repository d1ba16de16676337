// The window with no Secret Service on the bus: creates still work, the keychain parts fail with a message,
// nothing blocks and nothing secret lands in a file.
#include "ConnectionForm.h"
#include "GuiTestBase.h"
#include "HistoryPane.h"
#include "HistoryTableModel.h"
#include "MainWindow.h"
#include "ProfileStore.h"
#include "ResultPanel.h"
#include "SandboxServer.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

using namespace das;
using namespace das::test;

class TestMainWindowNoKeychain : public GuiTestBase
{
    Q_OBJECT

public:
    TestMainWindowNoKeychain()
        : GuiTestBase(Keychain::None)
    {}

private:
    MainWindow* w = nullptr;

private slots:
    void init()
    {
        GuiTestBase::init();
        QVERIFY(openWindow(3000)); // a keychain job that cannot reach a bus gives up within 3 s
        w = window();
    }

    void createSucceedsAndSaysThePasswordWasNotSaved()
    {
        w->form()->fillExample();
        w->findChild<QLineEdit*>(QStringLiteral("passwordEdit"))
            ->setText(QStringLiteral("NOKEYCHAIN-pw-777"));
        // Before anything is sent, the keychain box says it cannot work here; DAS's flag works on its own.
        auto* keychain = w->findChild<QCheckBox*>(QStringLiteral("keychainPasswordCheck"));
        QTRY_VERIFY_WITH_TIMEOUT(!keychain->isEnabled(), 10000);
        QVERIFY(w->findChild<QLabel*>(QStringLiteral("keychainReasonLabel"))->isVisible());
        auto* das = w->findChild<QCheckBox*>(QStringLiteral("dasSavePasswordCheck"));
        QVERIFY(das->isEnabled());
        das->setChecked(true);
        QVERIFY(clickCreateAndWait());
        QCOMPARE(w->resultPanel()->state(), ResultPanel::State::Success);
        QCOMPARE(w->resultPanel()->connectionId(), w->sandbox()->issuedConnectionIds().constFirst());
        QVERIFY(!w->resultPanel()->explanation().contains(QStringLiteral("was not saved")));
        QCOMPARE(w->historyPane()->model()->rowCount(), 1);
        QVERIFY(w->historyPane()->model()->record(0).isSavePassword);
        QVERIFY(!w->historyPane()->model()->record(0).passwordSaved);
        QVERIFY(w->form()->isReady());
        QVERIFY(filesContaining(rootPath(), "NOKEYCHAIN-pw-777").isEmpty());
    }

    void busIsAskedOnlyOnceTheWindowIsShown()
    {
        // A D-Bus connection is not needed to draw the window: until it is on screen, nothing asks.
        MainWindow hidden;
        auto* keychain = hidden.findChild<QCheckBox*>(QStringLiteral("keychainPasswordCheck"));
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        QVERIFY(keychain->isEnabled());
        hidden.show();
        QVERIFY(QTest::qWaitForWindowExposed(&hidden));
        QTRY_VERIFY_WITH_TIMEOUT(!keychain->isEnabled(), 10000);
    }

    void profileWithoutKeychainSendsNothing()
    {
        // A profile whose secrets cannot be read: the settings part exists, the keychain does not.
        ProfileStore store;
        Profile p;
        p.name = QStringLiteral("orphan");
        p.accessKey = QStringLiteral("ORPHANAK000000000001");
        p.endpoint = w->sandbox()->url().toString();
        QString error;
        QVERIFY2(store.save(p, &error), qPrintable(error));
        w->reloadProfiles();
        QVERIFY(chooseProfile(QStringLiteral("orphan")));
        w->form()->fillExample();
        QVERIFY(clickCreateAndWait());
        QCOMPARE(w->resultPanel()->state(), ResultPanel::State::Failure);
        QVERIFY2(w->resultPanel()->explanation().contains(QStringLiteral("could not be read")),
                 qPrintable(w->resultPanel()->explanation()));
        QCOMPARE(w->sandbox()->requestCount(), 0);
        QVERIFY(!w->isBusy());
        QVERIFY(store.remove(QStringLiteral("orphan")));
    }
};

QTEST_MAIN(TestMainWindowNoKeychain)
#include "tst_mainwindow_nokeychain.moc"
