// HistoryStore::writeRows: an export read straight from SQLite's statement, each row's UTF-8 written as it is
// (HistoryExportStream::writeRow). The rows and their order are those of forEach(). The rest of the store is
// in HistoryStore.cpp.
#include "HistoryStore.h"

#include "HistoryExportStream.h"
#include "HistoryLog.h"
#include "HistorySql.h"

#include <sqlite3.h>

namespace das {

bool HistoryStore::writeRows(HistoryExportStream& stream, const QString& filter, HistoryColumn::Column sort,
                             Qt::SortOrder order) const
{
    sqlite3* const db = m_db.handle();
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

} // namespace das
