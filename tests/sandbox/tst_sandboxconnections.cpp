// The connections the sandbox keeps: ListConnections (fields, order, paging, filters),
// BatchDeleteConnectionNew (SDK and Terraform bodies, delete_all and unknown IDs refused), the lost and
// refused-lost fault modes, and the signature on both calls.
#include "RawHttp.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace das;
using namespace das::test;

namespace {

const QString Project = QLatin1String(SandboxOptions::DemoProjectId);
// Accepted for create but not in the inventory: its connections are INSTANCE_DELETE.
const QString CreateOnly = QStringLiteral("6f5c3a1e9b0d4c2a8e7f1b3d5c9a0e2fin01");

QString listPath()
{
    return QStringLiteral("/v3/%1/list-connections").arg(Project);
}
QString deletePath()
{
    return QStringLiteral("/v3/%1/batch-delete-connections").arg(Project);
}

QJsonObject json(const RawResponse& r)
{
    return QJsonDocument::fromJson(r.body).object();
}

QUrlQuery query(const QList<QPair<QString, QString>>& items)
{
    QUrlQuery q;
    q.setQueryItems(items);
    return q;
}

QStringList idsOf(const QJsonObject& list)
{
    QStringList ids;
    for (const QJsonValue& item : list.value(QLatin1String("das_conn_info_list")).toArray())
        ids.append(item.toObject().value(QLatin1String("connection_id")).toString());
    return ids;
}

} // namespace

class TestSandboxConnections : public QObject, public SandboxFixture
{
    Q_OBJECT

    QStringList m_created; // oldest first

    // Creates `request` and returns its ID (empty if refused).
    QString create(const ConnectionRequest& request)
    {
        const RawResponse r = exchange(m_server->port(), signedCreateOf(m_server->url(), request));
        return json(r).value(QLatin1String("connection_id")).toString();
    }

    QJsonObject list(const QUrlQuery& q = {})
    {
        const RawResponse r = signedGet(m_server->url(), listPath(), q);
        if (r.status != 200)
            qWarning("list answered %d: %s", r.status, r.body.constData());
        return json(r);
    }

private slots:
    void init()
    {
        startSandbox();
        ConnectionRequest first = validRequest();
        first.remarks = QStringLiteral("Orders primary");
        first.databaseName = QStringLiteral("orders");
        first.isSavePassword = true;
        ConnectionRequest second = validRequest();
        second.instanceId = CreateOnly;
        second.username = QStringLiteral("Reporter");
        second.remarks = QStringLiteral("reports");
        ConnectionRequest third = validRequest();
        third.remarks = QStringLiteral("audit trail");
        m_created.clear();
        for (const ConnectionRequest& r : {first, second, third}) {
            const QString id = create(r);
            QVERIFY(!id.isEmpty());
            m_created.append(id);
        }
    }

    void cleanup() { resetFixture(); }

    void listsEveryFieldNewestFirst()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QJsonObject all = list();
        QCOMPARE(all.value(QLatin1String("total_record")).toInt(), 3);
        QCOMPARE(idsOf(all), (QStringList{m_created.at(2), m_created.at(1), m_created.at(0)}));
        const QJsonArray items = all.value(QLatin1String("das_conn_info_list")).toArray();
        const QJsonObject oldest = items.at(2).toObject();
        QStringList keys = oldest.keys();
        keys.sort();
        QCOMPARE(keys, (QStringList{QStringLiteral("conn_share_type"), QStringLiteral("connection_id"),
                                    QStringLiteral("create_at"), QStringLiteral("database_name"),
                                    QStringLiteral("datastore_version"), QStringLiteral("engine_type"),
                                    QStringLiteral("instance_id"), QStringLiteral("instance_name"),
                                    QStringLiteral("ip_address"), QStringLiteral("is_save_password"),
                                    QStringLiteral("network_type"), QStringLiteral("port"),
                                    QStringLiteral("remarks"), QStringLiteral("status"),
                                    QStringLiteral("user_name")}));
        const SandboxInventory::Instance* demo = SandboxInventory::builtIn().find(validRequest().instanceId);
        QVERIFY(demo);
        QCOMPARE(oldest.value(QLatin1String("instance_id")).toString(), demo->id());
        QCOMPARE(oldest.value(QLatin1String("instance_name")).toString(), demo->name());
        QCOMPARE(oldest.value(QLatin1String("network_type")).toString(), QStringLiteral("rds"));
        QCOMPARE(oldest.value(QLatin1String("engine_type")).toString(), QStringLiteral("mysql"));
        QCOMPARE(oldest.value(QLatin1String("datastore_version")).toString(),
                 demo->item.value(QLatin1String("version")).toString());
        QCOMPARE(oldest.value(QLatin1String("user_name")).toString(), QStringLiteral("root"));
        QCOMPARE(oldest.value(QLatin1String("database_name")).toString(), QStringLiteral("orders"));
        QCOMPARE(oldest.value(QLatin1String("is_save_password")).toBool(), true);
        QCOMPARE(oldest.value(QLatin1String("ip_address")).toString(),
                 demo->item.value(QLatin1String("ip")).toString());
        QCOMPARE(oldest.value(QLatin1String("port")), QJsonValue(3306));
        QCOMPARE(oldest.value(QLatin1String("remarks")).toString(), QStringLiteral("Orders primary"));
        const qint64 createAt = qint64(oldest.value(QLatin1String("create_at")).toDouble());
        QVERIFY(createAt <= now && createAt > now - 60 * 1000);
        QCOMPARE(oldest.value(QLatin1String("status")).toString(), QStringLiteral("NORMAL"));
        QCOMPARE(oldest.value(QLatin1String("conn_share_type")).toString(), QStringLiteral("NORMAL"));
        const QJsonObject orphan = items.at(1).toObject();
        QCOMPARE(orphan.value(QLatin1String("status")).toString(), QStringLiteral("INSTANCE_DELETE"));
        QCOMPARE(orphan.value(QLatin1String("instance_name")).toString(), QString());
    }

    void pagesFiltersAndTypes()
    {
        const QStringList newest = {m_created.at(2), m_created.at(1), m_created.at(0)};
        const QJsonObject first = list(query({{QStringLiteral("limit"), QStringLiteral("2")}}));
        const QJsonObject second = list(query({{QStringLiteral("limit"), QStringLiteral("2")},
                                               {QStringLiteral("offset"), QStringLiteral("2")}}));
        QCOMPARE(first.value(QLatin1String("total_record")).toInt(), 3);
        QCOMPARE(second.value(QLatin1String("total_record")).toInt(), 3);
        QCOMPARE(idsOf(first) + idsOf(second), newest);
        // condition: case-insensitive over address, instance name, remarks and user name.
        QCOMPARE(idsOf(list(query({{QStringLiteral("condition"), QStringLiteral("AUDIT")}}))),
                 QStringList{m_created.at(2)});
        QCOMPARE(idsOf(list(query({{QStringLiteral("condition"), QStringLiteral("reporter")}}))),
                 QStringList{m_created.at(1)});
        const QString name = SandboxInventory::builtIn().find(validRequest().instanceId)->name();
        QCOMPARE(idsOf(list(query({{QStringLiteral("condition"), name.toUpper()}}))),
                 (QStringList{m_created.at(2), m_created.at(0)}));
        QCOMPARE(idsOf(list(query({{QStringLiteral("instance_id"), CreateOnly}}))),
                 QStringList{m_created.at(1)});
        QCOMPARE(idsOf(list(query({{QStringLiteral("connection_type"), QStringLiteral("NORMAL")}}))), newest);
        const QJsonObject shared =
            list(query({{QStringLiteral("connection_type"), QStringLiteral("SHARE")}}));
        QCOMPARE(shared.value(QLatin1String("total_record")).toInt(), 0);
        QVERIFY(shared.value(QLatin1String("das_conn_info_list")).toArray().isEmpty());
    }

    void badParametersAreRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::newRow("limit 0") << "limit"
                                 << "0";
        QTest::newRow("limit 201") << "limit"
                                   << "201";
        QTest::newRow("offset -1") << "offset"
                                   << "-1";
        QTest::newRow("type") << "connection_type"
                              << "ALL";
    }

    void badParametersAreRefused()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        const RawResponse r = signedGet(m_server->url(), listPath(), query({{name, value}}));
        QCOMPARE(r.status, 400);
        QCOMPARE(json(r).value(QLatin1String("error_code")).toString(), QStringLiteral("DAS.200100"));
    }

    void deletesWithEitherBody()
    {
        const QByteArray sdk = "{\"delete_all\":false,\"connection_ids\":[{\"connection_id\":\"" +
                               m_created.at(1).toLatin1() + "\"}]}";
        RawResponse r = signedSend(m_server->url(), "DELETE", deletePath(), sdk);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("{\"status\":true}"));
        QCOMPARE(idsOf(list()), (QStringList{m_created.at(2), m_created.at(0)}));
        const QByteArray terraform = "{\"connection_ids\":[\"" + m_created.at(0).toLatin1() + "\"]}";
        r = signedSend(m_server->url(), "DELETE", deletePath(), terraform);
        QCOMPARE(r.status, 200);
        QCOMPARE(idsOf(list()), QStringList{m_created.at(2)});
        QCOMPARE(m_server->connections().all().size(), 1);
    }

    void deleteAllAndUnknownIdsAreRefused()
    {
        const QByteArray all = "{\"delete_all\":true,\"connection_ids\":[{\"connection_id\":\"" +
                               m_created.at(0).toLatin1() + "\"}]}";
        RawResponse r = signedSend(m_server->url(), "DELETE", deletePath(), all);
        QCOMPARE(r.status, 400);
        QVERIFY(!r.body.contains(m_created.at(0).toLatin1()));
        const QByteArray unknown = "{\"delete_all\":false,\"connection_ids\":[{\"connection_id\":\"" +
                                   m_created.at(0).toLatin1() +
                                   "\"},{\"connection_id\":\"no-such-connection-4f50\"}]}";
        r = signedSend(m_server->url(), "DELETE", deletePath(), unknown);
        QCOMPARE(r.status, 400);
        QCOMPARE(json(r).value(QLatin1String("error_code")).toString(), QStringLiteral("DAS.200100"));
        QVERIFY(!r.body.contains("no-such-connection"));
        QVERIFY(!r.body.contains(m_created.at(0).toLatin1()));
        for (const QByteArray& body : {QByteArray("{}"), QByteArray("{\"connection_ids\":[]}"),
                                       QByteArray("{\"connection_ids\":[7]}"), QByteArray("[]")})
            QCOMPARE(signedSend(m_server->url(), "DELETE", deletePath(), body).status, 400);
        // All or nothing: the known ID of the refused batch is still there.
        QCOMPARE(list().value(QLatin1String("total_record")).toInt(), 3);
    }

    void lostIsCreatedRefusedLostIsNot()
    {
        m_server->setMode(SandboxOptions::Mode::Lost);
        RawResponse r = exchange(m_server->port(), signedCreateOf(m_server->url(), validRequest()));
        QCOMPARE(r.status, 0);
        QVERIFY(r.raw.isEmpty());
        // Reads still answer in this mode, so a client can reconcile.
        const QJsonObject afterLost = list();
        QCOMPARE(afterLost.value(QLatin1String("total_record")).toInt(), 4);
        const QString lostId = idsOf(afterLost).constFirst();
        QVERIFY(!m_created.contains(lostId));
        QCOMPARE(m_server->issuedConnectionIds().constLast(), lostId);

        m_server->setMode(SandboxOptions::Mode::RefusedLost);
        r = exchange(m_server->port(), signedCreateOf(m_server->url(), validRequest()));
        QCOMPARE(r.status, 0);
        QVERIFY(r.raw.isEmpty());
        const QJsonObject afterRefused = list();
        QCOMPARE(afterRefused.value(QLatin1String("total_record")).toInt(), 4);
        QCOMPARE(idsOf(afterRefused).constFirst(), lostId);
        QVERIFY(SandboxOptions::modeNames().contains(QStringLiteral("lost")));
        QVERIFY(SandboxOptions::modeNames().contains(QStringLiteral("refused-lost")));
    }

    void wrongSignaturesAreRefused()
    {
        Credentials wrong = demoCredentials();
        wrong.secretKey = QStringLiteral("not-the-sandbox-secret-key");
        RawResponse r = signedGet(m_server->url(), listPath(), {}, wrong);
        QCOMPARE(r.status, 401);
        QCOMPARE(json(r).value(QLatin1String("error_code")).toString(), QStringLiteral("APIGW.0301"));
        const QByteArray body = "{\"connection_ids\":[\"" + m_created.at(0).toLatin1() + "\"]}";
        r = signedSend(m_server->url(), "DELETE", deletePath(), body, wrong);
        QCOMPARE(r.status, 401);
        QCOMPARE(list().value(QLatin1String("total_record")).toInt(), 3);
    }

    void deleteBodyIsSigned()
    {
        // Signed over one body, sent with another of the same length: refused, and nothing deleted.
        const QByteArray signedBody = "{\"connection_ids\":[\"" + m_created.at(0).toLatin1() + "\"]}";
        const QByteArray sentBody = "{\"connection_ids\":[\"" + m_created.at(1).toLatin1() + "\"]}";
        QCOMPARE(sentBody.size(), signedBody.size());
        QUrl url = m_server->url();
        url.setPath(deletePath());
        const QByteArray date = AkSkSigner::formatDate(QDateTime::currentDateTimeUtc());
        const auto parts =
            AkSkSigner::sign(SandboxOptions::DemoAccessKey, SandboxOptions::DemoSecretKey, "DELETE", url,
                             {{QByteArrayLiteral("Content-Type"), "application/json"},
                              {QByteArrayLiteral("X-Sdk-Date"), date}},
                             signedBody);
        const QByteArray tampered =
            "DELETE " + deletePath().toLatin1() + " HTTP/1.1\r\nHost: " + AkSkSigner::hostHeader(url) +
            "\r\nContent-Type: application/json\r\nX-Sdk-Date: " + date +
            "\r\nAuthorization: " + parts.authorization +
            "\r\nContent-Length: " + QByteArray::number(sentBody.size()) + "\r\n\r\n" + sentBody;
        QCOMPARE(exchange(m_server->port(), tampered).status, 401);
        QCOMPARE(list().value(QLatin1String("total_record")).toInt(), 3);
        QCOMPARE(signedSend(m_server->url(), "DELETE", deletePath(), signedBody).status, 200);
        QCOMPARE(idsOf(list()), (QStringList{m_created.at(2), m_created.at(1)}));
    }

    void stateSurvivesARestart()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SandboxOptions options;
        options.stateFile = dir.filePath(QStringLiteral("state.json"));
        startSandbox(options);
        QCOMPARE(list().value(QLatin1String("total_record")).toInt(), 0);
        const QString kept = create(validRequest());
        const QString deleted = create(validRequest());
        QVERIFY(!kept.isEmpty() && !deleted.isEmpty());
        const QByteArray body = "{\"connection_ids\":[\"" + deleted.toLatin1() + "\"]}";
        QCOMPARE(signedSend(m_server->url(), "DELETE", deletePath(), body).status, 200);
        const QJsonObject before = list();
        QCOMPARE(QFile::permissions(options.stateFile) & ~(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                           QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::Permissions());

        resetFixture();
        startSandbox(options);
        QCOMPARE(list(), before);
        QCOMPARE(idsOf(before), QStringList{kept});

        // A state file that is not ours is refused, not overwritten.
        resetFixture();
        QFile file(options.stateFile);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("{\"connections\": [{\"connection_id\": 7}]}");
        file.close();
        SandboxServer refused(options);
        QString error;
        QVERIFY(!refused.start(&error));
        QVERIFY2(error.contains(QStringLiteral("entry 1")), qPrintable(error));
    }
};

QTEST_MAIN(TestSandboxConnections)
#include "tst_sandboxconnections.moc"
