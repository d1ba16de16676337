#include "BoundedRead.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace das {

namespace {

constexpr qint64 ChunkBytes = 64 * 1024;

QString shown(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

// Opens without ever blocking: on POSIX the file is opened non-blocking and checked with fstat, so a FIFO
// swapped in after a check cannot hang the open.
bool openRegular(QFile& file, const QString& path, QString* error)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        *error = BoundedRead::tr("%1 cannot be read: %2")
                     .arg(shown(path), QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    struct stat st
    {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        *error = BoundedRead::tr("%1 is not a regular file (a pipe, device or directory is not read).")
                     .arg(shown(path));
        return false;
    }
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        *error = BoundedRead::tr("%1 cannot be read: %2").arg(shown(path), file.errorString());
        return false;
    }
    return true;
#else
    if (!QFileInfo(path).isFile()) {
        *error = BoundedRead::tr("%1 is not a regular file (a pipe, device or directory is not read).")
                     .arg(shown(path));
        return false;
    }
    file.setFileName(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = BoundedRead::tr("%1 cannot be read: %2").arg(shown(path), file.errorString());
        return false;
    }
    return true;
#endif
}

} // namespace

std::optional<QByteArray> BoundedRead::file(const QString& path, qint64 maxBytes, QString* error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    QFile file;
    if (!openRegular(file, path, error))
        return std::nullopt;
    QByteArray data;
    while (true) {
        const QByteArray chunk = file.read(qMin(ChunkBytes, maxBytes + 1 - data.size()));
        if (chunk.isEmpty())
            break;
        data += chunk;
        if (data.size() > maxBytes) {
            *error = tr("%1 is larger than %2; it is not read.").arg(shown(path), describeLimit(maxBytes));
            return std::nullopt;
        }
    }
    if (file.error() != QFileDevice::NoError) {
        *error = tr("%1 cannot be read: %2").arg(shown(path), file.errorString());
        return std::nullopt;
    }
    return data;
}

std::optional<QString> BoundedRead::line(QTextStream& in, int maxChars, const QString& what, QString* error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    // readLine(n) stops after n characters even without a line break, so at most one more than the limit is
    // ever held; the rest of an overlong line is left unread.
    QString text = in.readLine(qint64(maxChars) + 1);
    if (text.endsWith(u'\r'))
        text.chop(1);
    if (text.size() > maxChars) {
        text.fill(u'\0');
        *error = tr("%1 is longer than %2 characters; it is not read.").arg(what, QString::number(maxChars));
        return std::nullopt;
    }
    return text;
}

QString BoundedRead::describeLimit(qint64 bytes)
{
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0)
        return tr("%1 MiB").arg(bytes / (1024 * 1024));
    if (bytes >= 1024 && bytes % 1024 == 0)
        return tr("%1 KiB").arg(bytes / 1024);
    return tr("%1 bytes").arg(bytes);
}

} // namespace das
