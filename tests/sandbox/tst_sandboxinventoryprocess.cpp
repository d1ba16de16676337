// das-sandbox --inventory and --write-inventory as a process: the shipped sample loads and is served, a
// broken file is refused before listening, and what --write-inventory writes loads back.
#include "RawHttp.h"
#include "SandboxInventory.h"
#include "SandboxProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace das;
using namespace das::test;

namespace {

const QString SampleProject = QStringLiteral("3c9a7f1e5b2d4e6f8a0b1c2d3e4f5a6b");
const QString Ak = QStringLiteral("INVAK000000000000001");
const QString Sk = QStringLiteral("inventory-test-sk");

// The JSON answer of a GET signed with `ak`/`sk`; an empty object unless it is a 200.
QJsonObject signedGetJson(const QUrl& base, const QString& path, const QUrlQuery& query, const QString& ak,
                          const QString& sk)
{
    Credentials credentials;
    credentials.accessKey = ak;
    credentials.secretKey = sk;
    const RawResponse r = signedGet(base, path, query, credentials);
    return r.status == 200 ? QJsonDocument::fromJson(r.body).object() : QJsonObject();
}

} // namespace

class TestSandboxInventoryProcess : public QObject
{
    Q_OBJECT

private slots:
    // The sample file with custom keys from the environment: its instances and project are served.
    void sampleInventoryIsServed()
    {
        QProcessEnvironment env = cleanEnvironment();
        env.insert(QStringLiteral("DAS_SANDBOX_SK"), Sk);
        SandboxProcess sandbox(
            {QStringLiteral("--inventory"), QStringLiteral(DAS_SAMPLE_INVENTORY), QStringLiteral("--ak"), Ak},
            env);
        const QUrl url = sandbox.waitListening();
        QVERIFY2(url.isValid(), sandbox.output().constData());
        const QJsonObject list =
            signedGetJson(url, QStringLiteral("/v3/%1/instances").arg(SampleProject),
                          QUrlQuery(QStringLiteral("datastore_type=PostgreSQL")), Ak, Sk);
        QCOMPARE(list.value(QLatin1String("total_count")).toInt(), 1);
        const QJsonObject item = list.value(QLatin1String("instance_list")).toArray().first().toObject();
        QCOMPARE(item.value(QLatin1String("instance_name")).toString(), QStringLiteral("training-crm-pg"));
        const QJsonObject projects = signedGetJson(url, QStringLiteral("/v3/projects"),
                                                   QUrlQuery(QStringLiteral("name=cn-north-4")), Ak, Sk);
        QCOMPARE(projects.value(QLatin1String("projects"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("id"))
                     .toString(),
                 SampleProject);
        QVERIFY(sandbox.output().contains("8 instances"));
    }

    void invalidInventoryIsRefused()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("broken.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            R"({"project_id": "052041494800d57c2f02c00275b4c247", "instances": [{"instance_name": "x"}]})");
        file.close();
        for (const QString& path : {file.fileName(), QStringLiteral("/nonexistent/inventory.json")}) {
            SandboxProcess sandbox({QStringLiteral("--inventory"), path}, cleanEnvironment());
            QCOMPARE(sandbox.waitExitCode(), 2);
            QVERIFY2(sandbox.output().contains(path.toUtf8()), sandbox.output().constData());
            QVERIFY(!sandbox.output().contains("listening"));
        }
    }

    // What --write-inventory writes is the inventory in use, and it loads back unchanged.
    void writtenInventoryLoadsBack()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("inventory.json"));
        SandboxProcess writer({QStringLiteral("--write-inventory"), path}, cleanEnvironment());
        QCOMPARE(writer.waitExitCode(), 0);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString error;
        const std::optional<SandboxInventory> loaded = SandboxInventory::fromJson(file.readAll(), &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->toJson(), SandboxInventory::builtIn().toJson());
    }
};

QTEST_GUILESS_MAIN(TestSandboxInventoryProcess)
#include "tst_sandboxinventoryprocess.moc"
