// The whole window on the in-process sandbox: create, faults, cancel, preview, history, template.
#include "ConnectionForm.h"
#include "HistoryPane.h"
#include "HistoryStore.h"
#include "HistoryTableModel.h"
#include "MainWindow.h"
#include "PreviewDialog.h"
#include "ResultPanel.h"
#include "SandboxServer.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace das;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> w;

    QPushButton* createButton() { return w->findChild<QPushButton*>(QStringLiteral("createButton")); }

    void clickCreate()
    {
        QVERIFY(createButton()->isEnabled());
        QTest::mouseClick(createButton(), Qt::LeftButton);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        w = std::make_unique<MainWindow>();
        QString error;
        QVERIFY2(w->openHistory(m_dir.filePath(QStringLiteral("history.sqlite")), &error), qPrintable(error));
        QVERIFY2(w->startSandbox(&error), qPrintable(error));
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    }

    void cleanup()
    {
        w.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("history.sqlite")));
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
        QTest::keyClick(w.get(), Qt::Key_E, Qt::ControlModifier); // Fill example
        QVERIFY(w->form()->isReady());
        clickCreate();
        QTRY_COMPARE_WITH_TIMEOUT(w->resultPanel()->state(), ResultPanel::State::Success, 10000);
        QCOMPARE(w->sandbox()->issuedConnectionIds().size(), 1);
        const QString issued = w->sandbox()->issuedConnectionIds().constFirst();
        QCOMPARE(w->resultPanel()->connectionId(), issued);
        QCOMPARE(w->historyPane()->model()->rowCount(), 1);
        QCOMPARE(w->historyPane()->model()->record(0).connectionId, issued);
        // The row was committed before the ID was shown: a second store sees it.
        HistoryStore reader(m_dir.filePath(QStringLiteral("history.sqlite")));
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

        clickCreate();
        QTRY_COMPARE_WITH_TIMEOUT(w->resultPanel()->state(), ResultPanel::State::Failure, 10000);
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
        clickCreate();
        QVERIFY(w->isBusy());
        QCOMPARE(w->resultPanel()->state(), ResultPanel::State::Busy);
        QTRY_COMPARE_WITH_TIMEOUT(w->sandbox()->requestCount(), 1, 10000);
        // The window stays responsive while waiting.
        auto* remarks = w->findChild<QPlainTextEdit*>(QStringLiteral("remarksEdit"));
        QVERIFY(!remarks->isEnabled());
        QTest::keyClick(w.get(), Qt::Key_Escape);
        QTRY_COMPARE_WITH_TIMEOUT(w->resultPanel()->state(), ResultPanel::State::Failure, 5000);
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
        QString shown;
        QTimer::singleShot(0, this, [&shown] {
            auto* dialog = qobject_cast<PreviewDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            shown = dialog->text();
            dialog->reject();
        });
        w->findChild<QPushButton*>(QStringLiteral("previewButton"))->click();
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
        clickCreate();
        QTRY_COMPARE_WITH_TIMEOUT(w->historyPane()->model()->rowCount(), 1, 10000);
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
        clickCreate();
        QTRY_COMPARE_WITH_TIMEOUT(w->resultPanel()->state(), ResultPanel::State::Success, 10000);
        const QString id = w->resultPanel()->connectionId();
        w.reset();
        w = std::make_unique<MainWindow>();
        QString error;
        QVERIFY(w->openHistory(m_dir.filePath(QStringLiteral("history.sqlite")), &error));
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
