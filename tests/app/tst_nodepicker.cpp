// The node picker of NodeIdListEditor and the Database name completer as a user drives them (real mouse and
// key events, offscreen): checkboxes and the ID list stay in step both ways, and the completer offers the
// instance's database names. The last test feeds them from the sandbox through NodeList and DatabaseNameList,
// as the window is to do.
#include "DasClient.h"
#include "DatabaseNameCompleter.h"
#include "GuiTestBase.h"
#include "InstanceDetails.h"
#include "NodeIdListEditor.h"
#include "SandboxOptions.h"
#include "SandboxServer.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

using namespace das;
using namespace das::test;

namespace {

QList<NodeInfo> threeNodes()
{
    QList<NodeInfo> nodes;
    const QStringList roles = {QStringLiteral("master"), QStringLiteral("slave"), QStringLiteral("readonly")};
    for (int i = 0; i < 3; ++i) {
        NodeInfo n;
        n.id = QStringLiteral("node%1aaaabbbbccccddddeeeeffff00%1no01").arg(i);
        n.name = QStringLiteral("orders-db-prod-01_node_%1").arg(i);
        n.role = roles.at(i);
        n.status = QStringLiteral("ACTIVE");
        nodes.append(n);
    }
    return nodes;
}

// A click in the middle of the box's indicator, where a user clicks.
void clickBox(QCheckBox* box)
{
    QVERIFY(box && box->isVisible() && box->isEnabled());
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(8, box->height() / 2));
}

} // namespace

class TestNodePicker : public GuiTestBase
{
    Q_OBJECT

private slots:
    void checkingAddsUncheckingRemovesTypingChecks()
    {
        NodeIdListEditor editor;
        QVERIFY(showAndWait(&editor));
        QSignalSpy changed(&editor, &NodeIdListEditor::changed);
        const QList<NodeInfo> nodes = threeNodes();
        editor.setAvailableNodes(nodes);
        QCheckBox* first = editor.nodeCheckBox(nodes.at(0).id);
        QCheckBox* second = editor.nodeCheckBox(nodes.at(1).id);
        QCheckBox* third = editor.nodeCheckBox(nodes.at(2).id);
        QVERIFY(first && second && third);
        QVERIFY(first->text().contains(QLatin1String("orders-db-prod-01_node_0")));
        QVERIFY(first->text().contains(QLatin1String("master")));
        QVERIFY(first->text().contains(QLatin1String("ACTIVE")));

        clickBox(first);
        clickBox(second);
        QVERIFY(first->isChecked() && second->isChecked() && !third->isChecked());
        QCOMPARE(editor.nodeIds(), (QStringList{nodes.at(0).id, nodes.at(1).id}));
        QCOMPARE(changed.count(), 2);

        clickBox(first);
        QVERIFY(!first->isChecked());
        QCOMPARE(editor.nodeIds(), QStringList{nodes.at(1).id});

        // Typed by hand: the matching box follows.
        auto* input = child<QLineEdit>(&editor, "nodeIdInput");
        input->setFocus();
        QTest::keyClicks(input, nodes.at(2).id);
        QTest::keyClick(input, Qt::Key_Return);
        QCOMPARE(editor.nodeIds(), (QStringList{nodes.at(1).id, nodes.at(2).id}));
        QVERIFY(third->isChecked());

        // Removed from the list with the keyboard: its box is unchecked; an ID DAS did not list still works.
        auto* list = child<QListWidget>(&editor, "nodeIdList");
        list->setFocus();
        list->setCurrentRow(1);
        QTest::keyClick(list, Qt::Key_Delete);
        QVERIFY(!third->isChecked());
        QCOMPARE(editor.addFromText(QStringLiteral("typed-only-node-id")), 1);
        QCOMPARE(editor.nodeIds(), (QStringList{nodes.at(1).id, QStringLiteral("typed-only-node-id")}));
        QVERIFY(second->isChecked());
    }

    void statesAndRequest()
    {
        NodeIdListEditor editor;
        QVERIFY(showAndWait(&editor));
        QSignalSpy wanted(&editor, &NodeIdListEditor::nodesWanted);
        auto* button = child<QPushButton>(&editor, "fromDasButton");
        auto* status = child<QLabel>(&editor, "nodePickerStatus");
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(wanted.count(), 1);

        editor.setNodesLoading(true);
        QVERIFY(!button->isEnabled());
        QVERIFY(status->text().contains(QLatin1String("Looking up")));
        editor.setNodesProblem(QStringLiteral("The AK/SK signature was rejected."));
        QVERIFY(button->isEnabled());
        QCOMPARE(status->text(), QStringLiteral("The AK/SK signature was rejected."));
        QCOMPARE(status->property("role").toString(), QStringLiteral("error"));

        editor.setNodeIds({threeNodes().at(2).id});
        editor.setAvailableNodes(threeNodes());
        QVERIFY(status->property("role").toString().isEmpty());
        QVERIFY(editor.nodeCheckBox(threeNodes().at(2).id)->isChecked()); // already in the list
        editor.setAvailableNodes({});
        QVERIFY(status->text().contains(QLatin1String("no nodes")));
        QVERIFY(!editor.nodeCheckBox(threeNodes().at(2).id));
        QCOMPARE(editor.nodeIds(), QStringList{threeNodes().at(2).id}); // the list is the user's
    }

    void completerOffersDatabaseNames()
    {
        QWidget window;
        auto* layout = new QVBoxLayout(&window);
        auto* edit = new QLineEdit(&window);
        layout->addWidget(edit);
        DatabaseNameCompleter completer;
        completer.attach(edit);
        completer.setNames(
            {QStringLiteral("orders_report"), QStringLiteral("orders"), QStringLiteral("orders_archive")});
        QVERIFY(showAndWait(&window));
        edit->setFocus();
        QTest::keyClicks(edit, QStringLiteral("orders_a"));
        QCompleter* c = edit->completer();
        QCOMPARE(c, completer.completer());
        QCOMPARE(c->completionPrefix(), QStringLiteral("orders_a"));
        QCOMPARE(c->completionCount(), 1);
        QCOMPARE(c->currentCompletion(), QStringLiteral("orders_archive"));
        QTRY_VERIFY(c->popup()->isVisible());
        QCOMPARE(c->completionModel()->index(0, 0).data().toString(), QStringLiteral("orders_archive"));

        // Choosing it from the popup fills the field.
        QTest::keyClick(c->popup(), Qt::Key_Down);
        QTest::keyClick(c->popup(), Qt::Key_Return);
        QCOMPARE(edit->text(), QStringLiteral("orders_archive"));
    }

    // The wiring the window is to use: NodeList and DatabaseNameList on the sandbox's demo instance.
    void fedFromTheSandbox()
    {
        SandboxServer sandbox;
        QString error;
        QVERIFY2(sandbox.start(&error), qPrintable(error));
        DasClient client;
        InstanceTarget target;
        target.endpoint = sandbox.url();
        target.projectId = QLatin1String(SandboxOptions::DemoProjectId);
        target.instanceId = QLatin1String(SandboxOptions::DemoInstanceId);
        target.engineType = QStringLiteral("mysql");
        target.credentials.source = CredentialChoice::Source::SandboxDemo;
        target.credentials.credentials.kind = Credentials::Kind::AkSk;
        target.credentials.credentials.accessKey = QLatin1String(SandboxOptions::DemoAccessKey);
        target.credentials.credentials.secretKey = QLatin1String(SandboxOptions::DemoSecretKey);

        NodeIdListEditor editor;
        QVERIFY(showAndWait(&editor));
        NodeList nodes({&client, nullptr});
        connect(&editor, &NodeIdListEditor::nodesWanted, &nodes, [&] {
            if (nodes.start(target))
                editor.setNodesLoading(true);
        });
        connect(&nodes, &NodeList::finished, &editor, [&](const NodeList::Outcome& outcome) {
            if (outcome.ok)
                editor.setAvailableNodes(outcome.nodes);
            else
                editor.setNodesProblem(outcome.failure.explanation);
        });
        QTest::mouseClick(child<QPushButton>(&editor, "fromDasButton"), Qt::LeftButton);
        QTRY_COMPARE(editor.availableNodes().size(), 3);
        clickBox(editor.nodeCheckBox(editor.availableNodes().at(0).id));
        QCOMPARE(editor.nodeIds(), QStringList{editor.availableNodes().at(0).id});

        DatabaseNameCompleter completer;
        DatabaseNameList names({&client, nullptr});
        connect(&names, &DatabaseNameList::finished, &completer,
                [&](const DatabaseNameList::Outcome& outcome) { completer.setNames(outcome.names); });
        QVERIFY(names.start(target));
        QTRY_COMPARE(completer.names(),
                     (QStringList{QStringLiteral("orders"), QStringLiteral("orders_archive"),
                                  QStringLiteral("orders_report")}));
    }
};

QTEST_MAIN(TestNodePicker)
#include "tst_nodepicker.moc"
