#pragma once

#include "DiscoveryModels.h"

#include <QList>
#include <QSet>
#include <QStringList>
#include <QWidget>

#include <memory>

class QCheckBox;

namespace Ui {
class NodeIdListEditor;
}

namespace das {

// Editable list of node IDs: add one, paste many (newline/comma/space separated), edit in place, remove.
// Below it, the node picker: the instance's nodes (NodeList) as checkboxes labelled name, role and status;
// checking one adds its ID to the list, unchecking removes it, and a box is checked whenever its ID is in the
// list however it got there (typed, pasted, edited). The picker only displays: *Look up nodes in DAS* emits
// nodesWanted(), and whoever runs NodeList calls setNodesLoading(), then setAvailableNodes() or
// setNodesProblem().
class NodeIdListEditor : public QWidget
{
    Q_OBJECT

public:
    explicit NodeIdListEditor(QWidget* parent = nullptr);
    ~NodeIdListEditor() override;

    QStringList nodeIds() const;
    void setNodeIds(const QStringList& ids);
    // Rows to highlight as invalid (indexes into nodeIds()).
    void setInvalidRows(const QSet<int>& rows);
    // Adds every ID found in `text`; returns how many were added.
    int addFromText(const QString& text);

    // The node picker. setAvailableNodes shows `nodes` as checkboxes (an empty list says DAS listed none) and
    // ends the loading and problem states; clearAvailableNodes goes back to "nothing looked up" (call it
    // when the instance changes). setNodesLoading(true) disables the button and says so; setNodesProblem
    // shows one sentence (the workflow's explanation) as an error and ends loading.
    void setAvailableNodes(const QList<das::NodeInfo>& nodes);
    void clearAvailableNodes();
    void setNodesLoading(bool loading);
    void setNodesProblem(const QString& sentence);
    QList<NodeInfo> availableNodes() const { return m_nodes; }
    // The checkbox of the node with this ID, null when it is not listed (tests click it).
    QCheckBox* nodeCheckBox(const QString& id) const;

signals:
    void changed();
    // The user asked for the instance's nodes (the *Look up nodes in DAS* button).
    void nodesWanted();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void addFromInput();
    void removeSelected();
    void updateButtons();
    void rebuildNodeChecks();
    void syncNodeChecks();
    void nodeClicked(const QString& id, bool checked);
    void showPickerState();

    std::unique_ptr<Ui::NodeIdListEditor> m_ui;
    QSet<int> m_invalidRows;
    QList<NodeInfo> m_nodes;
    QList<QCheckBox*> m_nodeChecks;
    bool m_nodesLoaded = false;
    bool m_nodesLoading = false;
    QString m_nodesProblem;
};

} // namespace das
