#pragma once

#include <QString>

namespace das {

class KeychainBackend;

// Loads the keychain module (libdas-keychain.so, see KeychainBackend) the first time it is needed, through
// ModuleLoader (where it is looked for), and keeps it loaded until the process ends.
class KeychainModule
{
public:
    // The backend, or nullptr with `error` saying which module could not be loaded and why.
    static KeychainBackend* backend(QString* error);
    // Whether the module has been loaded by this process (for tests: a run that needs no keychain does not).
    static bool isLoaded();
};

} // namespace das
