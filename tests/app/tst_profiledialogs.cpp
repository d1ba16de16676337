// The profile editor and manager as a user drives them (real widgets, QTest key and mouse events, offscreen)
// against a real Secret Service (scripts/with-keyring): secrets only in the keychain, the rest in a QSettings
// file, imports all or nothing, Test proves the keys with one signed read without creating anything.

#include "CredentialImporter.h"
#include "DasClient.h"
#include "GuiTestBase.h"
#include "KeychainTestSupport.h"
#include "ProfileEditDialog.h"
#include "ProfileManager.h"
#include "ProfileManagerDialog.h"
#include "ProfileStore.h"
#include "SandboxOptions.h"
#include "SandboxServer.h"
#include "SecretStore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace das;
using namespace das::test;

namespace {

constexpr int KeychainTimeoutMs = 30000;
const QString kAk = QStringLiteral("HPUAPROFILEDLGTEST01");
const QString kProject = QStringLiteral("052041494800d57c2f02c00275b4c247");

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A KooCLI config.json with one AKSK profile in cn-east-3 per (name, SK) pair.
QByteArray kooCliConfig(const QList<QPair<QString, QString>>& profiles)
{
    QJsonArray list;
    for (const auto& [profileName, sk] : profiles) {
        list.append(QJsonObject{{QStringLiteral("name"), profileName},
                                {QStringLiteral("mode"), QStringLiteral("AKSK")},
                                {QStringLiteral("accessKeyId"), kAk},
                                {QStringLiteral("secretAccessKey"), sk},
                                {QStringLiteral("region"), QStringLiteral("cn-east-3")}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("profiles"), list}}).toJson();
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QPushButton* okButton(ProfileEditDialog* editor)
{
    return child<QDialogButtonBox>(editor, "buttonBox")->button(QDialogButtonBox::Ok);
}

// The inputs of a ProfileEditDialog, looked up once by object name.
struct EditorFields
{
    explicit EditorFields(ProfileEditDialog* editor)
        : name(child<QLineEdit>(editor, "nameEdit"))
        , accessKey(child<QLineEdit>(editor, "accessKeyEdit"))
        , secretKey(child<QLineEdit>(editor, "secretKeyEdit"))
        , securityToken(child<QLineEdit>(editor, "securityTokenEdit"))
        , iamToken(child<QLineEdit>(editor, "iamTokenEdit"))
        , endpoint(child<QLineEdit>(editor, "endpointEdit"))
        , projectId(child<QLineEdit>(editor, "projectIdEdit"))
        , auth(child<QComboBox>(editor, "authCombo"))
        , target(child<QComboBox>(editor, "targetCombo"))
        , errors(child<QLabel>(editor, "errorLabel"))
        , ok(okButton(editor))
    {}

    QLineEdit* name;
    QLineEdit* accessKey;
    QLineEdit* secretKey;
    QLineEdit* securityToken;
    QLineEdit* iamToken;
    QLineEdit* endpoint;
    QLineEdit* projectId;
    QComboBox* auth;
    QComboBox* target;
    QLabel* errors;
    QPushButton* ok;
};

} // namespace

class TestProfileDialogs : public GuiTestBase
{
    Q_OBJECT

public:
    TestProfileDialogs()
        : GuiTestBase(Keychain::ThrowAway)
    {}

private:
    QString name(const QString& base)
    {
        const QString n = base + QLatin1Char('-') + m_tag;
        m_names.append(n);
        return n;
    }

    QString keyOf(const QString& profileName, const char* field)
    {
        return SecretStore::profileSecretKey(profileName, QLatin1String(field));
    }

    QString stored(const QString& profileName, const char* field = SecretStore::SecretKeyField)
    {
        const ToolResult r = lookup(keyOf(profileName, field));
        return r.exitCode == 0 ? QString::fromUtf8(r.out) : QString();
    }

    bool absent(const QString& profileName, const char* field = SecretStore::SecretKeyField)
    {
        return lookup(keyOf(profileName, field)).exitCode == 1;
    }

    Profile make(const QString& profileName, const QString& endpoint = QString())
    {
        Profile p;
        p.name = profileName;
        p.auth = Profile::AuthMethod::AkSk;
        p.accessKey = kAk;
        if (endpoint.isEmpty())
            p.region = QStringLiteral("cn-north-4");
        else
            p.endpoint = endpoint;
        p.projectId = kProject;
        return p;
    }

    void saveDirectly(const Profile& p, const QString& sk)
    {
        QString message;
        ProfileSecrets s;
        s.secretKey = sk;
        QVERIFY2(m_manager->saveProfileSync(p, s, &message), qPrintable(message));
    }

    // Reopens the manager so that it lists what was saved behind its back.
    void reopenManager()
    {
        m_dialog.reset();
        m_dialog = std::make_unique<ProfileManagerDialog>(m_manager.get(), &m_client);
        m_dialog->setConfirmation([this](const QString& question) {
            m_questions.append(question);
            return m_answer;
        });
        m_dialog->setRegionChooser([this](const QStringList& names) {
            m_regionAsked += names;
            return QStringLiteral("cn-north-4");
        });
        QVERIFY(showAndWait(m_dialog.get()));
    }

    ProfileEditDialog* waitForEditDialog()
    {
        ProfileEditDialog* editor = nullptr;
        [&] {
            QTRY_VERIFY(m_dialog->editDialog() && m_dialog->editDialog()->isVisible());
        }();
        editor = m_dialog->editDialog();
        return editor;
    }

    // A KooCLI config.json in the test's directory; its path, or empty when it could not be written.
    QString writeKooCliConfig(const QList<QPair<QString, QString>>& profiles)
    {
        const QString path = testFile(QStringLiteral("config.json"));
        return writeFile(path, kooCliConfig(profiles)) ? path : QString();
    }

    // Add profile, then name, AK and SK typed into the editor it opens; null when no editor came up.
    ProfileEditDialog* openAddEditor(const QString& profileName, const QString& sk)
    {
        click(child<QPushButton>(m_dialog.get(), "addProfileButton"));
        ProfileEditDialog* editor = waitForEditDialog();
        if (editor) {
            const EditorFields fields(editor);
            retype(fields.name, profileName);
            retype(fields.accessKey, kAk);
            retype(fields.secretKey, sk);
        }
        return editor;
    }

    // *Test* clicked for a profile on `sandbox` (demo AK, `sk`), which checks the signature as DAS does;
    // `done` records operationFinished.
    void clickTestOn(SandboxServer* sandbox, const QString& profileName, const QString& sk, bool withProject,
                     std::unique_ptr<QSignalSpy>* done)
    {
        QString error;
        QVERIFY2(sandbox->start(&error), qPrintable(error));
        Profile p = make(profileName, sandbox->url().toString());
        p.accessKey = QLatin1String(SandboxOptions::DemoAccessKey);
        if (!withProject)
            p.projectId.clear();
        saveDirectly(p, sk);
        reopenManager();
        m_dialog->selectProfile(profileName);
        *done = std::make_unique<QSignalSpy>(m_dialog.get(), &ProfileManagerDialog::operationFinished);
        click(child<QPushButton>(m_dialog.get(), "testProfileButton"));
        QVERIFY(m_dialog->isBusy());
        QTRY_COMPARE_WITH_TIMEOUT((*done)->count(), 1, KeychainTimeoutMs);
        QVERIFY(!m_dialog->isBusy());
        QVERIFY(sandbox->issuedConnectionIds().isEmpty()); // never a create
    }

    void click(QAbstractButton* button)
    {
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
    }

    QLabel* status() { return child<QLabel>(m_dialog.get(), "statusLabel"); }

    QString m_tag;
    QStringList m_names;
    QStringList m_questions;
    QStringList m_regionAsked;
    bool m_answer = true;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<ProfileManager> m_manager;
    DasClient m_client;
    std::unique_ptr<ProfileManagerDialog> m_dialog;

private slots:
    void initTestCase()
    {
        GuiTestBase::initTestCase();
        m_tag = uniqueTag();
    }

    void init()
    {
        GuiTestBase::init();
        // A settings file of each test's own, so that every test starts with no profiles.
        m_settings =
            std::make_unique<QSettings>(testFile(QStringLiteral("das-connect.ini")), QSettings::IniFormat);
        m_profiles = std::make_unique<ProfileStore>(m_settings.get());
        m_secrets = std::make_unique<SecretStore>();
        m_manager = std::make_unique<ProfileManager>(m_profiles.get(), m_secrets.get());
        m_questions.clear();
        m_regionAsked.clear();
        m_answer = true;
        reopenManager();
    }

    void cleanup()
    {
        m_dialog.reset();
        m_manager.reset();
        m_secrets.reset();
        m_profiles.reset();
        m_settings.reset();
        GuiTestBase::cleanup();
    }

    void cleanupTestCase()
    {
        for (const QString& n : std::as_const(m_names)) {
            for (const char* field :
                 {SecretStore::SecretKeyField, SecretStore::SecurityTokenField, SecretStore::IamTokenField})
                clearEntry(keyOf(n, field));
        }
    }

    void editDialogValidatesLive()
    {
        ProfileEditDialog editor(m_profiles.get(), nullptr);
        QVERIFY(showAndWait(&editor));
        const EditorFields f(&editor);

        // Untouched: nothing to save yet, but no wall of errors either.
        QVERIFY(!f.ok->isEnabled());
        QVERIFY2(!f.errors->isVisible(), qPrintable(f.errors->text()));

        // Once the user types, every problem at once, each naming its field.
        f.name->setFocus();
        QTest::keyClicks(f.name, QStringLiteral("x"));
        QTest::keyClick(f.name, Qt::Key_Backspace);
        QVERIFY(f.errors->isVisible());
        QVERIFY2(f.errors->text().contains(QLatin1String("Profile name")), qPrintable(f.errors->text()));
        QVERIFY(f.errors->text().contains(QLatin1String("Access key (AK)")));
        QVERIFY(f.errors->text().contains(QLatin1String("Secret key (SK)")));

        retype(f.name, QStringLiteral("bad/name"));
        retype(f.accessKey, kAk);
        retype(f.secretKey, QStringLiteral("sk-validates-live"));
        QVERIFY(!f.ok->isEnabled());
        QVERIFY2(f.errors->text().contains(QLatin1String("Profile name")), qPrintable(f.errors->text()));
        QVERIFY(!f.errors->text().contains(QLatin1String("Access key (AK)")));

        retype(f.name, QStringLiteral("good name"));
        QVERIFY2(f.ok->isEnabled(), qPrintable(f.errors->text()));
        QVERIFY(!f.errors->isVisible());

        retype(f.accessKey, QString());
        QVERIFY(!f.ok->isEnabled());
        QVERIFY(f.errors->text().contains(QLatin1String("Access key (AK) is required")));
        retype(f.accessKey, kAk);
        QVERIFY(f.ok->isEnabled());

        // The endpoint field is live only for a custom endpoint.
        QVERIFY(!f.endpoint->isEnabled());
        f.target->setFocus();
        QTest::keyClick(f.target, Qt::Key_End);
        QCOMPARE(f.target->currentData().toString(), QStringLiteral("custom"));
        QVERIFY(f.endpoint->isEnabled());
        QVERIFY(!f.ok->isEnabled());
        retype(f.endpoint, QStringLiteral("http://das.example.com"));
        QVERIFY(!f.ok->isEnabled());
        QVERIFY2(f.errors->text().contains(QLatin1String("https://")), qPrintable(f.errors->text()));
        retype(f.endpoint, QStringLiteral("https://das.example.com/"));
        QVERIFY2(f.ok->isEnabled(), qPrintable(f.errors->text()));
        QCOMPARE(editor.profile().endpoint, QStringLiteral("https://das.example.com"));
        QVERIFY(editor.profile().region.isEmpty());

        retype(f.projectId, QStringLiteral("1234"));
        QVERIFY(!f.ok->isEnabled());
        QVERIFY(f.errors->text().contains(QLatin1String("Project ID")));
        retype(f.projectId, kProject);
        QVERIFY(f.ok->isEnabled());

        // A taken name is refused for a new profile.
        saveDirectly(make(name(QStringLiteral("taken"))), QStringLiteral("sk-taken"));
        retype(f.name, m_names.constLast());
        QVERIFY(!f.ok->isEnabled());
        QVERIFY(f.errors->text().contains(QLatin1String("already exists")));
    }

    void rowsFollowAuthMethod()
    {
        ProfileEditDialog editor(m_profiles.get(), nullptr);
        QVERIFY(showAndWait(&editor));
        const EditorFields f(&editor);
        for (QLineEdit* secret : {f.secretKey, f.securityToken, f.iamToken})
            QCOMPARE(secret->echoMode(), QLineEdit::Password);

        QCOMPARE(f.auth->currentData().toString(), QStringLiteral("aksk"));
        QVERIFY(f.accessKey->isVisible() && f.secretKey->isVisible());
        QVERIFY(!f.securityToken->isVisible() && !f.iamToken->isVisible());

        f.auth->setFocus();
        QTest::keyClick(f.auth, Qt::Key_Down);
        QCOMPARE(f.auth->currentData().toString(), QStringLiteral("temporary"));
        QVERIFY(f.accessKey->isVisible() && f.secretKey->isVisible() && f.securityToken->isVisible());
        QVERIFY(!f.iamToken->isVisible());
        QVERIFY(f.errors->text().contains(QLatin1String("Security token")));

        QTest::keyClick(f.auth, Qt::Key_Down);
        QCOMPARE(f.auth->currentData().toString(), QStringLiteral("token"));
        QVERIFY(!f.accessKey->isVisible() && !f.secretKey->isVisible() && !f.securityToken->isVisible());
        QVERIFY(f.iamToken->isVisible());

        // A token profile needs no AK: only the name and the token.
        retype(f.name, QStringLiteral("token profile"));
        QVERIFY(!f.ok->isEnabled());
        retype(f.iamToken, QStringLiteral("iam-token-value"));
        QVERIFY(f.ok->isEnabled());
        QCOMPARE(editor.secrets().iamToken, QStringLiteral("iam-token-value"));
        QVERIFY(editor.secrets().secretKey.isEmpty());
        QVERIFY(editor.profile().accessKey.isEmpty());
    }

    void addProfileWritesKeychainAndSettings()
    {
        const QString n = name(QStringLiteral("added"));
        const QString sk = QStringLiteral("sk-added-") + m_tag + QStringLiteral("-Zq9");
        QSignalSpy changed(m_dialog.get(), &ProfileManagerDialog::profilesChanged);
        QSignalSpy done(m_dialog.get(), &ProfileManagerDialog::operationFinished);

        ProfileEditDialog* editor = openAddEditor(n, sk);
        QVERIFY(editor);
        retype(child<QLineEdit>(editor, "projectIdEdit"), kProject);
        click(okButton(editor));

        // Busy while the keychain works; the event loop keeps running.
        QVERIFY(m_dialog->isBusy());
        QCOMPARE(status()->text(), QStringLiteral("Working with the OS keychain…"));
        QVERIFY(!child<QPushButton>(m_dialog.get(), "addProfileButton")->isEnabled());
        QVERIFY(!child<QToolButton>(m_dialog.get(), "importButton")->isEnabled());

        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, KeychainTimeoutMs);
        QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
        QCOMPARE(changed.count(), 1);
        QVERIFY(!m_dialog->isBusy());

        QCOMPARE(stored(n), sk);
        m_settings->sync();
        const QByteArray ini = fileBytes(m_settings->fileName());
        QVERIFY(ini.contains(kAk.toUtf8()));
        QVERIFY(!ini.contains(sk.toUtf8()));
        QVERIFY(!ini.contains("sk-added"));
        QCOMPARE(m_profiles->profile(n).projectId, kProject);

        QCOMPARE(m_dialog->selectedProfile(), n);
        const QString details = child<QLabel>(m_dialog.get(), "detailsLabel")->text();
        QVERIFY2(details.contains(QLatin1String("HPUA****ST01")), qPrintable(details));
        QVERIFY(!details.contains(kAk));
        QVERIFY(details.contains(QLatin1String("Secrets: OS keychain (service das-connect)")));
        QVERIFY(!details.contains(sk));
    }

    void editingLeavesSecretFieldsEmptyAndKeepsStoredSk()
    {
        const QString n = name(QStringLiteral("edited"));
        const QString sk = QStringLiteral("sk-edited-") + m_tag;
        saveDirectly(make(n), sk);
        reopenManager();
        m_dialog->selectProfile(n);
        QSignalSpy done(m_dialog.get(), &ProfileManagerDialog::operationFinished);

        click(child<QPushButton>(m_dialog.get(), "editProfileButton"));
        ProfileEditDialog* editor = waitForEditDialog();
        QVERIFY(editor);
        QVERIFY(editor->isEditing());
        auto* nameEdit = child<QLineEdit>(editor, "nameEdit");
        QCOMPARE(nameEdit->text(), n);
        QVERIFY(nameEdit->isReadOnly());
        for (const char* field : {"secretKeyEdit", "securityTokenEdit", "iamTokenEdit"}) {
            auto* secret = child<QLineEdit>(editor, field);
            QVERIFY2(secret->text().isEmpty(), field);
            QCOMPARE(secret->echoMode(), QLineEdit::Password);
        }
        QVERIFY(
            child<QLineEdit>(editor, "secretKeyEdit")->placeholderText().contains(QLatin1String("keychain")));
        QCOMPARE(child<QLineEdit>(editor, "accessKeyEdit")->text(), kAk);

        const QString otherProject = QStringLiteral("0123456789abcdef0123456789abcdef");
        retype(child<QLineEdit>(editor, "projectIdEdit"), otherProject);
        QVERIFY(okButton(editor)->isEnabled());
        click(okButton(editor));
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, KeychainTimeoutMs);
        QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));

        QCOMPARE(stored(n), sk);
        QCOMPARE(m_profiles->profile(n).projectId, otherProject);
    }

    void failedSaveReopensEditorKeepingWhatWasTyped()
    {
        // Every keychain job times out at once: the save fails and nothing is written.
        m_secrets->setTimeoutMs(0);
        const QString n = name(QStringLiteral("failing"));
        QSignalSpy done(m_dialog.get(), &ProfileManagerDialog::operationFinished);
        ProfileEditDialog* editor = openAddEditor(n, QStringLiteral("sk-failing"));
        QVERIFY(editor);
        click(okButton(editor));

        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, KeychainTimeoutMs);
        QVERIFY(!done.at(0).at(0).toBool());
        QCOMPARE(status()->property("role").toString(), QStringLiteral("error"));
        QTRY_VERIFY(editor->isVisible());
        QCOMPARE(m_dialog->editDialog(), editor);
        QCOMPARE(child<QLineEdit>(editor, "nameEdit")->text(), n);
        QCOMPARE(child<QLineEdit>(editor, "accessKeyEdit")->text(), kAk);
        // Nothing the user typed is lost, the secret included (still masked).
        QCOMPARE(child<QLineEdit>(editor, "secretKeyEdit")->text(), QStringLiteral("sk-failing"));
        QCOMPARE(child<QLineEdit>(editor, "secretKeyEdit")->echoMode(), QLineEdit::Password);
        QVERIFY(child<QLabel>(editor, "errorLabel")->text().contains(done.at(0).at(1).toString()));
        QVERIFY(!m_profiles->contains(n));
        QVERIFY(absent(n));
    }

    void deleteAsksAndRemovesKeychainEntryAndSettings()
    {
        const QString n = name(QStringLiteral("deleted"));
        saveDirectly(make(n), QStringLiteral("sk-deleted"));
        QVERIFY(!absent(n));
        reopenManager();
        m_dialog->selectProfile(n);
        QSignalSpy done(m_dialog.get(), &ProfileManagerDialog::operationFinished);
        QSignalSpy changed(m_dialog.get(), &ProfileManagerDialog::profilesChanged);

        m_answer = false;
        click(child<QPushButton>(m_dialog.get(), "deleteProfileButton"));
        QCOMPARE(m_questions.size(), 1);
        QVERIFY(m_questions.constFirst().contains(n));
        QVERIFY(!m_dialog->isBusy());
        QVERIFY(m_profiles->contains(n));

        m_answer = true;
        click(child<QPushButton>(m_dialog.get(), "deleteProfileButton"));
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, KeychainTimeoutMs);
        QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
        QCOMPARE(changed.count(), 1);
        QVERIFY(absent(n));
        QVERIFY(!m_profiles->contains(n));
        m_settings->sync();
        QVERIFY(!fileBytes(m_settings->fileName()).contains(n.toUtf8()));
        QVERIFY(child<QListWidget>(m_dialog.get(), "profileList")->findItems(n, Qt::MatchExactly).isEmpty());
    }

    void closingWhileAJobRunsIsSafe()
    {
        const QString n = name(QStringLiteral("closed"));
        saveDirectly(make(n), QStringLiteral("sk-closed"));
        reopenManager();
        m_dialog->selectProfile(n);
        click(child<QPushButton>(m_dialog.get(), "deleteProfileButton"));
        QVERIFY(m_dialog->isBusy());
        m_dialog.reset();
        // The removal goes on in ProfileManager; its guarded callback must not touch the freed dialog.
        QTRY_VERIFY_WITH_TIMEOUT(!m_profiles->contains(n), KeychainTimeoutMs);
        QVERIFY(absent(n));
        reopenManager();
    }

    void importsSdkCredentialsFile()
    {
        const QString n = name(QStringLiteral("sdk"));
        const QString sk = QStringLiteral("sk-sdk-") + m_tag + QStringLiteral("/+=");
        const QString path = testFile(QStringLiteral("credentials"));
        const QByteArray source = "[basic]\nak = " + kAk.toUtf8() + "\nsk = " + sk.toUtf8() +
                                  "\nproject_id = " + kProject.toUtf8() + "\n";
        QVERIFY(writeFile(path, source));
        QSignalSpy done(m_dialog.get(), &ProfileManagerDialog::operationFinished);
        QSignalSpy changed(m_dialog.get(), &ProfileManagerDialog::profilesChanged);

        m_dialog->importFrom(CredentialImporter::Source::SdkFile, QProcessEnvironment(), path, n);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, KeychainTimeoutMs);
        QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_regionAsked, QStringList{n});
        QCOMPARE(stored(n), sk);
        const Profile p = m_profiles->profile(n);
        QCOMPARE(p.accessKey, kAk);
        QCOMPARE(p.region, QStringLiteral("cn-north-4"));
        QCOMPARE(p.projectId, kProject);
        QCOMPARE(fileBytes(path), source); // never written back
        m_settings->sync();
        QVERIFY(!fileBytes(m_settings->fileName()).contains(sk.toUtf8()));
        QVERIFY(!child<QListWidget>(m_dialog.get(), "profileList")->findItems(n, Qt::MatchExactly).isEmpty());
    }

    void malformedSdkFileImportsNothing()
    {
        const QString n = name(QStringLiteral("malformed"));
        const QString path = testFile(QStringLiteral("credentials"));
        QVERIFY(writeFile(path, "[basic]\nak = " + kAk.toUtf8() + "\nthis line is not a key value pair\n"));
        QSignalSpy done(m_dialog.get(), &ProfileManagerDialog::operationFinished);

        m_dialog->importFrom(CredentialImporter::Source::SdkFile, QProcessEnvironment(), path, n);
        QTRY_COMPARE(done.count(), 1);
        QVERIFY(!done.at(0).at(0).toBool());
        const QString message = done.at(0).at(1).toString();
        QVERIFY2(message.contains(QLatin1String("Nothing was imported")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("line 3")), qPrintable(message));
        QCOMPARE(status()->text(), message);
        QCOMPARE(status()->property("role").toString(), QStringLiteral("error"));
        QVERIFY(!m_profiles->contains(n));
        QVERIFY(m_profiles->names().isEmpty());
        QVERIFY(absent(n));
    }

    void importAsksBeforeReplacing()
    {
        const QString n = name(QStringLiteral("kept"));
        saveDirectly(make(n), QStringLiteral("sk-original"));
        reopenManager();
        const QString other = name(QStringLiteral("koo-new"));
        const QString path = writeKooCliConfig(
            {{other, QStringLiteral("sk-koo-new")}, {n, QStringLiteral("sk-koo-replaced")}});
        QVERIFY(!path.isEmpty());
        QSignalSpy done(m_dialog.get(), &ProfileManagerDialog::operationFinished);

        // Declined: all or nothing, so the new profile is not imported either.
        m_answer = false;
        m_dialog->importFrom(CredentialImporter::Source::KooCli, QProcessEnvironment(), path, QString());
        QTRY_COMPARE(done.count(), 1);
        QVERIFY(!done.at(0).at(0).toBool());
        QCOMPARE(m_questions.size(), 1);
        QVERIFY(m_questions.constFirst().contains(n));
        QVERIFY(!m_profiles->contains(other));
        QCOMPARE(stored(n), QStringLiteral("sk-original"));
        QVERIFY(m_regionAsked.isEmpty()); // KooCLI named the region

        m_answer = true;
        m_dialog->importFrom(CredentialImporter::Source::KooCli, QProcessEnvironment(), path, QString());
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 2, KeychainTimeoutMs);
        QVERIFY2(done.at(1).at(0).toBool(), qPrintable(done.at(1).at(1).toString()));
        QCOMPARE(stored(n), QStringLiteral("sk-koo-replaced"));
        QCOMPARE(stored(other), QStringLiteral("sk-koo-new"));
        QCOMPARE(m_profiles->profile(other).region, QStringLiteral("cn-east-3"));
    }

    // The one rule of ProfileManager::importProfiles: a profile to be replaced whose secrets cannot be read
    // could not be put back if the import failed, so nothing is imported and that profile is named.
    void importRefusesToReplaceAnUnreadableProfile()
    {
        const QString old = name(QStringLiteral("unreadable"));
        saveDirectly(make(old), QStringLiteral("sk-unreadable"));
        clearEntry(keyOf(old, SecretStore::SecretKeyField)); // e.g. removed in Seahorse
        m_settings->sync();
        const QByteArray settingsBefore = fileBytes(m_settings->fileName());
        reopenManager();
        const QString fresh = name(QStringLiteral("koo-fresh"));
        const QString path = writeKooCliConfig(
            {{fresh, QStringLiteral("sk-koo-fresh")}, {old, QStringLiteral("sk-koo-over")}});
        QVERIFY(!path.isEmpty());
        QSignalSpy done(m_dialog.get(), &ProfileManagerDialog::operationFinished);
        QSignalSpy changed(m_dialog.get(), &ProfileManagerDialog::profilesChanged);

        m_dialog->importFrom(CredentialImporter::Source::KooCli, QProcessEnvironment(), path, QString());
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, KeychainTimeoutMs);
        QVERIFY(!done.at(0).at(0).toBool());
        const QString message = done.at(0).at(1).toString();
        QVERIFY2(message.contains(QLatin1Char('"') + old + QLatin1Char('"')), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("cannot be backed up")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("secret key (SK)")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("Nothing was imported")), qPrintable(message));
        QCOMPARE(status()->property("role").toString(), QStringLiteral("error"));
        QCOMPARE(m_questions.size(), 1); // asked before replacing, as always
        QCOMPARE(changed.count(), 0);
        QVERIFY(!m_dialog->isBusy());
        // Nothing changed: not the new profile, not the old one's settings or keychain entries.
        QVERIFY(!m_profiles->contains(fresh));
        QVERIFY(absent(fresh));
        QVERIFY(m_profiles->contains(old));
        QVERIFY(absent(old));
        m_settings->sync();
        QCOMPARE(fileBytes(m_settings->fileName()), settingsBefore);
    }

    void importFromEnvironmentVariables()
    {
        const QString n = name(QStringLiteral("env"));
        QProcessEnvironment env;
        env.insert(QStringLiteral("HUAWEICLOUD_SDK_AK"), kAk);
        env.insert(QStringLiteral("HUAWEICLOUD_SDK_SK"), QStringLiteral("sk-env"));
        env.insert(QStringLiteral("HUAWEICLOUD_SDK_SECURITY_TOKEN"), QStringLiteral("st-env"));
        QSignalSpy done(m_dialog.get(), &ProfileManagerDialog::operationFinished);
        m_dialog->importFrom(CredentialImporter::Source::Environment, env, QString(), n);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, KeychainTimeoutMs);
        QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
        QCOMPARE(m_profiles->profile(n).auth, Profile::AuthMethod::TemporaryAkSk);
        QCOMPARE(stored(n), QStringLiteral("sk-env"));
        QCOMPARE(stored(n, SecretStore::SecurityTokenField), QStringLiteral("st-env"));

        // Without an SK there is nothing to import.
        QProcessEnvironment empty;
        empty.insert(QStringLiteral("HUAWEICLOUD_SDK_AK"), kAk);
        const QString m = name(QStringLiteral("env-empty"));
        m_dialog->importFrom(CredentialImporter::Source::Environment, empty, QString(), m);
        QTRY_COMPARE(done.count(), 2);
        QVERIFY(!done.at(1).at(0).toBool());
        QVERIFY(done.at(1).at(1).toString().contains(QLatin1String("HUAWEICLOUD_SDK_SK")));
        QVERIFY(!m_profiles->contains(m));
    }

    void testAcceptsRightKeys_data()
    {
        QTest::addColumn<bool>("withProject");
        QTest::newRow("instance list (default project)") << true;
        QTest::newRow("IAM project lookup (no project)") << false;
    }

    void testAcceptsRightKeys()
    {
        QFETCH(bool, withProject);
        SandboxServer sandbox;
        std::unique_ptr<QSignalSpy> spy;
        clickTestOn(&sandbox, name(QStringLiteral("sandbox")), QLatin1String(SandboxOptions::DemoSecretKey),
                    withProject, &spy);
        QVERIFY(spy && spy->count() == 1);
        const QSignalSpy& done = *spy;
        const QString message = done.at(0).at(1).toString();
        QVERIFY2(done.at(0).at(0).toBool(), qPrintable(message));
        QVERIFY2(message.startsWith(QLatin1String("Keychain: secrets readable. Credentials accepted:")),
                 qPrintable(message));
        QVERIFY2(message.contains(withProject ? QLatin1String("signed instance list")
                                              : QLatin1String("signed project lookup")),
                 qPrintable(message));
        QVERIFY(message.contains(sandbox.url().toString()));
        QCOMPARE(status()->text(), message);
        QVERIFY(status()->property("role").toString().isEmpty());
        QCOMPARE(sandbox.requestCount(), 1);
    }

    void testRejectsWrongSecretKey()
    {
        SandboxServer sandbox;
        std::unique_ptr<QSignalSpy> spy;
        clickTestOn(&sandbox, name(QStringLiteral("wrong-sk")), QStringLiteral("not-the-secret-key"), true,
                    &spy);
        QVERIFY(spy && spy->count() == 1);
        const QSignalSpy& done = *spy;
        const QString message = done.at(0).at(1).toString();
        QVERIFY2(!done.at(0).at(0).toBool(), qPrintable(message));
        QVERIFY2(message.startsWith(QLatin1String("Keychain: secrets readable. Credentials rejected by ")),
                 qPrintable(message));
        QVERIFY2(
            message.contains(QLatin1String("The AK/SK signature was rejected: the secret key (SK) does not "
                                           "belong to this access key")),
            qPrintable(message));
        QVERIFY2(!message.contains(QLatin1String("OK")) && !message.contains(QLatin1String("accepted:")),
                 qPrintable(message));
        QCOMPARE(status()->property("role").toString(), QStringLiteral("error"));
    }

    void testReportsRefusedPort()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        const QString endpoint = QStringLiteral("http://127.0.0.1:%1").arg(port);
        const QString n = name(QStringLiteral("closed-port"));
        saveDirectly(make(n, endpoint), QStringLiteral("sk-closed-port"));
        reopenManager();
        m_dialog->selectProfile(n);
        QSignalSpy done(m_dialog.get(), &ProfileManagerDialog::operationFinished);

        click(child<QPushButton>(m_dialog.get(), "testProfileButton"));
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, KeychainTimeoutMs);
        const QString message = done.at(0).at(1).toString();
        QVERIFY(!done.at(0).at(0).toBool());
        QVERIFY2(message.startsWith(QLatin1String("Keychain: secrets readable.")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("refused")), qPrintable(message));
        QCOMPARE(status()->property("role").toString(), QStringLiteral("error"));
    }

    void testReportsMissingKeychainEntry()
    {
        const QString n = name(QStringLiteral("no-secret"));
        saveDirectly(make(n), QStringLiteral("sk-no-secret"));
        clearEntry(keyOf(n, SecretStore::SecretKeyField));
        reopenManager();
        m_dialog->selectProfile(n);
        QSignalSpy done(m_dialog.get(), &ProfileManagerDialog::operationFinished);
        click(child<QPushButton>(m_dialog.get(), "testProfileButton"));
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, KeychainTimeoutMs);
        QVERIFY(!done.at(0).at(0).toBool());
        const QString message = done.at(0).at(1).toString();
        QVERIFY2(message.startsWith(QLatin1String("Keychain: ")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("secret key (SK)")), qPrintable(message));
    }
};

QTEST_MAIN(TestProfileDialogs)
#include "tst_profiledialogs.moc"
