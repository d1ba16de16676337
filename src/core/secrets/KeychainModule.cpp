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
    // 2. The bare file name: RUNPATH (the build tree), LD_LIBRARY_PATH, the system's folders.
    if (KeychainBackend* backend = open(QFile::encodeName(fileName), &problem))
        return backend;
    *error = QCoreApplication::translate("das::KeychainModule",
                                         "the keychain module %1 is not installed next to %2 (%3)")
                 .arg(fileName, QCoreApplication::applicationFilePath(), problem);
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
