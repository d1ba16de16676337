#include "FormScrollArea.h"

#include <QEvent>
#include <QLabel>
#include <QScrollBar>

namespace das {

FormScrollArea::FormScrollArea(QWidget* parent)
    : QScrollArea(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

QSize FormScrollArea::sizeHint() const
{
    const QWidget* fields = widget();
    if (!fields)
        return QScrollArea::sizeHint();
    const int frame = 2 * frameWidth();
    const QSize natural = fields->sizeHint().expandedTo(fields->minimumSizeHint());
    // Word-wrapped messages need more height at the width the fields really get.
    int height = natural.height();
    const int width = viewport()->width() > 0 ? viewport()->width() : natural.width();
    if (fields->hasHeightForWidth())
        height = qMax(height, fields->heightForWidth(qMax(width, fields->minimumSizeHint().width())));
    return {natural.width() + verticalScrollBar()->sizeHint().width() + frame, height + frame};
}

QSize FormScrollArea::minimumSizeHint() const
{
    const QWidget* fields = widget();
    if (!fields)
        return QScrollArea::minimumSizeHint();
    const int frame = 2 * frameWidth();
    const int few = 6 * fontMetrics().height();
    return {fields->minimumSizeHint().width() + verticalScrollBar()->sizeHint().width() + frame,
            qMin(few, fields->sizeHint().height()) + frame};
}

bool FormScrollArea::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == widget() && event->type() == QEvent::LayoutRequest) {
        fitWrappedLabels();
        updateGeometry();
    } else if (event->type() == QEvent::Resize && qobject_cast<QLabel*>(watched)) {
        fitWrappedLabels();
    }
    return QScrollArea::eventFilter(watched, event);
}

void FormScrollArea::fitWrappedLabels()
{
    if (!widget())
        return;
    const QList<QLabel*> labels = widget()->findChildren<QLabel*>();
    for (QLabel* label : labels) {
        if (!label->wordWrap() || label->isHidden() || label->width() <= 0)
            continue;
        label->installEventFilter(this); // once: a filter installed again is not added twice
        // Unchanged heights change nothing, so the relayout this may cause ends here. An empty label has no
        // height for a width (-1): it keeps its own.
        const int height = label->heightForWidth(label->width());
        if (height >= 0)
            label->setFixedHeight(height);
    }
}

} // namespace das
