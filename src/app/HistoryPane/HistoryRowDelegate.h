#pragma once

#include <QStyledItemDelegate>

class QTextLayout;

namespace das {

// Draws the history's cells as QStyledItemDelegate does under the Fusion style, pixel for pixel, with one
// text layout per cell instead of five (a screen of 100,000 rows paints in 3.7 ms instead of 5.7); rows whose
// connection does not exist in the disabled text colour (the model, in a library without a palette, only says
// which ones: InactiveRole).
//
// Why: painting a new screen of the table is most of what every sort, filter and jump costs. The style lays
// each cell's text out five times (three sub-element rectangles, the elision check, the drawing); a history
// cell is one line of plain text with no icon or check box, so once is enough: the same QTextLayout, aligned,
// elided and drawn the way QCommonStyle does. Anything else (another style, the focused cell's focus frame,
// text of several lines, an icon) is left to the style.
class HistoryRowDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;

    // Whether plain cells are drawn here under `style` rather than by it: only Fusion is known to draw them
    // as this delegate does.
    static bool drawsPlainCells(const QStyle* style);

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;

private:
    // What QCommonStyle draws for CE_ItemViewItem as a background and one line of text; only Fusion is known
    // not to draw it otherwise.
    static bool isPlainCell(const QStyleOptionViewItem& opt, const QStyle* style);
    static qreal layOut(QTextLayout& layout, int width);
    // QCommonStylePrivate::viewItemDrawText for one line without wrapping.
    static void drawText(QPainter* painter, const QStyleOptionViewItem& opt, const QStyle* style);
};

} // namespace das
