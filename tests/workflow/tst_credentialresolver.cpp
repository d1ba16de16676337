// CredentialResolver: the one order of credential sources shared by the window and the CLI, table-driven.
#include "CredentialResolver.h"
#include "ProfileStore.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace das;
using Source = CredentialChoice::Source;

Q_DECLARE_METATYPE(das::CredentialChoice::Source)

namespace {

constexpr const char* EnvAk = "ENVAKEXAMPLE00000001";
constexpr const char* ProfileAk = "PROFAKEXAMPLE0000002";
constexpr const char* DemoAk = "DEMOAKEXAMPLE0000003";

} // namespace

class TestCredentialResolver : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_settings =
            std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("profiles.ini")), QSettings::IniFormat);
        m_profiles = std::make_unique<ProfileStore>(m_settings.get());
        Profile aksk;
        aksk.name = QStringLiteral("work");
        aksk.accessKey = QLatin1String(ProfileAk);
        aksk.region = QStringLiteral("cn-north-4");
        QString error;
        QVERIFY2(m_profiles->save(aksk, &error), qPrintable(error));
        Profile token;
        token.name = QStringLiteral("tok");
        token.auth = Profile::AuthMethod::IamToken;
        token.region = QStringLiteral("cn-north-4");
        QVERIFY2(m_profiles->save(token, &error), qPrintable(error));
    }

    void order_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<QString>("tokenVariable");
        QTest::addColumn<bool>("envKeys");
        QTest::addColumn<bool>("envToken");
        QTest::addColumn<bool>("sandbox");
        QTest::addColumn<Source>("expected");
        QTest::addColumn<QString>("shownAk"); // the masked AK the description must name, if any

        const QString none;
        const QString work = QStringLiteral("work");
        const QString var = QStringLiteral("MY_TOKEN");
        const QString profileAk = Credentials::maskAccessKey(QLatin1String(ProfileAk));
        const QString envAk = Credentials::maskAccessKey(QLatin1String(EnvAk));
        // profile -> token variable -> environment -> sandbox demo key
        QTest::newRow("profile beats everything")
            << work << none << true << true << false << Source::Profile << profileAk;
        QTest::newRow("profile on the sandbox")
            << work << none << true << true << true << Source::Profile << profileAk;
        QTest::newRow("token profile")
            << QStringLiteral("tok") << none << true << false << false << Source::Profile << none;
        QTest::newRow("missing profile is an error, no fall-through")
            << QStringLiteral("nope") << none << true << false << true << Source::None << none;
        QTest::newRow("token variable beats environment")
            << none << var << true << true << false << Source::TokenVariable << none;
        QTest::newRow("empty token variable is an error")
            << none << var << true << false << true << Source::None << none;
        QTest::newRow("environment") << none << none << true << false << false << Source::Environment
                                     << envAk;
        QTest::newRow("no environment keys")
            << none << none << false << false << false << Source::None << none;
        QTest::newRow("environment keys never go to the sandbox")
            << none << none << true << false << true << Source::SandboxDemo << none;
        QTest::newRow("sandbox demo key")
            << none << none << false << false << true << Source::SandboxDemo << none;
    }

    void order()
    {
        QFETCH(QString, profile);
        QFETCH(QString, tokenVariable);
        QFETCH(bool, envKeys);
        QFETCH(bool, envToken);
        QFETCH(bool, sandbox);
        QFETCH(Source, expected);
        QFETCH(QString, shownAk);

        CredentialResolver::Inputs in;
        in.profile = profile;
        in.tokenVariable = tokenVariable;
        if (envKeys) {
            in.environment.insert(QStringLiteral("HUAWEICLOUD_SDK_AK"), QLatin1String(EnvAk));
            in.environment.insert(QStringLiteral("HUAWEICLOUD_SDK_SK"), QStringLiteral("env-secret-CANARY"));
        }
        if (envToken)
            in.environment.insert(QStringLiteral("MY_TOKEN"), QStringLiteral("token-CANARY"));
        in.targetIsSandbox = sandbox;
        if (sandbox) {
            in.sandboxDemo.accessKey = QLatin1String(DemoAk);
            in.sandboxDemo.secretKey = QStringLiteral("demo-secret");
        }

        const CredentialChoice c = CredentialResolver(m_profiles.get()).resolve(in);
        QCOMPARE(c.source, expected);
        QCOMPARE(c.isAvailable(), expected != Source::None);
        QCOMPARE(c.error.isEmpty(), expected != Source::None);
        QCOMPARE(c.description.isEmpty(), expected == Source::None);
        QCOMPARE(c.needsKeychain(), expected == Source::Profile);
        if (!shownAk.isEmpty())
            QVERIFY2(c.description.contains(shownAk), qPrintable(c.description));
        // A description is shown on screen: never a secret, never a whole access key.
        for (const char* secret : {"CANARY", EnvAk, ProfileAk})
            QVERIFY2(!c.description.contains(QLatin1String(secret)), qPrintable(c.description));
        if (expected == Source::Environment || expected == Source::TokenVariable ||
            expected == Source::SandboxDemo)
            QVERIFY(c.credentials.isComplete());
        if (expected == Source::SandboxDemo)
            QCOMPARE(c.credentials.accessKey, QLatin1String(DemoAk));
        if (expected == Source::Profile)
            QVERIFY(c.credentials.secretKey.isEmpty() && c.credentials.iamToken.isEmpty());
    }

    void previewShapeReadsNoKeychain()
    {
        CredentialResolver::Inputs in;
        in.profile = QStringLiteral("tok");
        const CredentialResolver resolver(m_profiles.get());
        const Credentials shape = resolver.shapeForPreview(resolver.resolve(in));
        QCOMPARE(shape.kind, Credentials::Kind::IamToken);
        QVERIFY(shape.isComplete());

        in.profile.clear();
        const Credentials none = resolver.shapeForPreview(resolver.resolve(in));
        QCOMPARE(none.kind, Credentials::Kind::AkSk);
        QVERIFY(none.isComplete());
    }

    void maskerHasOneFormat()
    {
        QCOMPARE(Credentials::maskAccessKey(QStringLiteral("HPUAEXAMPLE4TZ0QST01")),
                 QStringLiteral("HPUA****ST01"));
        QCOMPARE(Credentials::maskAccessKey(QStringLiteral("ABCDEFGHI")), QStringLiteral("ABCD****FGHI"));
        QCOMPARE(Credentials::maskAccessKey(QStringLiteral("ABCDEFGH")), QStringLiteral("****"));
        QCOMPARE(Credentials::maskAccessKey(QString()), QString());
        QCOMPARE(Credentials::maskAccessKey(QByteArrayLiteral("HPUAEXAMPLE4TZ0QST01")),
                 QByteArrayLiteral("HPUA****ST01"));
    }
};

QTEST_GUILESS_MAIN(TestCredentialResolver)
#include "tst_credentialresolver.moc"
