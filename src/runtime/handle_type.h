#ifndef RINGJS_RUNTIME_HANDLE_TYPE_H_
#define RINGJS_RUNTIME_HANDLE_TYPE_H_

namespace ringjs {

// What kind of file descriptor fd is, as libuv's uv_guess_handle names it: "TTY", "FILE",
// "PIPE", "TCP", "UDP" or "UNKNOWN".
const char* GuessHandleType(int fd);

}  // namespace ringjs

#endif  // RINGJS_RUNTIME_HANDLE_TYPE_H_
