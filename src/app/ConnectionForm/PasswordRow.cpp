#include "PasswordRow.h"

#include "StartupHooks.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace das {

PasswordRow::PasswordRow(const Widgets& widgets)
    : m_widgets(widgets)
{
    QLineEdit* edit = m_widgets.edit;
    auto* reveal = new QAction(placeholderIcon(), tr("Show password"), edit);
    m_reveal = reveal;
    reveal->setObjectName(QStringLiteral("revealPasswordAction"));
    reveal->setCheckable(true);
    reveal->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    reveal->setShortcutContext(Qt::WidgetShortcut);
    edit->addAction(reveal, QLineEdit::TrailingPosition);
    QObject::connect(reveal, &QAction::toggled, edit, [this, edit, reveal](bool shown) {
        edit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        reveal->setText(shown ? tr("Hide password") : tr("Show password"));
        if (m_iconLoaded)
            reveal->setIcon(
                QIcon(shown ? QStringLiteral(":/icons/eye-off.svg") : QStringLiteral(":/icons/eye.svg")));
        else
            loadIcon(); // toggled before the first paint was done (Ctrl+H in a test, say)
    });
}

void PasswordRow::loadIcon()
{
    m_iconLoaded = true;
    m_reveal->setIcon(QIcon(m_reveal->isChecked() ? QStringLiteral(":/icons/eye-off.svg")
                                                  : QStringLiteral(":/icons/eye.svg")));
}

void PasswordRow::setSavedState(SavedPassword state, const QString& text)
{
    m_state = state;
    switch (state) {
    case SavedPassword::None:
        m_widgets.savedBar->setVisible(false);
        break;
    case SavedPassword::Available:
        m_widgets.savedLabel->setText(
            text.isEmpty() ? tr("A saved password for this user and instance is in the OS keychain.") : text);
        m_widgets.useSavedButton->setVisible(true);
        m_widgets.savedBar->setVisible(true);
        break;
    case SavedPassword::InUse:
        m_widgets.savedLabel->setText(tr("Password filled from the OS keychain."));
        m_widgets.useSavedButton->setVisible(false);
        m_widgets.savedBar->setVisible(true);
        break;
    }
    if (state == SavedPassword::InUse && m_reveal->isChecked())
        m_reveal->setChecked(false);
    m_reveal->setEnabled(state != SavedPassword::InUse);
}

} // namespace das
