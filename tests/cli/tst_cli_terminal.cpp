// What das-connect-cli shows a person at a terminal: the hidden password prompt, --help of every
// sub-command, the history and profile tables (and their --tsv and --json forms for scripts), Ctrl+C
// during a create, and a dry run without credentials. das-connect-cli and das-sandbox run as real processes.
#include "CliHarness.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
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
const char* const Instance = "bcfa975193f1402fa11a6d4fd6baf5fbin01";
const char* const Password = "Typed_Secret_4821";

// "a b c" → {"a", "b", "c"}: the options of a command line, spelled as typed.
QStringList words(const char* text)
{
    return QString::fromLatin1(text).split(u' ', Qt::SkipEmptyParts);
}

QStringList createArgs(const QUrl& endpoint, const QStringList& extra = {})
{
    return words("create --engine-type mysql --network-type rds --username root --password-stdin") +
           QStringList{QStringLiteral("--project-id"),  QLatin1String(Project),
                       QStringLiteral("--instance-id"), QLatin1String(Instance),
                       QStringLiteral("--endpoint"),    endpoint.toString()} +
           extra;
}

QList<QByteArray> lines(const QByteArray& text)
{
    QList<QByteArray> out = text.split('\n');
    while (!out.isEmpty() && out.constLast().isEmpty())
        out.removeLast();
    return out;
}

} // namespace

class TestCliTerminal : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CliHarness> h;

    QJsonArray history()
    {
        const auto run = h->cli({QStringLiteral("history"), QStringLiteral("--json")});
        return run.exitCode == 0 ? QJsonDocument::fromJson(run.out).array() : QJsonArray();
    }

private slots:
    void init()
    {
        h = std::make_unique<CliHarness>();
        QVERIFY(h->isValid());
        h->environment().insert(QStringLiteral("HUAWEICLOUD_SDK_AK"), QLatin1String(DemoAk));
        h->environment().insert(QStringLiteral("HUAWEICLOUD_SDK_SK"), QLatin1String(DemoSk));
    }

    void cleanup() { h.reset(); }

    void passwordOnTerminalIsPromptedAndHidden();
    void batchPasswordOnTerminalIsHidden();
    void helpOfEverySubCommand();
    void historyPortIsNumberAndTablesAlign();
    void profileListTableAndTsv();
    void ctrlCDuringCreateLeavesItToReconcile();
    void dryRunWithoutCredentialsIsUnsigned();
};

void TestCliTerminal::passwordOnTerminalIsPromptedAndHidden()
{
#ifndef Q_OS_UNIX
    QSKIP("needs a pseudo-terminal");
#else
    const QUrl url = h->startSandbox();
    QVERIFY(url.isValid());
    const auto run = h->cliTypingAtPrompt(createArgs(url), "Password: ", QByteArray(Password) + '\n');
    QVERIFY2(run.prompted, run.err.constData());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(!QUuid::fromString(QString::fromUtf8(run.out).trimmed()).isNull());
    // The terminal showed nothing of what was typed, and echoes again afterwards.
    QVERIFY2(run.terminal.contains("<end of terminal>"), run.terminal.constData());
    QVERIFY2(!run.terminal.contains("Typed_Secret"), run.terminal.constData());
    QVERIFY(run.echoOnAfter);
    // The prompt's line is ended, and the password never reaches the output.
    QVERIFY(run.err.contains("Password: \n"));
    QVERIFY(!run.err.contains(Password) && !run.out.contains(Password));

    // From a pipe, nothing is asked.
    const auto piped = h->cli(createArgs(url, words("--if-exists create")), "pw\n");
    QVERIFY2(piped.exitCode == 0, piped.err.constData());
    QVERIFY(!piped.err.contains("Password:"));
#endif
}

void TestCliTerminal::batchPasswordOnTerminalIsHidden()
{
#ifndef Q_OS_UNIX
    QSKIP("needs a pseudo-terminal");
#else
    const QUrl url = h->startSandbox();
    QVERIFY(url.isValid());
    const QString file = h->home() + QStringLiteral("/rows.csv");
    QFile csv(file);
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("instance_id,engine_type,network_type,username\n" + QByteArray(Instance) +
              ",mysql,rds,batch1\n");
    csv.close();
    const QStringList args =
        QStringList{QStringLiteral("batch"), QStringLiteral("apply"), file} +
        words("--yes --password-stdin --endpoint") +
        QStringList{url.toString(), QStringLiteral("--project-id"), QLatin1String(Project)};
    const auto run = h->cliTypingAtPrompt(args, "Password: ", QByteArray(Password) + '\n');
    QVERIFY2(run.prompted, run.err.constData());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.terminal.contains("<end of terminal>"), run.terminal.constData());
    QVERIFY2(!run.terminal.contains("Typed_Secret"), run.terminal.constData());
    QVERIFY(run.echoOnAfter);
    QCOMPARE(history().size(), 1);
#endif
}

void TestCliTerminal::helpOfEverySubCommand()
{
    // Log lines would land on stderr; this is about what a user sees.
    h->environment().remove(QStringLiteral("QT_LOGGING_RULES"));
    const QStringList commands = {
        QStringLiteral("create"),         QStringLiteral("connections"),    QStringLiteral("delete"),
        QStringLiteral("reconcile"),      QStringLiteral("batch"),          QStringLiteral("batch plan"),
        QStringLiteral("batch apply"),    QStringLiteral("projects"),       QStringLiteral("instances"),
        QStringLiteral("nodes"),          QStringLiteral("databases"),      QStringLiteral("history"),
        QStringLiteral("profile"),        QStringLiteral("profile list"),   QStringLiteral("profile add"),
        QStringLiteral("profile remove"), QStringLiteral("profile import"),
    };
    for (const QString& command : commands) {
        const auto run = h->cli(command.split(u' ') << QStringLiteral("--help"));
        const QByteArray what = command.toUtf8() + ": " + run.err;
        QVERIFY2(run.exitCode == 0, what.constData());
        QVERIFY2(run.err.isEmpty(), what.constData());
        QVERIFY2(run.out.startsWith(QByteArray("Usage: das-connect-cli " + command.toUtf8() + ' ')),
                 run.out.constData());
        QVERIFY2(run.out.contains("Example"), what.constData());
        QVERIFY2(!run.out.contains("--help-all") && !run.out.contains("-platform") &&
                     !run.out.contains("qmljsdebugger"),
                 run.out.constData());
    }
}

void TestCliTerminal::historyPortIsNumberAndTablesAlign()
{
    const QUrl url = h->startSandbox();
    QVERIFY(url.isValid());
    const auto first = h->cli(createArgs(url, words("--port 3306 --remarks two\nlines")), "pw\n");
    QVERIFY2(first.exitCode == 0, first.err.constData());
    QCOMPARE(h->cli(createArgs(url, words("--if-exists create")), "pw\n").exitCode, 0);

    const QJsonArray rows = history();
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).toObject().value(QStringLiteral("port")), QJsonValue(QJsonValue::Null));
    QCOMPARE(rows.at(1).toObject().value(QStringLiteral("port")), QJsonValue(3306));

    // The table: a header, every column starting where its title does.
    const auto table = h->cli({QStringLiteral("history")});
    QCOMPARE(table.exitCode, 0);
    const QList<QByteArray> text = lines(table.out);
    QCOMPARE(text.size(), 3);
    QVERIFY2(text.at(0).startsWith("TIME"), table.out.constData());
    const qsizetype idColumn = text.at(0).indexOf("CONNECTION ID");
    const qsizetype portColumn = text.at(0).indexOf("PORT");
    QVERIFY(idColumn > 0 && portColumn > idColumn);
    const QString id = rows.at(1).toObject().value(QStringLiteral("connection_id")).toString();
    QCOMPARE(text.at(2).indexOf(id.toUtf8()), idColumn);
    QCOMPARE(text.at(2).mid(portColumn, 5), QByteArray("3306 "));
    QCOMPARE(text.at(1).mid(portColumn, 2), QByteArray("- "));

    // --tsv: the same cells, tab-separated, a line break inside a cell made a space.
    const auto tsv = h->cli(words("history --tsv"));
    QCOMPARE(tsv.exitCode, 0);
    const QList<QByteArray> tsvLines = lines(tsv.out);
    QCOMPARE(tsvLines.size(), 3);
    const QList<QByteArray> header = tsvLines.at(0).split('\t');
    const QList<QByteArray> cells = tsvLines.at(2).split('\t');
    QCOMPARE(cells.size(), header.size());
    QCOMPARE(cells.at(header.indexOf("PORT")), QByteArray("3306"));
    QCOMPARE(cells.at(header.indexOf("CONNECTION ID")), id.toUtf8());
    QCOMPARE(cells.at(header.indexOf("REMARKS")), QByteArray("two lines"));
}

void TestCliTerminal::profileListTableAndTsv()
{
    // Written as the app writes it (the list reads no keychain, so none is needed here).
    QSettings settings(h->home() + QStringLiteral("/.config/das-connect/das-connect.conf"),
                       QSettings::IniFormat);
    settings.setValue(QStringLiteral("profiles/work/auth"), QStringLiteral("aksk"));
    settings.setValue(QStringLiteral("profiles/work/access_key"), QStringLiteral("WORKAK00000000000001"));
    settings.setValue(QStringLiteral("profiles/work/region"), QStringLiteral("cn-north-4"));
    settings.setValue(QStringLiteral("profiles/long-profile-name/auth"), QStringLiteral("aksk"));
    settings.setValue(QStringLiteral("profiles/long-profile-name/access_key"),
                      QStringLiteral("LONGAK00000000000002"));
    settings.setValue(QStringLiteral("profiles/long-profile-name/project_id"), QLatin1String(Project));
    settings.sync();

    const auto table = h->cli(words("profile list"));
    QVERIFY2(table.exitCode == 0, table.err.constData());
    const QList<QByteArray> text = lines(table.out);
    QCOMPARE(text.size(), 3);
    QVERIFY2(text.at(0).startsWith("NAME "), table.out.constData());
    const qsizetype authColumn = text.at(0).indexOf("AUTH");
    for (const QByteArray& line : text.mid(1))
        QCOMPARE(line.mid(authColumn, 5), QByteArray("aksk "));
    QVERIFY(!table.out.contains('\t'));

    const auto tsv = h->cli(words("profile list --tsv"));
    QCOMPARE(tsv.exitCode, 0);
    const QList<QByteArray> tsvLines = lines(tsv.out);
    QCOMPARE(tsvLines.size(), 3);
    const QList<QByteArray> header = tsvLines.at(0).split('\t');
    QCOMPARE(header.first(), QByteArray("NAME"));
    for (const QByteArray& line : tsvLines.mid(1)) {
        const QList<QByteArray> cells = line.split('\t');
        QCOMPARE(cells.size(), header.size());
        QCOMPARE(cells.at(header.indexOf("AUTH")), QByteArray("aksk"));
    }
    QVERIFY(tsv.out.contains(QByteArray('\t' + QByteArray(Project) + '\t')));
}

void TestCliTerminal::ctrlCDuringCreateLeavesItToReconcile()
{
#ifndef Q_OS_UNIX
    QSKIP("sends SIGINT");
#else
    const QUrl url = h->startSandbox(words("--mode hang"));
    QVERIFY(url.isValid());
    auto process = h->startCli(createArgs(url, words("--if-exists create")), "pw\n");
    QVERIFY(h->waitForSandboxCount(" received POST ", 1, 30000));
    QCOMPARE(::kill(pid_t(process->processId()), SIGINT), 0);
    QVERIFY(process->waitForFinished(30000));
    const QByteArray err = process->readAllStandardError();
    QCOMPARE(process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(process->exitCode(), 130);
    QVERIFY2(err.contains("may have reached DAS") && err.contains("das-connect-cli reconcile"),
             err.constData());

    const QJsonArray rows = history();
    QCOMPARE(rows.size(), 1);
    const QString state = rows.at(0).toObject().value(QStringLiteral("state")).toString();
    QVERIFY2(state == QLatin1String("unknown") || state == QLatin1String("pending"), qPrintable(state));
#endif
}

void TestCliTerminal::dryRunWithoutCredentialsIsUnsigned()
{
    h->environment().remove(QStringLiteral("HUAWEICLOUD_SDK_AK"));
    h->environment().remove(QStringLiteral("HUAWEICLOUD_SDK_SK"));
    const QUrl nowhere(QStringLiteral("http://127.0.0.1:9"));
    const auto run = h->cli(createArgs(nowhere, words("--dry-run")), "pw\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.startsWith("POST http://127.0.0.1:9/v3/"), run.out.constData());
    QVERIFY(!run.out.contains("Authorization"));
    QVERIFY2(run.err.contains("unsigned") && run.err.contains("no credentials were found"),
             run.err.constData());

    // With credentials, the same dry run is signed (the signature itself masked).
    h->environment().insert(QStringLiteral("HUAWEICLOUD_SDK_AK"), QLatin1String(DemoAk));
    h->environment().insert(QStringLiteral("HUAWEICLOUD_SDK_SK"), QLatin1String(DemoSk));
    const auto signedRun = h->cli(createArgs(nowhere, words("--dry-run")), "pw\n");
    QCOMPARE(signedRun.exitCode, 0);
    QVERIFY(signedRun.out.contains("Authorization"));
    QVERIFY(!signedRun.err.contains("unsigned"));
    QVERIFY(!signedRun.out.contains(DemoSk) && !signedRun.err.contains(DemoSk));
}

QTEST_GUILESS_MAIN(TestCliTerminal)
#include "tst_cli_terminal.moc"
