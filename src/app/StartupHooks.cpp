#include "StartupHooks.h"

#include "ConnectionForm.h"
#include "ConnectionsPane.h"
#include "HistoryPane.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFontDatabase>
#include <QIcon>
#include <QMessageBox>
#include <QPixmap>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSize>
#include <QTabWidget>
#include <QTimer>
#include <QWindow>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

#include <cstdio>
#include <utility>
#ifdef Q_OS_LINUX
#include <ctime>
#include <unistd.h>
#endif

namespace das {

namespace {

void quitOnceExposed(MainWindow& window, const QElapsedTimer& sinceMain)
{
    // Polls for the platform's expose event, which arrives asynchronously after show().
    auto* poll = new QTimer(qApp);
    poll->setInterval(1);
    QObject::connect(poll, &QTimer::timeout, qApp, [&window, &sinceMain, poll] {
        const bool exposed = window.windowHandle() && window.windowHandle()->isExposed();
        if (!exposed && sinceMain.elapsed() < 10000)
            return;
        poll->stop();
        std::printf("first window shown after %lld ms (exposed: %s), peak RSS %ld KiB\n",
                    static_cast<long long>(sinceMain.elapsed()), exposed ? "yes" : "no", peakRssKiB());
        std::fflush(stdout);
        QCoreApplication::quit();
    });
    poll->start();
}

// "1600x1000" → that size; anything else → the README's 1280×900.
QSize screenshotSize(const QString& text)
{
    const QStringList parts = text.split(u'x');
    bool okW = false;
    bool okH = false;
    const int w = parts.size() == 2 ? parts.at(0).toInt(&okW) : 0;
    const int h = parts.size() == 2 ? parts.at(1).toInt(&okH) : 0;
    return okW && okH && w >= 320 && h >= 240 ? QSize(w, h) : QSize(1280, 900);
}

void grabAndExit(MainWindow& window, const QString& file)
{
    // Lets the result panel and the tables finish laying out before the grab.
    QTimer::singleShot(200, qApp, [&window, file] {
        const bool saved = window.grab().save(file, "PNG");
        std::printf("%s %s\n", saved ? "saved" : "could not save", qPrintable(file));
        QCoreApplication::exit(saved ? 0 : 1);
    });
}

// After one create: the window as it is (the History tab), or with the On DAS tab shown once it has listed
// the sandbox's connections.
void screenshotAfterCreate(MainWindow& window, const QString& file, const QSize& size, bool onDas)
{
    window.resize(size);
    QObject::connect(&window, &MainWindow::createFinished, qApp, [&window, file, onDas] {
        if (auto* scroll = window.findChild<QScrollArea*>(QStringLiteral("formScroll")))
            scroll->verticalScrollBar()->setValue(0);
        if (!onDas) {
            grabAndExit(window, file);
            return;
        }
        ConnectionsPane* pane = window.connectionsPane();
        QObject::connect(pane, &ConnectionsPane::loaded, qApp,
                         [&window, file] { grabAndExit(window, file); });
        window.sideTabs()->setCurrentIndex(1); // History, On DAS
        pane->refresh();
    });
    QTimer::singleShot(0, qApp, [&window] {
        window.form()->fillExample();
        window.createConnection();
    });
}

// One create with the example form on the built-in sandbox, the way a user would click it: proves that an
// installed package has what it loads at run time (TLS, platform and image plugins).
void selfTest(MainWindow& window)
{
    QObject::connect(&window, &MainWindow::createFinished, qApp, [](const CreateResult& result) {
        const bool created = result.outcome == CreateResult::Outcome::Created;
        if (created)
            std::printf("self-test: created connection %s\n", qPrintable(result.connectionId));
        else
            std::fprintf(stderr, "self-test: not created: %s\n", qPrintable(result.explanation));
        std::fflush(stdout);
        QCoreApplication::exit(created ? 0 : 1);
    });
    // A create that never ends must not hang the package check.
    QTimer::singleShot(120000, qApp, [] {
        std::fprintf(stderr, "self-test: no answer within 120 s\n");
        QCoreApplication::exit(1);
    });
    QTimer::singleShot(0, qApp, [&window] {
        window.form()->fillExample();
        window.createConnection();
    });
}

} // namespace

StartupHooks::StartupHooks()
    : m_screenshot(QStringLiteral("screenshot"),
                   QCoreApplication::translate(
                       "main", "Render the window on the sandbox after one create to FILE (PNG) and exit."),
                   QStringLiteral("FILE"))
    , m_screenshotSize(QStringLiteral("screenshot-size"),
                       QCoreApplication::translate("main", "Window size for --screenshot, e.g. 1024x700 "
                                                           "(default 1280x900)."),
                       QStringLiteral("WxH"))
    , m_screenshotTab(QStringLiteral("screenshot-tab"),
                      QCoreApplication::translate("main",
                                                  "Tab to show for --screenshot: history (default) or "
                                                  "on-das."),
                      QStringLiteral("TAB"))
    , m_quitAfterShow(QStringLiteral("quit-after-show"),
                      QCoreApplication::translate(
                          "main", "Print start-up time and peak memory once the window is shown, then exit."))
    , m_selfTest(QStringLiteral("self-test"),
                 QStringLiteral("Create one connection on the built-in sandbox, print its ID and exit."))
{
    m_selfTest.setFlags(QCommandLineOption::HiddenFromHelp);
}

QList<QCommandLineOption> StartupHooks::options() const
{
    return {m_screenshot, m_screenshotSize, m_screenshotTab, m_quitAfterShow, m_selfTest};
}

void StartupHooks::addOptions(QCommandLineParser& parser) const
{
    parser.addOptions(options());
}

bool StartupHooks::isScripted(const QCommandLineParser& parser) const
{
    return parser.isSet(m_screenshot) || parser.isSet(m_quitAfterShow) || parser.isSet(m_selfTest);
}

bool StartupHooks::needsSandbox(const QCommandLineParser& parser) const
{
    return parser.isSet(m_screenshot) || parser.isSet(m_selfTest);
}

void StartupHooks::arm(const QCommandLineParser& parser, MainWindow& window,
                       const QElapsedTimer& sinceMain) const
{
    if (parser.isSet(m_quitAfterShow))
        quitOnceExposed(window, sinceMain);
    if (parser.isSet(m_selfTest))
        selfTest(window);
    if (parser.isSet(m_screenshot))
        screenshotAfterCreate(window, parser.value(m_screenshot),
                              screenshotSize(parser.value(m_screenshotSize)),
                              parser.value(m_screenshotTab) == QLatin1String("on-das"));
}

// The default size does not fit a small screen, where it would put the badge, the history's buttons and the
// status bar out of sight. The frame is not known before the window is shown, hence the room left for it.
void fitToScreen(QWidget& window, const QSize& preferred, bool restored)
{
    const int frameAllowance = 24; // at least a border and a title bar
    const QRect available = window.screen() ? window.screen()->availableGeometry() : QRect();
    if (available.isEmpty() || (window.windowState() & (Qt::WindowMaximized | Qt::WindowFullScreen)))
        return;
    const QSize most = available.size() * 0.9;
    if (!restored) {
        window.resize(preferred.boundedTo(most));
        return;
    }
    const QSize room = available.size() - QSize(frameAllowance, 2 * frameAllowance);
    if (window.width() > room.width() || window.height() > room.height())
        window.resize(window.size().boundedTo(most));
    const QRect topLeft =
        available.adjusted(0, 0, -window.width() - frameAllowance, -window.height() - 2 * frameAllowance);
    window.move(qBound(topLeft.left(), window.x(), qMax(topLeft.left(), topLeft.right())),
                qBound(topLeft.top(), window.y(), qMax(topLeft.top(), topLeft.bottom())));
}

#ifdef Q_OS_LINUX
namespace {

long long monotonicNs(clockid_t clock)
{
    timespec ts{};
    clock_gettime(clock, &ts);
    return static_cast<long long>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

// The zero of the marks on CLOCK_MONOTONIC: mapwait's exec, or the process start (boot-time ticks).
long long startupZeroNs()
{
    bool ok = false;
    const long long t0 = qEnvironmentVariable("DAS_STARTUP_T0_NS").toLongLong(&ok);
    if (ok)
        return t0;
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return monotonicNs(CLOCK_MONOTONIC);
    const QByteArray text = stat.readAll();
    // Field 22 (starttime) counts after the command name, which is in parentheses and may hold spaces.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    const long long ticks = fields.size() > 19 ? fields.at(19).toLongLong() : 0;
    const long long sinceStart = monotonicNs(CLOCK_BOOTTIME) - ticks * 1000000000LL / sysconf(_SC_CLK_TCK);
    return monotonicNs(CLOCK_MONOTONIC) - sinceStart;
}

} // namespace
#endif

bool startupTimingEnabled()
{
    static const bool enabled = qEnvironmentVariableIntValue("DAS_STARTUP_TIMING") == 1;
    return enabled;
}

void markStartup(const char* phase)
{
#ifdef Q_OS_LINUX
    if (!startupTimingEnabled())
        return;
    static const long long zero = startupZeroNs();
    // What the resident memory is: the heap and other private pages, or mapped files (libraries, fonts).
    QFile status(QStringLiteral("/proc/self/status"));
    QByteArray anon = "?";
    QByteArray file = "?";
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : status.readAll().split('\n')) {
            if (line.startsWith("RssAnon:"))
                anon = line.mid(8).simplified();
            else if (line.startsWith("RssFile:"))
                file = line.mid(8).simplified();
        }
    }
    std::fprintf(stderr, "startup: %-28s %8.1f ms  (peak RSS %ld KiB; now anon %s, files %s)\n", phase,
                 double(monotonicNs(CLOCK_MONOTONIC) - zero) / 1e6, peakRssKiB(), anon.constData(),
                 file.constData());
#else
    Q_UNUSED(phase)
#endif
}

void markStartupFonts()
{
    if (!startupTimingEnabled())
        return;
    QFontDatabase::families();
    markStartup("fonts");
}

namespace {

// Sees the window's first expose; the platform's paint of it is done by the time the queued call runs.
class FirstPaintWatch : public QObject
{
public:
    FirstPaintWatch(QWindow* window, std::function<void()> then)
        : QObject(window)
        , m_then(std::move(then))
    {
        window->installEventFilter(this);
        QTimer::singleShot(1000, this, [this] { fire(); });
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Expose && static_cast<QWindow*>(watched)->isExposed())
            QTimer::singleShot(0, this, [this] { fire(); });
        return false;
    }

private:
    void fire()
    {
        if (m_fired)
            return;
        m_fired = true;
        // Several watchers may wait on the same window (the window's own, main()'s): one mark.
        static bool marked = false;
        if (!std::exchange(marked, true))
            markStartup("first paint");
        parent()->removeEventFilter(this);
        m_then();
        deleteLater();
    }

    std::function<void()> m_then;
    bool m_fired = false;
};

} // namespace

void afterFirstPaint(QWidget& window, std::function<void()> then)
{
    window.winId(); // the QWindow exists from here on; show() made it already
    new FirstPaintWatch(window.windowHandle(), std::move(then));
}

QIcon placeholderIcon()
{
    // Its size does not matter: the widgets size an icon by their icon size, and nothing of it is drawn.
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    return QIcon(pixmap);
}

void startAfterFirstPaint(MainWindow& window, const DeferredStartup& plan)
{
    window.setStartingSandbox(plan.sandbox);
    window.historyPane()->setLoading(true);
    afterFirstPaint(window, [&window, plan] {
        // The sandbox first: on --demo it is what makes the form ready to create.
        QString error;
        if (plan.sandbox && !window.startSandbox(&error))
            QMessageBox::warning(&window, QCoreApplication::translate("main", "Sandbox"), error);
        if (!window.openHistory(plan.historyPath, &error))
            QMessageBox::warning(&window, QCoreApplication::translate("main", "History unavailable"), error);
        if (plan.askSandbox && plan.askSandbox() && !window.startSandbox(&error))
            QMessageBox::warning(&window, QCoreApplication::translate("main", "Sandbox"), error);
        window.setStartingSandbox(false);
        window.historyPane()->setLoading(false);
        // Rendering the SVG at the sizes the window manager wants is not worth delaying the first paint.
        QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/das-connect.svg")));
        window.finishStartup();
        markStartup("deferred start-up done");
    });
}

long peakRssKiB()
{
#ifdef Q_OS_UNIX
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return -1;
#ifdef Q_OS_MACOS
    return usage.ru_maxrss / 1024; // bytes there, KiB on Linux
#else
    return usage.ru_maxrss;
#endif
#else
    return -1;
#endif
}

} // namespace das
