#pragma once

#include "DiscoveryModels.h"
#include "ReadWorkflow.h"

namespace das {

// What identifies one instance for the detail calls.
struct InstanceTarget
{
    QUrl endpoint;
    QString projectId;
    CredentialChoice credentials;
    QString instanceId;
    QString engineType; // our enum value (mysql, …)
};

// The nodes of one instance (ListInstanceNodesInfo), for the node picker and `das-connect-cli nodes`.
class NodeList : public ReadWorkflow
{
    Q_OBJECT

public:
    struct Outcome : ReadStatus
    {
        QString instanceName;
        QList<NodeInfo> nodes;
    };

    explicit NodeList(const Services& services, QObject* parent = nullptr);
    bool start(const InstanceTarget& target);
    const Outcome& outcome() const { return m_outcome; }

signals:
    void finished(const das::NodeList::Outcome& outcome);

protected:
    void ended(const ReadStatus& status) override;

private:
    Outcome m_outcome;
};

// The database names of one instance (ListDbNames), for the Database name completer and
// `das-connect-cli databases`.
class DatabaseNameList : public ReadWorkflow
{
    Q_OBJECT

public:
    struct Outcome : ReadStatus
    {
        QStringList names;
    };

    explicit DatabaseNameList(const Services& services, QObject* parent = nullptr);
    bool start(const InstanceTarget& target);
    const Outcome& outcome() const { return m_outcome; }

signals:
    void finished(const das::DatabaseNameList::Outcome& outcome);

protected:
    void ended(const ReadStatus& status) override;

private:
    Outcome m_outcome;
};

} // namespace das

Q_DECLARE_METATYPE(das::NodeList::Outcome)
Q_DECLARE_METATYPE(das::DatabaseNameList::Outcome)
