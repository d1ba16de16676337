#pragma once

#include "Violation.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

class QLabel;
class QVariant;
class QWidget;

namespace das {

// The form's field names: the API's, as the validator reports them, plus "endpoint" for the target.
namespace FormField {
inline const QString Endpoint = QStringLiteral("endpoint");
inline const QString ProjectId = QStringLiteral("project_id");
inline const QString InstanceId = QStringLiteral("instance_id");
inline const QString EngineType = QStringLiteral("engine_type");
inline const QString NetworkType = QStringLiteral("network_type");
inline const QString Username = QStringLiteral("username");
inline const QString Password = QStringLiteral("password");
inline const QString NodeIds = QStringLiteral("node_ids");
inline const QString Port = QStringLiteral("port");
inline const QString DatabaseName = QStringLiteral("database_name");
inline const QString Remarks = QStringLiteral("remarks");
} // namespace FormField

// Sets the property that says how a widget of the form looks, "role" ("error": a label in red) or "invalid"
// (true: a field outlined in red), and applies that look (applyErrorLook).
void restyle(QWidget* widget, const char* property, const QVariant& value);
// The look of `widget`'s role and invalid properties. Not a style sheet on the whole form: with one, Qt
// styles every field through QStyleSheetStyle, which cost a sixth of the window's start-up and 1.4 MiB; only
// a field marked invalid gets its outline as a style sheet of its own, while it is invalid.
void applyErrorLook(QWidget* widget);

// The validator's verdict as ConnectionForm shows it: a message beside each field the user has touched (and
// beside untouched ones for anything but "required"), a red outline, the message as the field's accessible
// description, and one summary line. Its strings are the form's, in the form's translation context.
class FormFeedback
{
    Q_DECLARE_TR_FUNCTIONS(das::ConnectionForm)

public:
    struct Summary
    {
        bool ready = false;
        bool problem = false; // shown in red: something the user touched needs fixing, or no credentials
        QString text;
    };

    // In form order, which is the order of the summary and of firstProblem(). The widget's accessible
    // description at this point is its hint, shown to screen readers while the field is fine.
    void addField(const QString& field, QWidget* widget, QLabel* messageLabel);
    // Re-reads the hints after the form was retranslated.
    void reloadHints();

    void touch(const QString& field) { m_touched.insert(field); }
    // Every field but `except`; the others are untouched.
    void touchAllBut(const QString& except);
    void touchAll() { touchAllBut(QString()); }
    void untouchAll() { m_touched.clear(); }

    // Shows `violations` and a target error (on the endpoint field); ready when there is nothing to show
    // and there are credentials to sign with. Before the user has touched anything the summary only says
    // what is required, without listing it as a problem.
    Summary show(const Violations& violations, const QString& targetError, bool credentialsAvailable);
    QString messageFor(const QString& field) const;
    QWidget* widget(const QString& field) const { return m_widgets.value(field); }
    QWidget* firstProblem() const;

private:
    void showMessage(const QString& field, const QString& message);

    QStringList m_order;
    QHash<QString, QWidget*> m_widgets;
    QHash<QString, QLabel*> m_labels;
    QHash<QString, QString> m_hints;
    QSet<QString> m_touched;
};

} // namespace das
