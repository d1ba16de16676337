// The history table of HistoryPane: its columns (default order and widths, the chooser, the saved layout),
// the text shown when it is empty, and the refresh when another process changes the history.

#include "HistoryPane.h"

#include "AppSettings.h"
#include "HistoryColumn.h"
#include "HistoryHeaderView.h"
#include "HistoryProxyModel.h"
#include "HistoryRowDelegate.h"
#include "HistoryStore.h"
#include "HistoryTableModel.h"
#include "HistoryWatcher.h"

#include "ui_HistoryPane.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QScrollBar>
#include <QSet>
#include <QSignalBlocker>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

namespace das {

namespace {

constexpr int FilterDebounceMs = 150;

// Left to right. The ID first: it is what a DBA copies, and the pane beside the form of a 1024-pixel window
// has room for little more. Whether it worked next, then when; free text last so that it is the column that
// stretches, and the optional columns wait, hidden, just before it.
constexpr HistoryColumn::Column DefaultOrder[] = {
    HistoryColumn::ConnectionId, HistoryColumn::State,         HistoryColumn::Time,
    HistoryColumn::Instance,     HistoryColumn::Username,      HistoryColumn::Engine,
    HistoryColumn::Endpoint,     HistoryColumn::PasswordSaved, HistoryColumn::ProjectId,
    HistoryColumn::Region,       HistoryColumn::NetworkType,   HistoryColumn::NodeIds,
    HistoryColumn::Port,         HistoryColumn::DatabaseName,  HistoryColumn::RequestId,
    HistoryColumn::UpdatedAt,    HistoryColumn::StateDetail,   HistoryColumn::Remarks,
};
static_assert(sizeof(DefaultOrder) / sizeof(DefaultOrder[0]) == HistoryColumn::Count);

// The widest usual value of each column, for its default width.
QString widthSample(int column)
{
    switch (column) {
    case HistoryColumn::Time:
    case HistoryColumn::UpdatedAt:
        return QStringLiteral("0000-00-00 00:00:00");
    case HistoryColumn::Endpoint:
        return QStringLiteral("das.cn-north-4.myhuaweicloud.com");
    case HistoryColumn::Instance:
        return QStringLiteral("bcfa975193f1402fa11a6d4fd6baf5fbin01");
    case HistoryColumn::Engine:
        return QStringLiteral("postgresql");
    case HistoryColumn::Username:
        return QStringLiteral("username_xx");
    case HistoryColumn::ConnectionId:
    case HistoryColumn::RequestId:
        return QStringLiteral("00000000-0000-4000-8000-000000000000");
    case HistoryColumn::ProjectId:
        return QStringLiteral("052041494800d57c2f02c00275b4c247");
    case HistoryColumn::Region:
        return QStringLiteral("cn-north-4");
    case HistoryColumn::NetworkType:
        return QStringLiteral("gaussdb");
    case HistoryColumn::NodeIds:
    case HistoryColumn::StateDetail:
        return QStringLiteral("bcfa975193f1402fa11a6d4fd6baf5fbno01");
    case HistoryColumn::DatabaseName:
        return QStringLiteral("database_name");
    default:
        return {};
    }
}

} // namespace

void HistoryPane::setUpTable()
{
    // A filter's first screen does not wait for its rows to be counted; the count label says so meanwhile.
    m_model->setBackgroundCounting(true);
    m_proxy->setSourceModel(m_model);
    QTableView* table = m_ui->historyTable;
    HistoryHeaderView::install(table);
    // setModel() has the view measure the titles of all the columns for the header's height, the optional
    // ones hidden below included, and measure again after each move and hide. A hidden header is not
    // measured: it is, once, when shown, with the columns it shows.
    table->horizontalHeader()->hide();
    table->setModel(m_proxy);
    table->horizontalHeader()->show();
    // Uniform row heights: the view never measures 100,000 rows.
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView* header = table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    table->setItemDelegate(new HistoryRowDelegate(table));
    applyDefaultColumns();
    header->setSortIndicator(HistoryColumn::Time, Qt::DescendingOrder);
    table->setSortingEnabled(true);
    // After the view's own connection, which has already passed the sort on to the model.
    connect(header, &QHeaderView::sortIndicatorChanged, this,
            &HistoryPane::keepSortIndicatorOnSortableColumn);
    connect(header, &QWidget::customContextMenuRequested, this, &HistoryPane::showHeaderMenu);
    table->setContextMenuPolicy(Qt::CustomContextMenu);
    table->installEventFilter(this);
    table->viewport()->installEventFilter(this); // resizes the empty-state text with it
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(FilterDebounceMs);
    m_ui->historyFilterEdit->installEventFilter(this);

    // Over the viewport, not in it: the viewport's children scroll with its contents.
    m_emptyLabel = new QLabel(table);
    m_emptyLabel->setObjectName(QStringLiteral("historyEmptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setTextFormat(Qt::PlainText); // the filter is the user's text
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);
    m_emptyLabel->setMargin(m_emptyLabel->fontMetrics().height());
    m_emptyLabel->setAttribute(Qt::WA_TransparentForMouseEvents); // the table's context menu still opens
    m_emptyLabel->hide();
    connect(m_watcher, &HistoryWatcher::changed, this, &HistoryPane::reload);
}

void HistoryPane::createColumnActions()
{
    m_columnsMenu = new QMenu(this);
    m_columnsMenu->setObjectName(QStringLiteral("historyColumnsMenu"));
    m_columnActions.clear();
    for (int column = 0; column < HistoryColumn::Count; ++column) {
        auto* action = new QAction(this);
        action->setCheckable(true);
        action->setData(column);
        action->setObjectName(QStringLiteral("historyColumn_") + QLatin1String(HistoryColumn::key(column)));
        // The ID is what the history is for; without it no row could be copied or told apart.
        action->setEnabled(column != HistoryColumn::ConnectionId);
        connect(action, &QAction::toggled, this,
                [this, column](bool shown) { setColumnShown(column, shown); });
        m_columnActions.append(action);
    }
    // In the order the columns stand on screen, rebuilt when they move.
    connect(m_columnsMenu, &QMenu::aboutToShow, this, &HistoryPane::updateColumnActions);
    m_defaultColumnsAction = new QAction(this);
    m_defaultColumnsAction->setObjectName(QStringLiteral("historyDefaultColumnsAction"));
    connect(m_defaultColumnsAction, &QAction::triggered, this, &HistoryPane::applyDefaultColumns);
    m_ui->columnsButton->setMenu(m_columnsMenu);
    updateColumnActions();
    fitColumnsButton();
}

void HistoryPane::fitColumnsButton()
{
    // The style draws an instant popup's arrow in the right-hand corner and centres the text on the whole
    // button, whose size hint has no room for the arrow: the text clears it only with an arrow's width free
    // on either side (the Export button's minimum width in the .ui does the same, for one language).
    QToolButton* button = m_ui->columnsButton;
    const int arrow = button->style()->pixelMetric(QStyle::PM_MenuButtonIndicator, nullptr, button);
    const int margin = button->style()->pixelMetric(QStyle::PM_ButtonMargin, nullptr, button);
    button->setMinimumWidth(button->fontMetrics().horizontalAdvance(button->text()) + 2 * arrow + 2 * margin);
}

void HistoryPane::updateColumnActions()
{
    QHeaderView* header = m_ui->historyTable->horizontalHeader();
    m_columnsMenu->clear();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        if (column < 0 || column >= m_columnActions.size())
            continue;
        QAction* action = m_columnActions.at(column);
        const QSignalBlocker blocker(action);
        action->setText(m_model->headerData(column, Qt::Horizontal).toString());
        action->setChecked(!header->isSectionHidden(column));
        m_columnsMenu->addAction(action);
    }
    m_columnsMenu->addSeparator();
    m_columnsMenu->addAction(m_defaultColumnsAction);
}

void HistoryPane::showHeaderMenu(const QPoint& pos)
{
    m_columnsMenu->exec(m_ui->historyTable->horizontalHeader()->mapToGlobal(pos));
}

void HistoryPane::setColumnShown(int column, bool shown)
{
    if (!HistoryColumn::isColumn(column) || (column == HistoryColumn::ConnectionId && !shown))
        return;
    QHeaderView* header = m_ui->historyTable->horizontalHeader();
    header->setSectionHidden(column, !shown);
    // A column shown for the first time, or hidden while narrow, would open at the header's minimum.
    if (shown && header->sectionSize(column) < header->minimumSectionSize() * 2) {
        const QString sample = widthSample(column);
        const QString title = m_model->headerData(column, Qt::Horizontal).toString();
        const QFontMetrics metrics = m_ui->historyTable->fontMetrics();
        header->resizeSection(column,
                              std::max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title)) +
                                  metrics.averageCharWidth() * 3);
    }
    const QSignalBlocker blocker(m_columnActions.at(column));
    m_columnActions.at(column)->setChecked(shown);
}

void HistoryPane::applyDefaultColumns()
{
    QHeaderView* header = m_ui->historyTable->horizontalHeader();
    // Before the table is shown (the constructor) the view need not hear of each of these 18 moves, hides and
    // resizes: each move had it lay out again, a third of the pane's construction. It lays out when shown.
    const QSignalBlocker quiet(m_ui->historyTable->isVisible() ? nullptr : header);
    for (int visual = 0; visual < HistoryColumn::Count; ++visual)
        header->moveSection(header->visualIndex(DefaultOrder[visual]), visual);
    const QFontMetrics metrics = m_ui->historyTable->fontMetrics();
    const int padding = metrics.averageCharWidth() * 3;
    for (int column = 0; column < HistoryColumn::Count; ++column) {
        header->setSectionHidden(column, HistoryColumn::isOptional(column));
        // Wide enough for the usual value and for the title (longer than the value in some languages).
        const QString title = m_model->headerData(column, Qt::Horizontal).toString();
        QString sample = widthSample(column);
        if (column == HistoryColumn::State) {
            HistoryRecord existing; // "Created (existing)", the usual widest
            existing.origin = HistoryRecord::Origin::Existing;
            sample = HistoryTableModel::stateText(existing);
        }
        header->resizeSection(
            column, std::max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title)) + padding);
    }
    if (m_columnsMenu)
        updateColumnActions();
}

void HistoryPane::saveState(AppSettings& settings) const
{
    QHeaderView* header = m_ui->historyTable->horizontalHeader();
    settings.setHistoryHeaderState(header->saveState(), HistoryColumn::Count);
    QStringList shown;
    QStringList hidden;
    for (int column = 0; column < HistoryColumn::Count; ++column)
        (header->isSectionHidden(column) ? hidden : shown).append(QLatin1String(HistoryColumn::key(column)));
    settings.setHistoryColumns(shown, hidden);
}

void HistoryPane::restoreState(const AppSettings& settings)
{
    QHeaderView* header = m_ui->historyTable->horizontalHeader();
    const QByteArray state = settings.historyHeaderState(HistoryColumn::Count);
    if (!state.isEmpty() && header->restoreState(state)) {
        int column = header->sortIndicatorSection();
        Qt::SortOrder order = header->sortIndicatorOrder();
        if (!HistoryTableModel::isSortable(column)) {
            column = HistoryColumn::Time;
            order = Qt::DescendingOrder;
        }
        m_ui->historyTable->sortByColumn(column, order);
    }
    // After the header state, which holds hidden sections too: these lists outlive a change of columns.
    const QStringList shown = settings.historyShownColumns();
    const QStringList hidden = settings.historyHiddenColumns();
    for (int column = 0; column < HistoryColumn::Count; ++column) {
        const QString key = QLatin1String(HistoryColumn::key(column));
        if (shown.contains(key))
            setColumnShown(column, true);
        else if (hidden.contains(key))
            setColumnShown(column, false);
    }
    setColumnShown(HistoryColumn::ConnectionId, true); // whatever an edited settings file says
    updateColumnActions();
}

void HistoryPane::keepSortIndicatorOnSortableColumn()
{
    QHeaderView* header = m_ui->historyTable->horizontalHeader();
    if (HistoryTableModel::isSortable(header->sortIndicatorSection()))
        return;
    // The model ignored the sort; show the order the rows are really in.
    const QSignalBlocker blocker(header);
    header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
}

QString HistoryPane::emptyStateText() const
{
    if (m_model->rowCount() > 0)
        return {};
    if (m_loading && !m_model->store())
        return tr("Loading history…");
    if (!m_model->filter().isEmpty() && m_model->storeCount() > 0)
        return tr("No connection matches “%1”.\nClear the filter (Esc) to see all connections.")
            .arg(m_model->filter());
    return tr("No connections yet — connections created in this window or with das-connect-cli are listed "
              "here.");
}

void HistoryPane::setLoading(bool loading)
{
    m_loading = loading;
    updateEmptyState();
}

void HistoryPane::updateEmptyState()
{
    QTableView* table = m_ui->historyTable;
    const QString text = emptyStateText();
    m_emptyLabel->setText(text);
    m_emptyLabel->setGeometry(table->viewport()->geometry());
    m_emptyLabel->setVisible(!text.isEmpty());
    // Empty columns need no scrolling sideways; a scroll bar under "No connections yet" only confuses.
    table->setHorizontalScrollBarPolicy(text.isEmpty() ? Qt::ScrollBarAsNeeded : Qt::ScrollBarAlwaysOff);
}

void HistoryPane::updateWatcher()
{
    m_watcher->setActive(isVisible() && isActiveWindow());
}

qint64 HistoryPane::idAt(const QModelIndex& proxyIndex) const
{
    return proxyIndex.isValid() ? proxyIndex.data(HistoryTableModel::RecordIdRole).toLongLong() : 0;
}

void HistoryPane::reload()
{
    QTableView* table = m_ui->historyTable;
    // Each kept row is looked up near where it was; a selection of a screen or a few is kept, "select all"
    // over a million rows is not worth reading them all again.
    constexpr int MaxKeptSelection = 1000;
    QList<KeptRow> selected;
    const QList<int> rows = selectedSourceRows();
    for (int row : rows.mid(0, MaxKeptSelection))
        selected.append({m_model->record(row).id, row});
    const QModelIndex currentIndex = table->currentIndex();
    const KeptRow current{idAt(currentIndex), currentIndex.row()};
    // At the top, stay there so that new rows show; further down, keep the same row at the top.
    KeptRow top;
    if (table->verticalScrollBar()->value() > 0) {
        const QModelIndex topIndex = table->indexAt(QPoint(1, 1));
        top = {idAt(topIndex), topIndex.row()};
    }
    const int horizontal = table->horizontalScrollBar()->value();
    m_model->reload();
    restoreSelection(selected, current, top);
    table->horizontalScrollBar()->setValue(horizontal);
}

void HistoryPane::restoreSelection(const QList<KeptRow>& selected, KeptRow current, KeptRow top)
{
    QTableView* table = m_ui->historyTable;
    if (selected.isEmpty() && current.id == 0 && top.id == 0)
        return;
    // The proxy is an identity: its rows are the model's.
    auto find = [this](const KeptRow& kept) {
        const int row = m_model->rowOf(kept.id, kept.row);
        return row >= 0 ? m_proxy->index(row, 0) : QModelIndex();
    };
    QItemSelection selection;
    for (const KeptRow& kept : selected) {
        const QModelIndex index = find(kept);
        if (index.isValid())
            selection.select(index, index);
    }
    QItemSelectionModel* selectionModel = table->selectionModel();
    const QModelIndex currentIndex = current.id != 0 ? find(current) : QModelIndex();
    if (currentIndex.isValid())
        selectionModel->setCurrentIndex(currentIndex, QItemSelectionModel::NoUpdate);
    selectionModel->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QModelIndex topIndex = top.id != 0 ? find(top) : QModelIndex();
    if (topIndex.isValid())
        table->scrollTo(topIndex, QAbstractItemView::PositionAtTop);
}

void HistoryPane::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    updateWatcher();
}

void HistoryPane::enableClearButton()
{
    m_ui->historyFilterEdit->setClearButtonEnabled(true);
}

void HistoryPane::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    updateWatcher();
}

} // namespace das
