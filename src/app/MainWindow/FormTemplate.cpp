#include "FormTemplate.h"

#include "ConnectionForm.h"
#include "HistoryRecord.h"
#include "ResultPanel.h"
#include "StatusLine.h"

#include <QMessageBox>
#include <QPushButton>

namespace das {

FormTemplate::FormTemplate(QWidget* window, ConnectionForm* form, std::function<ResultPanel*()> panel,
                           StatusLine* status, std::function<bool()> busy)
    : QObject(window)
    , m_window(window)
    , m_form(form)
    , m_panel(std::move(panel))
    , m_status(status)
    , m_busy(std::move(busy))
{}

void FormTemplate::use(const HistoryRecord& record)
{
    if (m_busy()) {
        m_status->show([] { return tr("A create is running; use the template when it has finished."); },
                       4000);
        return;
    }
    if (m_form->hasUnsentEdits()) {
        QMessageBox box(QMessageBox::Question, tr("Replace the form?"),
                        tr("The form holds edits that were not sent. Fill it from this history row instead? "
                           "What you typed, the password included, is lost."),
                        QMessageBox::Yes | QMessageBox::Cancel, m_window);
        box.setObjectName(QStringLiteral("replaceFormQuestion"));
        box.button(QMessageBox::Yes)->setText(tr("&Replace the form"));
        box.button(QMessageBox::Yes)->setObjectName(QStringLiteral("replaceFormButton"));
        box.button(QMessageBox::Cancel)->setText(tr("&Keep my edits"));
        box.button(QMessageBox::Cancel)->setObjectName(QStringLiteral("keepEditsButton"));
        box.setDefaultButton(QMessageBox::Cancel);
        box.setEscapeButton(QMessageBox::Cancel);
        if (box.exec() != QMessageBox::Yes)
            return;
    }
    m_form->setRequest(record.toTemplate());
    m_panel()->clear(); // the result shown was for another request
    m_status->show(
        [] {
            return QCoreApplication::translate("das::MainWindow",
                                               "Form filled from the history; enter the password.");
        },
        4000);
    m_form->focusField(QStringLiteral("password"));
}

} // namespace das
