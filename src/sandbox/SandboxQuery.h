#pragma once

// Query and engine helpers shared by the sandbox's read calls (SandboxReads.cpp, SandboxConnections.cpp).
#include <QHash>
#include <QString>
#include <QUrlQuery>

#include <optional>

namespace das::sandbox {

using Query = QHash<QString, QString>;

// The decoded parameters; nothing when a name is repeated, which the API would read one way or another.
inline std::optional<Query> parseQuery(const QByteArray& raw)
{
    Query out;
    const auto items = QUrlQuery(QString::fromLatin1(raw)).queryItems(QUrl::FullyDecoded);
    for (const auto& item : items) {
        if (out.contains(item.first))
            return std::nullopt;
        out.insert(item.first, item.second);
    }
    return out;
}

// A decimal from `min` to `max`, `fallback` when absent; nothing when malformed or out of range.
inline std::optional<int> boundedNumber(const Query& query, const QString& name, int fallback, int min,
                                        int max)
{
    if (!query.contains(name))
        return fallback;
    const QString text = query.value(name);
    if (text.isEmpty() || text.size() > 6)
        return std::nullopt;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    const int value = text.toInt();
    return value >= min && value <= max ? std::optional<int>(value) : std::nullopt;
}

// ListDbNames names the engine in lower case; TaurusDB is "taurus" in create, so both spellings are taken.
inline bool engineMatches(const QString& engineType, const QString& datastoreType)
{
    const QString engine = engineType.toLower();
    return engine == datastoreType.toLower() ||
           (datastoreType == QLatin1String("TaurusDB") && engine == QLatin1String("taurus"));
}

} // namespace das::sandbox
