#include "HelpActions.h"

#include "ConnectionForm.h"
#include "ConnectionsPane.h"
#include "HistoryPane.h"
#include "ResultPanel.h"

#include <QAbstractButton>
#include <QAction>
#include <QCoreApplication>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QRegularExpression>
#include <QShortcut>
#include <QTableWidget>
#include <QToolBar>

namespace das {

namespace {

QString plain(QString text)
{
    // "&Preview request…" -> "Preview request…"; "A && B" keeps its ampersand; "文件(&F)" -> "文件".
    text.replace(QRegularExpression(QStringLiteral("\\(&\\w\\)$")), QString());
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(u'&');
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text;
}

QString keysOf(const QList<QKeySequence>& sequences)
{
    QStringList keys;
    for (const QKeySequence& s : sequences)
        keys.append(s.toString(QKeySequence::NativeText));
    return keys.join(QStringLiteral(", "));
}

// The pane a widget belongs to, named as the window shows it.
QString paneOf(const QWidget* widget)
{
    for (const QWidget* w = widget; w; w = w->parentWidget()) {
        if (qobject_cast<const ConnectionForm*>(w))
            return HelpActions::tr("Form");
        if (qobject_cast<const HistoryPane*>(w))
            return HelpActions::tr("History");
        if (qobject_cast<const ConnectionsPane*>(w))
            return HelpActions::tr("On DAS");
        if (qobject_cast<const ResultPanel*>(w))
            return HelpActions::tr("Result");
    }
    return HelpActions::tr("Window");
}

QString whereIs(const QAction* action)
{
    QStringList where;
    for (QObject* object : action->associatedObjects()) {
        if (auto* menu = qobject_cast<QMenu*>(object); menu && !menu->title().isEmpty())
            where.append(plain(menu->title()));
        else if (qobject_cast<QToolBar*>(object) || qobject_cast<QToolBar*>(object->parent()))
            where.append(HelpActions::tr("Toolbar"));
        else if (auto* widget = qobject_cast<QWidget*>(object);
                 widget && !widget->isWindow() && !qobject_cast<QMenu*>(widget))
            where.append(paneOf(widget));
    }
    where.removeDuplicates();
    return where.isEmpty() ? paneOf(qobject_cast<QWidget*>(action->parent()))
                           : where.join(QStringLiteral(", "));
}

} // namespace

HelpActions::HelpActions(QMainWindow* window, const Actions& actions)
    : QObject(window)
    , m_window(window)
{
    connect(actions.about, &QAction::triggered, this, &HelpActions::about);
    connect(actions.shortcuts, &QAction::triggered, this, [this] { show(HelpDialog::Page::Shortcuts); });
    connect(actions.userGuide, &QAction::triggered, this, [this] { show(HelpDialog::Page::UserGuide); });
}

QList<HelpDialog::Shortcut> HelpActions::collect(const QWidget* window)
{
    QList<HelpDialog::Shortcut> out;
    const QList<QAction*> actions = window->findChildren<QAction*>();
    for (const QAction* action : actions) {
        if (!action->shortcuts().isEmpty() && !action->text().isEmpty())
            out.append({keysOf(action->shortcuts()), plain(action->text()), whereIs(action)});
    }
    const QList<QAbstractButton*> buttons = window->findChildren<QAbstractButton*>();
    for (const QShortcut* shortcut : window->findChildren<QShortcut*>()) {
        if (shortcut->key().isEmpty())
            continue;
        const QString key = shortcut->key().toString(QKeySequence::NativeText);
        QString does = shortcut->whatsThis();
        // A key that presses a button names itself in the button's tool tip, e.g. "Browse… (F4)".
        for (auto it = buttons.cbegin(); does.isEmpty() && it != buttons.cend(); ++it) {
            if ((*it)->toolTip().contains(u'(' + key + u')'))
                does = plain((*it)->text());
        }
        out.append({key, does.isEmpty() ? tr("(see the window)") : does,
                    paneOf(qobject_cast<QWidget*>(shortcut->parent()))});
    }
    // Alt+letter keys only work for what is on screen (not a hidden button or a tab not shown).
    for (const QAbstractButton* button : buttons) {
        if (!button->isVisibleTo(window))
            continue;
        const QKeySequence mnemonic = QKeySequence::mnemonic(button->text());
        if (!mnemonic.isEmpty())
            out.append({mnemonic.toString(QKeySequence::NativeText), plain(button->text()), paneOf(button)});
    }
    for (const QLabel* label : window->findChildren<QLabel*>()) {
        const QKeySequence mnemonic = QKeySequence::mnemonic(label->text());
        if (label->buddy() && label->isVisibleTo(window) && !mnemonic.isEmpty())
            out.append({mnemonic.toString(QKeySequence::NativeText),
                        tr("Go to %1").arg(plain(label->text()).remove(u':').remove(u'*').trimmed()),
                        paneOf(label)});
    }
    return out;
}

void HelpActions::show(HelpDialog::Page page)
{
    // An open dialog switches tabs; a closed one is made anew, so it opens at its default size and place.
    if (m_dialog && !m_dialog->isVisible())
        m_dialog->deleteLater();
    if (!m_dialog || !m_dialog->isVisible()) {
        m_dialog = new HelpDialog(m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        m_dialog->setObjectName(QStringLiteral("helpDialog"));
    }
    if (m_prepare)
        m_prepare();
    m_dialog->setShortcuts(collect(m_window));
    m_dialog->showPage(page);
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void HelpActions::retranslate()
{
    if (m_dialog)
        m_dialog->setShortcuts(collect(m_window));
}

void HelpActions::about()
{
    // The window's translation context, where these were first translated.
    const char* const context = "das::MainWindow";
    QMessageBox::about(m_window, QCoreApplication::translate(context, "About DAS Connect"),
                       QCoreApplication::translate(
                           context, "<p><b>DAS Connect %1</b></p><p>Creates Huawei Cloud Data Admin Service "
                                    "instance connections, with live validation, AK/SK signing and a local "
                                    "sandbox.</p>")
                           .arg(QCoreApplication::applicationVersion()));
}

} // namespace das
