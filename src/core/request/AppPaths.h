#pragma once

#include <QString>

namespace das {

// Where DAS Connect keeps its files: one application name for the window and the CLI, private permissions.
class AppPaths
{
public:
    static constexpr const char* ApplicationName = "das-connect";

    // Sets the application name used by QStandardPaths and QSettings; call before anything else.
    static void setupApplication();

    // AppDataLocation, created 0700 when missing and tightened to 0700 when wider.
    static QString dataDir();
    static QString historyDatabasePath();

    // Creates the directory (and parents) with mode 0700; tightens an existing one.
    static bool ensurePrivateDir(const QString& path);
    // Sets 0600 on a file we wrote.
    static bool makePrivateFile(const QString& path);
};

} // namespace das
