// ProfileStore + ProfileManager against a real Secret Service (scripts/with-keyring): secrets only in the
// keychain, the rest in a QSettings file, nothing half-saved.

#include "KeychainTestSupport.h"
#include "ProfileManager.h"
#include "ProfileStore.h"
#include "SecretStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <sys/stat.h>
#include <unistd.h>

using namespace das;
using namespace das::test;

Q_DECLARE_METATYPE(das::Profile::AuthMethod)

namespace {

const QString kAk = QStringLiteral("PROFILEAKEXAMPLE0001");
const QString kProject = QStringLiteral("052041494800d57c2f02c00275b4c247");

mode_t modeOf(const QString& path)
{
    struct stat st
    {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_mode & 0777 : 07777;
}

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Every message of category "das.secrets" while one is alive, debug included.
class SecretsLogCapture
{
public:
    SecretsLogCapture()
    {
        s_lines.clear();
        QLoggingCategory::setFilterRules(QStringLiteral("das.secrets.debug=true"));
        m_previous = qInstallMessageHandler(&SecretsLogCapture::handle);
    }
    ~SecretsLogCapture()
    {
        qInstallMessageHandler(m_previous);
        QLoggingCategory::setFilterRules(QString());
    }
    SecretsLogCapture(const SecretsLogCapture&) = delete;
    SecretsLogCapture& operator=(const SecretsLogCapture&) = delete;

    static QStringList lines() { return s_lines; }

private:
    static void handle(QtMsgType, const QMessageLogContext& context, const QString& message)
    {
        if (context.category && QLatin1String(context.category) == QLatin1String("das.secrets"))
            s_lines.append(message);
    }

    static inline QStringList s_lines;
    QtMessageHandler m_previous = nullptr;
};

} // namespace

class TestProfiles : public QObject
{
    Q_OBJECT

private:
    QString name(const QString& base)
    {
        const QString n = base + QLatin1Char('-') + m_tag;
        m_names.append(n);
        return n;
    }

    Profile make(const QString& profileName, Profile::AuthMethod auth)
    {
        Profile p;
        p.name = profileName;
        p.auth = auth;
        if (auth != Profile::AuthMethod::IamToken)
            p.accessKey = kAk;
        p.region = QStringLiteral("cn-north-4");
        p.projectId = kProject;
        return p;
    }

    QString keyOf(const QString& profileName, const char* field)
    {
        return SecretStore::profileSecretKey(profileName, QLatin1String(field));
    }

    QString stored(const QString& profileName, const char* field)
    {
        const ToolResult r = lookup(keyOf(profileName, field));
        return r.exitCode == 0 ? QString::fromUtf8(r.out) : QString();
    }

    bool absent(const QString& profileName, const char* field)
    {
        return lookup(keyOf(profileName, field)).exitCode == 1;
    }

    ImportedProfile importItem(const QString& profileName, const QString& sk)
    {
        ImportedProfile item;
        item.profile = make(profileName, Profile::AuthMethod::AkSk);
        item.secrets.secretKey = sk;
        return item;
    }

    void saveOrFail(const Profile& p, const QString& sk)
    {
        ProfileSecrets s;
        s.secretKey = sk;
        QString message;
        QVERIFY2(m_manager->saveProfileSync(p, s, &message), qPrintable(message));
    }

    QString m_tag;
    QStringList m_names;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<ProfileManager> m_manager;

private slots:
    void initTestCase()
    {
        QVERIFY2(haveThrowAwayKeyring(), needKeyringMessage());
        forceSecretServiceBackend();
        m_tag = uniqueTag();
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("das-connect.ini")),
                                                 QSettings::IniFormat);
        m_profiles = std::make_unique<ProfileStore>(m_settings.get());
        m_secrets = std::make_unique<SecretStore>();
        m_manager = std::make_unique<ProfileManager>(m_profiles.get(), m_secrets.get());
    }

    void cleanup()
    {
        m_manager.reset();
        m_secrets.reset();
        m_profiles.reset();
        m_settings.reset();
        m_dir.reset();
    }

    void cleanupTestCase()
    {
        for (const QString& n : std::as_const(m_names)) {
            for (const char* field :
                 {SecretStore::SecretKeyField, SecretStore::SecurityTokenField, SecretStore::IamTokenField})
                clearEntry(keyOf(n, field));
        }
    }

    void saveAndLoadRoundTrip_data()
    {
        QTest::addColumn<Profile::AuthMethod>("auth");
        QTest::newRow("aksk") << Profile::AuthMethod::AkSk;
        QTest::newRow("temporary") << Profile::AuthMethod::TemporaryAkSk;
        QTest::newRow("token") << Profile::AuthMethod::IamToken;
    }

    void saveAndLoadRoundTrip()
    {
        QFETCH(Profile::AuthMethod, auth);
        const Profile p = make(name(QStringLiteral("rt ") + Profile::authName(auth)), auth);
        ProfileSecrets s;
        s.secretKey = QStringLiteral("sk-") + m_tag + QStringLiteral("-Zq9");
        s.securityToken = QStringLiteral("st-") + m_tag + QStringLiteral("-Kx7/+==");
        s.iamToken = QStringLiteral("iam-") + m_tag + QStringLiteral("-MIIZ");

        QString message;
        QVERIFY2(m_manager->saveProfileSync(p, s, &message), qPrintable(message));
        QVERIFY(m_profiles->contains(p.name));
        QCOMPARE(m_profiles->profile(p.name), p);

        Credentials c;
        QVERIFY2(loadCredentialsNow(*m_manager, p.name, &c, &message), qPrintable(message));
        QVERIFY(c.isComplete());
        switch (auth) {
        case Profile::AuthMethod::AkSk:
            QCOMPARE(c.kind, Credentials::Kind::AkSk);
            QCOMPARE(c.accessKey, kAk);
            QCOMPARE(c.secretKey, s.secretKey);
            QVERIFY(c.securityToken.isEmpty() && c.iamToken.isEmpty());
            QCOMPARE(stored(p.name, SecretStore::SecretKeyField), s.secretKey);
            QVERIFY(absent(p.name, SecretStore::SecurityTokenField) &&
                    absent(p.name, SecretStore::IamTokenField));
            break;
        case Profile::AuthMethod::TemporaryAkSk:
            QCOMPARE(c.kind, Credentials::Kind::TemporaryAkSk);
            QCOMPARE(c.accessKey, kAk);
            QCOMPARE(c.secretKey, s.secretKey);
            QCOMPARE(c.securityToken, s.securityToken);
            QCOMPARE(stored(p.name, SecretStore::SecretKeyField), s.secretKey);
            QCOMPARE(stored(p.name, SecretStore::SecurityTokenField), s.securityToken);
            QVERIFY(absent(p.name, SecretStore::IamTokenField));
            break;
        case Profile::AuthMethod::IamToken:
            QCOMPARE(c.kind, Credentials::Kind::IamToken);
            QCOMPARE(c.iamToken, s.iamToken);
            QVERIFY(c.accessKey.isEmpty() && c.secretKey.isEmpty());
            QCOMPARE(stored(p.name, SecretStore::IamTokenField), s.iamToken);
            QVERIFY(absent(p.name, SecretStore::SecretKeyField));
            break;
        }

        // The settings file has the non-secret parts only, and only its owner can read it.
        const QByteArray bytes = fileBytes(m_settings->fileName());
        QVERIFY2(bytes.contains(Profile::authName(auth).toUtf8()), bytes.constData());
        QVERIFY2(bytes.contains(kProject.toUtf8()), bytes.constData());
        if (auth != Profile::AuthMethod::IamToken)
            QVERIFY2(bytes.contains(kAk.toUtf8()), bytes.constData());
        for (const QString& secret : {s.secretKey, s.securityToken, s.iamToken})
            QVERIFY2(!bytes.contains(secret.toUtf8()), bytes.constData());
        const QFile::Permissions perms = QFileInfo(m_settings->fileName()).permissions();
        QVERIFY(perms.testFlag(QFile::ReadOwner) && perms.testFlag(QFile::WriteOwner));
        QCOMPARE(perms & (QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther |
                          QFile::WriteOther | QFile::ExeOther),
                 QFile::Permissions());
        QCOMPARE(filesContaining(m_dir->path(), s.secretKey.toUtf8()), QStringList());
    }

    // The README promises 0600 in a 0700 folder from the first write, whatever the umask.
    void settingsPrivateFromTheFirstWriteUnderUmask022()
    {
        const mode_t oldUmask = ::umask(022);
        const QString folder = m_dir->filePath(QStringLiteral("config/das-connect"));
        QSettings settings(folder + QStringLiteral("/das-connect.conf"), QSettings::IniFormat);
        ProfileStore store(&settings);
        QString message;
        const bool saved =
            store.save(make(name(QStringLiteral("first")), Profile::AuthMethod::AkSk), &message);
        ::umask(oldUmask);
        QVERIFY2(saved, qPrintable(message));
        QCOMPARE(modeOf(folder), mode_t(0700));
        QCOMPARE(modeOf(settings.fileName()), mode_t(0600));
        QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("das-connect.conf")});
    }

    // A settings folder that cannot be ours alone: save fails, says why, and leaves nothing to write later.
    void settingsFolderOfAnotherUserRefused()
    {
        if (::geteuid() != 0)
            QSKIP("making a folder of another user needs root");
        const QString folder = m_dir->filePath(QStringLiteral("theirs"));
        QVERIFY(QDir().mkdir(folder));
        QCOMPARE(::chown(QFile::encodeName(folder).constData(), 65534, 65534), 0);
        QCOMPARE(::chmod(QFile::encodeName(folder).constData(), 0755), 0);
        {
            QSettings settings(folder + QStringLiteral("/das-connect.conf"), QSettings::IniFormat);
            ProfileStore store(&settings);
            const Profile p = make(name(QStringLiteral("theirs")), Profile::AuthMethod::AkSk);
            QString message;
            QVERIFY(!store.save(p, &message));
            QVERIFY2(message.contains(folder) && message.contains(QStringLiteral("another user")),
                     qPrintable(message));
            QVERIFY(!store.contains(p.name));
        }
        QVERIFY(QDir(folder).isEmpty(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot));
        QCOMPARE(modeOf(folder), mode_t(0755));
    }

    void removeDeletesKeychainEntriesAndSettings()
    {
        const Profile p = make(name(QStringLiteral("rm")), Profile::AuthMethod::TemporaryAkSk);
        ProfileSecrets s;
        s.secretKey = QStringLiteral("rm-sk");
        s.securityToken = QStringLiteral("rm-token");
        QString message;
        QVERIFY2(m_manager->saveProfileSync(p, s, &message), qPrintable(message));
        QCOMPARE(stored(p.name, SecretStore::SecretKeyField), s.secretKey);

        QVERIFY2(m_manager->removeProfileSync(p.name, &message), qPrintable(message));
        QVERIFY(absent(p.name, SecretStore::SecretKeyField));
        QVERIFY(absent(p.name, SecretStore::SecurityTokenField));
        QVERIFY(!m_profiles->contains(p.name));
        QVERIFY(!fileBytes(m_settings->fileName()).contains(kAk.toUtf8()));

        // Removing it again is refused without touching anything.
        QVERIFY(!m_manager->removeProfileSync(p.name, &message));
        QVERIFY2(message.contains(p.name), qPrintable(message));
        Credentials c;
        QVERIFY(!loadCredentialsNow(*m_manager, p.name, &c, &message));
    }

    void validationErrorsChangeNothing_data()
    {
        QTest::addColumn<QString>("profileName");
        QTest::addColumn<QString>("accessKey");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("projectId");
        QTest::addColumn<QString>("expect");
        const QString ok = QStringLiteral("valid-") + uniqueTag();
        const QString region = QStringLiteral("cn-north-4");
        QTest::newRow("empty name") << QString() << kAk << region << QString() << QString()
                                    << QStringLiteral("name");
        QTest::newRow("slash") << QStringLiteral("a/b") << kAk << region << QString() << QString()
                               << QStringLiteral("'/'");
        QTest::newRow("colon") << QStringLiteral("a:b") << kAk << region << QString() << QString()
                               << QStringLiteral("':'");
        QTest::newRow("bar") << QStringLiteral("a|b") << kAk << region << QString() << QString()
                             << QStringLiteral("'|'");
        QTest::newRow("too long") << QString(65, u'n') << kAk << region << QString() << QString()
                                  << QStringLiteral("64");
        QTest::newRow("edge space") << QStringLiteral(" x") << kAk << region << QString() << QString()
                                    << QStringLiteral("space");
        QTest::newRow("missing AK") << ok << QString() << region << QString() << QString()
                                    << QStringLiteral("Access key");
        QTest::newRow("AK with space") << ok << QStringLiteral("AK AK") << region << QString() << QString()
                                       << QStringLiteral("Access key");
        QTest::newRow("bad endpoint") << ok << kAk << QString() << QStringLiteral("ftp://das.example.com")
                                      << QString() << QStringLiteral("https://");
        QTest::newRow("http endpoint") << ok << kAk << QString() << QStringLiteral("http://das.example.com")
                                       << QString() << QStringLiteral("loopback");
        QTest::newRow("unknown region") << ok << kAk << QStringLiteral("mars-north-1") << QString()
                                        << QString() << QStringLiteral("mars-north-1");
        QTest::newRow("region and endpoint")
            << ok << kAk << region << QStringLiteral("https://das.example.com") << QString()
            << QStringLiteral("not both");
        QTest::newRow("neither") << ok << kAk << QString() << QString() << QString()
                                 << QStringLiteral("region");
        QTest::newRow("bad project") << ok << kAk << region << QString() << QStringLiteral("1234")
                                     << QStringLiteral("Project ID");
    }

    void validationErrorsChangeNothing()
    {
        QFETCH(QString, profileName);
        QFETCH(QString, accessKey);
        QFETCH(QString, region);
        QFETCH(QString, endpoint);
        QFETCH(QString, projectId);
        QFETCH(QString, expect);

        // One existing profile, which must survive untouched.
        const Profile other = make(name(QStringLiteral("bystander")), Profile::AuthMethod::AkSk);
        ProfileSecrets os;
        os.secretKey = QStringLiteral("bystander-sk");
        QString message;
        QVERIFY2(m_manager->saveProfileSync(other, os, &message), qPrintable(message));
        const QByteArray before = fileBytes(m_settings->fileName());

        Profile p;
        p.name = profileName;
        p.accessKey = accessKey;
        p.region = region;
        p.endpoint = endpoint;
        p.projectId = projectId;
        ProfileSecrets s;
        s.secretKey = QStringLiteral("invalid-profile-sk");
        QString direct;
        QVERIFY(!ProfileStore::validate(p, &direct));
        QVERIFY2(direct.contains(expect, Qt::CaseInsensitive), qPrintable(direct));
        QVERIFY(!m_profiles->save(p, &direct));

        QVERIFY(!m_manager->saveProfileSync(p, s, &message));
        QVERIFY2(message.contains(expect, Qt::CaseInsensitive), qPrintable(message));
        QCOMPARE(fileBytes(m_settings->fileName()), before);
        if (!profileName.isEmpty())
            QVERIFY(absent(profileName, SecretStore::SecretKeyField));
        QCOMPARE(stored(other.name, SecretStore::SecretKeyField), os.secretKey);
        QVERIFY(m_manager->removeProfileSync(other.name, &message));
    }

    void customEndpointAndUnicodeName()
    {
        Profile p = make(name(QStringLiteral("华东 sandbox.1")), Profile::AuthMethod::AkSk);
        p.region.clear();
        p.endpoint = QStringLiteral("http://127.0.0.1:8080");
        p.projectId.clear();
        ProfileSecrets s;
        s.secretKey = QStringLiteral("sandbox-demo-secret-key-do-not-use-in-production");
        QString message;
        QVERIFY2(m_manager->saveProfileSync(p, s, &message), qPrintable(message));
        QCOMPARE(m_profiles->profile(p.name), p);
        QCOMPARE(stored(p.name, SecretStore::SecretKeyField), s.secretKey);
        QVERIFY(m_manager->removeProfileSync(p.name, &message));
    }

    void editingWithEmptySecretKeepsTheStoredOne()
    {
        Profile p = make(name(QStringLiteral("edit")), Profile::AuthMethod::TemporaryAkSk);
        ProfileSecrets s;
        s.secretKey = QStringLiteral("edit-sk-1");
        s.securityToken = QStringLiteral("edit-token-1");
        QString message;
        QVERIFY2(m_manager->saveProfileSync(p, s, &message), qPrintable(message));

        p.region = QStringLiteral("cn-east-3");
        ProfileSecrets onlyToken;
        onlyToken.securityToken = QStringLiteral("edit-token-2");
        QVERIFY2(m_manager->saveProfileSync(p, onlyToken, &message), qPrintable(message));
        QCOMPARE(m_profiles->profile(p.name).region, QStringLiteral("cn-east-3"));
        Credentials c;
        QVERIFY2(loadCredentialsNow(*m_manager, p.name, &c, &message), qPrintable(message));
        QCOMPARE(c.secretKey, s.secretKey);
        QCOMPARE(c.securityToken, onlyToken.securityToken);

        QVERIFY2(m_manager->saveProfileSync(p, ProfileSecrets(), &message), qPrintable(message));
        QVERIFY(loadCredentialsNow(*m_manager, p.name, &c, &message));
        QCOMPARE(c.secretKey, s.secretKey);
        QCOMPARE(c.securityToken, onlyToken.securityToken);
    }

    void newProfileWithoutSecretIsRefused()
    {
        const Profile p = make(name(QStringLiteral("nosecret")), Profile::AuthMethod::TemporaryAkSk);
        ProfileSecrets s;
        s.secretKey = QStringLiteral("nosecret-sk");
        QString message;
        QVERIFY(!m_manager->saveProfileSync(p, s, &message));
        QVERIFY2(message.contains(QStringLiteral("security token")), qPrintable(message));
        QVERIFY(!m_profiles->contains(p.name));
        QVERIFY(absent(p.name, SecretStore::SecretKeyField));
    }

    void switchingToAStoredlessMethodNeedsTheSecret()
    {
        Profile p = make(name(QStringLiteral("switch")), Profile::AuthMethod::AkSk);
        ProfileSecrets s;
        s.secretKey = QStringLiteral("switch-sk");
        QString message;
        QVERIFY2(m_manager->saveProfileSync(p, s, &message), qPrintable(message));
        const QByteArray before = fileBytes(m_settings->fileName());

        p.auth = Profile::AuthMethod::IamToken;
        p.accessKey.clear();
        QVERIFY(!m_manager->saveProfileSync(p, ProfileSecrets(), &message));
        QVERIFY2(message.contains(QStringLiteral("IAM token")), qPrintable(message));
        QCOMPARE(fileBytes(m_settings->fileName()), before);
        QCOMPARE(stored(p.name, SecretStore::SecretKeyField), s.secretKey);
    }

    void failedWriteRollsBackANewProfile()
    {
        const Profile p = make(name(QStringLiteral("rollback-new")), Profile::AuthMethod::TemporaryAkSk);
        ProfileSecrets s;
        s.secretKey = QStringLiteral("rollback-new-sk");
        s.securityToken = QString(5000, u't'); // the second write fails: TooLarge
        QString message;
        QVERIFY(!m_manager->saveProfileSync(p, s, &message));
        QVERIFY2(message.contains(QStringLiteral("4096")), qPrintable(message));
        QVERIFY(absent(p.name, SecretStore::SecretKeyField));
        QVERIFY(absent(p.name, SecretStore::SecurityTokenField));
        QVERIFY(!m_profiles->contains(p.name));
        QVERIFY(!QFileInfo::exists(m_settings->fileName()) ||
                !fileBytes(m_settings->fileName()).contains(p.name.toUtf8()));
    }

    void failedWriteRestoresAnExistingProfile()
    {
        Profile p = make(name(QStringLiteral("rollback-old")), Profile::AuthMethod::TemporaryAkSk);
        ProfileSecrets s;
        s.secretKey = QStringLiteral("old-sk");
        s.securityToken = QStringLiteral("old-token");
        QString message;
        QVERIFY2(m_manager->saveProfileSync(p, s, &message), qPrintable(message));
        const QByteArray before = fileBytes(m_settings->fileName());

        p.region = QStringLiteral("cn-south-1");
        ProfileSecrets bad;
        bad.secretKey = QStringLiteral("new-sk");
        bad.securityToken = QString(5000, u'n');
        QVERIFY(!m_manager->saveProfileSync(p, bad, &message));
        QCOMPARE(stored(p.name, SecretStore::SecretKeyField), s.secretKey);
        QCOMPARE(stored(p.name, SecretStore::SecurityTokenField), s.securityToken);
        QCOMPARE(fileBytes(m_settings->fileName()), before);
        QCOMPARE(m_profiles->profile(p.name).region, QStringLiteral("cn-north-4"));
    }

    void changingAuthMethodRemovesSecretsNoLongerNeeded()
    {
        Profile p = make(name(QStringLiteral("downgrade")), Profile::AuthMethod::TemporaryAkSk);
        ProfileSecrets s;
        s.secretKey = QStringLiteral("dg-sk");
        s.securityToken = QStringLiteral("dg-token");
        QString message;
        QVERIFY2(m_manager->saveProfileSync(p, s, &message), qPrintable(message));
        QCOMPARE(stored(p.name, SecretStore::SecurityTokenField), s.securityToken);

        p.auth = Profile::AuthMethod::AkSk;
        QVERIFY2(m_manager->saveProfileSync(p, ProfileSecrets(), &message), qPrintable(message));
        QCOMPARE(stored(p.name, SecretStore::SecretKeyField), s.secretKey);
        QVERIFY(absent(p.name, SecretStore::SecurityTokenField));
        Credentials c;
        QVERIFY(loadCredentialsNow(*m_manager, p.name, &c, &message));
        QCOMPARE(c.kind, Credentials::Kind::AkSk);
    }

    void missingKeychainEntryIsReportedNotRecreated()
    {
        const Profile p = make(name(QStringLiteral("lost")), Profile::AuthMethod::AkSk);
        ProfileSecrets s;
        s.secretKey = QStringLiteral("lost-sk");
        QString message;
        QVERIFY2(m_manager->saveProfileSync(p, s, &message), qPrintable(message));
        clearEntry(keyOf(p.name, SecretStore::SecretKeyField)); // e.g. removed in Seahorse
        const QByteArray before = fileBytes(m_settings->fileName());

        Credentials c;
        QVERIFY(!loadCredentialsNow(*m_manager, p.name, &c, &message));
        QVERIFY2(message.contains(QStringLiteral("secret key (SK)")), qPrintable(message));
        QVERIFY(c.secretKey.isEmpty());
        QVERIFY(absent(p.name, SecretStore::SecretKeyField));
        QCOMPARE(fileBytes(m_settings->fileName()), before);
        QVERIFY(m_profiles->contains(p.name));
    }

    void listIsSortedByName()
    {
        const QString tag = uniqueTag();
        const QStringList names = {QStringLiteral("b-") + tag, QStringLiteral("A-") + tag,
                                   QStringLiteral("c-") + tag};
        for (const QString& n : names) {
            m_names.append(n);
            Profile p = make(n, Profile::AuthMethod::IamToken);
            ProfileSecrets s;
            s.iamToken = QStringLiteral("list-token");
            QString message;
            QVERIFY2(m_manager->saveProfileSync(p, s, &message), qPrintable(message));
        }
        QStringList listed;
        for (const Profile& p : m_profiles->profiles())
            listed.append(p.name);
        QCOMPARE(listed, (QStringList{names.at(1), names.at(0), names.at(2)}));
    }

    void importSavesEveryItemAndReplacesReadableOnes()
    {
        const QString replaced = name(QStringLiteral("imp-replaced"));
        saveOrFail(make(replaced, Profile::AuthMethod::AkSk), QStringLiteral("imp-old-sk"));
        const QString fresh = name(QStringLiteral("imp-fresh"));
        QList<ImportedProfile> items = {importItem(fresh, QStringLiteral("imp-fresh-sk")),
                                        importItem(replaced, QStringLiteral("imp-new-sk"))};
        items[1].profile.region = QStringLiteral("cn-east-3");

        const ProfileManager::ImportOutcome outcome = m_manager->importProfilesSync(items, true);
        QVERIFY2(outcome.ok, qPrintable(outcome.message));
        QCOMPARE(outcome.imported, (QStringList{fresh, replaced}));
        QVERIFY(outcome.changed);
        QCOMPARE(stored(fresh, SecretStore::SecretKeyField), QStringLiteral("imp-fresh-sk"));
        QCOMPARE(stored(replaced, SecretStore::SecretKeyField), QStringLiteral("imp-new-sk"));
        QCOMPARE(m_profiles->profile(replaced).region, QStringLiteral("cn-east-3"));
    }

    void importRefusesExistingNamesUnlessReplacing()
    {
        const QString existing = name(QStringLiteral("imp-existing"));
        saveOrFail(make(existing, Profile::AuthMethod::AkSk), QStringLiteral("imp-existing-sk"));
        const QString fresh = name(QStringLiteral("imp-not-created"));
        const QByteArray before = fileBytes(m_settings->fileName());

        bool called = false;
        ProfileManager::ImportOutcome outcome;
        m_manager->importProfiles(
            {importItem(fresh, QStringLiteral("x-sk")), importItem(existing, QStringLiteral("y-sk"))}, false,
            [&](const ProfileManager::ImportOutcome& o) {
                called = true;
                outcome = o;
            });
        QVERIFY(!called); // always from the event loop, a refusal too
        QTRY_VERIFY(called);
        QVERIFY(!outcome.ok);
        QVERIFY(!outcome.changed);
        QVERIFY2(outcome.message.contains(existing), qPrintable(outcome.message));
        QVERIFY2(outcome.message.contains(QLatin1String("already exists")), qPrintable(outcome.message));
        QVERIFY(outcome.imported.isEmpty());
        QCOMPARE(fileBytes(m_settings->fileName()), before);
        QVERIFY(absent(fresh, SecretStore::SecretKeyField));
        QCOMPARE(stored(existing, SecretStore::SecretKeyField), QStringLiteral("imp-existing-sk"));
        QCOMPARE(m_manager->importProblem({importItem(existing, QStringLiteral("y-sk"))}, false),
                 outcome.message);
        QVERIFY(m_manager->importProblem({importItem(existing, QStringLiteral("y-sk"))}, true).isEmpty());
    }

    // The unified rule: an old profile whose secrets cannot be read could not be put back if the import
    // failed, so the import refuses to start, changes nothing and names that profile and why.
    void importRefusesToReplaceAnUnreadableProfile()
    {
        const QString unreadable = name(QStringLiteral("imp-unreadable"));
        saveOrFail(make(unreadable, Profile::AuthMethod::AkSk), QStringLiteral("imp-unreadable-sk"));
        clearEntry(keyOf(unreadable, SecretStore::SecretKeyField));
        const QString fresh = name(QStringLiteral("imp-before-unreadable"));
        const QByteArray before = fileBytes(m_settings->fileName());

        const ProfileManager::ImportOutcome outcome = m_manager->importProfilesSync(
            {importItem(fresh, QStringLiteral("fresh-sk")), importItem(unreadable, QStringLiteral("new-sk"))},
            true);
        QVERIFY(!outcome.ok);
        QVERIFY(!outcome.changed);
        QVERIFY(outcome.imported.isEmpty());
        const QString& m = outcome.message;
        QVERIFY2(m.contains(QLatin1Char('"') + unreadable + QLatin1Char('"')), qPrintable(m));
        QVERIFY2(m.contains(QLatin1String("cannot be backed up")), qPrintable(m));
        QVERIFY2(m.contains(QLatin1String("secret key (SK)")), qPrintable(m)); // why
        QVERIFY2(m.contains(QLatin1String("Nothing was imported")), qPrintable(m));
        QVERIFY(!m.contains(QLatin1String("new-sk")));
        QCOMPARE(fileBytes(m_settings->fileName()), before);
        QVERIFY(!m_profiles->contains(fresh));
        QVERIFY(absent(fresh, SecretStore::SecretKeyField));
        QVERIFY(absent(unreadable, SecretStore::SecretKeyField)); // not written either
        QVERIFY(m_profiles->contains(unreadable));
    }

    void failedImportPutsEveryProfileBack()
    {
        const QString replaced = name(QStringLiteral("imp-restored"));
        Profile old = make(replaced, Profile::AuthMethod::TemporaryAkSk);
        ProfileSecrets oldSecrets;
        oldSecrets.secretKey = QStringLiteral("restored-old-sk");
        oldSecrets.securityToken = QStringLiteral("restored-old-token");
        QString message;
        QVERIFY2(m_manager->saveProfileSync(old, oldSecrets, &message), qPrintable(message));
        const QByteArray before = fileBytes(m_settings->fileName());
        const QString fresh = name(QStringLiteral("imp-removed"));
        const QString failing = name(QStringLiteral("imp-failing"));

        // The third save fails (TooLarge) after the first two have been written.
        const ProfileManager::ImportOutcome outcome = m_manager->importProfilesSync(
            {importItem(fresh, QStringLiteral("removed-sk")),
             importItem(replaced, QStringLiteral("replacing-sk")), importItem(failing, QString(5000, u'f'))},
            true);
        QVERIFY(!outcome.ok);
        QVERIFY(outcome.changed);
        QVERIFY2(outcome.message.contains(QLatin1String("Nothing was imported")),
                 qPrintable(outcome.message));
        QVERIFY2(outcome.message.contains(QLatin1String("4096")), qPrintable(outcome.message));
        QVERIFY2(outcome.message.contains(QLatin1String("were taken back")), qPrintable(outcome.message));
        QVERIFY2(!outcome.message.contains(QLatin1String("could not be taken back")),
                 qPrintable(outcome.message));

        QVERIFY(!m_profiles->contains(fresh));
        QVERIFY(absent(fresh, SecretStore::SecretKeyField));
        QVERIFY(!m_profiles->contains(failing));
        QVERIFY(absent(failing, SecretStore::SecretKeyField));
        QCOMPARE(m_profiles->profile(replaced), old);
        QCOMPARE(stored(replaced, SecretStore::SecretKeyField), oldSecrets.secretKey);
        QCOMPARE(stored(replaced, SecretStore::SecurityTokenField), oldSecrets.securityToken);
        QCOMPARE(fileBytes(m_settings->fileName()), before);
    }

    void logsNameWhatHappenedButNoSecret()
    {
        const QString sk = QStringLiteral("log-sk-") + m_tag + QStringLiteral("-Qx1");
        const QString imported = QStringLiteral("log-imported-sk-") + m_tag;
        const QString p = name(QStringLiteral("logged"));
        const QString q = name(QStringLiteral("logged-import"));
        QStringList lines;
        {
            SecretsLogCapture capture;
            saveOrFail(make(p, Profile::AuthMethod::AkSk), sk);
            Credentials c;
            QString message;
            QVERIFY2(loadCredentialsNow(*m_manager, p, &c, &message), qPrintable(message));
            QCOMPARE(c.secretKey, sk);
            const auto outcome = m_manager->importProfilesSync({importItem(q, imported)}, false);
            QVERIFY2(outcome.ok, qPrintable(outcome.message));
            QVERIFY2(m_manager->removeProfileSync(p, &message), qPrintable(message));
            lines = SecretsLogCapture::lines();
        }
        const QString all = lines.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QLatin1String("profile saved: \"") + p), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("profile imported: \"") + q), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("profile removed: \"") + p), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("keychain job WriteVerified ended Ok after")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("keychain job Read ended Ok after")), qPrintable(all));
        for (const QString& secret : {sk, imported})
            QVERIFY2(!all.contains(secret), qPrintable(all));
    }

    void noCallbackAfterTheManagerIsGone()
    {
        const Profile p = make(name(QStringLiteral("gone")), Profile::AuthMethod::AkSk);
        ProfileSecrets s;
        s.secretKey = QStringLiteral("gone-sk");
        bool called = false;
        auto* manager = new ProfileManager(m_profiles.get(), m_secrets.get());
        manager->saveProfile(p, s, [&called](bool, const QString&) { called = true; });
        manager->loadCredentials(p.name,
                                 [&called](bool, const Credentials&, const QString&) { called = true; });
        const QString importedName = name(QStringLiteral("gone-import"));
        manager->importProfiles({importItem(importedName, QStringLiteral("gone-import-sk"))}, false,
                                [&called](const ProfileManager::ImportOutcome&) { called = true; });
        delete manager;

        // Once a later keychain request has finished, the earlier ones have answered too (QtKeychain runs
        // them in order).
        SecretJob* probe = m_secrets->read(keyOf(p.name, SecretStore::IamTokenField));
        QSignalSpy spy(probe, &SecretJob::finished);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 30000);
        QVERIFY(!called);
        QVERIFY(!m_profiles->contains(p.name));
        QVERIFY(!m_profiles->contains(importedName));
    }
};

QTEST_GUILESS_MAIN(TestProfiles)
#include "tst_profiles.moc"
