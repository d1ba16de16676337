#pragma once

#include <QByteArray>
#include <QString>

namespace das {

// Everything a server sends is untrusted: it reaches terminals, the window and the history database. The
// explainer passes every piece of server text through here, so nothing downstream ever sees raw server text.
class ServerText
{
public:
    // Caps for the pieces of an answer that are shown or stored.
    static constexpr int MaxCodeChars = 64;
    static constexpr int MaxRequestIdChars = 128;
    static constexpr int MaxMessageChars = 512;
    static constexpr int MaxDetailChars = 1024;

    // TAB, CR and LF become a space; every other C0 control, DEL, C1 control, the Unicode line and paragraph
    // separators and the bidirectional formatting characters become a visible escape (\x1B, \u202E), so that
    // the text can neither drive a terminal nor start a line of its own nor reorder what is displayed. At
    // most maxChars characters are kept (escapes included); a cut is marked with " …".
    static QString clean(const QString& text, int maxChars);
    // The same for raw bytes: UTF-8, with invalid sequences replaced by U+FFFD. Only the bytes that can
    // contribute to maxChars characters are decoded.
    static QString cleanUtf8(const QByteArray& bytes, int maxChars);
    // Header values are Latin-1 on the wire.
    static QString cleanLatin1(const QByteArray& bytes, int maxChars);

    // The connection ID rule: 1 to 128 characters, each an ASCII letter, digit, '-' or '_'. DAS issues UUIDs;
    // anything else in that field means the answer cannot be trusted.
    static constexpr int MaxConnectionIdChars = 128;
    static bool isConnectionId(const QString& id);
};

} // namespace das
