// mapwait: start-up of a window program as the user sees it, measured from outside the process.
//
//   mapwait [--timeout-ms N] [--linger-ms N] [--smaps N] PROGRAM [ARGS...]
//
// Selects SubstructureNotify on the root window of $DISPLAY, takes CLOCK_MONOTONIC, then fork/execs PROGRAM
// (so the dynamic loader, static initialisers and everything main() does are inside the figure). The first
// MapNotify of a top-level window that is not override-redirect (a tooltip or a menu would be) ends the
// wait: that is the first window the user gets. It prints one line
//
//   map_us=<microseconds from just before exec to MapNotify> vmhwm_kib=<child's peak RSS at that moment>
//
// (with --smaps N, also the N mappings holding most of the child's resident memory at that moment, to stderr)
// then (after --linger-ms, for the child's later output) ends the child (SIGTERM, then SIGKILL) and exits 0;
// on a timeout or a child that dies first it prints the reason to stderr and exits 1. The child gets
// DAS_STARTUP_T0_NS (the same clock, in nanoseconds) so a program that prints its own phases
// (DAS_STARTUP_TIMING=1) can print them relative to the exec.
#include <xcb/xcb.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <poll.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

long long nowNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<long long>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

// VmHWM of /proc/<pid>/status in KiB, or -1.
long peakRssKiB(pid_t pid)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/status", static_cast<int>(pid));
    FILE* f = fopen(path, "r");
    if (!f)
        return -1;
    char line[256];
    long kib = -1;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "VmHWM: %ld kB", &kib) == 1)
            break;
    fclose(f);
    return kib;
}

// The `top` mappings of /proc/<pid>/smaps by resident size, summed per file ("[heap]", "[anon]", a library).
void printSmaps(pid_t pid, int top)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/smaps", static_cast<int>(pid));
    FILE* f = fopen(path, "r");
    if (!f)
        return;
    std::map<std::string, long> rss;
    std::string current = "[anon]";
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        unsigned long from = 0;
        unsigned long to = 0;
        int consumed = 0;
        long kib = 0;
        if (sscanf(line, "%lx-%lx %*s %*s %*s %*s %n", &from, &to, &consumed) == 2 && consumed > 0) {
            std::string name = line + consumed;
            while (!name.empty() && (name.back() == '\n' || name.back() == ' '))
                name.pop_back();
            current = name.empty() ? "[anon]" : name;
        } else if (sscanf(line, "Rss: %ld kB", &kib) == 1) {
            rss[current] += kib;
        }
    }
    fclose(f);
    std::vector<std::pair<long, std::string>> sorted;
    for (const auto& [name, kib] : rss)
        sorted.emplace_back(kib, name);
    std::sort(sorted.rbegin(), sorted.rend());
    for (int i = 0; i < top && i < static_cast<int>(sorted.size()); ++i)
        fprintf(stderr, "smaps: %7ld KiB %s\n", sorted[static_cast<size_t>(i)].first,
                sorted[static_cast<size_t>(i)].second.c_str());
}

void endChild(pid_t pid)
{
    kill(pid, SIGTERM);
    for (int i = 0; i < 200; ++i) {
        if (waitpid(pid, nullptr, WNOHANG) == pid)
            return;
        usleep(10000);
    }
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
}

} // namespace

int main(int argc, char** argv)
{
    int timeoutMs = 30000;
    int lingerMs = 0;
    int smapsTop = 0;
    int first = 1;
    while (first + 1 < argc && strncmp(argv[first], "--", 2) == 0) {
        if (strcmp(argv[first], "--timeout-ms") == 0)
            timeoutMs = atoi(argv[first + 1]);
        else if (strcmp(argv[first], "--linger-ms") == 0)
            lingerMs = atoi(argv[first + 1]);
        else if (strcmp(argv[first], "--smaps") == 0)
            smapsTop = atoi(argv[first + 1]);
        else
            break;
        first += 2;
    }
    if (first >= argc || strncmp(argv[first], "--", 2) == 0) {
        fprintf(stderr, "usage: mapwait [--timeout-ms N] [--linger-ms N] [--smaps N] PROGRAM [ARGS...]\n");
        return 2;
    }
    xcb_connection_t* c = xcb_connect(nullptr, nullptr);
    if (xcb_connection_has_error(c)) {
        fprintf(stderr, "mapwait: cannot open the display\n");
        return 1;
    }
    const xcb_screen_t* screen = xcb_setup_roots_iterator(xcb_get_setup(c)).data;
    const uint32_t mask = XCB_EVENT_MASK_SUBSTRUCTURE_NOTIFY;
    xcb_void_cookie_t sel = xcb_change_window_attributes_checked(c, screen->root, XCB_CW_EVENT_MASK, &mask);
    free(xcb_request_check(c, sel)); // round trip: the selection is in place before the exec

    const long long t0 = nowNs();
    char t0Text[32];
    snprintf(t0Text, sizeof t0Text, "%lld", t0);
    setenv("DAS_STARTUP_T0_NS", t0Text, 1);
    const pid_t pid = fork();
    if (pid < 0) {
        perror("mapwait: fork");
        return 1;
    }
    if (pid == 0) {
        close(xcb_get_file_descriptor(c));
        execvp(argv[first], argv + first);
        perror("mapwait: exec");
        _exit(127);
    }

    pollfd pfd{xcb_get_file_descriptor(c), POLLIN, 0};
    const long long deadline = t0 + static_cast<long long>(timeoutMs) * 1000000LL;
    for (;;) {
        xcb_generic_event_t* ev;
        while ((ev = xcb_poll_for_event(c))) {
            if ((ev->response_type & 0x7f) == XCB_MAP_NOTIFY) {
                const xcb_map_notify_event_t* map = reinterpret_cast<const xcb_map_notify_event_t*>(ev);
                if (!map->override_redirect) {
                    const long long t1 = nowNs();
                    const long hwm = peakRssKiB(pid);
                    free(ev);
                    if (smapsTop > 0)
                        printSmaps(pid, smapsTop);
                    printf("map_us=%lld vmhwm_kib=%ld\n", (t1 - t0) / 1000, hwm);
                    fflush(stdout);
                    if (lingerMs > 0)
                        usleep(static_cast<useconds_t>(lingerMs) * 1000);
                    endChild(pid);
                    xcb_disconnect(c);
                    return 0;
                }
            }
            free(ev);
        }
        if (xcb_connection_has_error(c)) {
            fprintf(stderr, "mapwait: display connection lost\n");
            break;
        }
        if (waitpid(pid, nullptr, WNOHANG) == pid) {
            fprintf(stderr, "mapwait: %s ended before mapping a window\n", argv[first]);
            xcb_disconnect(c);
            return 1;
        }
        const long long left = deadline - nowNs();
        if (left <= 0) {
            fprintf(stderr, "mapwait: no window mapped within %d ms\n", timeoutMs);
            break;
        }
        const int waitMs = left / 1000000LL > 20 ? 20 : static_cast<int>(left / 1000000LL) + 1;
        if (poll(&pfd, 1, waitMs) < 0 && errno != EINTR)
            break;
    }
    endChild(pid);
    xcb_disconnect(c);
    return 1;
}
