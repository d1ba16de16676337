// HttpRequestParser on its own: splits at every byte, pipelined bytes, every limit and every framing it
// refuses.
#include "HttpRequestParser.h"

#include <QTest>

using namespace das;
using State = HttpRequestParser::State;

namespace {

const QByteArray Post = "POST /v3/p%30/instances/i?b=2&a=1 HTTP/1.1\r\n"
                        "Host: 127.0.0.1:8080\r\n"
                        "content-TYPE:  application/json \t\r\n"
                        "Content-Length: 11\r\n"
                        "\r\n"
                        "{\"a\":\"b c\"}";

void checkPost(const HttpRequest& r)
{
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.target, QByteArray("/v3/p%30/instances/i?b=2&a=1"));
    QCOMPARE(r.path, QByteArray("/v3/p%30/instances/i")); // raw: never decoded
    QCOMPARE(r.query, QByteArray("b=2&a=1"));
    QCOMPARE(r.version, QByteArray("HTTP/1.1"));
    QCOMPARE(r.headers.size(), 3);
    QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(r.headers.at(1).first, QByteArray("content-TYPE"));
    QVERIFY(r.hasHeader("HOST"));
    QVERIFY(!r.hasHeader("X-Missing"));
    QCOMPARE(r.body, QByteArray("{\"a\":\"b c\"}"));
}

} // namespace

class TestHttpRequestParser : public QObject
{
    Q_OBJECT

private slots:
    void byteByByte()
    {
        HttpRequestParser parser;
        QVERIFY(!parser.started());
        for (qsizetype i = 0; i < Post.size() - 1; ++i)
            QCOMPARE(parser.feed(Post.mid(i, 1)), State::NeedMore);
        QVERIFY(parser.started());
        QCOMPARE(parser.feed(Post.right(1)), State::Complete);
        checkPost(parser.request());
        QVERIFY(parser.unconsumed().isEmpty());
    }

    void everySplitPoint()
    {
        for (qsizetype i = 0; i <= Post.size(); ++i) {
            HttpRequestParser parser;
            const State first = parser.feed(Post.left(i));
            QCOMPARE(first, i == Post.size() ? State::Complete : State::NeedMore);
            QCOMPARE(parser.feed(Post.mid(i)), State::Complete);
            checkPost(parser.request());
        }
    }

    void pipelinedBytesAreLeftOver()
    {
        const QByteArray next = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
        HttpRequestParser parser;
        QCOMPARE(parser.feed(Post + next), State::Complete);
        checkPost(parser.request());
        QCOMPARE(parser.unconsumed(), next);
        // Later bytes change nothing.
        QCOMPARE(parser.feed("garbage\r\n\r\n"), State::Complete);
        QCOMPARE(parser.unconsumed(), next);
        checkPost(parser.request());
    }

    void requestWithoutBody()
    {
        HttpRequestParser parser;
        QCOMPARE(parser.feed("GET / HTTP/1.0\r\n\r\n"), State::Complete); // 1.0 needs no Host
        QCOMPARE(parser.request().path, QByteArray("/"));
        QVERIFY(parser.request().query.isEmpty());
        QVERIFY(parser.request().body.isEmpty());
    }

    void headerBytesLimit()
    {
        HttpLimits limits;
        limits.maxHeaderBytes = 64;
        const QByteArray head = "GET / HTTP/1.1\r\nHost: h\r\nX: ";
        const QByteArray atLimit = head + QByteArray(64 - head.size() - 4, 'a') + "\r\n\r\n";
        QCOMPARE(atLimit.size(), 64);
        HttpRequestParser fits(limits);
        QCOMPARE(fits.feed(atLimit), State::Complete);

        HttpRequestParser over(limits);
        QCOMPARE(over.feed(head + QByteArray(64 - head.size() - 3, 'a') + "\r\n\r\n"), State::Error);
        QCOMPARE(over.errorStatus(), 431);

        // Without a blank line, refused as soon as the limit is passed, not when the peer stops.
        HttpRequestParser endless(limits);
        int fed = 0;
        while (endless.feed("a") == State::NeedMore)
            ++fed;
        QCOMPARE(fed, 64);
        QCOMPARE(endless.errorStatus(), 431);
        QCOMPARE(endless.feed("\r\n\r\n"), State::Error);
    }

    void headerCountLimit()
    {
        HttpLimits limits;
        limits.maxHeaderCount = 3;
        const QByteArray three = "GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\n";
        HttpRequestParser fits(limits);
        QCOMPARE(fits.feed(three + "\r\n"), State::Complete);
        HttpRequestParser over(limits);
        QCOMPARE(over.feed(three + "C: 3\r\n\r\n"), State::Error);
        QCOMPARE(over.errorStatus(), 431);
    }

    void bodyLimitFromContentLengthAlone()
    {
        HttpLimits limits;
        limits.maxBodyBytes = 10;
        HttpRequestParser fits(limits);
        QCOMPARE(fits.feed("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\n0123456789"),
                 State::Complete);
        QCOMPARE(fits.request().body, QByteArray("0123456789"));

        // No body byte has been sent: the declared length is enough.
        HttpRequestParser over(limits);
        QCOMPARE(over.feed("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\n"), State::Error);
        QCOMPARE(over.errorStatus(), 413);

        HttpRequestParser huge(limits);
        QCOMPARE(huge.feed("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999999999999999\r\n\r\n"),
                 State::Error);
        QCOMPARE(huge.errorStatus(), 413);
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        const QByteArray get = "GET / HTTP/1.1\r\nHost: h\r\n";
        QTest::newRow("two Content-Length")
            << get + "Content-Length: 1\r\nContent-Length: 2\r\n\r\nab" << 400;
        QTest::newRow("same Content-Length twice")
            << get + "Content-Length: 1\r\ncontent-length: 1\r\n\r\na" << 400;
        QTest::newRow("Content-Length list") << get + "Content-Length: 1, 1\r\n\r\na" << 400;
        QTest::newRow("signed Content-Length") << get + "Content-Length: +1\r\n\r\na" << 400;
        QTest::newRow("negative Content-Length") << get + "Content-Length: -1\r\n\r\n" << 400;
        QTest::newRow("empty Content-Length") << get + "Content-Length:\r\n\r\n" << 400;
        QTest::newRow("Transfer-Encoding") << get + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n" << 501;
        QTest::newRow("bare LF") << QByteArray("GET / HTTP/1.1\nHost: h\r\n\r\n") << 400;
        QTest::newRow("bare CR") << QByteArray("GET / HTTP/1.1\r\nHost: h\rX: y\r\n\r\n") << 400;
        QTest::newRow("obs-fold") << get + "X: a\r\n b\r\n\r\n" << 400;
        QTest::newRow("blank before colon") << get + "X : a\r\n\r\n" << 400;
        QTest::newRow("no colon") << get + "X\r\n\r\n" << 400;
        QTest::newRow("NUL in value") << get + QByteArray("X: a\0b\r\n\r\n", 10) << 400;
        QTest::newRow("escape in value") << get + "X: a\x1b[2Jb\r\n\r\n" << 400;
        QTest::newRow("no Host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("two Host") << get + "Host: other\r\n\r\n" << 400;
        QTest::newRow("absolute form") << QByteArray("GET http://h/ HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
        QTest::newRow("asterisk") << QByteArray("OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
        QTest::newRow("fragment") << QByteArray("GET /a#b HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
        QTest::newRow("non-ASCII target") << QByteArray("GET /\xc3\xa9 HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
        QTest::newRow("two spaces") << QByteArray("GET  / HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
        QTest::newRow("method not a token") << QByteArray("G(T / HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
        QTest::newRow("leading blank line") << QByteArray("\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
        QTest::newRow("HTTP/2.0") << QByteArray("GET / HTTP/2.0\r\nHost: h\r\n\r\n") << 505;
        QTest::newRow("not HTTP") << QByteArray("GET / FTP/1.1\r\nHost: h\r\n\r\n") << 400;
    }

    void refused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        HttpRequestParser parser;
        QCOMPARE(parser.feed(bytes), State::Error);
        QCOMPARE(parser.errorStatus(), status);
        QVERIFY(!parser.errorReason().isEmpty());
        QVERIFY(!parser.errorReason().contains('\n'));
        // Fed byte by byte, the verdict is the same.
        HttpRequestParser slow;
        State state = State::NeedMore;
        for (qsizetype i = 0; i < bytes.size() && state == State::NeedMore; ++i)
            state = slow.feed(bytes.mid(i, 1));
        QCOMPARE(state, State::Error);
        QCOMPARE(slow.errorStatus(), status);
        QCOMPARE(slow.feed("more"), State::Error);
    }
};

QTEST_GUILESS_MAIN(TestHttpRequestParser)
#include "tst_httprequestparser.moc"
