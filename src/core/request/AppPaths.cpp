#include "AppPaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <atomic>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace das {

namespace {

constexpr QFile::Permissions PrivateFile = QFile::ReadOwner | QFile::WriteOwner;
constexpr QFile::Permissions PrivateDir = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;

std::atomic<bool> g_historyCompactedOnClose{true};

QString shown(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

#ifdef Q_OS_UNIX
QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

// Gives `path` exactly `mode` (permission bits) and checks that it took: it must be ours (tightening another
// user's file would be wrong even where we could), and some file systems accept a chmod and ignore it.
bool setExactMode(const QString& path, mode_t mode, QString* error)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat st
    {};
    if (::stat(native.constData(), &st) != 0) {
        *error = AppPaths::tr("%1 cannot be checked: %2").arg(shown(path), systemError());
        return false;
    }
    if (st.st_uid != ::geteuid()) {
        *error = AppPaths::tr("%1 belongs to another user; DAS Connect keeps its files only where they are "
                              "yours alone.")
                     .arg(shown(path));
        return false;
    }
    if ((st.st_mode & 0777) != mode && ::chmod(native.constData(), mode) != 0) {
        *error = AppPaths::tr("%1 cannot be made private (mode %2): %3")
                     .arg(shown(path), QString::number(mode, 8), systemError());
        return false;
    }
    if (::stat(native.constData(), &st) != 0 || (st.st_mode & 0777) != mode) {
        *error = AppPaths::tr("%1 keeps mode %2 instead of %3, so other users could read it.")
                     .arg(shown(path), QString::number(st.st_mode & 0777, 8), QString::number(mode, 8));
        return false;
    }
    return true;
}
#endif

bool setPrivate(const QString& path, QFile::Permissions permissions, QString* error)
{
    QString ignored;
    if (!error)
        error = &ignored;
#ifdef Q_OS_UNIX
    return setExactMode(path, permissions == PrivateDir ? 0700 : 0600, error);
#else
    if (!QFile::setPermissions(path, permissions)) {
        *error = AppPaths::tr("%1 cannot be made private.").arg(shown(path));
        return false;
    }
    return true;
#endif
}

// QDir::mkpath would create the missing parents with the umask's mode; each is made 0700 here instead, as
// the XDG base directory specification asks for the folders it names.
bool makeDirs(const QString& path)
{
    const QFileInfo info(path);
    if (info.isDir())
        return true;
    const QString parent = info.absolutePath();
    if (parent != info.absoluteFilePath() && !makeDirs(parent))
        return false;
    return QDir().mkdir(info.absoluteFilePath(), PrivateDir) || QFileInfo(path).isDir();
}

} // namespace

void AppPaths::setupApplication()
{
#ifdef Q_OS_UNIX
    // Everything the app and the CLI write is for this user alone: the history with its -wal, -shm and
    // -journal side files, the settings file with its lock and temporary files, exports. Several of those are
    // created by libraries (SQLite, QSaveFile, QLockFile) with the umask's mode, which is usually 022 and so
    // readable by everyone until something tightens them, if anything does. With 077 they are private from
    // the first byte.
    ::umask(077);
#endif
    QCoreApplication::setOrganizationName(QString());
    // With no organisation name, QSettings on Linux files under the domain:
    // ~/.config/das-connect/das-connect.conf
    QCoreApplication::setOrganizationDomain(QStringLiteral("das-connect"));
    QCoreApplication::setApplicationName(QLatin1String(ApplicationName));
    QCoreApplication::setApplicationVersion(QStringLiteral(DAS_CONNECT_VERSION));
}

bool AppPaths::ensurePrivateDir(const QString& path, QString* error)
{
    if (!makeDirs(path)) {
        if (error)
            *error = tr("The folder %1 cannot be created.").arg(shown(path));
        return false;
    }
    return setPrivate(path, PrivateDir, error);
}

bool AppPaths::makePrivateFile(const QString& path, QString* error)
{
    return setPrivate(path, PrivateFile, error);
}

bool AppPaths::createPrivateFile(const QString& path, QString* error)
{
    QString ignored;
    if (!error)
        error = &ignored;
#ifdef Q_OS_UNIX
    // O_EXCL: an existing file (or a link in its place) is left to the checks that follow.
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        ::close(fd);
        return true;
    }
    if (errno == EEXIST)
        return true;
    *error = tr("%1 cannot be created: %2").arg(shown(path), systemError());
    return false;
#else
    if (QFileInfo::exists(path))
        return true;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, PrivateFile)) {
        *error = tr("%1 cannot be created: %2").arg(shown(path), file.errorString());
        return false;
    }
    return true;
#endif
}

QString AppPaths::dataDir()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    ensurePrivateDir(dir);
    return dir;
}

QString AppPaths::historyDatabasePath()
{
    return dataDir() + QStringLiteral("/history.sqlite");
}

void AppPaths::setHistoryCompactedOnClose(bool compacted)
{
    g_historyCompactedOnClose = compacted;
}

bool AppPaths::historyCompactedOnClose()
{
    return g_historyCompactedOnClose;
}

} // namespace das
