#pragma once

#include <QObject>

class QComboBox;
class QLineEdit;
class QPushButton;
class QShortcut;
class QWidget;

namespace das {

class ConnectionForm;

// The form's two ways to ask DAS instead of pasting: "Look up" beside Project ID (shown for a region or the
// sandbox, enabled while the field is empty) and "Browse…" beside Instance ID, also on F4 anywhere in the
// window. They only emit the form's signals; the window runs the lookups and hands the values back.
class DiscoveryButtons
{
public:
    struct Widgets
    {
        QLineEdit* projectIdEdit;
        QPushButton* lookUpProjectButton;
        QLineEdit* instanceIdEdit;
        QPushButton* pickInstanceButton;
        QComboBox* engineTypeCombo;
        QComboBox* networkTypeCombo;
        QLineEdit* portEdit;
    };

    DiscoveryButtons(ConnectionForm* form, const Widgets& widgets);

    // Shows and enables the buttons for the target kind, the project field and the busy state.
    void update(bool customTarget, bool targetOk, bool busy);
    // Puts the picked values in the fields; a port of 0 leaves the port field alone.
    void fillInstance(const QString& instanceId, const QString& engineType, const QString& networkType,
                      int port);
    void retranslate();

private:
    Widgets m_w;
    QShortcut* m_shortcut;
};

} // namespace das
