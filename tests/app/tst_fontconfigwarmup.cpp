#include "FontconfigWarmUp.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QLibraryInfo>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <fontconfig/fontconfig.h>

#include <memory>

using das::FontconfigWarmUp;

// When the fontconfig thread may run beside QApplication's constructor (FontconfigWarmUp::isSafe): only where
// no write to the environment or the C locale other than QCoreApplication's setlocale() can happen then.
class TestFontconfigWarmUp : public QObject
{
    Q_OBJECT

private:
    using Environment = QHash<QByteArray, QByteArray>;

    // The environment a plain X11 terminal start has: an X display, nothing that picks another plugin.
    static Environment x11Terminal() { return {{"DISPLAY", ":0"}, {"XDG_SESSION_TYPE", "x11"}}; }

    static Environment x11TerminalWith(const QByteArray& name, const QByteArray& value)
    {
        Environment environment = x11Terminal();
        environment.insert(name, value);
        return environment;
    }

    // Plugin places: by default two that hold nothing (an empty folder and a path that does not exist).
    bool safe(const Environment& environment, const QList<QByteArray>& arguments = {},
              const QStringList& places = {}) const
    {
        const QStringList where =
            places.isEmpty() ? QStringList{m_empty->path(), m_empty->filePath(QStringLiteral("missing"))}
                             : places;
        return FontconfigWarmUp::isSafe(
            arguments, [&environment](const char* name) { return environment.value(QByteArray(name)); },
            where);
    }

    std::unique_ptr<QTemporaryDir> m_empty;

private slots:
    void initTestCase()
    {
        m_empty = std::make_unique<QTemporaryDir>();
        QVERIFY(m_empty->isValid());
    }

    void cleanupTestCase()
    {
        m_empty.reset();
        // In the program, QApplication's font database releases fontconfig's configuration when it ends; this
        // test has none, and LeakSanitizer would report what FcInit() keeps (its default language set).
        FcFini();
    }

    void plainX11StartIsSafe()
    {
        QVERIFY(safe(x11Terminal()));
        QVERIFY(safe(x11Terminal(), {"--demo", "--lang", "zh_CN"}));
        QVERIFY(safe(x11TerminalWith("QT_QPA_PLATFORM", "xcb")));
        QVERIFY(safe(x11TerminalWith("QT_IM_MODULE", "ibus")));
        QVERIFY(safe(x11TerminalWith("QT_IM_MODULE", "compose")));
    }

    // The xcb plugin unsetenv()s the launcher's startup-notification ID during QApplication's constructor,
    // even an empty one.
    void startupNotificationIsNot()
    {
        QVERIFY(!safe(x11TerminalWith("DESKTOP_STARTUP_ID", "gnome-shell-1234_TIME5678")));
        QVERIFY(!safe(x11TerminalWith("DESKTOP_STARTUP_ID", QByteArray(""))));
    }

    void otherPlatformsAreNot()
    {
        for (const QByteArray& platform :
             {QByteArray("offscreen"), QByteArray("wayland"), QByteArray("xcb;wayland")})
            QVERIFY2(!safe(x11TerminalWith("QT_QPA_PLATFORM", platform)), platform.constData());
        // Without QT_QPA_PLATFORM, Qt 6.4 tries wayland first in a Wayland session or with WAYLAND_DISPLAY.
        QVERIFY(!safe(x11TerminalWith("XDG_SESSION_TYPE", "wayland")));
        QVERIFY(!safe(x11TerminalWith("WAYLAND_DISPLAY", "wayland-0")));
        for (const QByteArray& option : {QByteArray("-platform"), QByteArray("--platform"),
                                         QByteArray("-platformtheme"), QByteArray("-platformpluginpath")})
            QVERIFY2(!safe(x11Terminal(), {option, "x"}), option.constData());
    }

    // Plugins other than Qt's own xcb, compose and ibus ones may write the locale or the environment (GTK's
    // platform theme does).
    void otherPluginsAreNot()
    {
        for (const char* name : {"QT_QPA_PLATFORMTHEME", "QT_STYLE_OVERRIDE", "QT_QPA_GENERIC_PLUGINS",
                                 "QT_PLUGIN_PATH", "QT_QPA_PLATFORM_PLUGIN_PATH"})
            QVERIFY2(!safe(x11TerminalWith(name, "x")), name);
        QVERIFY(!safe(x11TerminalWith("QT_IM_MODULE", "fcitx")));
        for (const QByteArray& option :
             {QByteArray("-style"), QByteArray("--style"), QByteArray("-plugin"), QByteArray("--plugin")})
            QVERIFY2(!safe(x11Terminal(), {option, "x"}), option.constData());
    }

    void installedPluginsAreNot()
    {
        QTemporaryDir themes;
        QVERIFY(themes.isValid());
        QFile plugin(themes.filePath(QStringLiteral("libqgtk3.so")));
        QVERIFY(plugin.open(QIODevice::WriteOnly));
        plugin.close();
        QVERIFY(!safe(x11Terminal(), {}, {m_empty->path(), themes.path()}));
        // A qt.conf beside the program can point Qt at other plugins.
        QVERIFY(!safe(x11Terminal(), {}, {plugin.fileName()}));
        QVERIFY(safe(x11Terminal(), {}, {themes.filePath(QStringLiteral("qt.conf"))}));
        // This installation's places (Debian without platform theme or style plugins: none of them exists).
        const QStringList places = FontconfigWarmUp::pluginPlaces();
        QVERIFY(places.contains(QLibraryInfo::path(QLibraryInfo::PluginsPath) +
                                QStringLiteral("/platformthemes")));
        QVERIFY(places.contains(QCoreApplication::applicationDirPath() + QStringLiteral("/qt.conf")));
    }

    // They print and leave: no window, no thread.
    void helpAndVersionAreNot()
    {
        for (const QByteArray& option : {QByteArray("-h"), QByteArray("-?"), QByteArray("--help"),
                                         QByteArray("--help-all"), QByteArray("-v"), QByteArray("--version"),
                                         QByteArray("--help-man"), QByteArray("--bash-completion")})
            QVERIFY2(!safe(x11Terminal(), {option}), option.constData());
    }

    // The constructor asks isSafe() about this process: with another platform it starts nothing; with xcb it
    // starts the thread unless this installation has plugins it does not know; wait() joins it.
    void startsOnlyWhereSafe()
    {
        const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
        const bool hadPlatform = qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
        const QByteArray startupId = qgetenv("DESKTOP_STARTUP_ID");
        const bool hadStartupId = qEnvironmentVariableIsSet("DESKTOP_STARTUP_ID");
        const auto restore = qScopeGuard([&] {
            if (hadPlatform)
                qputenv("QT_QPA_PLATFORM", platform);
            else
                qunsetenv("QT_QPA_PLATFORM");
            if (hadStartupId)
                qputenv("DESKTOP_STARTUP_ID", startupId);
        });
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
            {}, [](const char* name) { return qgetenv(name); }, FontconfigWarmUp::pluginPlaces());
        {
            FontconfigWarmUp warmUp(1, argv);
            QCOMPARE(warmUp.started(), x11);
            warmUp.wait();
            warmUp.wait(); // a second wait returns at once
        }
        char version[] = "--version";
        char* versionArgv[] = {program, version, nullptr};
        FontconfigWarmUp printing(2, versionArgv);
        QVERIFY(!printing.started());
    }
};

QTEST_GUILESS_MAIN(TestFontconfigWarmUp)
#include "tst_fontconfigwarmup.moc"
