#include "PreviewDialog.h"

#include "RequestValidator.h"
#include "ui_PreviewDialog.h"

#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QPushButton>
#include <QScreen>

namespace das {

PreviewDialog::PreviewDialog(const PreparedRequest& request, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::PreviewDialog>())
    , m_request(request)
{
    m_ui->setupUi(this);
    m_ui->previewText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ui->violationsLabel->setVisible(false);
    m_ui->copiedLabel->setVisible(false);
    showRequest();
    m_ui->copyCliButton->setEnabled(false); // until setCommandInput
    connect(m_ui->copyHttpButton, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_request.maskedText()); });
    connect(m_ui->copyCurlButton, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_request.maskedCurl()); });
    connect(m_ui->copyCliButton, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(CreateCommandLine::script(m_command));
        m_ui->copiedLabel->setVisible(true);
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    fitToText();
}

PreviewDialog::~PreviewDialog() = default;

void PreviewDialog::setViolations(const Violations& violations)
{
    m_violations = violations;
    showViolations();
    fitToText();
}

void PreviewDialog::setCommandInput(const CreateCommandLine::Input& input)
{
    m_command = input;
    m_command.request.password.clear(); // the command never carries it; dropped here so it is not even held
    m_ui->copyCliButton->setEnabled(true);
}

QString PreviewDialog::text() const
{
    return m_ui->previewText->toPlainText();
}

QString PreviewDialog::violationsText() const
{
    return m_ui->violationsLabel->isVisibleTo(this) ? m_ui->violationsLabel->text() : QString();
}

void PreviewDialog::showRequest()
{
    // The masked text is method, URL, headers, a blank line and the body: only the body is re-indented, so
    // what is masked stays masked exactly as in the text that would be copied.
    const QString masked = m_request.maskedText();
    const qsizetype blank = masked.indexOf(QLatin1String("\n\n"));
    if (blank < 0) {
        m_ui->previewText->setPlainText(masked);
        return;
    }
    m_ui->previewText->setPlainText(masked.left(blank + 2) +
                                    QString::fromUtf8(indentJson(masked.mid(blank + 2).toUtf8())));
}

void PreviewDialog::showViolations()
{
    m_ui->violationsLabel->setVisible(!m_violations.isEmpty());
    if (m_violations.isEmpty())
        return;
    QString html =
        QStringLiteral("<p style=\"color:#c62828\"><b>%1</b></p><ul style=\"color:#c62828\">")
            .arg(tr("This request is not valid; DAS would refuse it. Fix these first:").toHtmlEscaped());
    for (const Violation& v : std::as_const(m_violations)) {
        const QString where =
            v.index >= 0 ? tr("%1 (entry %2)").arg(RequestValidator::fieldLabel(v.field)).arg(v.index + 1)
                         : RequestValidator::fieldLabel(v.field);
        html += QStringLiteral("<li>") + tr("%1: %2").arg(where, v.message).toHtmlEscaped() +
                QStringLiteral("</li>");
    }
    m_ui->violationsLabel->setText(html + QStringLiteral("</ul>"));
}

void PreviewDialog::fitToText()
{
    // Wide enough for the longest line (the URL, the Authorization header) and tall enough for every line,
    // up to what the screen allows; beyond that the text scrolls.
    const QFontMetrics metrics(m_ui->previewText->font());
    const QStringList lines = text().split(u'\n');
    int widest = 0;
    for (const QString& line : lines)
        widest = qMax(widest, metrics.horizontalAdvance(line));
    const QRect screen = (parentWidget() ? parentWidget()->screen() : this->screen())->availableGeometry();
    const int width = qBound(560, widest + 80, screen.width() * 9 / 10);
    // Labels wrap at the dialog's width: ask them for their height there.
    const int labelWidth = width - 40;
    int labels =
        m_ui->previewHint->heightForWidth(labelWidth) + m_ui->copiedLabel->heightForWidth(labelWidth);
    if (!m_violations.isEmpty())
        labels += m_ui->violationsLabel->heightForWidth(labelWidth);
    const int textHeight =
        int(lines.size() + 2) * metrics.lineSpacing() + 2 * m_ui->previewText->frameWidth();
    const int buttons = m_ui->copyHttpButton->sizeHint().height() + 60; // plus margins and spacing
    resize(width, qBound(360, textHeight + labels + buttons, screen.height() * 85 / 100));
}

void PreviewDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        showViolations();
    }
    QDialog::changeEvent(event);
}

QByteArray PreviewDialog::indentJson(const QByteArray& body)
{
    const QByteArray trimmed = body.trimmed();
    if (!trimmed.startsWith('{') && !trimmed.startsWith('['))
        return body;
    QByteArray out;
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    auto newline = [&out, &depth] {
        out += '\n' + QByteArray(4 * depth, ' ');
    };
    for (qsizetype i = 0; i < trimmed.size(); ++i) {
        const char c = trimmed.at(i);
        if (inString) {
            out += c;
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        const bool emptyContainer = (c == '{' || c == '[') && i + 1 < trimmed.size() &&
                                    (trimmed.at(i + 1) == '}' || trimmed.at(i + 1) == ']');
        switch (c) {
        case '"':
            inString = true;
            out += c;
            break;
        case '{':
        case '[':
            out += c;
            if (emptyContainer) {
                out += trimmed.at(++i);
                break;
            }
            ++depth;
            newline();
            break;
        case '}':
        case ']':
            --depth;
            newline();
            out += c;
            break;
        case ',':
            out += c;
            newline();
            break;
        case ':':
            out += ": ";
            break;
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            break; // the body is compact; any white space outside strings is re-made here
        default:
            out += c;
        }
    }
    return depth == 0 && !inString ? out : body;
}

} // namespace das
