#include "BatchPasswords.h"

#include "BoundedRead.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace das {

namespace {

constexpr qint64 MaxFileBytes = 1024 * 1024;

QString shown(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

// Overwrites the characters of a password this object alone holds before letting it go; a shared copy
// (someone else's) is left alone, since writing to it would only detach a fresh copy to overwrite.
void wipe(QString& secret)
{
    if (!secret.isEmpty() && secret.isDetached())
        secret.fill(QChar(u'\0'));
    secret.clear();
}

void wipe(QHash<QString, QString>& secrets)
{
    for (auto it = secrets.begin(); it != secrets.end(); ++it)
        wipe(it.value());
    secrets.clear();
}

// A key as JSON writes it (quoted, control characters escaped), so that it cannot break the message's line.
QString quoted(const QString& key)
{
    const QByteArray object = QJsonDocument(QJsonObject{{key, 0}}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(object.mid(1, object.lastIndexOf(':') - 1)); // {"key":0} -> "key"
}

#ifdef Q_OS_UNIX
// The rules a passwords file must meet before a byte of it is read, checked on the descriptor that is then
// read, so that what is checked is what is read (a file renamed into place after the check is never seen): a
// regular file (never a FIFO or device, which could block or never end), the user's own, readable by nobody
// else. The same rules ssh applies to a private key. Returns the open descriptor, or -1.
int openPrivate(const QString& path, QString* error)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        *error = BatchPasswords::tr("The passwords file %1 cannot be read: %2")
                     .arg(shown(path), QString::fromLocal8Bit(std::strerror(errno)));
        return -1;
    }
    struct stat st
    {};
    const bool statted = ::fstat(fd, &st) == 0;
    const auto refuse = [fd] {
        ::close(fd);
        return -1;
    };
    if (!statted || !S_ISREG(st.st_mode)) {
        *error =
            BatchPasswords::tr("The passwords file %1 is not a regular file (a pipe, device or folder is "
                               "not read).")
                .arg(shown(path));
        return refuse();
    }
    if (st.st_uid != ::getuid()) {
        *error = BatchPasswords::tr("The passwords file %1 belongs to another user; it must be your own.")
                     .arg(shown(path));
        return refuse();
    }
    if ((st.st_mode & 077) != 0) {
        *error = BatchPasswords::tr("The passwords file %1 can be read or changed by other users (mode %2); "
                                    "make it private first: chmod 600 %1")
                     .arg(shown(path), QString::number(st.st_mode & 0777, 8));
        return refuse();
    }
    return fd;
}

// At most MaxFileBytes from the checked descriptor (a file that grew past it is refused, not cut).
std::optional<QByteArray> readPrivate(int fd, const QString& path, QString* error)
{
    QFile file;
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        *error = BatchPasswords::tr("The passwords file %1 cannot be read: %2")
                     .arg(shown(path), file.errorString());
        return std::nullopt;
    }
    const QByteArray bytes = file.read(MaxFileBytes + 1);
    if (bytes.size() > MaxFileBytes) {
        *error = BatchPasswords::tr("The passwords file %1 cannot be read: %2")
                     .arg(shown(path), BoundedRead::describeLimit(MaxFileBytes));
        return std::nullopt;
    }
    return bytes;
}
#endif

} // namespace

bool BatchPasswords::loadFile(const QString& path, QString* error)
{
    QString ignored;
    if (!error)
        error = &ignored;
#ifdef Q_OS_UNIX
    const int fd = openPrivate(path, error);
    if (fd < 0)
        return false;
    const std::optional<QByteArray> bytes = readPrivate(fd, path, error);
#else
    const std::optional<QByteArray> bytes = BoundedRead::file(path, MaxFileBytes, error);
#endif
    if (!bytes)
        return false;
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &parseError);
    // Qt's parse message names the kind of mistake and an offset, never the text around it.
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = tr("The passwords file %1 must be a JSON object mapping \"username\" or "
                    "\"instance_id/username\" to a password: %2")
                     .arg(shown(path), parseError.error != QJsonParseError::NoError
                                           ? parseError.errorString()
                                           : tr("the file holds another JSON value"));
        return false;
    }
    QHash<QString, QString> byUser;
    QHash<QString, QString> byInstanceUser;
    const QJsonObject object = doc.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        const bool scoped = key.contains(u'/');
        const bool usable = !key.isEmpty() && !key.startsWith(u'/') && !key.endsWith(u'/');
        if (!usable || !it.value().isString() || it.value().toString().isEmpty()) {
            wipe(byUser);
            wipe(byInstanceUser);
            // The key is a user name (and instance), so it may be shown; the value never is.
            *error =
                tr("The passwords file %1: the entry %2 must map \"username\" or \"instance_id/username\" "
                   "to a non-empty string.")
                    .arg(shown(path), quoted(key));
            return false;
        }
        (scoped ? byInstanceUser : byUser).insert(key, it.value().toString());
    }
    for (auto it = byUser.cbegin(); it != byUser.cend(); ++it)
        m_byUser.insert(it.key(), it.value());
    for (auto it = byInstanceUser.cbegin(); it != byInstanceUser.cend(); ++it)
        m_byInstanceUser.insert(it.key(), it.value());
    return true;
}

QString BatchPasswords::forRow(const ConnectionRequest& request) const
{
    const QString scoped = m_byInstanceUser.value(request.instanceId + u'/' + request.username);
    if (!scoped.isEmpty())
        return scoped;
    const QString byUser = m_byUser.value(request.username);
    return byUser.isEmpty() ? m_common : byUser;
}

void BatchPasswords::clear()
{
    wipe(m_common);
    wipe(m_byUser);
    wipe(m_byInstanceUser);
}

} // namespace das
