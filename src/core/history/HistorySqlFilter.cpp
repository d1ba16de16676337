// The filter side of HistorySql: what a filter matches, as SQL, and its bound values. The rest is in
// HistorySql.cpp.
#include "HistorySql.h"

#include "HistorySearchIndex.h"

#include <QStringList>
#include <QVariant>

#include <sqlite3.h>

namespace das {

namespace HistorySql {

namespace {

QString likePattern(const QString& filter)
{
    QString escaped = filter;
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'%', QStringLiteral("\\%"));
    escaped.replace(u'_', QStringLiteral("\\_"));
    return u'%' + escaped + u'%';
}

// Every filtered column, matched with LIKE: what a filter means, and how one under three characters runs.
const char* const LikeClause = "(endpoint LIKE :f ESCAPE '\\' OR instance_id LIKE :f ESCAPE '\\' OR "
                               "engine_type LIKE :f ESCAPE '\\'"
                               " OR username LIKE :f ESCAPE '\\' OR connection_id LIKE :f ESCAPE '\\' OR "
                               "database_name LIKE :f ESCAPE '\\'"
                               " OR remarks LIKE :f ESCAPE '\\' OR project_id LIKE :f ESCAPE '\\'"
                               " OR state LIKE :f ESCAPE '\\')";

// The same rows for three characters or more, without reading every row. The columns of many values are in
// the trigram index (schema 5 to 7): its rows holding every trigram of the filter, and the rows after its
// mark that it does not hold yet (HistorySearchIndex: CLI creates the window has not indexed yet),
// checked with the LIKE that defines a match (the index folds non-ASCII case, LIKE does not). The columns of
// a few values (endpoints, engines, projects, states) are matched on their distinct values, found by hopping
// through their indexes (one seek per value), and then taken by index.
// clang-format off
#define DAS_SEARCHED_LIKE                                                                                   \
    "(instance_id LIKE :f ESCAPE '\\' OR username LIKE :f ESCAPE '\\' OR connection_id LIKE :f ESCAPE '\\'" \
    " OR database_name LIKE :f ESCAPE '\\' OR remarks LIKE :f ESCAPE '\\')"
// clang-format on
// The rows after the mark are matched inside the subquery, so that only their matches join the lookup.
const char* const IndexedClause =
    "((id IN (SELECT rowid FROM connections_fts WHERE connections_fts MATCH :q UNION ALL SELECT id FROM "
    "connections WHERE %5 AND " DAS_SEARCHED_LIKE ")"
    " AND " DAS_SEARCHED_LIKE ")"
    " OR endpoint IN (%1) OR engine_type IN (%2) OR project_id IN (%3) OR state IN (%4))";
#undef DAS_SEARCHED_LIKE

QString distinctMatching(const char* column)
{
    return QStringLiteral("WITH RECURSIVE v(x) AS (SELECT MIN(%1) FROM connections UNION ALL SELECT (SELECT "
                          "MIN(%1) FROM connections WHERE %1 > v.x) FROM v WHERE v.x IS NOT NULL) "
                          "SELECT x FROM v WHERE x LIKE :f ESCAPE '\\'")
        .arg(QLatin1String(column));
}

// The filter's trigrams (of code points, as the tokenizer counts), each a quoted FTS5 string, all required.
QString trigramQuery(const QList<uint>& codePoints)
{
    QStringList terms;
    for (qsizetype i = 0; i + 3 <= codePoints.size(); ++i) {
        QString term = QString::fromUcs4(reinterpret_cast<const char32_t*>(codePoints.constData() + i), 3);
        term.replace(u'"', QStringLiteral("\"\""));
        term = u'"' + term + u'"';
        if (!terms.contains(term))
            terms.append(term);
    }
    return terms.join(QStringLiteral(" AND "));
}

bool usesIndex(const QString& filter)
{
    return filter.toUcs4().size() >= 3;
}

} // namespace

QString filterClause(const QString& filter)
{
    if (!usesIndex(filter))
        return QLatin1String(LikeClause);
    return QString::fromLatin1(IndexedClause)
        .arg(distinctMatching("endpoint"), distinctMatching("engine_type"), distinctMatching("project_id"),
             distinctMatching("state"), QLatin1String(HistorySearchIndex::unindexedCondition()));
}

bool bindFilter(sqlite3_stmt* s, const QString& filter)
{
    auto bind = [s](const char* name, const QString& value) {
        // A clause may leave a value out (HistoryFilterPlan's walk has no trigram query).
        const int index = sqlite3_bind_parameter_index(s, name);
        return index == 0 || sqlite3_bind_text16(s, index, value.utf16(), int(value.size() * 2),
                                                 SQLITE_TRANSIENT) == SQLITE_OK;
    };
    return bind(":f", likePattern(filter)) &&
           (!usesIndex(filter) || bind(":q", trigramQuery(filter.toUcs4())));
}

} // namespace HistorySql

} // namespace das
