#ifndef RINGJS_RUNTIME_FD_LIMIT_H_
#define RINGJS_RUNTIME_FD_LIMIT_H_

namespace ringjs {

// Raises the soft RLIMIT_NOFILE as far as the hard limit allows, once at startup, as node does:
// a server with thousands of connections should not stop at the shell's default of 1024.
void RaiseOpenFileLimit();

}  // namespace ringjs

#endif  // RINGJS_RUNTIME_FD_LIMIT_H_
