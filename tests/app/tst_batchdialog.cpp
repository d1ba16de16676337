// Batch onboarding in the window, on the in-process sandbox, with real clicks and keys: a CSV file planned
// and applied (passwords typed once per user name, progress to 100 %, rows created on the sandbox and in the
// history), an invalid row shown with its violation and never sent, a bad cell fixed in place, a row left
// out, a file with a password column refused, Cancel in the middle of a run and a second Apply creating the
// rest, the saved report, the sample files, and a look at the dialog at 1024×700.
#include "BatchDialog.h"
#include "BatchPasswordDialog.h"
#include "BatchTableModel.h"
#include "ConnectionForm.h"
#include "GuiTestBase.h"
#include "HistoryPane.h"
#include "HistoryStore.h"
#include "HistoryTableModel.h"
#include "SandboxServer.h"

#include <QAbstractItemView>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace das;
using namespace das::test;

namespace {

const QString Instance = QLatin1String(SandboxOptions::DemoInstanceId);
// Typed into the password prompt; must never reach a report.
const QString Canary = QStringLiteral("Batch-Canary-Pw-7f3e!");

// A CSV line for the demo instance: user, database, port.
QString row(const QString& user, const QString& database, const QString& port = QStringLiteral("3306"))
{
    return QStringLiteral("%1,mysql,rds,%2,%3,%4,batch test").arg(Instance, user, database, port);
}

QString row(const char* user, const char* database, const char* port = "3306")
{
    return row(QString::fromUtf8(user), QString::fromUtf8(database), QString::fromUtf8(port));
}

QStringList strings(std::initializer_list<const char*> texts)
{
    QStringList out;
    for (const char* text : texts)
        out << QString::fromUtf8(text);
    return out;
}

const QString Header =
    QStringLiteral("instance_id,engine_type,network_type,username,database_name,port,remarks");

} // namespace

class TestBatchDialog : public GuiTestBase
{
    Q_OBJECT

public:
    TestBatchDialog()
        : GuiTestBase(Keychain::None)
    {}

private:
    QPointer<BatchDialog> m_dialog;
    int m_before = 0; // connections on the sandbox before the test's batch

    [[nodiscard]] bool openBatch()
    {
        if (!openWindow())
            return false;
        ConnectionRequest request;
        request.projectId = QLatin1String(SandboxOptions::DemoProjectId);
        window()->form()->setRequest(request, false);
        m_before = int(window()->sandbox()->connections().all().size());
        // File → Batch onboarding…, clicked as a user does.
        auto* bar = window()->menuBar();
        auto* file = windowChild<QMenu>("fileMenu");
        QTest::mouseClick(bar, Qt::LeftButton, {}, bar->actionGeometry(file->menuAction()).center());
        if (!QTest::qWaitFor([file] { return file->isVisible(); }, 5000))
            return false;
        QAction* batch = windowChild<QAction>("actionBatch");
        QTest::mouseClick(file, Qt::LeftButton, {}, file->actionGeometry(batch).center());
        m_dialog = window()->findChild<BatchDialog*>(QStringLiteral("batchDialog"));
        return m_dialog && QTest::qWaitForWindowExposed(m_dialog);
    }

    QString writeCsv(const QStringList& lines, const QString& name = QStringLiteral("batch.csv"))
    {
        QFile file(testFile(name));
        if (!file.open(QIODevice::WriteOnly) || file.write((lines.join(u'\n') + u'\n').toUtf8()) < 0)
            qWarning("cannot write %s", qPrintable(file.fileName()));
        return file.fileName();
    }

    QPushButton* button(const char* name) const { return child<QPushButton>(m_dialog, name); }
    QTableView* table() const { return child<QTableView>(m_dialog, "batchTable"); }
    BatchTableModel* model() const { return m_dialog->model(); }
    QString status(int index) const { return model()->statusText(index); }
    QString cell(int index, int column) const { return model()->index(index, column).data().toString(); }

    [[nodiscard]] bool plan()
    {
        QSignalSpy planned(m_dialog.data(), &BatchDialog::planned);
        QTest::mouseClick(button("planButton"), Qt::LeftButton);
        return planned.wait(15000) && planned.constFirst().constFirst().toBool();
    }

    // Clicks Apply and waits for the password prompt; null when it does not come.
    BatchPasswordDialog* applyUntilPrompt()
    {
        QTest::mouseClick(button("applyButton"), Qt::LeftButton);
        BatchPasswordDialog* prompt = nullptr;
        const bool shown = QTest::qWaitFor(
            [&] {
                prompt = m_dialog->findChild<BatchPasswordDialog*>(QStringLiteral("batchPasswordDialog"));
                return prompt && prompt->isVisible();
            },
            15000);
        return shown && QTest::qWaitForWindowExposed(prompt) ? prompt : nullptr;
    }

    // Types `password` for every user name of the prompt and clicks Create connections.
    [[nodiscard]] bool answerPrompt(BatchPasswordDialog* prompt, int users, const QString& password = Canary)
    {
        const QList<QLineEdit*> edits = prompt->findChildren<QLineEdit*>();
        if (edits.size() != users)
            return false;
        for (QLineEdit* edit : edits) {
            if (edit->echoMode() != QLineEdit::Password)
                return false;
            QTest::mouseClick(edit, Qt::LeftButton);
            QTest::keyClicks(edit, password);
        }
        QTest::mouseClick(child<QPushButton>(prompt, "runButton"), Qt::LeftButton);
        return std::all_of(edits.begin(), edits.end(), [](QLineEdit* e) { return e->text().isEmpty(); });
    }

    [[nodiscard]] bool applyAndWait(int users)
    {
        QSignalSpy finished(m_dialog.data(), &BatchDialog::runFinished);
        BatchPasswordDialog* prompt = applyUntilPrompt();
        if (prompt)
            screenshot("batch-passwords-last", prompt);
        return prompt && answerPrompt(prompt, users) && finished.wait(30000);
    }

    // The sandbox's connections made by the test, as "user/database".
    QStringList created() const
    {
        QStringList keys;
        const auto& all = window()->sandbox()->connections().all();
        for (int i = m_before; i < all.size(); ++i)
            keys << all.at(i).userName + u'/' + all.at(i).databaseName;
        keys.sort();
        return keys;
    }

    QRect cellRect(int index, int column) const { return table()->visualRect(model()->index(index, column)); }

    // Clicks a row's Send box where the style draws it.
    void clickCheckBox(int index)
    {
        QStyleOptionViewItem option;
        option.initFrom(table());
        option.rect = cellRect(index, BatchTableModel::IncludeColumn);
        option.features |= QStyleOptionViewItem::HasCheckIndicator;
        const QRect box =
            table()->style()->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, table());
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, box.center());
    }

    // DAS_BATCH_SCREENSHOTS=DIR saves the dialog as DIR/NAME.png, to look at.
    void screenshot(const char* name, QWidget* widget = nullptr) const
    {
        const QString dir = qEnvironmentVariable("DAS_BATCH_SCREENSHOTS");
        if (dir.isEmpty())
            return;
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        (widget ? widget : m_dialog.data())
            ->grab()
            .save(dir + u'/' + QLatin1String(name) + QStringLiteral(".png"));
    }

private slots:
    void cleanup()
    {
        if (window() && window()->sandbox())
            window()->sandbox()->setLatencyMs(0);
        delete m_dialog;
        closeWindow();
        GuiTestBase::cleanup();
    }

    void appliesAFileWithClicks()
    {
        QVERIFY(openBatch());
        QVERIFY(m_dialog->openFile(
            writeCsv({Header, row("alice", "db1"), row("bob", "db2"), row("alice", "db3")})));
        QCOMPARE(model()->rowCount(), 3);
        QCOMPARE(cell(0, BatchTableModel::RowColumn), QStringLiteral("2")); // the header is line 1
        QCOMPARE(cell(1, BatchTableModel::UserColumn), QStringLiteral("bob"));
        QCOMPARE(status(0), QStringLiteral("valid"));
        QVERIFY(plan());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(status(i), QStringLiteral("create"));
        QVERIFY(child<QLabel>(m_dialog, "summaryLabel")->text().contains(QStringLiteral("3 to create")));

        const int historyBefore = window()->historyPane()->model()->rowCount();
        BatchPasswordDialog* prompt = applyUntilPrompt();
        QVERIFY(prompt);
        const QList<QLabel*> labels = prompt->findChildren<QLabel*>();
        QStringList texts;
        for (QLabel* label : labels)
            texts << label->text();
        QVERIFY(texts.contains(QStringLiteral("alice (2 row(s)):")));
        QVERIFY(texts.contains(QStringLiteral("bob (1 row(s)):")));
        screenshot("batch-passwords", prompt);
        QSignalSpy finished(m_dialog.data(), &BatchDialog::runFinished);
        QVERIFY(answerPrompt(prompt, 2));
        QVERIFY(finished.wait(30000));
        screenshot("batch-run");

        auto* progress = child<QProgressBar>(m_dialog, "runProgress");
        QVERIFY(progress->isVisible());
        QCOMPARE(progress->value(), progress->maximum());
        QCOMPARE(progress->maximum(), 3);
        QCOMPARE(child<QLabel>(m_dialog, "countsLabel")->text(),
                 QStringLiteral("3 created · 0 skipped · 0 failed"));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(status(i), QStringLiteral("created"));
        QCOMPARE(created(), strings({"alice/db1", "alice/db3", "bob/db2"}));
        QTRY_COMPARE(window()->historyPane()->model()->rowCount(), historyBefore + 3);
        QVERIFY(m_dialog->ran());
        QVERIFY(button("saveReportButton")->isEnabled());
    }

    void invalidRowIsShownAndNotSent()
    {
        QVERIFY(openBatch());
        QVERIFY(m_dialog->openFile(
            writeCsv({Header, row("carol", "db1"), row("dave", "db2", "99999"), row("erin", "db3")})));
        QCOMPARE(status(1), QStringLiteral("invalid"));
        QVERIFY(cell(1, BatchTableModel::ProblemsColumn).startsWith(QStringLiteral("port: ")));
        QVERIFY(model()
                    ->index(1, BatchTableModel::StatusColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("port")));
        QVERIFY(plan());
        QCOMPARE(status(0), QStringLiteral("create"));
        QCOMPARE(status(1), QStringLiteral("invalid"));
        QVERIFY(applyAndWait(2));
        QCOMPARE(created(), strings({"carol/db1", "erin/db3"}));
        QCOMPARE(status(1), QStringLiteral("invalid"));
        QCOMPARE(m_dialog->report().count(BatchRowResult::Status::Invalid), 1);
    }

    void editingABadCellFixesItLive()
    {
        QVERIFY(openBatch());
        QVERIFY(m_dialog->openFile(writeCsv({Header, row("frank", "db1", "abc")})));
        QCOMPARE(status(0), QStringLiteral("invalid"));
        QVERIFY(!cell(0, BatchTableModel::ProblemsColumn).isEmpty());
        const QRect port = cellRect(0, BatchTableModel::PortColumn);
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, port.center());
        QTest::mouseDClick(table()->viewport(), Qt::LeftButton, {}, port.center());
        auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        QVERIFY(editor);
        QCOMPARE(editor->text(), QStringLiteral("abc"));
        retype(editor, QStringLiteral("3307"));
        QTest::keyClick(editor, Qt::Key_Return);
        // The delegate commits from the event loop; the row is read again in that same step.
        QTRY_COMPARE(cell(0, BatchTableModel::PortColumn), QStringLiteral("3307"));
        QCOMPARE(status(0), QStringLiteral("valid")); // at once, before any plan
        QCOMPARE(cell(0, BatchTableModel::ProblemsColumn), QString());
        QVERIFY(plan());
        QCOMPARE(status(0), QStringLiteral("create"));
        QVERIFY(applyAndWait(1));
        QCOMPARE(created(), strings({"frank/db1"}));
        QCOMPARE(window()->sandbox()->connections().all().constLast().port, QStringLiteral("3307"));
    }

    void excludedRowIsNotSent()
    {
        QVERIFY(openBatch());
        QVERIFY(m_dialog->openFile(
            writeCsv({Header, row("gina", "db1"), row("hank", "db2"), row("ines", "db3")})));
        clickCheckBox(1);
        QVERIFY(model()->isExcluded(1));
        QCOMPARE(status(1), QStringLiteral("excluded"));
        QVERIFY(plan());
        QCOMPARE(status(1), QStringLiteral("excluded"));
        QVERIFY(child<QLabel>(m_dialog, "summaryLabel")->text().contains(QStringLiteral("1 left out")));
        QVERIFY(applyAndWait(2)); // hank is not asked for
        QCOMPARE(created(), strings({"gina/db1", "ines/db3"}));
        QCOMPARE(status(1), QStringLiteral("excluded, not run"));
        QCOMPARE(m_dialog->report().count(BatchRowResult::Status::NotRun), 1);
    }

    void passwordColumnIsRefused()
    {
        QVERIFY(openBatch());
        m_dialog->openFile(
            writeCsv({Header + QStringLiteral(",password"), row("ivan", "db1") + u',' + Canary}));
        auto* problems = child<QLabel>(m_dialog, "fileProblemsLabel");
        QVERIFY(problems->isVisible());
        QVERIFY(problems->text().contains(QStringLiteral("password")));
        QVERIFY(!problems->text().contains(Canary));
        QVERIFY(!button("applyButton")->isEnabled());
        screenshot("batch-refused");
        QTest::mouseClick(button("applyButton"), Qt::LeftButton);
        QVERIFY(!m_dialog->findChild<BatchPasswordDialog*>());
        QCOMPARE(window()->sandbox()->connections().all().size(), m_before);
    }

    void cancelMidRunThenApplyCreatesTheRest()
    {
        QVERIFY(openBatch());
        QStringList lines{Header};
        QStringList all;
        for (int n = 0; n < 20; ++n) {
            lines << row(QStringLiteral("user%1").arg(n), QStringLiteral("db%1").arg(n));
            all << QStringLiteral("user%1/db%1").arg(n);
        }
        all.sort();
        QVERIFY(m_dialog->openFile(writeCsv(lines)));
        window()->sandbox()->setLatencyMs(300);
        // Cancel is clicked as soon as the first row has landed, from the event loop as a user's click comes;
        // the rows sent by then (landed or in flight) are the ones that may finish.
        bool clicked = false;
        int sentAtCancel = -1;
        connect(model(), &QAbstractItemModel::dataChanged, this, [&] {
            const BatchRowResult* result = nullptr;
            for (int i = 0; i < model()->rowCount() && !result; ++i)
                result = model()->resultAt(i);
            if (clicked || !result)
                return;
            clicked = true;
            QTimer::singleShot(0, this, [&] {
                sentAtCancel = 0;
                for (int i = 0; i < model()->rowCount(); ++i)
                    sentAtCancel += model()->stage(i) == BatchTableModel::Stage::Planned ? 0 : 1;
                QTest::mouseClick(button("cancelButton"), Qt::LeftButton);
            });
        });
        QVERIFY(applyAndWait(20));
        QVERIFY(clicked);
        const BatchReport first = m_dialog->report();
        QVERIFY(first.stopped);
        const int made = first.count(BatchRowResult::Status::Created);
        QCOMPARE(made, sentAtCancel); // in flight finished, nothing started after Cancel
        QVERIFY2(made < 20, qPrintable(QString::number(made)));
        QCOMPARE(first.count(BatchRowResult::Status::NotRun), 20 - made);
        QCOMPARE(created().size(), made);
        QVERIFY(child<QLabel>(m_dialog, "messageLabel")->text().startsWith(QStringLiteral("Cancelled")));

        disconnect(model(), &QAbstractItemModel::dataChanged, this, nullptr);
        window()->sandbox()->setLatencyMs(0);
        QVERIFY(applyAndWait(20 - made));
        const BatchReport second = m_dialog->report();
        QCOMPARE(second.count(BatchRowResult::Status::Created), 20 - made);
        QCOMPARE(second.count(BatchRowResult::Status::Existing), made);
        QCOMPARE(created(), all); // each exactly once
    }

    void reportIsPrivateAndHoldsNoPassword()
    {
        QVERIFY(openBatch());
        QVERIFY(!button("saveReportButton")->isEnabled());
        QVERIFY(m_dialog->openFile(writeCsv({Header, row("jill", "db1"), row("kurt", "db2", "x")})));
        QVERIFY(applyAndWait(1));
        for (const char* name : {"report.csv", "report.json"}) {
            const QString path = testFile(QLatin1String(name));
            QString error;
            QVERIFY2(m_dialog->saveReport(path, &error), qPrintable(error));
            QFile file(path);
            QCOMPARE(file.permissions(),
                     QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray text = file.readAll();
            QVERIFY(text.contains("jill"));
            QVERIFY(text.contains("created"));
            QVERIFY(text.contains("invalid"));
            QVERIFY(!text.contains(Canary.toUtf8()));
        }
    }

    void sampleFilesAreReadable()
    {
        QVERIFY(openBatch());
        const QString path = testFile(QStringLiteral("sample.csv"));
        QString error;
        QVERIFY2(m_dialog->writeSample(path, &error), qPrintable(error));
        const BatchFileContent sample = BatchFileReader::read(path);
        QVERIFY(sample.ok());
        QVERIFY(!sample.records.isEmpty());
        auto* sandboxSample = button("sampleButton");
        QVERIFY(sandboxSample->isVisible()); // the target is the built-in sandbox
        QTest::mouseClick(sandboxSample, Qt::LeftButton);
        QVERIFY(model()->rowCount() > 0);
        QVERIFY(!child<QLabel>(m_dialog, "fileProblemsLabel")->isVisible());
        QVERIFY(button("applyButton")->isEnabled());
        QVERIFY(plan());
        QCOMPARE(model()->toSendCount() + model()->excludedCount() > 0, true);
    }

    void looksRightAt1024x700()
    {
        QVERIFY(openBatch());
        QStringList lines{Header, row("lena", "orders"), row("mark", "orders", "99999"),
                          QStringLiteral("%1,mysql,rds,,orders,3306,no user").arg(Instance)};
        for (int n = 0; n < 12; ++n)
            lines << row(QStringLiteral("trainee%1").arg(n), QStringLiteral("class%1").arg(n));
        QVERIFY(m_dialog->openFile(writeCsv(lines)));
        clickCheckBox(4); // left out of the run, then planned: "create"
        QVERIFY(applyAndWait(12));
        clickCheckBox(4);
        clickCheckBox(5); // created, then left out
        m_dialog->resize(1024, 700);
        QVERIFY(plan());
        QCOMPARE(status(4), QStringLiteral("create"));
        QCOMPARE(status(5), QStringLiteral("excluded"));
        for (const char* name : {"openButton", "sampleButton", "writeSampleButton", "planButton",
                                 "applyButton", "cancelButton", "saveReportButton", "closeButton"}) {
            QPushButton* b = button(name);
            QVERIFY2(b->width() >= b->sizeHint().width(), name);
        }
        screenshot("batch-dialog");
    }
};

QTEST_MAIN(TestBatchDialog)
#include "tst_batchdialog.moc"
