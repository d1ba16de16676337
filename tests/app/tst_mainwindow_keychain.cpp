// The window with the OS keychain: profile credentials, saving, offering and forgetting database passwords.
// Runs against the throw-away Secret Service of scripts/with-keyring.
#include "ConnectionForm.h"
#include "GuiTestBase.h"
#include "HistoryPane.h"
#include "HistoryTableModel.h"
#include "KeychainTestSupport.h"
#include "MainWindow.h"
#include "ProfileManager.h"
#include "ProfileStore.h"
#include "RequestBuilder.h"
#include "ResultPanel.h"
#include "SandboxServer.h"
#include "SecretStore.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTcpServer>
#include <QTest>

using namespace das;
using namespace das::test;

namespace {

QStringList g_log;

void captureLog(QtMsgType, const QMessageLogContext&, const QString& message)
{
    g_log.append(message);
}

} // namespace

class TestMainWindowKeychain : public GuiTestBase
{
    Q_OBJECT

public:
    TestMainWindowKeychain()
        : GuiTestBase(Keychain::ThrowAway)
    {}

private:
    MainWindow* w = nullptr;

    template <typename T> T* child(const char* name) { return windowChild<T>(name); }

private slots:
    void init()
    {
        GuiTestBase::init();
        QVERIFY(openWindow());
        w = window();
    }

    void profileCredentialsComeFromTheKeychain()
    {
        const QString name = QStringLiteral("gui-") + uniqueTag();
        Profile p;
        p.name = name;
        p.accessKey = w->sandbox()->options().accessKey;
        p.endpoint = w->sandbox()->url().toString();
        p.projectId = QLatin1String(SandboxOptions::DemoProjectId);
        ProfileSecrets s;
        s.secretKey = w->sandbox()->options().secretKey;
        QString message;
        QVERIFY2(saveProfile(p, s, &message), qPrintable(message));

        // Choosing the profile switches the target to its endpoint and signs with its keychain SK.
        auto* target = child<QComboBox>("targetCombo");
        target->setCurrentIndex(target->findData(QStringLiteral("custom")));
        auto* profile = child<QComboBox>("profileCombo");
        QVERIFY(profile->isEnabled());
        profile->setFocus();
        const int index = profile->findData(name);
        QVERIFY(index > 0);
        while (profile->currentIndex() != index)
            QTest::keyClick(profile, Qt::Key_Down);
        QCOMPARE(w->form()->target().endpoint, w->sandbox()->url());
        QVERIFY(child<QLabel>("credentialsValue")->text().contains(name));
        QVERIFY(!child<QLabel>("credentialsValue")->text().contains(s.secretKey));

        w->form()->fillExample();
        QVERIFY(clickCreateAndWait());
        QCOMPARE(w->resultPanel()->state(), ResultPanel::State::Success);
        QCOMPARE(w->resultPanel()->connectionId(), w->sandbox()->issuedConnectionIds().constFirst());
        QVERIFY(w->profileManager()->removeProfileSync(name, &message));
    }

    void canaryNeverLeaks()
    {
        // Distinctive secrets through a full create: profile SK from the keychain, a saved password, a
        // preview.
        const QString sk = QStringLiteral("CANARY-gui-sk-") + uniqueTag();
        const QString password = QStringLiteral("CANARY-gui-pw-") + uniqueTag();
        SandboxOptions options;
        options.secretKey = sk;
        SandboxServer server(options);
        QString error;
        QVERIFY(server.start(&error));
        const QString name = QStringLiteral("canary-") + uniqueTag();
        Profile p;
        p.name = name;
        p.accessKey = options.accessKey;
        p.endpoint = server.url().toString();
        ProfileSecrets secrets;
        secrets.secretKey = sk;
        QVERIFY(saveProfile(p, secrets, &error));

        g_log.clear();
        const QtMessageHandler previous = qInstallMessageHandler(captureLog);
        QVERIFY(chooseProfile(name));
        w->form()->fillExample();
        child<QLineEdit>("passwordEdit")->setText(password);
        child<QCheckBox>("keychainPasswordCheck")->setChecked(true);
        QVERIFY(clickCreateAndWait());
        QCOMPARE(w->resultPanel()->state(), ResultPanel::State::Success);
        QTRY_VERIFY_WITH_TIMEOUT(w->resultPanel()->explanation().contains(QStringLiteral("read back")),
                                 20000);
        QCOMPARE(server.issuedConnectionIds().size(), 1);
        const QString preview = RequestBuilder::build(server.url(), w->form()->request(),
                                                      Credentials::fromEnvironment(QProcessEnvironment()))
                                    .maskedText();
        w->close(); // writes QSettings
        closeWindow();
        qInstallMessageHandler(previous);

        // Everything the test case wrote: HOME, the XDG dirs with the settings, the history database.
        for (const QString& secret : {sk, password}) {
            QVERIFY2(filesContaining(rootPath(), secret.toUtf8()).isEmpty(),
                     qPrintable(filesContaining(rootPath(), secret.toUtf8()).join(u' ')));
            for (const QString& line : std::as_const(g_log))
                QVERIFY2(!line.contains(secret), qPrintable(line));
            QVERIFY(!preview.contains(secret));
        }
        QString ignored;
        SecretStore::waitFor(SecretStore().remove(SecretStore::databasePasswordKey(
            server.url().toString(), QLatin1String(SandboxOptions::DemoProjectId),
            QLatin1String(SandboxOptions::DemoInstanceId), QStringLiteral("root"))));
        ProfileStore profiles;
        SecretStore keychain;
        ProfileManager(&profiles, &keychain).removeProfileSync(name, &ignored);
    }

    void previewHasTheProfilesAuthShape()
    {
        const QString name = QStringLiteral("token-") + uniqueTag();
        Profile p;
        p.name = name;
        p.auth = Profile::AuthMethod::IamToken;
        p.endpoint = w->sandbox()->url().toString();
        ProfileSecrets s;
        s.iamToken = QStringLiteral("PREVIEW-token-") + uniqueTag();
        QString message;
        QVERIFY2(saveProfile(p, s, &message), qPrintable(message));
        QVERIFY(chooseProfile(name));
        w->form()->fillExample();
        const QString shown = previewText();
        QVERIFY2(shown.contains(QStringLiteral("X-Auth-Token: ********")), qPrintable(shown));
        QVERIFY(!shown.contains(QStringLiteral("Authorization:")));
        QVERIFY(!shown.contains(s.iamToken));
        QVERIFY(w->profileManager()->removeProfileSync(name, &message));
    }

    void savedPasswordIsStoredOfferedAndForgotten()
    {
        w->form()->fillExample();
        const QString password = QStringLiteral("GUI-saved-") + uniqueTag();
        auto* passwordEdit = child<QLineEdit>("passwordEdit");
        passwordEdit->setText(password);
        child<QCheckBox>("keychainPasswordCheck")->setChecked(true);
        QVERIFY(clickCreateAndWait());
        QCOMPARE(w->resultPanel()->state(), ResultPanel::State::Success);
        QTRY_VERIFY_WITH_TIMEOUT(w->resultPanel()->explanation().contains(QStringLiteral("read back")),
                                 20000);
        const ConnectionRequest r = w->form()->request();
        const QString key = SecretStore::databasePasswordKey(w->sandbox()->url().toString(), r.projectId,
                                                             r.instanceId, r.username);
        QCOMPARE(QString::fromUtf8(lookup(key).out), password);
        QTRY_VERIFY(w->historyPane()->model()->record(0).passwordSaved);

        // Same endpoint, instance and user again: the keychain's password is offered, not pre-filled.
        passwordEdit->clear();
        auto* user = child<QLineEdit>("usernameEdit");
        user->setText(QStringLiteral("someone-else"));
        user->setText(QStringLiteral("root"));
        auto* use = child<QPushButton>("useSavedPasswordButton");
        QTRY_VERIFY_WITH_TIMEOUT(use->isVisible(), 20000);
        QCOMPARE(passwordEdit->text(), QString());
        QTest::mouseClick(use, Qt::LeftButton);
        QCOMPARE(passwordEdit->text(), password);
        QCOMPARE(passwordEdit->echoMode(), QLineEdit::Password);
        QVERIFY(!passwordEdit->findChild<QAction*>(QStringLiteral("revealPasswordAction"))->isEnabled());
        QVERIFY(child<QLabel>("savedPasswordLabel")->text().contains(QStringLiteral("keychain")));

        // Another instance: the keychain password must not go there with the request.
        auto* instance = child<QLineEdit>("instanceIdEdit");
        instance->setText(QStringLiteral("6f5c3a1e9b0d4c2a8e7f1b3d5c9a0e2fin01"));
        QTRY_COMPARE_WITH_TIMEOUT(passwordEdit->text(), QString(), 20000);
        QVERIFY(!child<QWidget>("savedPasswordBar")->isVisible());
        instance->setText(r.instanceId);
        QTRY_VERIFY_WITH_TIMEOUT(use->isVisible(), 20000);
        QTest::mouseClick(use, Qt::LeftButton);
        QCOMPARE(passwordEdit->text(), password);

        QTest::mouseClick(child<QPushButton>("forgetSavedPasswordButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!child<QWidget>("savedPasswordBar")->isVisible(), 20000);
        QCOMPARE(lookup(key).out, QByteArray());
        QCOMPARE(passwordEdit->text(), password); // forgetting never clears what is typed
    }

    // The sandbox's port is new with every `das-connect --demo`: a password saved on one is offered on the
    // next, and its keychain entry says whose password it is.
    void sandboxPasswordIsOfferedByTheNextSandbox()
    {
        w->form()->fillExample();
        const ConnectionRequest r = w->form()->request();
        const QUrl firstUrl = w->sandbox()->url();
        const QString key =
            SecretStore::databasePasswordKey(firstUrl.toString(), r.projectId, r.instanceId, r.username);
        QVERIFY2(key.startsWith(QStringLiteral("dbpassword:sandbox|")), qPrintable(key));
        clearEntry(key);
        const QString password = QStringLiteral("GUI-demo-") + uniqueTag();
        child<QLineEdit>("passwordEdit")->setText(password);
        child<QCheckBox>("keychainPasswordCheck")->setChecked(true);
        QVERIFY(clickCreateAndWait());
        QCOMPARE(w->resultPanel()->state(), ResultPanel::State::Success);
        QTRY_VERIFY_WITH_TIMEOUT(w->resultPanel()->explanation().contains(QStringLiteral("read back")),
                                 20000);
        QCOMPARE(QString::fromUtf8(lookup(key).out), password);

        // A restart: the next sandbox gets another port (the old one is held so that it cannot come back).
        closeWindow();
        QTcpServer oldPort;
        QVERIFY(oldPort.listen(QHostAddress::LocalHost, quint16(firstUrl.port())));
        QVERIFY(openWindow());
        w = window();
        QVERIFY(w->sandbox()->url() != firstUrl);
        w->form()->fillExample();
        auto* passwordEdit = child<QLineEdit>("passwordEdit");
        passwordEdit->clear();
        auto* use = child<QPushButton>("useSavedPasswordButton");
        QTRY_VERIFY_WITH_TIMEOUT(use->isVisible(), 20000);
        QTest::mouseClick(use, Qt::LeftButton);
        QCOMPARE(passwordEdit->text(), password);

        // Creating with it on the new sandbox works, and reads nothing from the old one.
        QVERIFY(clickCreateAndWait());
        QCOMPARE(w->resultPanel()->state(), ResultPanel::State::Success);
        QCOMPARE(w->sandbox()->issuedConnectionIds().size(), 1);
        clearEntry(key);
    }
};

QTEST_MAIN(TestMainWindowKeychain)
#include "tst_mainwindow_keychain.moc"
