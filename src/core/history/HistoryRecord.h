#pragma once

#include "ConnectionRequest.h"
#include "CreateResult.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace das {

// One created connection as remembered in history. Deliberately has no password field.
struct HistoryRecord
{
    qint64 id = 0;
    QDateTime createdAt; // UTC
    QString endpoint;
    QString region;
    QString projectId;
    QString instanceId;
    QString engineType;
    QString networkType;
    QString username;
    QStringList nodeIds;
    QString port;
    QString databaseName;
    QString remarks;
    bool sqlRecordFlag = false;
    bool isSavePassword = false;
    bool passwordSaved = false; // the DB password went to the OS keychain
    QString connectionId;
    QString requestId;

    static HistoryRecord fromCreate(const ConnectionRequest& request, const QString& endpoint,
                                    const QString& region, const CreateResult& result);
    // The form values to start a new create from (password left empty).
    ConnectionRequest toTemplate() const;
    QJsonObject toJson() const;
};

} // namespace das
