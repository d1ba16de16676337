#pragma once

#include <QScrollArea>

namespace das {

// The scroll area around ConnectionForm's fields, so that the summary and the Create and Preview buttons
// below it stay in view at any window height. Unlike a plain QScrollArea it asks for the fields' whole
// height (a tall window shows every field without a scroll bar, and nothing is left empty below them) and
// for their whole width (the form never scrolls sideways), while it can shrink to a few lines.
class FormScrollArea : public QScrollArea
{
    Q_OBJECT

public:
    explicit FormScrollArea(QWidget* parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    // A field's message appearing changes the fields' height: the form's layout must ask again.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // QFormLayout gives a word-wrapped label the height of its size hint, which is for another width: one
    // line of a long text, or three lines' room for one. Each shown wrapped label gets exactly what its
    // text needs at the width it has.
    void fitWrappedLabels();
};

} // namespace das
