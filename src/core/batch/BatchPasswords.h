#pragma once

#include "ConnectionRequest.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace das {

// Where the database passwords of a batch come from: never the batch file. One password for every row
// (--password-stdin, or the window's answer for a user), a passwords file (a JSON object mapping "username"
// or "instance_id/username" to a password; refused unless it is a regular file of the user's own with mode
// 0600 or stricter, at most 1 MiB), and, for rows still without one, the password saved in the OS keychain for
// the row's key (looked up by BatchRunner). The most specific source wins: instance_id/username, then
// username, then the common password.
class BatchPasswords
{
    Q_DECLARE_TR_FUNCTIONS(das::BatchPasswords)

public:
    void setCommon(const QString& password) { m_common = password; }
    // By user name, for every row of that user (the window asks once per distinct user).
    void setForUser(const QString& username, const QString& password) { m_byUser.insert(username, password); }
    bool loadFile(const QString& path, QString* error);

    // Empty when no source has one for the row.
    QString forRow(const ConnectionRequest& request) const;
    bool isEmpty() const { return m_common.isEmpty() && m_byUser.isEmpty() && m_byInstanceUser.isEmpty(); }
    void clear(); // overwrites nothing it does not own; drops every password it holds

private:
    QString m_common;
    QHash<QString, QString> m_byUser;
    QHash<QString, QString> m_byInstanceUser; // "instance_id/username"
};

} // namespace das
