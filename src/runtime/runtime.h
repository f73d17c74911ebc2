#ifndef RINGJS_RUNTIME_RUNTIME_H_
#define RINGJS_RUNTIME_RUNTIME_H_

#include "runtime/cli_options.h"

namespace ringjs {

// Runs one program to completion on the main thread: loop, isolate, bootstrap, entry script,
// event loop, 'beforeExit'/'exit'. Returns the process exit code.
int RunMain(const CliOptions& options);

class Environment;

// Node's SpinEventLoop: runs the loop until nothing is left, giving 'beforeExit' a chance to add
// work. Returns early once the Environment is stopping. (Main thread and workers.)
void SpinEventLoop(Environment* env);

// Emits process 'exit' through the emitter the bootstrap registered (not when stopping).
void EmitProcessExit(Environment* env);

}  // namespace ringjs

#endif  // RINGJS_RUNTIME_RUNTIME_H_
