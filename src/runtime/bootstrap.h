#ifndef RINGJS_RUNTIME_BOOTSTRAP_H_
#define RINGJS_RUNTIME_BOOTSTRAP_H_

namespace ringjs {

class Environment;

// Runs lib/js/internal/bootstrap/realm.js (internalBinding, builtin loader) and
// internal/bootstrap/node.js (process, globals, task queues, timers). False if either threw
// (the error is printed).
bool Bootstrap(Environment* env);

// Runs lib/js/internal/main/run_main.js, which starts the file, -e/-p code or stdin script, or
// another entry builtin (a worker thread's internal/worker/main).
void RunEntryPoint(Environment* env, const char* id = "internal/main/run_main");

}  // namespace ringjs

#endif  // RINGJS_RUNTIME_BOOTSTRAP_H_
