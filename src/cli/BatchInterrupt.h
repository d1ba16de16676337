#pragma once

#include <functional>
#include <memory>

class QSocketNotifier;

namespace das {

// Ctrl+C (SIGINT) while a batch runs, turned into a call on the event loop. The signal handler may only do
// async-signal-safe things, so it writes one byte to a socket pair that a QSocketNotifier watches; the
// callback then runs like any other event. The handler also puts the default action back, so that a second
// Ctrl+C ends the process at once. One at a time; the previous action is restored on destruction. Without
// POSIX signals (Windows) nothing is installed and Ctrl+C ends the process as before.
class BatchInterrupt
{
public:
    explicit BatchInterrupt(std::function<void()> onInterrupt);
    ~BatchInterrupt();
    BatchInterrupt(const BatchInterrupt&) = delete;
    BatchInterrupt& operator=(const BatchInterrupt&) = delete;

    bool wasInterrupted() const { return m_interrupted; }

private:
    struct Installed;
    std::function<void()> m_onInterrupt;
    std::unique_ptr<Installed> m_installed;
    std::unique_ptr<QSocketNotifier> m_notifier;
    bool m_interrupted = false;
};

} // namespace das
