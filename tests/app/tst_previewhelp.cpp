// The preview (violations on top, indented JSON, masked password, "Copy as das-connect-cli command"), the
// Help menu (keyboard shortcuts read from the window, the offline user guide), "Use as template" asking
// before it replaces unsent edits, and the window's own status message after a language switch. Real widgets,
// offscreen.
#include "GuiTestBase.h"

#include "ConnectionForm.h"
#include "FormTemplate.h"
#include "HelpActions.h"
#include "HelpDialog.h"
#include "HistoryPane.h"
#include "HistoryTableModel.h"
#include "MainWindow.h"
#include "PreviewDialog.h"
#include "ResultPanel.h"
#include "SandboxServer.h"
#include "Translations.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QtTest>

#include <functional>

using namespace das;
using namespace das::test;

namespace {

constexpr const char* TypedPassword = "Typed-PW-canary-9";

// Saves `widget` as a PNG in $DAS_SHOT_DIR (when set), to look at the layout by eye.
void shoot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("DAS_SHOT_DIR");
    if (!dir.isEmpty())
        widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

} // namespace

class TestPreviewHelp : public GuiTestBase
{
    Q_OBJECT

private:
    MainWindow* w = nullptr;

    // Runs `act`; every modal widget that comes meanwhile is handed to `onModal` (which must close it).
    // Returns how many came.
    int withModal(const std::function<void()>& act, const std::function<void(QWidget*)>& onModal)
    {
        int seen = 0;
        QTimer poll;
        poll.setInterval(5);
        connect(&poll, &QTimer::timeout, this, [&] {
            if (QWidget* modal = QApplication::activeModalWidget()) {
                ++seen;
                onModal(modal);
            }
        });
        poll.start();
        act();
        return seen;
    }

    // Opens the preview with the Preview button; `look` reads the dialog, which is then closed.
    bool preview(const std::function<void(PreviewDialog*)>& look)
    {
        bool shown = false;
        withModal([this] { windowChild<QPushButton>("previewButton")->click(); },
                  [&](QWidget* modal) {
                      auto* dialog = qobject_cast<PreviewDialog*>(modal);
                      if (!dialog)
                          return;
                      shown = true;
                      look(dialog);
                      dialog->reject();
                  });
        return shown;
    }

    void typePassword(const QString& password) { retype(windowChild<QLineEdit>("passwordEdit"), password); }

    // Double-clicks the first history row, as "use as template" is asked for in the history.
    void useFirstHistoryRow()
    {
        QTableView* table = w->historyPane()->table();
        const QRect cell = table->visualRect(table->model()->index(0, 0));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    }

    // Uses the first history row as template, answering the question (if one comes) with `button`.
    // Returns whether the question came.
    bool templateAnswering(const char* button)
    {
        return withModal([this] { useFirstHistoryRow(); },
                         [button](QWidget* modal) {
                             auto* box = qobject_cast<QMessageBox*>(modal);
                             if (!box)
                                 return;
                             QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
                             QTest::mouseClick(child<QPushButton>(box, button), Qt::LeftButton);
                         }) > 0;
    }

private slots:
    void init()
    {
        GuiTestBase::init();
        QVERIFY(openWindow());
        w = window();
    }

    void cleanup()
    {
        closeWindow();
        w = nullptr;
        GuiTestBase::cleanup();
    }

    void invalidFormPreviewsWithItsViolationsOnTop()
    {
        w->form()->setRequest(ConnectionRequest());
        QString violations;
        QString text;
        QVERIFY(preview([&](PreviewDialog* dialog) {
            violations = dialog->violationsText();
            text = dialog->text();
            dialog->resize(dialog->size().boundedTo(QSize(1024, 700)));
            shoot(dialog, QStringLiteral("preview-invalid"));
        }));
        QVERIFY2(violations.contains(QStringLiteral("Project ID")), qPrintable(violations));
        QVERIFY2(violations.contains(QStringLiteral("Instance ID")), qPrintable(violations));
        QVERIFY(violations.contains(QStringLiteral("<li>")));
        QVERIFY(violations.contains(QStringLiteral("#c62828"))); // red
        QVERIFY(text.startsWith(QStringLiteral("POST ")));
    }

    void validFormPreviewsIndentedAndMasked()
    {
        w->form()->fillExample();
        typePassword(QLatin1String(TypedPassword));
        QVERIFY(w->form()->isReady());
        QString violations = QStringLiteral("not read");
        QString text;
        QString copied;
        QSize size;
        QVERIFY(preview([&](PreviewDialog* dialog) {
            violations = dialog->violationsText();
            text = dialog->text();
            size = dialog->size();
            shoot(dialog, QStringLiteral("preview-valid"));
            QTest::mouseClick(child<QPushButton>(dialog, "copyCliButton"), Qt::LeftButton);
            copied = QGuiApplication::clipboard()->text();
            QVERIFY(child<QWidget>(dialog, "copiedLabel")->isVisible());
            shoot(dialog, QStringLiteral("preview-copied"));
        }));
        QCOMPARE(violations, QString());
        // Multi-line and indented, in the API's field order, the password masked.
        QVERIFY2(text.contains(QStringLiteral("\n{\n    \"engine_type\": ")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("\n    \"password\": \"********\",\n")), qPrintable(text));
        QVERIFY(text.indexOf(QLatin1String("\"engine_type\"")) < text.indexOf(QLatin1String("\"username\"")));
        QVERIFY(text.endsWith(QStringLiteral("\n}")));
        QVERIFY(!text.contains(QLatin1String(TypedPassword)));
        QVERIFY(size.width() <= 1600 && size.height() <= 1000);
        // The command: the CLI's create, the password from stdin and nowhere in it.
        QVERIFY2(copied.contains(QStringLiteral("--password-stdin")), qPrintable(copied));
        QVERIFY(copied.contains(QStringLiteral("create \\\n")));
        QVERIFY(copied.contains(QStringLiteral("--endpoint=") + w->sandbox()->url().toString()));
        QVERIFY(copied.contains(QStringLiteral("--instance-id=") + w->form()->request().instanceId));
        QVERIFY(!copied.contains(QLatin1String(TypedPassword)));
        QVERIFY(!copied.contains(w->sandbox()->options().secretKey));
        QVERIFY(!copied.contains(w->sandbox()->options().accessKey));
    }

    void helpMenuOpensTheGuideAndTheShortcuts()
    {
        auto* guide = windowChild<QAction>("actionUserGuide");
        QVERIFY(w->findChild<QMenu*>(QStringLiteral("helpMenu"))->actions().contains(guide));
        guide->trigger();
        HelpDialog* help = w->helpActions()->dialog();
        QVERIFY(help);
        QVERIFY(QTest::qWaitForWindowExposed(help));
        QCOMPARE(help->currentPage(), HelpDialog::Page::UserGuide);
        const QString shownGuide = help->guideBrowser()->toPlainText();
        QVERIFY2(shownGuide.contains(QStringLiteral("The window")), qPrintable(shownGuide.left(300)));
        QVERIFY(shownGuide.contains(QStringLiteral("Command-line client")));
        QVERIFY(!shownGuide.contains(QStringLiteral("Benchmarks")));
        const QString guideMarkdown = help->guideBrowser()->toMarkdown();
        QVERIFY(guideMarkdown.contains(QStringLiteral("## Command-line client")));
        QVERIFY(!guideMarkdown.contains(QStringLiteral("# Testing against a real Secret Service")));
        help->resize(1024, 700);
        shoot(help, QStringLiteral("help-guide"));

        windowChild<QAction>("actionShortcuts")->trigger();
        QCOMPARE(w->helpActions()->dialog(), help); // one dialog, another tab
        QCOMPARE(help->currentPage(), HelpDialog::Page::Shortcuts);
        shoot(help, QStringLiteral("help-shortcuts"));
        QTableWidget* table = help->shortcutsTable();
        QSet<QString> rows;
        for (int row = 0; row < table->rowCount(); ++row)
            rows.insert(table->item(row, 0)->text() + u'|' + table->item(row, 1)->text());
        // Every action of the window with a shortcut, under its text.
        int actions = 0;
        for (const QAction* action : w->findChildren<QAction*>()) {
            if (action->shortcut().isEmpty() || action->text().isEmpty())
                continue;
            ++actions;
            const QString keys = action->shortcut().toString(QKeySequence::NativeText);
            const bool listed = std::any_of(rows.cbegin(), rows.cend(), [&](const QString& row) {
                return row.startsWith(keys) && row.contains(action->text().remove(u'&'));
            });
            QVERIFY2(listed, qPrintable(keys + u' ' + action->text()));
        }
        QVERIFY(actions >= 6);
        QVERIFY(rows.contains(QStringLiteral("Esc|Cancel the running create")));
        QVERIFY(rows.contains(QStringLiteral("F1|User Guide")));
        help->close();
    }

    void userGuideDropsDeveloperSections()
    {
        const QString readme =
            QStringLiteral("# App\nintro\n![shot](a.png)\n## Use\ntext\n```sh\n## not a "
                           "heading\n```\n## Layout\ndev\n### Sub\ndev too\n## Later\nuser\n");
        const QString guide = HelpDialog::userGuide(readme);
        QCOMPARE(guide, QStringLiteral(
                            "# App\nintro\n## Use\ntext\n```sh\n## not a heading\n```\n## Later\nuser\n"));
        QVERIFY(HelpDialog::compiledReadme().startsWith(QStringLiteral("# DAS Connect")));
    }

    void templateAsksBeforeReplacingUnsentEdits()
    {
        w->form()->fillExample();
        QVERIFY(clickCreateAndWait());
        QCOMPARE(w->resultPanel()->state(), ResultPanel::State::Success);
        QCOMPARE(w->historyPane()->model()->rowCount(), 1);

        // A typed password is an unsent edit: Keep my edits (the default) keeps the form and the result.
        typePassword(QLatin1String(TypedPassword));
        retype(windowChild<QLineEdit>("usernameEdit"), QStringLiteral("someone_else"));
        QVERIFY(w->form()->hasUnsentEdits());
        QVERIFY(templateAnswering("keepEditsButton"));
        QCOMPARE(w->form()->request().password, QLatin1String(TypedPassword));
        QCOMPARE(w->form()->request().username, QStringLiteral("someone_else"));
        QCOMPARE(w->resultPanel()->state(), ResultPanel::State::Success);

        // Replace the form: filled from the row, password empty, the old result gone.
        QVERIFY(templateAnswering("replaceFormButton"));
        QCOMPARE(w->form()->request().password, QString());
        QCOMPARE(w->form()->request().username, QStringLiteral("root"));
        QCOMPARE(w->resultPanel()->state(), ResultPanel::State::Empty);
        QVERIFY(!w->form()->hasUnsentEdits());

        // Nothing unsent: no question.
        QVERIFY(!templateAnswering("replaceFormButton"));
        QCOMPARE(w->form()->request().username, QStringLiteral("root"));
    }

    void windowStatusFollowsTheLanguage()
    {
        w->form()->fillExample();
        QVERIFY(clickCreateAndWait());
        QVERIFY(!templateAnswering("replaceFormButton")); // the form was just sent: no question
        const QString english = QStringLiteral("Form filled from the history; enter the password.");
        QCOMPARE(w->statusBar()->currentMessage(), english);
        QCOMPARE(Translations::apply(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        // LanguageChange is posted: the message changes once the window has had it.
        QTRY_VERIFY(w->statusBar()->currentMessage() != english);
        const QString chinese = w->statusBar()->currentMessage();
        QCOMPARE(chinese, QCoreApplication::translate("das::MainWindow", english.toUtf8().constData()));
        Translations::apply(QStringLiteral("en"));
        QTRY_COMPARE(w->statusBar()->currentMessage(), english);
    }
};

QTEST_MAIN(TestPreviewHelp)
#include "tst_previewhelp.moc"
