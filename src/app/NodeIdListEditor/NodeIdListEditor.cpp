#include "NodeIdListEditor.h"

#include "RequestValidator.h"
#include "ui_NodeIdListEditor.h"

#include <QCheckBox>
#include <QClipboard>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QStyle>
#include <QTimer>

namespace das {

NodeIdListEditor::NodeIdListEditor(QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::NodeIdListEditor>())
{
    m_ui->setupUi(this);
    setFocusProxy(m_ui->nodeIdInput);
    m_ui->nodeIdList->installEventFilter(this);
    m_ui->nodeIdInput->installEventFilter(this);

    connect(m_ui->nodeIdInput, &QLineEdit::textChanged, this, [this] { updateButtons(); });
    connect(m_ui->nodeIdInput, &QLineEdit::returnPressed, this, &NodeIdListEditor::addFromInput);
    connect(m_ui->addNodeButton, &QPushButton::clicked, this, &NodeIdListEditor::addFromInput);
    connect(m_ui->removeNodeButton, &QPushButton::clicked, this, &NodeIdListEditor::removeSelected);
    connect(m_ui->pasteNodesButton, &QPushButton::clicked, this,
            [this] { addFromText(QGuiApplication::clipboard()->text()); });
    connect(m_ui->nodeIdList, &QListWidget::itemSelectionChanged, this, &NodeIdListEditor::updateButtons);
    connect(m_ui->nodeIdList, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        const QString trimmed = item->text().trimmed();
        if (trimmed != item->text()) {
            item->setText(trimmed); // re-enters with the trimmed text
            return;
        }
        if (trimmed.isEmpty()) {
            // An item emptied by editing goes away, after its own signal has returned.
            QTimer::singleShot(0, this, [this] {
                for (int i = m_ui->nodeIdList->count() - 1; i >= 0; --i) {
                    if (m_ui->nodeIdList->item(i)->text().isEmpty())
                        delete m_ui->nodeIdList->takeItem(i);
                }
                updateButtons();
                emit changed();
            });
            return;
        }
        emit changed();
    });

    m_ui->nodeChecks->hide();
    connect(m_ui->fromDasButton, &QPushButton::clicked, this, &NodeIdListEditor::nodesWanted);
    connect(this, &NodeIdListEditor::changed, this, &NodeIdListEditor::syncNodeChecks);
    updateButtons();
    showPickerState();
}

NodeIdListEditor::~NodeIdListEditor() = default;

QStringList NodeIdListEditor::nodeIds() const
{
    QStringList ids;
    for (int i = 0; i < m_ui->nodeIdList->count(); ++i)
        ids.append(m_ui->nodeIdList->item(i)->text());
    return ids;
}

void NodeIdListEditor::setNodeIds(const QStringList& ids)
{
    const QSignalBlocker blocker(m_ui->nodeIdList);
    m_ui->nodeIdList->clear();
    for (const QString& id : ids) {
        auto* item = new QListWidgetItem(id.trimmed(), m_ui->nodeIdList);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    setInvalidRows(m_invalidRows);
    updateButtons();
    emit changed();
}

void NodeIdListEditor::setInvalidRows(const QSet<int>& rows)
{
    m_invalidRows = rows;
    const QSignalBlocker blocker(m_ui->nodeIdList);
    for (int i = 0; i < m_ui->nodeIdList->count(); ++i) {
        QListWidgetItem* item = m_ui->nodeIdList->item(i);
        const bool invalid = rows.contains(i);
        item->setForeground(invalid ? QBrush(QColor(0xc6, 0x28, 0x28)) : QBrush());
        item->setData(Qt::AccessibleDescriptionRole, invalid ? tr("invalid node ID") : QString());
    }
}

int NodeIdListEditor::addFromText(const QString& text)
{
    const QStringList ids = RequestValidator::splitIdList(text);
    if (ids.isEmpty())
        return 0;
    const QSignalBlocker blocker(m_ui->nodeIdList);
    for (const QString& id : ids) {
        auto* item = new QListWidgetItem(id, m_ui->nodeIdList);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    updateButtons();
    emit changed();
    return int(ids.size());
}

void NodeIdListEditor::addFromInput()
{
    if (addFromText(m_ui->nodeIdInput->text()) > 0)
        m_ui->nodeIdInput->clear();
}

void NodeIdListEditor::removeSelected()
{
    const auto selected = m_ui->nodeIdList->selectedItems();
    if (selected.isEmpty())
        return;
    const int firstRow = m_ui->nodeIdList->row(selected.constFirst());
    qDeleteAll(selected);
    if (m_ui->nodeIdList->count() > 0)
        m_ui->nodeIdList->setCurrentRow(qMin(firstRow, m_ui->nodeIdList->count() - 1));
    updateButtons();
    emit changed();
}

void NodeIdListEditor::updateButtons()
{
    m_ui->addNodeButton->setEnabled(!m_ui->nodeIdInput->text().trimmed().isEmpty());
    m_ui->removeNodeButton->setEnabled(!m_ui->nodeIdList->selectedItems().isEmpty());
}

bool NodeIdListEditor::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        // While an item is edited the keys go to its editor, not to the list.
        if (watched == m_ui->nodeIdList &&
            (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace)) {
            removeSelected();
            return true;
        }
        // Pasting several IDs into the input adds them all at once.
        if (watched == m_ui->nodeIdInput && key->matches(QKeySequence::Paste)) {
            const QString text = QGuiApplication::clipboard()->text();
            if (RequestValidator::splitIdList(text).size() > 1) {
                addFromText(text);
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

// ---- node picker ------------------------------------------------------------------------------------------

void NodeIdListEditor::setAvailableNodes(const QList<NodeInfo>& nodes)
{
    m_nodes = nodes;
    m_nodesLoaded = true;
    m_nodesLoading = false;
    m_nodesProblem.clear();
    rebuildNodeChecks();
    showPickerState();
}

void NodeIdListEditor::clearAvailableNodes()
{
    m_nodes.clear();
    m_nodesLoaded = false;
    m_nodesLoading = false;
    m_nodesProblem.clear();
    rebuildNodeChecks();
    showPickerState();
}

void NodeIdListEditor::setNodesLoading(bool loading)
{
    m_nodesLoading = loading;
    if (loading)
        m_nodesProblem.clear();
    showPickerState();
}

void NodeIdListEditor::setNodesProblem(const QString& sentence)
{
    m_nodesLoading = false;
    m_nodesProblem = sentence;
    showPickerState();
}

QCheckBox* NodeIdListEditor::nodeCheckBox(const QString& id) const
{
    for (QCheckBox* box : m_nodeChecks) {
        if (box->property("nodeId").toString() == id)
            return box;
    }
    return nullptr;
}

void NodeIdListEditor::rebuildNodeChecks()
{
    qDeleteAll(m_nodeChecks);
    m_nodeChecks.clear();
    QWidget* previous = m_ui->fromDasButton;
    for (const NodeInfo& node : std::as_const(m_nodes)) {
        auto* box = new QCheckBox(m_ui->nodeChecks);
        box->setObjectName(QStringLiteral("nodeCheck_") + node.id);
        box->setProperty("nodeId", node.id);
        box->setToolTip(node.id);
        m_ui->nodeChecksLayout->addWidget(box);
        const QString id = node.id;
        connect(box, &QCheckBox::clicked, this, [this, id](bool checked) { nodeClicked(id, checked); });
        setTabOrder(previous, box);
        previous = box;
        m_nodeChecks.append(box);
    }
    m_ui->nodeChecks->setVisible(!m_nodeChecks.isEmpty());
    showPickerState(); // labels
    syncNodeChecks();
}

// Programmatic setChecked does not emit clicked(), so this never feeds back into the list.
void NodeIdListEditor::syncNodeChecks()
{
    const QStringList ids = nodeIds();
    for (QCheckBox* box : std::as_const(m_nodeChecks))
        box->setChecked(ids.contains(box->property("nodeId").toString()));
}

void NodeIdListEditor::nodeClicked(const QString& id, bool checked)
{
    if (checked) {
        if (!nodeIds().contains(id) && addFromText(id) > 0)
            return; // addFromText emitted changed()
        syncNodeChecks();
        return;
    }
    {
        const QSignalBlocker blocker(m_ui->nodeIdList);
        for (int i = m_ui->nodeIdList->count() - 1; i >= 0; --i) {
            if (m_ui->nodeIdList->item(i)->text() == id)
                delete m_ui->nodeIdList->takeItem(i);
        }
    }
    updateButtons();
    emit changed();
}

void NodeIdListEditor::showPickerState()
{
    for (int i = 0; i < m_nodeChecks.size() && i < m_nodes.size(); ++i) {
        const NodeInfo& node = m_nodes.at(i);
        m_nodeChecks.at(i)->setText(tr("%1 \u2014 %2, %3")
                                        .arg(node.name.isEmpty() ? node.id : node.name,
                                             node.role.isEmpty() ? tr("no role") : node.role,
                                             node.status.isEmpty() ? tr("status unknown") : node.status));
    }
    QString text;
    if (m_nodesLoading)
        text = tr("Looking up the instance's nodes in DAS\u2026");
    else if (!m_nodesProblem.isEmpty())
        text = m_nodesProblem;
    else if (!m_nodesLoaded)
        text = tr("Choose an instance, then look up its nodes in DAS to pick them.");
    else if (m_nodes.isEmpty())
        text = tr("DAS lists no nodes for this instance; type the node IDs instead.");
    else
        text = tr("%n node(s) of this instance: check one to add its ID, uncheck to remove it.", nullptr,
                  int(m_nodes.size()));
    QLabel* label = m_ui->nodePickerStatus;
    label->setText(text);
    const QString role = !m_nodesLoading && !m_nodesProblem.isEmpty() ? QStringLiteral("error") : QString();
    if (label->property("role").toString() != role) {
        label->setProperty("role", role);
        // A palette rather than a style sheet: the window's first style sheet would cost its start-up a
        // style sheet style and the polish of every widget under it. Unresolved roles follow the parent.
        QPalette palette;
        if (!role.isEmpty())
            palette.setColor(QPalette::WindowText, QColor(0xb3, 0x26, 0x1e));
        label->setPalette(palette);
    }
    m_ui->fromDasButton->setEnabled(!m_nodesLoading);
}

void NodeIdListEditor::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        showPickerState();
    }
    QWidget::changeEvent(event);
}

} // namespace das
