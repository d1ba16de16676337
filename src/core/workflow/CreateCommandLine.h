#pragma once

#include "ConnectionRequest.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace das {

// The `das-connect-cli create` command that sends what a form holds, for "Copy as das-connect-cli command".
// Secrets never go into it: the password is read with --password-stdin (argv is visible to every user through
// ps and /proc), and the cloud credentials come from the profile named (--profile) or the CLI's own order
// (environment variables); no AK, SK or token is written. Every value is shell-quoted, so a hostile user
// name, database name or remark stays one argument and runs nothing.
class CreateCommandLine
{
    Q_DECLARE_TR_FUNCTIONS(das::CreateCommandLine)

public:
    struct Input
    {
        ConnectionRequest request; // its password is ignored
        QString region;            // --region when set
        QUrl endpoint;             // else --endpoint (custom endpoint, sandbox)
        QString profile;           // --profile when set
        bool keychain = false;     // --keychain yes|no: remember the password in the OS keychain
        QString program = QStringLiteral("das-connect-cli");
    };

    // The arguments after the program name, unquoted: `create`, the options, `--password-stdin` last.
    static QStringList arguments(const Input& input);
    // The program and arguments as one POSIX shell command line, continued over lines with " \".
    static QString command(const Input& input);
    // What is copied: a comment, then the command fed by a silent `read` of the password (a shell builtin,
    // so the password is in no process's argv either).
    static QString script(const Input& input);

    // One shell word: 'text' with embedded ' as '\''; control and invisible format characters (newline, ESC,
    // bidi overrides) as $'\xHH' bytes, so that pasting the command shows what it does and runs nothing else.
    static QString shellQuote(const QString& text);
};

} // namespace das
