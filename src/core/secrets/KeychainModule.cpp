#include "KeychainModule.h"

#include "KeychainBackend.h"
#include "SecretsLog.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <dlfcn.h>

namespace das {

namespace {

struct Loaded
{
    bool tried = false;
    KeychainBackend* backend = nullptr;
    QString error;
};

// The main thread's, like every keychain job (QtKeychain and QtDBus objects live on it).
Loaded& loaded()
{
    static Loaded state;
    return state;
}

QString lastDlError()
{
    const char* text = ::dlerror();
    return text ? QString::fromLocal8Bit(text) : QString();
}

// dlopen + the factory; nullptr with `error` set.
KeychainBackend* open(const QByteArray& path, QString* error)
{
    // RTLD_LOCAL: its symbols (one copy of SecretItemLabeler, of the logging category) stay its own.
    void* handle = ::dlopen(path.constData(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        *error = lastDlError();
        return nullptr;
    }
    using Version = const char* (*)();
    const auto version = reinterpret_cast<Version>(::dlsym(handle, DAS_KEYCHAIN_VERSION_SYMBOL));
    if (!version || qstrcmp(version(), DAS_CONNECT_VERSION) != 0) {
        *error = version ? QStringLiteral("version %1, the program is %2")
                               .arg(QString::fromUtf8(version()), QStringLiteral(DAS_CONNECT_VERSION))
                         : lastDlError();
        ::dlclose(handle);
        return nullptr;
    }
    using Factory = KeychainBackend* (*)();
    const auto factory = reinterpret_cast<Factory>(::dlsym(handle, DAS_KEYCHAIN_BACKEND_SYMBOL));
    if (!factory) {
        *error = lastDlError();
        ::dlclose(handle);
        return nullptr;
    }
    return factory(); // never unloaded: its objects and their code live until the process ends
}

KeychainBackend* load(QString* error)
{
    const QString fileName = QStringLiteral(DAS_KEYCHAIN_MODULE_FILE);
    // 1. The installed layout, relative to the program (QCoreApplication resolves /proc/self/exe).
    const QString installed = QCoreApplication::applicationDirPath() +
                              QStringLiteral("/" DAS_KEYCHAIN_MODULE_FROM_BINDIR "/") + fileName;
    QString problem;
    if (QFileInfo::exists(installed)) {
        if (KeychainBackend* backend = open(QFile::encodeName(installed), &problem))
            return backend;
        *error =
            QCoreApplication::translate("das::KeychainModule", "the keychain module %1 cannot be loaded: %2")
                .arg(installed, problem);
        return nullptr;
    }
    // 2. A program inside the build tree (a test): the module's folder there. Never a bare file name: ld.so
    // would search LD_LIBRARY_PATH, where an empty entry means the current directory.
    const QString buildTree = QStringLiteral(DAS_BUILD_TREE "/");
    const QString built = QStringLiteral(DAS_KEYCHAIN_MODULE_BUILD_DIR "/") + fileName;
    if (QCoreApplication::applicationDirPath().startsWith(buildTree) && QFileInfo::exists(built)) {
        if (KeychainBackend* backend = open(QFile::encodeName(built), &problem))
            return backend;
        *error =
            QCoreApplication::translate("das::KeychainModule", "the keychain module %1 cannot be loaded: %2")
                .arg(built, problem);
        return nullptr;
    }
    *error = QCoreApplication::translate("das::KeychainModule",
                                         "the keychain module %1 is not installed next to %2 (looked for %3)")
                 .arg(fileName, QCoreApplication::applicationFilePath(), installed);
    return nullptr;
}

} // namespace

KeychainBackend* KeychainModule::backend(QString* error)
{
    Loaded& state = loaded();
    if (!state.tried) {
        state.tried = true;
        state.backend = load(&state.error);
        qCDebug(lcSecrets).noquote() << "keychain module" << (state.backend ? "loaded" : "not loaded:")
                                     << state.error;
    }
    if (!state.backend && error)
        *error = state.error;
    return state.backend;
}

bool KeychainModule::isLoaded()
{
    return loaded().backend != nullptr;
}

} // namespace das
