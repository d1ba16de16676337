#pragma once

#include "ConnectionRequest.h"
#include "CreateResult.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace das {

// One create as remembered in history, written ahead of the request (see pending()) so that a crash
// mid-create leaves a trace. Deliberately has no password field.
struct HistoryRecord
{
    // Where the create stands. Pending is committed before the request leaves; a crash leaves it so.
    enum class State
    {
        Pending,
        Created,    // connectionId holds the ID
        NotCreated, // a definite refusal, or nothing was sent
        Unknown,    // sent, but no usable answer: it may exist on DAS
        Deleted,    // existed, and was deleted later
    };
    // Created by this tool; an existing connection chosen instead of a duplicate create; adopted from the
    // list of connections on DAS.
    enum class Origin
    {
        Created,
        Existing,
        Adopted,
    };

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
    State state = State::Created;
    Origin origin = Origin::Created;
    QString stateDetail; // why it is in that state, one line: "confirmed on DAS", a refusal's sentence
    QDateTime updatedAt; // UTC, when the state last changed; invalid until it changes after add()

    // Stable names: stored in the database and printed by the CLI.
    static QString stateName(State state);
    static std::optional<State> stateFromName(const QString& name);
    static QString originName(Origin origin);
    static std::optional<Origin> originFromName(const QString& name);

    // The row written before a create is sent: everything of the request (never the password), state
    // Pending, createdAt now.
    static HistoryRecord pending(const ConnectionRequest& request, const QString& endpoint,
                                 const QString& region);
    // The row of a finished create: Created with the ID, Unknown when the request may have been processed,
    // NotCreated otherwise; stateDetail is the explanation unless created.
    static HistoryRecord fromCreate(const ConnectionRequest& request, const QString& endpoint,
                                    const QString& region, const CreateResult& result);
    // The form values to start a new create from (password left empty).
    ConnectionRequest toTemplate() const;
    QJsonObject toJson() const;
};

} // namespace das
