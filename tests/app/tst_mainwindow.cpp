// The whole window on the in-process sandbox: create, faults, cancel, preview, history, template.
#include "ConnectionForm.h"
#include "GuiTestBase.h"
#include "HistoryPane.h"
#include "HistoryStore.h"
#include "HistoryTableModel.h"
#include "MainWindow.h"
#include "ResultPanel.h"
#include "SandboxServer.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace das;
using namespace das::test;

class TestMainWindow : public GuiTestBase
{
    Q_OBJECT

private:
    MainWindow* w = nullptr;

private slots:
    void init()
    {
        GuiTestBase::init();
        QVERIFY(openWindow());
        w = window();
    }

    void sandboxBadgeShowsWhereRequestsGo()
    {
        auto* badge = w->findChild<QLabel*>(QStringLiteral("sandboxBadge"));
        QVERIFY(badge->isVisible());
        QCOMPARE(badge->text(), QStringLiteral("SANDBOX"));
        auto* target = w->findChild<QComboBox*>(QStringLiteral("targetCombo"));
        target->setCurrentIndex(target->findData(QStringLiteral("cn-north-4")));
        QTRY_VERIFY(!badge->isVisible()); // the toolbar lays out on its next pass
        QVERIFY(!w->windowTitle().contains(QStringLiteral("Sandbox")));
        target->setCurrentIndex(target->findData(QStringLiteral("sandbox")));
        QTRY_VERIFY(badge->isVisible());
        QVERIFY(w->windowTitle().contains(QStringLiteral("Sandbox")));
    }

    void fullCreateAddsTheSandboxIdToHistory()
    {
        QTest::keyClick(w, Qt::Key_E, Qt::ControlModifier); // Fill example
        QVERIFY(w->form()->isReady());
        QVERIFY(clickCreateAndWait());
        QCOMPARE(w->resultPanel()->state(), ResultPanel::State::Success);
        QCOMPARE(w->sandbox()->issuedConnectionIds().size(), 1);
        const QString issued = w->sandbox()->issuedConnectionIds().constFirst();
        QCOMPARE(w->resultPanel()->connectionId(), issued);
        QCOMPARE(lastCreateResult().connectionId, issued);
        QCOMPARE(w->historyPane()->model()->rowCount(), 1);
        QCOMPARE(w->historyPane()->model()->record(0).connectionId, issued);
        // The row was committed before the ID was shown: a second store sees it.
        HistoryStore reader(historyPath());
        QString error;
        QVERIFY(reader.open(&error));
        QCOMPARE(reader.fetch().constFirst().connectionId, issued);

        w->findChild<QPushButton*>(QStringLiteral("copyConnectionIdButton"))->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), issued);
    }

    void faultModesExplainAndKeepTheForm_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("explanation");
        QTest::newRow("e500") << "e500"
                              << "service failed";
        QTest::newRow("throttle") << "throttle"
                                  << "throttled";
        QTest::newRow("garbage") << "garbage"
                                 << "not JSON";
        QTest::newRow("html502") << "html502"
                                 << "HTML error page";
        QTest::newRow("reset") << "reset"
                               << "may or may not have been created";
        QTest::newRow("expired") << "expired"
                                 << "20 minutes behind";
        QTest::newRow("truncated") << "truncated"
                                   << "cut off";
        QTest::newRow("wrongtype") << "wrongtype"
                                   << "connection_id";
        QTest::newRow("redirect") << "redirect"
                                  << "redirect";
        QTest::newRow("large") << "large"
                               << "larger than";
    }

    void faultModesExplainAndKeepTheForm()
    {
        QFETCH(QString, mode);
        QFETCH(QString, explanation);
        auto* action = w->findChild<QAction*>(QStringLiteral("sandboxMode_") + mode);
        QVERIFY(action);
        action->trigger();
        w->form()->fillExample();
        auto* remarks = w->findChild<QPlainTextEdit*>(QStringLiteral("remarksEdit"));
        remarks->setFocus();
        QTest::keyClicks(remarks, QStringLiteral(" - typed by hand"));
        const ConnectionRequest before = w->form()->request();

        QVERIFY(clickCreateAndWait());
        QCOMPARE(w->resultPanel()->state(), ResultPanel::State::Failure);
        QVERIFY(!lastCreateResult().succeeded());
        QVERIFY2(w->resultPanel()->explanation().contains(explanation),
                 qPrintable(w->resultPanel()->explanation()));
        QVERIFY(!w->resultPanel()->details().isEmpty());

        const ConnectionRequest after = w->form()->request();
        QCOMPARE(after.remarks, before.remarks);
        QCOMPARE(after.password, before.password);
        QCOMPARE(after.instanceId, before.instanceId);
        QCOMPARE(after.port, before.port);
        QCOMPARE(w->historyPane()->model()->rowCount(), 0);
        QVERIFY(createButton()->isEnabled()); // ready to try again by hand
    }

    void cancelWithEscape()
    {
        w->sandbox()->setLatencyMs(10000);
        w->form()->fillExample();
        QVERIFY(clickCreate());
        QVERIFY(w->isBusy());
        QCOMPARE(w->resultPanel()->state(), ResultPanel::State::Busy);
        QTRY_COMPARE_WITH_TIMEOUT(w->sandbox()->requestCount(), 1, 10000);
        // The window stays responsive while waiting.
        auto* remarks = w->findChild<QPlainTextEdit*>(QStringLiteral("remarksEdit"));
        QVERIFY(!remarks->isEnabled());
        QTest::keyClick(w, Qt::Key_Escape);
        QVERIFY(waitForCreateFinished(1, 5000));
        QCOMPARE(w->resultPanel()->state(), ResultPanel::State::Failure);
        QCOMPARE(lastCreateResult().outcome, CreateResult::Outcome::Cancelled);
        QVERIFY(!w->isBusy());
        QVERIFY2(w->resultPanel()->explanation().startsWith(QStringLiteral("Cancelled")),
                 qPrintable(w->resultPanel()->explanation()));
        QVERIFY(w->resultPanel()->details().contains(QStringLiteral("cancelled")));
        QCOMPARE(w->historyPane()->model()->rowCount(), 0);
        QVERIFY(remarks->isEnabled());
    }

    void previewIsMaskedAndMatchesTheRequest()
    {
        w->form()->fillExample();
        const QString shown = previewText();
        QVERIFY(shown.startsWith(QStringLiteral("POST ") + w->sandbox()->url().toString()));
        QVERIFY(shown.contains(QStringLiteral("\"password\":\"********\"")));
        QVERIFY(shown.contains(QStringLiteral("Signature=********")));
        QVERIFY(!shown.contains(QStringLiteral("Sandbox_Demo_2026")));
        QVERIFY(!shown.contains(w->sandbox()->options().secretKey));
        QCOMPARE(w->sandbox()->requestCount(), 0); // preview sends nothing
    }

    void historyRowAsTemplateLeavesPasswordEmpty()
    {
        w->form()->fillExample();
        QVERIFY(clickCreateAndWait());
        QCOMPARE(w->historyPane()->model()->rowCount(), 1);
        w->form()->setRequest(ConnectionRequest());
        QTableView* table = w->historyPane()->table();
        const QRect cell = table->visualRect(table->model()->index(0, 0));
        QVERIFY(cell.isValid());
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        const ConnectionRequest filled = w->form()->request();
        QCOMPARE(filled.instanceId, QLatin1String(SandboxOptions::DemoInstanceId));
        QCOMPARE(filled.username, QStringLiteral("root"));
        QCOMPARE(filled.password, QString());
        QVERIFY(!w->form()->isReady());
        QCOMPARE(QApplication::focusWidget(), w->findChild<QLineEdit*>(QStringLiteral("passwordEdit")));
    }

    void historySurvivesRestart()
    {
        w->form()->fillExample();
        QVERIFY(clickCreateAndWait());
        QCOMPARE(w->resultPanel()->state(), ResultPanel::State::Success);
        const QString id = w->resultPanel()->connectionId();
        QVERIFY(reopenWindow());
        w = window();
        QCOMPARE(w->historyPane()->model()->rowCount(), 1);
        QCOMPARE(w->historyPane()->model()->record(0).connectionId, id);
    }

    void invalidCreateFocusesTheProblem()
    {
        w->form()->fillExample();
        auto* port = w->findChild<QLineEdit*>(QStringLiteral("portEdit"));
        port->setText(QStringLiteral("70000"));
        QVERIFY(!createButton()->isEnabled());
        w->createConnection(); // e.g. from the menu shortcut
        QCOMPARE(w->sandbox()->requestCount(), 0);
        QCOMPARE(QApplication::focusWidget(), port);
        QVERIFY(w->form()->messageFor(QStringLiteral("port")).contains(QStringLiteral("65535")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
