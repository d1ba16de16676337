#include "ModuleLoader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <dlfcn.h>

namespace das {

namespace ModuleLoader {

namespace {

QString lastDlError()
{
    const char* text = ::dlerror();
    return text ? QString::fromLocal8Bit(text) : QString();
}

// dlopen and the version check; nullptr with `error` set. Called from here, code linked into the program.
void* open(const QString& path, QString* error)
{
    void* handle = ::dlopen(QFile::encodeName(path).constData(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        *error = lastDlError();
        return nullptr;
    }
    using Version = const char* (*)();
    const auto version = reinterpret_cast<Version>(::dlsym(handle, "das_module_version"));
    if (!version || qstrcmp(version(), DAS_CONNECT_VERSION) != 0) {
        *error = version ? QStringLiteral("version %1, the program is %2")
                               .arg(QString::fromUtf8(version()), QStringLiteral(DAS_CONNECT_VERSION))
                         : lastDlError();
        ::dlclose(handle);
        return nullptr;
    }
    return handle;
}

// The program's folder; also without a QCoreApplication (a fuzz target), from the link the kernel keeps.
QString programDir()
{
    if (QCoreApplication::instance())
        return QCoreApplication::applicationDirPath();
    return QFileInfo(QStringLiteral("/proc/self/exe")).canonicalPath();
}

QString cannotLoad(const QString& path, const QString& problem)
{
    return QCoreApplication::translate("das::ModuleLoader", "the module %1 cannot be loaded: %2")
        .arg(path, problem);
}

} // namespace

void* load(const QString& fileName, QString* error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    // 1. The installed layout, relative to the program.
    const QString dir = programDir();
    const QString installed = dir + QStringLiteral("/" DAS_MODULE_FROM_BINDIR "/") + fileName;
    QString problem;
    if (QFileInfo::exists(installed)) {
        void* module = open(installed, &problem);
        if (!module)
            *error = cannotLoad(installed, problem);
        return module;
    }
    // 2. A program inside the build tree (a test): the modules' folder there.
    const QString built = QStringLiteral(DAS_MODULE_BUILD_DIR "/") + fileName;
    if (dir.startsWith(QStringLiteral(DAS_BUILD_TREE "/")) && QFileInfo::exists(built)) {
        void* module = open(built, &problem);
        if (!module)
            *error = cannotLoad(built, problem);
        return module;
    }
    *error = QCoreApplication::translate(
                 "das::ModuleLoader", "the module %1 is not installed for the programs in %2 (looked for %3)")
                 .arg(fileName, dir, installed);
    return nullptr;
}

void* function(void* module, const char* name, QString* error)
{
    if (!module)
        return nullptr; // `error` says why already
    void* found = ::dlsym(module, name);
    if (!found && error)
        *error = lastDlError();
    return found;
}

} // namespace ModuleLoader

} // namespace das
