#pragma once

#include "DiscoveryActions.h"

#include <QObject>

namespace das {

class DatabaseNameCompleter;
struct InstanceTarget;
class DatabaseNameList;
class NodeIdListEditor;
class NodeList;

// The chosen instance's nodes and database names in the form: "Look up nodes in DAS" beside the node IDs
// runs a NodeList and shows the nodes as checkboxes; the Database name field completes from a
// DatabaseNameList, fetched when an instance is picked or its nodes are looked up. A different instance in
// the form drops what was fetched for the previous one. Not a widget.
class InstanceDetailsActions : public QObject
{
    Q_OBJECT

public:
    InstanceDetailsActions(ConnectionForm* form, const ReadWorkflow::Services& services,
                           DiscoveryActions::ContextSource context, QObject* parent);

    // After the picker filled the form: fetch the instance's database names.
    void instancePicked();

private:
    bool currentTarget(InstanceTarget* target) const;
    void lookUpNodes();
    void lookUpDatabaseNames();
    void forgetIfInstanceChanged();

    ConnectionForm* m_form;
    DiscoveryActions::ContextSource m_context;
    NodeIdListEditor* m_nodes;
    DatabaseNameCompleter* m_completer;
    NodeList* m_nodeList;
    DatabaseNameList* m_databaseList;
    QString m_instance; // the instance the shown nodes and names belong to
};

} // namespace das
