// The window when a create's answer is lost, and the history's unresolved rows at start: DAS is asked what
// exists, and the create is never sent again.
#include "ConnectionActions.h"
#include "ConnectionForm.h"
#include "CreateFlow.h"
#include "GuiTestBase.h"
#include "HistoryPane.h"
#include "HistoryStore.h"
#include "HistoryTableModel.h"
#include "MainWindow.h"
#include "ResultPanel.h"
#include "SandboxServer.h"

#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTest>
#include <QTimer>

using namespace das;
using namespace das::test;

namespace {

// Looks a few hundred milliseconds apart instead of the real 10 s, long enough to see each one shown.
const QList<int> ShortSchedule = {0, 300, 600};

ConnectionRequest demoCreate(const QString& databaseName)
{
    ConnectionRequest r = SandboxOptions::demoRequest();
    r.password = QStringLiteral("Sandbox_Demo_2026");
    r.databaseName = databaseName;
    return r;
}

} // namespace

class TestMainWindowReconcile : public GuiTestBase
{
    Q_OBJECT

private:
    MainWindow* w = nullptr;

    [[nodiscard]] bool openOnSandbox()
    {
        if (!openWindow())
            return false;
        w = window();
        w->createFlow()->setReconcileScheduleMs(ShortSchedule);
        return true;
    }

    // The window's history rows, newest first.
    QList<HistoryRecord> rows() const { return w->historyPane()->model()->allRecords(); }

    // Writes a pending row for `request` on the window's sandbox target into the history file, as a crash
    // mid-create leaves it. Called before the window opens the history.
    bool writePending(const ConnectionRequest& request, qint64* id)
    {
        HistoryStore store(historyPath());
        QString error;
        HistoryRecord row =
            HistoryRecord::pending(request, window()->form()->target().endpoint.toString(), QString());
        // Written by an earlier run: judged at the first look, not waited for as a create still arriving.
        row.createdAt = row.createdAt.addSecs(-5 * 60);
        if (!store.open(&error) || !store.add(row, &error)) {
            qWarning("history: %s", qPrintable(error));
            return false;
        }
        *id = row.id;
        return true;
    }

    // The form shows the request (without its password), so that the target's project is known.
    void showInForm(ConnectionRequest request)
    {
        request.password.clear();
        window()->form()->setRequest(request, false);
    }

private slots:
    void lostAnswerIsConfirmedOnDas()
    {
        QVERIFY(openOnSandbox());
        w->sandbox()->setMode(SandboxOptions::Mode::Lost);
        w->form()->fillExample();
        QVERIFY(clickCreateAndWait());

        QCOMPARE(w->sandbox()->connections().all().size(), 1); // never sent twice
        const QString id = w->sandbox()->connections().all().constFirst().connectionId;
        QCOMPARE(w->resultPanel()->state(), ResultPanel::State::Success);
        QCOMPARE(w->resultPanel()->title(), QStringLiteral("Created (confirmed on DAS)"));
        QCOMPARE(w->resultPanel()->connectionId(), id);
        QCOMPARE(lastCreateResult().connectionId, id);
        const QList<HistoryRecord> history = rows();
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.constFirst().state, HistoryRecord::State::Created);
        QCOMPARE(history.constFirst().connectionId, id);
        QCOMPARE(history.constFirst().stateDetail, QStringLiteral("created (confirmed on DAS)"));
    }

    void refusedLostIsNotCreatedAndSafeToCreateAgain()
    {
        QVERIFY(openOnSandbox());
        w->sandbox()->setMode(SandboxOptions::Mode::RefusedLost);
        w->form()->fillExample();
        QVERIFY(clickCreate());
        QTRY_COMPARE(
            w->resultPanel()->title(),
            QStringLiteral("Answer lost; asking DAS whether the connection was created (look 2 of 3)…"));
        QVERIFY(waitForCreateFinished(1));
        QCOMPARE(w->resultPanel()->title(), QStringLiteral("Not created — safe to create again"));
        QCOMPARE(w->sandbox()->connections().all().size(), 0);
        QCOMPARE(rows().size(), 1);
        QCOMPARE(rows().constFirst().state, HistoryRecord::State::NotCreated);

        // Safe, so no question: the next Create goes straight to DAS.
        w->sandbox()->setMode(SandboxOptions::Mode::Ok);
        QVERIFY(clickCreateAndWait());
        QVERIFY(!w->createFlow()->question());
        QCOMPARE(w->resultPanel()->title(), QStringLiteral("Connection created"));
        QCOMPARE(w->sandbox()->connections().all().size(), 1);
    }

    void severalMatchesStayUnknownAndCreateAsksFirst()
    {
        QVERIFY(openOnSandbox());
        const ConnectionRequest request = demoCreate(QStringLiteral("orders"));
        QString a;
        QString b;
        QVERIFY(createBehindTheWindow(request, &a));
        QVERIFY(createBehindTheWindow(request, &b));
        w->sandbox()->setMode(SandboxOptions::Mode::Lost);
        w->form()->fillExample();
        QVERIFY(clickCreate());
        QVERIFY(answerQuestion("createAnotherButton")); // the two above exist already
        QVERIFY(waitForCreateFinished(1));

        QCOMPARE(w->sandbox()->connections().all().size(), 3);
        const QString title = w->resultPanel()->title();
        QVERIFY2(title.startsWith(QStringLiteral("Outcome unknown: several connections on DAS match: ")),
                 qPrintable(title));
        for (const SandboxConnections::Connection& c : w->sandbox()->connections().all())
            QVERIFY2(title.contains(c.connectionId), qPrintable(c.connectionId));
        QCOMPARE(w->resultPanel()->connectionId(), QString());
        QCOMPARE(rows().constFirst().state, HistoryRecord::State::Unknown);
        // The create has said what DAS knows; the background check of earlier runs' rows leaves it alone.
        auto* settle = w->connectionActions()->findChild<QTimer*>(QStringLiteral("settleTimer"));
        QVERIFY(settle);
        QTRY_VERIFY(!settle->isActive());
        QVERIFY(!w->connectionActions()->isReconciling());
        QVERIFY2(!w->statusBar()->currentMessage().contains(QStringLiteral("earlier create")),
                 qPrintable(w->statusBar()->currentMessage()));

        // Create is still there, but asks first; Cancel sends nothing.
        w->sandbox()->setMode(SandboxOptions::Mode::Ok);
        const int requests = w->sandbox()->requestCount();
        QVERIFY(createButton()->isEnabled());
        QVERIFY(clickCreate());
        QMessageBox* question = waitForQuestion();
        QVERIFY(question);
        QVERIFY2(question->text().startsWith(QStringLiteral("The last create's outcome is unknown")),
                 qPrintable(question->text()));
        QVERIFY(answerQuestion("cancelQuestionButton"));
        QTRY_VERIFY(!w->createFlow()->question());
        QCOMPARE(w->sandbox()->requestCount(), requests);
        // Create anyway: the user has been told, so no second question about the duplicates.
        QVERIFY(clickCreate());
        QVERIFY(answerQuestion("createAnywayButton"));
        QVERIFY(waitForCreateFinished(2));
        QCOMPARE(w->sandbox()->connections().all().size(), 4);
        QCOMPARE(w->sandbox()->requestCount(), requests + 1);
    }

    void pendingRowsAreResolvedInTheBackgroundAtStart()
    {
        qint64 created = 0;
        qint64 notCreated = 0;
        QString id;
        QVERIFY(openWindowSandboxFirst([&] {
            // One create that reached DAS before the crash, one that did not.
            const ConnectionRequest reached = demoCreate(QStringLiteral("orders"));
            QVERIFY(createBehindTheWindow(reached, &id));
            QVERIFY(writePending(reached, &created));
            QVERIFY(writePending(demoCreate(QStringLiteral("inventory")), &notCreated));
            showInForm(reached);
        }));
        w = window();
        QVERIFY(!w->isBusy()); // the window is not held up
        QTRY_VERIFY_WITH_TIMEOUT(
            !rows().isEmpty() &&
                w->historyPane()->model()->record(0).state != HistoryRecord::State::Pending &&
                w->historyPane()->model()->record(1).state != HistoryRecord::State::Pending,
            10000);
        QCOMPARE(w->statusBar()->currentMessage(), QStringLiteral("Resolved 2 earlier creates against DAS."));
        QTRY_VERIFY(!w->connectionActions()->isReconciling());
        const QList<HistoryRecord> history = rows();
        for (const HistoryRecord& row : history) {
            if (row.id == created) {
                QCOMPARE(row.state, HistoryRecord::State::Created);
                QCOMPARE(row.connectionId, id);
            } else {
                QCOMPARE(row.id, notCreated);
                QCOMPARE(row.state, HistoryRecord::State::NotCreated);
            }
        }
        QCOMPARE(w->sandbox()->connections().all().size(), 1); // asked, never created
    }

    void unresolvedRowsOfAnotherProjectAreLeftAlone()
    {
        qint64 here = 0;
        qint64 elsewhere = 0;
        QVERIFY(openWindowSandboxFirst([&] {
            ConnectionRequest otherProject = demoCreate(QStringLiteral("orders"));
            otherProject.projectId = QStringLiteral("0123456789abcdef0123456789abcdef");
            QVERIFY(writePending(otherProject, &elsewhere));
            QVERIFY(writePending(demoCreate(QStringLiteral("orders")), &here));
            showInForm(demoCreate(QStringLiteral("orders")));
        }));
        w = window();
        QTRY_COMPARE_WITH_TIMEOUT(w->statusBar()->currentMessage(),
                                  QStringLiteral("Resolved 1 earlier create against DAS."), 10000);
        QTRY_VERIFY(!w->connectionActions()->isReconciling());
        for (const HistoryRecord& row : rows()) {
            QCOMPARE(row.state,
                     row.id == here ? HistoryRecord::State::NotCreated : HistoryRecord::State::Pending);
        }
    }

    void failedReconciliationIsReportedAndLeavesTheRow()
    {
        qint64 pending = 0;
        QVERIFY(openWindowSandboxFirst([&] {
            window()->sandbox()->setMode(SandboxOptions::Mode::E500);
            QVERIFY(writePending(demoCreate(QStringLiteral("orders")), &pending));
            showInForm(demoCreate(QStringLiteral("orders")));
        }));
        w = window();
        QTRY_VERIFY_WITH_TIMEOUT(w->statusBar()->currentMessage().startsWith(
                                     QStringLiteral("Could not resolve earlier creates against DAS: ")),
                                 10000);
        QCOMPARE(w->historyPane()->model()->record(0).state, HistoryRecord::State::Pending);
    }

    void closingCancelsTheBackgroundReconciliation()
    {
        qint64 pending = 0;
        QVERIFY(openWindowSandboxFirst([&] {
            window()->sandbox()->setLatencyMs(30000);
            QVERIFY(writePending(demoCreate(QStringLiteral("orders")), &pending));
            showInForm(demoCreate(QStringLiteral("orders")));
        }));
        w = window();
        QTRY_VERIFY_WITH_TIMEOUT(w->connectionActions()->isReconciling(), 10000);
        QTRY_COMPARE(w->sandbox()->requestCount(), 1); // the list is on its way
        QVERIFY(w->close());
        QVERIFY(!w->connectionActions()->isReconciling());
        QCOMPARE(w->historyPane()->model()->record(0).state, HistoryRecord::State::Pending);
    }
};

QTEST_MAIN(TestMainWindowReconcile)
#include "tst_mainwindow_reconcile.moc"
