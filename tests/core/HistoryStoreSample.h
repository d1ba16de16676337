#pragma once

#include "HistoryRecord.h"

// The record the HistoryStore tests (tst_historystore, tst_historymigration, tst_historystate) store: row i
// of a history, every column set.
namespace HistoryStoreTest {

inline das::HistoryRecord sample(int i)
{
    using das::HistoryRecord;
    HistoryRecord r;
    r.endpoint = QStringLiteral("https://das.cn-north-4.myhuaweicloud.com");
    r.region = QStringLiteral("cn-north-4");
    r.projectId = QStringLiteral("052041494800d57c2f02c00275b4c247");
    r.instanceId = QStringLiteral("bcfa975193f1402fa11a6d4fd6baf5f%1in01").arg(i % 10);
    r.engineType = i % 2 ? QStringLiteral("mysql") : QStringLiteral("postgresql");
    r.networkType = QStringLiteral("rds");
    r.username = QStringLiteral("user%1").arg(i, 3, 10, QLatin1Char('0'));
    r.nodeIds = {QStringLiteral("6b0e3d1c2a9f4e8b9c7d5a4f3e2d1c0bno01"),
                 QStringLiteral("6b0e3d1c2a9f4e8b9c7d5a4f3e2d1c0bno02")};
    r.port = QStringLiteral("3306");
    r.databaseName = QStringLiteral("db");
    r.remarks = QStringLiteral("批次 %1 — 100% done_x").arg(i);
    r.sqlRecordFlag = true;
    r.isSavePassword = i % 3 == 0;
    r.connectionId = QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
    r.requestId = QStringLiteral("req%1").arg(i);
    return r;
}

} // namespace HistoryStoreTest
