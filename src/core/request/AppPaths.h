#pragma once

#include <QCoreApplication>
#include <QString>

namespace das {

// Where DAS Connect keeps its files: one application name for the window and the CLI, private permissions.
class AppPaths
{
    Q_DECLARE_TR_FUNCTIONS(das::AppPaths)

public:
    static constexpr const char* ApplicationName = "das-connect";

    // Sets the application name used by QStandardPaths and QSettings and, on POSIX, the umask 077; call
    // before anything else.
    static void setupApplication();

    // AppDataLocation, created 0700 when missing and tightened to 0700 when wider.
    static QString dataDir();
    static QString historyDatabasePath();
    // Whether a history this process closes is folded back into its one file (SQLite's checkpoint on close:
    // the default, for the window and the tests) or leaves its write-ahead log (-wal, -shm) beside it for the
    // next process (the CLI, whose every run would otherwise flush the log and the database again and delete
    // both, only for the next run to recreate them). Every commit is on disk either way; the -wal file is
    // then part of the history until a later checkpoint.
    static void setHistoryCompactedOnClose(bool compacted);
    static bool historyCompactedOnClose();

    // Creates the directory (and missing parents) with mode 0700, tightens an existing one, and checks the
    // result: false, with `error` saying why, when it cannot be created, belongs to another user or keeps a
    // wider mode.
    static bool ensurePrivateDir(const QString& path, QString* error = nullptr);
    // Sets 0600 on a file we wrote, and checks it the same way.
    static bool makePrivateFile(const QString& path, QString* error = nullptr);
    // Creates `path` empty with mode 0600 unless it exists, so that whatever writes it next (SQLite, which
    // gives its side files the database's mode; QSaveFile, which keeps an existing file's mode) starts
    // private, whatever the umask.
    static bool createPrivateFile(const QString& path, QString* error = nullptr);
};

} // namespace das
