#include "HistoryHeaderView.h"

#include <QIcon>
#include <QPixmap>
#include <QTableView>

namespace das {

HistoryHeaderView* HistoryHeaderView::install(QTableView* table)
{
    const QHeaderView* old = table->horizontalHeader();
    auto* header = new HistoryHeaderView(Qt::Horizontal, table);
    // What QTableView and the .ui gave the header it made.
    header->setSectionsClickable(old->sectionsClickable());
    header->setHighlightSections(old->highlightSections());
    header->setStretchLastSection(old->stretchLastSection());
    header->setCascadingSectionResizes(old->cascadingSectionResizes());
    header->setDefaultAlignment(old->defaultAlignment());
    header->setVisible(!old->isHidden());
    table->setHorizontalHeader(header);
    return header;
}

// QHeaderView::sectionSizeFromContents (Qt 6.4) with the title's own weight instead of bold, unless sections
// are highlighted after all.
QSize HistoryHeaderView::sectionSizeFromContents(int logicalIndex) const
{
    if (highlightSections() || !model())
        return QHeaderView::sectionSizeFromContents(logicalIndex);
    ensurePolished();
    const QVariant hint = model()->headerData(logicalIndex, orientation(), Qt::SizeHintRole);
    if (hint.isValid())
        return qvariant_cast<QSize>(hint);
    QStyleOptionHeader option;
    initStyleOption(&option);
    option.section = logicalIndex;
    const QVariant font = model()->headerData(logicalIndex, orientation(), Qt::FontRole);
    option.fontMetrics =
        font.isValid() && font.canConvert<QFont>() ? QFontMetrics(qvariant_cast<QFont>(font)) : fontMetrics();
    option.text = model()->headerData(logicalIndex, orientation(), Qt::DisplayRole).toString();
    const QVariant decoration = model()->headerData(logicalIndex, orientation(), Qt::DecorationRole);
    option.icon = qvariant_cast<QIcon>(decoration);
    if (option.icon.isNull())
        option.icon = qvariant_cast<QPixmap>(decoration);
    QSize size = style()->sizeFromContents(QStyle::CT_HeaderSection, &option, QSize(), this);
    if (isSortIndicatorShown()) {
        const int margin = style()->pixelMetric(QStyle::PM_HeaderMargin, &option, this);
        if (orientation() == Qt::Horizontal)
            size.rwidth() += size.height() + margin;
        else
            size.rheight() += size.width() + margin;
    }
    return size;
}

} // namespace das
