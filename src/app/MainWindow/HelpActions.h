#pragma once

#include "HelpDialog.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QMainWindow;

namespace das {

// The Help menu: About, Keyboard Shortcuts and User Guide. The shortcut list is read from the window itself
// each time it is shown (its actions, its QShortcuts and its Alt+letter mnemonics), so it cannot drift from
// the keys the window really has.
class HelpActions : public QObject
{
    Q_OBJECT

public:
    struct Actions
    {
        QAction* about;
        QAction* shortcuts;
        QAction* userGuide;
    };

    HelpActions(QMainWindow* window, const Actions& actions);

    // Every key `window` answers to: action shortcuts, QShortcuts, then the mnemonics of its buttons and of
    // the labels that lead to a field.
    static QList<HelpDialog::Shortcut> collect(const QWidget* window);

    // Runs before the keys are collected: the window builds its lazily built panes there, so that their keys
    // are listed too.
    void setBeforeCollecting(std::function<void()> prepare) { m_prepare = std::move(prepare); }

    HelpDialog* dialog() const { return m_dialog; }
    void show(HelpDialog::Page page);
    void retranslate();

private:
    void about();

    QMainWindow* m_window;
    QPointer<HelpDialog> m_dialog;
    std::function<void()> m_prepare;
};

} // namespace das
