// The instance picker and the IAM project lookup in the window, on the embedded sandbox's inventory: look the
// project up, open the picker with F4 or Browse…, type part of a name, Enter, create; cancel while loading;
// a wrong SK explained as a create would explain it.
#include "ConnectionForm.h"
#include "GuiTestBase.h"
#include "HistoryPane.h"
#include "HistoryTableModel.h"
#include "InstanceCatalog.h"
#include "InstancePickerDialog.h"
#include "InstanceTableModel.h"
#include "MainWindow.h"
#include "NodeIdListEditor.h"
#include "ProjectLookup.h"
#include "ResultPanel.h"
#include "SandboxOptions.h"
#include "SandboxServer.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace das;
using namespace das::test;

class TestInstancePicker : public GuiTestBase
{
    Q_OBJECT

private:
    MainWindow* w = nullptr;

    InstancePickerDialog* picker() const
    {
        return w->findChild<InstancePickerDialog*>(QStringLiteral("instancePickerDialog"));
    }
    QString text(const char* name) const { return windowChild<QLineEdit>(name)->text(); }
    QString choice(const char* name) const { return windowChild<QComboBox>(name)->currentData().toString(); }

    // Fills the project as a user does: the Look up button (IAM on the sandbox).
    bool lookUpProject()
    {
        auto* button = windowChild<QPushButton>("lookUpProjectButton");
        if (!button->isVisible() || !button->isEnabled())
            return false;
        QTest::mouseClick(button, Qt::LeftButton);
        return QTest::qWaitFor([this] { return !text("projectIdEdit").isEmpty(); }, 10000);
    }

private slots:
    void init()
    {
        GuiTestBase::init();
        InstanceCatalog::clearCache();
        ProjectLookup::clearCache();
        QVERIFY(openWindow());
        w = window();
    }

    void pickByTypingPartOfANameAndCreate()
    {
        QVERIFY(text("projectIdEdit").isEmpty());
        QVERIFY(lookUpProject());
        QCOMPARE(text("projectIdEdit"), QLatin1String(SandboxOptions::DemoProjectId));
        QVERIFY(!windowChild<QPushButton>("lookUpProjectButton")->isEnabled()); // the field is filled now

        windowChild<QLineEdit>("instanceIdEdit")->setFocus();
        QTest::keyClick(windowChild<QLineEdit>("instanceIdEdit"), Qt::Key_F4);
        QTRY_VERIFY(picker());
        QPointer<InstancePickerDialog> dialog = picker();
        QTRY_COMPARE(dialog->filterModel()->rowCount(), 300);
        auto* search = child<QLineEdit>(dialog, "searchEdit");
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClicks(search, QStringLiteral("orders-db-prod"));
        QVERIFY(dialog->filterModel()->rowCount() >= 1);
        QVERIFY(dialog->filterModel()->rowCount() < 300);
        const InstanceInfo first = dialog->filterModel()->instanceAt(dialog->filterModel()->index(0, 0));
        QCOMPARE(first.instanceName, QStringLiteral("orders-db-prod-01"));
        if (qEnvironmentVariableIsSet("DAS_PICKER_SCREENSHOT"))
            dialog->grab().save(qEnvironmentVariable("DAS_PICKER_SCREENSHOT"));
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_VERIFY(!dialog);

        QCOMPARE(text("instanceIdEdit"), QLatin1String(SandboxOptions::DemoInstanceId));
        QCOMPARE(choice("engineTypeCombo"), QStringLiteral("mysql"));
        QCOMPARE(choice("networkTypeCombo"), QStringLiteral("rds"));
        QVERIFY(first.port > 0);
        QCOMPARE(text("portEdit"), QString::number(first.port));

        // Two nodes from DAS's list, by clicking their checkboxes; no node ID typed.
        auto* nodes = windowChild<NodeIdListEditor>("nodeIdEditor");
        QTest::mouseClick(child<QPushButton>(nodes, "fromDasButton"), Qt::LeftButton);
        QTRY_COMPARE(nodes->availableNodes().size(), 3);
        const QList<NodeInfo> listed = nodes->availableNodes();
        for (int i = 0; i < 2; ++i) {
            QCheckBox* box = nodes->nodeCheckBox(listed.at(i).id);
            QVERIFY(box && box->isVisible());
            QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(4, box->height() / 2));
        }
        QCOMPARE(w->form()->request().nodeIds, QStringList({listed.at(0).id, listed.at(1).id}));

        // A database name from DAS's list through the completer: type the start, take the suggestion with
        // Enter. The form is complete by then, and that Enter must choose the name, not create.
        retype(windowChild<QLineEdit>("usernameEdit"), QStringLiteral("root"));
        retype(windowChild<QLineEdit>("passwordEdit"), QStringLiteral("Sandbox_Demo_2026"));
        QVERIFY(w->form()->isReady());
        QSignalSpy creates(w, &MainWindow::createFinished);
        auto* database = windowChild<QLineEdit>("databaseNameEdit");
        QTRY_VERIFY(database->completer() && database->completer()->model()->rowCount() == 3);
        w->activateWindow(); // the picker was the active window until it closed
        QVERIFY(QTest::qWaitForWindowActive(w));
        database->setFocus();
        QTest::keyClicks(database, QStringLiteral("orders_a"));
        QTRY_VERIFY(database->completer()->popup()->isVisible());
        QTest::keyClick(database->completer()->popup(), Qt::Key_Down);
        QTest::keyClick(database->completer()->popup(), Qt::Key_Return);
        QTRY_COMPARE(database->text(), QStringLiteral("orders_archive"));
        QVERIFY(!w->isBusy());
        QCOMPARE(creates.count(), 0);

        QVERIFY(w->form()->isReady());
        QVERIFY(clickCreateAndWait());
        QVERIFY(lastCreateResult().succeeded());
        QCOMPARE(w->resultPanel()->state(), ResultPanel::State::Success);
        // What was picked is what was sent.
        QCOMPARE(w->historyPane()->model()->record(0).nodeIds,
                 QStringList({listed.at(0).id, listed.at(1).id}));
        QCOMPARE(w->historyPane()->model()->record(0).databaseName, QStringLiteral("orders_archive"));
    }

    void browseButtonSortsAndDoubleClickPicks()
    {
        QVERIFY(lookUpProject());
        QTest::mouseClick(windowChild<QPushButton>("pickInstanceButton"), Qt::LeftButton);
        QTRY_VERIFY(picker());
        QPointer<InstancePickerDialog> dialog = picker();
        QTRY_COMPARE(dialog->filterModel()->rowCount(), 300);
        QTest::keyClicks(child<QLineEdit>(dialog, "searchEdit"), QStringLiteral("CRM-PG-STAGING"));
        QVERIFY(dialog->filterModel()->rowCount() >= 1);
        auto* table = child<QTableView>(dialog, "instanceTable");
        table->sortByColumn(InstanceTableModel::IdColumn, Qt::DescendingOrder);
        const QModelIndex row = dialog->filterModel()->index(0, InstanceTableModel::NameColumn);
        const InstanceInfo chosen = dialog->filterModel()->instanceAt(row);
        QCOMPARE(chosen.engineType, QStringLiteral("postgresql"));
        const QPoint centre = table->visualRect(row).center();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, centre);
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, centre);
        QTRY_VERIFY(!dialog);
        QCOMPARE(text("instanceIdEdit"), chosen.instanceId);
        QCOMPARE(choice("engineTypeCombo"), QStringLiteral("postgresql"));
        QCOMPARE(choice("networkTypeCombo"), QStringLiteral("rds"));
    }

    void cancelWhileLoadingLeavesTheFormAlone()
    {
        QVERIFY(lookUpProject());
        const ConnectionRequest before = w->form()->request();
        w->sandbox()->setLatencyMs(3000);
        QTest::keyClick(windowChild<QLineEdit>("projectIdEdit"), Qt::Key_F4);
        QTRY_VERIFY(picker());
        QPointer<InstancePickerDialog> dialog = picker();
        auto* cancel = child<QPushButton>(dialog, "cancelLoadButton");
        QTRY_VERIFY(cancel->isVisible());
        QVERIFY(child<QProgressBar>(dialog, "loadProgress")->isVisible());
        QVERIFY(dialog->isLoading());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(!dialog->isLoading());
        QVERIFY(!cancel->isVisible());
        QCOMPARE(dialog->filterModel()->rowCount(), 0);
        QVERIFY(child<QLabel>(dialog, "messageLabel")->text().contains(QStringLiteral("cancelled")));
        QTest::keyClick(child<QLineEdit>(dialog, "searchEdit"), Qt::Key_Escape);
        QTRY_VERIFY(!dialog);
        const ConnectionRequest after = w->form()->request();
        QCOMPARE(after.instanceId, before.instanceId);
        QCOMPARE(after.engineType, before.engineType);
        QCOMPARE(after.networkType, before.networkType);
        QCOMPARE(after.port, before.port);
        QCOMPARE(after.projectId, before.projectId);
        w->sandbox()->setLatencyMs(0);
    }

    void wrongSecretKeyIsExplainedAsForACreate()
    {
        // A cloud-style target (custom endpoint: the sandbox) signing with the SDK variables and a wrong SK.
        QProcessEnvironment env;
        env.insert(QStringLiteral("HUAWEICLOUD_SDK_AK"), QLatin1String(SandboxOptions::DemoAccessKey));
        env.insert(QStringLiteral("HUAWEICLOUD_SDK_SK"), QStringLiteral("not-the-sandbox-secret-key"));
        w->setEnvironment(env);
        w->form()->selectTarget(QLatin1String(ConnectionForm::CustomKey), w->sandbox()->url().toString());
        QTest::keyClick(w, Qt::Key_E, Qt::ControlModifier); // Fill example: the demo project and instance
        QVERIFY(clickCreateAndWait());
        const CreateResult create = lastCreateResult();
        QCOMPARE(create.outcome, CreateResult::Outcome::AuthFailed);
        QVERIFY(!create.explanation.isEmpty());

        QTest::mouseClick(windowChild<QPushButton>("pickInstanceButton"), Qt::LeftButton);
        QTRY_VERIFY(picker());
        QPointer<InstancePickerDialog> dialog = picker();
        auto* message = child<QLabel>(dialog, "messageLabel");
        QTRY_COMPARE(message->text(), create.explanation);
        QCOMPARE(message->property("role").toString(), QStringLiteral("error"));
        QCOMPARE(dialog->filterModel()->rowCount(), 0);
        QTest::keyClick(child<QLineEdit>(dialog, "searchEdit"), Qt::Key_Escape);
        QTRY_VERIFY(!dialog);
    }
};

QTEST_MAIN(TestInstancePicker)
#include "tst_instancepicker.moc"
