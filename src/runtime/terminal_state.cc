#include "runtime/terminal_state.h"

#include <errno.h>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <mutex>

namespace ringjs {
namespace {

constexpr int kMaxSavedFds = 3;  // stdin, stdout, stderr are the terminals a program has.

struct SavedTerminal {
  bool saved = false;
  // A duplicate of the fd: the settings belong to the terminal, and the program may close the
  // original (process.stdin.destroy()) before we restore.
  int restore_fd = -1;
  termios original;
};

std::mutex g_mutex;
SavedTerminal g_saved[kMaxSavedFds];

}  // namespace

int SetTerminalRawMode(int fd, bool raw) {
  std::lock_guard<std::mutex> lock(g_mutex);
  termios current;
  if (tcgetattr(fd, &current) != 0) return -errno;
  if (fd >= 0 && fd < kMaxSavedFds && !g_saved[fd].saved) {
    g_saved[fd].saved = true;
    g_saved[fd].original = current;
    g_saved[fd].restore_fd = fcntl(fd, F_DUPFD_CLOEXEC, kMaxSavedFds);
  }
  termios next;
  if (raw) {
    // libuv's UV_TTY_MODE_RAW.
    next = current;
    next.c_iflag &= ~(BRKINT | ICRNL | INPCK | ISTRIP | IXON);
    next.c_oflag |= ONLCR;
    next.c_cflag |= CS8;
    next.c_lflag &= ~(ECHO | ICANON | IEXTEN | ISIG);
    next.c_cc[VMIN] = 1;
    next.c_cc[VTIME] = 0;
  } else if (fd >= 0 && fd < kMaxSavedFds && g_saved[fd].saved) {
    next = g_saved[fd].original;
  } else {
    return 0;
  }
  while (tcsetattr(fd, TCSADRAIN, &next) != 0) {
    if (errno != EINTR) return -errno;
  }
  return 0;
}

void RestoreTerminals() {
  std::lock_guard<std::mutex> lock(g_mutex);
  for (int fd = 0; fd < kMaxSavedFds; fd++) {
    if (!g_saved[fd].saved) continue;
    int target = g_saved[fd].restore_fd >= 0 ? g_saved[fd].restore_fd : fd;
    while (tcsetattr(target, TCSANOW, &g_saved[fd].original) != 0 && errno == EINTR) {
    }
    g_saved[fd].saved = false;
  }
}

}  // namespace ringjs
