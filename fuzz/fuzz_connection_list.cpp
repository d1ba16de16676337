// Fuzz target: the ListConnections answer (bytes → JSON → ConnectionParser::page) and the reconciliation
// matching that runs over what it parsed. What must hold for any answer: a parsed connection has a usable
// ID, no control character in any field (server text is shown and stored), a port in range, and every
// candidate the matcher returns carries the row's key and is not a known ID.

#include "ConnectionInfo.h"
#include "FuzzCheck.h"
#include "OutcomeReconciler.h"
#include "ServerText.h"

#include <QJsonDocument>
#include <QTimeZone>

#include <cstdint>

namespace {

bool clean(const QString& text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    QList<das::ConnectionInfo> list;
    int total = -1;
    QString error;
    if (!das::ConnectionParser::page(doc.object(), &list, &total, &error)) {
        DAS_FUZZ_CHECK(!error.isEmpty(), "a refused answer says why");
        return 0;
    }
    DAS_FUZZ_CHECK(total >= 0, "total_record is never negative");
    for (const das::ConnectionInfo& c : list) {
        DAS_FUZZ_CHECK(das::ServerText::isConnectionId(c.connectionId), "every connection has a usable ID");
        DAS_FUZZ_CHECK(c.port >= 0 && c.port <= 65535, "ports are in range");
        const QJsonObject json = c.toJson();
        for (auto it = json.begin(); it != json.end(); ++it)
            DAS_FUZZ_CHECK(!it.value().isString() || clean(it.value().toString()), "no control characters");
    }

    das::HistoryRecord row;
    row.instanceId = list.isEmpty() ? QString() : list.constFirst().instanceId;
    row.username = list.isEmpty() ? QString() : list.constFirst().userName;
    row.createdAt = QDateTime(QDate(2026, 11, 30), QTime(8, 0), QTimeZone::utc());
    const QSet<QString> known = {list.isEmpty() ? QString() : list.constLast().connectionId};
    for (const das::ConnectionInfo& c : das::OutcomeReconciler::candidates(row, list, known)) {
        DAS_FUZZ_CHECK(c.hasKey(row.instanceId, row.username, row.databaseName), "a candidate has the key");
        DAS_FUZZ_CHECK(!known.contains(c.connectionId), "a known connection is never a candidate");
    }
    return 0;
}
