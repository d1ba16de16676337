#pragma once

#include "HistoryColumn.h"
#include "HistoryRecord.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace das {

// SQLite history of created connections (QtSql). WAL with synchronous=FULL: a row is durable once add()
// returns.
class HistoryStore
{
    Q_DECLARE_TR_FUNCTIONS(HistoryStore)

public:
    static constexpr int SchemaVersion = 3;

    explicit HistoryStore(const QString& path);
    ~HistoryStore();
    HistoryStore(const HistoryStore&) = delete;
    HistoryStore& operator=(const HistoryStore&) = delete;

    // Creates the folder 0700 and the database 0600 when missing, then checks that the folder, the database
    // and each of its side files (-wal, -shm, -journal) is private, tightening them; fails, saying why, when
    // one cannot be made so (another user's, or a file system that ignores modes).
    bool open(QString* error);
    bool isOpen() const { return m_open; }
    const QString& path() const { return m_path; }
    int schemaVersion() const;

    // Inserts and commits; sets record.id. The caller shows the connection ID only after this returns true.
    bool add(HistoryRecord& record, QString* error);
    bool remove(const QList<qint64>& ids, QString* error);
    bool setPasswordSaved(qint64 id, bool saved, QString* error);

    // Filter matches a substring of endpoint, instance, engine, username, connection ID, database or remarks.
    int count(const QString& filter = QString()) const;
    // Sorted by `sort`, ties broken by id in the same direction.
    QList<HistoryRecord> fetch(const QString& filter = QString(),
                               HistoryColumn::Column sort = HistoryColumn::Time,
                               Qt::SortOrder order = Qt::DescendingOrder, int offset = 0,
                               int limit = -1) const;
    HistoryRecord byId(qint64 id) const;

private:
    bool migrate(QString* error);
    bool checkPrivate(QString* error) const;

    QString m_path;
    QString m_connectionName;
    bool m_open = false;
};

} // namespace das
