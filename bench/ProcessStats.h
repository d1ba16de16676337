#pragma once

// What /proc tells about a process and this machine, for the benchmarks that run a server as a child
// (bench_sandbox): Linux only.
#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

#include <sys/resource.h>
#include <unistd.h>

#include <utility>

namespace das::bench {

// VmRSS and VmHWM of `pid`, in KiB.
inline std::pair<qint64, qint64> memoryOf(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    qint64 rss = 0;
    qint64 hwm = 0;
    if (!status.open(QIODevice::ReadOnly))
        return {0, 0};
    for (const QByteArray& line : status.readAll().split('\n')) {
        const QList<QByteArray> words = line.simplified().split(' ');
        if (words.size() >= 2 && words.at(0) == "VmRSS:")
            rss = words.at(1).toLongLong();
        else if (words.size() >= 2 && words.at(0) == "VmHWM:")
            hwm = words.at(1).toLongLong();
    }
    return {rss, hwm};
}

// User + system CPU seconds of `pid` (/proc/<pid>/stat fields 14 and 15, after the command in brackets).
inline double cpuSecondsOf(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

inline double ownCpuSeconds()
{
    struct rusage usage
    {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// Whether the only listening socket on `port` is bound to 127.0.0.1 (/proc/net/tcp and tcp6, state 0A).
inline bool listensOnLoopbackOnly(quint16 port)
{
    const QByteArray suffix = ':' + QByteArray::number(port, 16).toUpper().rightJustified(4, '0');
    int loopback = 0;
    int other = 0;
    for (const QString& table : {QStringLiteral("/proc/net/tcp"), QStringLiteral("/proc/net/tcp6")}) {
        QFile file(table);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray& line : file.readAll().split('\n')) {
            const QList<QByteArray> f = line.simplified().split(' ');
            if (f.size() < 4 || f.at(3) != "0A" || !f.at(1).endsWith(suffix))
                continue;
            (f.at(1) == "0100007F" + suffix ? loopback : other) += 1;
        }
    }
    return loopback == 1 && other == 0;
}

// The 1, 5 and 15 minute load averages, as /proc/loadavg has them.
inline QByteArray loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? file.readAll().split(' ').mid(0, 3).join(' ') : QByteArray("?");
}

} // namespace das::bench
