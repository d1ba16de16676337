// What the window builds only when it is first needed, to show itself sooner: the On DAS pane (when its tab
// is first shown, by click, Alt+letter or any code that asks for it) and the result panel (when a create or a
// problem first shows something). Built late, they must behave as if they had always been there. The SVG
// icons and the overflow buttons' icons come after the first paint, in place of transparent stand-ins that
// take the same room; so do the credentials' selectable text and the profile list's fit to its names.
#include "ConnectionForm.h"
#include "ConnectionTableModel.h"
#include "ConnectionsPane.h"
#include "GuiTestBase.h"
#include "HelpActions.h"
#include "HelpDialog.h"
#include "HistoryPane.h"
#include "HistoryRowDelegate.h"
#include "MainWindow.h"
#include "OverflowIconStyle.h"
#include "ResultPanel.h"
#include "SandboxServer.h"
#include "StartupHooks.h"

#include <QApplication>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QScopeGuard>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

using namespace das;
using namespace das::test;

class TestMainWindowLazy : public GuiTestBase
{
    Q_OBJECT

private:
    MainWindow* w = nullptr;

    // The colour at the middle of the panel's stripe and at its right-hand side, as painted.
    static QPair<QColor, QColor> panelColours(ResultPanel* panel)
    {
        const QImage image = panel->grab().toImage();
        const int y = image.height() / 2;
        return {image.pixelColor(1, y), image.pixelColor(image.width() - 2, y)};
    }

    // True for an icon that draws nothing at all (the stand-in), false for one that draws something.
    static bool drawsNothing(const QIcon& icon)
    {
        const QImage image = icon.pixmap(QSize(24, 24)).toImage().convertToFormat(QImage::Format_ARGB32);
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                if (qAlpha(image.pixel(x, y)) != 0)
                    return false;
            }
        }
        return true;
    }

    // Shows `window` as main() does, the deferred start-up planned for after its first paint, and waits for
    // that start-up to finish.
    bool startAndFinish(MainWindow& window)
    {
        QSignalSpy started(&window, &MainWindow::startupFinished);
        DeferredStartup plan;
        plan.historyPath = historyPath();
        startAfterFirstPaint(window, plan);
        return showAndWait(&window) && (window.isStartupFinished() || started.wait(CreateTimeoutMs));
    }

private slots:
    void init()
    {
        GuiTestBase::init();
        QVERIFY(openWindow());
        w = window();
    }

    void onDasPaneIsBuiltWhenItsTabIsFirstShown()
    {
        QVERIFY(!w->isConnectionsPaneBuilt());
        QVERIFY(!w->findChild<ConnectionsPane*>());
        auto* page = w->findChild<QScrollArea*>(QStringLiteral("connectionsScroll"));
        QVERIFY(page && !page->widget());

        w->form()->fillExample(); // a project to list

        // As a user reaches it: Alt and the tab's letter.
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w));
        const int before = w->sandbox()->requestCount();
        QTest::keyClick(w, Qt::Key_O, Qt::AltModifier);
        QCOMPARE(w->sideTabs()->currentWidget(), page);
        QVERIFY(w->isConnectionsPaneBuilt());
        auto* pane = w->findChild<ConnectionsPane*>();
        QVERIFY(pane);
        QCOMPARE(page->widget(), pane);
        QVERIFY(pane->isVisible());
        QVERIFY(pane->width() > 0 && pane->height() > 0);
        // It knows the form's target and services as if built with the window: it lists the sandbox.
        QTRY_COMPARE(w->sandbox()->requestCount(), before + 1);
        QTRY_VERIFY(!pane->isLoading());
        QCOMPARE(pane->model()->rowCount(), 0);
        auto* filter = child<QLineEdit>(pane, "filterEdit");
        QVERIFY(filter->isVisible());

        // Its own keys work: F5 in the pane lists again.
        filter->setFocus();
        QTRY_VERIFY(filter->hasFocus());
        QTest::keyClick(filter, Qt::Key_F5);
        QTRY_COMPARE(w->sandbox()->requestCount(), before + 2);

        // Built once: going back and forth keeps the same pane.
        QTest::keyClick(w, Qt::Key_Y, Qt::AltModifier);
        QCOMPARE(w->sideTabs()->currentWidget(), w->historyPane());
        QTest::keyClick(w, Qt::Key_O, Qt::AltModifier);
        QCOMPARE(w->findChildren<ConnectionsPane*>().size(), 1);
        QCOMPARE(w->connectionsPane(), pane);
    }

    void onDasPaneKnowsWhatHappenedBeforeItWasBuilt()
    {
        // A create before the pane exists: built later, it lists it for the form's target and marks it as
        // held by the history it was never handed at the time.
        w->form()->fillExample();
        QVERIFY(clickCreateAndWait());
        QVERIFY(!w->isConnectionsPaneBuilt());
        const QString id = w->resultPanel()->connectionId();
        w->sideTabs()->setCurrentIndex(1);
        QVERIFY(w->isConnectionsPaneBuilt());
        ConnectionsPane* pane = w->connectionsPane();
        QTRY_VERIFY(!pane->isLoading());
        QCOMPARE(pane->model()->rowCount(), 1);
        const QModelIndex row = pane->model()->index(0, ConnectionTableModel::UserColumn);
        QCOMPARE(row.data(ConnectionTableModel::ConnectionIdRole).toString(), id);
        QVERIFY(row.data(ConnectionTableModel::InHistoryRole).toBool());
    }

    void keyboardShortcutsListTheUnbuiltPanesKeys()
    {
        QVERIFY(!w->isConnectionsPaneBuilt());
        w->helpActions()->show(HelpDialog::Page::Shortcuts);
        HelpDialog* dialog = w->helpActions()->dialog();
        QVERIFY(dialog);
        // The pane's F5 (Refresh) is listed, in the On DAS pane, as if the pane had always been there.
        const QString refresh = QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText);
        QTableWidget* table = dialog->shortcutsTable();
        bool listed = false;
        for (int r = 0; r < table->rowCount(); ++r) {
            QStringList cells;
            for (int c = 0; c < table->columnCount(); ++c)
                cells.append(table->item(r, c) ? table->item(r, c)->text() : QString());
            listed = listed || (cells.contains(refresh) && cells.contains(QStringLiteral("On DAS")));
        }
        QVERIFY2(listed, qPrintable(refresh));
        dialog->close();
    }

    void resultPanelIsBuiltWhenFirstNeeded()
    {
        QVERIFY(!w->isResultPanelBuilt());
        QVERIFY(!w->findChild<ResultPanel*>());
        w->form()->fillExample();
        QVERIFY(clickCreateAndWait());
        QVERIFY(w->isResultPanelBuilt());
        ResultPanel* panel = w->resultPanel();
        QCOMPARE(w->findChildren<ResultPanel*>().size(), 1);
        QVERIFY(panel->isVisible());
        QCOMPARE(panel->state(), ResultPanel::State::Success);
        // Above the form, as the window always had it.
        auto* formScroll = w->findChild<QScrollArea*>(QStringLiteral("formScroll"));
        QVERIFY(panel->geometry().bottom() < formScroll->geometry().top());
        QCOMPARE(panel->parentWidget(), formScroll->parentWidget());
        // Painted in its tone without a style sheet: the green stripe on the light green.
        QVERIFY(panel->styleSheet().isEmpty());
        const auto [stripe, background] = panelColours(panel);
        QCOMPARE(stripe, ResultPanel::stripeColor(ResultPanel::Tone::Success));
        QCOMPARE(background, ResultPanel::backgroundColor(ResultPanel::Tone::Success));
    }

    void resultPanelShowsAProblemBeforeAnyCreate()
    {
        QVERIFY(!w->isResultPanelBuilt());
        auto* target = windowChild<QComboBox>("targetCombo");
        target->setCurrentIndex(target->findData(QLatin1String(ConnectionForm::CustomKey)));
        auto* endpoint = windowChild<QLineEdit>("endpointEdit");
        endpoint->clear();
        QTest::keyClicks(endpoint, QStringLiteral("not an endpoint"));
        QVERIFY(!w->form()->target().error.isEmpty());
        w->previewRequest(); // the problem is shown instead of a preview
        QVERIFY(w->isResultPanelBuilt());
        ResultPanel* panel = w->resultPanel();
        QTRY_VERIFY(panel->isVisible());
        QCOMPARE(panel->state(), ResultPanel::State::Failure);
        QCOMPARE(panel->tone(), ResultPanel::Tone::Failure);
        const auto [stripe, background] = panelColours(panel);
        QCOMPARE(stripe, ResultPanel::stripeColor(ResultPanel::Tone::Failure));
        QCOMPARE(background, ResultPanel::backgroundColor(ResultPanel::Tone::Failure));
    }

    void svgIconsComeAfterTheFirstPaint()
    {
        closeWindow();
        MainWindow fresh;
        auto* toolBar = child<QToolBar>(&fresh, "mainToolBar");
        auto* reveal = child<QAction>(fresh.form(), "revealPasswordAction");
        auto* password = child<QLineEdit>(fresh.form(), "passwordEdit");
        QList<QAction*> actions{reveal};
        QList<QSize> buttonSizes;
        for (const char* name : {"actionCreate", "actionPreview", "actionFillExample"}) {
            auto* action = child<QAction>(&fresh, name);
            actions.append(action);
            QWidget* button = toolBar->widgetForAction(action);
            QVERIFY2(button, name);
            buttonSizes.append(button->sizeHint());
        }
        actions.append(child<QAction>(&fresh, "actionStartSandbox")); // in the Sandbox menu only
        const QSize passwordSize = password->sizeHint();
        // Built, not yet painted: stand-ins, not null icons (a null icon would take no room).
        for (QAction* action : std::as_const(actions)) {
            QVERIFY2(!action->icon().isNull(), qPrintable(action->objectName()));
            QVERIFY2(drawsNothing(action->icon()), qPrintable(action->objectName()));
        }

        QVERIFY(startAndFinish(fresh));
        for (QAction* action : std::as_const(actions))
            QVERIFY2(!drawsNothing(action->icon()), qPrintable(action->objectName()));
        // Nothing moved for them.
        for (int i = 0; i < buttonSizes.size(); ++i)
            QCOMPARE(toolBar->widgetForAction(actions.at(i + 1))->sizeHint(), buttonSizes.at(i));
        QCOMPARE(password->sizeHint(), passwordSize);

        // The eye follows the action's state as before: shown and hidden draw different icons.
        const qint64 hidden = reveal->icon().cacheKey();
        password->setFocus();
        QTest::keyClick(password, Qt::Key_H, Qt::ControlModifier);
        QVERIFY(reveal->isChecked());
        QVERIFY(reveal->icon().cacheKey() != hidden);
        QVERIFY(!drawsNothing(reveal->icon()));
    }

    // A window that is never shown still gets its icons when its start-up is declared finished.
    void iconsLoadWhenStartupFinishesUnshown()
    {
        closeWindow();
        MainWindow fresh;
        auto* create = child<QAction>(&fresh, "actionCreate");
        QVERIFY(drawsNothing(create->icon()));
        fresh.finishStartup();
        QVERIFY(!drawsNothing(create->icon()));
        QVERIFY(!drawsNothing(child<QAction>(fresh.form(), "revealPasswordAction")->icon()));
    }

    // After the first paint the credentials can be selected, and the profile list widens to a long name.
    void formFinishesAfterTheFirstPaint()
    {
        closeWindow();
        MainWindow fresh;
        QVERIFY(startAndFinish(fresh));
        auto* credentials = child<QLabel>(fresh.form(), "credentialsValue");
        QVERIFY(credentials->textInteractionFlags().testFlag(Qt::TextSelectableByMouse));
        auto* profiles = child<QComboBox>(fresh.form(), "profileCombo");
        QCOMPARE(profiles->sizeAdjustPolicy(), QComboBox::AdjustToContents);
        const int width = profiles->sizeHint().width();
        const QString longName = QString(80, u'p');
        fresh.form()->setProfiles({longName}, longName);
        QVERIFY(profiles->sizeHint().width() > width);
    }

    // main() wraps the style so that the menu bar's and toolbar's overflow buttons start with a stand-in:
    // their PNG would load every image format plugin before the window is mapped. Last: the style stays.
    void overflowIconsComeAfterTheFirstPaint()
    {
        closeWindow();
        const QPalette palette = QApplication::palette();
        deferOverflowIcons();
        QCOMPARE(QApplication::palette(), palette); // the same look
        // The history's cells are still drawn by its delegate: the wrapper changes two icons, nothing else.
        QVERIFY(HistoryRowDelegate::drawsPlainCells(QApplication::style()));
        // An application style sheet puts a style of its own in front of the wrapper; the icons still come.
        qApp->setStyleSheet(QStringLiteral("QToolTip { padding: 1px; }"));
        const auto noStyleSheet = qScopeGuard([] { qApp->setStyleSheet(QString()); });
        QVERIFY(!drawsNothing(QApplication::style()->standardIcon(QStyle::SP_DialogOkButton)));
        MainWindow fresh;
        auto* menuBarButton = child<QToolButton>(fresh.menuBar(), "qt_menubar_ext_button");
        auto* toolBarButton =
            child<QToolButton>(child<QToolBar>(&fresh, "mainToolBar"), "qt_toolbar_ext_button");
        for (QToolButton* button : {menuBarButton, toolBarButton}) {
            QVERIFY(!button->icon().isNull());
            QVERIFY(drawsNothing(button->icon()));
        }
        QVERIFY(startAndFinish(fresh));
        for (QToolButton* button : {menuBarButton, toolBarButton})
            QVERIFY(!drawsNothing(button->icon()));
        // Later overflow buttons get the real icon at once.
        QMenuBar later;
        QVERIFY(!drawsNothing(child<QToolButton>(&later, "qt_menubar_ext_button")->icon()));
    }
};

QTEST_MAIN(TestMainWindowLazy)
#include "tst_mainwindow_lazy.moc"
