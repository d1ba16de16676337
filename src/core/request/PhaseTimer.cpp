#include "PhaseTimer.h"

#include <chrono>
#include <vector>

namespace das {

namespace {

using Clock = std::chrono::steady_clock;

struct Mark
{
    const char* phase;
    Clock::time_point at;
};

// Filled by one thread (the main one) in a one-shot process: no locking.
struct Timeline
{
    bool on = false;
    bool reported = false;
    double launchToStartMs = -1;
    Clock::time_point started;
    std::vector<Mark> marks;
};

Timeline& timeline()
{
    static Timeline t;
    return t;
}

double msBetween(Clock::time_point from, Clock::time_point to)
{
    return std::chrono::duration<double, std::milli>(to - from).count();
}

} // namespace

void PhaseTimer::start(double launchedAtEpochSeconds)
{
    Timeline& t = timeline();
    t.on = true;
    t.started = Clock::now();
    t.marks.reserve(32);
    if (launchedAtEpochSeconds > 0) {
        const double now =
            std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
        t.launchToStartMs = (now - launchedAtEpochSeconds) * 1000.0;
    }
}

bool PhaseTimer::isOn()
{
    return timeline().on;
}

void PhaseTimer::mark(const char* phase)
{
    Timeline& t = timeline();
    if (t.on)
        t.marks.push_back({phase, Clock::now()});
}

void PhaseTimer::report(std::FILE* to)
{
    Timeline& t = timeline();
    if (!t.on || t.reported)
        return;
    t.reported = true;
    double total = 0;
    if (t.launchToStartMs >= 0) {
        std::fprintf(to, "timing: %-44s %7.2f ms\n", "exec -> main (loader, relocations, init)",
                     t.launchToStartMs);
        total = t.launchToStartMs;
    }
    Clock::time_point previous = t.started;
    for (const Mark& m : t.marks) {
        std::fprintf(to, "timing: %-44s %7.2f ms\n", m.phase, msBetween(previous, m.at));
        previous = m.at;
    }
    total += msBetween(t.started, previous);
    std::fprintf(to, "timing: %-44s %7.2f ms\n", "total to the last mark", total);
    std::fflush(to);
}

} // namespace das
