#include "OneShotExit.h"

#include "PhaseTimer.h"
#include "SqliteConnection.h"

#include <cstdio>
#include <unistd.h>

namespace das {

namespace OneShotExit {

namespace {

bool enabled = false;

} // namespace

void enable()
{
    enabled = true;
}

int now(int status)
{
#if defined(__SANITIZE_ADDRESS__) || defined(DAS_NO_QUICK_EXIT)
    return status;
#else
    if (!enabled || SqliteConnection::closingAnyWouldWrite())
        return status;
    PhaseTimer::report(stderr);
    if (std::fflush(stdout) == 0 && std::fflush(stderr) == 0)
        ::_exit(status);
    return status; // stdio could not write its buffers: the normal way out reports that
#endif
}

} // namespace OneShotExit

} // namespace das
