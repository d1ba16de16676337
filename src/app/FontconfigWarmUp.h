#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <thread>

namespace das {

// Reads fontconfig's configuration on a second thread while the GUI thread constructs QApplication.
// Fontconfig parses its XML configuration and maps its caches the first time a font is needed (3.3-3.7 ms on
// the benchmark machine), which Qt does on the GUI thread when the window's first line edit is built; most of
// that now overlaps QApplication's connection to the display (bench/startup.sh: the window maps 1.1-1.4 ms
// sooner).
//
// The thread runs only while QApplication is being constructed: start it just before, wait() just after.
// FcInit() itself may run on any thread (fontconfig publishes its configuration with a compare-and-swap), but
// it reads the environment and the C locale, and QApplication's constructor writes both. So the main thread
// first sets the C locale to what QCoreApplication sets it to, and the thread is started only where the
// constructor's other writes are known not to happen (isSafe()): not where the xcb plugin removes
// DESKTOP_STARTUP_ID (a start from a desktop launcher), not where another platform plugin, a platform theme
// (GTK's sets the locale and the environment), a style, a generic or another input-method plugin may be
// loaded, and not for --help and --version, which show no window.
class FontconfigWarmUp
{
public:
    using Environment = std::function<QByteArray(const char* name)>;

    FontconfigWarmUp(int argc, char** argv);
    ~FontconfigWarmUp();
    FontconfigWarmUp(const FontconfigWarmUp&) = delete;
    FontconfigWarmUp& operator=(const FontconfigWarmUp&) = delete;

    // Returns once fontconfig's configuration is loaded (at once if the thread did not start).
    void wait();
    bool started() const { return m_started; }

    // Whether the thread may run during QApplication's constructor for these arguments (without the
    // program's name) and this environment, given the plugin places that must hold nothing: folders that
    // must be absent or empty, files that must not exist.
    static bool isSafe(const QList<QByteArray>& arguments, const Environment& environment,
                       const QStringList& pluginPlaces);
    // Where plugins that isSafe() does not know could come from on this installation: Qt's platformthemes
    // and styles folders, and a qt.conf or plugin folders beside the program.
    static QStringList pluginPlaces();

private:
    std::thread m_thread;
    bool m_started = false;
};

} // namespace das
