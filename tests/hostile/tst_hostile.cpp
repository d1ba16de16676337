// das-connect-cli as a real process against a server that lies, floods, stalls and injects terminal control
// sequences: every answer ends with the documented exit code, in bounded time and memory, with clean output
// and never a `created` history row (or any connection ID) for anything that was not a usable answer: the
// write-ahead row of each create ends `unknown` or `not_created`.
#include "CliHarness.h"
#include "HostileServer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <sys/resource.h>

#include <memory>

using Mode = HostileServer::Mode;
Q_DECLARE_METATYPE(HostileServer::Mode)

namespace {

const char* const Project = "052041494800d57c2f02c00275b4c247";
const char* const Instance = "bcfa975193f1402fa11a6d4fd6baf5fbin01";
const char* const ValidId = "0a1b2c3d-aaaa-bbbb-cccc-000000000001";
constexpr int TimeoutSeconds = 5;
// The create within --timeout, then (its answer lost) one ListConnections call to reconcile, also within
// --timeout (the hostile server answers it as badly, so the first look fails and ends the reconciliation),
// plus process start, history and exit.
constexpr qint64 WallLimitMs = (2 * TimeoutSeconds + 3) * 1000;
constexpr long PeakRssLimitKiB = 100 * 1024;
// The largest honest output is a few lines; a server must not be able to fill a terminal.
constexpr qsizetype OutputLimit = 16 * 1024;

QByteArray http(const QByteArray& statusLine, const QByteArray& headers, const QByteArray& body)
{
    return statusLine + "\r\n" + headers + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" +
           body;
}

QByteArray json(const QByteArray& body)
{
    return http("HTTP/1.1 200 OK", "Content-Type: application/json\r\n", body);
}

// An escape, a bell, a title change, a right-to-left override and a line that pretends to be the CLI's own.
const QByteArray Injection = "\\u001b[31mred\\u0007\\u001b]0;pwned\\u0007\\u202e\\r\\nerror: FORGED line\\n";

// What a terminal must never get from the CLI: any control byte but the line feed (UTF-8 C1 and bidi controls
// included), or a line the CLI did not write.
QString dirtyOutput(const QByteArray& bytes)
{
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const uchar c = uchar(bytes.at(i));
        if ((c < 0x20 && c != '\n') || c == 0x7F)
            return QStringLiteral("control byte 0x%1 at %2").arg(c, 2, 16, QLatin1Char('0')).arg(i);
    }
    const QString text = QString::fromUtf8(bytes);
    for (const QChar ch : text) {
        const char16_t u = ch.unicode();
        if ((u >= 0x80 && u <= 0x9F) || (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069) ||
            u == 0x2028 || u == 0x2029)
            return QStringLiteral("control character U+%1").arg(uint(u), 4, 16, QLatin1Char('0'));
    }
    int errorLines = 0;
    for (const QByteArray& line : bytes.split('\n')) {
        if (line.startsWith("error:"))
            ++errorLines;
        if (line.trimmed().startsWith("error: FORGED"))
            return QStringLiteral("forged line: ") + QString::fromUtf8(line);
    }
    if (errorLines > 1)
        return QStringLiteral("%1 error lines").arg(errorLines);
    return QString();
}

// The output for a failure message, with every control byte shown as '?' so that a failing run cannot garble
// the test log either.
QByteArray printable(const QByteArray& bytes)
{
    QByteArray out = bytes.left(2000);
    for (char& c : out) {
        if ((uchar(c) < 0x20 && c != '\n') || uchar(c) >= 0x7F)
            c = '?';
    }
    return out;
}

long childrenPeakRssKiB()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return usage.ru_maxrss; // KiB on Linux
}

} // namespace

class TestHostile : public QObject
{
    Q_OBJECT

private:
    HostileServer m_server;
    std::unique_ptr<CliHarness> h;
    long m_baselineKiB = 0;

    QStringList createArgs() const
    {
        return {QStringLiteral("create"), QStringLiteral("--project-id"), QLatin1String(Project),
                QStringLiteral("--instance-id"), QLatin1String(Instance), QStringLiteral("--engine-type"),
                QStringLiteral("mysql"), QStringLiteral("--network-type"), QStringLiteral("rds"),
                QStringLiteral("--username"), QStringLiteral("root"), QStringLiteral("--password-stdin"),
                QStringLiteral("--timeout"), QString::number(TimeoutSeconds),
                // The hostile answers are for the create itself, not for the duplicate check's list call.
                QStringLiteral("--if-exists"), QStringLiteral("create"), QStringLiteral("--endpoint"),
                QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())};
    }

    // Runs one create; checks time, memory and output, which every case owes.
    CliHarness::Run create(qint64* elapsedMs)
    {
        QElapsedTimer timer;
        timer.start();
        // Far beyond the wall limit, so that a hang is reported as one instead of killing the test.
        const CliHarness::Run run = h->cli(createArgs(), "Gauss_2345\n", 60000);
        *elapsedMs = timer.elapsed();
        return run;
    }

    QJsonArray history()
    {
        const CliHarness::Run run = h->cli({QStringLiteral("history"), QStringLiteral("--json")});
        return QJsonDocument::fromJson(run.out).array();
    }

    // Rows for creates that got no usable answer: each is unknown or not created, with no connection ID.
    QString createdRows()
    {
        QStringList wrong;
        for (const QJsonValue& value : history()) {
            const QJsonObject row = value.toObject();
            const QString state = row.value(QLatin1String("state")).toString();
            if ((state != QLatin1String("unknown") && state != QLatin1String("not_created")) ||
                !row.value(QLatin1String("connection_id")).toString().isEmpty())
                wrong.append(QString::fromUtf8(QJsonDocument(row).toJson(QJsonDocument::Compact)));
        }
        return wrong.join(u'\n');
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.begin());
        // One honest create, for the baseline of the CLI's peak memory.
        init();
        m_server.serve(Mode::Raw, json(QByteArray("{\"connection_id\":\"") + ValidId + "\"}"));
        qint64 elapsed = 0;
        const CliHarness::Run run = create(&elapsed);
        QCOMPARE(run.exitCode, 0);
        m_baselineKiB = childrenPeakRssKiB();
        qInfo("baseline peak RSS of the CLI: %ld KiB", m_baselineKiB);
    }

    void init()
    {
        h = std::make_unique<CliHarness>();
        QVERIFY(h->isValid());
        h->environment().insert(QStringLiteral("HUAWEICLOUD_SDK_AK"), QStringLiteral("DASSANDBOXDEMOAK0001"));
        h->environment().insert(QStringLiteral("HUAWEICLOUD_SDK_SK"), QStringLiteral("any-secret"));
        // Under AddressSanitizer freed memory sits in a quarantine (256 MiB by default), and its allocator
        // hands freed pages back to the system only now and then: both would count as the CLI's peak (a lost
        // answer makes the CLI read a hostile answer twice, create then reconcile: 130-220 MiB instead of
        // 70). Without them the peak measures what the CLI holds, which is what this test bounds.
        const QString asan = h->environment().value(QStringLiteral("ASAN_OPTIONS"));
        if (!asan.isEmpty())
            h->environment().insert(
                QStringLiteral("ASAN_OPTIONS"),
                asan + QStringLiteral(":quarantine_size_mb=0:allocator_release_to_os_interval_ms=0"));
    }

    void cleanup() { h.reset(); }

    void hostileAnswer_data();
    void hostileAnswer();
    void closeDelimitedAnswerIsNeverLost();
    void redirectIsNotFollowed();
};

void TestHostile::hostileAnswer_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("mustNotAppear"); // raw server bytes that must not reach the output

    const QByteArray bigId(900 * 1024, 'a');
    QTest::newRow("control characters in connection_id")
        << Mode::Raw << json("{\"connection_id\":\"abc" + Injection + "\"}") << 5 << QByteArray("pwned\a");
    QTest::newRow("control characters in error fields")
        << Mode::Raw
        << http("HTTP/1.1 400 Bad Request",
                "Content-Type: application/json\r\nX-Request-Id: hdr\x1b[2Jid\r\n",
                "{\"error_code\":\"DAS.200100" + Injection + "\",\"error_msg\":\"bad" + Injection + "\"}")
        << 4 << QByteArray("\x1b[2J");
    QTest::newRow("control characters in request_id")
        << Mode::Raw
        << http("HTTP/1.1 401 Unauthorized", "Content-Type: application/json\r\n",
                "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"x\",\"request_id\":\"r" + Injection + "\"}")
        << 3 << QByteArray();
    QTest::newRow("900 KB connection_id")
        << Mode::Raw << json("{\"connection_id\":\"" + bigId + "\"}") << 5 << QByteArray(400, 'a');
    QTest::newRow("huge body") << Mode::Raw << json(QByteArray(8 * 1024 * 1024, ' ') + "{}") << 5
                               << QByteArray();
    QTest::newRow("endless body") << Mode::EndlessBody << QByteArray() << 5 << QByteArray();
    QTest::newRow("declared length far over the cap")
        << Mode::Raw
        << QByteArray(
               "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000000000000\r\n\r\n{")
        << 5 << QByteArray();
    QTest::newRow("slow headers") << Mode::SlowHeaders << QByteArray() << 5 << QByteArray();
    QTest::newRow("20 MB header line") << Mode::HugeHeaderLine << QByteArray() << 5 << QByteArray();
    QTest::newRow("HTML 502") << Mode::Raw
                              << http("HTTP/1.1 502 Bad Gateway", "Content-Type: text/html\r\n",
                                      "<html><body>\x1b[5m\r\nerror: FORGED line\r\n</body></html>")
                              << 5 << QByteArray("\x1b[5m");
    QTest::newRow("non-UTF-8 body") << Mode::Raw
                                    << json("\xff\xfe\x1b[1m\xc0\x80\x9b"
                                            "31m")
                                    << 5 << QByteArray("\x9b");
    QTest::newRow("non-UTF-8 error_msg")
        << Mode::Raw
        << http("HTTP/1.1 400 Bad Request", "Content-Type: application/json\r\n",
                "{\"error_code\":\"DAS.299999\",\"error_msg\":\"bad \xff\xfe\xc2\x9b"
                "31m \xc0\x80\"}")
        << 4 << QByteArray("\xc2\x9b");
    QTest::newRow("close-delimited body cut by a reset")
        << Mode::RawThenReset
        << QByteArray("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n{\"connection_id\":\"0a1b2c")
        << 5 << QByteArray();
}

void TestHostile::hostileAnswer()
{
    QFETCH(Mode, mode);
    QFETCH(QByteArray, answer);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, mustNotAppear);
    m_server.serve(mode, answer);
    qint64 elapsed = 0;
    const CliHarness::Run run = create(&elapsed);
    const QByteArray output = run.out + run.err;
    QVERIFY2(run.exitCode == exitCode, printable(output).constData());
    QVERIFY2(elapsed <= WallLimitMs, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
    const long peak = childrenPeakRssKiB();
    // The bound is the Release build's (about 41 MiB for the 20 MB header line, read twice: create, then
    // reconcile). Under AddressSanitizer (the second run of scripts/test sets ASAN_OPTIONS) redzones, shadow
    // memory and its allocator make the same work 2-3 times as resident, so there the bound is loosened,
    // still catching a runaway read.
    const long scale = qEnvironmentVariableIsSet("ASAN_OPTIONS") ? 3 : 1;
    QVERIFY2(peak < scale * PeakRssLimitKiB && peak < m_baselineKiB + scale * 64 * 1024,
             qPrintable(QStringLiteral("peak RSS %1 KiB, baseline %2 KiB").arg(peak).arg(m_baselineKiB)));
    const QString dirt = dirtyOutput(output);
    QVERIFY2(dirt.isEmpty(),
             qPrintable(dirt + QStringLiteral("\n") + QString::fromLatin1(printable(output))));
    QVERIFY2(output.size() < OutputLimit, qPrintable(QString::number(output.size())));
    if (!mustNotAppear.isEmpty())
        QVERIFY(!output.contains(mustNotAppear));
    QVERIFY2(run.err.contains("error: "), printable(run.err).constData());
    QCOMPARE(history().size(), 1);
    QCOMPARE(createdRows(), QString());
    qInfo("%s: exit %d in %lld ms, peak RSS of the CLIs so far %ld KiB", QTest::currentDataTag(),
          run.exitCode, elapsed, peak);
}

// HTTP/1.0 ends the body by closing the connection; the whole answer is there every time.
void TestHostile::closeDelimitedAnswerIsNeverLost()
{
    const QByteArray answer = QByteArray("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n") +
                              "{\"connection_id\":\"" + ValidId + "\",\"request_id\":\"r1\"}";
    m_server.serve(Mode::Raw, answer);
    constexpr int Runs = 50;
    for (int i = 0; i < Runs; ++i) {
        qint64 elapsed = 0;
        const CliHarness::Run run = create(&elapsed);
        QVERIFY2(run.exitCode == 0,
                 qPrintable(QStringLiteral("run %1: ").arg(i) + QString::fromUtf8(run.err)));
        QCOMPARE(run.out, QByteArray(ValidId) + '\n');
    }
    const QJsonArray rows = history();
    QCOMPARE(rows.size(), Runs);
    QCOMPARE(rows.at(0).toObject().value(QStringLiteral("connection_id")).toString(), QLatin1String(ValidId));
}

void TestHostile::redirectIsNotFollowed()
{
    const int before = m_server.requestCount();
    m_server.serve(Mode::Raw, http("HTTP/1.1 307 Temporary Redirect",
                                   QByteArray("Location: http://127.0.0.1:") +
                                       QByteArray::number(m_server.port()) + "/again\x1b[2J\r\n",
                                   QByteArray()));
    qint64 elapsed = 0;
    const CliHarness::Run run = create(&elapsed);
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains("redirect"), printable(run.err).constData());
    QVERIFY2(dirtyOutput(run.out + run.err).isEmpty(), printable(run.err).constData());
    QCOMPARE(m_server.requestCount() - before, 1);
    QCOMPARE(history().size(), 1);
    QCOMPARE(createdRows(), QString());
}

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
