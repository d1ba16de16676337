#pragma once

#include <QCommandLineOption>
#include <QString>

#include <functional>

class QCommandLineParser;
class QIcon;
class QElapsedTimer;
class QSize;
class QWidget;

namespace das {

class MainWindow;

// The app's scripted runs, kept out of main(): `--screenshot FILE` (the README's picture: the window on the
// sandbox after one create, saved as PNG, then exit) and `--quit-after-show` (bench/startup.sh: start-up
// time and peak memory once the window is exposed, then exit) and the hidden `--self-test`
// (scripts/check-package: the installed window creates one connection on its built-in sandbox, prints the ID
// and exits 0).
class StartupHooks
{
public:
    StartupHooks();

    void addOptions(QCommandLineParser& parser) const;
    // What addOptions() adds, for the man page and the completion.
    QList<QCommandLineOption> options() const;
    // A scripted run never shows the first-run question.
    bool isScripted(const QCommandLineParser& parser) const;
    // A screenshot is always taken on the sandbox.
    bool needsSandbox(const QCommandLineParser& parser) const;
    // --quit-after-show is armed at show(), the others once the start-up after the first paint is done.
    const QCommandLineOption& quitAfterShowOption() const { return m_quitAfterShow; }
    // Call after window.show(); `sinceMain` was started on entry to main().
    void arm(const QCommandLineParser& parser, MainWindow& window, const QElapsedTimer& sinceMain) const;

private:
    QCommandLineOption m_screenshot;
    QCommandLineOption m_screenshotSize;
    QCommandLineOption m_screenshotTab;
    QCommandLineOption m_quitAfterShow;
    QCommandLineOption m_selfTest;
};

// Sizes a first window to `preferred`, at most 90 % of its screen's available area, or keeps a `restored`
// one on that area (shrunk to 90 % when it does not fit).
void fitToScreen(QWidget& window, const QSize& preferred, bool restored);

// DAS_STARTUP_TIMING=1 (bench/startup.sh): prints "startup: <phase> <ms>" to stderr, the milliseconds since
// the exec (DAS_STARTUP_T0_NS, set by bench/mapwait) or else since the process started (/proc/self/stat, in
// clock ticks), so the first mark also shows what the loader and the static initialisers took. Off: nothing.
void markStartup(const char* phase);
bool startupTimingEnabled();
// With the timing on, loads the font database now (else the window's construction does), as its own mark.
void markStartupFonts();

// Runs `then` once, from the event loop, after `window` was first exposed and painted (or after a second if
// the platform never exposes it, e.g. a window restored minimised).
void afterFirstPaint(QWidget& window, std::function<void()> then);

// A fully transparent icon that stands in for an SVG icon until the first paint is done: the first SVG icon
// loads the icon engine plugin, QtSvg and the image format plugins (about 1 ms and 1.2 MiB). Being a real
// icon, it takes the same room in a tool button, a menu or a line edit's action as the SVG that replaces it,
// so nothing moves when the SVG arrives.
QIcon placeholderIcon();

// What main() does once the window is painted: start the built-in sandbox (`sandbox`, or when `askSandbox`
// says so, the first-run question), open the history at `historyPath`, warning over the window when either
// fails, and end with MainWindow::finishStartup(). Call before or after show().
struct DeferredStartup
{
    QString historyPath;
    bool sandbox = false;
    std::function<bool()> askSandbox; // empty: no question
};
void startAfterFirstPaint(MainWindow& window, const DeferredStartup& plan);

// Peak resident set size of this process in KiB, or -1 where the platform does not report it. Also used by
// the benchmarks.
long peakRssKiB();

} // namespace das
