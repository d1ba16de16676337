#pragma once

#include <QHeaderView>

class QTableView;

namespace das {

// The history table's column header. Qt measures every title in bold, for a header that draws the sections
// of selected columns in bold; this one never does (highlightSections is off), so its titles are measured in
// the weight they are drawn in. The same sizes, and no bold font loaded and no title laid out in it before
// the window can be shown (the history pane's header was the only bold text of the first screen).
class HistoryHeaderView : public QHeaderView
{
    Q_OBJECT

public:
    // Puts a header of this kind on `table` in place of the one it has, with that header's settings.
    static HistoryHeaderView* install(QTableView* table);

protected:
    QSize sectionSizeFromContents(int logicalIndex) const override;

private:
    using QHeaderView::QHeaderView;
};

} // namespace das
