#pragma once

#include <QObject>

#include <functional>

class QWidget;

namespace das {

class ConnectionForm;
struct HistoryRecord;
class ResultPanel;
class StatusLine;

// History → "Use as template": fills the form from a history row, but asks first when the form holds edits
// that were never sent (a typed password included: ConnectionForm::hasUnsentEdits), and clears the result of
// the previous request, which was for another request.
class FormTemplate : public QObject
{
    Q_OBJECT

public:
    FormTemplate(QWidget* window, ConnectionForm* form, std::function<ResultPanel*()> panel,
                 StatusLine* status, std::function<bool()> busy);

    void use(const HistoryRecord& record);

private:
    QWidget* m_window;
    ConnectionForm* m_form;
    std::function<ResultPanel*()> m_panel; // built when first needed
    StatusLine* m_status;
    std::function<bool()> m_busy;
};

} // namespace das
