#ifndef RINGJS_RUNTIME_STDIO_WRITE_H_
#define RINGJS_RUNTIME_STDIO_WRITE_H_

#include <cstddef>

namespace ringjs {

// Writes all bytes to fd, retrying short writes and EINTR, waiting out EAGAIN on a non-blocking
// fd (a pipe another process made non-blocking). Returns 0 or -errno.
int WriteAllToFd(int fd, const char* data, size_t length);

}  // namespace ringjs

#endif  // RINGJS_RUNTIME_STDIO_WRITE_H_
