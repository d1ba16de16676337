#pragma once

#include <cstdio>

namespace das {

// Where a one-shot process spends its time, for `DAS_CLI_TIMING=1 das-connect-cli create …` and
// bench/cli-vs-curl.sh. Off unless a front end starts it; then mark() notes a named moment (a fixed,
// non-secret text) and report() prints every phase with its duration. Marking costs one clock read and is a
// no-op when off, so the marks can stay in the create path.
class PhaseTimer
{
public:
    // Starts timing at this moment. `launchedAtEpochSeconds` (the shell's $EPOCHREALTIME just before exec, 0
    // if unknown) adds the loader and static initialisers as a first phase "exec -> main".
    static void start(double launchedAtEpochSeconds);
    static bool isOn();
    static void mark(const char* phase);
    // Prints once: the first call of a process wins (a one-shot exit and main() may both ask).
    static void report(std::FILE* to);
};

} // namespace das
