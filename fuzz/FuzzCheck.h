#pragma once

#include <cstdio>
#include <cstdlib>

// A broken invariant is a finding like a crash: say which, then abort so libFuzzer keeps the input.
#define DAS_FUZZ_CHECK(condition, what)                                                                      \
    do {                                                                                                     \
        if (!(condition)) {                                                                                  \
            std::fprintf(stderr, "%s: invariant violated: %s\n", __FILE__, what);                            \
            std::abort();                                                                                    \
        }                                                                                                    \
    } while (false)
