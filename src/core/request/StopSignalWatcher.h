#pragma once

#include <functional>
#include <memory>

class QSocketNotifier;

namespace das {

// Ctrl+C (SIGINT) and, if asked, SIGTERM turned into a call on the event loop, so that a process can stop the
// way it chooses (cancel a create, stop a batch, let the sandbox write its state) instead of dying mid-way.
// The signal handler may only do async-signal-safe things, so it writes one byte to a socket pair that a
// QSocketNotifier watches; the callback then runs like any other event. The handler also puts the default
// action of that signal back, so that a second one ends the process at once, even if the event loop is stuck.
// One watcher at a time; the previous actions are restored on destruction. Without POSIX signals (Windows)
// nothing is installed and the signals end the process as before.
class StopSignalWatcher
{
public:
    enum Signal
    {
        Interrupt = 0x1, // SIGINT: Ctrl+C
        Terminate = 0x2, // SIGTERM: kill, systemd, a test harness
    };

    // `watched`: the Signal values to watch, or-ed together.
    explicit StopSignalWatcher(std::function<void()> onStop, int watched = Interrupt);
    ~StopSignalWatcher();
    StopSignalWatcher(const StopSignalWatcher&) = delete;
    StopSignalWatcher& operator=(const StopSignalWatcher&) = delete;

    // Whether a watched signal came (the callback ran, once).
    bool wasSignalled() const { return m_signalled; }

private:
    struct Installed;
    std::function<void()> m_onStop;
    std::unique_ptr<Installed> m_installed;
    std::unique_ptr<QSocketNotifier> m_notifier;
    bool m_signalled = false;
};

} // namespace das
