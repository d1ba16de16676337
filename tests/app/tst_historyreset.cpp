// The history table after the pane's speed-ups (issue 13): its cells look exactly as the style draws them, a
// sort keeps the header as the user arranged it and shows the rows in the new order, and the default columns
// set up quietly in the constructor are laid out once the pane is shown.
#include "HistoryColumn.h"
#include "HistoryPane.h"
#include "HistoryProxyModel.h"
#include "HistoryRowDelegate.h"
#include "HistoryStore.h"
#include "HistoryTableModel.h"

#include <QApplication>
#include <QHeaderView>
#include <QImage>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QSet>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace das;

namespace {

constexpr int Rows = 60;

HistoryRecord sample(int i)
{
    HistoryRecord r;
    r.createdAt = QDateTime(QDate(2024, 3, 1), QTime(8, 0), QTimeZone::utc()).addSecs(i * 60);
    r.endpoint = QStringLiteral("https://das.cn-north-4.myhuaweicloud.com");
    r.region = QStringLiteral("cn-north-4");
    r.projectId = QStringLiteral("052041494800d57c2f02c00275b4c247");
    r.instanceId = QStringLiteral("bcfa975193f1402fa11a6d4fd6baf5f%1in01").arg(i % 10);
    r.engineType = i % 2 ? QStringLiteral("mysql") : QStringLiteral("postgresql");
    r.username = QStringLiteral("user%1").arg((i * 37) % 101);
    r.port = QStringLiteral("3306");
    // Long enough to be elided in a narrow column; some in Chinese (another font, another shaping).
    r.remarks = i % 3 ? QStringLiteral("remark %1 with some words to elide at the end").arg(i)
                      : QStringLiteral("备注 %1 变更单 OPS-%2").arg(i).arg(1000 + i);
    r.passwordSaved = i % 3 == 0;
    r.connectionId = QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
    r.state = i % 4 == 1 ? HistoryRecord::State::Deleted : HistoryRecord::State::Created;
    return r;
}

// The delegate the pane had: the style draws every cell, inactive rows in the disabled text colour.
class StyleDrawnDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(HistoryTableModel::InactiveRole).toBool())
            option->palette.setColor(QPalette::Text,
                                     option->palette.color(QPalette::Disabled, QPalette::Text));
    }
};

QImage render(QTableView* table, QAbstractItemDelegate* delegate)
{
    table->setItemDelegate(delegate);
    return table->viewport()->grab().toImage();
}

} // namespace

class TestHistoryReset : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QApplication::setStyle(QStringLiteral("fusion"));
        QVERIFY(m_dir.isValid());
        m_store = std::make_unique<HistoryStore>(m_dir.filePath(QStringLiteral("history.sqlite")));
        QString error;
        QVERIFY2(m_store->open(&error), qPrintable(error));
        for (int i = 0; i < Rows; ++i) {
            HistoryRecord r = sample(i);
            QVERIFY2(m_store->add(r, &error), qPrintable(error));
        }
    }

    void init()
    {
        m_pane = std::make_unique<HistoryPane>();
        m_pane->resize(900, 500);
        m_pane->setStore(m_store.get());
        m_pane->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
    }

    void cleanup() { m_pane.reset(); }

    // Pixel for pixel what QStyledItemDelegate draws: plain, selected, inactive, centred, elided and Chinese
    // cells, the focused cell, in an active and an inactive window.
    void cellsLookAsTheStyleDrawsThem_data()
    {
        QTest::addColumn<int>("remarksWidth");
        QTest::addColumn<bool>("withSelection");
        QTest::newRow("wide") << 600 << false;
        QTest::newRow("narrow, elided") << 90 << false;
        QTest::newRow("selected rows and a focused cell") << 120 << true;
    }
    void cellsLookAsTheStyleDrawsThem()
    {
        QFETCH(int, remarksWidth);
        QFETCH(bool, withSelection);
        QTableView* table = m_pane->table();
        m_pane->setColumnShown(HistoryColumn::Port, true);
        m_pane->setColumnShown(HistoryColumn::PasswordSaved, true);
        table->horizontalHeader()->resizeSection(HistoryColumn::Remarks, remarksWidth);
        table->horizontalHeader()->moveSection(table->horizontalHeader()->visualIndex(HistoryColumn::Remarks),
                                               1);
        if (withSelection) {
            table->setFocus();
            table->selectionModel()->setCurrentIndex(m_pane->proxy()->index(2, HistoryColumn::Remarks),
                                                     QItemSelectionModel::NoUpdate);
            for (int row : {1, 2, 5})
                table->selectRow(row);
        }
        QAbstractItemDelegate* fast = table->itemDelegate();
        QVERIFY(dynamic_cast<HistoryRowDelegate*>(fast));
        const QImage ours = render(table, fast);
        StyleDrawnDelegate reference;
        const QImage styles = render(table, &reference);
        table->setItemDelegate(fast);
        QVERIFY(!ours.isNull());
        QCOMPARE(ours.size(), styles.size());
        QVERIFY2(ours == styles, "the history's cells differ from what the style draws");
        // Not a comparison of two blank images: text was drawn.
        QSet<QRgb> colours;
        for (int y = 0; y < ours.height(); y += 2)
            for (int x = 0; x < ours.width(); x += 2)
                colours.insert(ours.pixel(x, y));
        QVERIFY(colours.size() > 8);
    }

    // A sort reorders the rows in SQLite; the header keeps the columns where, and as wide as, the user left
    // them, and the view shows the rows in the new order.
    void sortKeepsTheHeaderAndShowsTheNewOrder()
    {
        QTableView* table = m_pane->table();
        QHeaderView* header = table->horizontalHeader();
        header->moveSection(header->visualIndex(HistoryColumn::Username), 0);
        header->resizeSection(HistoryColumn::Time, 222);
        QList<int> order;
        QList<int> widths;
        for (int visual = 0; visual < header->count(); ++visual) {
            order.append(header->logicalIndex(visual));
            widths.append(header->sectionSize(header->logicalIndex(visual)));
        }
        QTest::mouseClick(
            header->viewport(), Qt::LeftButton, {},
            QPoint(header->sectionViewportPosition(HistoryColumn::Time) + 20, header->height() / 2));
        QCOMPARE(m_pane->model()->sortColumn(), int(HistoryColumn::Time));
        const Qt::SortOrder sorted = m_pane->model()->sortOrder();
        QCOMPARE(header->sortIndicatorOrder(), sorted);
        for (int visual = 0; visual < header->count(); ++visual) {
            QCOMPARE(header->logicalIndex(visual), order.at(visual));
            QCOMPARE(header->sectionSize(header->logicalIndex(visual)), widths.at(visual));
        }
        const QString first =
            table->indexAt(QPoint(1, 1)).siblingAtColumn(HistoryColumn::ConnectionId).data().toString();
        const int expected = sorted == Qt::AscendingOrder ? 0 : Rows - 1;
        QCOMPARE(first, sample(expected).connectionId);
    }

    // The default columns are set up before the pane is shown without the view hearing of each move; shown,
    // it has laid them out: the ID at the left edge, the scroll bar and header as a new layout has them.
    void defaultColumnsAreLaidOutWhenShown()
    {
        HistoryPane pane;
        pane.resize(400, 300);
        pane.setStore(m_store.get());
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QTableView* table = pane.table();
        QHeaderView* header = table->horizontalHeader();
        QCOMPARE(header->logicalIndex(0), int(HistoryColumn::ConnectionId));
        QCOMPARE(header->logicalIndex(1), int(HistoryColumn::State));
        QCOMPARE(header->logicalIndex(2), int(HistoryColumn::Time));
        QCOMPARE(header->logicalIndex(HistoryColumn::Count - 1), int(HistoryColumn::Remarks));
        QCOMPARE(table->indexAt(QPoint(2, 2)).column(), int(HistoryColumn::ConnectionId));
        QCOMPARE(table->columnViewportPosition(HistoryColumn::State),
                 header->sectionSize(HistoryColumn::ConnectionId));
        // What a layout from scratch gives.
        const int scrollMaximum = table->horizontalScrollBar()->maximum();
        const QRect headerGeometry = header->geometry();
        QVERIFY(scrollMaximum > 0);
        table->doItemsLayout();
        QCOMPARE(table->horizontalScrollBar()->maximum(), scrollMaximum);
        QCOMPARE(header->geometry(), headerGeometry);
    }

    // The filter's clear button is set up after the table's first paint (its icon lookup is slow), or as
    // soon as the filter gets text, shown or not.
    void clearButtonComesAfterTheFirstPaintOrWithText()
    {
        HistoryPane hidden;
        auto* filter = hidden.findChild<QLineEdit*>(QStringLiteral("historyFilterEdit"));
        QVERIFY(filter);
        QVERIFY(!filter->isClearButtonEnabled());
        filter->setText(QStringLiteral("alice"));
        QVERIFY(filter->isClearButtonEnabled());

        HistoryPane shown;
        filter = shown.findChild<QLineEdit*>(QStringLiteral("historyFilterEdit"));
        QVERIFY(!filter->isClearButtonEnabled());
        shown.show();
        QVERIFY(QTest::qWaitForWindowExposed(&shown));
        QTRY_VERIFY(filter->isClearButtonEnabled());
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<HistoryStore> m_store;
    std::unique_ptr<HistoryPane> m_pane;
};

QTEST_MAIN(TestHistoryReset)
#include "tst_historyreset.moc"
