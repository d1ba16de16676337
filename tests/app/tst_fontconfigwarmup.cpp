#include "FontconfigWarmUp.h"

#include <QFile>
#include <QHash>
#include <QLibraryInfo>
#include <QTemporaryDir>
#include <QTest>

#include <fontconfig/fontconfig.h>

#include <memory>

using das::FontconfigWarmUp;

// When the fontconfig thread may run beside QApplication's constructor (FontconfigWarmUp::isSafe), and that a
// started thread leaves fontconfig configured.
class TestFontconfigWarmUp : public QObject
{
    Q_OBJECT

private:
    // The environment a plain X11 terminal start has: an X display, nothing that picks another plugin.
    static QHash<QByteArray, QByteArray> x11Terminal()
    {
        return {{"DISPLAY", ":0"}, {"XDG_SESSION_TYPE", "x11"}};
    }

    static bool safe(const QHash<QByteArray, QByteArray>& environment,
                     const QList<QByteArray>& arguments = {}, const QString& themeDir = QString())
    {
        const QString themes = themeDir.isEmpty() ? m_emptyThemes->path() : themeDir;
        return FontconfigWarmUp::isSafe(
            arguments, [&environment](const char* name) { return environment.value(QByteArray(name)); },
            themes);
    }

    static inline std::unique_ptr<QTemporaryDir> m_emptyThemes;

private slots:
    void initTestCase()
    {
        m_emptyThemes = std::make_unique<QTemporaryDir>();
        QVERIFY(m_emptyThemes->isValid());
    }

    void cleanupTestCase()
    {
        m_emptyThemes.reset();
        // In the program, QApplication's font database releases fontconfig's configuration when it ends; this
        // test has none, and LeakSanitizer would report what FcInit() keeps (its default language set).
        FcFini();
    }

    void plainX11StartIsSafe()
    {
        QVERIFY(safe(x11Terminal()));
        QVERIFY(safe(x11Terminal(), {"--demo", "--lang", "zh_CN"}));
        // No theme folder at all (Debian without platform theme plugins) is the same as an empty one.
        QVERIFY(safe(x11Terminal(), {}, m_emptyThemes->filePath(QStringLiteral("missing"))));
        auto explicitXcb = x11Terminal();
        explicitXcb.insert("QT_QPA_PLATFORM", "xcb");
        QVERIFY(safe(explicitXcb));
    }

    // The xcb plugin unsetenv()s the launcher's startup-notification ID during QApplication's constructor.
    void startupNotificationIsNot()
    {
        auto launched = x11Terminal();
        launched.insert("DESKTOP_STARTUP_ID", "gnome-shell-1234_TIME5678");
        QVERIFY(!safe(launched));
    }

    void otherPlatformsAreNot()
    {
        for (const QByteArray& platform :
             {QByteArray("offscreen"), QByteArray("wayland"), QByteArray("xcb;wayland")}) {
            auto environment = x11Terminal();
            environment.insert("QT_QPA_PLATFORM", platform);
            QVERIFY2(!safe(environment), platform.constData());
        }
        auto wayland = x11Terminal();
        wayland.insert("XDG_SESSION_TYPE", "wayland");
        QVERIFY(!safe(wayland));
        QVERIFY(!safe(x11Terminal(), {"-platform", "offscreen"}));
        QVERIFY(!safe(x11Terminal(), {"-platformtheme", "gtk3"}));
    }

    // GTK's platform theme initialises GTK, which sets the locale and the environment.
    void platformThemesAreNot()
    {
        auto chosen = x11Terminal();
        chosen.insert("QT_QPA_PLATFORMTHEME", "gtk3");
        QVERIFY(!safe(chosen));
        auto morePlugins = x11Terminal();
        morePlugins.insert("QT_PLUGIN_PATH", "/opt/plugins");
        QVERIFY(!safe(morePlugins));

        QTemporaryDir themes;
        QVERIFY(themes.isValid());
        QFile plugin(themes.filePath(QStringLiteral("libqgtk3.so")));
        QVERIFY(plugin.open(QIODevice::WriteOnly));
        plugin.close();
        QVERIFY(!safe(x11Terminal(), {}, themes.path()));
    }

    // They print and end the process with exit(): no thread is started for them.
    void helpAndVersionAreNot()
    {
        for (const QByteArray& option : {QByteArray("-h"), QByteArray("-?"), QByteArray("--help"),
                                         QByteArray("--help-all"), QByteArray("-v"), QByteArray("--version"),
                                         QByteArray("--help-man"), QByteArray("--bash-completion")})
            QVERIFY2(!safe(x11Terminal(), {option}), option.constData());
    }

    // With another platform the constructor starts nothing; with a plain X11 environment it starts the thread
    // (unless this machine has platform theme plugins), and wait() joins it.
    void startsOnlyWhereSafe()
    {
        const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
        const QByteArray startupId = qgetenv("DESKTOP_STARTUP_ID");
        qunsetenv("DESKTOP_STARTUP_ID");
        char program[] = "das-connect";
        char* argv[] = {program, nullptr};
        qputenv("QT_QPA_PLATFORM", "offscreen");
        {
            FontconfigWarmUp offscreen(1, argv);
            QVERIFY(!offscreen.started());
        }
        qputenv("QT_QPA_PLATFORM", "xcb");
        const bool x11 = FontconfigWarmUp::isSafe(
            {}, [](const char* name) { return qgetenv(name); },
            QLibraryInfo::path(QLibraryInfo::PluginsPath) + QStringLiteral("/platformthemes"));
        {
            FontconfigWarmUp warmUp(1, argv);
            QCOMPARE(warmUp.started(), x11);
            warmUp.wait();
            warmUp.wait(); // a second wait returns at once
        }
        char version[] = "--version";
        char* versionArgv[] = {program, version, nullptr};
        {
            FontconfigWarmUp printing(2, versionArgv);
            QVERIFY(!printing.started());
        }
        if (platform.isEmpty())
            qunsetenv("QT_QPA_PLATFORM");
        else
            qputenv("QT_QPA_PLATFORM", platform);
        if (!startupId.isEmpty())
            qputenv("DESKTOP_STARTUP_ID", startupId);
    }
};

QTEST_GUILESS_MAIN(TestFontconfigWarmUp)
#include "tst_fontconfigwarmup.moc"
