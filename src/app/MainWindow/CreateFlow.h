#pragma once

#include "CreateSession.h"

#include <QByteArray>
#include <QMessageBox>
#include <QObject>
#include <QPair>
#include <QPointer>

#include <functional>
#include <optional>

class QWidget;

namespace das {

class ConnectionForm;
class ResultPanel;

// One create, from the window's form to its result panel. Not a widget: it asks before sending when the
// unchanged form was just created or its last create's outcome is unknown, starts a CreateSession that looks
// on DAS for an existing connection first (IfExists::Ask), answers the session's questions with message
// boxes it owns, and shows every stage in the ResultPanel. The sequencing itself is the session's.
class CreateFlow : public QObject
{
    Q_OBJECT

public:
    // The window's result panel, built when first needed (it is hidden until a create shows something).
    using PanelSource = std::function<ResultPanel*()>;

    CreateFlow(const CreateSession::Services& services, ConnectionForm* form, PanelSource panel,
               QWidget* window);
    ~CreateFlow() override;

    // Creates the form's request with `credentials` (the window's choice for the form's target). An invalid
    // form only shows its problems.
    void create(const CredentialChoice& credentials);
    // Where sessions record their rows; null or closed: the created ID is shown with a warning.
    void setHistory(HistoryStore* history) { m_services.history = history; }
    void cancel();
    bool isRunning() const { return m_session && m_session->isRunning(); }

    // When to look on DAS after a lost answer; empty means the core's schedule. Tests shorten it.
    void setReconcileScheduleMs(const QList<int>& scheduleMs) { m_reconcileScheduleMs = scheduleMs; }
    // The question the flow is waiting on (object name "createQuestion"), or null.
    QMessageBox* question() const { return m_question; }

    // Disables "Remember in this computer's keychain" when the bus says there is no keychain. The window
    // calls it after its first paint: asking the bus daemon is quick, but not needed to draw the window.
    void checkKeychain();

signals:
    void busyChanged(bool busy);
    // A history row was written or changed.
    void historyChanged();
    void passwordSaved();
    void statusMessage(const QString& text, int timeoutMs);
    void finished(const das::CreateResult& result);

private:
    // What the last create on this form ended in, until the form changes.
    struct Remembered
    {
        QByteArray key;       // target and request without the password
        QString connectionId; // empty when the outcome is unknown
    };

    QByteArray formKey() const;
    void forgetIfChanged();
    void start(const CredentialChoice& credentials, CreateSession::IfExists ifExists);
    void connectSession(CreateSession* session);
    void onRecorded(const CreateResult& result, qint64 historyId, const QString& warning);
    void onFinished(const CreateSession::Outcome& outcome);
    void showOutcome(const CreateSession::Outcome& outcome);
    void remember(const CreateSession::Outcome& outcome);
    void askDuplicate(const QList<ConnectionInfo>& existing);
    void askCheckFailed(const CreateResult& failure);
    // A button of a question: object name (for tests) and text.
    using Choice = QPair<QString, QString>;
    // Opens a window-modal question with the `proceed` buttons and Cancel (the default); `answer` gets the
    // index of the button clicked, -1 for Cancel, Esc or a closed box. Never blocks in a nested event loop.
    void ask(const QString& title, const QString& text, const QString& informative,
             const QList<Choice>& proceed, std::function<void(int proceedIndex)> answer);
    void closeQuestion();

    CreateSession::Services m_services;
    ConnectionForm* m_form;
    ResultPanel* panel() const { return m_panel(); }

    PanelSource m_panel;
    QWidget* m_window;
    QPointer<CreateSession> m_session;
    QPointer<QMessageBox> m_question;
    QList<int> m_reconcileScheduleMs;
    std::optional<Remembered> m_last;
    QByteArray m_runningKey;
    bool m_usedExisting = false;
    bool m_reconciled = false;
};

} // namespace das
