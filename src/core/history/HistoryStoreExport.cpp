// HistoryStore::writeRows: an export read through SQLite's C API, each row's UTF-8 written as it is
// (HistoryExportStream::writeRow). The rows and their order are those of forEach(). And the QtSql way of a
// bulk insert, for a Qt driver with SQLite of its own. The rest of the store is in HistoryStore.cpp.
#include "HistoryStore.h"

#include "HistoryExportStream.h"
#include "HistoryLog.h"
#include "HistorySql.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

namespace das {

bool HistoryStore::writeRows(HistoryExportStream& stream, const QString& filter, HistoryColumn::Column sort,
                             Qt::SortOrder order) const
{
    sqlite3* const db = HistorySql::handle(QSqlDatabase::database(m_connectionName, false));
    if (!db) { // a driver with SQLite of its own (HistorySql::handle): the record path
        return forEach(filter, sort, order, [&stream](const HistoryRecord& record) {
            stream.write(record);
            return true;
        });
    }
    const QString key = HistorySql::sortExpression(sort);
    const QString direction = order == Qt::AscendingOrder ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    QString sql = QStringLiteral("SELECT ") + HistorySql::columns() + QStringLiteral(" FROM connections");
    if (!filter.isEmpty())
        sql += QStringLiteral(" WHERE ") + HistorySql::filterClause(filter);
    sql += QStringLiteral(" ORDER BY ") + key + direction + QStringLiteral(", id") + direction;
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &s, nullptr) != SQLITE_OK ||
        (!filter.isEmpty() && !HistorySql::bindFilter(s, filter))) {
        qCWarning(lcHistory) << "export query failed:" << sqlite3_errmsg(db);
        sqlite3_finalize(s);
        return false;
    }
    int step;
    while ((step = sqlite3_step(s)) == SQLITE_ROW) {
        // A row of values this does not vouch for goes through the record, as forEach() reads it.
        if (!stream.writeRow(s))
            stream.write(HistorySql::readRecord(s));
    }
    if (step != SQLITE_DONE)
        qCWarning(lcHistory) << "export query failed:" << sqlite3_errmsg(db);
    sqlite3_finalize(s);
    return step == SQLITE_DONE;
}

bool HistoryStore::addRowsThroughQtSql(qint64 rows, const std::function<HistoryRecord(qint64)>& row,
                                       const std::function<void(const HistoryRecord&)>& added, QString* error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery* q = insertQuery(error);
    if (!q || !db.transaction()) {
        if (error && q)
            *error = tr("Cannot save the connection to history: %1").arg(db.lastError().text());
        return false;
    }
    for (qint64 i = 0; i < rows; ++i) {
        HistoryRecord record = row(i);
        if (!insert(*q, record, error)) {
            q->finish();
            db.rollback();
            return false;
        }
        if (added)
            added(record);
    }
    q->finish();
    if (!db.commit()) {
        if (error)
            *error = tr("Cannot save the connection to history: %1").arg(db.lastError().text());
        db.rollback();
        return false;
    }
    return true;
}

} // namespace das
