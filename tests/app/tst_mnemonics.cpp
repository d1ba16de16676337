// Every Alt+letter of the window and its dialogs leads to exactly one place, in English and in Chinese: the
// audit walks every menu, label, button, group box and tab (MnemonicAudit), and real Alt key presses open the
// menus and reach the fields a user aims at.
#include "GuiTestBase.h"
#include "MainWindow.h"
#include "MnemonicAudit.h"
#include "Translations.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace das;
using namespace das::test;

class TestMnemonics : public GuiTestBase
{
    Q_OBJECT

private:
    // Opens the dialog `actionName` leads to, audits it, closes it. Works for exec() and open() alike: the
    // poll runs inside the dialog's own event loop when there is one.
    QStringList auditDialogOpenedBy(const QString& what, const std::function<void()>& open)
    {
        const QWidgetList before = QApplication::topLevelWidgets();
        QStringList problems;
        bool seen = false;
        QTimer poll;
        poll.setInterval(20);
        connect(&poll, &QTimer::timeout, this, [&] {
            for (QWidget* widget : QApplication::topLevelWidgets()) {
                auto* dialog = qobject_cast<QDialog*>(widget);
                if (!dialog || !dialog->isVisible() || before.contains(widget))
                    continue;
                problems = mnemonicProblems(dialog);
                seen = true;
                poll.stop();
                dialog->reject();
                return;
            }
        });
        poll.start();
        open();
        if (!QTest::qWaitFor([&] { return seen; }, 10000))
            problems.append(what + QLatin1String(" opened no dialog"));
        return problems;
    }

    QStringList auditAll()
    {
        QStringList problems = mnemonicProblems(window());
        // Every dialog the menus open; a renamed action fails here rather than silently skipping its dialog.
        for (const char* name :
             {"actionPreview", "actionBatch", "actionTearDown", "actionShortcuts", "actionUserGuide"}) {
            QAction* action = windowChild<QAction>(name);
            problems += auditDialogOpenedBy(QLatin1String(name), [action] { action->trigger(); });
        }
        auto* manage = windowChild<QPushButton>("manageProfilesButton");
        problems +=
            auditDialogOpenedBy(QStringLiteral("manageProfilesButton"), [manage] { manage->click(); });
        return problems;
    }

    // Presses Alt+`key` in the window and returns the menu that opened, if any.
    QMenu* menuOpenedBy(Qt::Key key)
    {
        QTest::keyClick(window(), key, Qt::AltModifier);
        QMenu* menu = nullptr;
        const bool opened = QTest::qWaitFor(
            [&] { return (menu = qobject_cast<QMenu*>(QApplication::activePopupWidget())); }, 2000);
        if (opened)
            menu->close();
        return menu;
    }

private slots:
    void init()
    {
        GuiTestBase::init();
        QVERIFY(openWindow());
    }

    void cleanup()
    {
        Translations::apply(QStringLiteral("en"));
        GuiTestBase::cleanup();
    }

    void everyMnemonicIsUniqueInEnglish()
    {
        const QStringList problems = auditAll();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void everyMnemonicIsUniqueInChinese()
    {
        Translations::apply(QStringLiteral("zh_CN"));
        // The widgets retranslate on the LanguageChange event, which is posted.
        QTRY_VERIFY(window()->menuBar()->actions().constFirst()->text() != QLatin1String("&File"));
        const QStringList problems = auditAll();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void everyMnemonicIsUniqueForEveryTarget()
    {
        auto* target = windowChild<QComboBox>("targetCombo");
        QStringList problems;
        for (int i : {1, target->count() - 1}) {
            target->setCurrentIndex(i);
            problems += mnemonicProblems(window());
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void altLettersOpenTheMenus()
    {
        const QList<QMenu*> menus =
            window()->menuBar()->findChildren<QMenu*>(QString(), Qt::FindDirectChildrenOnly);
        for (QAction* action : window()->menuBar()->actions()) {
            const QChar letter = mnemonicOf(action->text());
            QVERIFY2(!letter.isNull(), qPrintable(action->text()));
            QMenu* opened = menuOpenedBy(Qt::Key(letter.unicode()));
            QVERIFY2(opened == action->menu(), qPrintable(QLatin1String("Alt+") + letter));
        }
        QVERIFY(!menus.isEmpty());
    }

    void altLettersReachTheFields()
    {
        for (const char* name : {"projectIdEdit", "instanceIdEdit", "usernameEdit", "passwordEdit"}) {
            auto* field = windowChild<QWidget>(name);
            QLabel* label = nullptr;
            for (QLabel* candidate : window()->findChildren<QLabel*>()) {
                if (candidate->buddy() == field)
                    label = candidate;
            }
            QVERIFY2(label, name);
            const QChar letter = mnemonicOf(label->text());
            QVERIFY2(!letter.isNull(), name);
            window()->activateWindow();
            QTest::keyClick(window(), Qt::Key(letter.unicode()), Qt::AltModifier);
            QTRY_VERIFY2(field->hasFocus(), name);
        }
    }
};

QTEST_MAIN(TestMnemonics)
#include "tst_mnemonics.moc"
