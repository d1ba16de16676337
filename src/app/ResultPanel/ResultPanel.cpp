#include "ResultPanel.h"

#include "ui_ResultPanel.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QPainter>
#include <QPlainTextEdit>
#include <QStyle>
#include <QStyleOptionFrame>

namespace das {

ResultPanel::ResultPanel(QWidget* parent)
    : QFrame(parent)
    , m_ui(std::make_unique<Ui::ResultPanel>())
{
    m_ui->setupUi(this);
    // The tone is painted in paintEvent() rather than by a style sheet, which would send the panel and every
    // child through the slower style sheet style (start-up time) for four colours.
    // The stripe is drawn over the frame's contents, so the layout keeps the text clear of it, with air.
    m_ui->resultLayout->setContentsMargins(StripeWidth + TextPadding, TextPadding, TextPadding, TextPadding);
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
        QGuiApplication::clipboard()->setText(m_ui->titleLabel->text() + u'\n' +
                                              m_ui->explanationLabel->text() + QStringLiteral("\n\n") +
                                              m_ui->detailsText->toPlainText());
        emit statusMessage(tr("Error details copied to the clipboard."));
    });
    connect(m_ui->detailsToggle, &QToolButton::toggled, this, [this](bool open) {
        m_ui->detailsText->setVisible(open);
        m_ui->detailsToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    });
    // Never taller than its content: the form below keeps every pixel the panel does not need.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_ui->detailsText->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_busyTicker.setInterval(250);
    connect(&m_busyTicker, &QTimer::timeout, this, &ResultPanel::updateBusyText);
    clear();
}

ResultPanel::~ResultPanel() = default;

void ResultPanel::setTone(Tone tone)
{
    m_tone = tone;
    update();
}

QColor ResultPanel::stripeColor(Tone tone)
{
    switch (tone) {
    case Tone::Success:
        return QColor(0x2e, 0x7d, 0x32);
    case Tone::Failure:
        return QColor(0xb3, 0x26, 0x1e);
    case Tone::Unknown:
        return QColor(0xef, 0x6c, 0x00);
    case Tone::Busy:
        break;
    }
    return QColor(0x15, 0x65, 0xc0);
}

QColor ResultPanel::backgroundColor(Tone tone)
{
    switch (tone) {
    case Tone::Success:
        return QColor(0xf1, 0xf8, 0xe9);
    case Tone::Failure:
        return QColor(0xfd, 0xec, 0xea);
    case Tone::Unknown:
        return QColor(0xff, 0xf3, 0xe0);
    case Tone::Busy:
        break;
    }
    return QColor(0xe3, 0xf2, 0xfd);
}

void ResultPanel::paintEvent(QPaintEvent* /*event*/)
{
    QPainter painter(this);
    painter.fillRect(rect(), backgroundColor(m_tone));
    painter.fillRect(QRect(0, 0, StripeWidth, height()), stripeColor(m_tone));
    // The style's frame over the stripe's outer edge, shaded from the tone's background as the style shades
    // it from a window's.
    QStyleOptionFrame option;
    initStyleOption(&option);
    option.palette.setColor(QPalette::Window, backgroundColor(m_tone));
    style()->drawControl(QStyle::CE_ShapedFrame, &option, &painter, this);
}

void ResultPanel::clear()
{
    m_state = State::Empty;
    m_busyTicker.stop();
    setVisible(false);
}

void ResultPanel::startBusy(Busy busy, const QString& target)
{
    // A new stage of the same create keeps counting from its start.
    if (m_state != State::Busy)
        m_busyElapsed.start();
    m_state = State::Busy;
    m_busy = busy;
    m_busyTarget = target;
    if (busy == Busy::Waiting)
        m_busyTicker.stop();
    else
        m_busyTicker.start();
    setTone(Tone::Busy);
    m_ui->connectionIdEdit->setVisible(false);
    m_ui->copyConnectionIdButton->setVisible(false);
    m_ui->detailsToggle->setVisible(false);
    m_ui->copyDetailsButton->setVisible(false);
    m_ui->detailsText->setVisible(false);
    updateBusyText();
    setVisible(true);
}

void ResultPanel::showBusy(const QString& target)
{
    startBusy(target.isEmpty() ? Busy::Credentials : Busy::Creating, target);
}

void ResultPanel::showReadingCredentials()
{
    startBusy(Busy::Credentials, QString());
}

void ResultPanel::showCheckingDuplicates(const QString& target)
{
    startBusy(Busy::Checking, target);
}

void ResultPanel::showWaiting(const QString& title)
{
    m_waitingTitle = title;
    startBusy(Busy::Waiting, QString());
}

void ResultPanel::showReconciling(int attempt, int attempts)
{
    m_attempt = attempt;
    m_attempts = attempts;
    startBusy(Busy::Reconciling, QString());
}

void ResultPanel::updateBusyText()
{
    const QString seconds = QString::number(double(m_busyElapsed.elapsed()) / 1000.0, 'f', 1);
    QString title;
    QString explanation =
        tr("Press Esc or Cancel to stop waiting. A creation request is never retried automatically.");
    switch (m_busy) {
    case Busy::Credentials:
        title = tr("Reading the credentials from the OS keychain… %1 s").arg(seconds);
        break;
    case Busy::Checking:
        title = tr("Checking DAS for an existing connection at %1… %2 s").arg(m_busyTarget, seconds);
        break;
    case Busy::Creating:
        title = tr("Creating the connection at %1… %2 s").arg(m_busyTarget, seconds);
        break;
    case Busy::Waiting:
        title = m_waitingTitle;
        explanation = tr("The create request has not been sent yet.");
        break;
    case Busy::Reconciling:
        title = tr("Answer lost; asking DAS whether the connection was created (look %1 of %2)…")
                    .arg(m_attempt)
                    .arg(m_attempts);
        explanation =
            tr("The create request is never sent again: DAS is asked which connections exist instead.");
        break;
    }
    m_ui->titleLabel->setText(title);
    m_ui->explanationLabel->setText(explanation);
}

void ResultPanel::showSuccess(const CreateResult& result, const QString& warning, SuccessKind kind)
{
    m_lastWarning = warning;
    m_lastNote.clear();
    m_state = State::Success;
    m_successKind = kind;
    keep(result);
    m_busyTicker.stop();
    setTone(Tone::Success);
    QString text;
    switch (kind) {
    case SuccessKind::Created:
        m_ui->titleLabel->setText(tr("Connection created"));
        text = tr("Request ID %1. The connection is recorded in the history.").arg(result.requestId);
        break;
    case SuccessKind::Confirmed:
        m_ui->titleLabel->setText(tr("Created (confirmed on DAS)"));
        text = tr("The answer to the create request was lost, but DAS lists exactly one matching connection "
                  "created just now. It is recorded in the history.");
        break;
    case SuccessKind::Existing:
        m_ui->titleLabel->setText(tr("Existing connection used"));
        text = tr("DAS already had this connection, so nothing was created. It is recorded in the history.");
        break;
    }
    m_ui->connectionIdEdit->setText(result.connectionId);
    m_ui->connectionIdEdit->setVisible(true);
    m_ui->copyConnectionIdButton->setVisible(true);
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
    showFailureAs(FailureKind::Plain, result);
}

void ResultPanel::showNotCreated(const CreateResult& result)
{
    showFailureAs(FailureKind::NotCreated, result);
}

void ResultPanel::showAmbiguous(const CreateResult& result, const QStringList& candidateIds)
{
    m_candidates = candidateIds;
    showFailureAs(FailureKind::Ambiguous, result);
}

void ResultPanel::showFailureAs(FailureKind kind, const CreateResult& result)
{
    if (!m_rerendering)
        m_ui->detailsToggle->setChecked(false); // each new result starts with its details folded
    m_state = State::Failure;
    m_failureKind = kind;
    keep(result);
    m_lastNote.clear();
    m_busyTicker.stop();
    using Outcome = CreateResult::Outcome;
    const bool unknown =
        kind == FailureKind::Ambiguous ||
        (kind == FailureKind::Plain && (result.outcome == Outcome::Unknown ||
                                        (result.outcome == Outcome::Cancelled && result.requestSent)));
    setTone(unknown ? Tone::Unknown : Tone::Failure);
    QString explanation = result.explanation;
    switch (kind) {
    case FailureKind::Plain:
        m_ui->titleLabel->setText(failureTitle(result, unknown));
        break;
    case FailureKind::NotCreated:
        m_ui->titleLabel->setText(tr("Not created — safe to create again"));
        explanation = tr("The answer to the create request was lost, and DAS lists no matching connection: "
                         "the connection was not created.");
        break;
    case FailureKind::Ambiguous:
        m_ui->titleLabel->setText(tr("Outcome unknown: several connections on DAS match: %1")
                                      .arg(m_candidates.join(QStringLiteral(", "))));
        explanation = tr("The answer to the create request was lost, and more than one connection on DAS "
                         "matches it. Look at them on the On DAS tab before creating again.");
        break;
    }
    m_ui->connectionIdEdit->setVisible(false);
    m_ui->copyConnectionIdButton->setVisible(false);
    m_ui->explanationLabel->setText(explanation);
    m_baseExplanation = explanation;
    m_ui->detailsText->setPlainText(detailLines(result));
    fitDetails();
    m_ui->detailsToggle->setVisible(true);
    m_ui->copyDetailsButton->setVisible(true);
    m_ui->detailsText->setVisible(m_ui->detailsToggle->isChecked());
    setVisible(true);
}

QString ResultPanel::failureTitle(const CreateResult& result, bool unknown) const
{
    using Outcome = CreateResult::Outcome;
    switch (result.outcome) {
    case Outcome::Unknown:
        return tr("Outcome unknown: the connection may or may not exist");
    case Outcome::Cancelled:
        return result.requestSent ? tr("Cancelled: outcome unknown") : tr("Cancelled");
    case Outcome::AuthFailed:
        return tr("Authentication failed: the connection was not created");
    case Outcome::NotSent:
        return tr("Not sent: the connection was not created");
    case Outcome::InvalidInput:
        return tr("Not sent: the request is not valid");
    case Outcome::ApiError:
    case Outcome::Created:
        break;
    }
    return unknown ? tr("Outcome unknown") : tr("The connection was not created");
}

QString ResultPanel::detailLines(const CreateResult& result) const
{
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
    return lines.join(u'\n');
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
        setTone(Tone::Unknown);
}

QString ResultPanel::title() const
{
    return m_ui->titleLabel->text();
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

// The details box is as tall as its lines (a scroll bar beyond MaxDetailLines), so that opening it adds
// only what it shows.
void ResultPanel::fitDetails()
{
    QPlainTextEdit* details = m_ui->detailsText;
    const int lines = qBound(1, int(details->document()->blockCount()), MaxDetailLines);
    const int margins = 2 * details->frameWidth() + 2 * int(details->document()->documentMargin());
    details->setFixedHeight(lines * details->fontMetrics().lineSpacing() + margins + 2);
}

void ResultPanel::keep(const CreateResult& result)
{
    m_last = result;
    if (m_rerendering)
        return;
    // Only a rewording that still gives the sentence shown is kept: one changed or added to since (a note, a
    // verdict worded elsewhere) stays as it is rather than be replaced by its first words.
    m_reword = result.reword && result.reword() == result.explanation ? result.reword : nullptr;
}

void ResultPanel::rerender()
{
    m_rerendering = true;
    if (m_reword)
        m_last.explanation = m_reword();
    const QString note = m_lastNote;
    const bool noteIsWarning = m_lastNoteIsWarning;
    if (m_state == State::Success)
        showSuccess(m_last, m_lastWarning, m_successKind);
    else if (m_state == State::Failure)
        showFailureAs(m_failureKind, m_last);
    else if (m_state == State::Busy)
        updateBusyText();
    if (!note.isEmpty() && m_state != State::Busy)
        addNote(note, noteIsWarning);
    m_rerendering = false;
}

void ResultPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        rerender();
    }
    QFrame::changeEvent(event);
}

} // namespace das
