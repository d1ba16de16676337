// The floor under bench/cli-vs-curl.sh's CLI figure: the least a Qt program can do for a create and still
// keep the rule (the create on record before it is sent and its answer on record before the process
// ends). It sends one of sign_request's pre-signed POSTs, exactly what curl sends, through a
// QNetworkAccessManager, and with --commits also writes a pending row to a one-table SQLite database through
// QtSql (WAL, synchronous=FULL, as the history) before the POST and settles it after. Nothing else: no option
// parsing, validation, signing, credentials, history schema or output. Leaves with _exit, as the CLI does.
//   create_floor CURL_CONFIG [--commits DATABASE]
// Built a second time as create_floor_sqlite (DAS_FLOOR_SQLITE), which makes the same commits through
// SQLite's C API and does not link QtSql: what the floor would be without QtSql and its driver plugin.
#include <QCoreApplication>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QUrl>

#include <cstdio>
#include <unistd.h>

#ifdef DAS_FLOOR_SQLITE
#include <sqlite3.h>
#else
#include <QSqlDatabase>
#include <QSqlQuery>
#endif

namespace {

struct SignedPost
{
    QNetworkRequest request;
    QByteArray body;
};

// sign_request's curl config: url = "…", header = "Name: value" lines and data-binary = "@file"; none of its
// values holds an escaped quote.
bool readConfig(const QString& path, SignedPost* post)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    static const QRegularExpression line(QStringLiteral("^([a-z-]+) = \"(.*)\"$"));
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray& text : lines) {
        const QRegularExpressionMatch m = line.match(QString::fromUtf8(text));
        if (!m.hasMatch())
            continue;
        const QString value = m.captured(2);
        if (m.captured(1) == QLatin1String("url")) {
            post->request.setUrl(QUrl(value));
        } else if (m.captured(1) == QLatin1String("header")) {
            const qsizetype colon = value.indexOf(u':');
            post->request.setRawHeader(value.left(colon).toUtf8(), value.mid(colon + 2).toUtf8());
        } else if (m.captured(1) == QLatin1String("data-binary")) {
            QFile body(value.mid(1));
            if (!body.open(QIODevice::ReadOnly))
                return false;
            post->body = body.readAll();
        }
    }
    return post->request.url().isValid() && !post->body.isEmpty();
}

const char* const CreateTable = "CREATE TABLE IF NOT EXISTS creates (id INTEGER PRIMARY KEY, state TEXT NOT "
                                "NULL, connection_id TEXT NOT NULL)";
const char* const InsertPending = "INSERT INTO creates (state, connection_id) VALUES ('pending', '')";
const char* const UpdateSettled = "UPDATE creates SET state = 'created', connection_id = ? WHERE id = ?";

// The pending row before the POST and its settling after it, in WAL with synchronous=FULL and a checkpoint
// every 128 pages, as the CLI keeps the history (the log left for the next run, whose open reads it whole).
// Unlike the CLI's history it opens with SQLite's own VFS, so its first commit also flushes the folder (~0.1
// ms): the floor is that much high.
class Record
{
public:
#ifdef DAS_FLOOR_SQLITE
    bool pending(const QString& path)
    {
        const bool ok =
            sqlite3_open(QFile::encodeName(path).constData(), &m_db) == SQLITE_OK &&
            exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA wal_autocheckpoint=128") &&
            exec(CreateTable) && exec(InsertPending);
        m_row = sqlite3_last_insert_rowid(m_db);
        return ok;
    }
    bool settle(const QByteArray& answer)
    {
        sqlite3_stmt* update = nullptr;
        const bool ok = sqlite3_prepare_v2(m_db, UpdateSettled, -1, &update, nullptr) == SQLITE_OK &&
                        sqlite3_bind_text(update, 1, answer.constData(), int(answer.size()),
                                          SQLITE_TRANSIENT) == SQLITE_OK &&
                        sqlite3_bind_int64(update, 2, m_row) == SQLITE_OK &&
                        sqlite3_step(update) == SQLITE_DONE;
        sqlite3_finalize(update);
        return ok;
    }

private:
    bool exec(const char* sql)
    {
        return sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    sqlite3* m_db = nullptr;
    sqlite3_int64 m_row = 0;
#else
    bool pending(const QString& path)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("floor"));
        db.setDatabaseName(path);
        if (!db.open())
            return false;
        m_query = QSqlQuery(db);
        const bool ok = m_query.exec(QStringLiteral("PRAGMA journal_mode=WAL")) &&
                        m_query.exec(QStringLiteral("PRAGMA synchronous=FULL")) &&
                        m_query.exec(QStringLiteral("PRAGMA wal_autocheckpoint=128")) &&
                        m_query.exec(QString::fromLatin1(CreateTable)) &&
                        m_query.exec(QString::fromLatin1(InsertPending));
        m_row = m_query.lastInsertId().toLongLong();
        return ok;
    }
    bool settle(const QByteArray& answer)
    {
        m_query.prepare(QString::fromLatin1(UpdateSettled));
        m_query.addBindValue(QString::fromUtf8(answer));
        m_query.addBindValue(m_row);
        return m_query.exec();
    }

private:
    QSqlQuery m_query;
    qint64 m_row = 0;
#endif
};

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const bool commits = args.size() == 4 && args.at(2) == QLatin1String("--commits");
    SignedPost post;
    if ((args.size() != 2 && !commits) || !readConfig(args.at(1), &post)) {
        std::fputs("usage: create_floor CURL_CONFIG [--commits DATABASE]\n", stderr);
        return 2;
    }
    Record record;
    if (commits && !record.pending(args.at(3)))
        return 1;
    QNetworkAccessManager nam;
    QNetworkReply* reply = nam.post(post.request, post.body);
    QObject::connect(reply, &QNetworkReply::finished, &app, &QCoreApplication::quit);
    app.exec();
    if (commits && !record.settle(reply->readAll().left(64)))
        return 1;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    std::printf("%d\n", status);
    std::fflush(stdout);
    ::_exit(status == 200 ? 0 : 1);
}
