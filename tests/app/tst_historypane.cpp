#include "AppSettings.h"
#include "GuiTestBase.h"
#include "HistoryColumn.h"
#include "HistoryPane.h"
#include "HistoryProxyModel.h"
#include "HistoryStore.h"
#include "HistoryTableModel.h"
#include "HistoryWatcher.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStyle>
#include <QTableView>
#include <QTest>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <functional>
#include <memory>

using namespace das;
using namespace das::test;

namespace {

constexpr int RowCount = 600;
constexpr int AliceRows = RowCount / 10;
// The history pane's width in a 1024x700 main window (the tab beside the form).
constexpr int PaneWidthAt1024 = 400;

HistoryRecord sample(int i)
{
    HistoryRecord r;
    r.createdAt = QDateTime(QDate(2024, 3, 1), QTime(8, 0), QTimeZone::utc()).addSecs(i * 60);
    r.endpoint = QStringLiteral("https://das.cn-north-4.myhuaweicloud.com");
    r.region = QStringLiteral("cn-north-4");
    r.projectId = QStringLiteral("052041494800d57c2f02c00275b4c247");
    r.instanceId = QStringLiteral("bcfa975193f1402fa11a6d4fd6baf5f%1in01").arg(i % 10);
    r.engineType = i % 2 ? QStringLiteral("mysql") : QStringLiteral("postgresql");
    r.networkType = QStringLiteral("rds");
    r.username =
        i % 10 == 0 ? QStringLiteral("alice%1").arg(i % 7) : QStringLiteral("user%1").arg((i * 37) % 101);
    r.port = QStringLiteral("3306");
    r.remarks = QStringLiteral("备注 %1").arg(i);
    r.passwordSaved = i % 3 == 0;
    r.connectionId = QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
    r.requestId = QStringLiteral("req%1").arg(i);
    return r;
}

QFileDevice::Permissions otherBits()
{
    return QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther |
           QFileDevice::WriteOther | QFileDevice::ExeOther;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace

class TestHistoryPane : public GuiTestBase
{
    Q_OBJECT

private:
    QString m_templatePath;
    QString m_path;
    std::unique_ptr<HistoryStore> m_store;
    std::unique_ptr<HistoryPane> m_pane;

    QTableView* table() const { return m_pane->table(); }
    QLineEdit* filterEdit() const
    {
        return m_pane->findChild<QLineEdit*>(QStringLiteral("historyFilterEdit"));
    }
    QLabel* countLabel() const { return m_pane->findChild<QLabel*>(QStringLiteral("historyCountLabel")); }
    QPushButton* button(const char* name) const
    {
        return m_pane->findChild<QPushButton*>(QLatin1String(name));
    }
    QToolButton* exportButton() const
    {
        return m_pane->findChild<QToolButton*>(QStringLiteral("exportButton"));
    }

    QToolButton* columnsButton() const
    {
        return m_pane->findChild<QToolButton*>(QStringLiteral("columnsButton"));
    }
    QLabel* emptyLabel() const { return m_pane->findChild<QLabel*>(QStringLiteral("historyEmptyLabel")); }

    QPoint cellCenter(int row, int column = HistoryColumn::Username) const
    {
        const QModelIndex index = table()->model()->index(row, column);
        table()->scrollTo(index);
        return table()->visualRect(index).center();
    }

    void clickRow(int row, Qt::KeyboardModifiers modifiers = {})
    {
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, modifiers, cellCenter(row));
    }

    void clickHeader(int column)
    {
        QHeaderView* header = table()->horizontalHeader();
        const int x = header->sectionViewportPosition(column) + header->sectionSize(column) / 2;
        QVERIFY(x > 0 && x < header->viewport()->width());
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    }

    // Opens a popup menu with `open` (which may block in the menu's own event loop) and hands the menu, once
    // shown, to `act`, which must close it.
    void withPopup(const std::function<void()>& open, const std::function<void(QMenu*)>& act)
    {
        bool seen = false;
        QTimer poll;
        poll.setInterval(10);
        connect(&poll, &QTimer::timeout, this, [&] {
            auto* popup = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            if (!popup)
                return;
            poll.stop();
            seen = true;
            act(popup);
        });
        poll.start();
        open();
        QTRY_VERIFY(seen);
        QTRY_VERIFY(!QApplication::activePopupWidget());
    }

    QAction* columnAction(int column) const
    {
        const QList<QAction*> actions = m_pane->columnsMenu()->actions();
        for (QAction* action : actions) {
            if (!action->isSeparator() && action->data().toInt() == column && action->isCheckable())
                return action;
        }
        return nullptr;
    }

    // Right-clicks the table header and clicks the column's entry in the menu that opens.
    void toggleColumnFromHeader(int column)
    {
        QHeaderView* header = table()->horizontalHeader();
        const QPoint pos(header->sectionViewportPosition(HistoryColumn::Time) + 5, header->height() / 2);
        withPopup(
            [&] {
                QContextMenuEvent event(QContextMenuEvent::Mouse, pos, header->viewport()->mapToGlobal(pos));
                QApplication::sendEvent(header->viewport(), &event);
            },
            [&](QMenu* menu) {
                QCOMPARE(menu, m_pane->columnsMenu());
                QAction* action = columnAction(column);
                QVERIFY(action);
                QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(action).center());
            });
    }

    // Opens the Columns button's menu with the keyboard and toggles the column's entry with arrows and Enter.
    void toggleColumnWithKeys(int column)
    {
        columnsButton()->setFocus();
        withPopup([&] { QTest::keyClick(columnsButton(), Qt::Key_Space); },
                  [&](QMenu* menu) {
                      QAction* action = columnAction(column);
                      for (int i = 0; i < 2 * HistoryColumn::Count && menu->activeAction() != action; ++i)
                          QTest::keyClick(menu, Qt::Key_Down);
                      QCOMPARE(menu->activeAction(), action);
                      QTest::keyClick(menu, Qt::Key_Return);
                  });
    }

    std::unique_ptr<HistoryPane> makePane(HistoryStore* store)
    {
        auto pane = std::make_unique<HistoryPane>();
        pane->resize(2400, 600); // every column visible without scrolling
        pane->setStore(store);
        pane->show();
        return pane;
    }

private slots:
    void initTestCase()
    {
        GuiTestBase::initTestCase();
        // Filled once and copied for every test: 600 inserts per test would dominate the run time.
        m_templatePath = rootPath() + QStringLiteral("/template.sqlite");
        HistoryStore store(m_templatePath);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        for (int i = 0; i < RowCount; ++i) {
            HistoryRecord r = sample(i);
            QVERIFY2(store.add(r, &error), qPrintable(error));
        }
    }

    void init()
    {
        GuiTestBase::init();
        m_path = historyPath();
        QVERIFY(QFile::copy(m_templatePath, m_path));
        m_store = std::make_unique<HistoryStore>(m_path);
        QString error;
        QVERIFY2(m_store->open(&error), qPrintable(error));
        m_pane = makePane(m_store.get());
        QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
    }

    void cleanup()
    {
        m_pane.reset();
        m_store.reset();
        GuiTestBase::cleanup();
    }

    void initialState()
    {
        QCOMPARE(table()->model(), m_pane->proxy());
        QCOMPARE(m_pane->proxy()->sourceModel(), m_pane->model());
        QCOMPARE(m_pane->proxy()->rowCount(), RowCount);
        // Only the pages near the view are held.
        QVERIFY(m_pane->model()->cachedPages() >= 1);
        QVERIFY(m_pane->model()->cachedPages() <= 2);
        QCOMPARE(m_pane->model()->totalCount(), RowCount);
        QCOMPARE(countLabel()->text(), QStringLiteral("600 connections"));
        // Newest first.
        QCOMPARE(m_pane->model()->record(0).connectionId, sample(RowCount - 1).connectionId);
        QCOMPARE(table()->horizontalHeader()->sortIndicatorSection(), int(HistoryColumn::Time));
        QCOMPARE(table()->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
        QVERIFY(table()->isSortingEnabled());
        QCOMPARE(table()->editTriggers(), QAbstractItemView::NoEditTriggers);
        QCOMPARE(table()->selectionBehavior(), QAbstractItemView::SelectRows);
        QCOMPARE(table()->selectionMode(), QAbstractItemView::ExtendedSelection);
        QVERIFY(table()->alternatingRowColors());
        // Nothing selected: only export is possible.
        QVERIFY(!button("copyIdButton")->isEnabled());
        QVERIFY(!button("useTemplateButton")->isEnabled());
        QVERIFY(!button("deleteButton")->isEnabled());
        QVERIFY(!m_pane->deleteOnDasAction()->isEnabled());
        QVERIFY(exportButton()->isEnabled());
        QCOMPARE(button("copyIdButton")->text(), QStringLiteral("Copy ID"));
        QCOMPARE(button("useTemplateButton")->text(), QStringLiteral("Use as template"));
        QCOMPARE(button("deleteButton")->text(), QStringLiteral("Delete…"));
        // Keyboard and screen readers.
        auto* label = m_pane->findChild<QLabel*>(QStringLiteral("filterLabel"));
        QVERIFY(label);
        QCOMPARE(label->buddy(), filterEdit());
        QCOMPARE(label->text(), QStringLiteral("Filter:"));
        // Set up after the table's first paint (its icon lookup is slow).
        QTRY_VERIFY(filterEdit()->isClearButtonEnabled());
        QVERIFY(!filterEdit()->placeholderText().isEmpty());
        const QList<QWidget*> named = {filterEdit(),           table(),
                                       button("copyIdButton"), button("useTemplateButton"),
                                       button("deleteButton"), exportButton()};
        for (QWidget* widget : named) {
            QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));
            QVERIFY2(widget->focusPolicy() & Qt::TabFocus, qPrintable(widget->objectName()));
        }
        // The header names the columns; no password column.
        for (int column = 0; column < m_pane->proxy()->columnCount(); ++column) {
            const QString title = m_pane->proxy()->headerData(column, Qt::Horizontal).toString();
            QVERIFY(!title.isEmpty());
            QVERIFY(title.compare(QLatin1String("Password"), Qt::CaseInsensitive) != 0);
        }
    }

    void typingFilters()
    {
        filterEdit()->setFocus();
        QTest::keyClicks(filterEdit(), QStringLiteral("alice"));
        // Debounced: nothing is queried while typing.
        QCOMPARE(m_pane->model()->filter(), QString());
        QTRY_COMPARE(m_pane->proxy()->rowCount(), AliceRows);
        QCOMPARE(m_pane->model()->totalCount(), m_store->count(QStringLiteral("alice")));
        QCOMPARE(countLabel()->text(), QStringLiteral("60 of 600 connections"));
        for (int row = 0; row < m_pane->proxy()->rowCount(); ++row) {
            const QString username = m_pane->proxy()->index(row, HistoryColumn::Username).data().toString();
            QVERIFY2(username.startsWith(QLatin1String("alice")), qPrintable(username));
        }

        QTest::keyClicks(filterEdit(), QStringLiteral("3"));
        QTRY_COMPARE(m_pane->proxy()->rowCount(), m_store->count(QStringLiteral("alice3")));
        QVERIFY(m_pane->proxy()->rowCount() < AliceRows);

        // Esc clears at once.
        QTest::keyClick(filterEdit(), Qt::Key_Escape);
        QCOMPARE(filterEdit()->text(), QString());
        QCOMPARE(m_pane->model()->filter(), QString());
        QCOMPARE(m_pane->proxy()->rowCount(), RowCount);
        QCOMPARE(countLabel()->text(), QStringLiteral("600 connections"));

        // Nothing matches.
        QTest::keyClicks(filterEdit(), QStringLiteral("zz-nothing"));
        QTest::keyClick(filterEdit(), Qt::Key_Return); // no need to wait for the debounce
        QCOMPARE(m_pane->proxy()->rowCount(), 0);
        QCOMPARE(countLabel()->text(), QStringLiteral("0 of 600 connections"));
    }

    // A filter matching more than a page shows its first rows at once and says that it is counting the
    // rest; the count then replaces that, and every matching row is there. (Two characters: counted in the
    // background at any size; a longer filter matching a few hundred rows is counted at once.)
    void filterCountComesAfterTheFirstScreen()
    {
        const int matching = m_store->count(QStringLiteral("us"));
        QVERIFY(matching > HistoryTableModel::PageSize);
        filterEdit()->setFocus();
        QTest::keyClicks(filterEdit(), QStringLiteral("us"));
        QTest::keyClick(filterEdit(), Qt::Key_Return); // applied now; the count comes through the event loop
        QCOMPARE(m_pane->model()->filter(), QStringLiteral("us"));
        QVERIFY(!m_pane->model()->isCountExact());
        QCOMPARE(m_pane->proxy()->rowCount(), HistoryTableModel::PageSize);
        QCOMPARE(countLabel()->text(), QStringLiteral("Counting matches…"));
        QVERIFY(!emptyLabel()->isVisible());
        QVERIFY(table()->indexAt(QPoint(1, 1)).isValid()); // the first screen is there
        // The longer text fits where the pane is narrowest (DAS_PANE_SCREENSHOTS=DIR saves both sizes).
        for (int width : {PaneWidthAt1024, 1000}) {
            m_pane->resize(width, 500);
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            QVERIFY(countLabel()->width() >= countLabel()->sizeHint().width());
            const QString dir = qEnvironmentVariable("DAS_PANE_SCREENSHOTS");
            if (!dir.isEmpty())
                m_pane->grab().save(dir + QStringLiteral("/history-counting-%1.png").arg(width));
        }
        QVERIFY(!m_pane->model()->isCountExact());
        QTRY_COMPARE(countLabel()->text(), QStringLiteral("%1 of 600 connections").arg(matching));
        QCOMPARE(m_pane->proxy()->rowCount(), matching);
        QCOMPARE(m_pane->model()->totalCount(), matching);
        for (int row = 0; row < matching; row += 37) {
            const QString username = m_pane->proxy()->index(row, HistoryColumn::Username).data().toString();
            QVERIFY2(username.contains(QLatin1String("us")), qPrintable(username));
        }
    }

    void escapeOnAnEmptyFilterIsNotSwallowed()
    {
        QVERIFY(filterEdit()->text().isEmpty());
        QKeyEvent escape(QEvent::KeyPress, Qt::Key_Escape, Qt::NoModifier);
        QApplication::sendEvent(filterEdit(), &escape);
        QVERIFY(!escape.isAccepted()); // goes on to the parent (a dialog would close)
    }

    void clickingHeadersSorts()
    {
        QHeaderView* header = table()->horizontalHeader();
        clickHeader(HistoryColumn::Username);
        QCOMPARE(m_pane->model()->sortColumn(), int(HistoryColumn::Username));
        QCOMPARE(header->sortIndicatorSection(), int(HistoryColumn::Username));
        const Qt::SortOrder first = header->sortIndicatorOrder();
        QCOMPARE(m_pane->model()->sortOrder(), first);
        QList<HistoryRecord> expected = m_store->fetch(QString(), HistoryColumn::Username, first, 0, 3);
        for (int row = 0; row < 3; ++row)
            QCOMPARE(m_pane->proxy()->index(row, 0).data(HistoryTableModel::RecordIdRole).toLongLong(),
                     expected.at(row).id);

        clickHeader(HistoryColumn::Username);
        const Qt::SortOrder second = first == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder;
        QCOMPARE(m_pane->model()->sortOrder(), second);
        expected = m_store->fetch(QString(), HistoryColumn::Username, second, 0, 1);
        QCOMPARE(m_pane->model()->record(0).id, expected.at(0).id);

        // The keychain flag sorts too (by the store, like every column).
        clickHeader(HistoryColumn::PasswordSaved);
        QCOMPARE(m_pane->model()->sortColumn(), int(HistoryColumn::PasswordSaved));
        QCOMPARE(header->sortIndicatorSection(), int(HistoryColumn::PasswordSaved));
        expected =
            m_store->fetch(QString(), HistoryColumn::PasswordSaved, header->sortIndicatorOrder(), 0, 1);
        QCOMPARE(m_pane->model()->record(0).id, expected.at(0).id);
    }

    void jumpingToTheBottomShowsTheOldestRows()
    {
        // Keyboard: Ctrl+End goes to the last row at once, reading only the pages it shows.
        table()->setFocus();
        QTest::keyClick(table(), Qt::Key_End, Qt::ControlModifier);
        QCOMPARE(table()->currentIndex().row(), RowCount - 1);
        QCOMPARE(m_pane->model()->record(RowCount - 1).connectionId, sample(0).connectionId);
        table()->viewport()->repaint();
        const QModelIndex bottom = table()->indexAt(QPoint(1, table()->viewport()->height() - 2));
        QCOMPARE(bottom.row(), RowCount - 1);
        QCOMPARE(bottom.siblingAtColumn(HistoryColumn::ConnectionId).data().toString(),
                 sample(0).connectionId);
        QVERIFY(m_pane->model()->cachedPages() <= 4);
        // The scroll bar anywhere shows the rows there.
        table()->verticalScrollBar()->setValue(RowCount / 2);
        const QModelIndex top = table()->indexAt(QPoint(1, 1));
        QCOMPARE(top.row(), RowCount / 2);
        QCOMPARE(top.siblingAtColumn(HistoryColumn::ConnectionId).data().toString(),
                 sample(RowCount - 1 - RowCount / 2).connectionId);
        QVERIFY(!m_pane->proxy()->canFetchMore(QModelIndex()));
    }

    void copyIdsToTheClipboard()
    {
        QSignalSpy status(m_pane.get(), &HistoryPane::statusMessage);
        QGuiApplication::clipboard()->clear();
        clickRow(2);
        QVERIFY(button("copyIdButton")->isEnabled());
        QTest::mouseClick(button("copyIdButton"), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), m_pane->model()->record(2).connectionId);
        QCOMPARE(status.size(), 1);
        QCOMPARE(status.at(0).at(0).toString(), QStringLiteral("Copied 1 connection ID."));

        clickRow(5, Qt::ControlModifier);
        QCOMPARE(m_pane->selectedRecords().size(), 2);
        QGuiApplication::clipboard()->clear();
        table()->setFocus();
        QTest::keyClick(table(), Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(),
                 m_pane->model()->record(2).connectionId + u'\n' + m_pane->model()->record(5).connectionId);
        QCOMPARE(status.size(), 2);
        QCOMPARE(status.at(1).at(0).toString(), QStringLiteral("Copied 2 connection IDs."));
    }

    void useAsTemplate()
    {
        QSignalSpy used(m_pane.get(), &HistoryPane::useAsTemplate);
        const QPoint cell = cellCenter(3);
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, cell);
        QTest::mouseDClick(table()->viewport(), Qt::LeftButton, {}, cell);
        QCOMPARE(used.size(), 1);
        const auto fromDoubleClick = used.at(0).at(0).value<HistoryRecord>();
        QCOMPARE(fromDoubleClick.id, m_pane->model()->record(3).id);
        QCOMPARE(fromDoubleClick.connectionId, m_pane->model()->record(3).connectionId);
        QCOMPARE(fromDoubleClick.username, m_pane->model()->record(3).username);

        clickRow(1);
        QVERIFY(button("useTemplateButton")->isEnabled());
        QTest::mouseClick(button("useTemplateButton"), Qt::LeftButton);
        QCOMPARE(used.size(), 2);
        QCOMPARE(used.at(1).at(0).value<HistoryRecord>().id, m_pane->model()->record(1).id);

        table()->setFocus();
        QTest::keyClick(table(), Qt::Key_Return);
        QCOMPARE(used.size(), 3);
        QCOMPARE(used.at(2).at(0).value<HistoryRecord>().id, m_pane->model()->record(1).id);

        // Two rows: which one would be ambiguous.
        clickRow(4, Qt::ShiftModifier);
        QVERIFY(!button("useTemplateButton")->isEnabled());
        QVERIFY(button("copyIdButton")->isEnabled());
    }

    void deleteAsksFirst()
    {
        int asked = 0;
        bool answer = false;
        m_pane->setDeleteConfirmation([&](int count) {
            asked = count;
            return answer;
        });
        QSignalSpy status(m_pane.get(), &HistoryPane::statusMessage);
        clickRow(0);
        clickRow(1, Qt::ControlModifier);
        const qint64 first = m_pane->model()->record(0).id;
        const qint64 second = m_pane->model()->record(1).id;
        const qint64 third = m_pane->model()->record(2).id;

        QTest::mouseClick(button("deleteButton"), Qt::LeftButton);
        QCOMPARE(asked, 2);
        QCOMPARE(m_store->count(), RowCount);
        QCOMPARE(m_pane->model()->record(0).id, first);
        QCOMPARE(status.size(), 0);

        answer = true;
        asked = 0;
        QTest::mouseClick(button("deleteButton"), Qt::LeftButton);
        QCOMPARE(asked, 2);
        QCOMPARE(m_store->count(), RowCount - 2);
        QCOMPARE(m_store->byId(first).id, qint64(0));
        QCOMPARE(m_store->byId(second).id, qint64(0));
        QCOMPARE(m_pane->model()->record(0).id, third);
        QCOMPARE(m_pane->proxy()->rowCount(), RowCount - 2);
        QCOMPARE(countLabel()->text(), QStringLiteral("598 connections"));
        QCOMPARE(status.size(), 1);
        QCOMPARE(status.at(0).at(0).toString(), QStringLiteral("Deleted 2 connections from the history."));
        QVERIFY(!button("deleteButton")->isEnabled());

        // The Delete key, one row.
        clickRow(0);
        table()->setFocus();
        QTest::keyClick(table(), Qt::Key_Delete);
        QCOMPARE(asked, 1);
        QCOMPARE(m_store->byId(third).id, qint64(0));
        QCOMPARE(m_store->count(), RowCount - 3);
    }

    void exportSelectedAndAll()
    {
        clickRow(0);
        clickRow(2, Qt::ShiftModifier);
        QCOMPARE(m_pane->selectedRecords().size(), 3);
        QSignalSpy status(m_pane.get(), &HistoryPane::statusMessage);

        QString error;
        const QString csvPath = testFile(QStringLiteral("selected.csv"));
        QVERIFY2(m_pane->exportTo(csvPath, HistoryPane::Format::Csv, HistoryPane::Scope::Selected, &error),
                 qPrintable(error));
        QByteArray csv = readAll(csvPath);
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        QCOMPARE(csv.count("\r\n"), 1 + 3);
        QVERIFY(csv.contains(m_pane->model()->record(1).connectionId.toUtf8()));
        QVERIFY(csv.contains("备注"));
        QCOMPARE(QFile::permissions(csvPath) & otherBits(), QFileDevice::Permissions());
        QVERIFY(QFile::permissions(csvPath) & QFileDevice::ReadOwner);
        QCOMPARE(status.size(), 1);
        QVERIFY(status.at(0).at(0).toString().startsWith(QLatin1String("Exported 3 connections to ")));

        const QString jsonPath = testFile(QStringLiteral("selected.json"));
        QVERIFY2(m_pane->exportTo(jsonPath, HistoryPane::Format::Json, HistoryPane::Scope::Selected, &error),
                 qPrintable(error));
        QJsonArray array = QJsonDocument::fromJson(readAll(jsonPath)).array();
        QCOMPARE(array.size(), 3);
        QCOMPARE(array.at(0).toObject().value(QLatin1String("connection_id")).toString(),
                 m_pane->model()->record(0).connectionId);
        QCOMPARE(QFile::permissions(jsonPath) & otherBits(), QFileDevice::Permissions());

        // "All" is every row matching the filter, not only the loaded ones.
        filterEdit()->setText(QStringLiteral("user"));
        QTRY_COMPARE(m_pane->model()->filter(), QStringLiteral("user"));
        const int matching = m_store->count(QStringLiteral("user"));
        QCOMPARE(matching, RowCount - AliceRows);
        // Counted in the background (filterCountComesAfterTheFirstScreen).
        QTRY_COMPARE(m_pane->model()->rowCount(), matching);
        QVERIFY(m_pane->model()->cachedPages() * HistoryTableModel::PageSize < matching);
        // An existing, readable file is replaced and made private.
        const QString allCsv = testFile(QStringLiteral("all.csv"));
        {
            QFile old(allCsv);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("old");
        }
        QVERIFY(QFile::setPermissions(allCsv, QFile::permissions(allCsv) | QFileDevice::ReadOther));
        QVERIFY2(m_pane->exportTo(allCsv, HistoryPane::Format::Csv, HistoryPane::Scope::All, &error),
                 qPrintable(error));
        csv = readAll(allCsv);
        QCOMPARE(csv.count("\r\n"), 1 + matching);
        QVERIFY(!csv.contains("alice"));
        QCOMPARE(QFile::permissions(allCsv) & otherBits(), QFileDevice::Permissions());

        const QString allJson = testFile(QStringLiteral("all.json"));
        QVERIFY2(m_pane->exportTo(allJson, HistoryPane::Format::Json, HistoryPane::Scope::All, &error),
                 qPrintable(error));
        array = QJsonDocument::fromJson(readAll(allJson)).array();
        QCOMPARE(array.size(), matching);
        for (const QJsonValue& value : std::as_const(array))
            QVERIFY(!value.toObject().contains(QLatin1String("password")));

        // The filter reset cleared the selection.
        QVERIFY(!m_pane->exportTo(testFile(QStringLiteral("none.csv")), HistoryPane::Format::Csv,
                                  HistoryPane::Scope::Selected, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFile::exists(testFile(QStringLiteral("none.csv"))));
        error.clear();
        QVERIFY(!m_pane->exportTo(testFile(QStringLiteral("missing/dir/x.csv")), HistoryPane::Format::Csv,
                                  HistoryPane::Scope::All, &error));
        QVERIFY(error.contains(QLatin1String("x.csv")));
    }

    void exportMenuAndContextMenuOfferTheActions()
    {
        QMenu* menu = exportButton()->menu();
        QVERIFY(menu);
        QStringList texts;
        const QList<QAction*> exportActions = menu->actions();
        for (QAction* action : exportActions) {
            if (!action->isSeparator())
                texts.append(action->text());
        }
        QCOMPARE(texts,
                 QStringList({QStringLiteral("Export selected as CSV…"),
                              QStringLiteral("Export selected as JSON…"),
                              QStringLiteral("Export all as CSV…"), QStringLiteral("Export all as JSON…")}));
        clickRow(0);

        QStringList contextTexts;
        QTimer poll;
        poll.setInterval(10);
        connect(&poll, &QTimer::timeout, this, [&] {
            auto* popup = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            if (!popup)
                return;
            poll.stop();
            const QList<QAction*> actions = popup->actions();
            for (QAction* action : actions) {
                if (!action->isSeparator() && action->isEnabled())
                    contextTexts.append(action->text());
            }
            popup->close();
        });
        poll.start();
        emit table()->customContextMenuRequested(cellCenter(0));
        QCOMPARE(contextTexts.size(), 8);
        QVERIFY(contextTexts.contains(QStringLiteral("Delete on D&AS…")));
        for (const QString& text : std::as_const(texts))
            QVERIFY2(contextTexts.contains(text), qPrintable(text));
    }

    void tabReachesEveryControl()
    {
        m_pane->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_pane.get()));
        clickRow(0); // enables the buttons
        // Ctrl+F: the window has no Alt+letter left for the filter.
        QTest::keyClick(m_pane.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_COMPARE(QApplication::focusWidget(), filterEdit());
        const QList<QWidget*> order = {columnsButton(),        table(),
                                       button("copyIdButton"), button("useTemplateButton"),
                                       button("deleteButton"), exportButton()};
        for (QWidget* expected : order) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QCOMPARE(QApplication::focusWidget(), expected);
        }
    }

    void connectionIdComesEarly()
    {
        QHeaderView* header = table()->horizontalHeader();
        QCOMPARE(header->logicalIndex(0), int(HistoryColumn::ConnectionId));
        QCOMPARE(header->logicalIndex(1), int(HistoryColumn::State));
        QCOMPARE(header->logicalIndex(2), int(HistoryColumn::Time));
        for (int column : {HistoryColumn::State, HistoryColumn::ConnectionId, HistoryColumn::Instance}) {
            QVERIFY(!header->isSectionHidden(column));
            const QString text = m_pane->model()->headerData(column, Qt::Horizontal).toString();
            QVERIFY(header->sectionSize(column) >= table()->fontMetrics().horizontalAdvance(text));
        }
        // The width the pane gets in a 1024x700 window: the whole ID shows without scrolling sideways.
        m_pane->resize(PaneWidthAt1024, 500);
        QTRY_COMPARE(table()->viewport()->width() < PaneWidthAt1024, true);
        const QString id = m_pane->model()->record(0).connectionId;
        QVERIFY(header->sectionSize(HistoryColumn::ConnectionId) >=
                table()->fontMetrics().horizontalAdvance(id));
        QVERIFY(header->sectionViewportPosition(HistoryColumn::ConnectionId) +
                    header->sectionSize(HistoryColumn::ConnectionId) <=
                table()->viewport()->width());
        // Free text last, where it stretches; the optional columns hidden.
        QCOMPARE(header->logicalIndex(HistoryColumn::Count - 1), int(HistoryColumn::Remarks));
        for (int column = 0; column < HistoryColumn::Count; ++column)
            QCOMPARE(header->isSectionHidden(column), HistoryColumn::isOptional(column));
    }

    void deleteOnDasIsOfferedForConnectionsThatExist()
    {
        // The newest row's connection was deleted, the next one never created.
        const HistoryRecord deleted = m_pane->model()->record(0);
        const HistoryRecord notCreated = m_pane->model()->record(1);
        QString error;
        QVERIFY2(m_store->markDeleted({deleted.connectionId}, &error) == 1, qPrintable(error));
        QVERIFY2(m_store->setState(notCreated.id, HistoryRecord::State::NotCreated, QString(), QString(),
                                   QStringLiteral("refused"), &error),
                 qPrintable(error));
        m_pane->reload();
        QCOMPARE(table()->model()->index(0, HistoryColumn::State).data().toString(),
                 QStringLiteral("Deleted"));
        QVERIFY(table()->model()->index(0, 0).data(HistoryTableModel::InactiveRole).toBool());
        QVERIFY(!table()->model()->index(2, 0).data(HistoryTableModel::InactiveRole).toBool());

        QAction* deleteOnDas = m_pane->deleteOnDasAction();
        clickRow(0);
        QVERIFY(!deleteOnDas->isEnabled());
        clickRow(1, Qt::ControlModifier);
        QVERIFY(!deleteOnDas->isEnabled()); // neither exists on DAS
        clickRow(2, Qt::ControlModifier);
        QVERIFY(deleteOnDas->isEnabled());

        // The window decides what can be deleted; the pane hands over the whole selection.
        QSignalSpy requested(m_pane.get(), &HistoryPane::deleteOnDasRequested);
        deleteOnDas->trigger(); // the context menu's (tested above) and the window's menu's
        QCOMPARE(requested.count(), 1);
        const auto records = requested.constFirst().constFirst().value<QList<HistoryRecord>>();
        QCOMPARE(records.size(), 3);
        QCOMPARE(std::count_if(records.begin(), records.end(), &HistoryPane::existsOnDas), 1);
        QCOMPARE(m_store->count(), RowCount); // nothing removed from the history
    }

    void columnChooserShowsHidesAndPersists()
    {
        QHeaderView* header = table()->horizontalHeader();
        QVERIFY(header->isSectionHidden(HistoryColumn::ProjectId));
        QVERIFY(header->isSectionHidden(HistoryColumn::Port));
        // The ID cannot be hidden.
        QVERIFY(columnAction(HistoryColumn::ConnectionId));
        QVERIFY(!columnAction(HistoryColumn::ConnectionId)->isEnabled());
        QVERIFY(columnAction(HistoryColumn::ConnectionId)->isChecked());

        toggleColumnFromHeader(HistoryColumn::ProjectId);
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY(!header->isSectionHidden(HistoryColumn::ProjectId));
        QVERIFY(columnAction(HistoryColumn::ProjectId)->isChecked());
        const QString project = sample(RowCount - 1).projectId;
        QCOMPARE(table()->model()->index(0, HistoryColumn::ProjectId).data().toString(), project);
        QVERIFY(header->sectionSize(HistoryColumn::ProjectId) >=
                table()->fontMetrics().horizontalAdvance(project));

        toggleColumnWithKeys(HistoryColumn::Port);
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY(!header->isSectionHidden(HistoryColumn::Port));
        QCOMPARE(table()->model()->index(0, HistoryColumn::Port).data().toString(), QStringLiteral("3306"));
        toggleColumnWithKeys(HistoryColumn::Endpoint); // a default column can go too
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY(header->isSectionHidden(HistoryColumn::Endpoint));

        const QString iniPath = testFile(QStringLiteral("settings.ini"));
        {
            QSettings file(iniPath, QSettings::IniFormat);
            AppSettings settings(file);
            m_pane->saveState(settings);
        }
        auto check = [&](HistoryPane* pane) {
            QHeaderView* h = pane->table()->horizontalHeader();
            QVERIFY(!h->isSectionHidden(HistoryColumn::ProjectId));
            QVERIFY(!h->isSectionHidden(HistoryColumn::Port));
            QVERIFY(h->isSectionHidden(HistoryColumn::Endpoint));
            QVERIFY(h->isSectionHidden(HistoryColumn::DatabaseName));
            QVERIFY(!h->isSectionHidden(HistoryColumn::ConnectionId));
        };
        auto restart = std::make_unique<HistoryPane>();
        restart->setStore(m_store.get());
        {
            QSettings file(iniPath, QSettings::IniFormat);
            restart->restoreState(AppSettings(file));
        }
        check(restart.get());
        QVERIFY(restart->columnsMenu()->actions().constFirst()->isChecked());

        // A header saved with another set of columns is dropped; the choice of columns is not.
        {
            QSettings file(iniPath, QSettings::IniFormat);
            file.setValue(QStringLiteral("history/headerColumns"), 3);
        }
        auto upgraded = std::make_unique<HistoryPane>();
        upgraded->setStore(m_store.get());
        {
            QSettings file(iniPath, QSettings::IniFormat);
            upgraded->restoreState(AppSettings(file));
        }
        check(upgraded.get());

        // And back to the defaults.
        QAction* defaults = m_pane->findChild<QAction*>(QStringLiteral("historyDefaultColumnsAction"));
        QVERIFY(defaults);
        QVERIFY(m_pane->columnsMenu()->actions().contains(defaults));
        defaults->trigger();
        for (int column = 0; column < HistoryColumn::Count; ++column)
            QCOMPARE(header->isSectionHidden(column), HistoryColumn::isOptional(column));
        QVERIFY(!columnAction(HistoryColumn::ProjectId)->isChecked());
    }

    void columnsButtonFitsTextAndArrow()
    {
        QToolButton* button = columnsButton();
        QCOMPARE(button->menu(), m_pane->columnsMenu());
        QCOMPARE(button->popupMode(), QToolButton::InstantPopup);
        const int text = button->fontMetrics().horizontalAdvance(button->text());
        const int arrow = button->style()->pixelMetric(QStyle::PM_MenuButtonIndicator, nullptr, button);
        QVERIFY(button->isVisible());
        QVERIFY2(button->width() >= text + 2 * arrow,
                 qPrintable(QStringLiteral("%1 < %2 + 2 × %3").arg(button->width()).arg(text).arg(arrow)));
    }

    void emptyHistoryAndEmptyFilterSaySo()
    {
        // Rows: no text over them.
        QVERIFY(m_pane->emptyStateText().isEmpty());
        QVERIFY(!emptyLabel()->isVisible());

        // A filter that matches nothing says so, naming it.
        QTest::keyClicks(filterEdit(), QStringLiteral("no-such-thing"));
        QTest::keyClick(filterEdit(), Qt::Key_Return);
        QCOMPARE(m_pane->proxy()->rowCount(), 0);
        QVERIFY(emptyLabel()->isVisible());
        QVERIFY(emptyLabel()->text().startsWith(QStringLiteral("No connection matches “no-such-thing”.")));
        QVERIFY(emptyLabel()->geometry().intersects(table()->viewport()->geometry()));
        QVERIFY(!table()->horizontalScrollBar()->isVisible());
        QTest::keyClick(filterEdit(), Qt::Key_Escape);
        QCOMPARE(m_pane->proxy()->rowCount(), RowCount);
        QVERIFY(!emptyLabel()->isVisible());

        // An empty history, at both window sizes: the invitation, and no scroll bar under it.
        HistoryStore empty(testFile(QStringLiteral("empty.sqlite")));
        QString error;
        QVERIFY2(empty.open(&error), qPrintable(error));
        auto pane = makePane(&empty);
        QVERIFY(QTest::qWaitForWindowExposed(pane.get()));
        auto* label = pane->findChild<QLabel*>(QStringLiteral("historyEmptyLabel"));
        QVERIFY(label && label->isVisible());
        QVERIFY(label->text().startsWith(QStringLiteral("No connections yet")));
        for (int width : {PaneWidthAt1024, 1000}) {
            pane->resize(width, 400);
            QTRY_COMPARE(label->geometry(), pane->table()->viewport()->geometry());
            QVERIFY(!pane->table()->horizontalScrollBar()->isVisible());
        }

        // The first row, here from another process, replaces the text.
        HistoryStore other(empty.path());
        QVERIFY2(other.open(&error), qPrintable(error));
        HistoryRecord r = sample(0);
        QVERIFY2(other.add(r, &error), qPrintable(error));
        pane->watcher()->checkNow();
        QCOMPARE(pane->proxy()->rowCount(), 1);
        QVERIFY(!label->isVisible());
        QVERIFY(pane->emptyStateText().isEmpty());
    }

    // In the window the pane is a child widget: Qt tells it of (de)activation differently than a top-level.
    void watcherFollowsTheWindowItSitsIn()
    {
        m_pane->hide();
        QWidget host;
        auto* layout = new QVBoxLayout(&host);
        auto* pane = new HistoryPane(&host);
        layout->addWidget(pane);
        pane->setStore(m_store.get());
        host.resize(1200, 600);
        host.show();
        QVERIFY(QTest::qWaitForWindowExposed(&host));
        host.activateWindow();
        QTRY_VERIFY(pane->watcher()->isActive());

        QWidget other;
        other.resize(200, 100);
        other.show();
        QVERIFY(QTest::qWaitForWindowExposed(&other));
        other.activateWindow();
        QTRY_VERIFY(!host.isActiveWindow());
        QTRY_VERIFY(!pane->watcher()->isActive());
        host.activateWindow();
        QTRY_VERIFY(pane->watcher()->isActive());
    }

    void rowsAddedByAnotherProcessShowUp()
    {
        m_pane->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_pane.get()));
        QTRY_VERIFY(m_pane->watcher()->isActive()); // on screen in the active window
        QCOMPARE(m_pane->watcher()->interval(), 1000);
        clickRow(2);
        const qint64 selected = m_pane->selectedRecords().constFirst().id;

        // Another connection to the same file, as das-connect-cli has.
        HistoryStore cli(m_path);
        QString error;
        QVERIFY2(cli.open(&error), qPrintable(error));
        HistoryRecord added = sample(RowCount);
        QVERIFY2(cli.add(added, &error), qPrintable(error));
        QTRY_COMPARE(m_pane->model()->totalCount(), RowCount + 1);
        QCOMPARE(m_pane->model()->record(0).id, added.id); // at the top, where the view is
        QCOMPARE(countLabel()->text(), QStringLiteral("601 connections"));
        QCOMPARE(m_pane->selectedRecords().size(), 1);
        QCOMPARE(m_pane->selectedRecords().constFirst().id, selected);

        // Scrolled down, the same rows stay in view; a state set elsewhere shows.
        table()->scrollTo(table()->model()->index(100, 0), QAbstractItemView::PositionAtTop);
        const qint64 top = table()->indexAt(QPoint(1, 1)).data(HistoryTableModel::RecordIdRole).toLongLong();
        QVERIFY(table()->verticalScrollBar()->value() > 0);
        QVERIFY2(
            cli.setState(selected, HistoryRecord::State::Deleted, QString(), QString(), QString(), &error),
            qPrintable(error));
        HistoryRecord another = sample(RowCount + 1);
        QVERIFY2(cli.add(another, &error), qPrintable(error));
        QTRY_COMPARE(m_pane->model()->totalCount(), RowCount + 2);
        QCOMPARE(table()->indexAt(QPoint(1, 1)).data(HistoryTableModel::RecordIdRole).toLongLong(), top);
        QCOMPARE(m_pane->selectedRecords().constFirst().state, HistoryRecord::State::Deleted);

        // Off screen, nothing polls.
        m_pane->hide();
        QVERIFY(!m_pane->watcher()->isActive());
    }

    void survivesRestart()
    {
        // A sort and a column width to carry over.
        clickHeader(HistoryColumn::Username);
        QHeaderView* header = table()->horizontalHeader();
        header->resizeSection(HistoryColumn::Endpoint, 123);
        const Qt::SortOrder order = header->sortIndicatorOrder();
        const QString iniPath = testFile(QStringLiteral("settings.ini"));
        {
            QSettings file(iniPath, QSettings::IniFormat);
            AppSettings settings(file);
            m_pane->saveState(settings);
        }
        {
            // The keys and value types of earlier versions, so that users keep their layout.
            const QSettings file(iniPath, QSettings::IniFormat);
            QVERIFY(!file.value(QStringLiteral("history/headerState")).toByteArray().isEmpty());
            QCOMPARE(file.value(QStringLiteral("history/headerColumns")).toInt(), int(HistoryColumn::Count));
        }
        m_pane.reset();
        m_store.reset();

        HistoryStore reopened(m_path);
        QString error;
        QVERIFY2(reopened.open(&error), qPrintable(error));
        auto pane = makePane(&reopened);
        QVERIFY(QTest::qWaitForWindowExposed(pane.get()));
        QCOMPARE(pane->model()->totalCount(), RowCount);
        QCOMPARE(pane->proxy()->rowCount(), RowCount);
        QCOMPARE(pane->model()->record(0).connectionId, sample(RowCount - 1).connectionId);
        {
            QSettings file(iniPath, QSettings::IniFormat);
            const AppSettings settings(file);
            pane->restoreState(settings);
        }
        QCOMPARE(pane->table()->horizontalHeader()->sectionSize(HistoryColumn::Endpoint), 123);
        QCOMPARE(pane->model()->sortColumn(), int(HistoryColumn::Username));
        QCOMPARE(pane->model()->sortOrder(), order);
        QCOMPARE(pane->model()->record(0).id,
                 reopened.fetch(QString(), HistoryColumn::Username, order, 0, 1).constFirst().id);

        // A state from another set of columns is ignored rather than misapplied.
        const QString otherPath = testFile(QStringLiteral("other.ini"));
        {
            QSettings other(otherPath, QSettings::IniFormat);
            other.setValue(QStringLiteral("history/headerState"), QByteArray("garbage"));
            other.setValue(QStringLiteral("history/headerColumns"), 3);
        }
        auto fresh = makePane(&reopened);
        QSettings otherFile(otherPath, QSettings::IniFormat);
        const AppSettings other(otherFile);
        fresh->restoreState(other);
        QCOMPARE(fresh->model()->sortColumn(), int(HistoryColumn::Time));
    }
};

QTEST_MAIN(TestHistoryPane)
#include "tst_historypane.moc"
