#pragma once

#include <QDebug>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QUuid>

// A second connection to a history file, for what HistoryStore does not offer (its schema, raw SQL, SQLite's
// own checks): shared by the history tests.
class RawHistoryConnection
{
public:
    explicit RawHistoryConnection(const QString& path)
        : m_name(QUuid::createUuid().toString())
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawHistoryConnection() { QSqlDatabase::removeDatabase(m_name); }
    RawHistoryConnection(const RawHistoryConnection&) = delete;
    RawHistoryConnection& operator=(const RawHistoryConnection&) = delete;

    bool exec(const QString& sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        if (!q.exec(sql))
            qWarning() << q.lastError().text();
        return q.isActive();
    }
    QStringList column(const QString& sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        QStringList out;
        if (!q.exec(sql))
            out.append(q.lastError().text());
        while (q.next())
            out.append(q.value(0).toString());
        return out;
    }
    // The table's indexes and triggers (and the trigram index), as SQLite keeps their SQL.
    QStringList schema()
    {
        return column(
            QStringLiteral("SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master "
                           "ORDER BY type, name"));
    }
    // SQLite's check of the file, then FTS5's of the trigram index against the table. The index holds the
    // rows up to its mark (schema 7, HistorySearchIndex): the rows after it are added first, as the window
    // would, so that a row the store left out of the index, or put in twice, or left in it with old values,
    // shows as a damaged index.
    QString check()
    {
        const QStringList integrity = column(QStringLiteral("PRAGMA integrity_check"));
        const bool caughtUp =
            !column(QStringLiteral("SELECT name FROM sqlite_master WHERE name = 'search_progress'")).isEmpty()
                ? exec(QStringLiteral(
                      "INSERT INTO connections_fts(rowid, instance_id, username, connection_id, "
                      "database_name, "
                      "remarks) SELECT id, instance_id, username, connection_id, database_name, remarks FROM "
                      "connections WHERE id > (SELECT indexed_through FROM search_progress)")) &&
                      exec(QStringLiteral("UPDATE search_progress SET indexed_through = (SELECT "
                                          "COALESCE(MAX(id), 0) FROM connections)"))
                : true;
        const bool fts =
            caughtUp && exec(QStringLiteral("INSERT INTO connections_fts(connections_fts, rank) VALUES "
                                            "('integrity-check', 1)"));
        return integrity.join(u'|') + (fts ? QString() : QStringLiteral(" fts damaged"));
    }

private:
    QString m_name;
};
