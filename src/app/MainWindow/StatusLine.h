#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <functional>

class QStatusBar;

namespace das {

// The window's status bar messages. A message the window words itself is kept as the function that renders
// it, so that after View → Language it is shown again in the new language for the rest of its time; a
// message another part worded (already translated) is shown as it is.
class StatusLine : public QObject
{
    Q_OBJECT

public:
    using Render = std::function<QString()>;

    StatusLine(QStatusBar* bar, QObject* parent);

    void show(Render render, int timeoutMs);
    void showText(const QString& text, int timeoutMs);
    // Re-renders the window's own message if it is still showing.
    void retranslate();

private:
    QStatusBar* m_bar;
    Render m_render;
    QString m_shown;
    int m_timeoutMs = 0;
    QElapsedTimer m_since;
};

} // namespace das
