#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

#include <memory>

namespace das {

// Non-secret preferences in QSettings. Nothing secret is ever stored here.
// One accessor per key: the key strings and stored value types live only in AppSettings.cpp, and must not
// change (users keep their settings across upgrades).
class AppSettings
{
public:
    // The application's settings (organisation and application name set by AppPaths::setupApplication()).
    AppSettings();
    // The same keys in another store, e.g. a test's INI file. Not owned; must outlive this object.
    explicit AppSettings(QSettings& store);
    ~AppSettings();
    AppSettings(const AppSettings&) = delete;
    AppSettings& operator=(const AppSettings&) = delete;

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

    // The signing profile chosen in the form; empty for the SDK environment variables.
    QString profile() const;
    void setProfile(const QString& name);

    // The history table's header (QHeaderView::saveState()) and the number of columns it was saved with;
    // historyHeaderState() is empty when that number differs from columnCount, so that a layout saved with
    // another set of columns is not misapplied.
    QByteArray historyHeaderState(int columnCount) const;
    void setHistoryHeaderState(const QByteArray& state, int columnCount);
    // The history columns chosen to be shown and hidden, by HistoryColumn::key(). Kept apart from the header
    // state so that the choice survives a version that adds columns (which drops the header state); a
    // column in neither list gets its default.
    QStringList historyShownColumns() const;
    QStringList historyHiddenColumns() const;
    void setHistoryColumns(const QStringList& shown, const QStringList& hidden);

    // "system", "en" or "zh_CN"
    QString language() const;
    void setLanguage(const QString& language);

    bool firstRunDone() const;
    void setFirstRunDone();

private:
    void beforeWrite();

    std::unique_ptr<QSettings> m_own; // null when constructed on another store
    QSettings& m_settings;
    bool m_madePrivate = false;
};

} // namespace das
