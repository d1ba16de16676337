#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

class QTextStream;

namespace das {

// Reading what we do not control (regions files, credential files, CA files, stdin) without letting it block
// us or eat memory: only regular files (a FIFO or a device would block forever or never end), and never more
// than a stated limit, checked while reading rather than after. Every refusal names the file and the limit.
class BoundedRead
{
    Q_DECLARE_TR_FUNCTIONS(das::BoundedRead)

public:
    // The whole file at `path`, if it is a regular file of at most `maxBytes`; otherwise nothing, and `error`
    // says why ("… is not a regular file", "… is larger than N bytes", or the system's reason).
    static std::optional<QByteArray> file(const QString& path, qint64 maxBytes, QString* error);

    // One line from `in` without its line break (a trailing CR is dropped too), reading at most `maxChars`
    // characters of it; a longer line is refused with a message naming `what` and the limit.
    static std::optional<QString> line(QTextStream& in, int maxChars, const QString& what, QString* error);

    // "4096 bytes", "1 MiB": how a limit is shown in messages.
    static QString describeLimit(qint64 bytes);
};

} // namespace das
