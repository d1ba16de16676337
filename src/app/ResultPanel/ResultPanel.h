#pragma once

#include "CreateResult.h"

#include <QElapsedTimer>
#include <QFrame>
#include <QTimer>

#include <memory>

namespace Ui {
class ResultPanel;
}

namespace das {

// What happened to the last create: busy, the new ID with Copy, or the explanation with expandable details.
class ResultPanel : public QFrame
{
    Q_OBJECT

public:
    enum class State
    {
        Empty,
        Busy,
        Success,
        Failure,
    };

    explicit ResultPanel(QWidget* parent = nullptr);
    ~ResultPanel() override;

    State state() const { return m_state; }
    void clear();
    void showBusy(const QString& target);
    // Before sending: the profile's secrets are being read from the OS keychain.
    void showReadingCredentials();
    // `warning` is shown under the ID, e.g. when the history could not be written.
    void showSuccess(const CreateResult& result, const QString& warning = QString());
    void showFailure(const CreateResult& result);
    // A local problem before anything was sent (bad target, missing credentials).
    void showProblem(const QString& message);
    // A line under the explanation, e.g. what happened to the saved password after a create.
    void addNote(const QString& note, bool warning = false);

    QString explanation() const;
    QString details() const;
    QString connectionId() const;

signals:
    void statusMessage(const QString& text);

protected:
    void changeEvent(QEvent* event) override;

private:
    void setTone(const char* tone);
    void updateBusyText();

    std::unique_ptr<Ui::ResultPanel> m_ui;
    State m_state = State::Empty;
    QTimer m_busyTicker;
    QElapsedTimer m_busyElapsed;
    QString m_busyTarget;
    CreateResult m_last;
    QString m_baseExplanation;
    QString m_lastWarning; // kept so that a language switch re-renders the same result
    QString m_lastNote;
    bool m_lastNoteIsWarning = false;
};

} // namespace das
