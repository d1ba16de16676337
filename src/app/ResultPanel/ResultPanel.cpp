#include "ResultPanel.h"

#include "ui_ResultPanel.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QStyle>

namespace das {

ResultPanel::ResultPanel(QWidget* parent)
    : QFrame(parent)
    , m_ui(std::make_unique<Ui::ResultPanel>())
{
    m_ui->setupUi(this);
    setStyleSheet(QStringLiteral(
        "das--ResultPanel[tone=\"success\"] { border-left: 5px solid #2e7d32; background: #f1f8e9; }"
        "das--ResultPanel[tone=\"failure\"] { border-left: 5px solid #b3261e; background: #fdecea; }"
        "das--ResultPanel[tone=\"unknown\"] { border-left: 5px solid #ef6c00; background: #fff3e0; }"
        "das--ResultPanel[tone=\"busy\"] { border-left: 5px solid #1565c0; background: #e3f2fd; }"));
    QFont big = m_ui->connectionIdEdit->font();
    big.setFamily(QStringLiteral("monospace"));
    big.setStyleHint(QFont::Monospace);
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_ui->connectionIdEdit->setFont(big);
    QFont title = m_ui->titleLabel->font();
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * 1.15);
    m_ui->titleLabel->setFont(title);

    connect(m_ui->copyConnectionIdButton, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_ui->connectionIdEdit->text());
        emit statusMessage(tr("Connection ID copied to the clipboard."));
    });
    connect(m_ui->copyDetailsButton, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_ui->explanationLabel->text() + QStringLiteral("\n\n") +
                                              m_ui->detailsText->toPlainText());
        emit statusMessage(tr("Error details copied to the clipboard."));
    });
    connect(m_ui->detailsToggle, &QToolButton::toggled, this, [this](bool open) {
        m_ui->detailsText->setVisible(open);
        m_ui->detailsToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    });
    m_busyTicker.setInterval(250);
    connect(&m_busyTicker, &QTimer::timeout, this, &ResultPanel::updateBusyText);
    clear();
}

ResultPanel::~ResultPanel() = default;

void ResultPanel::setTone(const char* tone)
{
    setProperty("tone", QLatin1String(tone));
    style()->unpolish(this);
    style()->polish(this);
}

void ResultPanel::clear()
{
    m_state = State::Empty;
    m_busyTicker.stop();
    setVisible(false);
}

void ResultPanel::showBusy(const QString& target)
{
    m_state = State::Busy;
    m_busyTarget = target;
    m_busyElapsed.start();
    m_busyTicker.start();
    setTone("busy");
    m_ui->connectionIdEdit->setVisible(false);
    m_ui->copyConnectionIdButton->setVisible(false);
    m_ui->detailsToggle->setVisible(false);
    m_ui->copyDetailsButton->setVisible(false);
    m_ui->detailsText->setVisible(false);
    m_ui->explanationLabel->setText(
        tr("Press Esc or Cancel to stop waiting. A creation request is never retried automatically."));
    updateBusyText();
    setVisible(true);
}

void ResultPanel::showReadingCredentials()
{
    showBusy(QString());
}

void ResultPanel::updateBusyText()
{
    if (m_busyTarget.isEmpty()) {
        m_ui->titleLabel->setText(tr("Reading the credentials from the OS keychain… %1 s")
                                      .arg(double(m_busyElapsed.elapsed()) / 1000.0, 0, 'f', 1));
        return;
    }
    m_ui->titleLabel->setText(tr("Creating the connection at %1… %2 s")
                                  .arg(m_busyTarget)
                                  .arg(double(m_busyElapsed.elapsed()) / 1000.0, 0, 'f', 1));
}

void ResultPanel::showSuccess(const CreateResult& result, const QString& warning)
{
    m_lastWarning = warning;
    m_lastNote.clear();
    m_state = State::Success;
    m_last = result;
    m_busyTicker.stop();
    setTone("success");
    m_ui->titleLabel->setText(tr("Connection created"));
    m_ui->connectionIdEdit->setText(result.connectionId);
    m_ui->connectionIdEdit->setVisible(true);
    m_ui->copyConnectionIdButton->setVisible(true);
    QString text = tr("Request ID %1. The connection is recorded in the history.").arg(result.requestId);
    if (!warning.isEmpty())
        text = warning;
    m_ui->explanationLabel->setText(text);
    m_baseExplanation = text;
    m_ui->detailsToggle->setVisible(false);
    m_ui->copyDetailsButton->setVisible(false);
    m_ui->detailsText->setVisible(false);
    setVisible(true);
    m_ui->copyConnectionIdButton->setFocus();
}

void ResultPanel::showFailure(const CreateResult& result)
{
    m_state = State::Failure;
    m_last = result;
    m_busyTicker.stop();
    using Outcome = CreateResult::Outcome;
    const bool unknown =
        result.outcome == Outcome::Unknown || (result.outcome == Outcome::Cancelled && result.requestSent);
    setTone(unknown ? "unknown" : "failure");
    switch (result.outcome) {
    case Outcome::Unknown:
        m_ui->titleLabel->setText(tr("Outcome unknown: the connection may or may not exist"));
        break;
    case Outcome::Cancelled:
        m_ui->titleLabel->setText(result.requestSent ? tr("Cancelled: outcome unknown") : tr("Cancelled"));
        break;
    case Outcome::AuthFailed:
        m_ui->titleLabel->setText(tr("Authentication failed: the connection was not created"));
        break;
    case Outcome::NotSent:
        m_ui->titleLabel->setText(tr("Not sent: the connection was not created"));
        break;
    case Outcome::InvalidInput:
        m_ui->titleLabel->setText(tr("Not sent: the request is not valid"));
        break;
    case Outcome::ApiError:
    case Outcome::Created:
        m_ui->titleLabel->setText(unknown ? tr("Outcome unknown") : tr("The connection was not created"));
        break;
    }
    m_ui->connectionIdEdit->setVisible(false);
    m_ui->copyConnectionIdButton->setVisible(false);
    m_ui->explanationLabel->setText(result.explanation);

    QStringList lines;
    if (result.httpStatus)
        lines << tr("HTTP status: %1").arg(result.httpStatus);
    if (!result.errorCode.isEmpty())
        lines << tr("Error code: %1").arg(result.errorCode);
    if (!result.errorMessage.isEmpty())
        lines << tr("Server message: %1").arg(result.errorMessage);
    if (!result.requestId.isEmpty())
        lines << tr("Request ID: %1").arg(result.requestId);
    if (result.clockOffsetSeconds != 0)
        lines << tr("Clock offset (server minus this computer): %1 s").arg(result.clockOffsetSeconds);
    for (const Violation& v : result.violations)
        lines << tr("%1: %2").arg(v.field, v.message);
    if (!result.detail.isEmpty())
        lines << tr("Detail: %1").arg(result.detail);
    lines << tr("Outcome: %1").arg(CreateResult::outcomeName(result.outcome));
    m_ui->detailsText->setPlainText(lines.join(u'\n'));
    m_ui->detailsToggle->setVisible(true);
    m_ui->copyDetailsButton->setVisible(true);
    m_ui->detailsText->setVisible(m_ui->detailsToggle->isChecked());
    setVisible(true);
}

void ResultPanel::showProblem(const QString& message)
{
    showFailure(CreateResult::invalidInput(message));
}

void ResultPanel::addNote(const QString& note, bool warning)
{
    // The newest note replaces a "…ing" progress note; the explanation itself stays.
    m_lastNote = note;
    m_lastNoteIsWarning = warning;
    m_ui->explanationLabel->setText(m_baseExplanation + u'\n' + note);
    if (warning)
        setTone("unknown");
}

QString ResultPanel::explanation() const
{
    return m_ui->explanationLabel->text();
}

QString ResultPanel::details() const
{
    return m_ui->detailsText->toPlainText();
}

QString ResultPanel::connectionId() const
{
    return m_state == State::Success ? m_ui->connectionIdEdit->text() : QString();
}

void ResultPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        if (m_state == State::Success) {
            const QString note = m_lastNote;
            const bool noteIsWarning = m_lastNoteIsWarning;
            showSuccess(m_last, m_lastWarning);
            if (!note.isEmpty())
                addNote(note, noteIsWarning);
        } else if (m_state == State::Failure)
            showFailure(m_last);
    }
    QFrame::changeEvent(event);
}

} // namespace das
