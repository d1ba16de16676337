// --version on every sub-command, and the hidden --help-man and --bash-completion the build turns into the
// man page and the completion: they list what each sub-command parses, and describing runs nothing.
#include "CliHarness.h"

#include <QDir>
#include <QTest>

namespace {

const QStringList SubCommands = {
    QStringLiteral("create"),      QStringLiteral("connections"),    QStringLiteral("delete"),
    QStringLiteral("reconcile"),   QStringLiteral("batch plan"),     QStringLiteral("batch apply"),
    QStringLiteral("projects"),    QStringLiteral("instances"),      QStringLiteral("nodes"),
    QStringLiteral("databases"),   QStringLiteral("history"),        QStringLiteral("profile list"),
    QStringLiteral("profile add"), QStringLiteral("profile remove"), QStringLiteral("profile import"),
    QStringLiteral("batch"),       QStringLiteral("profile")};

} // namespace

class TestCliDocs : public QObject
{
    Q_OBJECT

private slots:
    void versionEverywhere_data();
    void versionEverywhere();
    void manPageListsEveryCommandAndOption();
    void completionListsEveryOption();
    void describingRunsNothing();
};

void TestCliDocs::versionEverywhere_data()
{
    QTest::addColumn<QString>("command");
    QTest::newRow("top") << QString();
    for (const QString& command : SubCommands)
        QTest::newRow(qPrintable(command)) << command;
}

void TestCliDocs::versionEverywhere()
{
    QFETCH(QString, command);
    CliHarness harness;
    QStringList arguments = command.split(u' ', Qt::SkipEmptyParts);
    arguments.append(QStringLiteral("--version"));
    const CliHarness::Run run = harness.cli(arguments);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QByteArray("das-connect-cli " DAS_CONNECT_VERSION "\n"));
}

void TestCliDocs::manPageListsEveryCommandAndOption()
{
    CliHarness harness;
    const CliHarness::Run man = harness.cli({QStringLiteral("--help-man")});
    QCOMPARE(man.exitCode, 0);
    QVERIFY(man.out.startsWith(".\\\" Generated from the option definitions of das-connect-cli"));
    QVERIFY(
        man.out.contains(".TH \"DAS\\-CONNECT\\-CLI\" 1 \"\" \"das\\-connect\\-cli " DAS_CONNECT_VERSION));
    for (const QString& command : SubCommands.mid(0, 15)) {
        const QByteArray heading =
            QByteArray(QByteArray(".SS \"das\\-connect\\-cli ") + command.toUtf8() + QByteArray("\"\n"));
        QVERIFY2(man.out.contains(heading), qPrintable(command));
        // Every option the sub-command's --help shows is documented.
        const CliHarness::Run help = harness.cli(command.split(u' ') + QStringList{QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        const qsizetype section = man.out.indexOf(heading);
        const qsizetype next = man.out.indexOf(".SS ", section + 4);
        const QByteArray part = man.out.mid(section, next < 0 ? -1 : next - section);
        int options = 0;
        for (const QByteArray& line : help.out.split('\n')) {
            const QByteArray trimmed = line.trimmed();
            if (!trimmed.startsWith("--") && !trimmed.startsWith("-h"))
                continue;
            const QByteArray name = trimmed.mid(trimmed.indexOf("--")).split(' ').constFirst();
            QByteArray roff = name;
            roff.replace("-", "\\-");
            const QByteArray what = command.toUtf8() + QByteArray(" ") + name;
            QVERIFY2(part.contains(QByteArray(QByteArray("\\fB") + roff + QByteArray("\\fR"))),
                     what.constData());
            ++options;
        }
        QVERIFY2(options >= 2, qPrintable(command)); // --help and --version at least
    }
}

void TestCliDocs::completionListsEveryOption()
{
    CliHarness harness;
    const CliHarness::Run completion = harness.cli({QStringLiteral("--bash-completion")});
    QCOMPARE(completion.exitCode, 0);
    QVERIFY(completion.out.contains("complete -F _das_connect_cli das-connect-cli\n"));
    QVERIFY(completion.out.contains("    \"create:--if-exists\") COMPREPLY=($(compgen -W \"error skip "
                                    "create\" -- \"$cur\")); return 0 ;;"));
    QVERIFY(completion.out.contains("    \"batch\") words=\"plan apply\" ;;"));
    QVERIFY(completion.out.contains("    \"profile\") words=\"list add remove import\" ;;"));
    const qsizetype arm = completion.out.indexOf("    \"delete\") options=\"");
    QVERIFY(arm > 0);
    const QByteArray deleteOptions = completion.out.mid(arm, completion.out.indexOf('\n', arm) - arm);
    for (const char* option : {"--created-since", "--yes", "--json", "--region", "--help", "--version"})
        QVERIFY2(deleteOptions.contains(QByteArray(QByteArray(option) + QByteArray(" "))) ||
                     deleteOptions.contains(QByteArray(QByteArray(option) + QByteArray("\""))),
                 option);
    QVERIFY(!completion.out.contains("--help-man"));
}

void TestCliDocs::describingRunsNothing()
{
    // Describing goes through every sub-command's run(): none of them may open the history or write a file.
    CliHarness harness;
    QVERIFY(harness.isValid());
    QCOMPARE(harness.cli({QStringLiteral("--help-man")}).exitCode, 0);
    QCOMPARE(harness.cli({QStringLiteral("--bash-completion")}).exitCode, 0);
    const QStringList left =
        QDir(harness.home()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    QVERIFY2(left.isEmpty(), qPrintable(left.join(QStringLiteral(", "))));
}

QTEST_GUILESS_MAIN(TestCliDocs)
#include "tst_cli_docs.moc"
