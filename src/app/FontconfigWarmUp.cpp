#include "FontconfigWarmUp.h"

#include <QDir>
#include <QLibraryInfo>

#include <clocale>
#include <fontconfig/fontconfig.h>
#include <system_error>

namespace das {

namespace {

bool isDocOption(const QByteArray& argument)
{
    return argument == "-h" || argument == "-?" || argument == "--help" || argument == "-v" ||
           argument == "--version" || argument.startsWith("--help-") ||
           argument.startsWith("--bash-completion");
}

} // namespace

bool FontconfigWarmUp::isSafe(const QList<QByteArray>& arguments, const Environment& environment,
                              const QString& platformThemeDir)
{
    for (const QByteArray& argument : arguments) {
        // --help and --version print and exit(); -platform and -platformtheme choose other plugins.
        if (isDocOption(argument) || argument.startsWith("-platform") || argument.startsWith("--platform"))
            return false;
    }
    // The xcb plugin unsetenv()s DESKTOP_STARTUP_ID while fontconfig may be reading the environment.
    if (!environment("DESKTOP_STARTUP_ID").isEmpty())
        return false;
    // Only xcb is known; a Wayland session makes Qt choose the wayland plugin.
    const QByteArray platform = environment("QT_QPA_PLATFORM");
    if (!platform.isEmpty() && platform != "xcb")
        return false;
    if (platform.isEmpty() && environment("XDG_SESSION_TYPE").contains("wayland"))
        return false;
    // Platform theme plugins may set the locale or the environment (GTK's does), and QT_PLUGIN_PATH may add
    // folders with more of them.
    if (!environment("QT_QPA_PLATFORMTHEME").isEmpty() || !environment("QT_PLUGIN_PATH").isEmpty())
        return false;
    return QDir(platformThemeDir).isEmpty(QDir::Files | QDir::NoDotAndDotDot);
}

FontconfigWarmUp::FontconfigWarmUp(int argc, char** argv)
{
    QList<QByteArray> arguments;
    for (int i = 1; i < argc; ++i)
        arguments.append(QByteArray(argv[i]));
    const QString themes = QLibraryInfo::path(QLibraryInfo::PluginsPath) + QStringLiteral("/platformthemes");
    if (!isSafe(
            arguments, [](const char* name) { return qgetenv(name); }, themes))
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
