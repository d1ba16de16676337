#include "HistoryRowDelegate.h"

#include "HistoryTableModel.h"
#include "OverflowIconStyle.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>
#include <QTextLayout>

namespace das {

void HistoryRowDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                               const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    if (!isPlainCell(opt, style)) {
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        return;
    }
    painter->save();
    painter->setClipRect(opt.rect);
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, opt.widget);
    if (!opt.text.isEmpty()) {
        QPalette::ColorGroup group =
            opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
        if (group == QPalette::Normal && !(opt.state & QStyle::State_Active))
            group = QPalette::Inactive;
        painter->setPen(opt.palette.color(
            group, opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
        drawText(painter, opt, style);
    }
    painter->restore();
}

void HistoryRowDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (!index.data(HistoryTableModel::InactiveRole).toBool())
        return;
    option->palette.setColor(QPalette::Text, option->palette.color(QPalette::Disabled, QPalette::Text));
}

bool HistoryRowDelegate::drawsPlainCells(const QStyle* style)
{
    // Through the wrapper that only defers two icons (main(), OverflowIconStyle).
    const QStyle* drawing = drawingStyle(style);
    return drawing && drawing->name() == QLatin1String("fusion");
}

bool HistoryRowDelegate::isPlainCell(const QStyleOptionViewItem& opt, const QStyle* style)
{
    constexpr auto Extras = QStyleOptionViewItem::HasCheckIndicator | QStyleOptionViewItem::HasDecoration |
                            QStyleOptionViewItem::WrapText;
    return !(opt.features & Extras) && !(opt.state & (QStyle::State_HasFocus | QStyle::State_Editing)) &&
           drawsPlainCells(style) && !opt.text.contains(QChar::LineSeparator) &&
           !opt.text.contains(QLatin1Char('\n'));
}

qreal HistoryRowDelegate::layOut(QTextLayout& layout, int width)
{
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setLineWidth(width);
    line.setPosition(QPointF(0, 0));
    layout.endLayout();
    return line.naturalTextWidth();
}

void HistoryRowDelegate::drawText(QPainter* painter, const QStyleOptionViewItem& opt, const QStyle* style)
{
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, opt.widget) + 1;
    const QRect rect = opt.rect.adjusted(margin, 0, -margin, 0);
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::ManualWrap);
    textOption.setTextDirection(opt.direction);
    textOption.setAlignment(QStyle::visualAlignment(opt.direction, opt.displayAlignment));
    QTextLayout layout(opt.text, opt.font);
    layout.setTextOption(textOption);
    const bool elide = layOut(layout, rect.width()) > rect.width();
    // Placed by the whole text's height, as the style does, elided or not.
    const QRect placed = QStyle::alignedRect(Qt::LayoutDirectionAuto, opt.displayAlignment,
                                             layout.boundingRect().size().toSize(), rect);
    const QPointF at(rect.x(), placed.top());
    if (!elide) {
        layout.draw(painter, at);
        return;
    }
    QTextLayout elided(QFontMetrics(opt.font).elidedText(opt.text, opt.textElideMode, rect.width()),
                       opt.font);
    elided.setTextOption(textOption);
    layOut(elided, rect.width());
    elided.draw(painter, at);
}

} // namespace das
