#pragma once

#include "CreateCommandLine.h"
#include "PreparedRequest.h"
#include "Violation.h"

#include <QDialog>

#include <memory>

namespace Ui {
class PreviewDialog;
}

namespace das {

// Shows the request as it would be sent, masked, with the JSON body indented for reading, and what is wrong
// with the form (if anything) on top. Copies it (still masked, as sent), as curl, or as the
// das-connect-cli command that sends the same request (the password read from stdin, never in the command).
class PreviewDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreviewDialog(const PreparedRequest& request, QWidget* parent = nullptr);
    ~PreviewDialog() override;

    // The form's violations, listed in red above the request; none hides the list.
    void setViolations(const Violations& violations);
    // What "Copy as das-connect-cli command" builds its command from; the request's password is dropped.
    void setCommandInput(const CreateCommandLine::Input& input);

    QString text() const;
    QString violationsText() const;

    // `body` re-indented, keys and values byte for byte as they were (QJsonDocument would sort the keys);
    // text that is not a JSON object or array comes back unchanged.
    static QByteArray indentJson(const QByteArray& body);

protected:
    void changeEvent(QEvent* event) override;

private:
    void showRequest();
    void showViolations();
    void fitToText();

    std::unique_ptr<Ui::PreviewDialog> m_ui;
    PreparedRequest m_request;
    Violations m_violations;
    CreateCommandLine::Input m_command;
};

} // namespace das
