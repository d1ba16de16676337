#pragma once

#include <QCommandLineOption>

class QCommandLineParser;
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

// Peak resident set size of this process in KiB, or -1 where the platform does not report it. Also used by
// the benchmarks.
long peakRssKiB();

} // namespace das
