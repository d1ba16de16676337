#include "AppPaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace das {

void AppPaths::setupApplication()
{
    QCoreApplication::setOrganizationName(QString());
    // With no organisation name, QSettings on Linux files under the domain:
    // ~/.config/das-connect/das-connect.conf
    QCoreApplication::setOrganizationDomain(QStringLiteral("das-connect"));
    QCoreApplication::setApplicationName(QLatin1String(ApplicationName));
    QCoreApplication::setApplicationVersion(QStringLiteral(DAS_CONNECT_VERSION));
}

bool AppPaths::ensurePrivateDir(const QString& path)
{
    QDir dir(path);
    if (!dir.exists() && !QDir().mkpath(path))
        return false;
    return QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

bool AppPaths::makePrivateFile(const QString& path)
{
    return QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
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

} // namespace das
