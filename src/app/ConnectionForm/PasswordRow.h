#pragma once

#include <QCoreApplication>
#include <QString>

class QAction;
class QLabel;
class QLineEdit;
class QPushButton;
class QWidget;

namespace das {

// Whether the OS keychain holds a database password for the form's endpoint, instance and user.
enum class SavedPassword
{
    None,      // nothing saved for this endpoint, instance and user (or no keychain)
    Available, // offered, not used
    InUse,     // the password field holds the keychain's password
};

// The password row of ConnectionForm apart from validation: the reveal action (Ctrl+H) on the masked field,
// and the bar that offers a password saved in the OS keychain. The widgets come from the form's .ui, and
// the strings keep the form's translation context.
class PasswordRow
{
    Q_DECLARE_TR_FUNCTIONS(das::ConnectionForm)

public:
    struct Widgets
    {
        QLineEdit* edit = nullptr;
        QWidget* savedBar = nullptr;
        QLabel* savedLabel = nullptr;
        QPushButton* useSavedButton = nullptr;
    };

    // Adds the reveal action (object name "revealPasswordAction") to the field, with a transparent stand-in
    // for its eye icon until loadIcon().
    explicit PasswordRow(const Widgets& widgets);
    // The eye icon (SVG) for the action's state; ConnectionForm calls it after the window's first paint.
    void loadIcon();

    // `text` replaces the default offer for Available. A password from the keychain cannot be revealed.
    void setSavedState(SavedPassword state, const QString& text = QString());
    SavedPassword savedState() const { return m_state; }

private:
    Widgets m_widgets;
    QAction* m_reveal = nullptr;
    bool m_iconLoaded = false;
    SavedPassword m_state = SavedPassword::None;
};

} // namespace das
