#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>

namespace das {

// Non-secret preferences in QSettings. Nothing secret is ever stored here.
class AppSettings
{
public:
    AppSettings();

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    QByteArray splitterState() const;
    void saveWindow(const QByteArray& geometry, const QByteArray& state, const QByteArray& splitter);

    QString targetKey() const;
    QString customEndpoint() const;
    QString projectId() const;
    QString engineType() const;
    QString networkType() const;
    void saveChoices(const QString& targetKey, const QString& customEndpoint, const QString& projectId,
                     const QString& engineType, const QString& networkType);

    // "system", "en" or "zh_CN"
    QString language() const;
    void setLanguage(const QString& language);

    bool firstRunDone() const;
    void setFirstRunDone();

    QSettings& raw() { return m_settings; }

private:
    QSettings m_settings;
};

} // namespace das
