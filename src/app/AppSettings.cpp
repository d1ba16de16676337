#include "AppSettings.h"

namespace das {

namespace {

const char* const HistoryHeaderStateKey = "history/headerState";
const char* const HistoryHeaderColumnsKey = "history/headerColumns";

} // namespace

AppSettings::AppSettings()
    : m_own(std::make_unique<QSettings>())
    , m_settings(*m_own)
{}

AppSettings::AppSettings(QSettings& store)
    : m_settings(store)
{}

AppSettings::~AppSettings() = default;

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
    m_settings.setValue(QLatin1String(HistoryHeaderStateKey), state);
    m_settings.setValue(QLatin1String(HistoryHeaderColumnsKey), columnCount);
}

QString AppSettings::language() const
{
    return m_settings.value(QStringLiteral("ui/language"), QStringLiteral("system")).toString();
}

void AppSettings::setLanguage(const QString& language)
{
    m_settings.setValue(QStringLiteral("ui/language"), language);
}

bool AppSettings::firstRunDone() const
{
    return m_settings.value(QStringLiteral("app/firstRunDone"), false).toBool();
}

void AppSettings::setFirstRunDone()
{
    m_settings.setValue(QStringLiteral("app/firstRunDone"), true);
}

} // namespace das
