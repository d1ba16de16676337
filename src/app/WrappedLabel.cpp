#include "WrappedLabel.h"

#include <QEvent>

namespace das {

namespace {

// Enough for the widths one layout pass tries (the label's own, its hint's, the form's minimum).
constexpr int RememberedWidths = 6;

} // namespace

bool WrappedLabel::Layout::operator==(const Layout& other) const
{
    return text == other.text && margins == other.margins && margin == other.margin &&
           indent == other.indent && wordWrap == other.wordWrap && format == other.format &&
           interaction == other.interaction && alignment == other.alignment;
}

WrappedLabel::Layout WrappedLabel::current() const
{
    return {text(),       contentsMargins(),      margin(),   indent(), wordWrap(),
            textFormat(), textInteractionFlags(), alignment()};
}

int WrappedLabel::heightForWidth(int width) const
{
    const Layout layout = current();
    if (!(layout == m_layout)) {
        m_layout = layout;
        m_heights.clear();
    }
    for (const Height& known : std::as_const(m_heights)) {
        if (known.width == width)
            return known.height;
    }
    const int height = QLabel::heightForWidth(width);
    if (m_heights.size() == RememberedWidths)
        m_heights.removeFirst();
    m_heights.append({width, height});
    return height;
}

void WrappedLabel::changeEvent(QEvent* event)
{
    // A new font or style lays the same text out differently.
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        m_heights.clear();
    QLabel::changeEvent(event);
}

} // namespace das
