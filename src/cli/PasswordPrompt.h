#pragma once

#include <QCoreApplication>
#include <QString>
#include <QTextStream>

#include <optional>

namespace das {

// The password line of --password-stdin. From a pipe it is read as is; from a terminal someone is typing
// it, so "Password: " is asked on stderr and the terminal's echo is off while the line is read (restored
// afterwards, also when the read fails or Ctrl+C ends the process), then a newline ends the prompt's line.
class PasswordPrompt
{
    Q_DECLARE_TR_FUNCTIONS(das::PasswordPrompt)

public:
    // Reads at most `maxChars`; std::nullopt with `problem` set (naming `what`) when that fails.
    static std::optional<QString> readLine(QTextStream& in, QTextStream& err, int maxChars,
                                           const QString& what, QString* problem);
};

} // namespace das
