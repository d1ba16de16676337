#include "ServerText.h"

namespace das {

namespace {

constexpr QStringView CutMarker = u" …";

bool isBidiControl(char32_t c)
{
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}

QString hexEscape(const char* prefix, char32_t c, int digits)
{
    return QLatin1String(prefix) + QString::number(uint(c), 16).toUpper().rightJustified(digits, u'0');
}

// Appends one code point, or what stands for it.
void appendCleaned(QString* out, char32_t c)
{
    if (c == u'\t' || c == u'\r' || c == u'\n')
        out->append(u' ');
    else if (c < 0x20 || c == 0x7F)
        out->append(hexEscape("\\x", c, 2));
    else if ((c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029 || isBidiControl(c))
        out->append(hexEscape("\\u", c, 4));
    else
        out->append(QStringView(QChar::fromUcs4(c)));
}

// `more` says that the text was already cut before it got here.
QString cleaned(QStringView text, int maxChars, bool more)
{
    if (maxChars <= 0)
        return QString();
    QString out;
    out.reserve(qMin(text.size(), qsizetype(maxChars)) + 8);
    qsizetype i = 0;
    // Stops as soon as the cap is passed: the work is bounded by the cap, not by what the server sent.
    while (i < text.size() && out.size() <= maxChars) {
        char32_t c = text.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            ++i;
        } else if (QChar::isSurrogate(c)) {
            c = QChar::ReplacementCharacter; // a lone surrogate is not a character
        }
        ++i;
        appendCleaned(&out, c);
    }
    if (!more && i >= text.size() && out.size() <= maxChars)
        return out;
    out.truncate(qMax(qsizetype(0), maxChars - CutMarker.size()));
    if (!out.isEmpty() && out.back().isHighSurrogate())
        out.chop(1);
    return out + CutMarker.left(maxChars - out.size()).toString();
}

} // namespace

QString ServerText::clean(const QString& text, int maxChars)
{
    return cleaned(text, maxChars, false);
}

QString ServerText::cleanUtf8(const QByteArray& bytes, int maxChars)
{
    // A character is at most 4 bytes; decoding more than that would only be thrown away.
    const qsizetype enough = qsizetype(qMax(maxChars, 0)) * 4 + 4;
    return cleaned(QString::fromUtf8(bytes.left(enough)), maxChars, bytes.size() > enough);
}

QString ServerText::cleanLatin1(const QByteArray& bytes, int maxChars)
{
    const qsizetype enough = qsizetype(qMax(maxChars, 0)) + 1;
    return cleaned(QString::fromLatin1(bytes.left(enough)), maxChars, bytes.size() > enough);
}

bool ServerText::isConnectionId(const QString& id)
{
    if (id.isEmpty() || id.size() > MaxConnectionIdChars)
        return false;
    for (const QChar c : id) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') ||
                        u == u'-' || u == u'_';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace das
