// The batch file and its row rules, without a network: CSV and JSON reading (BOM, delimiters, quoting, line
// ends, every refusal and its row number), the row reader's violations by column, and duplicates in a file.
#include "BatchFile.h"
#include "BatchPlan.h"
#include "BatchTableModel.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace das;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString Instance = u"bcfa975193f1402fa11a6d4fd6baf5fbin01"_s;
const QString Node = u"6b0e3d1c2a9f4e8b9c7d5a4f3e2d1c0bno01"_s;
const QString Project = u"052041494800d57c2f02c00275b4c247"_s;

QString allMessages(const BatchFileContent& content)
{
    QStringList list;
    for (const BatchFileProblem& p : content.problems)
        list.append(u"%1|%2|%3"_s.arg(p.row).arg(p.column, p.message));
    return list.join(QLatin1Char('\n'));
}

// One cell of a test record: the column, and the text as a literal or a QString.
struct Cell
{
    Cell(const char* c, const char* v)
        : column(QString::fromUtf8(c))
        , value(QString::fromUtf8(v))
    {}
    Cell(const char* c, const QString& v)
        : column(QString::fromUtf8(c))
        , value(v)
    {}
    QString column;
    QString value;
};

BatchRecord record(int row, std::initializer_list<Cell> cells)
{
    BatchRecord r;
    r.row = row;
    for (const Cell& cell : cells)
        r.cells.insert(cell.column, cell.value);
    return r;
}

// "column:rule" of each violation, in order.
QStringList rulesOf(const BatchRowPlan& row)
{
    QStringList out;
    for (const BatchViolation& v : row.violations)
        out.append(v.column + QLatin1Char(':') + v.rule);
    return out;
}

} // namespace

class TestBatchFile : public QObject
{
    Q_OBJECT

private slots:
    void csvWithBomSemicolonsCrlfAndQuotes()
    {
        const QByteArray bytes = "\xEF\xBB\xBFInstance_ID; UserName ;Remarks;DATABASE_NAME\r\n" +
                                 Instance.toUtf8() +
                                 ";root;\"a; b, \"\"quoted\"\"\r\nsecond line\";orders\r\n"
                                 "\r\n" +
                                 Instance.toUtf8() + ";  app  ;  \"x\";\r\n";
        const BatchFileContent content = BatchFileReader::parse(bytes);
        QVERIFY2(content.ok(), qPrintable(allMessages(content)));
        QCOMPARE(content.columns,
                 QStringList({u"instance_id"_s, u"username"_s, u"remarks"_s, u"database_name"_s}));
        QCOMPARE(content.records.size(), 2);
        const BatchRecord& first = content.records.at(0);
        QCOMPARE(first.row, 2);
        QCOMPARE(first.value("remarks"), u"a; b, \"quoted\"\nsecond line"_s);
        QCOMPARE(first.value("database_name"), u"orders"_s);
        const BatchRecord& second = content.records.at(1);
        QCOMPARE(second.row, 5); // the quoted cell spans lines 2-3, line 4 is blank
        QCOMPARE(second.value("username"), u"app"_s);
        QCOMPARE(second.value("remarks"), u"x"_s);
        QVERIFY(!second.has("database_name")); // empty cells are absent
    }

    void csvCommaWinsWhenTheHeaderSaysSo()
    {
        const BatchFileContent content = BatchFileReader::parse(
            "username,remarks\nroot,\"a;b\"\nsecond,plain;text\n", BatchFileReader::Format::Csv);
        QVERIFY2(content.ok(), qPrintable(allMessages(content)));
        QCOMPARE(content.records.at(0).value("remarks"), u"a;b"_s);
        QCOMPARE(content.records.at(1).value("remarks"), u"plain;text"_s);
        QCOMPARE(content.records.at(1).row, 3);
    }

    void jsonArrayOfObjects()
    {
        // (No raw string literals in this file: moc 6.4 stops finding the class after one.)
        const QByteArray bytes =
            "[{\"Instance_Name\": \"orders-db-prod-01\", \"username\": \"root\", \"port\": 3306,\n"
            "  \"sql_record_flag\": true, \"save_password\": false, \"node_ids\": [\"a1\", \"b2\"],\n"
            "  \"database_name\": null},\n"
            " {\"instance_id\": \"x\", \"username\": \" u \", \"port\": 3306.5}]";
        const BatchFileContent content = BatchFileReader::parse(bytes);
        QVERIFY2(content.ok(), qPrintable(allMessages(content)));
        QCOMPARE(content.records.size(), 2);
        const BatchRecord& first = content.records.at(0);
        QCOMPARE(first.row, 1);
        QCOMPARE(first.value("instance_name"), u"orders-db-prod-01"_s);
        QCOMPARE(first.value("port"), u"3306"_s);
        QCOMPARE(first.value("sql_record_flag"), u"true"_s);
        QCOMPARE(first.value("save_password"), u"false"_s);
        QCOMPARE(first.value("node_ids"), u"a1 b2"_s);
        QVERIFY(!first.has("database_name"));
        QCOMPARE(content.records.at(1).row, 2);
        QCOMPARE(content.records.at(1).value("username"), u"u"_s);
        QCOMPARE(content.records.at(1).value("port"), u"3306.5"_s);
        QVERIFY(content.columns.contains(u"instance_name"_s));
    }

    void jsonRefusals()
    {
        QVERIFY(
            allMessages(BatchFileReader::parse("{\"username\": \"root\"}")).contains(u"array of objects"_s));
        QVERIFY(
            allMessages(BatchFileReader::parse("[{\"username\": \"root\"")).contains(u"not valid JSON"_s));
        const BatchFileContent content =
            BatchFileReader::parse("[{\"username\": \"a\"}, 7, {\"username\": {\"x\": 1}}, {\"username\": "
                                   "[\"a\"]}, {\"node_names\": [1]},\n"
                                   "                {\"username\": \"b\", \"UserName\": \"c\"}]");
        const QString all = allMessages(content);
        QVERIFY2(all.contains(u"2||Row 2 is not an object."_s), qPrintable(all));
        QVERIFY2(all.contains(u"3|username|"_s), qPrintable(all));
        QVERIFY2(all.contains(u"4|username|"_s) && all.contains(u"node_ids and node_names"_s),
                 qPrintable(all));
        QVERIFY2(all.contains(u"5|node_names|"_s) && all.contains(u"only hold text"_s), qPrintable(all));
        QVERIFY2(all.contains(u"6|username|"_s) && all.contains(u"more than once"_s), qPrintable(all));
        QCOMPARE(content.records.size(), 1); // only row 1 is whole
    }

    void unknownColumnsAreNamed()
    {
        const BatchFileContent content =
            BatchFileReader::parse("username,Colour,instance_id,size\nroot,red,x,1\n");
        QCOMPARE(content.problems.size(), 2);
        QCOMPARE(content.problems.at(0).column, u"colour"_s);
        QVERIFY(content.problems.at(0).message.contains(u"\u201ccolour\u201d"_s));
        QVERIFY(content.problems.at(0).message.contains(u"instance_name"_s)); // what is allowed
        QCOMPARE(content.problems.at(1).column, u"size"_s);
        QVERIFY(!content.records.constFirst().has("colour"));
        const BatchFileContent json = BatchFileReader::parse("[{\"username\": \"a\", \"Colour\": \"red\"}]");
        QCOMPARE(json.problems.size(), 1);
        QCOMPARE(json.problems.at(0).column, u"colour"_s);
    }

    void passwordColumnIsRefusedWithTheReason()
    {
        const QByteArray secret = "S3cret-Canary!";
        for (const QByteArray& bytes :
             {QByteArray("username,Password\nroot," + secret + "\n"),
              QByteArray("[{\"username\": \"root\", \"password\": \"" + secret + "\"}]")}) {
            const BatchFileContent content = BatchFileReader::parse(bytes);
            QCOMPARE(content.problems.size(), 1);
            const BatchFileProblem& p = content.problems.constFirst();
            QCOMPARE(p.column, u"password"_s);
            for (const char* part : {"never read", "shell history", "--password-stdin", "--passwords-file",
                                     "keychain", "window"})
                QVERIFY2(p.message.contains(QLatin1String(part)), part);
            QVERIFY(!allMessages(content).contains(QString::fromLatin1(secret)));
            QCOMPARE(content.records.size(), 1);
            QVERIFY(!content.records.constFirst().has("password"));
        }
    }

    void rowLongerThanTheHeader()
    {
        const BatchFileContent content =
            BatchFileReader::parse("username,instance_id\nroot,x,extra\nok,y,,\n\"multi\nline\",z,1,2\n");
        QCOMPARE(content.problems.size(), 2);
        QCOMPARE(content.problems.at(0).row, 2);
        QVERIFY(content.problems.at(0).message.contains(u"3 cells"_s));
        QCOMPARE(content.problems.at(1).row, 4);
        QCOMPARE(content.records.size(), 1); // trailing empty cells are not extra cells
        QCOMPARE(content.records.constFirst().row, 3);
    }

    void unterminatedQuote()
    {
        const BatchFileContent content =
            BatchFileReader::parse("username,remarks\nroot,ok\nu,\"abc\nnext,row\n");
        QCOMPARE(content.problems.size(), 1);
        QCOMPARE(content.problems.constFirst().row, 3);
        QVERIFY(content.problems.constFirst().message.contains(u"not closed"_s));
        QCOMPARE(content.records.size(), 1);
    }

    void notUtf8()
    {
        const BatchFileContent content = BatchFileReader::parse("username\nroot\nr\xE9my\n");
        QCOMPARE(content.problems.size(), 1);
        QVERIFY2(content.problems.constFirst().message.contains(u"line 3"_s),
                 qPrintable(allMessages(content)));
        QVERIFY(content.records.isEmpty());
        QVERIFY(!BatchFileReader::parse("username\n\xC0\xAF\n").ok());     // overlong
        QVERIFY(!BatchFileReader::parse("username\n\xED\xA0\x80\n").ok()); // surrogate
        QVERIFY(BatchFileReader::parse("username\nr\xC3\xA9my\xF0\x9F\x98\x80\n").ok());
    }

    void emptyAndHeaderOnly()
    {
        for (const QByteArray& bytes : {QByteArray(), QByteArray("\xEF\xBB\xBF \r\n\n")}) {
            const BatchFileContent content = BatchFileReader::parse(bytes);
            QCOMPARE(content.problems.size(), 1);
            QVERIFY(content.problems.constFirst().message.contains(u"empty"_s));
        }
        QVERIFY(allMessages(BatchFileReader::parse("username,instance_id\n")).contains(u"no rows"_s));
        QVERIFY(allMessages(BatchFileReader::parse("[]")).contains(u"no rows"_s));
    }

    void limits()
    {
        QByteArray many = "username\n";
        for (int i = 0; i <= BatchFileReader::MaxRows; ++i)
            many += "u\n";
        QVERIFY(allMessages(BatchFileReader::parse(many)).contains(u"more than 100000 rows"_s));
        const QByteArray huge(BatchFileReader::MaxBytes + 1, 'a');
        const BatchFileContent big = BatchFileReader::parse(huge);
        QCOMPARE(big.problems.size(), 1);
        QVERIFY(big.problems.constFirst().message.contains(u"larger than"_s));
        const BatchFileContent cell = BatchFileReader::parse(
            "username,remarks\nroot," + QByteArray(BatchFileReader::MaxCellChars + 1, 'r') + "\n");
        QCOMPARE(cell.problems.size(), 1);
        QCOMPARE(cell.problems.constFirst().column, u"remarks"_s);
        QVERIFY(BatchFileReader::parse("username,remarks\nroot," +
                                       QByteArray(BatchFileReader::MaxCellChars, 'r') + "\n")
                    .ok());
    }

    void problemsAreCapped()
    {
        QByteArray bytes = "username\n";
        for (int i = 0; i < 1500; ++i)
            bytes += "a,b\n";
        const BatchFileContent content = BatchFileReader::parse(bytes);
        QCOMPARE(content.problems.size(), BatchFileReader::MaxProblems + 1);
        QCOMPARE(content.problems.at(BatchFileReader::MaxProblems - 1).row, 1001);
        QVERIFY(content.problems.constLast().message.contains(u"500 more"_s));
    }

    void readFileByExtension()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"batch.json"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("  [{\"username\": \"root\"}]");
        file.close();
        QCOMPARE(BatchFileReader::read(path).records.size(), 1);
        const BatchFileContent missing = BatchFileReader::read(dir.filePath(u"none.csv"_s));
        QCOMPARE(missing.problems.size(), 1);
        QVERIFY(missing.problems.constFirst().message.contains(u"none.csv"_s));
    }

    void rowViolationsByColumn()
    {
        const BatchRowPlan row = BatchRowReader::read(
            record(7,
                   {{"instance_name", "orders-db-prod-01"}, {"port", "abc"}, {"sql_record_flag", "maybe"}}),
            Project);
        QCOMPARE(row.row, 7);
        QCOMPARE(row.action, BatchRowPlan::Action::Invalid);
        QVERIFY(row.needsInstance);
        // The instance and its engine are the planner's to look up; a password is never the file's.
        QCOMPARE(rulesOf(row),
                 QStringList({u"username:required"_s, u"port:not_integer"_s, u"sql_record_flag:choice"_s}));
        QVERIFY(row.summary().startsWith(u"invalid (row 7, username: "_s));
        QCOMPARE(row.toJson().value(QLatin1String("violations")).toArray().size(), 3);
    }

    void everyViolationIsListed()
    {
        const BatchRowPlan row = BatchRowReader::read(record(2, {{"project_id", "short"},
                                                                 {"instance_id", "bad"},
                                                                 {"engine_type", "oracle"},
                                                                 {"node_ids", "a,b"},
                                                                 {"port", "70000"},
                                                                 {"database_name", "x\ty"},
                                                                 {"remarks", QString(600, u'r')},
                                                                 {"save_password", "si"}}),
                                                      Project);
        QCOMPARE(rulesOf(row),
                 QStringList({u"project_id:format"_s, u"instance_id:format"_s, u"engine_type:not_allowed"_s,
                              u"username:required"_s, u"node_ids:format"_s, u"node_ids:format"_s,
                              u"port:range"_s, u"database_name:control_character"_s, u"remarks:too_long"_s,
                              u"save_password:choice"_s}));
        const BatchRowPlan none = BatchRowReader::read(record(3, {{"username", "u"}}), QString());
        QCOMPARE(rulesOf(none), QStringList({u"project_id:required"_s, u"instance_id:required"_s}));
    }

    void booleansAndNodeIds()
    {
        const QString ids = Node + u" 1234567890abcdef1234567890abcdef;"_s +
                            u"abcdef1234567890abcdef1234567890no02 ,fedcba0987654321fedcba0987654321"_s;
        const std::pair<const char*, bool> cases[] = {{"yes", true}, {"No", false},  {"1", true},
                                                      {"0", false},  {"TRUE", true}, {"false", false}};
        for (const auto& [text, value] : cases) {
            const BatchRowPlan row = BatchRowReader::read(record(2, {{"instance_id", Instance},
                                                                     {"engine_type", "mysql"},
                                                                     {"username", "u"},
                                                                     {"node_ids", ids},
                                                                     {"sql_record_flag", text},
                                                                     {"save_password", text}}),
                                                          Project);
            QCOMPARE(row.action, BatchRowPlan::Action::Create);
            QCOMPARE(row.request.sqlRecordFlag, value);
            QCOMPARE(row.request.isSavePassword, value);
            QCOMPARE(row.request.nodeIds.size(), 4);
            QCOMPARE(row.request.networkType, u"rds"_s); // the engine's usual one
            QVERIFY(!row.needsInstance);
        }
    }

    void namesAreLeftForThePlanner()
    {
        BatchRowPlan row = BatchRowReader::read(
            record(2, {{"instance_name", "orders-db-prod-01"}, {"username", "u"}, {"node_names", "n0 n1"}}),
            Project);
        QCOMPARE(row.action, BatchRowPlan::Action::Create);
        QVERIFY(row.needsInstance);
        QCOMPARE(row.nodeNames, QStringList({u"n0"_s, u"n1"_s}));
        // Once resolved, a node rule is reported on the column the file used.
        row.request.instanceId = Instance;
        row.request.engineType = u"mysql"_s;
        row.request.networkType = u"rds"_s;
        row.request.nodeIds = {Node, Node};
        row.needsInstance = false;
        row.nodeNames.clear();
        BatchRowReader::validate(&row);
        QCOMPARE(rulesOf(row), QStringList({u"node_names:duplicate"_s}));
        QList<BatchRowPlan> rows{row};
        BatchRowReader::markDuplicatesInFile(&rows); // not a duplicate row: it stays as it is
        QCOMPARE(rulesOf(rows.constFirst()), QStringList({u"node_names:duplicate"_s}));

        const BatchRowPlan both = BatchRowReader::read(record(3, {{"instance_id", Instance},
                                                                  {"engine_type", "mysql"},
                                                                  {"username", "u"},
                                                                  {"node_names", "a"},
                                                                  {"node_ids", Node}}),
                                                       Project);
        QCOMPARE(rulesOf(both), QStringList({u"node_names:conflict"_s}));
        QVERIFY(both.nodeNames.isEmpty());
    }

    void duplicatesInTheFile()
    {
        auto row = [](int n, const char* user, const char* database) {
            return BatchRowReader::read(record(n, {{"instance_id", Instance},
                                                   {"engine_type", "mysql"},
                                                   {"username", user},
                                                   {"database_name", database}}),
                                        Project);
        };
        QList<BatchRowPlan> rows{row(2, "u", "a"), row(3, "u", "b"), row(4, "u", "a"), row(5, "u", ""),
                                 row(6, "u", "b")};
        rows[1].excluded = true; // left out: row 6 is not its duplicate
        BatchRowReader::markDuplicatesInFile(&rows);
        QCOMPARE(rows.at(0).action, BatchRowPlan::Action::Create);
        QCOMPARE(rows.at(2).action, BatchRowPlan::Action::Invalid);
        QCOMPARE(rulesOf(rows.at(2)), QStringList({u"username:duplicate"_s}));
        QVERIFY(rows.at(2).violations.constFirst().message.contains(u"row 2"_s));
        QCOMPARE(rows.at(3).action, BatchRowPlan::Action::Create);
        QCOMPARE(rows.at(4).action, BatchRowPlan::Action::Create);
        rows[1].excluded = false; // marked afresh
        BatchRowReader::markDuplicatesInFile(&rows);
        QCOMPARE(rows.at(4).action, BatchRowPlan::Action::Invalid);
        QCOMPARE(rows.at(2).violations.size(), 1);
    }

    void summaryAndJson()
    {
        BatchRowPlan row = BatchRowReader::read(
            record(4, {{"instance_id", Instance}, {"engine_type", "mysql"}, {"username", "u"}}), Project);
        QCOMPARE(row.summary(), u"create"_s);
        row.action = BatchRowPlan::Action::Skip;
        row.existingId = u"c-1"_s;
        QCOMPARE(row.summary(), u"skip (exists: c-1)"_s);
        const QJsonObject json = row.toJson();
        QCOMPARE(json.value(QLatin1String("action")).toString(), u"skip"_s);
        QCOMPARE(json.value(QLatin1String("existing_id")).toString(), u"c-1"_s);
        QCOMPARE(json.value(QLatin1String("row")).toInt(), 4);
        QCOMPARE(json.value(QLatin1String("instance_id")).toString(), Instance);
        BatchPlan plan;
        plan.rows = {row, row};
        QCOMPARE(plan.count(BatchRowPlan::Action::Skip), 2);
        QCOMPARE(plan.count(BatchRowPlan::Action::Create), 0);
    }

    void sampleRoundTrips()
    {
        const BatchFileContent sample = BatchFileReader::parse(BatchFileReader::sampleCsv());
        QVERIFY2(sample.ok(), qPrintable(allMessages(sample)));
        QCOMPARE(sample.columns, BatchFileReader::knownColumns());
        QCOMPARE(sample.records.size(), 2);
        for (const BatchRecord& r : sample.records)
            QCOMPARE(BatchRowReader::read(r, Project).action, BatchRowPlan::Action::Create);

        const QList<QHash<QString, QString>> rows = {
            {{u"username"_s, u"a,b"_s}, {u"remarks"_s, u"say \"hi\";\nbye"_s}},
            {{u"username"_s, u"plain"_s}, {u"port"_s, u"5432"_s}},
        };
        const BatchFileContent back = BatchFileReader::parse(BatchFileReader::sampleCsv(rows));
        QVERIFY2(back.ok(), qPrintable(allMessages(back)));
        QCOMPARE(back.columns, QStringList({u"username"_s, u"port"_s, u"remarks"_s}));
        QCOMPARE(back.records.size(), 2);
        QCOMPARE(back.records.at(0).cells, rows.at(0));
        QCOMPARE(back.records.at(1).cells, rows.at(1));
        QCOMPARE(back.records.at(1).row, 4); // row 1 spans lines 2-3
    }

    // Some exporters start with an empty line: the separator is still chosen from the header.
    void leadingBlankLineKeepsTheSemicolons()
    {
        const BatchFileContent content =
            BatchFileReader::parse("\r\ninstance_name;username\r\norders-db-prod-01;r\r\n");
        QVERIFY2(content.ok(), qPrintable(allMessages(content)));
        QCOMPARE(content.records.size(), 1);
        QCOMPARE(content.records.constFirst().value("username"), u"r"_s);
    }

    // A header of thousands of columns, or a row of thousands of cells, is refused with one problem each
    // (bounded memory and output), and huge JSON numbers are read without undefined behaviour.
    void hugeShapesAreRefusedBounded()
    {
        QByteArray header = "username";
        for (int i = 0; i < 5000; ++i)
            header += ",a" + QByteArray::number(i);
        const BatchFileContent wide = BatchFileReader::parse(header + "\nroot\n");
        QCOMPARE(wide.problems.size(), 1);
        QVERIFY(allMessages(wide).contains(u"more than 64 columns"_s));

        QByteArray row = "root";
        for (int i = 0; i < 5000; ++i)
            row += ",x";
        const BatchFileContent longRow = BatchFileReader::parse("username,remarks\n" + row + "\n");
        QCOMPARE(longRow.problems.size(), 1);
        QVERIFY(allMessages(longRow).contains(u"more than 64 cells"_s));

        const BatchFileContent number =
            BatchFileReader::parse("[{\"username\": \"root\", \"instance_id\": \"i\", \"port\": 1e300}]");
        QVERIFY(number.ok());
        QVERIFY(!number.records.constFirst().value("port").isEmpty());
    }

    // Column names come from the file: the problem's column field is cleaned like its message.
    void columnNamesAreCleaned()
    {
        const BatchFileContent content = BatchFileReader::parse("username,\x1b[2Jevil\nroot,x\n");
        QCOMPARE(content.problems.size(), 1);
        QVERIFY(!content.problems.constFirst().column.contains(QChar(0x1b)));
        QVERIFY(!allMessages(content).contains(QChar(0x1b)));
    }

    // The table's tooltips show file text as text, never as markup.
    void tooltipsEscapeFileText()
    {
        const BatchFileContent content =
            BatchFileReader::parse("instance_id,username\n<b>x</b>,<h1>hi</h1>\n");
        BatchTableModel model;
        model.setRecords(content.records, u"052041494800d57c2f02c00275b4c247"_s);
        const QString tip = model.index(0, BatchTableModel::ProblemsColumn).data(Qt::ToolTipRole).toString() +
                            model.index(0, BatchTableModel::InstanceColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(!tip.contains(u"<b>"_s) && !tip.contains(u"<h1>"_s), qPrintable(tip));
        QVERIFY2(tip.contains(u"&lt;b&gt;"_s), qPrintable(tip));
    }
};

QTEST_GUILESS_MAIN(TestBatchFile)
#include "tst_batchfile.moc"
