#include "EndpointResolver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <future>
#include <memory>
#include <thread>

#include <sys/stat.h>

using das::EndpointResolver;

namespace {

bool writeFile(const QString& path, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(content) == content.size();
}

// Runs `f` on a thread of its own and waits at most `ms` for it: a read that blocks for ever fails the test
// instead of hanging it (the thread is then left behind, blocked, until the process exits).
template <typename F> bool finishesWithin(int ms, F f)
{
    auto done = std::make_shared<std::promise<void>>();
    std::future<void> finished = done->get_future();
    std::thread([done, f]() mutable {
        f();
        done->set_value();
    }).detach();
    return finished.wait_for(std::chrono::milliseconds(ms)) == std::future_status::ready;
}

bool hasControlCharacter(const QString& text)
{
    return std::any_of(text.begin(), text.end(),
                       [](QChar c) { return c.category() == QChar::Other_Control; });
}

const QByteArray kApSoutheast2Yaml =
    "DAS:\n  - id: ap-southeast-2\n    endpoint: https://das.ap-southeast-2.myhuaweicloud.com\n";

// The Go SDK's DAS region table (reference: das-api.md), written out here rather than read from the code.
const QMap<QString, QString> kDasRegions{
    {QStringLiteral("cn-south-1"), QStringLiteral("https://das.cn-south-1.myhuaweicloud.com")},
    {QStringLiteral("cn-south-2"), QStringLiteral("https://das.cn-south-2.myhuaweicloud.com")},
    {QStringLiteral("cn-north-1"), QStringLiteral("https://das.cn-north-1.myhuaweicloud.com")},
    {QStringLiteral("cn-north-4"), QStringLiteral("https://das.cn-north-4.myhuaweicloud.com")},
    {QStringLiteral("cn-north-9"), QStringLiteral("https://das.cn-north-9.myhuaweicloud.com")},
    {QStringLiteral("cn-east-2"), QStringLiteral("https://das.cn-east-2.myhuaweicloud.com")},
    {QStringLiteral("cn-east-3"), QStringLiteral("https://das.cn-east-3.myhuaweicloud.com")},
    {QStringLiteral("cn-east-5"), QStringLiteral("https://das.cn-east-5.myhuaweicloud.com")},
    {QStringLiteral("cn-south-4"), QStringLiteral("https://das.cn-south-4.myhuaweicloud.com")},
    {QStringLiteral("cn-southwest-2"), QStringLiteral("https://das.cn-southwest-2.myhuaweicloud.com")},
    {QStringLiteral("tr-west-1"), QStringLiteral("https://das.tr-west-1.myhuaweicloud.com")},
    {QStringLiteral("ap-southeast-1"), QStringLiteral("https://das.ap-southeast-1.myhuaweicloud.com")},
    {QStringLiteral("ap-southeast-3"), QStringLiteral("https://das.ap-southeast-3.myhuaweicloud.com")},
    {QStringLiteral("ap-southeast-4"), QStringLiteral("https://das.ap-southeast-4.myhuaweicloud.com")},
    {QStringLiteral("me-east-1"), QStringLiteral("https://das.me-east-1.myhuaweicloud.com")},
    {QStringLiteral("af-south-1"), QStringLiteral("https://das.af-south-1.myhuaweicloud.com")},
    {QStringLiteral("af-north-1"), QStringLiteral("https://das.af-north-1.myhuaweicloud.com")},
    {QStringLiteral("sa-brazil-1"), QStringLiteral("https://das.sa-brazil-1.myhuaweicloud.com")},
    {QStringLiteral("na-mexico-1"), QStringLiteral("https://das.la-south-2.myhuaweicloud.com")}, // sic
};

// The table's own order, which the region list keeps.
QStringList sdkOrder()
{
    return {
        QStringLiteral("cn-south-1"),     QStringLiteral("cn-south-2"),     QStringLiteral("cn-north-1"),
        QStringLiteral("cn-north-4"),     QStringLiteral("cn-north-9"),     QStringLiteral("cn-east-2"),
        QStringLiteral("cn-east-3"),      QStringLiteral("cn-east-5"),      QStringLiteral("cn-south-4"),
        QStringLiteral("cn-southwest-2"), QStringLiteral("tr-west-1"),      QStringLiteral("ap-southeast-1"),
        QStringLiteral("ap-southeast-3"), QStringLiteral("ap-southeast-4"), QStringLiteral("me-east-1"),
        QStringLiteral("af-south-1"),     QStringLiteral("af-north-1"),     QStringLiteral("sa-brazil-1"),
        QStringLiteral("na-mexico-1")};
}

} // namespace

class TestEndpointResolver : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void regionsAreExactlyTheBuiltInList();
    void builtInRegion_data();
    void builtInRegion();
    void naMexicoIsServedFromLaSouth2();
    void overridesWinForNewRegions_data();
    void overridesWinForNewRegions();
    void environmentOverride();
    void environmentOverrideTakesFirstOfList();
    void environmentOverrideRejectsPlainHttp_data();
    void environmentOverrideRejectsPlainHttp();
    void regionsFileInHome();
    void regionsFileOverridesBuiltIn();
    void environmentBeatsRegionsFile();
    void regionsFileFromEnvironmentVariable();
    void regionsFileWithEndpointsList();
    void regionsFileMalformed_data();
    void regionsFileMalformed();
    void regionsFileWithoutRegionFallsThrough();
    void regionsFileOverTheLimitRefusedQuickly();
    void regionsFileThatIsAFifoRefusedWithoutBlocking();
    void controlCharactersFromTheFileAreNotEchoed_data();
    void controlCharactersFromTheFileAreNotEchoed();
    void regionsYamlFromBytes();
    void regionsYamlHostileInputNeverThrows_data();
    void regionsYamlHostileInputNeverThrows();
    void unknownRegionError();
    void emptyRegionError();
    void environmentVariableName_data();
    void environmentVariableName();

    void parseEndpoint_data();
    void parseEndpoint();

private:
    QProcessEnvironment envWithHome() const;

    QScopedPointer<QTemporaryDir> m_home;
};

void TestEndpointResolver::init()
{
    m_home.reset(new QTemporaryDir);
    QVERIFY(m_home->isValid());
}

QProcessEnvironment TestEndpointResolver::envWithHome() const
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), m_home->path());
    return env;
}

void TestEndpointResolver::regionsAreExactlyTheBuiltInList()
{
    QStringList ids;
    QSet<QString> names;
    const auto regions = EndpointResolver::regions();
    for (const auto& region : regions) {
        QVERIFY2(!region.name.isEmpty(), qPrintable(region.id));
        QVERIFY2(region.name != region.id, qPrintable(region.id));
        names.insert(region.name);
        ids.append(region.id);
    }
    QCOMPARE(ids, sdkOrder());
    QCOMPARE(ids.size(), 19);
    QStringList sorted = ids;
    sorted.sort();
    QCOMPARE(sorted, QStringList(kDasRegions.keys())); // QMap keys come sorted
    QCOMPARE(names.size(), ids.size());
    for (const QString& id : ids)
        QVERIFY(EndpointResolver::isKnownRegion(id));
    // Not DAS regions in the SDK table; la-south-2 is only na-mexico-1's host.
    for (const char* id : {"ap-southeast-2", "la-south-2", "la-north-2", "eu-west-0", "CN-NORTH-4", ""})
        QVERIFY2(!EndpointResolver::isKnownRegion(QLatin1String(id)), id);
}

void TestEndpointResolver::builtInRegion_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("expected");
    for (const QString& id : sdkOrder())
        QTest::newRow(qPrintable(id)) << id << kDasRegions.value(id);
    QTest::newRow("surrounding spaces")
        << QStringLiteral("  cn-north-4 ") << QStringLiteral("https://das.cn-north-4.myhuaweicloud.com");
}

void TestEndpointResolver::builtInRegion()
{
    QFETCH(QString, region);
    QFETCH(QString, expected);
    const auto result = EndpointResolver::resolveRegion(region, envWithHome());
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.endpoint, QUrl(expected));
    QCOMPARE(result.endpoint.toString(), expected);
    QCOMPARE(EndpointResolver::builtInEndpoint(region.trimmed()), QUrl(expected));
    QVERIFY(!result.source.isEmpty());
}

void TestEndpointResolver::naMexicoIsServedFromLaSouth2()
{
    const auto result = EndpointResolver::resolveRegion(QStringLiteral("na-mexico-1"), envWithHome());
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.endpoint.toString(), QStringLiteral("https://das.la-south-2.myhuaweicloud.com"));
    QVERIFY(!result.endpoint.host().contains(QStringLiteral("na-mexico")));
    // The host's own name is no region id of DAS's.
    QVERIFY(!EndpointResolver::resolveRegion(QStringLiteral("la-south-2"), envWithHome()).ok());
    QVERIFY(EndpointResolver::builtInEndpoint(QStringLiteral("la-south-2")).isEmpty());
}

void TestEndpointResolver::overridesWinForNewRegions_data()
{
    QTest::addColumn<QString>("region");
    QTest::newRow("na-mexico-1 (irregular host)") << QStringLiteral("na-mexico-1");
    QTest::newRow("ap-southeast-4") << QStringLiteral("ap-southeast-4");
    QTest::newRow("af-north-1") << QStringLiteral("af-north-1");
}

void TestEndpointResolver::overridesWinForNewRegions()
{
    QFETCH(QString, region);
    QVERIFY(EndpointResolver::isKnownRegion(region));

    // The regions file beats the built-in list...
    const QString path = m_home->path() + QStringLiteral("/.huaweicloud/regions.yaml");
    QVERIFY(writeFile(path,
                      "DAS:\n  - id: " + region.toLatin1() + "\n    endpoint: https://file.example.com/\n"));
    const auto fromFile = EndpointResolver::resolveRegion(region, envWithHome());
    QVERIFY2(fromFile.ok(), qPrintable(fromFile.error));
    QCOMPARE(fromFile.endpoint.toString(), QStringLiteral("https://file.example.com"));
    QVERIFY2(fromFile.source.contains(path), qPrintable(fromFile.source));

    // ...and the environment beats both.
    QProcessEnvironment env = envWithHome();
    const QString variable = EndpointResolver::environmentVariableFor(region);
    env.insert(variable, QStringLiteral("https://env.example.com"));
    const auto fromEnv = EndpointResolver::resolveRegion(region, env);
    QVERIFY2(fromEnv.ok(), qPrintable(fromEnv.error));
    QCOMPARE(fromEnv.endpoint.toString(), QStringLiteral("https://env.example.com"));
    QVERIFY2(fromEnv.source.contains(variable), qPrintable(fromEnv.source));
}

void TestEndpointResolver::environmentOverride()
{
    QProcessEnvironment env = envWithHome();
    env.insert(QStringLiteral("HUAWEICLOUD_SDK_REGION_DAS_CN_NORTH_4"),
               QStringLiteral("https://proxy.example.com"));
    const auto result = EndpointResolver::resolveRegion(QStringLiteral("cn-north-4"), env);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.endpoint, QUrl(QStringLiteral("https://proxy.example.com")));
    QVERIFY2(result.source.contains(QStringLiteral("HUAWEICLOUD_SDK_REGION_DAS_CN_NORTH_4")),
             qPrintable(result.source));

    // Another region is not affected.
    const auto other = EndpointResolver::resolveRegion(QStringLiteral("cn-north-1"), env);
    QVERIFY(other.ok());
    QCOMPARE(other.endpoint, QUrl(QStringLiteral("https://das.cn-north-1.myhuaweicloud.com")));

    // An override also makes an unknown region usable.
    env.insert(QStringLiteral("HUAWEICLOUD_SDK_REGION_DAS_AP_SOUTHEAST_2"),
               QStringLiteral("https://das.ap-southeast-2.myhuaweicloud.com/"));
    const auto unknown = EndpointResolver::resolveRegion(QStringLiteral("ap-southeast-2"), env);
    QVERIFY2(unknown.ok(), qPrintable(unknown.error));
    QCOMPARE(unknown.endpoint.toString(), QStringLiteral("https://das.ap-southeast-2.myhuaweicloud.com"));
}

void TestEndpointResolver::environmentOverrideTakesFirstOfList()
{
    QProcessEnvironment env = envWithHome();
    env.insert(QStringLiteral("HUAWEICLOUD_SDK_REGION_DAS_CN_EAST_3"),
               QStringLiteral(" https://a.example.com , https://b.example.com"));
    const auto result = EndpointResolver::resolveRegion(QStringLiteral("cn-east-3"), env);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.endpoint, QUrl(QStringLiteral("https://a.example.com")));
}

void TestEndpointResolver::environmentOverrideRejectsPlainHttp_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("ok");
    QTest::newRow("http non-loopback IP") << QStringLiteral("http://10.0.0.1") << false;
    QTest::newRow("http host name") << QStringLiteral("http://proxy.example.com") << false;
    QTest::newRow("http loopback") << QStringLiteral("http://127.0.0.1:8080") << true;
    QTest::newRow("ftp") << QStringLiteral("ftp://proxy.example.com") << false;
}

void TestEndpointResolver::environmentOverrideRejectsPlainHttp()
{
    QFETCH(QString, value);
    QFETCH(bool, ok);
    QProcessEnvironment env = envWithHome();
    env.insert(QStringLiteral("HUAWEICLOUD_SDK_REGION_DAS_CN_NORTH_4"), value);
    const auto result = EndpointResolver::resolveRegion(QStringLiteral("cn-north-4"), env);
    QCOMPARE(result.ok(), ok);
    if (!ok) {
        QVERIFY2(result.error.contains(QStringLiteral("HUAWEICLOUD_SDK_REGION_DAS_CN_NORTH_4")),
                 qPrintable(result.error));
        QVERIFY(result.endpoint.isEmpty());
    }
}

void TestEndpointResolver::regionsFileInHome()
{
    const QString path = m_home->path() + QStringLiteral("/.huaweicloud/regions.yaml");
    QVERIFY(writeFile(path, kApSoutheast2Yaml));
    QCOMPARE(EndpointResolver::regionsFilePath(envWithHome()), path);

    const auto result = EndpointResolver::resolveRegion(QStringLiteral("ap-southeast-2"), envWithHome());
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.endpoint, QUrl(QStringLiteral("https://das.ap-southeast-2.myhuaweicloud.com")));
    QVERIFY2(result.source.contains(path), qPrintable(result.source));
}

void TestEndpointResolver::regionsFileOverridesBuiltIn()
{
    QVERIFY(writeFile(m_home->path() + QStringLiteral("/.huaweicloud/regions.yaml"),
                      "DAS:\n  - id: cn-north-4\n    endpoint: https://das.internal.example.com/\n"));
    const auto result = EndpointResolver::resolveRegion(QStringLiteral("cn-north-4"), envWithHome());
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.endpoint.toString(), QStringLiteral("https://das.internal.example.com"));
}

void TestEndpointResolver::environmentBeatsRegionsFile()
{
    QVERIFY(writeFile(m_home->path() + QStringLiteral("/.huaweicloud/regions.yaml"), kApSoutheast2Yaml));
    QProcessEnvironment env = envWithHome();
    env.insert(QStringLiteral("HUAWEICLOUD_SDK_REGION_DAS_AP_SOUTHEAST_2"),
               QStringLiteral("https://env.example.com"));
    const auto result = EndpointResolver::resolveRegion(QStringLiteral("ap-southeast-2"), env);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.endpoint, QUrl(QStringLiteral("https://env.example.com")));
}

void TestEndpointResolver::regionsFileFromEnvironmentVariable()
{
    QTemporaryDir elsewhere;
    QVERIFY(elsewhere.isValid());
    const QString path = elsewhere.path() + QStringLiteral("/custom-regions.yaml");
    QVERIFY(writeFile(path, kApSoutheast2Yaml));
    // A different file in HOME must be ignored.
    QVERIFY(writeFile(m_home->path() + QStringLiteral("/.huaweicloud/regions.yaml"),
                      "DAS:\n  - id: ap-southeast-2\n    endpoint: https://wrong.example.com\n"));

    QProcessEnvironment env = envWithHome();
    env.insert(QStringLiteral("HUAWEICLOUD_SDK_REGIONS_FILE"), path);
    QCOMPARE(EndpointResolver::regionsFilePath(env), path);
    const auto result = EndpointResolver::resolveRegion(QStringLiteral("ap-southeast-2"), env);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.endpoint, QUrl(QStringLiteral("https://das.ap-southeast-2.myhuaweicloud.com")));
}

void TestEndpointResolver::regionsFileWithEndpointsList()
{
    QVERIFY(writeFile(m_home->path() + QStringLiteral("/.huaweicloud/regions.yaml"),
                      "ECS:\n  - id: x\n    endpoint: https://ecs.example.com\n"
                      "DAS:\n  - id: other\n    endpoint: https://other.example.com\n"
                      "  - id: ap-southeast-2\n    endpoints:\n      - https://first.example.com\n"
                      "      - https://second.example.com\n"));
    const auto result = EndpointResolver::resolveRegion(QStringLiteral("ap-southeast-2"), envWithHome());
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.endpoint, QUrl(QStringLiteral("https://first.example.com")));
}

void TestEndpointResolver::regionsFileMalformed_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("unclosed flow sequence") << QByteArrayLiteral("DAS: [ {id: ap-southeast-2, endpoint: x\n");
    QTest::newRow("bad indentation") << QByteArrayLiteral(
        "DAS:\n  - id: ap-southeast-2\n   endpoint: : https://x\n  bad: [\n");
    QTest::newRow("DAS is a scalar") << QByteArrayLiteral("DAS: https://das.example.com\n");
    QTest::newRow("DAS is a map") << QByteArrayLiteral("DAS:\n  ap-southeast-2: https://das.example.com\n");
    QTest::newRow("http endpoint in file")
        << QByteArrayLiteral("DAS:\n  - id: ap-southeast-2\n    endpoint: http://das.example.com\n");
}

void TestEndpointResolver::regionsFileMalformed()
{
    QFETCH(QByteArray, content);
    const QString path = m_home->path() + QStringLiteral("/.huaweicloud/regions.yaml");
    QVERIFY(writeFile(path, content));
    const auto result = EndpointResolver::resolveRegion(QStringLiteral("ap-southeast-2"), envWithHome());
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(path), qPrintable(result.error));
    QVERIFY(result.endpoint.isEmpty());
}

void TestEndpointResolver::regionsFileWithoutRegionFallsThrough()
{
    QVERIFY(writeFile(m_home->path() + QStringLiteral("/.huaweicloud/regions.yaml"), kApSoutheast2Yaml));
    const auto known = EndpointResolver::resolveRegion(QStringLiteral("cn-south-1"), envWithHome());
    QVERIFY2(known.ok(), qPrintable(known.error));
    QCOMPARE(known.endpoint, QUrl(QStringLiteral("https://das.cn-south-1.myhuaweicloud.com")));

    const auto unknown = EndpointResolver::resolveRegion(QStringLiteral("eu-west-0"), envWithHome());
    QVERIFY(!unknown.ok());
}

// A 60 MB file once cost 21 s and 2.4 GB: now it is not parsed at all.
void TestEndpointResolver::regionsFileOverTheLimitRefusedQuickly()
{
    const QString path = m_home->path() + QStringLiteral("/.huaweicloud/regions.yaml");
    QByteArray yaml = "DAS:\n";
    const QByteArray entry = "  - id: filler\n    endpoint: https://filler.example.com\n";
    while (yaml.size() < 8 * 1024 * 1024)
        yaml += entry;
    yaml += kApSoutheast2Yaml.mid(5);
    QVERIFY(writeFile(path, yaml));

    QElapsedTimer timer;
    timer.start();
    const auto result = EndpointResolver::resolveRegion(QStringLiteral("ap-southeast-2"), envWithHome());
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(!result.ok());
    QVERIFY(result.endpoint.isEmpty());
    QVERIFY2(result.error.contains(path) && result.error.contains(QStringLiteral("1 MiB")),
             qPrintable(result.error));
}

void TestEndpointResolver::regionsFileThatIsAFifoRefusedWithoutBlocking()
{
    QVERIFY(QDir().mkpath(m_home->path() + QStringLiteral("/.huaweicloud")));
    const QString path = m_home->path() + QStringLiteral("/.huaweicloud/regions.yaml");
    QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0); // and no writer, ever
    const auto result = std::make_shared<EndpointResolver::Result>();
    const QProcessEnvironment env = envWithHome();
    QVERIFY2(finishesWithin(5000,
                            [result, env] {
                                *result =
                                    EndpointResolver::resolveRegion(QStringLiteral("ap-southeast-2"), env);
                            }),
             "resolving the region blocked on the FIFO");
    QVERIFY(!result->ok());
    QVERIFY2(result->error.contains(path) && result->error.contains(QStringLiteral("not a regular file")),
             qPrintable(result->error));
}

void TestEndpointResolver::controlCharactersFromTheFileAreNotEchoed_data()
{
    QTest::addColumn<QByteArray>("endpoint");
    QTest::newRow("raw NUL") << QByteArray("https://das.example.com\0evil", 29);
    QTest::newRow("YAML escape \\0") << QByteArrayLiteral("\"https://das.example.com\\0evil\"");
    QTest::newRow("terminal escape") << QByteArrayLiteral("\"https://das\\e[2J.example.com\"");
    QTest::newRow("raw DEL and C1") << QByteArrayLiteral("\"https://das\x7F\xC2\x9B.example.com\"");
    QTest::newRow("bidi override") << QByteArrayLiteral("\"https://das\xE2\x80\xAE.example.com\"");
}

void TestEndpointResolver::controlCharactersFromTheFileAreNotEchoed()
{
    QFETCH(QByteArray, endpoint);
    const QString path = m_home->path() + QStringLiteral("/.huaweicloud/regions.yaml");
    QVERIFY(writeFile(path, "DAS:\n  - id: ap-southeast-2\n    endpoint: " + endpoint + "\n"));
    const auto result = EndpointResolver::resolveRegion(QStringLiteral("ap-southeast-2"), envWithHome());
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(path), qPrintable(result.error));
    QVERIFY2(!hasControlCharacter(result.error), qPrintable(result.error));
    QVERIFY2(!result.error.contains(QChar(0x202E)), qPrintable(result.error));
}

void TestEndpointResolver::regionsYamlFromBytes()
{
    QString error;
    QCOMPARE(EndpointResolver::endpointFromRegionsYaml(kApSoutheast2Yaml, QStringLiteral("ap-southeast-2"),
                                                       QStringLiteral("shown.yaml"), &error),
             QStringLiteral("https://das.ap-southeast-2.myhuaweicloud.com"));
    QVERIFY(error.isEmpty());
    QVERIFY(EndpointResolver::endpointFromRegionsYaml(kApSoutheast2Yaml, QStringLiteral("cn-north-9"),
                                                      QStringLiteral("shown.yaml"), &error)
                .isEmpty());
    QVERIFY(error.isEmpty());
    QVERIFY(EndpointResolver::endpointFromRegionsYaml(QByteArray(), QStringLiteral("x"), QStringLiteral("s"),
                                                      &error)
                .isEmpty());
    QVERIFY(error.isEmpty());
    QVERIFY(EndpointResolver::endpointFromRegionsYaml("DAS: [", QStringLiteral("x"),
                                                      QStringLiteral("shown.yaml"), &error)
                .isEmpty());
    QVERIFY2(error.contains(QStringLiteral("shown.yaml")), qPrintable(error));
}

void TestEndpointResolver::regionsYamlHostileInputNeverThrows_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::newRow("deep flow nesting") << QByteArray(200000, '[');
    QTest::newRow("deep block nesting") << QByteArray("a:\n").repeated(1) + QByteArray(" - ").repeated(20000);
    QTest::newRow("self-referencing alias") << QByteArrayLiteral("DAS: &a [*a]\n");
    QTest::newRow("alias to a map as id")
        << QByteArrayLiteral("x: &m {a: 1}\nDAS: [{id: *m, endpoint: e}]\n");
    QTest::newRow("id is a list") << QByteArrayLiteral("DAS: [{id: [x], endpoint: e}]\n");
    QTest::newRow("endpoint is a map") << QByteArrayLiteral("DAS: [{id: x, endpoint: {a: b}}]\n");
    QTest::newRow("endpoints are maps") << QByteArrayLiteral("DAS: [{id: x, endpoints: [{a: b}]}]\n");
    QTest::newRow("endpoint is null") << QByteArrayLiteral("DAS: [{id: x, endpoint: }]\n");
    QTest::newRow("root is a list") << QByteArrayLiteral("- DAS\n");
    QTest::newRow("root is a scalar") << QByteArrayLiteral("DAS\n");
    QTest::newRow("binary") << QByteArray("\xFF\xFE\0\x01\x80[{\"\0", 10);
    QTest::newRow("undefined alias") << QByteArrayLiteral("DAS: [*nothing]\n");
    QTest::newRow("many documents") << QByteArrayLiteral("---\nDAS: []\n---\nDAS: [}\n");
}

void TestEndpointResolver::regionsYamlHostileInputNeverThrows()
{
    QFETCH(QByteArray, yaml);
    QString error;
    const QString endpoint = EndpointResolver::endpointFromRegionsYaml(yaml, QStringLiteral("x"),
                                                                       QStringLiteral("shown.yaml"), &error);
    QVERIFY2(error.isEmpty() || error.contains(QStringLiteral("shown.yaml")), qPrintable(error));
    QVERIFY2(!hasControlCharacter(error), qPrintable(error));
    Q_UNUSED(endpoint);
}

void TestEndpointResolver::unknownRegionError()
{
    const auto result = EndpointResolver::resolveRegion(QStringLiteral("ap-southeast-2"), envWithHome());
    QVERIFY(!result.ok());
    QVERIFY(result.endpoint.isEmpty());
    QVERIFY2(result.error.contains(QStringLiteral("HUAWEICLOUD_SDK_REGION_DAS_AP_SOUTHEAST_2")),
             qPrintable(result.error));
    QVERIFY2(result.error.contains(QStringLiteral("ap-southeast-2")), qPrintable(result.error));
    QVERIFY2(result.error.contains(QStringLiteral("regions.yaml")), qPrintable(result.error));
    // The message lists the regions DAS serves, the new ones too.
    QVERIFY2(result.error.contains(QStringLiteral("na-mexico-1")) &&
                 result.error.contains(QStringLiteral("cn-north-9")),
             qPrintable(result.error));
}

void TestEndpointResolver::emptyRegionError()
{
    QVERIFY(!EndpointResolver::resolveRegion(QString(), envWithHome()).ok());
    QVERIFY(!EndpointResolver::resolveRegion(QStringLiteral("   "), envWithHome()).ok());
}

void TestEndpointResolver::environmentVariableName_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("expected");
    QTest::newRow("cn-north-4") << QStringLiteral("cn-north-4")
                                << QStringLiteral("HUAWEICLOUD_SDK_REGION_DAS_CN_NORTH_4");
    QTest::newRow("cn-southwest-2") << QStringLiteral("cn-southwest-2")
                                    << QStringLiteral("HUAWEICLOUD_SDK_REGION_DAS_CN_SOUTHWEST_2");
    QTest::newRow("tr-west-1") << QStringLiteral("tr-west-1")
                               << QStringLiteral("HUAWEICLOUD_SDK_REGION_DAS_TR_WEST_1");
    QTest::newRow("na-mexico-1") << QStringLiteral("na-mexico-1")
                                 << QStringLiteral("HUAWEICLOUD_SDK_REGION_DAS_NA_MEXICO_1");
}

void TestEndpointResolver::environmentVariableName()
{
    QFETCH(QString, region);
    QFETCH(QString, expected);
    QCOMPARE(EndpointResolver::environmentVariableFor(region), expected);
}

void TestEndpointResolver::parseEndpoint_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // empty: rejected

    QTest::newRow("https") << QStringLiteral("https://das.example.com")
                           << QStringLiteral("https://das.example.com");
    QTest::newRow("https trailing slash")
        << QStringLiteral("https://das.example.com/") << QStringLiteral("https://das.example.com");
    QTest::newRow("https base path") << QStringLiteral("https://proxy.example.com/das/")
                                     << QStringLiteral("https://proxy.example.com/das");
    QTest::newRow("https port") << QStringLiteral("https://das.example.com:8443")
                                << QStringLiteral("https://das.example.com:8443");
    QTest::newRow("surrounding spaces")
        << QStringLiteral("  https://das.example.com  ") << QStringLiteral("https://das.example.com");
    QTest::newRow("uppercase scheme")
        << QStringLiteral("HTTPS://das.example.com") << QStringLiteral("https://das.example.com");
    QTest::newRow("http 127.0.0.1:8080")
        << QStringLiteral("http://127.0.0.1:8080") << QStringLiteral("http://127.0.0.1:8080");
    QTest::newRow("http localhost") << QStringLiteral("http://localhost")
                                    << QStringLiteral("http://localhost");
    QTest::newRow("http LOCALHOST") << QStringLiteral("http://LOCALHOST:1")
                                    << QStringLiteral("http://localhost:1");
    QTest::newRow("http [::1]:9") << QStringLiteral("http://[::1]:9") << QStringLiteral("http://[::1]:9");
    QTest::newRow("http 127.0.0.2") << QStringLiteral("http://127.0.0.2")
                                    << QStringLiteral("http://127.0.0.2");

    QTest::newRow("http 10.0.0.1") << QStringLiteral("http://10.0.0.1") << QString();
    QTest::newRow("http example.com") << QStringLiteral("http://example.com") << QString();
    QTest::newRow("http localhost.example.com")
        << QStringLiteral("http://localhost.example.com") << QString();
    QTest::newRow("http 127.0.0.1.nip.io") << QStringLiteral("http://127.0.0.1.nip.io") << QString();
    QTest::newRow("http 0.0.0.0") << QStringLiteral("http://0.0.0.0") << QString();
    QTest::newRow("ftp") << QStringLiteral("ftp://das.example.com") << QString();
    QTest::newRow("file") << QStringLiteral("file:///etc/passwd") << QString();
    QTest::newRow("with query") << QStringLiteral("https://das.example.com/?a=1") << QString();
    QTest::newRow("with empty query") << QStringLiteral("https://das.example.com?") << QString();
    QTest::newRow("with fragment") << QStringLiteral("https://das.example.com/#x") << QString();
    QTest::newRow("with user info") << QStringLiteral("https://user:pw@das.example.com") << QString();
    QTest::newRow("with user name") << QStringLiteral("https://user@das.example.com") << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("spaces only") << QStringLiteral("   ") << QString();
    QTest::newRow("garbage") << QStringLiteral("not a url") << QString();
    QTest::newRow("host without scheme") << QStringLiteral("das.example.com") << QString();
    QTest::newRow("scheme only") << QStringLiteral("https://") << QString();
    QTest::newRow("bad port") << QStringLiteral("https://das.example.com:99999") << QString();
}

void TestEndpointResolver::parseEndpoint()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const auto result = EndpointResolver::parseEndpoint(text);
    if (expected.isEmpty()) {
        QVERIFY2(!result.ok(), qPrintable(result.endpoint.toString()));
        QVERIFY(!result.error.isEmpty());
        QVERIFY(result.endpoint.isEmpty());
    } else {
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.endpoint.toString(), expected);
        QVERIFY(!result.endpoint.toString().endsWith(u'/'));
        QVERIFY(!result.source.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestEndpointResolver)
#include "tst_endpointresolver.moc"
