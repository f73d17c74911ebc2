#include "runtime/process_exit.h"

#include <unistd.h>

#include <cstdio>

#include "runtime/environment.h"
#include "runtime/terminal_state.h"

namespace ringjs {

void ExitProcess(Environment* env, int code) {
  if (env != nullptr && env->worker_host() != nullptr) {
    env->worker_host()->ExitThread(code);
    return;
  }
  if (env != nullptr) env->set_stopping();
  RestoreTerminals();
  std::fflush(nullptr);
  // _exit skips static destructors, which would race V8's worker threads.
  _exit(code & 0xff);
}

}  // namespace ringjs
