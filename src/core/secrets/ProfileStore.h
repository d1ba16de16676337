#pragma once

#include "Profile.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

class QSettings;

namespace das {

// The non-secret parts of profiles in QSettings, group "profiles/<name>": auth, access_key, region, endpoint,
// project_id. Secrets are never written here (ProfileManager keeps them in the keychain).
class ProfileStore
{
    Q_DECLARE_TR_FUNCTIONS(ProfileStore)

public:
    static constexpr int MaxNameLength = 64;
    static constexpr int MaxAccessKeyLength = 128;

    // nullptr: a default-constructed QSettings (organization and application from
    // AppPaths::setupApplication).
    explicit ProfileStore(QSettings* settings = nullptr);
    ~ProfileStore();
    ProfileStore(const ProfileStore&) = delete;
    ProfileStore& operator=(const ProfileStore&) = delete;

    QList<Profile> profiles() const; // sorted by name
    QStringList names() const;       // sorted
    bool contains(const QString& name) const;
    Profile profile(const QString& name) const; // empty name when missing

    // Validates, then replaces the group; the file is 0600 in a 0700 directory from its first write on, and
    // save fails (changing nothing) when it cannot be kept so.
    bool save(const Profile& profile, QString* error);
    bool remove(const QString& name);

    QString fileName() const;

    // 1-64 letters, digits, '-', '_', '.', ' '; no leading or trailing space. ('/', ':' and '|' would break
    // the settings group and the keychain key.)
    static bool isValidName(const QString& name, QString* error);
    // "\"a\", \"b\"": how messages list profile names.
    static QString quotedNames(const QStringList& names);
    // Every rule save() applies, all violations in one message; nothing is written.
    static bool validate(const Profile& profile, QString* error);

private:
    bool prepareFile(QString* error);
    bool syncAndTighten(QString* error);
    static QString notPrivate(const QString& file, const QString& problem);

    // The settings given, or this user's, made on first use: a one-shot create that never reads a profile
    // does not pay for finding and opening the settings file (~0.15 ms).
    QSettings& settings() const;

    mutable std::unique_ptr<QSettings> m_owned;
    mutable QSettings* m_settings = nullptr;
};

} // namespace das
