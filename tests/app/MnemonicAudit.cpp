#include "MnemonicAudit.h"

#include <QAbstractButton>
#include <QAction>
#include <QGroupBox>
#include <QLabel>
#include <QMap>
#include <QMenu>
#include <QMenuBar>
#include <QTabBar>
#include <QWidget>

namespace das::test {

QChar mnemonicOf(const QString& text)
{
    for (int i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i; // "&&" is a literal ampersand
            continue;
        }
        return text.at(i + 1).toUpper();
    }
    return {};
}

namespace {

QString plain(QString text)
{
    return text.replace(QLatin1String("&&"), QLatin1String("\x01"))
        .remove(QLatin1Char('&'))
        .replace(QLatin1Char('\x01'), QLatin1Char('&'));
}

// Mnemonic letter -> what carries it, within one scope.
using Scope = QMap<QChar, QStringList>;

void add(Scope& scope, const QString& kind, const QString& text)
{
    const QChar letter = mnemonicOf(text);
    if (!letter.isNull())
        scope[letter].append(kind + QLatin1String(" '") + plain(text) + QLatin1Char('\''));
}

void report(const Scope& scope, const QString& where, QStringList& problems)
{
    for (auto it = scope.cbegin(); it != scope.cend(); ++it) {
        if (it.value().size() > 1)
            problems.append(where + QLatin1String(": Alt+") + it.key() + QLatin1String(": ") +
                            it.value().join(QLatin1String(", ")));
    }
}

// Each menu is a scope of its own: its letters are typed while it is open.
void auditMenu(const QMenu* menu, const QString& where, QStringList& problems)
{
    Scope scope;
    const QString here = where + QLatin1String(" > ") + plain(menu->title());
    for (const QAction* action : menu->actions()) {
        if (!action->isVisible() || action->isSeparator())
            continue;
        add(scope, QStringLiteral("item"), action->text());
        if (action->menu())
            auditMenu(action->menu(), here, problems);
    }
    report(scope, here, problems);
}

bool reachable(const QWidget* widget, const QWidget* window)
{
    return widget->window() == window && widget->isVisibleTo(window);
}

void auditLabel(const QLabel* label, Scope& scope, QStringList& problems, const QWidget* window)
{
    if (label->textFormat() == Qt::RichText || mnemonicOf(label->text()).isNull())
        return;
    const QString name = QLatin1String("label '") + plain(label->text()) + QLatin1Char('\'');
    const QWidget* buddy = label->buddy();
    // The label focuses the buddy, which hands the focus on to its proxy.
    while (buddy && buddy->focusProxy())
        buddy = buddy->focusProxy();
    if (!buddy) {
        problems.append(name + QLatin1String(" has a mnemonic but no buddy"));
        return;
    }
    if (buddy->focusPolicy() == Qt::NoFocus)
        problems.append(name + QLatin1String(" leads to a widget that cannot take focus"));
    else if (!buddy->isVisibleTo(window))
        problems.append(name + QLatin1String(" leads to a hidden widget"));
    add(scope, QStringLiteral("label"), label->text());
}

} // namespace

QStringList mnemonicProblems(const QWidget* window)
{
    QStringList problems;
    Scope scope;
    const QString where = window->objectName();
    if (const QMenuBar* bar = window->findChild<QMenuBar*>(); bar && reachable(bar, window)) {
        for (const QAction* action : bar->actions()) {
            if (!action->isVisible())
                continue;
            add(scope, QStringLiteral("menu"), action->text());
            if (action->menu())
                auditMenu(action->menu(), where, problems);
        }
    }
    for (const QWidget* widget : window->findChildren<QWidget*>()) {
        if (!reachable(widget, window))
            continue;
        if (const auto* label = qobject_cast<const QLabel*>(widget))
            auditLabel(label, scope, problems, window);
        else if (const auto* button = qobject_cast<const QAbstractButton*>(widget))
            add(scope, QStringLiteral("button"), button->text());
        else if (const auto* group = qobject_cast<const QGroupBox*>(widget))
            add(scope, QStringLiteral("group"), group->title());
        else if (const auto* tabs = qobject_cast<const QTabBar*>(widget)) {
            for (int i = 0; i < tabs->count(); ++i) {
                if (tabs->isTabVisible(i))
                    add(scope, QStringLiteral("tab"), tabs->tabText(i));
            }
        }
    }
    report(scope, where, problems);
    return problems;
}

} // namespace das::test
