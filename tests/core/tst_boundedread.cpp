// BoundedRead: untrusted files and streams are read only when regular, and never past their limit.
#include "BoundedRead.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <sys/stat.h>

using namespace das;

class TestBoundedRead : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString& name, const QByteArray& data)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
            return QString();
        return f.fileName();
    }

private slots:
    void regularFileWithinTheLimit()
    {
        const QString path = write(QStringLiteral("ok.yaml"), QByteArray(1000, 'a'));
        QString error;
        const auto data = BoundedRead::file(path, 1000, &error);
        QVERIFY2(data.has_value(), qPrintable(error));
        QCOMPARE(data->size(), 1000);
    }

    void largerFileRefusedNamingFileAndLimit()
    {
        const QString path = write(QStringLiteral("big.yaml"), QByteArray(2 * 1024 * 1024 + 1, 'a'));
        QString error;
        QVERIFY(!BoundedRead::file(path, 1024 * 1024, &error).has_value());
        QVERIFY2(error.contains(QStringLiteral("big.yaml")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("1 MiB")), qPrintable(error));
    }

    void fifoRefusedWithoutBlocking()
    {
        const QString path = m_dir.filePath(QStringLiteral("fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        QElapsedTimer timer;
        timer.start();
        QString error;
        QVERIFY(!BoundedRead::file(path, 1024, &error).has_value()); // no writer: a plain open would block
        QVERIFY(timer.elapsed() < 5000);
        QVERIFY2(error.contains(QStringLiteral("not a regular file")), qPrintable(error));
    }

    void directoryAndMissingFileRefused()
    {
        QString error;
        QVERIFY(!BoundedRead::file(m_dir.path(), 1024, &error).has_value());
        QVERIFY2(error.contains(QStringLiteral("not a regular file")), qPrintable(error));
        QVERIFY(!BoundedRead::file(m_dir.filePath(QStringLiteral("missing")), 1024, &error).has_value());
        QVERIFY2(error.contains(QStringLiteral("missing")), qPrintable(error));
    }

    void lineWithinTheLimit()
    {
        QByteArray input = "secret-pass\r\nnext\n";
        QTextStream in(&input);
        QString error;
        QCOMPARE(BoundedRead::line(in, 11, QStringLiteral("the password"), &error).value_or(QString()),
                 QStringLiteral("secret-pass"));
    }

    void overlongLineRefusedAndNotReadWhole()
    {
        QByteArray input(10 * 1024 * 1024, 'x');
        QBuffer buffer(&input);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        QTextStream in(&buffer);
        QString error;
        QVERIFY(!BoundedRead::line(in, 1024, QStringLiteral("the password from stdin"), &error).has_value());
        QVERIFY2(error.contains(QStringLiteral("the password from stdin")) &&
                     error.contains(QStringLiteral("1024")),
                 qPrintable(error));
        QVERIFY2(buffer.pos() < 1024 * 1024, "the whole line was read"); // bounded, not read to its end
    }
};

QTEST_GUILESS_MAIN(TestBoundedRead)
#include "tst_boundedread.moc"
