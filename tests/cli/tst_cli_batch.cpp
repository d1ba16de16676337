// batch plan and batch apply, with das-connect-cli and das-sandbox as real processes on 127.0.0.1. What was
// created is counted on the sandbox (`connections --json`, and its log of create calls), never trusted from
// the CLI's own words. Batch, passwords and report files live outside HOME, so that the canary scans of HOME
// only see what the CLI itself wrote there.
#include "CliHarness.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/types.h>
#endif

namespace {

const char* const DemoAk = "DASSANDBOXDEMOAK0001";
const char* const DemoSk = "sandbox-demo-secret-key-do-not-use-in-production";
const char* const Project = "052041494800d57c2f02c00275b4c247";
const char* const Instance = "bcfa975193f1402fa11a6d4fd6baf5fbin01"; // orders-db-prod-01
const char* const InstanceName = "orders-db-prod-01";

QStringList words(const char* text)
{
    return QString::fromLatin1(text).split(u' ', Qt::SkipEmptyParts);
}

QStringList target(const QUrl& url)
{
    return QStringList{QStringLiteral("--endpoint"), url.toString(), QStringLiteral("--project-id"),
                       QLatin1String(Project)};
}

// A CSV of `count` rows on the demo instance, users <prefix>1…<prefix>N.
QByteArray csvRows(int count, const char* prefix)
{
    QByteArray csv = "instance_id,engine_type,network_type,username,database_name\n";
    for (int i = 1; i <= count; ++i)
        csv += QByteArray(Instance) + ",mysql,rds," + prefix + QByteArray::number(i) + ",orders\n";
    return csv;
}

QJsonObject jsonObject(const QByteArray& bytes)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qWarning("not a JSON object: %s", bytes.constData());
    return doc.object();
}

QJsonValue field(const QJsonObject& object, const char* name)
{
    return object.value(QLatin1String(name));
}

// row number → status of a report (BatchReport::toJson).
QMap<int, QString> statuses(const QJsonObject& report)
{
    QMap<int, QString> out;
    for (const QJsonValue& v : field(report, "rows").toArray())
        out.insert(field(v.toObject(), "row").toInt(), field(v.toObject(), "status").toString());
    return out;
}

} // namespace

class TestCliBatch : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CliHarness> h;
    std::unique_ptr<QTemporaryDir> m_files; // batch, password and report files: not under HOME

    QString writeFile(const QString& name, const QByteArray& bytes,
                      QFile::Permissions permissions = QFile::ReadOwner | QFile::WriteOwner)
    {
        const QString path = m_files->filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
            qWarning("cannot write %s", qPrintable(path));
        file.close();
        file.setPermissions(permissions);
        return path;
    }

    CliHarness::Run batch(const QUrl& url, const char* verb, const QString& file,
                          const QStringList& extra = {}, const QByteArray& stdinData = {})
    {
        return h->cli(QStringList{QStringLiteral("batch"), QLatin1String(verb), file} + target(url) + extra,
                      stdinData);
    }

    CliHarness::Run applyYes(const QUrl& url, const QString& file, const QStringList& extra = {})
    {
        return batch(url, "apply", file, words("--yes --password-stdin") + extra, "pw\n");
    }

    QHash<QString, QJsonObject> listed(const QUrl& url) { return h->connectionsOnDas(target(url)); }

    QStringList listedUsers(const QUrl& url)
    {
        QStringList users;
        for (const QJsonObject& item : listed(url))
            users.append(field(item, "user_name").toString());
        users.sort();
        return users;
    }

    int createCalls() { return h->createCallCount(); }

private slots:
    void init()
    {
        h = std::make_unique<CliHarness>();
        m_files = std::make_unique<QTemporaryDir>();
        QVERIFY(h->isValid() && m_files->isValid());
        h->environment().insert(QStringLiteral("HUAWEICLOUD_SDK_AK"), QLatin1String(DemoAk));
        h->environment().insert(QStringLiteral("HUAWEICLOUD_SDK_SK"), QLatin1String(DemoSk));
    }

    void cleanup()
    {
        h.reset();
        m_files.reset();
    }

    void bomSemicolonsAndMixedCaseHeadersPlanAndApply();
    void progressIsOneLinePerRowWithoutTerminal();
    void invalidRowsAreListedAndStrictSendsNothing();
    void namesAreResolved();
    void unknownAndAmbiguousNamesAreRefused();
    void secondApplyCreatesOnlyWhatIsMissing();
    void passwordColumnIsRefused();
    void refusedBeforeAnythingIsSent();
    void terminalAsksAndPasswordsFileIsUsed();
    void throttlingMidRunCreatesEveryRowOnce();
    void lostAnswerIsReconciledAsCreated();
    void ctrlCStopsWritesReportAndRerunCreatesTheRest();
    void jsonOutputShapes();
    void reportsArePrivateAndHoldNoPassword();
};

void TestCliBatch::bomSemicolonsAndMixedCaseHeadersPlanAndApply()
{
    const QUrl url = h->startSandbox();
    QVERIFY(url.isValid());
    QByteArray csv = "\xEF\xBB\xBFInstance_ID;Engine_Type;NETWORK_TYPE;UserName;Database_Name\r\n";
    for (const char* user : {"semi1", "semi2", "semi3"})
        csv += QByteArray(Instance) + ";mysql;rds;" + user + ";orders\r\n";
    const QString file = writeFile(QStringLiteral("bom.csv"), csv);

    const auto plan = batch(url, "plan", file);
    QVERIFY2(plan.exitCode == 0, plan.err.constData());
    // The header is line 1, so the data rows are 2, 3 and 4.
    for (const char* row : {"row 2: create: ", "row 3: create: ", "row 4: create: "})
        QVERIFY2(plan.out.contains(row), plan.out.constData());
    QVERIFY(plan.out.contains("user semi2, database orders"));
    QVERIFY(plan.out.contains("Plan: 3 to create, 0 skipped (already on DAS), 0 invalid."));
    QCOMPARE(createCalls(), 0);
    QVERIFY(listed(url).isEmpty());

    const auto apply = applyYes(url, file);
    QVERIFY2(apply.exitCode == 0, apply.err.constData());
    QVERIFY(apply.out.contains("Done: 3 created, 0 existing, 0 invalid, 0 failed, 0 unknown, 0 not run."));
    QCOMPARE(listedUsers(url), words("semi1 semi2 semi3"));
    for (const QJsonObject& item : listed(url))
        QCOMPARE(field(item, "in_history"), QJsonValue(true));
    QCOMPARE(createCalls(), 3);
}

void TestCliBatch::progressIsOneLinePerRowWithoutTerminal()
{
    const QUrl url = h->startSandbox();
    QVERIFY(url.isValid());
    const auto run = applyYes(url, writeFile(QStringLiteral("p.csv"), csvRows(3, "prog")));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(!run.err.contains('\r'), "a bar is drawn although stderr is not a terminal");
    const QHash<QString, QJsonObject> items = listed(url);
    QSet<QString> ids;
    for (const QByteArray& line : run.err.split('\n')) {
        if (line.startsWith("row ") && line.contains(": created "))
            ids.insert(QString::fromUtf8(line.mid(line.indexOf(": created ") + 10).trimmed()));
    }
    QCOMPARE(ids, QSet<QString>(items.keyBegin(), items.keyEnd()));
    for (const char* row : {"row 2: created ", "row 3: created ", "row 4: created "})
        QVERIFY2(run.err.contains(row), run.err.constData());
    // The progress goes to stderr; stdout has the plan and the summary.
    QVERIFY(!run.out.contains(": created "));
}

void TestCliBatch::invalidRowsAreListedAndStrictSendsNothing()
{
    const QUrl url = h->startSandbox();
    QVERIFY(url.isValid());
    const QByteArray csv = "instance_id,engine_type,network_type,username,port\n" + QByteArray(Instance) +
                           ",mysql,rds,good,3306\n" + QByteArray(Instance) + ",oracle,rds,,3306\n" +
                           QByteArray(Instance) + ",mysql,rds,badport,abc\n";
    const QString file = writeFile(QStringLiteral("invalid.csv"), csv);

    const auto plan = batch(url, "plan", file);
    QCOMPARE(plan.exitCode, 4);
    QVERIFY2(plan.out.contains("row 2: create: "), plan.out.constData());
    // Every violation of every row, with row and column.
    QVERIFY(plan.out.contains("row 3: invalid (row 3, engine_type, "));
    QVERIFY(plan.out.contains("row 3: invalid (row 3, username, "));
    QVERIFY(plan.out.contains("row 4: invalid (row 4, port, "));
    QVERIFY(plan.out.contains("Plan: 1 to create, 0 skipped (already on DAS), 2 invalid."));

    const auto strict = applyYes(url, file, words("--strict"));
    QCOMPARE(strict.exitCode, 4);
    QVERIFY2(strict.err.contains("--strict: 2 row(s) are invalid; nothing was sent."),
             strict.err.constData());
    QCOMPARE(createCalls(), 0);
    QVERIFY(listed(url).isEmpty());

    // Without --strict the valid row is created, and the run still ends with 4.
    const auto lax = applyYes(url, file, words("--json"));
    QCOMPARE(lax.exitCode, 4);
    const QJsonObject report = jsonObject(lax.out);
    QCOMPARE(statuses(report), (QMap<int, QString>{{2, QStringLiteral("created")},
                                                   {3, QStringLiteral("invalid")},
                                                   {4, QStringLiteral("invalid")}}));
    QCOMPARE(listedUsers(url), words("good"));
    QCOMPARE(createCalls(), 1);
}

void TestCliBatch::namesAreResolved()
{
    const QUrl url = h->startSandbox();
    QVERIFY(url.isValid());
    // No instance ID and no engine type: both come from the instance list.
    const QByteArray csv =
        "instance_name,network_type,username\n" + QByteArray(InstanceName) + ",rds,named\n";
    const QString file = writeFile(QStringLiteral("names.csv"), csv);
    const auto plan = batch(url, "plan", file, words("--json"));
    QVERIFY2(plan.exitCode == 0, plan.err.constData());
    const QJsonArray rows = field(jsonObject(plan.out), "rows").toArray();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(field(rows.at(0).toObject(), "instance_id").toString(), QLatin1String(Instance));
    QCOMPARE(field(rows.at(0).toObject(), "action").toString(), QStringLiteral("create"));

    const auto apply = applyYes(url, file);
    QVERIFY2(apply.exitCode == 0, apply.err.constData());
    QVERIFY(apply.out.contains(QByteArray(QByteArray(InstanceName) + " (" + Instance + ")")));
    const QList<QJsonObject> items = listed(url).values();
    QCOMPARE(items.size(), 1);
    QCOMPARE(field(items.at(0), "instance_id").toString(), QLatin1String(Instance));
    QCOMPARE(field(items.at(0), "user_name").toString(), QStringLiteral("named"));
}

void TestCliBatch::unknownAndAmbiguousNamesAreRefused()
{
    // An inventory with two instances of the same name, and one of another.
    auto instance = [](const char* id, const char* name) {
        return QJsonObject{{QStringLiteral("instance_id"), QLatin1String(id)},
                           {QStringLiteral("instance_name"), QLatin1String(name)},
                           {QStringLiteral("datastore_type"), QStringLiteral("MySQL")},
                           {QStringLiteral("port"), 3306}};
    };
    const char* const twinA = "11111111111111111111111111111111in01";
    const char* const twinB = "22222222222222222222222222222222in01";
    const QJsonObject inventory{{QStringLiteral("project_id"), QLatin1String(Project)},
                                {QStringLiteral("instances"),
                                 QJsonArray{instance(twinA, "twin-db"), instance(twinB, "twin-db"),
                                            instance("33333333333333333333333333333333in01", "single-db")}}};
    const QString inventoryFile =
        writeFile(QStringLiteral("inventory.json"), QJsonDocument(inventory).toJson());
    const QUrl url = h->startSandbox(QStringList{QStringLiteral("--inventory"), inventoryFile});
    QVERIFY(url.isValid());

    const QString file = writeFile(QStringLiteral("ambiguous.csv"),
                                   "instance_name,engine_type,network_type,username\n"
                                   "twin-db,mysql,rds,a\nno-such-db,mysql,rds,b\nsingle-db,mysql,rds,c\n");
    const auto plan = batch(url, "plan", file);
    QCOMPARE(plan.exitCode, 4);
    QVERIFY2(plan.out.contains("row 2: invalid (row 2, instance_name, "), plan.out.constData());
    QVERIFY(plan.out.contains("row 3: invalid (row 3, instance_name, "));
    QVERIFY(plan.out.contains("row 4: create: single-db"));
    // The ambiguous name lists its candidates.
    const QByteArray row2 = plan.out.mid(plan.out.indexOf("row 2: invalid"));
    QVERIFY(row2.left(row2.indexOf('\n')).contains(twinA));
    QVERIFY(row2.left(row2.indexOf('\n')).contains(twinB));

    const auto strict = applyYes(url, file, words("--strict"));
    QCOMPARE(strict.exitCode, 4);
    QCOMPARE(createCalls(), 0);
}

void TestCliBatch::secondApplyCreatesOnlyWhatIsMissing()
{
    const QUrl url = h->startSandbox();
    QVERIFY(url.isValid());
    const QString two = writeFile(QStringLiteral("two.csv"), csvRows(2, "again"));
    QCOMPARE(applyYes(url, two).exitCode, 0);
    QCOMPARE(listed(url).size(), 2);

    // The same rows and one more: the two are skipped (existing), only the third is created.
    const QString three = writeFile(QStringLiteral("three.csv"), csvRows(3, "again"));
    const auto plan = batch(url, "plan", three);
    QCOMPARE(plan.exitCode, 0);
    QVERIFY2(plan.out.contains("Plan: 1 to create, 2 skipped (already on DAS), 0 invalid."),
             plan.out.constData());
    QVERIFY(plan.out.contains("row 2: skip (exists: "));

    const auto apply = applyYes(url, three, words("--json"));
    QVERIFY2(apply.exitCode == 0, apply.err.constData());
    const QJsonObject report = jsonObject(apply.out);
    QCOMPARE(field(report, "created").toInt(), 1);
    QCOMPARE(field(report, "existing").toInt(), 2);
    QCOMPARE(listed(url).size(), 3);
    QCOMPARE(createCalls(), 3);

    // Everything exists now: nothing is sent, and that is success.
    const auto third = applyYes(url, three);
    QCOMPARE(third.exitCode, 0);
    QCOMPARE(listed(url).size(), 3);
    QCOMPARE(createCalls(), 3);
}

void TestCliBatch::passwordColumnIsRefused()
{
    const QUrl url = h->startSandbox();
    QVERIFY(url.isValid());
    const QString file =
        writeFile(QStringLiteral("pw.csv"), "instance_id,engine_type,network_type,username,password\n" +
                                                QByteArray(Instance) + ",mysql,rds,root,CANARY-column-pw\n");
    const auto plan = batch(url, "plan", file);
    QCOMPARE(plan.exitCode, 2);
    QVERIFY2(plan.err.contains("password"), plan.err.constData());
    QVERIFY(plan.err.contains("Nothing was sent."));
    const auto planJson = batch(url, "plan", file, words("--json"));
    QCOMPARE(planJson.exitCode, 2);
    QCOMPARE(field(jsonObject(planJson.out), "usable"), QJsonValue(false));
    QVERIFY(!field(jsonObject(planJson.out), "file_problems").toArray().isEmpty());
    const auto apply = applyYes(url, file);
    QCOMPARE(apply.exitCode, 2);
    // Not even the planning reads: nothing at all reached the sandbox.
    QCOMPARE(h->sandboxRequestCount(), 0);
    for (const auto& run : {plan, planJson, apply})
        QVERIFY(!run.out.contains("CANARY-column-pw") && !run.err.contains("CANARY-column-pw"));
}

// Bad options, a missing file, no confirmation and a passwords file others can read: each refused before
// anything at all (not even a planning read) reaches DAS.
void TestCliBatch::refusedBeforeAnythingIsSent()
{
    const QUrl url = h->startSandbox();
    QVERIFY(url.isValid());
    const QString file = writeFile(QStringLiteral("o.csv"), csvRows(1, "opt"));
    QList<std::pair<CliHarness::Run, const char*>> runs; // each run and what its stderr must say
    for (const char* parallel : {"0", "17", "four"}) {
        runs.append({applyYes(url, file, QStringList{QStringLiteral("--parallel"), QLatin1String(parallel)}),
                     "--parallel must be a whole number from 1 to 16."});
    }
    runs.append(
        {batch(url, "apply", file, words("--yes --password=CANARY-argv")), "--password is not accepted"});
    const QString privatePasswords = writeFile(QStringLiteral("p.json"), R"({"opt1": "pw"})");
    runs.append({batch(url, "apply", file,
                       words("--yes --password-stdin --passwords-file") << privatePasswords, "pw\n"),
                 "cannot be used together"});
    runs.append({h->cli(words("batch plan") + target(url)), "name the batch file"});
    runs.append({batch(url, "plan", m_files->filePath(QStringLiteral("missing.csv"))), "missing.csv"});
    // No terminal to ask on, and no --yes.
    runs.append({batch(url, "apply", file, words("--password-stdin"), "pw\n"), "Add --yes"});
    const QString openPasswords =
        writeFile(QStringLiteral("open.json"), R"({"opt1": "pw"})",
                  QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    runs.append(
        {batch(url, "apply", file, words("--yes --passwords-file") << openPasswords), "--passwords-file: "});
    for (const auto& [run, says] : runs) {
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(says), run.err.constData());
    }
    QCOMPARE(h->sandboxRequestCount(), 0);
    QVERIFY(listed(url).isEmpty());
}

void TestCliBatch::terminalAsksAndPasswordsFileIsUsed()
{
    const QUrl url = h->startSandbox();
    QVERIFY(url.isValid());
    const QString file = writeFile(QStringLiteral("t.csv"), csvRows(2, "tty"));
    const QString passwords =
        writeFile(QStringLiteral("passwords.json"), R"({"tty1": "pw1", "tty2": "pw2"})");
    const QStringList args = QStringList{QStringLiteral("batch"), QStringLiteral("apply"), file,
                                         QStringLiteral("--passwords-file"), passwords} +
                             target(url);
    const auto no = h->cliOnTerminal(args, "n\n");
    if (no.exitCode == -1)
        QSKIP("no pseudo-terminal here");
    QCOMPARE(no.exitCode, 1);
    QVERIFY2(no.err.contains("Create 2 connection"), no.err.constData());
    QVERIFY(no.err.contains("(0 skipped, 0 invalid)? [y/N]"));
    QVERIFY(no.err.contains("Nothing was created."));
    QCOMPARE(createCalls(), 0);

    const auto yes = h->cliOnTerminal(args, "y\n");
    QVERIFY2(yes.exitCode == 0, yes.err.constData());
    QCOMPARE(listedUsers(url), words("tty1 tty2"));
}

void TestCliBatch::throttlingMidRunCreatesEveryRowOnce()
{
    if (!CliHarness::sandboxHelp().contains("--throttle-every"))
        QSKIP("this das-sandbox has no --throttle-every yet");
    const QUrl url = h->startSandbox(words("--throttle-every 3"));
    QVERIFY(url.isValid());
    constexpr int Rows = 6;
    const auto run = applyYes(url, writeFile(QStringLiteral("throttle.csv"), csvRows(Rows, "thr")),
                              words("--parallel 2 --json"));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(field(jsonObject(run.out), "created").toInt(), Rows);
    QVERIFY2(run.err.contains("throttled"), run.err.constData());
    QStringList expected;
    for (int i = 1; i <= Rows; ++i)
        expected << QStringLiteral("thr%1").arg(i);
    QCOMPARE(listedUsers(url), expected); // each exactly once
    QVERIFY(createCalls() > Rows);        // the throttled ones were sent again
}

void TestCliBatch::lostAnswerIsReconciledAsCreated()
{
    const QUrl url = h->startSandbox(words("--mode lost"));
    QVERIFY(url.isValid());
    const auto run =
        applyYes(url, writeFile(QStringLiteral("lost.csv"), csvRows(1, "lost")), words("--json"));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject report = jsonObject(run.out);
    const QJsonObject row = field(report, "rows").toArray().at(0).toObject();
    QCOMPARE(field(row, "status").toString(), QStringLiteral("created"));
    QCOMPARE(field(row, "reconciled"), QJsonValue(true));
    QVERIFY2(run.err.contains("(the answer was lost; DAS lists it)"), run.err.constData());
    const QString id = field(row, "connection_id").toString();
    QVERIFY(!QUuid::fromString(id).isNull());
    QCOMPARE(listed(url).keys(), QStringList{id});
    QCOMPARE(createCalls(), 1);
}

void TestCliBatch::ctrlCStopsWritesReportAndRerunCreatesTheRest()
{
#ifndef Q_OS_UNIX
    QSKIP("sends SIGINT");
#else
    const QUrl url = h->startSandbox(words("--latency 300"));
    QVERIFY(url.isValid());
    constexpr int Rows = 10;
    const QString file = writeFile(QStringLiteral("stop.csv"), csvRows(Rows, "stop"));
    const QString reportPath = m_files->filePath(QStringLiteral("stop-report.json"));
    auto process = h->startCli(QStringList{QStringLiteral("batch"), QStringLiteral("apply"), file} +
                                       target(url) + words("--yes --password-stdin --parallel 1 --report")
                                   << reportPath,
                               "pw\n");
    QByteArray err;
    QVERIFY2(CliHarness::waitForProcessOutput(*process, QProcess::StandardError, ": created ", &err, 30000),
             err.constData());
    QCOMPARE(::kill(pid_t(process->processId()), SIGINT), 0);
    QVERIFY(process->waitForFinished(30000));
    err += process->readAllStandardError();
    QCOMPARE(process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(process->exitCode(), 130);
    QVERIFY2(err.contains("Stopped by Ctrl+C"), err.constData());

    QFile reportFile(reportPath);
    QVERIFY(reportFile.open(QIODevice::ReadOnly));
    const QMap<int, QString> rows = statuses(jsonObject(reportFile.readAll()));
    QCOMPARE(rows.size(), Rows);
    const int created = int(rows.values().count(QStringLiteral("created")));
    const int notRun = int(rows.values().count(QStringLiteral("not_run")));
    QVERIFY(created >= 1);
    QVERIFY(notRun >= 1);
    QCOMPARE(created + notRun, Rows);
    QCOMPARE(listed(url).size(), created);

    // Applying the same file again creates exactly what is missing.
    const auto rerun = applyYes(url, file, words("--json"));
    QVERIFY2(rerun.exitCode == 0, rerun.err.constData());
    QCOMPARE(field(jsonObject(rerun.out), "created").toInt(), notRun);
    QCOMPARE(listed(url).size(), Rows);
    QCOMPARE(createCalls(), Rows);
#endif
}

void TestCliBatch::jsonOutputShapes()
{
    const QUrl url = h->startSandbox();
    QVERIFY(url.isValid());
    QCOMPARE(applyYes(url, writeFile(QStringLiteral("first.csv"), csvRows(1, "shape"))).exitCode, 0);
    const QString file = writeFile(QStringLiteral("shape.csv"),
                                   csvRows(2, "shape") + QByteArray(Instance) + ",mysql,rds,,orders\n");

    const auto plan = batch(url, "plan", file, words("--json"));
    QCOMPARE(plan.exitCode, 4);
    const QJsonObject planned = jsonObject(plan.out);
    QCOMPARE(field(planned, "create").toInt(), 1);
    QCOMPARE(field(planned, "skip").toInt(), 1);
    QCOMPARE(field(planned, "invalid").toInt(), 1);
    QCOMPARE(field(planned, "usable"), QJsonValue(true));
    const QJsonArray planRows = field(planned, "rows").toArray();
    QCOMPARE(planRows.size(), 3);
    QCOMPARE(field(planRows.at(0).toObject(), "action").toString(), QStringLiteral("skip"));
    QVERIFY(!field(planRows.at(0).toObject(), "existing_id").toString().isEmpty());
    QCOMPARE(field(planRows.at(1).toObject(), "action").toString(), QStringLiteral("create"));
    const QJsonArray violations = field(planRows.at(2).toObject(), "violations").toArray();
    QVERIFY(!violations.isEmpty());
    QCOMPARE(field(violations.at(0).toObject(), "column").toString(), QStringLiteral("username"));

    const auto apply = applyYes(url, file, words("--json"));
    QCOMPARE(apply.exitCode, 4);
    // stdout is exactly one JSON object; the plan went to stderr.
    QCOMPARE(apply.out.count('\n'), 1);
    QVERIFY(apply.err.contains("Plan: 1 to create, 1 skipped"));
    const QJsonObject report = jsonObject(apply.out);
    for (const char* key : {"created", "existing", "invalid", "failed", "unknown"})
        QVERIFY2(field(report, key).isDouble(), key);
    QCOMPARE(field(report, "created").toInt(), 1);
    QCOMPARE(field(report, "existing").toInt(), 1);
    QCOMPARE(field(report, "invalid").toInt(), 1);
    const QJsonArray rows = field(report, "rows").toArray();
    QCOMPARE(rows.size(), 3);
    QCOMPARE(field(rows.at(0).toObject(), "row").toInt(), 2);
    QCOMPARE(field(rows.at(0).toObject(), "status").toString(), QStringLiteral("existing"));
    QCOMPARE(field(rows.at(1).toObject(), "status").toString(), QStringLiteral("created"));
    QVERIFY(listed(url).contains(field(rows.at(1).toObject(), "connection_id").toString()));
    QCOMPARE(field(rows.at(2).toObject(), "status").toString(), QStringLiteral("invalid"));
    QVERIFY(!field(rows.at(2).toObject(), "error").toString().isEmpty());
}

void TestCliBatch::reportsArePrivateAndHoldNoPassword()
{
    const QUrl url = h->startSandbox();
    QVERIFY(url.isValid());
    const QByteArray canary = "CANARY-batch-password-5e1";
    const QString file = writeFile(QStringLiteral("r.csv"), csvRows(2, "rep"));
    const QString jsonReport = m_files->filePath(QStringLiteral("report.json"));
    const QString csvReport = m_files->filePath(QStringLiteral("report.csv"));
    QList<CliHarness::Run> runs;
    runs << batch(url, "apply", file, words("--yes --password-stdin --report") << jsonReport, canary + '\n');
    QVERIFY2(runs.last().exitCode == 0, runs.last().err.constData());
    // A second run of the same file: both rows exist, and the report says so.
    runs << batch(url, "apply", file, words("--yes --password-stdin --report") << csvReport, canary + '\n');
    QCOMPARE(runs.last().exitCode, 0);

    for (const QString& path : {jsonReport, csvReport}) {
        QFile report(path);
        QVERIFY2(report.open(QIODevice::ReadOnly), qPrintable(path));
        // Mode 0600: the owner reads and writes, nobody else anything.
        const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                          QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
        QCOMPARE(report.permissions() & others, QFile::Permissions());
        QVERIFY(report.permissions().testFlags(QFile::ReadOwner | QFile::WriteOwner));
        const QByteArray bytes = report.readAll();
        QVERIFY(!bytes.contains(canary));
    }
    QFile json(jsonReport);
    QVERIFY(json.open(QIODevice::ReadOnly));
    QCOMPARE(statuses(jsonObject(json.readAll())),
             (QMap<int, QString>{{2, QStringLiteral("created")}, {3, QStringLiteral("created")}}));
    QFile csv(csvReport);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.at(0).contains("status"));
    QVERIFY(lines.at(1).contains("existing") && lines.at(2).contains("existing"));
    for (const CliHarness::Run& run : runs)
        QVERIFY(!run.out.contains(canary) && !run.err.contains(canary));
    QVERIFY(h->filesContaining(canary).isEmpty());
}

QTEST_GUILESS_MAIN(TestCliBatch)
#include "tst_cli_batch.moc"
