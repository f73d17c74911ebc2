// Blocking (thread-pool) and non-blocking (readiness) executors for
// Requests. Internal header.
#ifndef SRC_LOOP_BLOCKING_OPS_H_
#define SRC_LOOP_BLOCKING_OPS_H_

#include <cstdint>

namespace ringjs::loop {

class Request;

// Runs a file op with plain blocking syscalls (on a pool thread). Returns
// the result or -errno.
int64_t ExecuteBlocking(Request* req);

// True for ops the thread pool can run (file ops, not socket ops).
bool IsPoolable(const Request* req);

}  // namespace ringjs::loop

#endif  // SRC_LOOP_BLOCKING_OPS_H_
