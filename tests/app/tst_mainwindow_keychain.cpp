// The window with the OS keychain: profile credentials, saving, offering and forgetting database passwords.
// Runs against the throw-away Secret Service of scripts/with-keyring.
#include "AppPaths.h"
#include "ConnectionForm.h"
#include "HistoryPane.h"
#include "HistoryTableModel.h"
#include "KeychainTestSupport.h"
#include "MainWindow.h"
#include "PreviewDialog.h"
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
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace das;
using namespace das::test;

namespace {

QStringList g_log;

void captureLog(QtMsgType, const QMessageLogContext&, const QString& message)
{
    g_log.append(message);
}

QByteArray secretToolLookup(const QString& key)
{
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"), {QStringLiteral("lookup"), QStringLiteral("server"),
                                               QStringLiteral("das-connect"), QStringLiteral("user"), key});
    tool.waitForFinished(20000);
    return tool.readAllStandardOutput();
}

} // namespace

class TestMainWindowKeychain : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> w;

    template <typename T> T* child(const char* name) { return w->findChild<T*>(QLatin1String(name)); }

private slots:
    void initTestCase()
    {
        if (!haveThrowAwayKeyring())
            QFAIL(needKeyringMessage());
        forceSecretServiceBackend();
        // Settings and data in a throw-away place, under the app's real names.
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toUtf8());
        AppPaths::setupApplication();
    }

    void init()
    {
        w = std::make_unique<MainWindow>();
        QString error;
        QVERIFY(w->openHistory(m_dir.filePath(QStringLiteral("history.sqlite")), &error));
        QVERIFY(w->startSandbox(&error));
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    }

    void cleanup() { w.reset(); }

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
        QVERIFY2(w->profileManager()->saveProfileSync(p, s, &message), qPrintable(message));
        w->reloadProfiles();

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
        QTest::mouseClick(child<QPushButton>("createButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(w->resultPanel()->state(), ResultPanel::State::Success, 20000);
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
        QVERIFY(w->profileManager()->saveProfileSync(p, secrets, &error));
        w->reloadProfiles();

        g_log.clear();
        const QtMessageHandler previous = qInstallMessageHandler(captureLog);
        auto* target = child<QComboBox>("targetCombo");
        target->setCurrentIndex(target->findData(QStringLiteral("custom")));
        auto* profile = child<QComboBox>("profileCombo");
        profile->setCurrentIndex(profile->findData(name));
        emit w->form()->profileChanged();
        w->form()->fillExample();
        child<QLineEdit>("passwordEdit")->setText(password);
        child<QCheckBox>("savePasswordCheck")->setChecked(true);
        QTest::mouseClick(child<QPushButton>("createButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(w->resultPanel()->state(), ResultPanel::State::Success, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(w->resultPanel()->explanation().contains(QStringLiteral("read back")),
                                 20000);
        QCOMPARE(server.issuedConnectionIds().size(), 1);
        const QString preview = RequestBuilder::build(server.url(), w->form()->request(),
                                                      Credentials::fromEnvironment(QProcessEnvironment()))
                                    .maskedText();
        w->close(); // writes QSettings
        w.reset();
        qInstallMessageHandler(previous);

        for (const QString& secret : {sk, password}) {
            QVERIFY2(filesContaining(m_dir.path(), secret.toUtf8()).isEmpty(),
                     qPrintable(filesContaining(m_dir.path(), secret.toUtf8()).join(u' ')));
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
        QVERIFY2(w->profileManager()->saveProfileSync(p, s, &message), qPrintable(message));
        w->reloadProfiles();
        auto* target = child<QComboBox>("targetCombo");
        target->setCurrentIndex(target->findData(QStringLiteral("custom")));
        auto* profile = child<QComboBox>("profileCombo");
        profile->setCurrentIndex(profile->findData(name));
        emit w->form()->profileChanged();
        w->form()->fillExample();
        QString shown;
        QTimer::singleShot(0, this, [&shown] {
            if (auto* dialog = qobject_cast<PreviewDialog*>(QApplication::activeModalWidget())) {
                shown = dialog->text();
                dialog->reject();
            }
        });
        child<QPushButton>("previewButton")->click();
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
        child<QCheckBox>("savePasswordCheck")->setChecked(true);
        QTest::mouseClick(child<QPushButton>("createButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(w->resultPanel()->state(), ResultPanel::State::Success, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(w->resultPanel()->explanation().contains(QStringLiteral("read back")),
                                 20000);
        const ConnectionRequest r = w->form()->request();
        const QString key = SecretStore::databasePasswordKey(w->sandbox()->url().toString(), r.projectId,
                                                             r.instanceId, r.username);
        QCOMPARE(QString::fromUtf8(secretToolLookup(key)), password);
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
        QCOMPARE(secretToolLookup(key), QByteArray());
        QCOMPARE(passwordEdit->text(), password); // forgetting never clears what is typed
    }
};

QTEST_MAIN(TestMainWindowKeychain)
#include "tst_mainwindow_keychain.moc"
