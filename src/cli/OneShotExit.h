#pragma once

namespace das {

// How das-connect-cli ends once a command's output is out: at once (_exit), without tearing down what the
// kernel frees anyway. Destroying a create's network managers joins their thread, and closing the history
// unmaps its shared memory while that thread still runs; with QCoreApplication's and every library's
// static teardown, ~0.5 ms of a ~10 ms create that writes nothing of ours. Only the program's main() turns
// this on: code that runs a command in a process of its own (a test) keeps the normal way out.
namespace OneShotExit {

// Called by main() before it runs a command.
void enable();
// When enabled and safe (not under the sanitizers, whose leak check runs at exit, and no history connection
// still open would write anything on close: SqliteConnection::closingAnyWouldWrite), prints the phase
// timings (PhaseTimer), flushes stdout and stderr and ends the process with `status`. Otherwise returns
// `status`, for the normal way out (which prints the timings). The caller flushes its QTextStreams first.
int now(int status);

} // namespace OneShotExit

} // namespace das
