#pragma once

#include <QString>

namespace das {

class KeychainBackend;

// Finds and loads the keychain module (libdas-keychain.so, see KeychainBackend) the first time it is needed,
// and keeps it loaded until the process ends. Looked for, in this order:
//   1. relative to the program: <program's folder>/<bindir to libdir>/das-connect/plugins/, the layout that
//      `cmake --install` and the Debian package give (under any prefix or DESTDIR), and that the build tree
//      mirrors for the programs in build/src/*/;
//   2. by its file name, so through the program's RUNPATH (the tests' in the build tree; installed programs
//      have none), then LD_LIBRARY_PATH and the system's library folders.
// dlopen() is called from here, code linked into the program, so that it is the program's RUNPATH that
// counts.
class KeychainModule
{
public:
    // The backend, or nullptr with `error` saying which module could not be loaded and why.
    static KeychainBackend* backend(QString* error);
    // Whether the module has been loaded by this process (for tests: a run that needs no keychain does not).
    static bool isLoaded();
};

} // namespace das
