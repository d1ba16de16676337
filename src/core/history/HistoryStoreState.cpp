// The write-ahead side of HistoryStore (schema 4): moving a row between states and finding rows by state or
// connection ID. The rest of the store is in HistoryStore.cpp.
#include "HistoryStore.h"

#include "HistoryLog.h"
#include "HistorySearchIndex.h"
#include "HistorySql.h"

#include <algorithm>
#include <initializer_list>
#include <utility>

namespace das {

namespace {

using Binding = std::pair<const char*, QString>;

// settleUnresolved() changes only a row still waiting for its outcome.
const char* const OnlyUnresolvedCondition = "state IN ('pending', 'unknown')";

// By createdAt, ties by id: rows added with a time of their own (imports, tests) need not be in id order.
void sortOldestFirst(QList<HistoryRecord>& rows)
{
    std::sort(rows.begin(), rows.end(), [](const HistoryRecord& a, const HistoryRecord& b) {
        return a.createdAt != b.createdAt ? a.createdAt < b.createdAt : a.id < b.id;
    });
}

// Rows matching `where`, oldest first. Empty when the query fails: the callers' answers are lists to act on,
// and an unreadable history has nothing to act on.
QList<HistoryRecord> selectRows(const SqliteConnection& db, const QString& where,
                                std::initializer_list<Binding> values)
{
    SqliteQuery q(db);
    q.prepare(QStringLiteral("SELECT ") + HistorySql::columns() + QStringLiteral(" FROM connections WHERE ") +
              where);
    for (const Binding& value : values)
        q.bindValue(value.first, value.second);
    QList<HistoryRecord> out;
    if (!q.exec()) {
        qCWarning(lcHistory) << "query failed:" << q.lastError();
        return out;
    }
    while (q.next())
        out.append(HistorySql::readRecord(q.statement()));
    sortOldestFirst(out);
    return out;
}

QString stateValue(HistoryRecord::State state)
{
    return HistoryRecord::stateName(state);
}

} // namespace

bool HistoryStore::setState(qint64 id, HistoryRecord::State state, const QString& connectionId,
                            const QString& requestId, const QString& detail, QString* error)
{
    const int changed = updateState(id, state, connectionId, requestId, detail, false, error);
    if (changed == 0 && error)
        *error = tr("History row %1 does not exist.").arg(id);
    return changed == 1;
}

int HistoryStore::settleUnresolved(qint64 id, HistoryRecord::State state, const QString& connectionId,
                                   const QString& detail, QString* error)
{
    return updateState(id, state, connectionId, QString(), detail, true, error);
}

SqliteQuery* HistoryStore::stateUpdate(bool connectionId, bool requestId, bool onlyUnresolved,
                                       bool unindexedOnly)
{
    std::unique_ptr<SqliteQuery>& kept = m_stateUpdates[(connectionId ? 1 : 0) | (requestId ? 2 : 0) |
                                                        (onlyUnresolved ? 4 : 0) | (unindexedOnly ? 8 : 0)];
    if (kept)
        return kept.get();
    QString sql = QStringLiteral("UPDATE connections SET state = :state, state_detail = :detail, "
                                 "updated_at = :updated_at");
    // An empty ID keeps the stored one: a later "unknown" must not erase an ID learnt earlier.
    if (connectionId)
        sql += QStringLiteral(", connection_id = :connection_id");
    if (requestId)
        sql += QStringLiteral(", request_id = :request_id");
    sql += QStringLiteral(" WHERE id = :id");
    if (onlyUnresolved)
        sql += QStringLiteral(" AND ") + QLatin1String(OnlyUnresolvedCondition);
    if (unindexedOnly)
        sql += QStringLiteral(" AND ") + QLatin1String(HistorySearchIndex::unindexedCondition());
    auto query = std::make_unique<SqliteQuery>(m_db);
    if (!query->prepare(sql)) {
        qCWarning(lcHistory) << "cannot compile a state update:" << query->lastError();
        return nullptr;
    }
    kept = std::move(query);
    return kept.get();
}

void HistoryStore::prepareSettle()
{
    if (m_open)
        stateUpdate(true, true, false, true);
}

// A new connection ID changes a searched column. A row after the search index's mark (a create the window
// has not indexed yet) takes one UPDATE; a row the index holds is taken out of the
// index and put back around it, in one transaction (HistorySearchIndex).
int HistoryStore::updateState(qint64 id, HistoryRecord::State state, const QString& connectionId,
                              const QString& requestId, const QString& detail, bool onlyUnresolved,
                              QString* error)
{
    if (connectionId.isEmpty())
        return runStateUpdate(id, state, connectionId, requestId, detail, onlyUnresolved, false, error);
    const int unindexed =
        runStateUpdate(id, state, connectionId, requestId, detail, onlyUnresolved, true, error);
    if (unindexed != 0)
        return unindexed;
    QString why;
    if (!m_db.transaction() ||
        !HistorySearchIndex::forget(m_db.handle(), id, onlyUnresolved ? OnlyUnresolvedCondition : nullptr,
                                    &why)) {
        if (error)
            *error = tr("Cannot update history: %1").arg(why.isEmpty() ? m_db.lastError() : why);
        m_db.rollback();
        return -1;
    }
    const int changed =
        runStateUpdate(id, state, connectionId, requestId, detail, onlyUnresolved, false, error);
    if (changed != 1) {
        m_db.rollback(); // the row is not there or not unresolved: the index as it was
        return changed;
    }
    if (!HistorySearchIndex::restore(m_db.handle(), id, &why) || !m_db.commit()) {
        if (error)
            *error = tr("Cannot update history: %1").arg(why.isEmpty() ? m_db.lastError() : why);
        m_db.rollback();
        return -1;
    }
    return changed;
}

int HistoryStore::runStateUpdate(qint64 id, HistoryRecord::State state, const QString& connectionId,
                                 const QString& requestId, const QString& detail, bool onlyUnresolved,
                                 bool unindexedOnly, QString* error)
{
    SqliteQuery* q =
        stateUpdate(!connectionId.isEmpty(), !requestId.isEmpty(), onlyUnresolved, unindexedOnly);
    if (!q) {
        if (error)
            *error = tr("Cannot update history: %1").arg(m_db.lastError());
        return -1;
    }
    q->bindValue(":state", stateValue(state));
    q->bindValue(":detail", HistorySql::nonNull(detail));
    q->bindValue(":updated_at", HistorySql::timestamp(QDateTime::currentDateTimeUtc()));
    if (!connectionId.isEmpty())
        q->bindValue(":connection_id", connectionId);
    if (!requestId.isEmpty())
        q->bindValue(":request_id", requestId);
    q->bindValue(":id", id);
    if (!q->exec()) {
        if (error)
            *error = tr("Cannot update history: %1").arg(q->lastError());
        return -1;
    }
    const int changed = q->numRowsAffected() < 1 ? 0 : 1;
    q->finish();
    qCDebug(lcHistory) << "row" << id << (changed ? "is now" : "left as it was, not") << stateValue(state);
    return changed;
}

int HistoryStore::markDeleted(const QStringList& connectionIds, QString* error)
{
    SqliteConnection& db = m_db;
    SqliteQuery q(db);
    auto fail = [&]() {
        if (error)
            *error =
                tr("Cannot update history: %1").arg(q.lastError().isEmpty() ? db.lastError() : q.lastError());
        q.finish();
        db.rollback();
        return -1;
    };
    if (!db.transaction()) {
        if (error)
            *error = tr("Cannot update history: %1").arg(db.lastError());
        return -1;
    }
    q.prepare(QStringLiteral("UPDATE connections SET state = :deleted, state_detail = '', updated_at = :now "
                             "WHERE connection_id = :id AND state <> :deleted"));
    const QString now = HistorySql::timestamp(QDateTime::currentDateTimeUtc());
    int changed = 0;
    for (const QString& connectionId : connectionIds) {
        // An empty ID would match every row that never got one, pending creates included.
        if (connectionId.isEmpty())
            continue;
        q.bindValue(":deleted", stateValue(HistoryRecord::State::Deleted));
        q.bindValue(":now", now);
        q.bindValue(":id", connectionId);
        if (!q.exec())
            return fail();
        changed += std::max(0, q.numRowsAffected());
    }
    if (!db.commit())
        return fail();
    qCDebug(lcHistory) << "marked" << changed << "rows deleted";
    return changed;
}

QList<HistoryRecord> HistoryStore::unresolved() const
{
    return selectRows(m_db, QStringLiteral("state IN (:pending, :unknown)"),
                      {{":pending", stateValue(HistoryRecord::State::Pending)},
                       {":unknown", stateValue(HistoryRecord::State::Unknown)}});
}

QList<HistoryRecord> HistoryStore::createdSince(const QString& endpoint, const QString& projectId,
                                                const QDateTime& since) const
{
    QList<HistoryRecord> rows = selectRows(
        m_db,
        QStringLiteral(
            "state = :state AND origin = :origin AND endpoint = :endpoint AND project_id = :project"),
        {{":state", stateValue(HistoryRecord::State::Created)},
         {":origin", HistoryRecord::originName(HistoryRecord::Origin::Created)},
         {":endpoint", HistorySql::nonNull(endpoint)},
         {":project", HistorySql::nonNull(projectId)}});
    // Compared as times, not as stored text: text order breaks where two rows' fractions differ in width.
    rows.erase(std::remove_if(rows.begin(), rows.end(),
                              [&](const HistoryRecord& r) { return since.isValid() && r.createdAt < since; }),
               rows.end());
    return rows;
}

QSet<QString> HistoryStore::connectionIds() const
{
    SqliteQuery q(m_db);
    QSet<QString> out;
    if (!q.exec(QStringLiteral("SELECT DISTINCT connection_id FROM connections WHERE connection_id <> ''"))) {
        qCWarning(lcHistory) << "query failed:" << q.lastError();
        return out;
    }
    while (q.next())
        out.insert(q.value(0).toString());
    return out;
}

QList<HistoryRecord> HistoryStore::byConnectionIds(const QStringList& connectionIds) const
{
    QList<HistoryRecord> out;
    QSet<QString> seen;
    // One indexed lookup per ID: a list of IDs from DAS can be longer than SQLite's limit on bound values.
    for (const QString& connectionId : connectionIds) {
        if (connectionId.isEmpty() || seen.contains(connectionId))
            continue;
        seen.insert(connectionId);
        out.append(selectRows(m_db, QStringLiteral("connection_id = :id"), {{":id", connectionId}}));
    }
    sortOldestFirst(out);
    return out;
}

bool HistoryStore::setDurability(Durability durability, QString* error)
{
    SqliteQuery q(m_db);
    const bool ok =
        q.exec(durability == Durability::EveryCommit ? QStringLiteral("PRAGMA synchronous=FULL")
                                                     : QStringLiteral("PRAGMA synchronous=NORMAL"));
    if (!ok && error)
        *error = tr("Cannot configure the history database: %1").arg(q.lastError());
    return ok;
}

} // namespace das
