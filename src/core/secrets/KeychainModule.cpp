#include "KeychainModule.h"

#include "KeychainBackend.h"
#include "SecretsLog.h"

#include "ModuleLoader.h"

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

KeychainBackend* load(QString* error)
{
    void* module = ModuleLoader::load(QStringLiteral(DAS_KEYCHAIN_MODULE_FILE), error);
    using Factory = KeychainBackend* (*)();
    const auto factory =
        reinterpret_cast<Factory>(ModuleLoader::function(module, DAS_KEYCHAIN_BACKEND_SYMBOL, error));
    return factory ? factory() : nullptr; // its objects and their code live until the process ends
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
