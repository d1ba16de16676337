// connections, delete, reconcile and create --if-exists, with das-connect-cli and das-sandbox as real
// processes on 127.0.0.1. Connections "made by someone else" come from a --state file or from the CLI run
// with another HOME (another history); the sandbox's log lines are the record of what was sent.
#include "CliHarness.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {

const char* const DemoAk = "DASSANDBOXDEMOAK0001";
const char* const DemoSk = "sandbox-demo-secret-key-do-not-use-in-production";
const char* const Project = "052041494800d57c2f02c00275b4c247";
const char* const OtherProject = "152041494800d57c2f02c00275b4c247";
const char* const Instance = "bcfa975193f1402fa11a6d4fd6baf5fbin01";
const char* const GoneInstance = "ffffffffffffffffffffffffffffffffin01"; // not in the inventory

// "a b c" → {"a", "b", "c"}: the options of a command line, spelled as typed.
QStringList words(const char* text)
{
    return QString::fromLatin1(text).split(u' ', Qt::SkipEmptyParts);
}

QStringList target(const QUrl& url, const char* project = Project)
{
    return QStringList{QStringLiteral("--endpoint"), url.toString()} + words("--project-id") +
           QStringList{QLatin1String(project)};
}

QStringList createArgs(const QUrl& url, const QString& user, const QStringList& extra = {})
{
    return words("create --engine-type mysql --network-type rds --password-stdin --instance-id") +
           QStringList{QLatin1String(Instance), QStringLiteral("--username"), user} + target(url) + extra;
}

QJsonValue field(const QJsonObject& object, const char* name)
{
    return object.value(QLatin1String(name));
}

// One entry of the sandbox's state file (SandboxConnections), as if created on the console.
QJsonObject stateEntry(const QString& id, const QString& user, const QString& remarks,
                       const char* instance = Instance)
{
    QJsonObject entry{{QStringLiteral("connection_id"), id},
                      {QStringLiteral("user_name"), user},
                      {QStringLiteral("remarks"), remarks},
                      {QStringLiteral("instance_id"), QLatin1String(instance)},
                      {QStringLiteral("is_save_password"), false},
                      {QStringLiteral("port"), 3306},
                      {QStringLiteral("create_at"), double(QDateTime::currentMSecsSinceEpoch())}};
    const std::pair<const char*, const char*> text[] = {
        {"instance_name", "orders-db-prod-01"}, {"network_type", "rds"},     {"engine_type", "mysql"},
        {"datastore_version", "8.0"},           {"database_name", "orders"}, {"ip_address", "10.1.0.10"}};
    for (const auto& [name, value] : text)
        entry.insert(QLatin1String(name), QLatin1String(value));
    return entry;
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonDocument json(const CliHarness::Run& run)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON: %s / %s", run.out.constData(), run.err.constData());
    return doc;
}

QStringList strings(const QJsonValue& array)
{
    QStringList out;
    for (const QJsonValue& v : array.toArray())
        out.append(v.toString());
    return out;
}

} // namespace

class TestCliConnections : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CliHarness> h;
    QTemporaryDir m_dir;
    QTemporaryDir m_otherHome;

    // A sandbox whose state file holds `entries`.
    QUrl startWithState(const QJsonArray& entries, QStringList args = {})
    {
        const QString path = m_dir.filePath(newId() + QStringLiteral(".json"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(QJsonDocument(QJsonObject{{QStringLiteral("connections"), entries}}).toJson()) < 0)
            return {};
        file.close();
        return h->startSandbox(args << QStringLiteral("--state") << path);
    }

    // The CLI as another user of the same account: another HOME, so another history.
    CliHarness::Run asSomeoneElse(const QStringList& arguments, const QByteArray& stdinData = {})
    {
        return h->cliWithHome(m_otherHome.path(), arguments, stdinData);
    }

    // das-connect-cli with the target options of `url`.
    CliHarness::Run das(const QUrl& url, const QStringList& arguments, const QByteArray& stdinData = {})
    {
        return h->cli(arguments + target(url), stdinData);
    }

    // connection_id → item of `connections --json`.
    QHash<QString, QJsonObject> listed(const QUrl& url, const QStringList& extra = {})
    {
        const auto run = das(url, words("connections --json") + extra);
        QHash<QString, QJsonObject> items;
        if (run.exitCode != 0)
            qWarning("connections failed: %s", run.err.constData());
        for (const QJsonValue& v : json(run).array())
            items.insert(v.toObject().value(QStringLiteral("connection_id")).toString(), v.toObject());
        return items;
    }

    QList<QJsonObject> historyRows()
    {
        QList<QJsonObject> rows;
        for (const QJsonValue& v : json(h->cli(words("history --json"))).array())
            rows.append(v.toObject());
        return rows;
    }

    QString stateOf(const QString& connectionId)
    {
        for (const QJsonObject& row : historyRows()) {
            if (field(row, "connection_id").toString() == connectionId)
                return field(row, "state").toString();
        }
        return {};
    }

    // Create calls the sandbox has logged (waiting briefly for lines still on their way).
    int createCalls()
    {
        h->sandboxRequestCount();
        return int(h->sandboxOutput().count(" received POST "));
    }

    QString create(const QUrl& url, const char* user, const QStringList& extra = {})
    {
        return createdId(h->cli(createArgs(url, QLatin1String(user), extra), "pw\n"));
    }

    QString createAsSomeoneElse(const QUrl& url, const char* user)
    {
        return createdId(
            asSomeoneElse(createArgs(url, QLatin1String(user), words("--if-exists create")), "pw\n"));
    }

    QString createdId(const CliHarness::Run& run)
    {
        const QString id = QString::fromUtf8(run.out).trimmed();
        if (run.exitCode != 0 || QUuid::fromString(id).isNull())
            qWarning("create failed (%d): %s / %s", run.exitCode, run.out.constData(), run.err.constData());
        return id;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid() && m_otherHome.isValid());
        h = std::make_unique<CliHarness>();
        QVERIFY(h->isValid());
        h->environment().insert(QStringLiteral("HUAWEICLOUD_SDK_AK"), QLatin1String(DemoAk));
        h->environment().insert(QStringLiteral("HUAWEICLOUD_SDK_SK"), QLatin1String(DemoSk));
    }

    void cleanup() { h.reset(); }

    void connectionsMarksWhatThisHistoryCreated()
    {
        const QString direct = newId();
        const QString orphan = newId();
        const QUrl url =
            startWithState({stateEntry(direct, QStringLiteral("console"), QStringLiteral("alpha team")),
                            stateEntry(orphan, QStringLiteral("old"), QString(), GoneInstance)});
        QVERIFY(url.isValid());
        const QString mine = create(url, "mine");
        const QString theirs = createAsSomeoneElse(url, "theirs");
        QVERIFY(!mine.isEmpty() && !theirs.isEmpty());

        const QHash<QString, QJsonObject> items = listed(url);
        QCOMPARE(items.size(), 4);
        QCOMPARE(field(items.value(mine), "in_history"), QJsonValue(true));
        for (const QString& id : {theirs, direct, orphan})
            QCOMPARE(field(items.value(id), "in_history"), QJsonValue(false));
        const QJsonObject item = items.value(mine);
        QCOMPARE(field(item, "user_name").toString(), QStringLiteral("mine"));
        QCOMPARE(field(item, "instance_id").toString(), QLatin1String(Instance));
        QCOMPARE(field(item, "instance_name").toString(), QStringLiteral("orders-db-prod-01"));
        QCOMPARE(field(item, "status").toString(), QStringLiteral("NORMAL"));
        QVERIFY(field(item, "create_at").isDouble());
        QVERIFY(field(item, "port").isDouble());
        QCOMPARE(field(items.value(orphan), "status").toString(), QStringLiteral("INSTANCE_DELETE"));

        const auto table = das(url, words("connections"));
        QCOMPARE(table.exitCode, 0);
        const QList<QByteArray> lines = table.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 5);
        QVERIFY(lines.at(0).startsWith("CONNECTION ID"));
        for (const char* column : {"INSTANCE NAME", "ENGINE", "USER", "CREATED", "STATUS", "IN HISTORY"})
            QVERIFY2(lines.at(0).contains(column), column);
        for (const QByteArray& line : lines.mid(1)) {
            const bool isMine = line.startsWith(mine.toLatin1());
            QVERIFY2(line.trimmed().endsWith(isMine ? "yes" : "no"), line.constData());
            QCOMPARE(line.contains("INSTANCE_DELETE"), line.startsWith(orphan.toLatin1()));
        }
        QVERIFY2(table.err.contains("INSTANCE_DELETE"), table.err.constData());

        // The CLI does not filter by itself: only DAS's condition (or instance_id) can leave the rest out.
        QCOMPARE(listed(url, words("--filter ALPHA")).keys(), QStringList{direct});
        QCOMPARE(listed(url, words("--instance-id") << QLatin1String(GoneInstance)).keys(),
                 QStringList{orphan});
    }

    void connectionsReadsEveryPage()
    {
        constexpr int Count = 230; // more than the 200 of one page
        QJsonArray entries;
        for (int i = 0; i < Count; ++i)
            entries.append(stateEntry(newId(), QStringLiteral("user%1").arg(i), QString()));
        const QUrl url = startWithState(entries);
        QVERIFY(url.isValid());
        const QHash<QString, QJsonObject> items = listed(url);
        QCOMPARE(items.size(), Count);
        const QByteArray listCall = QByteArray(" received GET /v3/") + Project + "/list-connections";
        QVERIFY(h->waitForSandboxCount(listCall, 2));
        QCOMPARE(h->sandboxRequestCount(), 2);
    }

    void deleteByIdRemovesExactlyThose()
    {
        QStringList ids;
        QJsonArray entries;
        for (int i = 0; i < 5; ++i) {
            ids.append(newId());
            entries.append(stateEntry(ids.last(), QStringLiteral("u%1").arg(i), QString()));
        }
        const QUrl url = startWithState(entries);
        QVERIFY(url.isValid());
        const auto run =
            das(url, QStringList{QStringLiteral("delete"), ids.at(1), ids.at(3)} + words("--yes --json"));
        QCOMPARE(run.exitCode, 0);
        const QJsonObject result = json(run).object();
        QCOMPARE(strings(field(result, "deleted")), (QStringList{ids.at(1), ids.at(3)}));
        QVERIFY(strings(field(result, "uncertain")).isEmpty());
        QVERIFY(strings(field(result, "not_sent")).isEmpty());
        const QHash<QString, QJsonObject> left = listed(url);
        QCOMPARE(QSet<QString>(left.keyBegin(), left.keyEnd()),
                 (QSet<QString>{ids.at(0), ids.at(2), ids.at(4)}));

        // An ID DAS does not hold is reported and not sent; the others still go.
        const QString unknown = newId();
        const auto mixed =
            das(url, QStringList{QStringLiteral("delete"), ids.at(0), unknown, QStringLiteral("--yes")});
        QCOMPARE(mixed.exitCode, 4);
        QVERIFY(mixed.out.contains(QByteArray("deleted: " + ids.at(0).toLatin1())));
        QVERIFY(mixed.err.contains(unknown.toLatin1()));
        QCOMPARE(listed(url).keys().size(), 2);
    }

    void deleteAsksOnTerminalElseNeedsYes()
    {
        const QString id = newId();
        const QUrl url = startWithState({stateEntry(id, QStringLiteral("asked-user"), QString())});
        QVERIFY(url.isValid());
        const QStringList args = words("delete") << id << target(url);
        // No terminal (a pipe) and no --yes: refused before anything is sent.
        const auto refused = h->cli(args);
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("--yes"), refused.err.constData());
        QCOMPARE(h->sandboxRequestCount(), 0);

        const auto no = h->cliOnTerminal(args, "n\n");
        if (no.exitCode == -1)
            QSKIP("no pseudo-terminal here");
        QCOMPARE(no.exitCode, 1);
        QVERIFY2(no.err.contains("Delete 1 connection"), no.err.constData());
        QVERIFY(no.err.contains("[y/N]"));
        // The confirmation names the instance and the user.
        QVERIFY(no.err.contains("orders-db-prod-01"));
        QVERIFY(no.err.contains("asked-user"));
        QVERIFY(listed(url).contains(id));

        const auto yes = h->cliOnTerminal(args, "y\n");
        QCOMPARE(yes.exitCode, 0);
        QVERIFY(yes.out.contains(QByteArray("deleted: " + id.toLatin1())));
        QVERIFY(!listed(url).contains(id));
    }

    void deleteCreatedSinceTakesOnlyWhatThisHistoryCreated()
    {
        const QUrl url = h->startSandbox();
        QVERIFY(url.isValid());
        const QString before = create(url, "before");
        const QDateTime since = QDateTime::currentDateTimeUtc();
        const QString mine = create(url, "mine");
        const QString gone = create(url, "gone");
        const QString theirs = createAsSomeoneElse(url, "theirs");
        // Deleted behind this history's back: the plan reports it as already gone.
        QCOMPARE(
            asSomeoneElse(QStringList{QStringLiteral("delete"), gone, QStringLiteral("--yes")} + target(url))
                .exitCode,
            0);

        const auto run =
            das(url, words("delete --yes --json --created-since") << since.toString(Qt::ISODateWithMs));
        QCOMPARE(run.exitCode, 0);
        const QJsonObject result = json(run).object();
        QCOMPARE(strings(field(result, "deleted")), QStringList{mine});
        QCOMPARE(strings(field(result, "already_gone")), QStringList{gone});
        const QHash<QString, QJsonObject> left = listed(url);
        QCOMPARE(QSet<QString>(left.keyBegin(), left.keyEnd()), (QSet<QString>{before, theirs}));
        QCOMPARE(stateOf(mine), QStringLiteral("deleted"));
        QCOMPARE(stateOf(gone), QStringLiteral("deleted"));
        QCOMPARE(stateOf(before), QStringLiteral("created"));

        // Nothing left to delete since then: said, and exit 0.
        const auto again =
            das(url, words("delete --yes --created-since") << since.toString(Qt::ISODateWithMs));
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.err.contains("Nothing to delete"), again.err.constData());
        QVERIFY(again.out.isEmpty());
        QCOMPARE(listed(url).size(), 2);
    }

    void createIfExists()
    {
        const QUrl url = h->startSandbox();
        QVERIFY(url.isValid());
        const QString first = create(url, "root");
        QVERIFY(!first.isEmpty());

        const auto refused = h->cli(createArgs(url, QStringLiteral("root")), "pw\n");
        QCOMPARE(refused.exitCode, 4);
        QVERIFY(refused.out.isEmpty());
        QVERIFY2(refused.err.contains(first.toLatin1()), refused.err.constData());
        QVERIFY(refused.err.contains("--if-exists skip") && refused.err.contains("--if-exists create"));
        QVERIFY(refused.err.contains("checking for an existing connection"));
        QCOMPARE(createCalls(), 1);

        const auto skipped =
            h->cli(createArgs(url, QStringLiteral("root"), words("--if-exists skip --json")), "pw\n");
        QCOMPARE(skipped.exitCode, 0);
        const QJsonObject object = json(skipped).object();
        QCOMPARE(field(object, "connection_id").toString(), first);
        QCOMPARE(field(object, "existing"), QJsonValue(true));
        QCOMPARE(createCalls(), 1);

        const QString second = create(url, "root", words("--if-exists create"));
        QVERIFY(!second.isEmpty() && second != first);
        QCOMPARE(listed(url).size(), 2);
    }

    void lostAnswerIsConfirmedOnDas()
    {
        const QUrl url = h->startSandbox(words("--mode lost"));
        QVERIFY(url.isValid());
        const auto run = h->cli(createArgs(url, QStringLiteral("root"), words("--json")), "pw\n");
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject object = json(run).object();
        const QString id = field(object, "connection_id").toString();
        QVERIFY(!QUuid::fromString(id).isNull());
        QCOMPARE(field(object, "reconciled"), QJsonValue(true));
        QVERIFY(run.err.contains("answer lost; asking DAS whether it was created (look 1 of"));
        QVERIFY(h->waitForSandboxOutput(" received POST "));
        QCOMPARE(createCalls(), 1);
        QCOMPARE(stateOf(id), QStringLiteral("created"));
        QCOMPARE(listed(url).value(id).value(QStringLiteral("in_history")), QJsonValue(true));
    }

    void refusedLostIsSafeToRetry()
    {
        const QUrl url = h->startSandbox(words("--mode refused-lost"));
        QVERIFY(url.isValid());
        const auto run = h->cli(createArgs(url, QStringLiteral("root")), "pw\n");
        QCOMPARE(run.exitCode, 5);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains("safe"), run.err.constData());
        const QList<QJsonObject> rows = historyRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).value(QStringLiteral("state")).toString(), QStringLiteral("not_created"));
        QVERIFY(h->waitForSandboxOutput(" received POST "));
        QCOMPARE(createCalls(), 1);
    }

    void reconcileSettlesPendingRows();
    void newVerbsNeverPrintTheSecretKey();
};

// Creates killed while DAS held their request leave pending rows; reconcile then asks DAS about each.
void TestCliConnections::reconcileSettlesPendingRows()
{
    const QUrl hanging = h->startSandbox(words("--mode hang --any-ids --port 0"));
    QVERIFY(hanging.isValid());
    int posts = 0;
    auto killedCreate = [&](const QString& user, const char* project) {
        QStringList args = createArgs(hanging, user, words("--if-exists create"));
        args[args.indexOf(QStringLiteral("--project-id")) + 1] = QLatin1String(project);
        auto process = h->startCli(args, "pw\n");
        const bool sent = h->waitForSandboxCount(" received POST ", ++posts);
        process->kill();
        process->waitForFinished();
        return sent;
    };
    for (const char* user : {"a", "b", "c"})
        QVERIFY(killedCreate(QLatin1String(user), Project));
    QVERIFY(killedCreate(QStringLiteral("d"), OtherProject)); // another target: skipped
    QCOMPARE(historyRows().size(), 4);
    QCOMPARE(field(historyRows().constFirst(), "state").toString(), QStringLiteral("pending"));

    // The same endpoint, answering now; someone else creates a's connection once and c's twice.
    const QUrl url = h->startSandbox(words("--port") << QString::number(hanging.port()));
    QCOMPARE(url, hanging);
    // startSandbox() also sees the first sandbox's banner in the output it keeps: wait for the second one.
    QVERIFY(h->waitForSandboxCount("listening on", 2));
    const QString a = createAsSomeoneElse(url, "a");
    QStringList c;
    for (int i = 0; i < 2; ++i)
        c << createAsSomeoneElse(url, "c");
    c.sort();

    const auto text = das(url, words("reconcile"));
    QVERIFY2(text.exitCode == 0, text.err.constData());
    QVERIFY2(text.out.contains(QByteArray("created (confirmed on DAS): " + a.toLatin1())),
             text.out.constData());
    QVERIFY(text.out.contains("user b, database -): not created, safe to create again"));
    QVERIFY(text.out.contains("user c, database -): several candidates on DAS: "));
    QVERIFY(text.out.contains(c.at(0).toLatin1()) && text.out.contains(c.at(1).toLatin1()));
    QVERIFY(text.out.contains("Skipped 1 unresolved row(s) of other targets"));
    QCOMPARE(stateOf(a), QStringLiteral("created"));

    // Only c is left to look at (unknown now), and d is still someone else's target.
    const auto again = das(url, words("reconcile --json"));
    QCOMPARE(again.exitCode, 0);
    const QJsonObject result = json(again).object();
    QCOMPARE(field(result, "skipped").toInt(), 1);
    const QJsonArray rows = field(result, "rows").toArray();
    QCOMPARE(rows.size(), 1);
    const QJsonObject row = rows.at(0).toObject();
    QCOMPARE(field(row, "verdict").toString(), QStringLiteral("ambiguous"));
    QCOMPARE(field(row, "user_name").toString(), QStringLiteral("c"));
    QCOMPARE(field(row, "instance_id").toString(), QLatin1String(Instance));
    QStringList candidates = strings(field(row, "candidates"));
    candidates.sort();
    QCOMPARE(candidates, c);
    QVERIFY(field(row, "history_id").toInteger() > 0);

    QMap<QString, QString> states;
    for (const QJsonObject& r : historyRows())
        states.insert(field(r, "username").toString(), field(r, "state").toString());
    QCOMPARE(states.value(QStringLiteral("b")), QStringLiteral("not_created"));
    QCOMPARE(states.value(QStringLiteral("c")), QStringLiteral("unknown"));
    QCOMPARE(states.value(QStringLiteral("d")), QStringLiteral("pending"));
    // Reconciling only reads: no create was sent after the four killed ones and the three of someone else.
    // (The harness keeps the output of both sandboxes.)
    QVERIFY(h->waitForSandboxCount(" received POST ", 4 + 3));
    QCOMPARE(createCalls(), 4 + 3);
}

void TestCliConnections::newVerbsNeverPrintTheSecretKey()
{
    const QByteArray sk = "CANARY-sk-connections-91c";
    const QUrl url = h->startSandbox(words("--ak") << QLatin1String(DemoAk), sk);
    QVERIFY(url.isValid());
    h->environment().insert(QStringLiteral("HUAWEICLOUD_SDK_SK"), QString::fromLatin1(sk));
    QList<CliHarness::Run> runs;
    runs << h->cli(createArgs(url, QStringLiteral("root")), "pw\n");
    const QString id = createdId(runs.last());
    runs << das(url, words("connections"));
    runs << das(url, words("reconcile"));
    runs << das(url, QStringList{QStringLiteral("delete"), id, QStringLiteral("--yes")});
    QCOMPARE(runs.last().exitCode, 0);
    h->environment().insert(QStringLiteral("HUAWEICLOUD_SDK_SK"), QStringLiteral("CANARY-wrong-sk"));
    runs << das(url, words("connections"));
    QCOMPARE(runs.last().exitCode, 3);
    for (const CliHarness::Run& run : runs) {
        QVERIFY(!run.out.contains(sk) && !run.err.contains(sk));
        QVERIFY(!run.out.contains("CANARY-wrong-sk") && !run.err.contains("CANARY-wrong-sk"));
    }
    QVERIFY(h->filesContaining(sk).isEmpty());
}

QTEST_GUILESS_MAIN(TestCliConnections)
#include "tst_cli_connections.moc"
