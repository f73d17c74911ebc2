#include "runtime/handle_type.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ringjs {

const char* GuessHandleType(int fd) {
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0) return "UNKNOWN";
  if (isatty(fd)) return "TTY";
  if (S_ISREG(st.st_mode) || S_ISCHR(st.st_mode)) return "FILE";
  if (S_ISFIFO(st.st_mode)) return "PIPE";
  if (!S_ISSOCK(st.st_mode)) return "UNKNOWN";
  int sock_type = 0;
  socklen_t len = sizeof(sock_type);
  sockaddr_storage addr;
  socklen_t addr_len = sizeof(addr);
  if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &sock_type, &len) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &addr_len) != 0) {
    return "UNKNOWN";
  }
  if (addr.ss_family == AF_UNIX) return "PIPE";
  if (sock_type == SOCK_STREAM) return "TCP";
  if (sock_type == SOCK_DGRAM) return "UDP";
  return "UNKNOWN";
}

}  // namespace ringjs
