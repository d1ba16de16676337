#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace das {

// The connections the sandbox has created, oldest first, in memory and bounded: the most recent `maxKept`
// only, like the issued-ID list, so that a long-running sandbox does not grow with every create. Each keeps
// what ListConnections reports; `status` is not kept, it depends on the inventory at the time of the list.
class SandboxConnections
{
public:
    struct Connection
    {
        QString connectionId;
        QString instanceId;
        QString instanceName; // from the inventory at create time; empty for an instance it does not list
        QString networkType;
        QString engineType;
        QString datastoreVersion;
        QString userName;
        QString databaseName;
        bool isSavePassword = false;
        QString ipAddress;
        QString port;
        QString remarks;
        qint64 createAt = 0; // epoch milliseconds
    };

    explicit SandboxConnections(int maxKept = 10000);

    void add(const Connection& connection);
    const QList<Connection>& all() const { return m_connections; }
    bool contains(const QString& connectionId) const;
    // The state file's form: {"connections": [...]} with ListConnections' field names, without the ones that
    // are not kept (status, conn_share_type). fromJson() refuses anything else, naming the entry, never its
    // content; it keeps the last `maxKept` entries.
    QByteArray toJson() const;
    static std::optional<SandboxConnections> fromJson(const QByteArray& json, int maxKept, QString* error);

    // Removes every one of `connectionIds`; all or nothing: false, and nothing removed, if one is unknown.
    bool removeAll(const QStringList& connectionIds);

    // Room for a full store that add() never has to grow (boundedCapacity()), also for the issued-ID list.
    static qsizetype boundedCapacity(int maxKept);

private:
    int m_maxKept;
    QList<Connection> m_connections;
};

} // namespace das
