#include "StatusLine.h"

#include <QStatusBar>

namespace das {

StatusLine::StatusLine(QStatusBar* bar, QObject* parent)
    : QObject(parent)
    , m_bar(bar)
{}

void StatusLine::show(Render render, int timeoutMs)
{
    m_render = std::move(render);
    m_timeoutMs = timeoutMs;
    m_since.start();
    m_shown = m_render();
    m_bar->showMessage(m_shown, timeoutMs);
}

void StatusLine::showText(const QString& text, int timeoutMs)
{
    m_render = nullptr;
    m_bar->showMessage(text, timeoutMs);
}

void StatusLine::retranslate()
{
    if (!m_render || m_bar->currentMessage() != m_shown || m_shown.isEmpty())
        return;
    // The rest of its time, not a fresh one: switching languages does not keep a message up.
    int left = 0;
    if (m_timeoutMs > 0)
        left = int(qMax<qint64>(1, m_timeoutMs - m_since.elapsed()));
    m_shown = m_render();
    m_bar->showMessage(m_shown, left);
}

} // namespace das
