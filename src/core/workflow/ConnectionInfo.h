#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace das {

// An item of ListConnections' das_conn_info_list. Note the API spells the user `user_name` here, against
// `username` in the create body. Every string is cleaned with ServerText when parsed.
struct ConnectionInfo
{
    QString connectionId;
    QString instanceId;
    QString instanceName;
    QString networkType;
    QString engineType;
    QString datastoreVersion;
    QString userName;
    QString databaseName;
    bool isSavePassword = false;
    QString ipAddress;
    int port = 0;
    QString remarks;
    QDateTime createAt; // UTC, from epoch milliseconds; invalid when DAS did not say
    QString status;     // NORMAL, or INSTANCE_DELETE when the instance is gone
    QString connShareType;

    bool instanceDeleted() const { return status == QLatin1String("INSTANCE_DELETE"); }
    // The documented duplicate key: the same instance, user name and database name (an empty database
    // name matches only an empty one).
    bool hasKey(const QString& instance, const QString& user, const QString& database) const;
    QJsonObject toJson() const; // the API's field names; create_at in epoch milliseconds

    // The connection IDs of `connections`, in their order.
    static QStringList idsOf(const QList<ConnectionInfo>& connections);
};

// Reads the answers of ListConnections and BatchDeleteConnectionNew. A field of the wrong type makes the
// whole answer unreadable (false with `error`); nothing is guessed.
class ConnectionParser
{
    Q_DECLARE_TR_FUNCTIONS(das::ConnectionParser)

public:
    static bool page(const QJsonObject& answer, QList<ConnectionInfo>* out, int* totalRecord, QString* error);
    static bool deleteStatus(const QJsonObject& answer, bool* status, QString* error);
    // The body of BatchDeleteConnectionNew as the SDK model writes it: delete_all false, the IDs as
    // [{"connection_id": …}]. There is no way to ask for delete_all: true.
    static QByteArray deleteBody(const QStringList& connectionIds);
};

} // namespace das
