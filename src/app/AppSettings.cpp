#include "AppSettings.h"

#include "AppLog.h"
#include "AppPaths.h"

#include <QDir>
#include <QFileInfo>

namespace das {

namespace {

const char* const HistoryHeaderStateKey = "history/headerState";
const char* const HistoryHeaderColumnsKey = "history/headerColumns";
const char* const HistoryShownColumnsKey = "history/shownColumns";
const char* const HistoryHiddenColumnsKey = "history/hiddenColumns";

} // namespace

AppSettings::AppSettings()
    : m_own(std::make_unique<QSettings>())
    , m_settings(*m_own)
{}

AppSettings::AppSettings(QSettings& store)
    : m_settings(store)
{}

AppSettings::~AppSettings() = default;

// The README promises the settings file 0600 in a 0700 folder from the first write, while QSettings gives a
// new file and folder the umask's modes (usually 0644 and 0755). QSaveFile keeps an existing file's mode, so
// the folder and file are made private before QSettings first writes. Only the app's own store: a test's INI
// file is left alone. A failure is logged and the value is still kept: these keys are not secret.
void AppSettings::beforeWrite()
{
    if (!m_own || m_madePrivate)
        return;
    m_madePrivate = true;
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    const QString file = m_own->fileName();
    const QFileInfo info(file);
    QString problem;
    const bool ownDir = info.absoluteDir().dirName() == QLatin1String(AppPaths::ApplicationName);
    if ((ownDir && !AppPaths::ensurePrivateDir(info.absolutePath(), &problem)) ||
        !AppPaths::createPrivateFile(file, &problem) || !AppPaths::makePrivateFile(file, &problem))
        qCWarning(lcApp) << "settings file not private:" << problem;
#endif
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings.value(QStringLiteral("window/geometry")).toByteArray();
}

QByteArray AppSettings::windowState() const
{
    return m_settings.value(QStringLiteral("window/state")).toByteArray();
}

QByteArray AppSettings::splitterState() const
{
    return m_settings.value(QStringLiteral("window/splitter")).toByteArray();
}

void AppSettings::saveWindow(const QByteArray& geometry, const QByteArray& state, const QByteArray& splitter)
{
    beforeWrite();
    m_settings.setValue(QStringLiteral("window/geometry"), geometry);
    m_settings.setValue(QStringLiteral("window/state"), state);
    m_settings.setValue(QStringLiteral("window/splitter"), splitter);
}

QString AppSettings::targetKey() const
{
    return m_settings.value(QStringLiteral("form/target")).toString();
}

QString AppSettings::customEndpoint() const
{
    return m_settings.value(QStringLiteral("form/customEndpoint")).toString();
}

QString AppSettings::projectId() const
{
    return m_settings.value(QStringLiteral("form/projectId")).toString();
}

QString AppSettings::engineType() const
{
    return m_settings.value(QStringLiteral("form/engineType")).toString();
}

QString AppSettings::networkType() const
{
    return m_settings.value(QStringLiteral("form/networkType")).toString();
}

void AppSettings::saveChoices(const QString& targetKey, const QString& customEndpoint,
                              const QString& projectId, const QString& engineType, const QString& networkType)
{
    beforeWrite();
    m_settings.setValue(QStringLiteral("form/target"), targetKey);
    m_settings.setValue(QStringLiteral("form/customEndpoint"), customEndpoint);
    m_settings.setValue(QStringLiteral("form/projectId"), projectId);
    m_settings.setValue(QStringLiteral("form/engineType"), engineType);
    m_settings.setValue(QStringLiteral("form/networkType"), networkType);
}

QString AppSettings::profile() const
{
    return m_settings.value(QStringLiteral("form/profile")).toString();
}

void AppSettings::setProfile(const QString& name)
{
    beforeWrite();
    m_settings.setValue(QStringLiteral("form/profile"), name);
}

QByteArray AppSettings::historyHeaderState(int columnCount) const
{
    if (m_settings.value(QLatin1String(HistoryHeaderColumnsKey)).toInt() != columnCount)
        return {};
    return m_settings.value(QLatin1String(HistoryHeaderStateKey)).toByteArray();
}

void AppSettings::setHistoryHeaderState(const QByteArray& state, int columnCount)
{
    beforeWrite();
    m_settings.setValue(QLatin1String(HistoryHeaderStateKey), state);
    m_settings.setValue(QLatin1String(HistoryHeaderColumnsKey), columnCount);
}

QStringList AppSettings::historyShownColumns() const
{
    return m_settings.value(QLatin1String(HistoryShownColumnsKey)).toStringList();
}

QStringList AppSettings::historyHiddenColumns() const
{
    return m_settings.value(QLatin1String(HistoryHiddenColumnsKey)).toStringList();
}

void AppSettings::setHistoryColumns(const QStringList& shown, const QStringList& hidden)
{
    beforeWrite();
    m_settings.setValue(QLatin1String(HistoryShownColumnsKey), shown);
    m_settings.setValue(QLatin1String(HistoryHiddenColumnsKey), hidden);
}

QString AppSettings::language() const
{
    return m_settings.value(QStringLiteral("ui/language"), QStringLiteral("system")).toString();
}

void AppSettings::setLanguage(const QString& language)
{
    beforeWrite();
    m_settings.setValue(QStringLiteral("ui/language"), language);
}

bool AppSettings::firstRunDone() const
{
    return m_settings.value(QStringLiteral("app/firstRunDone"), false).toBool();
}

void AppSettings::setFirstRunDone()
{
    beforeWrite();
    m_settings.setValue(QStringLiteral("app/firstRunDone"), true);
}

} // namespace das
