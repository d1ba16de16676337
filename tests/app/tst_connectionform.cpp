// The form as a user drives it: real widgets, QTest key and mouse events, offscreen.
#include "ConnectionForm.h"
#include "DatabaseNameCompleter.h"
#include "GuiTestBase.h"
#include "NodeIdListEditor.h"
#include "RequestValidator.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QGuiApplication>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStringListModel>
#include <QTest>

using namespace das;
using namespace das::test;

class TestConnectionForm : public GuiTestBase
{
    Q_OBJECT

private:
    std::unique_ptr<ConnectionForm> form;

    template <typename T> T* child(const char* name) { return das::test::child<T>(form.get(), name); }

    QPushButton* createButton() { return child<QPushButton>("createButton"); }

    QString errorText(const char* field)
    {
        QLabel* label = child<QLabel>(field);
        return label->isVisible() ? label->text() : QString();
    }

private slots:
    void init()
    {
        GuiTestBase::init();
        form = std::make_unique<ConnectionForm>();
        form->setSandboxEndpoint(QUrl(QStringLiteral("http://127.0.0.1:9")));
        form->setCredentialsState(QStringLiteral("test credentials"), true);
        QVERIFY(showAndWait(form.get()));
    }

    void cleanup()
    {
        form.reset();
        GuiTestBase::cleanup();
    }

    void emptyFormIsNotReadyAndQuiet()
    {
        QVERIFY(!createButton()->isEnabled());
        // Untouched required fields are not shouted at, neither one by one nor in the summary.
        QVERIFY(errorText("projectIdError").isEmpty());
        auto* summary = child<QLabel>("summaryLabel");
        QVERIFY2(summary->text().contains(QStringLiteral("marked *")), qPrintable(summary->text()));
        QVERIFY(summary->property("role").toString() != QLatin1String("error"));
        // Once the user tries, the summary lists what is missing.
        auto* username = child<QLineEdit>("usernameEdit");
        username->setFocus();
        QTest::keyClick(username, Qt::Key_Return);
        QVERIFY2(summary->text().contains(QStringLiteral("Project ID")) &&
                     summary->text().contains(QStringLiteral("Password")),
                 qPrintable(summary->text()));
        QCOMPARE(summary->property("role").toString(), QStringLiteral("error"));
    }

    void requiredFieldsAreMarked()
    {
        for (const char* name : {"projectIdLabel", "instanceIdLabel", "engineTypeLabel", "networkTypeLabel",
                                 "usernameLabel", "passwordLabel", "targetLabel"})
            QVERIFY2(child<QLabel>(name)->text().endsWith(u'*'), name);
        QVERIFY(!child<QLabel>("portLabel")->text().endsWith(u'*'));
        QCOMPARE(child<QLabel>("projectIdLabel")->buddy(), child<QLineEdit>("projectIdEdit"));
    }

    void fieldMessagesFollowTyping_data()
    {
        QTest::addColumn<QString>("widget");
        QTest::addColumn<QString>("errorLabel");
        QTest::addColumn<QString>("invalid");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("valid");
        QTest::newRow("project short") << "projectIdEdit"
                                       << "projectIdError"
                                       << "0520414948"
                                       << "32 letters or digits"
                                       << "052041494800d57c2f02c00275b4c247";
        QTest::newRow("project symbol") << "projectIdEdit"
                                        << "projectIdError"
                                        << "052041494800d57c2f02c00275b4c24-"
                                        << "32 letters or digits"
                                        << "052041494800d57c2f02c00275b4c247";
        QTest::newRow("instance suffix") << "instanceIdEdit"
                                         << "instanceIdError"
                                         << "bcfa975193f1402fa11a6d4fd6baf5fbin1"
                                         << "\"in\" and two digits"
                                         << "bcfa975193f1402fa11a6d4fd6baf5fbin01";
        QTest::newRow("username spaces") << "usernameEdit"
                                         << "usernameError"
                                         << " root"
                                         << "spaces"
                                         << "root";
        QTest::newRow("username long")
            << "usernameEdit"
            << "usernameError" << QString(129, u'u') << "at most 128" << QString(128, u'u');
        QTest::newRow("password empty") << "passwordEdit"
                                        << "passwordError"
                                        << ""
                                        << "required"
                                        << "s3cret";
        QTest::newRow("port 65536") << "portEdit"
                                    << "portError"
                                    << "65536"
                                    << "65535"
                                    << "65535";
        QTest::newRow("port 0") << "portEdit"
                                << "portError"
                                << "0"
                                << "1 to 65535"
                                << "1";
        QTest::newRow("port text") << "portEdit"
                                   << "portError"
                                   << "33o6"
                                   << "whole number"
                                   << "3306";
        QTest::newRow("database long") << "databaseNameEdit"
                                       << "databaseNameError" << QString(129, u'd') << "at most 128"
                                       << "orders";
        QTest::newRow("remarks long") << "remarksEdit"
                                      << "remarksError" << QString(513, u'r') << "at most 512"
                                      << "fine";
    }

    void fieldMessagesFollowTyping()
    {
        QFETCH(QString, widget);
        QFETCH(QString, errorLabel);
        QFETCH(QString, invalid);
        QFETCH(QString, message);
        QFETCH(QString, valid);
        form->fillExample();
        QVERIFY(createButton()->isEnabled());
        QWidget* field = form->findChild<QWidget*>(widget);
        QVERIFY(field);

        retype(field, invalid);
        const QString shown = errorText(errorLabel.toLatin1().constData());
        QVERIFY2(shown.contains(message), qPrintable(shown));
        QVERIFY(!createButton()->isEnabled());
        QVERIFY(field->property("invalid").toBool());
        QCOMPARE(field->accessibleDescription(), shown);

        retype(field, valid);
        QCOMPARE(errorText(errorLabel.toLatin1().constData()), QString());
        QVERIFY(createButton()->isEnabled());
        QVERIFY(!field->property("invalid").toBool());
    }

    void remarksCounter()
    {
        auto* remarks = child<QPlainTextEdit>("remarksEdit");
        retype(remarks, QStringLiteral("line one"));
        QTest::keyClick(remarks, Qt::Key_Return);
        QTest::keyClicks(remarks, QStringLiteral("line two"));
        QCOMPARE(child<QLabel>("remarksCounter")->text(), QStringLiteral("17 / 512"));
        QCOMPARE(form->request().remarks, QStringLiteral("line one\nline two"));
    }

    void comboBoxesRequireAChoice()
    {
        form->fillExample();
        auto* engine = child<QComboBox>("engineTypeCombo");
        engine->setCurrentIndex(-1);
        form->markAllTouched();
        QVERIFY(errorText("engineTypeError").contains(QStringLiteral("required")));
        QVERIFY(!createButton()->isEnabled());
        engine->setFocus();
        QTest::keyClick(engine, Qt::Key_Down);
        QVERIFY(errorText("engineTypeError").isEmpty());
        QCOMPARE(form->request().engineType, engine->currentData().toString());
        QVERIFY(engine->currentText().contains(u'(')); // "RDS for MySQL (mysql)": label and API value
        QVERIFY(createButton()->isEnabled());
    }

    // Engine and network type must go together: a live message beside the network type, Create disabled.
    void engineAndNetworkTypeMismatch()
    {
        form->fillExample(); // mysql with rds
        QVERIFY(createButton()->isEnabled());
        auto* network = child<QComboBox>("networkTypeCombo");
        auto* engine = child<QComboBox>("engineTypeCombo");

        // Open the list with the mouse, walk it with the arrow keys, pick dds with Enter.
        QTest::mouseClick(network, Qt::LeftButton);
        QAbstractItemView* list = network->view();
        QTRY_VERIFY(list->isVisible());
        for (int i = 0;
             i < network->count() && list->currentIndex().data(Qt::UserRole) != QStringLiteral("dds"); ++i)
            QTest::keyClick(list, Qt::Key_Down);
        QTest::keyClick(list, Qt::Key_Return);
        QTRY_VERIFY(!list->isVisible());
        QCOMPARE(form->request().networkType, QStringLiteral("dds"));
        const QString shown = errorText("networkTypeError");
        QVERIFY2(shown.contains(QStringLiteral("dds")) && shown.contains(QStringLiteral("mysql")) &&
                     shown.contains(QStringLiteral("use rds")),
                 qPrintable(shown));
        QVERIFY(network->property("invalid").toBool());
        QCOMPARE(network->accessibleDescription(), shown);
        QVERIFY(errorText("engineTypeError").isEmpty());
        QVERIFY(!createButton()->isEnabled());
        QVERIFY2(child<QLabel>("summaryLabel")->text().contains(QStringLiteral("Network type")),
                 qPrintable(child<QLabel>("summaryLabel")->text()));

        // Fix it from the other side: mongodb goes with dds.
        engine->setFocus();
        for (int i = 0; i < engine->count() && engine->currentData() != QStringLiteral("mongodb"); ++i)
            QTest::keyClick(engine, Qt::Key_Down);
        QCOMPARE(form->request().engineType, QStringLiteral("mongodb"));
        QCOMPARE(errorText("networkTypeError"), QString());
        QVERIFY(!network->property("invalid").toBool());
        QVERIFY(createButton()->isEnabled());
        QVERIFY(RequestValidator::validate(form->request()).isEmpty());
    }

    void pastedIdsAreTrimmed()
    {
        auto* project = child<QLineEdit>("projectIdEdit");
        QGuiApplication::clipboard()->setText(QStringLiteral("  052041494800d57c2f02c00275b4c247 \n"));
        project->setFocus();
        QTest::keySequence(project, QKeySequence::Paste);
        QCOMPARE(project->text(), QStringLiteral("052041494800d57c2f02c00275b4c247"));
        QVERIFY(errorText("projectIdError").isEmpty());
    }

    void nodeIdsAddPasteAndValidate()
    {
        form->fillExample();
        auto* input = child<QLineEdit>("nodeIdInput");
        auto* list = child<QListWidget>("nodeIdList");
        input->setFocus();
        QTest::keyClicks(input, QStringLiteral("not-a-node"));
        QTest::keyClick(input, Qt::Key_Return);
        QCOMPARE(list->count(), 1);
        QVERIFY2(errorText("nodeIdsError").contains(QStringLiteral("Node ID 1")),
                 qPrintable(errorText("nodeIdsError")));
        QVERIFY(!createButton()->isEnabled());

        list->setCurrentRow(0);
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Delete);
        QCOMPARE(list->count(), 0);
        QVERIFY(errorText("nodeIdsError").isEmpty());
        QVERIFY(createButton()->isEnabled());

        QGuiApplication::clipboard()->setText(
            QStringLiteral("6b0e3d1c2a9f4e8b9c7d5a4f3e2d1c0bno01\n 6b0e3d1c2a9f4e8b9c7d5a4f3e2d1c0bno02, "
                           "6b0e3d1c2a9f4e8b9c7d5a4f3e2d1c0b"));
        input->setFocus();
        QTest::keySequence(input, QKeySequence::Paste);
        QCOMPARE(list->count(), 3);
        QCOMPARE(form->request().nodeIds.at(1), QStringLiteral("6b0e3d1c2a9f4e8b9c7d5a4f3e2d1c0bno02"));
        QVERIFY(createButton()->isEnabled());

        input->setFocus();
        QTest::keyClicks(input, QStringLiteral("6b0e3d1c2a9f4e8b9c7d5a4f3e2d1c0bno01"));
        QTest::keyClick(input, Qt::Key_Return);
        QVERIFY(errorText("nodeIdsError").contains(QStringLiteral("duplicate")));
        QVERIFY(!createButton()->isEnabled());
    }

    void customEndpointRules()
    {
        form->fillExample();
        auto* target = child<QComboBox>("targetCombo");
        target->setCurrentIndex(target->findData(QStringLiteral("custom")));
        auto* endpoint = child<QLineEdit>("endpointEdit");
        QVERIFY(!endpoint->isReadOnly());
        retype(endpoint, QStringLiteral("http://das.example.com"));
        QVERIFY2(errorText("endpointError").contains(QStringLiteral("https://")),
                 qPrintable(errorText("endpointError")));
        QVERIFY(!createButton()->isEnabled());
        retype(endpoint, QStringLiteral("https://das.example.com/"));
        QVERIFY(errorText("endpointError").isEmpty());
        QCOMPARE(form->target().endpoint, QUrl(QStringLiteral("https://das.example.com")));
        QVERIFY(createButton()->isEnabled());

        target->setCurrentIndex(target->findData(QStringLiteral("cn-north-4")));
        QVERIFY(endpoint->isReadOnly());
        QCOMPARE(endpoint->text(), QStringLiteral("https://das.cn-north-4.myhuaweicloud.com"));
    }

    void enterCreatesOnlyWhenValid()
    {
        QSignalSpy create(form.get(), &ConnectionForm::createRequested);
        auto* username = child<QLineEdit>("usernameEdit");
        username->setFocus();
        QTest::keyClick(username, Qt::Key_Return);
        QCOMPARE(create.count(), 0);
        // Every problem is now shown, and focus went to the first one.
        QVERIFY(!errorText("projectIdError").isEmpty());
        QCOMPARE(QApplication::focusWidget(), child<QLineEdit>("projectIdEdit"));

        form->fillExample();
        username->setFocus();
        QTest::keyClick(username, Qt::Key_Return);
        QCOMPARE(create.count(), 1);
        QTest::mouseClick(createButton(), Qt::LeftButton);
        QCOMPARE(create.count(), 2);
    }

    void passwordRevealToggle()
    {
        auto* password = child<QLineEdit>("passwordEdit");
        QCOMPARE(password->echoMode(), QLineEdit::Password);
        auto* reveal = password->findChild<QAction*>(QStringLiteral("revealPasswordAction"));
        QVERIFY(reveal);
        password->setFocus();
        QTest::keyClick(password, Qt::Key_H, Qt::ControlModifier);
        QCOMPARE(password->echoMode(), QLineEdit::Normal);
        reveal->trigger();
        QCOMPARE(password->echoMode(), QLineEdit::Password);
    }

    // The eye is an SVG: a form on its own loads it once it has been painted (the window does it too).
    void passwordEyeArrivesAfterTheFirstPaint()
    {
        auto* reveal = child<QAction>("revealPasswordAction");
        const auto drawsSomething = [reveal] {
            const QImage image = reveal->icon().pixmap(QSize(16, 16)).toImage();
            for (int y = 0; y < image.height(); ++y) {
                for (int x = 0; x < image.width(); ++x) {
                    if (image.pixelColor(x, y).alpha() != 0)
                        return true;
                }
            }
            return false;
        };
        QTRY_VERIFY(drawsSomething());
        ConnectionForm unshown; // never painted: the stand-in, which takes the same room
        auto* standIn = das::test::child<QAction>(&unshown, "revealPasswordAction");
        QVERIFY(!standIn->icon().isNull());
        QCOMPARE(standIn->icon().pixmap(QSize(16, 16)).toImage().pixelColor(8, 8).alpha(), 0);
    }

    // A fresh form sets no style sheet anywhere (the first one costs the start-up a style sheet style and a
    // polish of every widget under it); the node picker's problem is red through the label's palette.
    void freshFormHasNoStyleSheetAndPickerProblemsAreRed()
    {
        const QList<QWidget*> widgets = form->findChildren<QWidget*>();
        for (const QWidget* widget : widgets)
            QVERIFY2(widget->styleSheet().isEmpty(), qPrintable(widget->objectName()));
        auto* editor = child<NodeIdListEditor>("nodeIdEditor");
        auto* status = child<QLabel>("nodePickerStatus");
        const QColor normal = status->palette().color(QPalette::WindowText);
        editor->setNodesProblem(QStringLiteral("The AK/SK signature was rejected."));
        QCOMPARE(status->palette().color(QPalette::WindowText), QColor(0xb3, 0x26, 0x1e));
        editor->setAvailableNodes({});
        QCOMPARE(status->palette().color(QPalette::WindowText), normal);
    }

    // The database name completer is made with the first names DAS lists, and then completes as it did.
    void databaseNameCompleterIsBuiltWithTheFirstNames()
    {
        auto* database = child<QLineEdit>("databaseNameEdit");
        DatabaseNameCompleter completer;
        completer.attach(database);
        QVERIFY(!completer.completer());
        QVERIFY(!database->completer());
        completer.setNames({});
        QVERIFY(!completer.completer());
        QVERIFY(completer.names().isEmpty());
        completer.setNames(
            {QStringLiteral("orders_report"), QStringLiteral("orders"), QStringLiteral("archive")});
        QVERIFY(completer.completer());
        QCOMPARE(database->completer(), completer.completer());
        QCOMPARE(completer.names(), (QStringList{QStringLiteral("archive"), QStringLiteral("orders"),
                                                 QStringLiteral("orders_report")}));
        QSignalSpy create(form.get(), &ConnectionForm::createRequested);
        database->setFocus();
        QTest::keyClicks(database, QStringLiteral("orders_r"));
        QCompleter* c = database->completer();
        QCOMPARE(c->completionCount(), 1);
        QTRY_VERIFY(c->popup()->isVisible());
        QTest::keyClick(c->popup(), Qt::Key_Down);
        QTest::keyClick(c->popup(), Qt::Key_Return);
        QCOMPARE(database->text(), QStringLiteral("orders_report"));
        QCOMPARE(create.count(), 0); // Enter chose the completion
        // Detached and attached again: the same completer, no second one.
        completer.attach(nullptr);
        QVERIFY(!database->completer());
        completer.attach(database);
        QCOMPARE(database->completer(), c);
    }

    void busyStateLocksTheForm()
    {
        form->fillExample();
        form->setBusy(true);
        QVERIFY(!createButton()->isEnabled());
        QVERIFY(child<QPushButton>("cancelButton")->isEnabled());
        QVERIFY(!child<QLineEdit>("projectIdEdit")->isEnabled());
        form->setBusy(false);
        QVERIFY(createButton()->isEnabled());
        QCOMPARE(form->request().password, QStringLiteral("Sandbox_Demo_2026")); // nothing lost
    }

    void tabOrderFollowsTheForm()
    {
        form->fillExample();
        child<QLineEdit>("projectIdEdit")->setFocus();
        const char* expected[] = {"instanceIdEdit",       "engineTypeCombo", "networkTypeCombo",
                                  "usernameEdit",         "passwordEdit",    "dasSavePasswordCheck",
                                  "keychainPasswordCheck"};
        for (const char* name : expected) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QCOMPARE(QApplication::focusWidget()->objectName(), QLatin1String(name));
        }
    }

    void everyInputHasAnAccessibleName()
    {
        for (const char* name : {"targetCombo", "endpointEdit", "projectIdEdit", "instanceIdEdit",
                                 "engineTypeCombo", "networkTypeCombo", "usernameEdit", "passwordEdit",
                                 "dasSavePasswordCheck", "keychainPasswordCheck", "nodeIdInput", "portEdit",
                                 "databaseNameEdit", "remarksEdit", "sqlRecordCheck"}) {
            QWidget* w = form->findChild<QWidget*>(QLatin1String(name));
            QVERIFY2(w && !w->accessibleName().isEmpty(), name);
        }
    }
};

QTEST_MAIN(TestConnectionForm)
#include "tst_connectionform.moc"
