#ifndef RINGJS_RUNTIME_RUNTIME_H_
#define RINGJS_RUNTIME_RUNTIME_H_

#include "runtime/cli_options.h"

namespace ringjs {

// Runs one program to completion on the main thread: loop, isolate, bootstrap, entry script,
// event loop, 'beforeExit'/'exit'. Returns the process exit code.
int RunMain(const CliOptions& options);

}  // namespace ringjs

#endif  // RINGJS_RUNTIME_RUNTIME_H_
