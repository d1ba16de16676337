#include "FormFeedback.h"

#include "RequestValidator.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QWidget>

#include <algorithm>

namespace das {

void restyle(QWidget* widget, const char* property, const QVariant& value)
{
    if (widget->property(property) == value)
        return;
    widget->setProperty(property, value);
    applyErrorLook(widget);
}

void applyErrorLook(QWidget* widget)
{
    static const QColor errorRed(0xb3, 0x26, 0x1e);
    if (auto* label = qobject_cast<QLabel*>(widget)) {
        const bool error = label->property("role").toString() == QLatin1String("error");
        if (error == label->testAttribute(Qt::WA_SetPalette))
            return;
        QPalette palette; // resolves nothing else: the rest follows the form's palette
        if (error)
            palette.setColor(QPalette::WindowText, errorRed);
        label->setPalette(palette);
        return;
    }
    const QVariant invalid = widget->property("invalid");
    if (!invalid.isValid())
        return;
    // The node ID editor is outlined around its list, as its buttons sit outside it.
    const char* type = qobject_cast<QLineEdit*>(widget)        ? "QLineEdit"
                       : qobject_cast<QComboBox*>(widget)      ? "QComboBox"
                       : qobject_cast<QPlainTextEdit*>(widget) ? "QPlainTextEdit"
                                                               : "QListWidget";
    widget->setStyleSheet(
        invalid.toBool()
            ? QLatin1String(type) +
                  QStringLiteral(" { border: 1px solid %1; border-radius: 2px; }").arg(errorRed.name())
            : QString());
}

void FormFeedback::addField(const QString& field, QWidget* widget, QLabel* messageLabel)
{
    m_order.append(field);
    m_widgets.insert(field, widget);
    m_labels.insert(field, messageLabel);
    m_hints.insert(field, widget->accessibleDescription());
}

void FormFeedback::reloadHints()
{
    for (auto it = m_widgets.cbegin(); it != m_widgets.cend(); ++it)
        m_hints.insert(it.key(), it.value()->accessibleDescription());
}

void FormFeedback::touchAllBut(const QString& except)
{
    for (const QString& field : std::as_const(m_order)) {
        if (field != except)
            m_touched.insert(field);
    }
}

FormFeedback::Summary FormFeedback::show(const Violations& violations, const QString& targetError,
                                         bool credentialsAvailable)
{
    QHash<QString, QStringList> byField;
    for (const Violation& v : violations)
        byField[v.field].append(v.message);
    if (!targetError.isEmpty())
        byField[FormField::Endpoint].append(targetError);

    QStringList missing;
    QStringList invalid;
    for (const QString& field : std::as_const(m_order)) {
        const QStringList messages = byField.value(field);
        if (messages.isEmpty()) {
            showMessage(field, QString());
            continue;
        }
        const bool onlyRequired =
            std::all_of(violations.cbegin(), violations.cend(), [&](const Violation& v) {
                return v.field != field || v.code == QLatin1String("required");
            });
        const bool show = m_touched.contains(field) || !onlyRequired;
        showMessage(field, show ? messages.join(u'\n') : QString());
        const QString label =
            field == FormField::Endpoint ? tr("Endpoint") : RequestValidator::fieldLabel(field);
        (onlyRequired && field != FormField::Endpoint ? missing : invalid).append(label);
    }

    Summary summary;
    summary.ready = missing.isEmpty() && invalid.isEmpty() && credentialsAvailable;
    if (summary.ready) {
        summary.text = tr("Ready to create. Press Enter or click Create connection.");
        return summary;
    }
    QStringList parts;
    if (m_touched.isEmpty() && invalid.isEmpty())
        parts << tr("Fill in the fields marked * to create the connection.");
    else if (!missing.isEmpty())
        parts << tr("Still needed: %1.").arg(missing.join(QStringLiteral(", ")));
    if (!invalid.isEmpty())
        parts << tr("To fix: %1.").arg(invalid.join(QStringLiteral(", ")));
    if (!credentialsAvailable)
        parts << tr("No credentials for this target.");
    summary.problem = !m_touched.isEmpty() || !invalid.isEmpty() || !credentialsAvailable;
    summary.text = parts.join(u' ');
    return summary;
}

QString FormFeedback::messageFor(const QString& field) const
{
    QLabel* label = m_labels.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

QWidget* FormFeedback::firstProblem() const
{
    for (const QString& field : m_order) {
        if (!messageFor(field).isEmpty())
            return widget(field);
    }
    return nullptr;
}

void FormFeedback::showMessage(const QString& field, const QString& message)
{
    QLabel* label = m_labels.value(field);
    QWidget* fieldWidget = widget(field);
    if (!label || !fieldWidget)
        return;
    label->setText(message);
    label->setVisible(!message.isEmpty());
    restyle(fieldWidget, "invalid", !message.isEmpty());
    // Screen readers announce the field with its problem, or its hint when fine.
    fieldWidget->setAccessibleDescription(message.isEmpty() ? m_hints.value(field) : message);
}

} // namespace das
