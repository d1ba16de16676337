#include "HistoryFilterPlan.h"

#include "HistorySql.h"

namespace das {

namespace HistoryFilterPlan {

QString clause(const QString& filter, bool walk)
{
    QString condition = HistorySql::filterClause(filter);
    if (!walk)
        return condition;
    // The shapes HistorySql::filterClause writes; a condition of another shape stays as it is (and is then
    // looked up by index: slower for a common filter, never wrong).
    condition.replace(QLatin1String("(id IN (SELECT rowid"), QLatin1String("(+id IN (SELECT rowid"));
    for (const char* column : {"endpoint", "engine_type", "project_id", "state"}) {
        const QString indexed = QStringLiteral(" OR %1 IN (").arg(QLatin1String(column));
        condition.replace(indexed, QStringLiteral(" OR +") + indexed.mid(4));
    }
    return condition;
}

bool alwaysWalks(const QString& filter)
{
    return clause(filter, true) == clause(filter, false);
}

} // namespace HistoryFilterPlan

} // namespace das
