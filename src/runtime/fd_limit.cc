#include "runtime/fd_limit.h"

#include <sys/resource.h>

namespace ringjs {

void RaiseOpenFileLimit() {
  struct rlimit limit;
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == limit.rlim_max) return;
  struct rlimit wanted = limit;
  wanted.rlim_cur = limit.rlim_max;
  if (setrlimit(RLIMIT_NOFILE, &wanted) == 0) return;
  // An unlimited hard limit is still capped by the kernel (fs.nr_open): find the highest soft
  // limit it takes between the current one and a bound it surely refuses.
  rlim_t low = limit.rlim_cur;  // Accepted.
  rlim_t high = limit.rlim_max == RLIM_INFINITY ? (rlim_t{1} << 31) : limit.rlim_max;
  while (high - low > 1) {
    rlim_t mid = low + (high - low) / 2;
    wanted.rlim_cur = mid;
    if (setrlimit(RLIMIT_NOFILE, &wanted) == 0) {
      low = mid;
    } else {
      high = mid;
    }
  }
  wanted.rlim_cur = low;
  setrlimit(RLIMIT_NOFILE, &wanted);
}

}  // namespace ringjs
