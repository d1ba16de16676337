#include "FontconfigWarmUp.h"

#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>

#include <clocale>
#include <fontconfig/fontconfig.h>
#include <system_error>

namespace das {

namespace {

// --help, --version (QCommandLineParser's options) and the build's --help-man and --bash-completion
// (ProgramDoc.cpp's ManOption and CompletionOption) print and leave: no window to warm up. And --help and
// --version leave through exit(), which skips QApplication's end, where its font database releases the
// configuration the thread loads: LeakSanitizer would report it (the install_programs test).
bool isDocOption(const QByteArray& argument)
{
    return argument == "-h" || argument == "-?" || argument == "--help" || argument == "-v" ||
           argument == "--version" || argument.startsWith("--help-") ||
           argument.startsWith("--bash-completion");
}

// QApplication's own options that load other plugins: -platform, -platformtheme, -platformpluginpath,
// -style and -plugin, with one dash or two.
bool choosesPlugins(const QByteArray& argument)
{
    const QByteArray option = argument.startsWith("--") ? argument.mid(1) : argument;
    return option.startsWith("-platform") || option.startsWith("-style") || option.startsWith("-plugin");
}

// Nothing there: an absent or empty folder, no file.
bool holdsNothing(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return true;
    return info.isDir() && QDir(path).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot);
}

} // namespace

bool FontconfigWarmUp::isSafe(const QList<QByteArray>& arguments, const Environment& environment,
                              const QStringList& pluginPlaces)
{
    for (const QByteArray& argument : arguments) {
        if (isDocOption(argument) || choosesPlugins(argument))
            return false;
    }
    // The xcb plugin unsetenv()s DESKTOP_STARTUP_ID, even an empty one, while fontconfig may be reading the
    // environment.
    if (!environment("DESKTOP_STARTUP_ID").isNull())
        return false;
    // Only xcb is known. Without QT_QPA_PLATFORM, Qt 6.4 tries wayland first when WAYLAND_DISPLAY is set or
    // the session is a Wayland one.
    const QByteArray platform = environment("QT_QPA_PLATFORM");
    if (!platform.isEmpty() && platform != "xcb")
        return false;
    if (platform.isEmpty() &&
        (environment("XDG_SESSION_TYPE").contains("wayland") || !environment("WAYLAND_DISPLAY").isEmpty()))
        return false;
    // Plugins the constructor would load besides Qt's own xcb, compose and ibus ones may set the locale or
    // the environment (GTK's platform theme does): a platform theme, a style, generic plugins, another input
    // method, or more plugin folders.
    for (const char* name : {"QT_QPA_PLATFORMTHEME", "QT_STYLE_OVERRIDE", "QT_QPA_GENERIC_PLUGINS",
                             "QT_PLUGIN_PATH", "QT_QPA_PLATFORM_PLUGIN_PATH"}) {
        if (!environment(name).isEmpty())
            return false;
    }
    const QByteArray inputMethod = environment("QT_IM_MODULE");
    if (!inputMethod.isEmpty() && inputMethod != "compose" && inputMethod != "ibus")
        return false;
    for (const QString& place : pluginPlaces) {
        if (!holdsNothing(place))
            return false;
    }
    return true;
}

QStringList FontconfigWarmUp::pluginPlaces()
{
    const QString plugins = QLibraryInfo::path(QLibraryInfo::PluginsPath);
    // Qt also looks for plugins in the program's own folder, and reads a qt.conf there.
    const QString program = QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath();
    const QString beside = QFileInfo(program).absolutePath();
    QStringList places{plugins + QStringLiteral("/platformthemes"), plugins + QStringLiteral("/styles")};
    for (const char* folder :
         {"qt.conf", "platforms", "platformthemes", "styles", "platforminputcontexts", "generic"})
        places.append(beside + u'/' + QLatin1String(folder));
    return places;
}

FontconfigWarmUp::FontconfigWarmUp(int argc, char** argv)
{
    QList<QByteArray> arguments;
    for (int i = 1; i < argc; ++i)
        arguments.append(QByteArray(argv[i]));
    if (!isSafe(
            arguments, [](const char* name) { return qgetenv(name); }, pluginPlaces()))
        return;
    // QCoreApplication's constructor calls setlocale(LC_ALL, "") first thing. Made here, before the thread
    // reads the locale, Qt's call loads nothing new: glibc keeps the same locale data and only renews the
    // LC_ALL name string, which fontconfig never reads.
    std::setlocale(LC_ALL, "");
    try {
        m_thread = std::thread([] { FcInit(); });
        m_started = true;
    } catch (const std::system_error&) {
        // No thread to spare (a process or memory limit): Qt reads the configuration itself, as it would.
    }
}

FontconfigWarmUp::~FontconfigWarmUp()
{
    wait();
}

void FontconfigWarmUp::wait()
{
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace das
