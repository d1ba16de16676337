#pragma once

#include <QString>

namespace das {

// Finds and loads one of the programs' modules: shared objects of ours that carry a dependency only some
// runs need (the keychain's QtKeychain and D-Bus, KeychainModule; the regions file's yaml-cpp,
// EndpointResolver), so that a run without that need does not load it. A module is never unloaded. Looked
// for, in this order:
//   1. relative to the program: <program's folder>/<bindir to libdir>/das-connect/plugins/, the layout that
//      `cmake --install` and the Debian package give (under any prefix or DESTDIR), and that the build tree
//      mirrors for the programs in build/src/*/;
//   2. for a program inside the build tree (a test), the build tree's module folder. Never by a bare file
//      name: ld.so would search LD_LIBRARY_PATH, where an empty entry means the current directory.
// Each module exports `das_module_version`, which must give this build's version.
namespace ModuleLoader {

// The module's handle (dlopen, RTLD_LOCAL: its symbols stay its own), or nullptr with `error` saying which
// module could not be loaded and why. `fileName` as built, e.g. "libdas-keychain.so".
void* load(const QString& fileName, QString* error);
// A function the module exports, or nullptr with `error` set.
void* function(void* module, const char* name, QString* error);

} // namespace ModuleLoader

} // namespace das
