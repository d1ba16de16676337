#include "HistoryPane.h"

#include "AppSettings.h"
#include "HistoryColumn.h"
#include "HistoryExportFile.h"
#include "HistoryExportStream.h"
#include "HistoryExporter.h"
#include "HistoryProxyModel.h"
#include "HistoryStore.h"
#include "HistoryTableModel.h"
#include "HistoryWatcher.h"

#include "StartupHooks.h"

#include "ui_HistoryPane.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

#include <algorithm>

namespace das {

HistoryPane::HistoryPane(QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::HistoryPane>())
    , m_model(new HistoryTableModel(this))
    , m_proxy(new HistoryProxyModel(this))
    , m_filterTimer(new QTimer(this))
    , m_watcher(new HistoryWatcher(this))
{
    markStartup("window: history pane start");
    m_ui->setupUi(this);
    m_confirmDelete = [this](int count) {
        return confirmDeleteWithMessageBox(count);
    };
    setUpTable();
    createActions();
    createColumnActions();
    connectActions();
    connectUpdates();
    retranslate();
    updateActions();
    updateCountLabel();
    updateEmptyState();
    markStartup("window: history pane built");
}

void HistoryPane::createActions()
{
    // The filter's key (its label gives up its Alt+letter: the window has none left for it). A shortcut of a
    // hidden widget is off, so Ctrl+F reaches the filter only while the History tab is shown.
    m_findAction = new QAction(this);
    m_findAction->setObjectName(QStringLiteral("findInHistoryAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    m_findAction->setShortcutContext(Qt::WindowShortcut);
    addAction(m_findAction);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_ui->historyFilterEdit->setFocus(Qt::ShortcutFocusReason);
        m_ui->historyFilterEdit->selectAll();
    });
    m_copyAction = new QAction(this);
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_templateAction = new QAction(this);
    m_deleteAction = new QAction(this);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteOnDasAction = new QAction(this);
    m_deleteOnDasAction->setObjectName(QStringLiteral("historyDeleteOnDasAction"));
    // Shortcuts of the table only: Ctrl+C in the filter box copies text, as usual.
    for (QAction* action : {m_copyAction, m_deleteAction}) {
        action->setShortcutContext(Qt::WidgetShortcut);
        m_ui->historyTable->addAction(action);
    }
    m_exportSelectedCsvAction = new QAction(this);
    m_exportSelectedJsonAction = new QAction(this);
    m_exportAllCsvAction = new QAction(this);
    m_exportAllJsonAction = new QAction(this);
    m_exportMenu = new QMenu(this);
    m_exportMenu->addAction(m_exportSelectedCsvAction);
    m_exportMenu->addAction(m_exportSelectedJsonAction);
    m_exportMenu->addSeparator();
    m_exportMenu->addAction(m_exportAllCsvAction);
    m_exportMenu->addAction(m_exportAllJsonAction);
    m_ui->exportButton->setMenu(m_exportMenu);
}

void HistoryPane::connectActions()
{
    connect(m_copyAction, &QAction::triggered, this, &HistoryPane::copySelectedIds);
    connect(m_templateAction, &QAction::triggered, this, &HistoryPane::useSelectedAsTemplate);
    connect(m_deleteAction, &QAction::triggered, this, &HistoryPane::deleteSelected);
    connect(m_deleteOnDasAction, &QAction::triggered, this, &HistoryPane::deleteSelectedOnDas);
    connect(m_exportSelectedCsvAction, &QAction::triggered, this,
            [this] { exportWithDialog(Format::Csv, Scope::Selected); });
    connect(m_exportSelectedJsonAction, &QAction::triggered, this,
            [this] { exportWithDialog(Format::Json, Scope::Selected); });
    connect(m_exportAllCsvAction, &QAction::triggered, this,
            [this] { exportWithDialog(Format::Csv, Scope::All); });
    connect(m_exportAllJsonAction, &QAction::triggered, this,
            [this] { exportWithDialog(Format::Json, Scope::All); });
    connect(m_ui->copyIdButton, &QPushButton::clicked, m_copyAction, &QAction::trigger);
    connect(m_ui->useTemplateButton, &QPushButton::clicked, m_templateAction, &QAction::trigger);
    connect(m_ui->deleteButton, &QPushButton::clicked, m_deleteAction, &QAction::trigger);

    QTableView* table = m_ui->historyTable;
    connect(table, &QWidget::customContextMenuRequested, this, &HistoryPane::showContextMenu);
    connect(table, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex& index) {
        const HistoryRecord record = m_model->record(m_proxy->mapToSource(index).row());
        if (record.id != 0)
            emit useAsTemplate(record);
    });
    connect(m_filterTimer, &QTimer::timeout, this, &HistoryPane::applyFilterNow);
    connect(m_ui->historyFilterEdit, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_ui->historyFilterEdit, &QLineEdit::textChanged, this, &HistoryPane::enableClearButton);
    connect(m_ui->historyFilterEdit, &QLineEdit::returnPressed, this, &HistoryPane::applyFilterNow);
}

void HistoryPane::connectUpdates()
{
    connect(m_ui->historyTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryPane::updateActions);
    // A reset clears the selection without selectionChanged.
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &HistoryPane::updateActions);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &HistoryPane::updateActions);
    connect(m_model, &HistoryTableModel::countsChanged, this, &HistoryPane::updateCountLabel);
    connect(m_model, &HistoryTableModel::countsChanged, this, &HistoryPane::updateActions);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &HistoryPane::updateCountLabel);
    connect(m_model, &HistoryTableModel::countsChanged, this, &HistoryPane::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &HistoryPane::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &HistoryPane::updateEmptyState);
}

HistoryPane::~HistoryPane() = default;

void HistoryPane::setStore(HistoryStore* store)
{
    m_model->setStore(store);
    m_watcher->setStore(store);
}

QTableView* HistoryPane::table() const
{
    return m_ui->historyTable;
}

QList<HistoryRecord> HistoryPane::selectedRecords() const
{
    return m_model->records(selectedSourceRows());
}

void HistoryPane::setDeleteConfirmation(std::function<bool(int)> confirm)
{
    m_confirmDelete = std::move(confirm);
}

bool HistoryPane::exportTo(const QString& path, Format format, Scope scope, QString* error)
{
    const auto streamFormat =
        format == Format::Csv ? HistoryExportStream::Format::Csv : HistoryExportStream::Format::Json;
    qint64 written = 0;
    HistoryExportFile::Producer produce;
    QList<HistoryRecord> selected;
    HistoryStore* store = m_model->store();
    if (scope == Scope::Selected) {
        selected = selectedRecords();
        if (selected.isEmpty()) {
            if (error)
                *error = tr("No rows are selected.");
            return false;
        }
        produce = [&](QIODevice* device, QString* why) {
            HistoryExportStream stream(device, streamFormat);
            for (const HistoryRecord& record : std::as_const(selected))
                stream.write(record);
            written = stream.count();
            const bool ok = stream.finish();
            if (!ok)
                *why = device->errorString();
            return ok;
        };
    } else if (store && store->isOpen()) {
        // Straight from the store to the file: an export of every row holds one row at a time.
        produce = [&](QIODevice* device, QString* why) {
            return HistoryExporter::write(*store, m_model->filter(),
                                          HistoryColumn::Column(m_model->sortColumn()), m_model->sortOrder(),
                                          device, streamFormat, &written, why);
        };
    } else {
        produce = [&](QIODevice* device, QString* why) {
            HistoryExportStream stream(device, streamFormat);
            const bool ok = stream.finish();
            if (!ok)
                *why = device->errorString();
            return ok;
        };
    }
    if (!HistoryExportFile::write(path, produce, error))
        return false;
    const QString shownPath = QDir::toNativeSeparators(path);
    const int n = int(written);
    emit statusMessage(n == 1 ? tr("Exported 1 connection to %1.").arg(shownPath)
                              : tr("Exported %1 connections to %2.").arg(QLocale().toString(n), shownPath));
    return true;
}

void HistoryPane::copySelectedIds()
{
    QStringList ids;
    const QList<HistoryRecord> records = selectedRecords();
    for (const HistoryRecord& record : records) {
        if (!record.connectionId.isEmpty())
            ids.append(record.connectionId);
    }
    if (ids.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(ids.join(u'\n'));
    emit statusMessage(ids.size() == 1 ? tr("Copied 1 connection ID.")
                                       : tr("Copied %1 connection IDs.").arg(QLocale().toString(ids.size())));
}

void HistoryPane::useSelectedAsTemplate()
{
    const QList<int> rows = selectedSourceRows();
    if (rows.size() != 1)
        return;
    emit useAsTemplate(m_model->record(rows.constFirst()));
}

void HistoryPane::deleteSelected()
{
    const QList<HistoryRecord> records = selectedRecords();
    if (records.isEmpty() || !m_confirmDelete || !m_confirmDelete(int(records.size())))
        return;
    QList<qint64> ids;
    ids.reserve(records.size());
    for (const HistoryRecord& record : records)
        ids.append(record.id);
    QString error;
    if (!m_model->removeRecords(ids, &error)) {
        QMessageBox::warning(this, tr("Delete from history"),
                             error.isEmpty() ? tr("The rows could not be deleted from the history.") : error);
        return;
    }
    emit statusMessage(
        ids.size() == 1 ? tr("Deleted 1 connection from the history.")
                        : tr("Deleted %1 connections from the history.").arg(QLocale().toString(ids.size())));
}

void HistoryPane::deleteSelectedOnDas()
{
    const QList<HistoryRecord> records = selectedRecords();
    if (!records.isEmpty())
        emit deleteOnDasRequested(records);
}

bool HistoryPane::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_ui->historyTable->viewport() && event->type() == QEvent::Resize)
        m_emptyLabel->setGeometry(m_ui->historyTable->viewport()->geometry());
    // The filter's clear button once the table has been painted: the button is drawn only over text, and
    // its icon is looked up in the icon theme, which took most of the pane's construction (6 ms of the
    // window's start-up, before its first paint).
    if (watched == m_ui->historyTable->viewport() && event->type() == QEvent::Paint &&
        !m_ui->historyFilterEdit->isClearButtonEnabled())
        QTimer::singleShot(0, this, &HistoryPane::enableClearButton);
    const bool isKey = event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride;
    if (!isKey)
        return QWidget::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    if (watched == m_ui->historyFilterEdit) {
        // Esc clears a non-empty filter; an empty one lets Esc through to the window.
        if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier &&
            !m_ui->historyFilterEdit->text().isEmpty()) {
            if (event->type() == QEvent::KeyPress) {
                m_ui->historyFilterEdit->clear();
                applyFilterNow();
            }
            event->accept();
            return true;
        }
    } else if (watched == m_ui->historyTable) {
        // The view only emits activated() for Enter, which some styles also emit on a single click.
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            key->modifiers() == Qt::NoModifier) {
            if (event->type() == QEvent::KeyPress && m_templateAction->isEnabled())
                m_templateAction->trigger();
            event->accept();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void HistoryPane::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
        updateCountLabel();
        emit m_model->headerDataChanged(Qt::Horizontal, 0, HistoryColumn::Count - 1);
        updateColumnActions();
        fitColumnsButton();
        updateEmptyState();
    } else if (event->type() == QEvent::ActivationChange) {
        updateWatcher(); // the pane as a window of its own
    }
    QWidget::changeEvent(event);
}

bool HistoryPane::event(QEvent* event)
{
    // Inside another window, Qt tells child widgets of (de)activation with these, not ActivationChange.
    if (event->type() == QEvent::WindowActivate || event->type() == QEvent::WindowDeactivate)
        updateWatcher();
    return QWidget::event(event);
}

QList<int> HistoryPane::selectedSourceRows() const
{
    QList<int> rows;
    const QModelIndexList selected = m_ui->historyTable->selectionModel()->selectedRows();
    rows.reserve(selected.size());
    for (const QModelIndex& index : selected)
        rows.append(m_proxy->mapToSource(index).row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

void HistoryPane::applyFilterNow()
{
    m_filterTimer->stop();
    m_proxy->setFilterText(m_ui->historyFilterEdit->text());
}

void HistoryPane::exportWithDialog(Format format, Scope scope)
{
    const QString path = HistoryExportFile::askPath(this, format == Format::Csv, &m_lastExportDir);
    if (path.isEmpty())
        return;
    QString error;
    // 100,000 rows take a few seconds.
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const bool exported = exportTo(path, format, scope, &error);
    QGuiApplication::restoreOverrideCursor();
    if (!exported)
        QMessageBox::warning(this, tr("Export history"), error);
}

void HistoryPane::showContextMenu(const QPoint& pos)
{
    QMenu menu(this);
    menu.addAction(m_copyAction);
    menu.addAction(m_templateAction);
    menu.addAction(m_deleteAction);
    menu.addAction(m_deleteOnDasAction);
    menu.addSeparator();
    menu.addAction(m_exportSelectedCsvAction);
    menu.addAction(m_exportSelectedJsonAction);
    menu.addAction(m_exportAllCsvAction);
    menu.addAction(m_exportAllJsonAction);
    menu.exec(m_ui->historyTable->viewport()->mapToGlobal(pos));
}

void HistoryPane::retranslate()
{
    m_copyAction->setText(tr("&Copy Connection ID"));
    m_templateAction->setText(tr("&Use as Template"));
    m_findAction->setText(tr("Find in history"));
    m_deleteAction->setText(tr("&Delete…"));
    //: Context menu of the history; "Delete…" above it only removes rows from the history.
    m_deleteOnDasAction->setText(tr("Delete on D&AS…"));
    m_exportSelectedCsvAction->setText(tr("Export selected as CSV…"));
    m_exportSelectedJsonAction->setText(tr("Export selected as JSON…"));
    m_exportAllCsvAction->setText(tr("Export all as CSV…"));
    m_exportAllJsonAction->setText(tr("Export all as JSON…"));
    m_defaultColumnsAction->setText(tr("Restore default columns"));
}

void HistoryPane::updateActions()
{
    const int selected = int(m_ui->historyTable->selectionModel()->selectedRows().size());
    m_copyAction->setEnabled(selected > 0);
    m_templateAction->setEnabled(selected == 1);
    m_deleteAction->setEnabled(selected > 0);
    const QList<HistoryRecord> records = selected > 0 ? selectedRecords() : QList<HistoryRecord>();
    const bool onDas = std::any_of(records.begin(), records.end(), &HistoryPane::existsOnDas);
    m_deleteOnDasAction->setEnabled(onDas);
    m_exportSelectedCsvAction->setEnabled(selected > 0);
    m_exportSelectedJsonAction->setEnabled(selected > 0);
    const bool any = m_model->totalCount() > 0;
    m_exportAllCsvAction->setEnabled(any);
    m_exportAllJsonAction->setEnabled(any);
    m_ui->copyIdButton->setEnabled(selected > 0);
    m_ui->useTemplateButton->setEnabled(selected == 1);
    m_ui->deleteButton->setEnabled(selected > 0);
    m_ui->exportButton->setEnabled(selected > 0 || any);
}

void HistoryPane::updateCountLabel()
{
    const int matching = m_model->totalCount();
    const int all = m_model->storeCount();
    const QLocale locale;
    QString text;
    if (!m_model->filter().isEmpty() && !m_model->isCountExact())
        //: Shown instead of "N of M connections" while the rows matching the filter are counted. Short: the
        //: filter box beside it shrinks to make room.
        text = tr("Counting matches…");
    else if (!m_model->filter().isEmpty())
        text = tr("%1 of %2 connections").arg(locale.toString(matching), locale.toString(all));
    else if (all == 1)
        text = tr("1 connection");
    else
        text = tr("%1 connections").arg(locale.toString(all));
    m_ui->historyCountLabel->setText(text);
    // The rows held in memory: a few pages around the view, whatever the number of rows.
    const int held = std::min(matching, m_model->cachedPages() * HistoryTableModel::PageSize);
    m_ui->historyCountLabel->setToolTip(
        tr("%1 of %2 loaded").arg(locale.toString(held), locale.toString(matching)));
}

bool HistoryPane::confirmDeleteWithMessageBox(int count)
{
    const QString question =
        count == 1 ? tr("Delete 1 connection from the local history?")
                   : tr("Delete %1 connections from the local history?").arg(QLocale().toString(count));
    QMessageBox box(QMessageBox::Question, tr("Delete from history"), question, QMessageBox::Cancel, this);
    box.setInformativeText(tr("The connections themselves stay in DAS; only this computer's record of them "
                              "is removed."));
    QPushButton* deleteButton = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == deleteButton;
}

} // namespace das
