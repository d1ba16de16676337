#pragma once

#include "CreateResult.h"

#include <QColor>
#include <QElapsedTimer>
#include <QFrame>
#include <QStringList>
#include <QTimer>

#include <functional>
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

    // How the shown ID came about.
    enum class SuccessKind
    {
        Created,   // DAS answered with it
        Confirmed, // the answer was lost; DAS listed exactly one matching connection
        Existing,  // an existing connection was chosen instead of creating a duplicate
    };

    // The colour of what is shown: the stripe on the left and the background behind the text.
    enum class Tone
    {
        Busy,
        Success,
        Failure,
        Unknown, // the outcome is not known, or a question is open
    };
    static QColor stripeColor(Tone tone);
    static QColor backgroundColor(Tone tone);

    // The width of the coloured stripe on the left that shows the tone, and the space around the text.
    static constexpr int StripeWidth = 5;
    static constexpr int TextPadding = 8;
    // Lines of error details shown before the box scrolls.
    static constexpr int MaxDetailLines = 8;

    explicit ResultPanel(QWidget* parent = nullptr);
    ~ResultPanel() override;

    State state() const { return m_state; }
    Tone tone() const { return m_tone; }
    void clear();
    void showBusy(const QString& target);
    // Before sending: the profile's secrets are being read from the OS keychain.
    void showReadingCredentials();
    // Before sending: DAS is asked whether the connection already exists.
    void showCheckingDuplicates(const QString& target);
    // A question is open; nothing runs until it is answered.
    void showWaiting(const QString& title);
    // The answer was lost; DAS is asked what exists (look `attempt` of `attempts`).
    void showReconciling(int attempt, int attempts);
    // `warning` is shown under the ID, e.g. when the history could not be written.
    void showSuccess(const CreateResult& result, const QString& warning = QString(),
                     SuccessKind kind = SuccessKind::Created);
    void showFailure(const CreateResult& result);
    // The answer was lost and DAS lists no such connection: nothing was created.
    void showNotCreated(const CreateResult& result);
    // The answer was lost and several connections on DAS match: the outcome stays unknown.
    void showAmbiguous(const CreateResult& result, const QStringList& candidateIds);
    // A local problem before anything was sent (bad target, missing credentials).
    void showProblem(const QString& message);
    // A line under the explanation, e.g. what happened to the saved password after a create.
    void addNote(const QString& note, bool warning = false);

    QString title() const;
    QString explanation() const;
    QString details() const;
    QString connectionId() const;

signals:
    void statusMessage(const QString& text);

protected:
    void changeEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    enum class Busy
    {
        Credentials,
        Checking,
        Creating,
        Waiting,
        Reconciling,
    };
    // Which failure is shown, so that a language switch can show it again.
    enum class FailureKind
    {
        Plain,
        NotCreated,
        Ambiguous,
    };

    void setTone(Tone tone);
    void startBusy(Busy busy, const QString& target);
    void updateBusyText();
    void showFailureAs(FailureKind kind, const CreateResult& result);
    QString failureTitle(const CreateResult& result, bool unknown) const;
    QString detailLines(const CreateResult& result) const;
    void fitDetails();
    void rerender();
    // Keeps `result` to show again after a language switch, with its rewording when that still holds.
    void keep(const CreateResult& result);

    std::unique_ptr<Ui::ResultPanel> m_ui;
    State m_state = State::Empty;
    Tone m_tone = Tone::Busy;
    Busy m_busy = Busy::Creating;
    QTimer m_busyTicker;
    QElapsedTimer m_busyElapsed;
    QString m_busyTarget;
    QString m_waitingTitle;
    int m_attempt = 0;
    int m_attempts = 0;
    CreateResult m_last;
    std::function<QString()> m_reword; // m_last's explanation in the language installed now, when it can be
    SuccessKind m_successKind = SuccessKind::Created;
    FailureKind m_failureKind = FailureKind::Plain;
    QStringList m_candidates;
    QString m_baseExplanation;
    QString m_lastWarning; // kept so that a language switch re-renders the same result
    QString m_lastNote;
    bool m_lastNoteIsWarning = false;
    bool m_rerendering = false; // showing the same result again (language switch): keep the details open
};

} // namespace das
