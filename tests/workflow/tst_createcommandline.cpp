// CreateCommandLine: the `das-connect-cli create` command copied from the preview. Hostile values stay one
// argument and run nothing, a password never appears, and the real CLI (dry run, through bash) reads back the
// request the form holds.
#include "CreateCommandLine.h"
#include "RequestBuilder.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace das;

namespace {

constexpr const char* Password = "PW-canary-'$(touch pwned)\"-42";

ConnectionRequest validRequest()
{
    ConnectionRequest r;
    r.projectId = QStringLiteral("0123456789abcdef0123456789abcdef");
    r.instanceId = QStringLiteral("fedcba9876543210fedcba9876543210in01");
    r.engineType = QStringLiteral("mysql");
    r.networkType = QStringLiteral("rds");
    r.username = QStringLiteral("root");
    r.password = QString::fromLatin1(Password);
    r.port = QStringLiteral("3306");
    return r;
}

// The words bash makes of `text`, one per line of printf's output (NUL-separated, so newlines survive).
QStringList bashWords(const QString& words, QString* error)
{
    QProcess bash;
    bash.start(QStringLiteral("bash"), {QStringLiteral("-c"), QStringLiteral("printf '%s\\0' ") + words});
    if (!bash.waitForFinished(10000) || bash.exitCode() != 0) {
        *error = QString::fromUtf8(bash.readAllStandardError());
        return {};
    }
    QStringList out = QString::fromUtf8(bash.readAllStandardOutput()).split(QChar(0));
    out.removeLast(); // after the last NUL
    return out;
}

QString bodyOf(const QByteArray& maskedText)
{
    const qsizetype blank = maskedText.indexOf("\n\n");
    return blank < 0 ? QString() : QString::fromUtf8(maskedText.mid(blank + 2)).trimmed();
}

} // namespace

class TestCreateCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void quotesHostileValues_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("single quote") << QStringLiteral("O'Brien's '' db");
        QTest::newRow("double quote") << QStringLiteral("say \"hi\"");
        QTest::newRow("command substitution") << QStringLiteral("$(touch /tmp/pwned) `id` ${HOME}");
        QTest::newRow("newline") << QStringLiteral("line one\nline two\r\n");
        QTest::newRow("unicode") << QStringLiteral("数据库 ü 🚀");
        QTest::newRow("bidi and escape") << QStringLiteral("a\u202Eb\x1b[31mc");
        QTest::newRow("leading dash") << QStringLiteral("--password=x");
        QTest::newRow("backslashes") << QStringLiteral("a\\'b\\\\");
        QTest::newRow("glob and tilde") << QStringLiteral("* ? ~ [a] ; & | < > #");
        QTest::newRow("empty") << QString();
    }

    void quotesHostileValues()
    {
        QFETCH(QString, value);
        const QString quoted = CreateCommandLine::shellQuote(value);
        QString error;
        const QStringList words = bashWords(quoted, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(words, QStringList{value});
        // Nothing a terminal would act on is pasted raw.
        for (const QChar c : quoted)
            QVERIFY2(c.category() != QChar::Other_Control && c.category() != QChar::Other_Format,
                     qPrintable(quoted));
    }

    void neverHoldsThePassword()
    {
        CreateCommandLine::Input input;
        input.request = validRequest();
        input.request.remarks = QStringLiteral("ok");
        input.request.isSavePassword = true;
        input.profile = QStringLiteral("team's profile");
        input.region = QStringLiteral("cn-north-4");
        const QString script = CreateCommandLine::script(input);
        QVERIFY(!script.contains(QLatin1String("PW-canary")));
        QVERIFY(!CreateCommandLine::arguments(input).join(u' ').contains(QLatin1String("PW-canary")));
        QVERIFY(script.contains(QLatin1String("--password-stdin")));
        QVERIFY(!script.contains(QLatin1String("--password=")));
        QVERIFY(!script.contains(QLatin1String("--password-env")));
        QVERIFY(script.contains(QLatin1String("--profile='team'\\''s profile'")));
        QVERIFY(script.contains(QLatin1String("--region=cn-north-4")));
        QVERIFY(script.contains(QLatin1String("--save-password")));
        QVERIFY(!script.contains(QLatin1String("--endpoint")));
        // The script parses as shell: bash -n reads it without running it.
        QProcess bash;
        bash.start(QStringLiteral("bash"), {QStringLiteral("-n"), QStringLiteral("-c"), script});
        QVERIFY(bash.waitForFinished(10000));
        QCOMPARE(bash.exitCode(), 0);
    }

    void argumentsFollowTheForm()
    {
        CreateCommandLine::Input input;
        input.request = validRequest();
        input.request.nodeIds = {QStringLiteral("n1"), QStringLiteral("n2")};
        input.request.sqlRecordFlag = true;
        input.endpoint = QUrl(QStringLiteral("https://das.example.com:8443"));
        const QStringList args = CreateCommandLine::arguments(input);
        QCOMPARE(args.constFirst(), QStringLiteral("create"));
        QCOMPARE(args.constLast(), QStringLiteral("--password-stdin"));
        QVERIFY(args.contains(QStringLiteral("--endpoint=https://das.example.com:8443")));
        QVERIFY(args.contains(QStringLiteral("--node-id=n1")));
        QVERIFY(args.contains(QStringLiteral("--node-id=n2")));
        QVERIFY(args.contains(QStringLiteral("--sql-record")));
        QVERIFY(!args.contains(QStringLiteral("--save-password")));
        QVERIFY(!args.join(u' ').contains(QLatin1String("--profile")));
    }

    // DAS's flag and the keychain are separate boxes in the window; the CLI's keychain default follows
    // --save-password, so the command always says what the keychain box said.
    void keychainChoiceIsSpelledOut()
    {
        CreateCommandLine::Input input;
        input.request = validRequest();
        input.request.isSavePassword = true;
        input.keychain = false;
        QStringList args = CreateCommandLine::arguments(input);
        QVERIFY(args.contains(QStringLiteral("--save-password")));
        QVERIFY(args.contains(QStringLiteral("--keychain=no")));
        input.request.isSavePassword = false;
        input.keychain = true;
        args = CreateCommandLine::arguments(input);
        QVERIFY(!args.contains(QStringLiteral("--save-password")));
        QVERIFY(args.contains(QStringLiteral("--keychain=yes")));
    }

    // The copied script, run by bash with the password on its stdin, drives the real CLI; a dry run (no
    // credentials needed) prints the body the CLI would send, which must be the form's, password masked.
    void cliAcceptsTheCommand_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("databaseName");
        QTest::addColumn<QString>("remarks");
        QTest::newRow("plain") << QStringLiteral("root") << QString() << QString();
        QTest::newRow("hostile") << QStringLiteral("O'Brien\"$(touch pwned)`id`")
                                 << QStringLiteral("db-$HOME-'x'")
                                 << QStringLiteral("two\nlines; rm -rf ~ 数据 🚀");
        QTest::newRow("dash values") << QStringLiteral("-u") << QStringLiteral("--json")
                                     << QStringLiteral("-");
    }

    void cliAcceptsTheCommand()
    {
        QFETCH(QString, username);
        QFETCH(QString, databaseName);
        QFETCH(QString, remarks);
        QTemporaryDir home;
        QVERIFY(home.isValid());
        CreateCommandLine::Input input;
        input.request = validRequest();
        input.request.username = username;
        input.request.databaseName = databaseName;
        input.request.remarks = remarks;
        input.request.nodeIds = {QStringLiteral("fedcba9876543210fedcba9876543210no01"),
                                 QStringLiteral("fedcba9876543210fedcba9876543210no02")};
        input.request.sqlRecordFlag = true;
        input.endpoint = QUrl(QStringLiteral("http://127.0.0.1:9"));
        input.program = QStringLiteral(DAS_CLI_PATH);
        QString script = CreateCommandLine::script(input);
        QVERIFY(script.endsWith(QLatin1String("--password-stdin)\n")));
        script.replace(QLatin1String("--password-stdin)\n"), QLatin1String("--password-stdin --dry-run)\n"));

        QProcess bash;
        QProcessEnvironment env;
        env.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        bash.setProcessEnvironment(env);
        bash.setWorkingDirectory(home.path());
        bash.start(QStringLiteral("bash"), {QStringLiteral("-c"), script});
        QVERIFY(bash.waitForStarted());
        bash.write(QByteArray(Password) + '\n');
        bash.closeWriteChannel();
        QVERIFY(bash.waitForFinished(30000));
        const QByteArray out = bash.readAllStandardOutput();
        const QByteArray err = bash.readAllStandardError();
        QVERIFY2(bash.exitCode() == 0, err.constData());
        QVERIFY2(!out.isEmpty(), err.constData());

        const PreparedRequest expected = RequestBuilder::build(input.endpoint, input.request, Credentials());
        QCOMPARE(bodyOf(out), bodyOf(expected.maskedText().toUtf8()));
        QVERIFY(out.contains("\"password\":\"********\""));
        const QByteArray firstLine = "POST " + expected.url.toEncoded() + '\n';
        QVERIFY2(out.startsWith(firstLine), out.constData());
        QVERIFY(!out.contains("PW-canary") && !err.contains("PW-canary"));
        // Nothing in the values ran.
        QVERIFY(!QFile::exists(home.filePath(QStringLiteral("pwned"))));
    }
};

QTEST_GUILESS_MAIN(TestCreateCommandLine)
#include "tst_createcommandline.moc"
