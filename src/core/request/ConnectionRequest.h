#pragma once

#include "Violation.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace das {

// The create-connection request as the user entered it. Port stays text so that "abc" can be reported.
struct ConnectionRequest
{
    QString projectId;
    QString instanceId;
    QString engineType;
    QString networkType;
    QString username;
    QString password;
    bool isSavePassword = false;
    QStringList nodeIds;
    QString port;
    QString databaseName;
    QString remarks;
    bool sqlRecordFlag = false;

    // Exact API body: API field order, empty optional fields omitted, UTF-8, compact.
    QByteArray toJsonBody() const;

    // Reads a received body (sandbox side). Type errors are reported as violations.
    static ConnectionRequest fromJson(const QJsonObject& body, Violations* typeErrors);
};

} // namespace das
