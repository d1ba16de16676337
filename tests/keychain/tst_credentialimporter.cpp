// Importing credentials from the SDK environment variables, the SDK credentials file and KooCLI's
// config.json. Headless: nothing here touches the keychain. Sample files are in tests/data/import (fictitious
// keys).

#include "CredentialImporter.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

#include <sys/stat.h>

using namespace das;

namespace {

QString sample(const char* name)
{
    return QStringLiteral(DAS_TEST_DATA_DIR "/import/") + QLatin1String(name);
}

QByteArray digest(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QByteArray();
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

ImportedProfile sentinel()
{
    ImportedProfile s;
    s.profile.name = QStringLiteral("sentinel");
    s.profile.accessKey = QStringLiteral("UNTOUCHED");
    s.secrets.secretKey = QStringLiteral("untouched");
    return s;
}

QProcessEnvironment sdkEnv()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("HUAWEICLOUD_SDK_AK"), QStringLiteral("ENVAKQTWAOYTTINDUT2Q"));
    env.insert(QStringLiteral("HUAWEICLOUD_SDK_SK"),
               QStringLiteral(" EnvSkMFyfvK41ba2giqM7Uio6PznpdUKGpownRZ \n"));
    env.insert(QStringLiteral("HUAWEICLOUD_SDK_PROJECT_ID"),
               QStringLiteral("052041494800d57c2f02c00275b4c247"));
    return env;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

bool hasControlCharacter(const QString& text)
{
    return std::any_of(text.begin(), text.end(),
                       [](QChar c) { return c.category() == QChar::Other_Control; });
}

} // namespace

class TestCredentialImporter : public QObject
{
    Q_OBJECT

private:
    QHash<QString, QByteArray> m_digests;

private slots:
    void initTestCase()
    {
        for (const char* name :
             {"sdk-credentials", "sdk-credentials-temporary", "sdk-credentials-no-basic",
              "sdk-credentials-no-sk", "sdk-credentials-bad-line", "sdk-credentials-garbage.bin",
              "koocli-config.json", "koocli-invalid.json", "koocli-profiles-not-array.json",
              "koocli-missing-sk.json", "koocli-unsupported-mode.json"}) {
            const QString path = sample(name);
            QVERIFY2(QFileInfo::exists(path), qPrintable(path));
            m_digests.insert(path, digest(path));
        }
    }

    // Importers only read: every sample is byte-identical after all the imports above.
    void cleanupTestCase()
    {
        for (auto it = m_digests.cbegin(); it != m_digests.cend(); ++it)
            QVERIFY2(digest(it.key()) == it.value(), qPrintable(it.key()));
    }

    void defaultPaths()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("HOME"), QStringLiteral("/home/dba"));
        QCOMPARE(CredentialImporter::defaultSdkCredentialsPath(env),
                 QStringLiteral("/home/dba/.huaweicloud/credentials"));
        QCOMPARE(CredentialImporter::defaultKooCliConfigPath(env),
                 QStringLiteral("/home/dba/.hcloud/config.json"));
    }

    void environmentPermanent()
    {
        ImportedProfile out;
        QString error;
        QVERIFY2(CredentialImporter::fromEnvironment(sdkEnv(), QStringLiteral("from env"), &out, &error),
                 qPrintable(error));
        QCOMPARE(out.profile.name, QStringLiteral("from env"));
        QCOMPARE(out.profile.auth, Profile::AuthMethod::AkSk);
        QCOMPARE(out.profile.accessKey, QStringLiteral("ENVAKQTWAOYTTINDUT2Q"));
        QCOMPARE(out.secrets.secretKey, QStringLiteral("EnvSkMFyfvK41ba2giqM7Uio6PznpdUKGpownRZ"));
        QVERIFY(out.secrets.securityToken.isEmpty());
        QCOMPARE(out.profile.projectId, QStringLiteral("052041494800d57c2f02c00275b4c247"));
        QVERIFY(out.profile.region.isEmpty());
    }

    void environmentTemporary()
    {
        QProcessEnvironment env = sdkEnv();
        env.insert(QStringLiteral("HUAWEICLOUD_SDK_SECURITY_TOKEN"), QStringLiteral("gQpjbi1FAKEenvtoken=="));
        ImportedProfile out;
        QString error;
        QVERIFY2(CredentialImporter::fromEnvironment(env, QStringLiteral("tmp"), &out, &error),
                 qPrintable(error));
        QCOMPARE(out.profile.auth, Profile::AuthMethod::TemporaryAkSk);
        QCOMPARE(out.secrets.securityToken, QStringLiteral("gQpjbi1FAKEenvtoken=="));
    }

    void environmentErrors_data()
    {
        QTest::addColumn<QString>("unset");
        QTest::addColumn<QString>("setName");
        QTest::addColumn<QString>("setValue");
        QTest::addColumn<QString>("profileName");
        QTest::addColumn<QString>("expect");
        QTest::newRow("no sk") << QStringLiteral("HUAWEICLOUD_SDK_SK") << QString() << QString()
                               << QStringLiteral("p") << QStringLiteral("HUAWEICLOUD_SDK_SK");
        QTest::newRow("no ak") << QStringLiteral("HUAWEICLOUD_SDK_AK") << QString() << QString()
                               << QStringLiteral("p") << QStringLiteral("HUAWEICLOUD_SDK_AK");
        QTest::newRow("bad project") << QString() << QStringLiteral("HUAWEICLOUD_SDK_PROJECT_ID")
                                     << QStringLiteral("123") << QStringLiteral("p")
                                     << QStringLiteral("HUAWEICLOUD_SDK_PROJECT_ID");
        QTest::newRow("control in sk") << QString() << QStringLiteral("HUAWEICLOUD_SDK_SK")
                                       << QStringLiteral("abc\x01"
                                                         "def")
                                       << QStringLiteral("p") << QStringLiteral("HUAWEICLOUD_SDK_SK");
        QTest::newRow("bad name") << QString() << QString() << QString() << QStringLiteral("a:b")
                                  << QStringLiteral("':'");
    }

    void environmentErrors()
    {
        QFETCH(QString, unset);
        QFETCH(QString, setName);
        QFETCH(QString, setValue);
        QFETCH(QString, profileName);
        QFETCH(QString, expect);
        QProcessEnvironment env = sdkEnv();
        if (!unset.isEmpty())
            env.remove(unset);
        if (!setName.isEmpty())
            env.insert(setName, setValue);
        ImportedProfile out = sentinel();
        QString error;
        QVERIFY(!CredentialImporter::fromEnvironment(env, profileName, &out, &error));
        QVERIFY2(error.contains(expect), qPrintable(error));
        QCOMPARE(out.profile, sentinel().profile);
        QCOMPARE(out.secrets.secretKey, sentinel().secrets.secretKey);
    }

    void sdkFileValid()
    {
        ImportedProfile out;
        QString error;
        QVERIFY2(CredentialImporter::fromSdkCredentialsFile(sample("sdk-credentials"), QStringLiteral("sdk"),
                                                            &out, &error),
                 qPrintable(error));
        QCOMPARE(out.profile.name, QStringLiteral("sdk"));
        QCOMPARE(out.profile.auth, Profile::AuthMethod::AkSk);
        QCOMPARE(out.profile.accessKey, QStringLiteral("QTWAOYTTINDUT2QVKYUC"));
        QCOMPARE(out.secrets.secretKey, QStringLiteral("MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc"));
        QCOMPARE(out.profile.projectId, QStringLiteral("052041494800d57c2f02c00275b4c247"));
        QVERIFY(out.secrets.securityToken.isEmpty());
    }

    void sdkFileWithSecurityToken()
    {
        ImportedProfile out;
        QString error;
        QVERIFY2(CredentialImporter::fromSdkCredentialsFile(sample("sdk-credentials-temporary"),
                                                            QStringLiteral("t"), &out, &error),
                 qPrintable(error));
        QCOMPARE(out.profile.auth, Profile::AuthMethod::TemporaryAkSk);
        QCOMPARE(out.profile.accessKey, QStringLiteral("TMPAKQTWAOYTTINDUT2Q"));
        QCOMPARE(out.secrets.secretKey, QStringLiteral("TmpSkMFyfvK41ba2giqM7Uio6PznpdUKGpownRZl"));
        QCOMPARE(out.secrets.securityToken,
                 QStringLiteral("gQpjbi1ub3J0aC00jHeFAKEe30UhBhuH4ex9F3KVE0bQ+ftf2/w=="));
        QVERIFY(out.profile.projectId.isEmpty());
    }

    void sdkFileMalformed_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("expect");
        const QString missing = QStringLiteral(DAS_TEST_DATA_DIR "/import/does-not-exist");
        QTest::newRow("missing [basic]")
            << sample("sdk-credentials-no-basic")
            << QStringList{QStringLiteral("sdk-credentials-no-basic"), QStringLiteral("[basic]")};
        QTest::newRow("missing sk") << sample("sdk-credentials-no-sk")
                                    << QStringList{QStringLiteral("sdk-credentials-no-sk"),
                                                   QStringLiteral("sk")};
        QTest::newRow("bad line") << sample("sdk-credentials-bad-line")
                                  << QStringList{QStringLiteral("sdk-credentials-bad-line"),
                                                 QStringLiteral("line 3")};
        QTest::newRow("garbage") << sample("sdk-credentials-garbage.bin")
                                 << QStringList{QStringLiteral("sdk-credentials-garbage.bin"),
                                                QStringLiteral("not a text file")};
        QTest::newRow("nonexistent") << missing
                                     << QStringList{QStringLiteral("does-not-exist"),
                                                    QStringLiteral("Cannot read")};
        QTest::newRow("directory") << QStringLiteral(DAS_TEST_DATA_DIR "/import")
                                   << QStringList{QStringLiteral("import"), QStringLiteral("Cannot read")};
    }

    void sdkFileMalformed()
    {
        QFETCH(QString, path);
        QFETCH(QStringList, expect);
        ImportedProfile out = sentinel();
        QString error;
        QVERIFY(!CredentialImporter::fromSdkCredentialsFile(path, QStringLiteral("x"), &out, &error));
        for (const QString& e : expect)
            QVERIFY2(error.contains(e), qPrintable(error));
        QCOMPARE(out.profile, sentinel().profile);
        QCOMPARE(out.secrets.secretKey, sentinel().secrets.secretKey);
    }

    void sdkFileEdgeCases()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("credentials"));
        const auto write = [&](const QByteArray& bytes) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(bytes);
        };
        ImportedProfile out;
        QString error;

        write("\xEF\xBB\xBF[basic]\r\nak: AKCRLF0000000000001\r\nsk = a=b:c\r\n");
        QVERIFY2(CredentialImporter::fromSdkCredentialsFile(path, QStringLiteral("crlf"), &out, &error),
                 qPrintable(error));
        QCOMPARE(out.profile.accessKey, QStringLiteral("AKCRLF0000000000001"));
        QCOMPARE(out.secrets.secretKey, QStringLiteral("a=b:c"));

        write("[basic]\nak = A\nsk = B\nak = C\n");
        QVERIFY(!CredentialImporter::fromSdkCredentialsFile(path, QStringLiteral("dup"), &out, &error));
        QVERIFY2(error.contains(QStringLiteral("ak appears twice")), qPrintable(error));

        write("ak = A\n[basic]\nsk = B\n");
        QVERIFY(!CredentialImporter::fromSdkCredentialsFile(path, QStringLiteral("nosection"), &out, &error));
        QVERIFY2(error.contains(QStringLiteral("line 1")), qPrintable(error));

        write("[basic]\nak = A\nsk = B\nproject_id = nope\n");
        QVERIFY(!CredentialImporter::fromSdkCredentialsFile(path, QStringLiteral("project"), &out, &error));
        QVERIFY2(error.contains(QStringLiteral("project_id")), qPrintable(error));

        write(QByteArray());
        QVERIFY(!CredentialImporter::fromSdkCredentialsFile(path, QStringLiteral("empty"), &out, &error));
        QVERIFY2(error.contains(QStringLiteral("[basic]")), qPrintable(error));

        write("[basic]\nak = A\nsk = " + QByteArray(5000, 's') + "\n");
        QVERIFY(!CredentialImporter::fromSdkCredentialsFile(path, QStringLiteral("long"), &out, &error));
        QVERIFY2(error.contains(QStringLiteral("4096")), qPrintable(error));
    }

    void kooCliValid()
    {
        QList<ImportedProfile> out;
        QString error;
        QVERIFY2(CredentialImporter::fromKooCliConfig(sample("koocli-config.json"), &out, &error),
                 qPrintable(error));
        QCOMPARE(out.size(), 2);

        const ImportedProfile& dev = out.at(0);
        QCOMPARE(dev.profile.name, QStringLiteral("dev"));
        QCOMPARE(dev.profile.auth, Profile::AuthMethod::AkSk);
        QCOMPARE(dev.profile.accessKey, QStringLiteral("KOOAKDEVQTWAOYTTINDU"));
        QCOMPARE(dev.secrets.secretKey, QStringLiteral("KooSkDevMFyfvK41ba2giqM7Uio6PznpdUKGpown"));
        QVERIFY(dev.secrets.securityToken.isEmpty());
        QCOMPARE(dev.profile.region, QStringLiteral("cn-north-4"));
        QCOMPARE(dev.profile.projectId, QStringLiteral("052041494800d57c2f02c00275b4c247"));

        const ImportedProfile& temp = out.at(1);
        QCOMPARE(temp.profile.name, QStringLiteral("ops-temp"));
        QCOMPARE(temp.profile.auth, Profile::AuthMethod::TemporaryAkSk);
        QCOMPARE(temp.secrets.securityToken,
                 QStringLiteral("gQpjbi1ub3J0aC00jHeFAKEkooclitokenBhuH4ex9F3KVE0bQ=="));
        QCOMPARE(temp.profile.region, QStringLiteral("cn-east-3"));
        QVERIFY(temp.profile.projectId.isEmpty());
    }

    void kooCliMalformed_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("expect");
        QTest::newRow("invalid JSON")
            << sample("koocli-invalid.json")
            << QStringList{QStringLiteral("koocli-invalid.json"), QStringLiteral("not valid JSON")};
        QTest::newRow("profiles not a list")
            << sample("koocli-profiles-not-array.json")
            << QStringList{QStringLiteral("koocli-profiles-not-array.json"), QStringLiteral("\"profiles\"")};
        QTest::newRow("missing secretAccessKey")
            << sample("koocli-missing-sk.json")
            << QStringList{QStringLiteral("\"broken\""), QStringLiteral("secretAccessKey")};
        QTest::newRow("unsupported mode")
            << sample("koocli-unsupported-mode.json")
            << QStringList{QStringLiteral("\"agency\""), QStringLiteral("ecsAgency")};
        QTest::newRow("garbage") << sample("sdk-credentials-garbage.bin")
                                 << QStringList{QStringLiteral("not valid JSON")};
        QTest::newRow("nonexistent") << QStringLiteral(DAS_TEST_DATA_DIR "/import/no-config.json")
                                     << QStringList{QStringLiteral("no-config.json"),
                                                    QStringLiteral("Cannot read")};
    }

    void kooCliMalformed()
    {
        QFETCH(QString, path);
        QFETCH(QStringList, expect);
        QList<ImportedProfile> out = {sentinel()};
        QString error;
        QVERIFY(!CredentialImporter::fromKooCliConfig(path, &out, &error));
        for (const QString& e : expect)
            QVERIFY2(error.contains(e), qPrintable(error));
        QCOMPARE(out.size(), 1);
        QCOMPARE(out.at(0).profile, sentinel().profile);
    }

    void kooCliEdgeCases()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        const auto write = [&](const QByteArray& bytes) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(bytes);
        };
        QList<ImportedProfile> out;
        QString error;

        write(R"({"profiles":[{"name":"st","mode":"AKSKST","accessKeyId":"A1","secretAccessKey":"S1",)"
              R"("securityToken":"T1"}]})");
        QVERIFY2(CredentialImporter::fromKooCliConfig(path, &out, &error), qPrintable(error));
        QCOMPARE(out.size(), 1);
        QCOMPARE(out.at(0).profile.auth, Profile::AuthMethod::TemporaryAkSk);

        write(R"({"profiles":[{"name":"st","mode":"AKSKST","accessKeyId":"A1","secretAccessKey":"S1"}]})");
        QVERIFY(!CredentialImporter::fromKooCliConfig(path, &out, &error));
        QVERIFY2(error.contains(QStringLiteral("securityToken")), qPrintable(error));

        write(R"({"profiles":[{"name":"a","accessKeyId":"A1","secretAccessKey":"S1"},)"
              R"({"name":"a","accessKeyId":"A2","secretAccessKey":"S2"}]})");
        QVERIFY(!CredentialImporter::fromKooCliConfig(path, &out, &error));
        QVERIFY2(error.contains(QStringLiteral("twice")), qPrintable(error));

        write(R"({"profiles":[{"name":"n","accessKeyId":12,"secretAccessKey":"S1"}]})");
        QVERIFY(!CredentialImporter::fromKooCliConfig(path, &out, &error));
        QVERIFY2(error.contains(QStringLiteral("accessKeyId must be text")), qPrintable(error));

        write(R"({"profiles":[{"name":"sso","mode":"SSO"}]})");
        QVERIFY(!CredentialImporter::fromKooCliConfig(path, &out, &error));
        QVERIFY2(error.contains(QStringLiteral("\"sso\"")) && error.contains(QStringLiteral("SSO")),
                 qPrintable(error));

        write(R"({"profiles":[]})");
        QVERIFY(!CredentialImporter::fromKooCliConfig(path, &out, &error));
        QVERIFY2(error.contains(QStringLiteral("no profiles")), qPrintable(error));

        write(R"([1,2])");
        QVERIFY(!CredentialImporter::fromKooCliConfig(path, &out, &error));
        QVERIFY2(error.contains(QStringLiteral("profiles")), qPrintable(error));

        write(R"({"profiles":[{"name":"bad/name","accessKeyId":"A1","secretAccessKey":"S1"}]})");
        QVERIFY(!CredentialImporter::fromKooCliConfig(path, &out, &error));
        QVERIFY2(error.contains(QStringLiteral("bad/name")), qPrintable(error));

        write(R"({"profiles":[{"name":"r","accessKeyId":"A1","secretAccessKey":"S1","region":"mars-1"}]})");
        QVERIFY(!CredentialImporter::fromKooCliConfig(path, &out, &error));
        QVERIFY2(error.contains(QStringLiteral("mars-1")), qPrintable(error));
    }

    // The SDKs strip matching quotes; one left open means the file was cut or mistyped, and the key must not
    // go to the keychain with a quote in it.
    void sdkFileUnmatchedQuoteRefused_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("key");
        QTest::newRow("ak='abc") << QByteArrayLiteral("[basic]\nak='abc\nsk = B\n")
                                 << QStringLiteral("line 2") << QStringLiteral("ak");
        QTest::newRow("sk = \"abc") << QByteArrayLiteral("[basic]\nak = A\nsk = \"abc\n")
                                    << QStringLiteral("line 3") << QStringLiteral("sk");
        QTest::newRow("sk = abc'") << QByteArrayLiteral("[basic]\nak = A\n\nsk = abc'\n")
                                   << QStringLiteral("line 4") << QStringLiteral("sk");
        QTest::newRow("mixed quotes") << QByteArrayLiteral("[basic]\nak = 'A\"\nsk = B\n")
                                      << QStringLiteral("line 2") << QStringLiteral("ak");
        QTest::newRow("lone quote") << QByteArrayLiteral("[basic]\nak = A\nsk = B\nsecurity_token = \"\n")
                                    << QStringLiteral("line 4") << QStringLiteral("security_token");
    }

    void sdkFileUnmatchedQuoteRefused()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, line);
        QFETCH(QString, key);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("credentials"));
        QVERIFY(writeFile(path, content));
        ImportedProfile out = sentinel();
        QString error;
        QVERIFY(!CredentialImporter::fromSdkCredentialsFile(path, QStringLiteral("q"), &out, &error));
        QVERIFY2(error.contains(path) && error.contains(line) && error.contains(key) &&
                     error.contains(QStringLiteral("unmatched quote")),
                 qPrintable(error));
        QCOMPARE(out.profile, sentinel().profile);
    }

    void sdkFileMatchedQuotesStripped()
    {
        ImportedProfile out;
        QString error;
        QVERIFY2(CredentialImporter::parseSdkCredentials("[basic]\nak = 'AKQUOTED'\nsk = \"a b\"\n",
                                                         QStringLiteral("shown"), QStringLiteral("q"), &out,
                                                         &error),
                 qPrintable(error));
        QCOMPARE(out.profile.accessKey, QStringLiteral("AKQUOTED"));
        QCOMPARE(out.secrets.secretKey, QStringLiteral("a b"));
    }

    void sourcesOverTheLimitRefused()
    {
        QTemporaryDir dir;
        const QString sdk = dir.filePath(QStringLiteral("credentials"));
        const QString koo = dir.filePath(QStringLiteral("config.json"));
        QByteArray padding(2 * 1024 * 1024, '#');
        QVERIFY(writeFile(sdk, "[basic]\nak = A\nsk = B\n" + padding));
        QVERIFY(writeFile(
            koo,
            "{\"profiles\":[{\"name\":\"a\",\"accessKeyId\":\"A1\",\"secretAccessKey\":\"S1\"}],\"x\":\"" +
                QByteArray(2 * 1024 * 1024, 'x') + "\"}"));
        ImportedProfile one;
        QList<ImportedProfile> many;
        QString error;
        QVERIFY(!CredentialImporter::fromSdkCredentialsFile(sdk, QStringLiteral("big"), &one, &error));
        QVERIFY2(error.contains(sdk) && error.contains(QStringLiteral("1 MiB")), qPrintable(error));
        QVERIFY(!CredentialImporter::fromKooCliConfig(koo, &many, &error));
        QVERIFY2(error.contains(koo) && error.contains(QStringLiteral("1 MiB")), qPrintable(error));
    }

    // A FIFO has size 0, so a size check let it through, and reading it waited for a writer for ever.
    void fifoSourcesRefusedWithoutBlocking()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("credentials"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0); // and no writer, ever
        // On a thread of its own, so that a read that blocks fails this test instead of hanging it (the
        // thread is then left behind, blocked, until the process exits).
        auto sdkError = std::make_shared<QString>();
        auto kooError = std::make_shared<QString>();
        QThread* reader = QThread::create([fifo, sdkError, kooError] {
            ImportedProfile one;
            QList<ImportedProfile> many;
            CredentialImporter::fromSdkCredentialsFile(fifo, QStringLiteral("f"), &one, sdkError.get());
            CredentialImporter::fromKooCliConfig(fifo, &many, kooError.get());
        });
        reader->start();
        QVERIFY2(reader->wait(QDeadlineTimer(5000)), "importing blocked on the FIFO");
        delete reader;
        for (const QString* error : {sdkError.get(), kooError.get()})
            QVERIFY2(error->contains(fifo) && error->contains(QStringLiteral("not a regular file")),
                     qPrintable(*error));
    }

    void parseFromBytesReadsNoFile()
    {
        ImportedProfile one;
        QString error;
        QVERIFY2(CredentialImporter::parseSdkCredentials("[basic]\nak = AKBYTES\nsk = SKBYTES\n",
                                                         QStringLiteral("in memory"), QStringLiteral("b"),
                                                         &one, &error),
                 qPrintable(error));
        QCOMPARE(one.profile.accessKey, QStringLiteral("AKBYTES"));
        QVERIFY(!CredentialImporter::parseSdkCredentials("[basic]\nak = A\n", QStringLiteral("in memory"),
                                                         QStringLiteral("b"), &one, &error));
        QVERIFY2(error.contains(QStringLiteral("in memory")), qPrintable(error));

        // A region outside the built-in list is looked up (environment, regions file) only when importing
        // from the file.
        const QByteArray json =
            R"({"profiles":[{"name":"r","accessKeyId":"A1","secretAccessKey":"S1","region":"mars-1"}]})";
        QList<ImportedProfile> many;
        QVERIFY2(CredentialImporter::parseKooCliConfig(json, QStringLiteral("in memory"), &many, &error),
                 qPrintable(error));
        QCOMPARE(many.size(), 1);
        QCOMPARE(many.at(0).profile.region, QStringLiteral("mars-1"));
        QVERIFY(!CredentialImporter::parseKooCliConfig("{", QStringLiteral("in memory"), &many, &error));
        QVERIFY2(error.contains(QStringLiteral("in memory")), qPrintable(error));
        QCOMPARE(many.size(), 1);
    }

    void controlCharactersFromKooCliNotEchoed()
    {
        QList<ImportedProfile> out;
        QString error;
        QVERIFY(!CredentialImporter::parseKooCliConfig("{\"profiles\":[{\"name\":\"a\\u001b[2Jb\\u0000\","
                                                       "\"accessKeyId\":\"A1\",\"secretAccessKey\":\"S1\"}]}",
                                                       QStringLiteral("shown"), &out, &error));
        QVERIFY2(!hasControlCharacter(error) && error.contains(QStringLiteral("\\x1B")), qPrintable(error));
        QVERIFY(!CredentialImporter::parseKooCliConfig(
            "{\"profiles\":[{\"name\":\"m\",\"mode\":\"X\\u0007\\u009b\",\"accessKeyId\":\"A1\","
            "\"secretAccessKey\":\"S1\"}]}",
            QStringLiteral("shown"), &out, &error));
        QVERIFY2(!hasControlCharacter(error) && error.contains(QStringLiteral("mode")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestCredentialImporter)
#include "tst_credentialimporter.moc"
