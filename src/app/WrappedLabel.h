#pragma once

#include <QLabel>
#include <QList>

namespace das {

// A word-wrapped label that remembers its height for the last few widths. Laying the form out asks each
// shown wrapped label for its height at a width some sixty times before the window is first shown, and
// QLabel answers each time by laying its text out again (shaping it: about a tenth of the window's first
// show). The answer depends on the text, the font and the label's own settings, so it is kept for those.
class WrappedLabel : public QLabel
{
    Q_OBJECT

public:
    using QLabel::QLabel;

    int heightForWidth(int width) const override;

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Height
    {
        int width;
        int height;
    };
    // What the heights are for; any difference empties the list.
    struct Layout
    {
        QString text;
        QMargins margins;
        int margin = 0;
        int indent = 0;
        bool wordWrap = false;
        Qt::TextFormat format = Qt::AutoText;
        // A selectable label lays its text out through a text document.
        Qt::TextInteractionFlags interaction;
        Qt::Alignment alignment;
        bool operator==(const Layout& other) const;
    };
    Layout current() const;

    mutable Layout m_layout;
    mutable QList<Height> m_heights; // the most recent last
};

} // namespace das
