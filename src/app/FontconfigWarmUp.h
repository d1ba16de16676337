#pragma once

#include <thread>

namespace das {

// Reads fontconfig's configuration on a thread of its own while the GUI thread loads the platform plugin and
// builds the window. Fontconfig parses its XML configuration and maps its caches the first time a font is
// needed (3.3-3.7 ms on the benchmark machine), and Qt asks for that on the GUI thread, after the window's
// widgets exist and before it can be shown. Started first thing in main(), the configuration is ready by
// then, and start-up is that much shorter on any machine with a second core (bench/startup.sh).
//
// FcInit() is safe to call from any thread: fontconfig publishes its configuration with an atomic
// compare-and-swap, so if Qt asks before the thread is done, both build one and one of them is dropped.
// The destructor waits for the thread, so that nothing runs once main() returns. QCommandLineParser ends
// the process with exit() for --help and --version, maybe while the thread runs: harmless, since the thread
// touches only fontconfig, which registers no exit handlers.
class FontconfigWarmUp
{
public:
    FontconfigWarmUp();
    ~FontconfigWarmUp();
    FontconfigWarmUp(const FontconfigWarmUp&) = delete;
    FontconfigWarmUp& operator=(const FontconfigWarmUp&) = delete;

private:
    std::thread m_thread;
};

} // namespace das
