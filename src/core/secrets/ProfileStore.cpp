#include "ProfileStore.h"

#include "AppPaths.h"
#include "EndpointResolver.h"
#include "RequestValidator.h"
#include "ServerText.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>

namespace das {

namespace {

const QLatin1String Group("profiles");
const QLatin1String AuthKey("auth");
const QLatin1String AccessKeyKey("access_key");
const QLatin1String RegionKey("region");
const QLatin1String EndpointKey("endpoint");
const QLatin1String ProjectIdKey("project_id");

QString groupOf(const QString& name)
{
    return Group + QLatin1Char('/') + name;
}

bool nameLess(const QString& a, const QString& b)
{
    const int c = a.compare(b, Qt::CaseInsensitive);
    return c != 0 ? c < 0 : a < b;
}

// Shared directories (~/.config, $HOME, /tmp) are never chmod-ed; an app-specific one is.
bool isOwnDirectory(const QString& dir)
{
    const QString clean = QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
    const QStringList shared = {
        QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation),
        QDir::homePath(),
        QDir::tempPath(),
        QDir::rootPath(),
    };
    return std::none_of(shared.begin(), shared.end(),
                        [&](const QString& s) { return !s.isEmpty() && QDir::cleanPath(s) == clean; });
}

// An INI text file, which an empty file created beforehand is a valid start of (unlike the registry on
// Windows or a property list on macOS).
bool writesIniFile(const QSettings& settings)
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    const bool nativeIsIni = true;
#else
    const bool nativeIsIni = false;
#endif
    return nativeIsIni || settings.format() == QSettings::IniFormat;
}

} // namespace

ProfileStore::ProfileStore(QSettings* settings)
    : m_settings(settings)
{}

QSettings& ProfileStore::settings() const
{
    if (!m_settings) {
        m_owned = std::make_unique<QSettings>();
        m_settings = m_owned.get();
    }
    return *m_settings;
}

ProfileStore::~ProfileStore() = default;

QString ProfileStore::fileName() const
{
    return settings().fileName();
}

QStringList ProfileStore::names() const
{
    settings().beginGroup(Group);
    QStringList out = settings().childGroups();
    settings().endGroup();
    std::sort(out.begin(), out.end(), nameLess);
    return out;
}

QList<Profile> ProfileStore::profiles() const
{
    QList<Profile> out;
    const QStringList all = names();
    for (const QString& name : all)
        out.append(profile(name));
    return out;
}

bool ProfileStore::contains(const QString& name) const
{
    return !name.isEmpty() && names().contains(name);
}

Profile ProfileStore::profile(const QString& name) const
{
    Profile p;
    if (!contains(name))
        return p;
    settings().beginGroup(groupOf(name));
    p.name = name;
    if (!Profile::parseAuth(settings().value(AuthKey).toString(), &p.auth))
        p.auth = Profile::AuthMethod::AkSk;
    p.accessKey = settings().value(AccessKeyKey).toString();
    p.region = settings().value(RegionKey).toString();
    p.endpoint = settings().value(EndpointKey).toString();
    p.projectId = settings().value(ProjectIdKey).toString();
    settings().endGroup();
    return p;
}

bool ProfileStore::isValidName(const QString& name, QString* error)
{
    QString problem;
    if (name.isEmpty()) {
        problem = tr("Profile name is required.");
    } else if (name.size() > MaxNameLength) {
        problem =
            tr("Profile name must be at most %1 characters (it has %2).").arg(MaxNameLength).arg(name.size());
    } else if (name.front().isSpace() || name.back().isSpace()) {
        problem = tr("Profile name must not start or end with a space.");
    } else {
        for (const QChar c : name) {
            const bool allowed =
                c.isLetter() || c.isDigit() || c == u'-' || c == u'_' || c == u'.' || c == u' ';
            if (!allowed) {
                problem = tr("Profile name \"%1\" may contain only letters, digits, '-', '_', '.' and spaces "
                             "(not '%2').")
                              .arg(ServerText::clean(name, ServerText::MaxMessageChars),
                                   ServerText::clean(QString(c), ServerText::MaxMessageChars));
                break;
            }
        }
    }
    if (problem.isEmpty())
        return true;
    if (error)
        *error = problem;
    return false;
}

QString ProfileStore::quotedNames(const QStringList& names)
{
    QStringList quoted;
    for (const QString& n : names)
        quoted.append(QLatin1Char('"') + n + QLatin1Char('"'));
    return quoted.join(QStringLiteral(", "));
}

bool ProfileStore::validate(const Profile& p, QString* error)
{
    QStringList problems;
    QString nameError;
    if (!isValidName(p.name, &nameError))
        problems.append(nameError);

    if (p.usesAccessKey()) {
        const QString ak = p.accessKey.trimmed();
        if (ak.isEmpty())
            problems.append(tr("Access key (AK) is required for AK/SK authentication."));
        else if (ak.size() > MaxAccessKeyLength)
            problems.append(tr("Access key (AK) must be at most %1 characters.").arg(MaxAccessKeyLength));
        else if (std::any_of(ak.begin(), ak.end(),
                             [](QChar c) { return c.isSpace() || c.category() == QChar::Other_Control; }))
            problems.append(tr("Access key (AK) must not contain spaces or control characters."));
    }

    const QString region = p.region.trimmed();
    const QString endpoint = p.endpoint.trimmed();
    if (region.isEmpty() && endpoint.isEmpty()) {
        problems.append(tr("Choose a region or enter a custom endpoint."));
    } else if (!region.isEmpty() && !endpoint.isEmpty()) {
        problems.append(tr("Choose either a region or a custom endpoint, not both."));
    } else if (!endpoint.isEmpty()) {
        const EndpointResolver::Result r = EndpointResolver::parseEndpoint(endpoint);
        if (!r.ok())
            problems.append(r.error);
    } else if (!EndpointResolver::isKnownRegion(region)) {
        const EndpointResolver::Result r = EndpointResolver::resolveRegion(region);
        if (!r.ok())
            problems.append(r.error);
    }

    if (!p.projectId.trimmed().isEmpty()) {
        const Violations v = RequestValidator::validateProjectId(p.projectId.trimmed());
        for (const Violation& violation : v)
            problems.append(violation.message);
    }

    if (problems.isEmpty())
        return true;
    if (error)
        *error = problems.join(QLatin1Char(' '));
    return false;
}

bool ProfileStore::save(const Profile& p, QString* error)
{
    if (!validate(p, error) || !prepareFile(error))
        return false;
    settings().remove(groupOf(p.name));
    settings().beginGroup(groupOf(p.name));
    settings().setValue(AuthKey, Profile::authName(p.auth));
    if (p.usesAccessKey())
        settings().setValue(AccessKeyKey, p.accessKey.trimmed());
    if (!p.region.trimmed().isEmpty())
        settings().setValue(RegionKey, p.region.trimmed());
    if (!p.endpoint.trimmed().isEmpty())
        settings().setValue(EndpointKey, p.endpoint.trimmed());
    if (!p.projectId.trimmed().isEmpty())
        settings().setValue(ProjectIdKey, p.projectId.trimmed());
    settings().endGroup();
    return syncAndTighten(error);
}

bool ProfileStore::remove(const QString& name)
{
    if (!contains(name) || !prepareFile(nullptr))
        return false;
    settings().remove(groupOf(name));
    return syncAndTighten(nullptr);
}

// Before anything changes, so that a refusal leaves no pending change for QSettings to write later.
bool ProfileStore::prepareFile(QString* error)
{
    const QString file = settings().fileName();
    const QString dir = QFileInfo(file).absolutePath();
    // The file holds no secrets, but other local users have no business reading account names. It is created
    // 0600 before QSettings first writes it, because QSaveFile keeps an existing file's mode but gives a new
    // one the umask's (usually 0644).
    QString problem;
    if ((isOwnDirectory(dir) && !AppPaths::ensurePrivateDir(dir, &problem)) ||
        (writesIniFile(settings()) && !AppPaths::createPrivateFile(file, &problem))) {
        if (error)
            *error = notPrivate(file, problem);
        return false;
    }
    return true;
}

bool ProfileStore::syncAndTighten(QString* error)
{
    const QString file = settings().fileName();
    settings().sync();
    if (settings().status() != QSettings::NoError) {
        if (error)
            *error = tr("Could not write the settings file %1.").arg(QDir::toNativeSeparators(file));
        return false;
    }
    QString problem;
    if (QFileInfo::exists(file) && !AppPaths::makePrivateFile(file, &problem)) {
        if (error)
            *error = notPrivate(file, problem);
        return false;
    }
    return true;
}

QString ProfileStore::notPrivate(const QString& file, const QString& problem)
{
    return tr("The settings file %1 cannot be kept private: %2").arg(QDir::toNativeSeparators(file), problem);
}

} // namespace das
