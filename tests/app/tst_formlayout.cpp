// The window's left side as a user sees it at common sizes: every text of the form and the result panel fully
// shown, Create, Preview and the summary always in view, messages as wide as their field, and the result
// panel compact. Real widgets, QTest key and mouse events, offscreen.
#include "ConnectionForm.h"
#include "CreateFlow.h"
#include "GuiTestBase.h"
#include "MainWindow.h"
#include "ResultPanel.h"
#include "SecretStore.h"
#include "Translations.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace das;
using namespace das::test;

namespace {

// `widget` is shown, and its whole rectangle lies within the visible part of `window` (inside every scroll
// area's viewport on the way up): a user sees all of it without scrolling.
bool fullyInView(QWidget* widget, QWidget* window, QString* why)
{
    if (!widget->isVisible()) {
        *why = widget->objectName() + QStringLiteral(" is hidden");
        return false;
    }
    const QRect own(widget->mapTo(window, QPoint(0, 0)), widget->size());
    for (QWidget* p = widget->parentWidget(); p && p != window; p = p->parentWidget()) {
        if (!qobject_cast<QAbstractScrollArea*>(p))
            continue;
        auto* area = static_cast<QAbstractScrollArea*>(p);
        const QRect port(area->viewport()->mapTo(window, QPoint(0, 0)), area->viewport()->size());
        if (!port.contains(own)) {
            *why = QStringLiteral("%1 at %2,%3 %4x%5 is outside %6's viewport %7,%8 %9x%10")
                       .arg(widget->objectName())
                       .arg(own.x())
                       .arg(own.y())
                       .arg(own.width())
                       .arg(own.height())
                       .arg(area->objectName())
                       .arg(port.x())
                       .arg(port.y())
                       .arg(port.width())
                       .arg(port.height());
            return false;
        }
    }
    if (!window->rect().contains(own)) {
        *why = widget->objectName() + QStringLiteral(" is outside the window");
        return false;
    }
    return true;
}

// A word-wrapped label shows all its lines: it is at least as tall as its text needs at its width.
bool showsWholeText(QLabel* label, QString* why)
{
    const int needed = label->heightForWidth(label->width());
    if (label->height() >= needed)
        return true;
    *why = QStringLiteral("%1 is %2 px high at %3 px wide but needs %4 px for \"%5\"")
               .arg(label->objectName())
               .arg(label->height())
               .arg(label->width())
               .arg(needed)
               .arg(label->text());
    return false;
}

const QString kLongCredentials = QStringLiteral("Profile \"production-east\": permanent AK/SK, access key "
                                                "AKIAEXAMPLE00000001 signs the request; the secret "
                                                "key is read from the OS keychain when the request is sent.");

} // namespace

class TestFormLayout : public GuiTestBase
{
    Q_OBJECT

private:
    std::unique_ptr<ConnectionForm> form;

    template <typename T> T* formChild(const char* name) { return child<T>(form.get(), name); }

    void showForm(const QSize& size)
    {
        form = std::make_unique<ConnectionForm>();
        form->setSandboxEndpoint(QUrl(QStringLiteral("http://127.0.0.1:9")));
        form->setCredentialsState(QStringLiteral("test credentials"), true);
        form->resize(size);
        QVERIFY(showAndWait(form.get()));
    }

private slots:
    void cleanup()
    {
        form.reset();
        Translations::apply(QStringLiteral("en"));
        GuiTestBase::cleanup();
    }

    // Item 1: the credentials line shows its whole text in every state the window puts it in.
    void credentialsLineIsWhole_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QString>("state");
        for (const QSize& size : {QSize(1024, 700), QSize(1600, 1000)}) {
            for (const char* state : {"sandbox", "environment", "profile", "zh_CN"})
                QTest::addRow("%s %dx%d", state, size.width(), size.height())
                    << size << QString::fromLatin1(state);
        }
    }

    void credentialsLineIsWhole()
    {
        QFETCH(QSize, size);
        QFETCH(QString, state);
        QVERIFY(openWindow());
        window()->resize(size);
        auto* label = windowChild<QLabel>("credentialsValue");
        if (state == QLatin1String("environment") || state == QLatin1String("profile")) {
            auto* target = windowChild<QComboBox>("targetCombo");
            target->setCurrentIndex(target->findData(QStringLiteral("cn-north-4")));
        }
        if (state == QLatin1String("profile"))
            window()->form()->setCredentialsState(kLongCredentials, true);
        if (state == QLatin1String("zh_CN"))
            Translations::apply(QStringLiteral("zh_CN"));
        QTRY_VERIFY(label->isVisible());
        QVERIFY2(label->text().size() > 10, qPrintable(label->text()));
        QString why;
        QTRY_VERIFY2(showsWholeText(label, &why), qPrintable(why));
        QTRY_VERIFY2(fullyInView(label, window(), &why), qPrintable(why));
        // Nor more than it needs: no empty lines' worth of gap around a short text.
        QVERIFY2(label->height() < label->heightForWidth(label->width()) + label->fontMetrics().height(),
                 qPrintable(QStringLiteral("%1 px for %2")
                                .arg(label->height())
                                .arg(label->heightForWidth(label->width()))));
    }

    // Item 4: a field's messages are as wide as the field, not squeezed into a narrow column.
    void messagesTakeTheFieldsWidth()
    {
        showForm(QSize(700, 900));
        auto* port = formChild<QLineEdit>("portEdit");
        retype(port, QStringLiteral("33o6"));
        auto* message = formChild<QLabel>("portError");
        QTRY_VERIFY(message->isVisible());
        QCOMPARE(message->width(), port->width());
        QString why;
        QVERIFY2(showsWholeText(message, &why), qPrintable(why));
        // One line: "Port must be a whole number …" fits beside the labels at this width.
        QVERIFY(message->height() < 2 * message->fontMetrics().height());
    }

    // Item 4: Create, Preview and the summary stay in view at every size, with long remarks and two bad IDs.
    void buttonsAndSummaryStayInView_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("problems");
        for (const QSize& size : {QSize(1024, 700), QSize(1600, 1000), QSize(1024, 600)}) {
            QTest::addRow("clean %dx%d", size.width(), size.height()) << size << false;
            QTest::addRow("problems %dx%d", size.width(), size.height()) << size << true;
        }
    }

    void buttonsAndSummaryStayInView()
    {
        QFETCH(QSize, size);
        QFETCH(bool, problems);
        QVERIFY(openWindow());
        window()->resize(size);
        window()->form()->fillExample();
        if (problems) {
            retype(windowChild<QPlainTextEdit>("remarksEdit"),
                   QStringLiteral("A remark that runs on and on. ").repeated(10));
            retype(windowChild<QLineEdit>("projectIdEdit"), QStringLiteral("not-a-project"));
            retype(windowChild<QLineEdit>("instanceIdEdit"), QStringLiteral("not-an-instance"));
        }
        QString why;
        for (const char* name : {"createButton", "previewButton", "summaryLabel"})
            QTRY_VERIFY2(fullyInView(windowChild<QWidget>(name), window(), &why), qPrintable(why));
        QVERIFY2(showsWholeText(windowChild<QLabel>("summaryLabel"), &why), qPrintable(why));
        // The form never needs the window's own scroll area: nothing of it is below the fold.
        auto* outer = windowChild<QScrollArea>("formScroll");
        QVERIFY(!outer->verticalScrollBar()->isVisible());
        // And the fields that do not fit scroll inside the form, so a problem can still be reached.
        QTest::mouseClick(windowChild<QPushButton>("createButton"), Qt::LeftButton);
        if (problems) {
            QWidget* focused = QApplication::focusWidget();
            QVERIFY(focused);
            QTRY_VERIFY2(fullyInView(focused, window(), &why), qPrintable(why));
        }
    }

    // Item 4: an untouched form says what is required without shouting "Still needed" in red.
    void untouchedFormIsQuiet()
    {
        showForm(QSize(700, 900));
        auto* summary = formChild<QLabel>("summaryLabel");
        QVERIFY2(!summary->text().contains(QStringLiteral("Still needed")), qPrintable(summary->text()));
        QVERIFY(summary->property("role").toString() != QLatin1String("error"));
        QVERIFY(!summary->text().isEmpty());
        // Touching a field turns it into the list of what is still missing.
        auto* project = formChild<QLineEdit>("projectIdEdit");
        project->setFocus();
        QTest::keyClicks(project, QStringLiteral("0"));
        QVERIFY2(summary->text().contains(QStringLiteral("Still needed")), qPrintable(summary->text()));
        QCOMPARE(summary->property("role").toString(), QStringLiteral("error"));
    }

    // Item 6: while busy, the placeholders stay grey and the line says what is happening.
    void busyFormKeepsPlaceholdersGreyAndSaysSo()
    {
        showForm(QSize(700, 900));
        form->fillExample();
        auto* database = formChild<QLineEdit>("databaseNameEdit");
        retype(database, QString());
        QVERIFY(!database->placeholderText().isEmpty());
        form->setBusy(true);
        QVERIFY(!database->isEnabled());
        const QPalette palette = database->palette();
        const QColor placeholder = palette.color(QPalette::Disabled, QPalette::PlaceholderText);
        // A disabled field's value is drawn in the disabled Text colour; its placeholder must not be darker,
        // or "optional" reads as a value (the default half-transparent black is).
        const int valueGrey = qGray(palette.color(QPalette::Disabled, QPalette::Text).rgb());
        const QColor base = palette.color(QPalette::Disabled, QPalette::Base);
        const double a = placeholder.alphaF();
        const int placeholderGrey = qGray(int(placeholder.red() * a + base.red() * (1 - a)),
                                          int(placeholder.green() * a + base.green() * (1 - a)),
                                          int(placeholder.blue() * a + base.blue() * (1 - a)));
        QVERIFY2(placeholderGrey >= valueGrey,
                 qPrintable(QStringLiteral("placeholder grey %1, disabled value grey %2")
                                .arg(placeholderGrey)
                                .arg(valueGrey)));
        // The pixels agree: nothing inside the disabled field is darker than a disabled value.
        const QImage image = database->grab().toImage();
        int darkest = 255;
        for (int y = 3; y < image.height() - 3; ++y) {
            for (int x = 3; x < image.width() - 3; ++x)
                darkest = qMin(darkest, qGray(image.pixel(x, y)));
        }
        QVERIFY2(darkest >= valueGrey - 10,
                 qPrintable(QStringLiteral("darkest %1, value %2").arg(darkest).arg(valueGrey)));

        auto* summary = formChild<QLabel>("summaryLabel");
        QVERIFY2(summary->text().contains(QStringLiteral("Creating")), qPrintable(summary->text()));
        QVERIFY(!summary->text().contains(QStringLiteral("Ready")));
        form->setBusy(false);
        QVERIFY2(summary->text().contains(QStringLiteral("Ready")), qPrintable(summary->text()));
    }

    // Item 5: expanded details keep the result panel compact, and the next result starts collapsed.
    void errorDetailsAreCompactAndCollapsedForEachResult()
    {
        QVERIFY(openWindow());
        window()->resize(1024, 700);
        ResultPanel* panel = window()->resultPanel();
        CreateResult failure = CreateResult::invalidInput(QStringLiteral("The port is not valid."));
        failure.httpStatus = 400;
        failure.errorCode = QStringLiteral("DAS.400");
        panel->showFailure(failure);
        auto* toggle = child<QToolButton>(panel, "detailsToggle");
        auto* details = child<QPlainTextEdit>(panel, "detailsText");
        QTRY_VERIFY(toggle->isVisible());
        const int collapsed = panel->height();
        QTest::mouseClick(toggle, Qt::LeftButton);
        QTRY_VERIFY(details->isVisible());
        // The details take what their few lines need, not the room the form would have had.
        const int lines = details->document()->lineCount();
        const int needed = lines * details->fontMetrics().lineSpacing() + 4 * details->frameWidth() +
                           2 * int(details->document()->documentMargin()) + 8;
        QTRY_VERIFY2(
            details->height() <= needed,
            qPrintable(QStringLiteral("details %1 px for %2 lines").arg(details->height()).arg(lines)));
        QVERIFY2(
            panel->height() <= collapsed + needed + 2 * panel->layout()->spacing(),
            qPrintable(QStringLiteral("panel %1 px, %2 px collapsed").arg(panel->height()).arg(collapsed)));
        QVERIFY(panel->height() < 300);
        QString why;
        QVERIFY2(fullyInView(windowChild<QWidget>("createButton"), window(), &why), qPrintable(why));

        // The next error comes collapsed.
        panel->showFailure(CreateResult::invalidInput(QStringLiteral("Another problem.")));
        QVERIFY(!toggle->isChecked());
        QVERIFY(!details->isVisible());
        QTRY_COMPARE(panel->height(), collapsed);
    }

    // Item 10: DAS's is_save_password and this computer's keychain are two boxes, each doing one thing.
    void savePasswordBoxesAreSeparate()
    {
        showForm(QSize(700, 900));
        form->fillExample();
        auto* das = formChild<QCheckBox>("dasSavePasswordCheck");
        auto* keychain = formChild<QCheckBox>("keychainPasswordCheck");
        QVERIFY(das->text().contains(QStringLiteral("is_save_password")));
        QVERIFY(keychain->text().contains(QStringLiteral("keychain")));
        QVERIFY(!das->text().contains(QStringLiteral("keychain")));
        QVERIFY(!das->isChecked() && !keychain->isChecked());

        QTest::mouseClick(das, Qt::LeftButton, {}, QPoint(4, das->height() / 2));
        QVERIFY(form->request().isSavePassword);
        QVERIFY(!form->remembersPasswordInKeychain());
        QTest::mouseClick(das, Qt::LeftButton, {}, QPoint(4, das->height() / 2));
        QTest::mouseClick(keychain, Qt::LeftButton, {}, QPoint(4, keychain->height() / 2));
        QVERIFY(!form->request().isSavePassword);
        QVERIFY(form->remembersPasswordInKeychain());
    }

    // Item 10: without a keychain the box says so before anything is sent; DAS's flag still works alone.
    void keychainUnavailableDisablesOnlyItsBox()
    {
        showForm(QSize(700, 900));
        form->fillExample();
        auto* das = formChild<QCheckBox>("dasSavePasswordCheck");
        auto* keychain = formChild<QCheckBox>("keychainPasswordCheck");
        auto* reason = formChild<QLabel>("keychainReasonLabel");
        QVERIFY(!reason->isVisible());
        QTest::mouseClick(keychain, Qt::LeftButton, {}, QPoint(4, keychain->height() / 2));
        QVERIFY(form->remembersPasswordInKeychain());

        form->setKeychainAvailable(false, QStringLiteral("there is no D-Bus session bus"));
        QVERIFY(!keychain->isEnabled());
        QVERIFY(!keychain->isChecked());
        QVERIFY(!form->remembersPasswordInKeychain());
        QVERIFY(reason->isVisible());
        QVERIFY2(reason->text().contains(QStringLiteral("no D-Bus session bus")), qPrintable(reason->text()));
        QVERIFY(!keychain->accessibleDescription().isEmpty());
        QTest::mouseClick(keychain, Qt::LeftButton, {}, QPoint(4, keychain->height() / 2));
        QVERIFY(!form->remembersPasswordInKeychain());

        QVERIFY(das->isEnabled());
        QTest::mouseClick(das, Qt::LeftButton, {}, QPoint(4, das->height() / 2));
        QVERIFY(form->request().isSavePassword);
        QVERIFY(formChild<QPushButton>("createButton")->isEnabled());

        // Busy and back: the box stays disabled, DAS's flag comes back usable.
        form->setBusy(true);
        form->setBusy(false);
        QVERIFY(!keychain->isEnabled());
        QVERIFY(das->isEnabled());
    }

    // Item 10: the window's create flow finds out before any create that there is no keychain (no D-Bus
    // session bus: the keychain answers NoBackend without touching D-Bus) and disables the box.
    void createFlowDisablesTheKeychainBoxWithoutABus()
    {
        showForm(QSize(700, 900));
        QTemporaryDir runtime;
        QVERIFY(runtime.isValid());
        const QByteArray bus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
        const QByteArray runtimeDir = qgetenv("XDG_RUNTIME_DIR");
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime.path()));
        SecretStore secrets;
        ResultPanel panel;
        QWidget window;
        CreateFlow flow(
            {nullptr, nullptr, &secrets, nullptr}, form.get(), [&panel] { return &panel; }, &window);
        auto* keychain = formChild<QCheckBox>("keychainPasswordCheck");
        QVERIFY(keychain->isEnabled());
        flow.checkKeychain(); // what the window does once it is painted
        QTRY_VERIFY(!keychain->isEnabled());
        qputenv("DBUS_SESSION_BUS_ADDRESS", bus);
        qputenv("XDG_RUNTIME_DIR", runtimeDir);
        if (bus.isEmpty())
            qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        if (runtimeDir.isEmpty())
            qunsetenv("XDG_RUNTIME_DIR");
        QVERIFY(!form->isKeychainAvailable());
        // The reason names what is missing, once ("Cannot remember it here: there is no D-Bus session bus
        // …").
        const QString reason = formChild<QLabel>("keychainReasonLabel")->text();
        QVERIFY2(reason.contains(QStringLiteral("D-Bus session bus")), qPrintable(reason));
        QCOMPARE(reason.count(u':'), 1);
        QVERIFY(formChild<QCheckBox>("dasSavePasswordCheck")->isEnabled());
    }

    // Item 7: the form knows whether it holds edits that were not sent (the password included).
    void unsentEditsAreTracked()
    {
        showForm(QSize(700, 900));
        QVERIFY(!form->hasUnsentEdits());
        auto* username = formChild<QLineEdit>("usernameEdit");
        username->setFocus();
        QTest::keyClicks(username, QStringLiteral("root"));
        QVERIFY(form->hasUnsentEdits());
        form->markSent();
        QVERIFY(!form->hasUnsentEdits());

        auto* password = formChild<QLineEdit>("passwordEdit");
        password->setFocus();
        QTest::keyClicks(password, QStringLiteral("pw"));
        QVERIFY(form->hasUnsentEdits());
        QTest::keyClick(password, Qt::Key_Backspace);
        QTest::keyClick(password, Qt::Key_Backspace);
        QVERIFY(!form->hasUnsentEdits()); // back to what was sent

        ConnectionRequest r = form->request();
        r.remarks = QStringLiteral("from history");
        form->setRequest(r);
        QVERIFY(!form->hasUnsentEdits());
        auto* keychain = formChild<QCheckBox>("keychainPasswordCheck");
        QTest::mouseClick(keychain, Qt::LeftButton, {}, QPoint(4, keychain->height() / 2));
        QVERIFY(form->hasUnsentEdits());
        form->markSent();
        auto* remarks = formChild<QPlainTextEdit>("remarksEdit");
        remarks->setFocus();
        QTest::keyClick(remarks, Qt::Key_Return);
        QVERIFY(form->hasUnsentEdits());

        // The IDs are not in the JSON body (they go in the URL), but a template replaces them too.
        for (const char* name : {"projectIdEdit", "instanceIdEdit"}) {
            form->markSent();
            auto* edit = formChild<QLineEdit>(name);
            edit->setFocus();
            QTest::keyClick(edit, Qt::Key_X);
            QVERIFY2(form->hasUnsentEdits(), name);
        }
    }
};

QTEST_MAIN(TestFormLayout)
#include "tst_formlayout.moc"
