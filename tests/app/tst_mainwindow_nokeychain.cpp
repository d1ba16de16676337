// The window with no Secret Service on the bus: creates still work, the keychain parts fail with a message,
// nothing blocks and nothing secret lands in a file.
#include "AppPaths.h"
#include "ConnectionForm.h"
#include "HistoryPane.h"
#include "HistoryTableModel.h"
#include "MainWindow.h"
#include "ProfileStore.h"
#include "ResultPanel.h"
#include "SandboxServer.h"
#include "SecretStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace das;

class TestMainWindowNoKeychain : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> w;

    QStringList filesContaining(const QByteArray& needle)
    {
        QStringList hits;
        QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
                hits.append(f.fileName());
        }
        return hits;
    }

private slots:
    void initTestCase()
    {
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/das-connect-no-bus");
        for (const char* name : {"XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION"})
            qunsetenv(name);
        // Settings and data in a throw-away place, under the app's real names.
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toUtf8());
        AppPaths::setupApplication();
    }

    void init()
    {
        w = std::make_unique<MainWindow>();
        w->secretStore()->setTimeoutMs(3000);
        QString error;
        QVERIFY(w->openHistory(m_dir.filePath(QStringLiteral("history.sqlite")), &error));
        QVERIFY(w->startSandbox(&error));
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    }

    void cleanup() { w.reset(); }

    void createSucceedsAndSaysThePasswordWasNotSaved()
    {
        w->form()->fillExample();
        w->findChild<QLineEdit*>(QStringLiteral("passwordEdit"))
            ->setText(QStringLiteral("NOKEYCHAIN-pw-777"));
        w->findChild<QCheckBox*>(QStringLiteral("savePasswordCheck"))->setChecked(true);
        QTest::mouseClick(w->findChild<QPushButton*>(QStringLiteral("createButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(w->resultPanel()->state(), ResultPanel::State::Success, 10000);
        QCOMPARE(w->resultPanel()->connectionId(), w->sandbox()->issuedConnectionIds().constFirst());
        QTRY_VERIFY_WITH_TIMEOUT(w->resultPanel()->explanation().contains(QStringLiteral("was not saved")),
                                 10000);
        QVERIFY2(w->resultPanel()->explanation().contains(QStringLiteral("Secret Service")) ||
                     w->resultPanel()->explanation().contains(QStringLiteral("keychain")),
                 qPrintable(w->resultPanel()->explanation()));
        QCOMPARE(w->historyPane()->model()->rowCount(), 1);
        QVERIFY(!w->historyPane()->model()->record(0).passwordSaved);
        // The window answered throughout: the form is usable again at once.
        QVERIFY(w->form()->isReady());
        QVERIFY(filesContaining("NOKEYCHAIN-pw-777").isEmpty());
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
        auto* target = w->findChild<QComboBox*>(QStringLiteral("targetCombo"));
        target->setCurrentIndex(target->findData(QStringLiteral("custom")));
        auto* profile = w->findChild<QComboBox*>(QStringLiteral("profileCombo"));
        profile->setCurrentIndex(profile->findData(QStringLiteral("orphan")));
        emit w->form()->profileChanged();
        w->form()->fillExample();
        QTest::mouseClick(w->findChild<QPushButton*>(QStringLiteral("createButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(w->resultPanel()->state(), ResultPanel::State::Failure, 10000);
        QVERIFY2(w->resultPanel()->explanation().contains(QStringLiteral("could not be read")),
                 qPrintable(w->resultPanel()->explanation()));
        QCOMPARE(w->sandbox()->requestCount(), 0);
        QVERIFY(!w->isBusy());
        QVERIFY(store.remove(QStringLiteral("orphan")));
    }
};

QTEST_MAIN(TestMainWindowNoKeychain)
#include "tst_mainwindow_nokeychain.moc"
