// The whole window on the in-process sandbox: create, faults, cancel, preview, history, template, the guards
// against duplicate creates, the On DAS tab and deleting on DAS from the history.
#include "ConnectionForm.h"
#include "ConnectionTableModel.h"
#include "ConnectionsPane.h"
#include "CreateFlow.h"
#include "DeleteConnectionsDialog.h"
#include "GuiTestBase.h"
#include "HistoryPane.h"
#include "HistoryStore.h"
#include "HistoryTableModel.h"
#include "MainWindow.h"
#include "ResultPanel.h"
#include "SandboxServer.h"
#include "TeardownDialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace das;
using namespace das::test;

namespace {

// The letter after a single '&' in a widget or menu text, upper-cased; a null QChar when there is none.
QChar mnemonicOf(const QString& text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i;
            continue;
        }
        return text.at(i + 1).toUpper();
    }
    return {};
}

// Every mnemonic the user can reach in `window` now, with the texts that carry it: visible buttons, labels
// with a buddy, tabs and the menu bar's menus.
QMultiHash<QChar, QString> visibleMnemonics(QWidget* window)
{
    QMultiHash<QChar, QString> found;
    auto add = [&](const QString& text) {
        if (const QChar key = mnemonicOf(text); !key.isNull())
            found.insert(key, text);
    };
    for (QAbstractButton* button : window->findChildren<QAbstractButton*>()) {
        if (button->isVisible() && !qobject_cast<QMenuBar*>(button->parentWidget()))
            add(button->text());
    }
    for (QLabel* label : window->findChildren<QLabel*>()) {
        if (label->isVisible() && label->buddy())
            add(label->text());
    }
    for (QTabBar* bar : window->findChildren<QTabBar*>()) {
        for (int i = 0; bar->isVisible() && i < bar->count(); ++i)
            add(bar->tabText(i));
    }
    for (QAction* action : window->findChild<QMenuBar*>()->actions())
        add(action->text());
    return found;
}

} // namespace

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
        // Every mode also spoils the read that looks for an existing connection first. The window asks
        // whether to create anyway, except when the credentials were refused: the create would be refused
        // alike.
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("explanation");
        QTest::addColumn<bool>("asks");
        QTest::newRow("e500") << "e500"
                              << "service failed" << true;
        QTest::newRow("throttle") << "throttle"
                                  << "throttled" << true;
        QTest::newRow("garbage") << "garbage"
                                 << "not JSON" << true;
        QTest::newRow("html502") << "html502"
                                 << "HTML error page" << true;
        QTest::newRow("reset") << "reset"
                               << "may or may not have been created" << true;
        QTest::newRow("expired") << "expired"
                                 << "20 minutes behind" << false;
        QTest::newRow("truncated") << "truncated"
                                   << "cut off" << true;
        QTest::newRow("wrongtype") << "wrongtype"
                                   << "connection_id" << true;
        QTest::newRow("redirect") << "redirect"
                                  << "redirect" << true;
        QTest::newRow("large") << "large"
                               << "larger than" << true;
    }

    void faultModesExplainAndKeepTheForm()
    {
        QFETCH(QString, mode);
        QFETCH(QString, explanation);
        QFETCH(bool, asks);
        auto* action = w->findChild<QAction*>(QStringLiteral("sandboxMode_") + mode);
        QVERIFY(action);
        action->trigger();
        w->form()->fillExample();
        auto* remarks = w->findChild<QPlainTextEdit*>(QStringLiteral("remarksEdit"));
        remarks->setFocus();
        QTest::keyClicks(remarks, QStringLiteral(" - typed by hand"));
        const ConnectionRequest before = w->form()->request();

        QSignalSpy received(w->sandbox(), &SandboxServer::requestReceived);
        auto creates = [&received] {
            return std::count_if(received.cbegin(), received.cend(), [](const QList<QVariant>& request) {
                return request.constFirst().toString() == QLatin1String("POST");
            });
        };
        QVERIFY(clickCreate());
        if (asks) {
            QMessageBox* question = waitForQuestion();
            QVERIFY(question);
            QVERIFY2(
                question->text().startsWith(QStringLiteral("Could not check DAS for an existing connection")),
                qPrintable(question->text()));
            QCOMPARE(creates(), 0); // only looked so far
            QVERIFY(answerQuestion("createAnywayButton"));
        }
        QVERIFY(waitForCreateFinished(1));
        QVERIFY(!w->createFlow()->question());
        QCOMPARE(creates(), 1);
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
        // The attempt is in the history, settled: not created, or unknown when the answer was lost.
        QCOMPARE(w->historyPane()->model()->rowCount(), 1);
        const HistoryRecord row = w->historyPane()->model()->record(0);
        QVERIFY2(row.state == HistoryRecord::State::NotCreated || row.state == HistoryRecord::State::Unknown,
                 qPrintable(HistoryRecord::stateName(row.state)));
        QVERIFY(row.connectionId.isEmpty());
        QVERIFY(createButton()->isEnabled()); // ready to try again by hand
    }

    void cancelWithEscape()
    {
        // Only the create is slow: the look for an existing connection before it is answered at once.
        SandboxServer* sandbox = w->sandbox();
        connect(sandbox, &SandboxServer::requestReceived, this, [sandbox](const QString& method) {
            if (method == QLatin1String("POST"))
                sandbox->setLatencyMs(10000);
        });
        w->form()->fillExample();
        QVERIFY(clickCreate());
        QVERIFY(w->isBusy());
        QCOMPARE(w->resultPanel()->state(), ResultPanel::State::Busy);
        QTRY_COMPARE_WITH_TIMEOUT(w->sandbox()->requestCount(), 2, 10000);
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
        QCOMPARE(w->resultPanel()->title(), QStringLiteral("Cancelled: outcome unknown"));
        // The request had left: DAS may have created it.
        QCOMPARE(w->historyPane()->model()->rowCount(), 1);
        QCOMPARE(w->historyPane()->model()->record(0).state, HistoryRecord::State::Unknown);
        QVERIFY(remarks->isEnabled());

        // So the next Create on the same form asks first, and Cancel sends nothing.
        sandbox->disconnect(this);
        sandbox->setLatencyMs(0);
        const int requests = sandbox->requestCount();
        QVERIFY(clickCreate());
        QMessageBox* question = waitForQuestion();
        QVERIFY(question);
        QVERIFY2(question->text().startsWith(QStringLiteral("The last create's outcome is unknown")),
                 qPrintable(question->text()));
        QVERIFY(answerQuestion("cancelQuestionButton"));
        QTRY_VERIFY(!w->createFlow()->question());
        QCOMPARE(sandbox->requestCount(), requests);
        QCOMPARE(createFinishedCount(), 1);
    }

    void previewIsMaskedAndMatchesTheRequest()
    {
        w->form()->fillExample();
        const QString shown = previewText();
        QVERIFY(shown.startsWith(QStringLiteral("POST ") + w->sandbox()->url().toString()));
        QVERIFY(shown.contains(QStringLiteral("\"password\": \"********\"")));
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

    void duplicateGuardAsksBeforeCreatingTheSameConnection_data()
    {
        QTest::addColumn<QString>("button");
        QTest::newRow("use existing") << "useExistingButton";
        QTest::newRow("create another") << "createAnotherButton";
        QTest::newRow("cancel") << "cancelQuestionButton";
    }

    void duplicateGuardAsksBeforeCreatingTheSameConnection()
    {
        QFETCH(QString, button);
        w->form()->fillExample();
        QVERIFY(clickCreateAndWait());
        const QString first = w->resultPanel()->connectionId();
        QVERIFY(!first.isEmpty());
        // Changed and restored: no longer the form that was just created, so DAS is asked.
        auto* username = windowChild<QLineEdit>("usernameEdit");
        QTest::keyClick(username, Qt::Key_X);
        QTest::keyClick(username, Qt::Key_Backspace);
        QCOMPARE(w->form()->request().username, QStringLiteral("root"));
        const int requests = w->sandbox()->requestCount();

        QVERIFY(clickCreate());
        QMessageBox* question = waitForQuestion();
        QVERIFY(question);
        QVERIFY2(question->text().contains(first + QStringLiteral(": root@orders on ")),
                 qPrintable(question->text()));
        QCOMPARE(question->defaultButton()->objectName(), QStringLiteral("cancelQuestionButton"));
        QCOMPARE(w->sandbox()->requestCount(), requests + 1); // the look, nothing else yet
        QVERIFY(answerQuestion(qPrintable(button)));
        QVERIFY(waitForCreateFinished(2));

        HistoryTableModel* history = w->historyPane()->model();
        const QList<SandboxConnections::Connection>& kept = w->sandbox()->connections().all();
        if (button == QLatin1String("useExistingButton")) {
            QCOMPARE(kept.size(), 1);
            QCOMPARE(w->sandbox()->requestCount(), requests + 1);
            QCOMPARE(w->resultPanel()->title(), QStringLiteral("Existing connection used"));
            QCOMPARE(w->resultPanel()->connectionId(), first);
            QCOMPARE(lastCreateResult().connectionId, first);
            QCOMPARE(history->rowCount(), 2);
            QCOMPARE(history->record(0).connectionId, first); // newest first
            QCOMPARE(history->record(0).origin, HistoryRecord::Origin::Existing);
            QCOMPARE(history->record(0).state, HistoryRecord::State::Created);
        } else if (button == QLatin1String("createAnotherButton")) {
            QCOMPARE(kept.size(), 2);
            QCOMPARE(w->sandbox()->requestCount(), requests + 2);
            QCOMPARE(w->resultPanel()->title(), QStringLiteral("Connection created"));
            QCOMPARE(w->resultPanel()->connectionId(), kept.constLast().connectionId);
            QVERIFY(w->resultPanel()->connectionId() != first);
            QCOMPARE(history->rowCount(), 2);
            QCOMPARE(history->record(0).origin, HistoryRecord::Origin::Created);
        } else {
            QCOMPARE(kept.size(), 1);
            QCOMPARE(w->sandbox()->requestCount(), requests + 1);
            QCOMPARE(lastCreateResult().outcome, CreateResult::Outcome::Cancelled);
            QCOMPARE(w->resultPanel()->title(), QStringLiteral("Cancelled"));
            QCOMPARE(history->rowCount(), 1);
        }
    }

    void secondEnterAfterSuccessAsksFirst()
    {
        w->form()->fillExample();
        auto* username = windowChild<QLineEdit>("usernameEdit");
        QTest::keyClick(username, Qt::Key_Return);
        QVERIFY(waitForCreateFinished(1));
        QCOMPARE(w->resultPanel()->state(), ResultPanel::State::Success);
        const QString id = w->resultPanel()->connectionId();
        const int requests = w->sandbox()->requestCount();

        QTest::keyClick(username, Qt::Key_Return);
        QMessageBox* question = waitForQuestion();
        QVERIFY(question);
        QCOMPARE(question->text(),
                 QStringLiteral("This connection was just created (ID %1). Create another identical one?")
                     .arg(id));
        QTest::keyClick(question, Qt::Key_Return); // Cancel is the default
        QTRY_VERIFY(!w->createFlow()->question());
        QCOMPARE(w->sandbox()->requestCount(), requests);
        QCOMPARE(createFinishedCount(), 1);
        QCOMPARE(w->resultPanel()->connectionId(), id);

        // Create another: created without asking DAS about duplicates again.
        QTest::keyClick(username, Qt::Key_Return);
        QVERIFY(answerQuestion("createAnotherButton"));
        QVERIFY(waitForCreateFinished(2));
        QCOMPARE(w->sandbox()->connections().all().size(), 2);
        QCOMPARE(w->sandbox()->requestCount(), requests + 1);

        // A different request is not the one just created: no question.
        retype(windowChild<QLineEdit>("databaseNameEdit"), QStringLiteral("inventory"));
        QVERIFY(clickCreateAndWait());
        QCOMPARE(w->sandbox()->connections().all().size(), 3);
        QVERIFY(!w->createFlow()->question());
    }

    void sideTabsAndTheirMnemonics()
    {
        QTabWidget* tabs = w->sideTabs();
        QCOMPARE(tabs->count(), 2);
        QCOMPARE(tabs->currentWidget(), w->historyPane());
        QVERIFY(tabs->widget(1)->isAncestorOf(w->connectionsPane()));
        const QChar history = mnemonicOf(tabs->tabText(0));
        const QChar onDas = mnemonicOf(tabs->tabText(1));
        QVERIFY(!history.isNull() && !onDas.isNull());
        QString blank = tabs->tabText(1);
        QCOMPARE(blank.remove(u'&'), QStringLiteral("On DAS"));
        w->form()->fillExample();
        QVERIFY(clickCreateAndWait()); // the result panel's buttons show too
        const QMultiHash<QChar, QString> mnemonics = visibleMnemonics(w);
        for (const QChar key : {history, onDas}) {
            QVERIFY2(mnemonics.count(key) == 1,
                     qPrintable(
                         QStringLiteral("%1 is shared: %2").arg(key).arg(mnemonics.values(key).join(u'|'))));
        }

        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w));
        const int before = w->sandbox()->requestCount();
        QTest::keyClick(w, Qt::Key(onDas.unicode()), Qt::AltModifier);
        QCOMPARE(tabs->currentIndex(), 1);
        // Loaded for the form's target when first shown: the one connection just created.
        QTRY_COMPARE(w->sandbox()->requestCount(), before + 1);
        QTRY_VERIFY(!w->connectionsPane()->isLoading());
        QCOMPARE(w->connectionsPane()->model()->rowCount(), 1);
        const QMultiHash<QChar, QString> onDasMnemonics = visibleMnemonics(w);
        for (const QChar key : {history, onDas})
            QVERIFY2(onDasMnemonics.count(key) == 1, qPrintable(onDasMnemonics.values(key).join(u'|')));
        QTest::keyClick(w, Qt::Key(history.unicode()), Qt::AltModifier);
        QCOMPARE(tabs->currentWidget(), w->historyPane());
        QTest::keyClick(w, Qt::Key(onDas.unicode()), Qt::AltModifier);
        QCOMPARE(tabs->currentIndex(), 1);
        QCOMPARE(w->sandbox()->requestCount(), before + 1); // the same target is not loaded again
    }

    void historyDeleteOnDasDeletesTheSelectedConnection()
    {
        w->form()->fillExample();
        QVERIFY(clickCreateAndWait());
        ConnectionRequest other = w->form()->request();
        other.databaseName = QStringLiteral("inventory");
        QString kept;
        QVERIFY(createBehindTheWindow(other, &kept));
        QCOMPARE(w->sandbox()->connections().all().size(), 2);
        const QString id = w->resultPanel()->connectionId();

        QTableView* table = w->historyPane()->table();
        auto* menuDelete = w->findChild<QAction*>(QStringLiteral("actionDeleteOnDas"));
        QVERIFY(menuDelete);
        QVERIFY(!menuDelete->isEnabled()); // nothing selected
        const QRect cell = table->visualRect(table->model()->index(0, 0));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QVERIFY(menuDelete->isEnabled());
        w->sideTabs()->setCurrentIndex(1);
        QVERIFY(!menuDelete->isEnabled()); // the history's selection is not on screen
        w->sideTabs()->setCurrentIndex(0);
        QVERIFY(menuDelete->isEnabled());

        // Right-click the row and choose Delete on DAS… in its menu.
        QString chosen;
        QTimer poll;
        poll.setInterval(10);
        connect(&poll, &QTimer::timeout, this, [&] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            if (!menu)
                return;
            poll.stop();
            for (QAction* action : menu->actions()) {
                if (action->text() == QStringLiteral("Delete on D&AS…")) {
                    chosen = action->text();
                    QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(action).center());
                }
            }
            if (chosen.isEmpty())
                menu->close();
        });
        poll.start();
        QTest::mouseClick(table->viewport(), Qt::RightButton, {}, cell.center());
        // The context menu event a right-click makes on a desktop (QTest's click does not make one).
        QContextMenuEvent menuEvent(QContextMenuEvent::Mouse, cell.center(),
                                    table->viewport()->mapToGlobal(cell.center()));
        QCoreApplication::sendEvent(table->viewport(), &menuEvent);
        QTRY_VERIFY(!chosen.isEmpty());
        DeleteConnectionsDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = w->findChild<DeleteConnectionsDialog*>()) && dialog->isVisible());
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QTest::mouseClick(child<QPushButton>(dialog, "deleteButton"), Qt::LeftButton);
        QTRY_VERIFY(dialog->ran() && child<QPushButton>(dialog, "closeButton")->isVisible());
        QCOMPARE(w->sandbox()->connections().all().size(), 1);
        QCOMPARE(w->sandbox()->connections().all().constFirst().connectionId, kept);
        QTest::mouseClick(child<QPushButton>(dialog, "closeButton"), Qt::LeftButton);
        QTRY_VERIFY(!w->findChild<DeleteConnectionsDialog*>());
        QCOMPARE(w->historyPane()->model()->record(0).connectionId, id);
        QCOMPARE(w->historyPane()->model()->record(0).state, HistoryRecord::State::Deleted);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QVERIFY(!menuDelete->isEnabled()); // deleted: nothing left to delete
    }

    void deleteOnDasTakesOnlyRowsThatExistOnTheFormsTarget()
    {
        w->form()->fillExample();
        QVERIFY(clickCreateAndWait());
        const QString id = w->resultPanel()->connectionId();
        {
            // A row of another project and a create that failed, as earlier runs leave them.
            HistoryStore store(historyPath());
            QString error;
            QVERIFY2(store.open(&error), qPrintable(error));
            HistoryRecord elsewhere = w->historyPane()->model()->record(0);
            elsewhere.id = 0;
            elsewhere.projectId = QStringLiteral("0123456789abcdef0123456789abcdef");
            elsewhere.connectionId = QStringLiteral("11111111-2222-4333-8444-555555555555");
            QVERIFY2(store.add(elsewhere, &error), qPrintable(error));
            HistoryRecord failed = HistoryRecord::pending(w->form()->request(),
                                                          w->form()->target().endpoint.toString(), QString());
            failed.state = HistoryRecord::State::NotCreated;
            QVERIFY2(store.add(failed, &error), qPrintable(error));
        }
        w->historyPane()->reload();
        QCOMPARE(w->historyPane()->model()->rowCount(), 3);
        QTableView* table = w->historyPane()->table();
        table->setFocus();
        QTest::keyClick(table, Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(w->historyPane()->selectedRecords().size(), 3);

        w->findChild<QAction*>(QStringLiteral("actionDeleteOnDas"))->trigger();
        DeleteConnectionsDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = w->findChild<DeleteConnectionsDialog*>()) && dialog->isVisible());
        auto* items = child<QListWidget>(dialog, "itemList");
        QCOMPARE(items->count(), 1);
        QVERIFY2(items->item(0)->text().contains(id), qPrintable(items->item(0)->text()));
        const QString note = w->statusBar()->currentMessage();
        QVERIFY2(note.contains(QStringLiteral("1 selected row holds no connection that exists on DAS.")) &&
                     note.contains(QStringLiteral("1 selected row is of another endpoint or project")),
                 qPrintable(note));
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!w->findChild<DeleteConnectionsDialog*>());
        QCOMPARE(w->sandbox()->connections().all().size(), 1); // nothing deleted
    }

    void tearDownOpensForTheFormsTarget()
    {
        w->form()->fillExample();
        QVERIFY(clickCreateAndWait());
        auto* action = w->findChild<QAction*>(QStringLiteral("actionTearDown"));
        QVERIFY(action && action->isEnabled());
        action->trigger();
        TeardownDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = w->findChild<TeardownDialog*>()) && dialog->isVisible());
        QVERIFY(dialog->isModal());
        QTest::mouseClick(child<QPushButton>(dialog, "closeButton"), Qt::LeftButton);
        QTRY_VERIFY(!w->findChild<TeardownDialog*>());
        QCOMPARE(w->sandbox()->connections().all().size(), 1);
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
