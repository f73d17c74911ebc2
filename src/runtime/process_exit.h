#ifndef RINGJS_RUNTIME_PROCESS_EXIT_H_
#define RINGJS_RUNTIME_PROCESS_EXIT_H_

namespace ringjs {

class Environment;

// Ends the process with `code` now: no more JS runs. stdout/stderr are written synchronously,
// so nothing printed is lost. In a worker thread's Environment only that thread ends: JS is
// terminated, the call returns and the worker's loop stops.
void ExitProcess(Environment* env, int code);

}  // namespace ringjs

#endif  // RINGJS_RUNTIME_PROCESS_EXIT_H_
