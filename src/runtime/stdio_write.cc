#include "runtime/stdio_write.h"

#include <errno.h>
#include <poll.h>
#include <unistd.h>

namespace ringjs {

int WriteAllToFd(int fd, const char* data, size_t length) {
  while (length > 0) {
    ssize_t n = write(fd, data, length);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN) {
        pollfd pfd = {fd, POLLOUT, 0};
        poll(&pfd, 1, -1);
        continue;
      }
      return -errno;
    }
    data += n;
    length -= static_cast<size_t>(n);
  }
  return 0;
}

}  // namespace ringjs
