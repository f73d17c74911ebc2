// Non-blocking metadata reads on the JS thread (see fs_cached_stat.h).
#include "bindings/fs_cached_stat.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/magic.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cstdint>

namespace ringjs::fs {
namespace {

// File systems whose getattr answers from the in-memory inode (no server, no daemon), so
// AT_STATX_DONT_SYNC gives exactly what a plain stat would.
bool IsLocalFileSystem(int64_t type) {
  switch (static_cast<uint32_t>(type)) {
    case EXT4_SUPER_MAGIC:  // ext2/3/4
    case XFS_SUPER_MAGIC:
    case BTRFS_SUPER_MAGIC:
    case TMPFS_MAGIC:
    case RAMFS_MAGIC:
    case OVERLAYFS_SUPER_MAGIC:
    case F2FS_SUPER_MAGIC:
    case 0x2fc12fc1:  // zfs
    case PROC_SUPER_MAGIC:
    case SYSFS_MAGIC:
    case DEVPTS_SUPER_MAGIC:
      return true;
    default:
      return false;
  }
}

// What we learned about the file systems met so far, by device. Per thread (workers have their
// own loop and JS thread); a handful of devices in practice.
struct DeviceVerdicts {
  static constexpr int kSlots = 16;
  uint64_t dev[kSlots];
  bool local[kSlots];
  int count = 0;
  int next = 0;  // Round-robin replacement once full.

  // 1 local, 0 not, -1 unknown.
  int Lookup(uint64_t d) const {
    for (int i = 0; i < count; i++) {
      if (dev[i] == d) return local[i] ? 1 : 0;
    }
    return -1;
  }

  void Remember(uint64_t d, bool is_local) {
    int slot = count < kSlots ? count++ : (next++ % kSlots);
    dev[slot] = d;
    local[slot] = is_local;
  }
};

thread_local DeviceVerdicts verdicts;
thread_local bool openat2_unusable = false;

// statx of an open fd (O_PATH included) without syncing; kNotCached unless the fd's file system
// is known local.
int StatxFd(int fd, FileStat* out) {
  struct statx stx;
  if (statx(fd, "", AT_EMPTY_PATH | AT_STATX_DONT_SYNC, kStatxMask, &stx) != 0) {
    return kNotCached;
  }
  uint64_t dev = makedev(stx.stx_dev_major, stx.stx_dev_minor);
  int verdict = verdicts.Lookup(dev);
  if (verdict < 0) {
    struct statfs sfs;
    if (fstatfs(fd, &sfs) != 0) return kNotCached;
    verdict = IsLocalFileSystem(sfs.f_type) ? 1 : 0;
    verdicts.Remember(dev, verdict == 1);
  }
  if (verdict == 0) return kNotCached;
  FileStatFromStatx(stx, out);
  return 0;
}

}  // namespace

int CachedStat(const char* path, bool follow_links, FileStat* out) {
  if (openat2_unusable) return kNotCached;
  struct open_how how = {};
  how.flags = O_PATH | O_CLOEXEC | (follow_links ? 0 : O_NOFOLLOW);
  how.resolve = RESOLVE_CACHED;
  int fd = static_cast<int>(syscall(SYS_openat2, AT_FDCWD, path, &how, sizeof(how)));
  if (fd < 0) {
    int err = errno;
    // No openat2 (before 5.6) or no RESOLVE_CACHED (before 5.12).
    if (err == ENOSYS || err == E2BIG || err == EINVAL) openat2_unusable = true;
    // A cached negative entry or a file where a directory was needed: the walk's real answer.
    if (err == ENOENT || err == ENOTDIR) return -err;
    return kNotCached;  // EAGAIN (needs I/O or revalidation), EMFILE, ...
  }
  int result = StatxFd(fd, out);
  close(fd);
  return result;
}

int CachedFStat(int fd, FileStat* out) { return StatxFd(fd, out); }

int CachedOpenForReading(const char* path) {
  if (openat2_unusable) return kNotCached;
  struct open_how how = {};
  // O_NONBLOCK: opening a FIFO must not wait for a writer here (regular files ignore it).
  how.flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK;
  how.resolve = RESOLVE_CACHED;
  int fd = static_cast<int>(syscall(SYS_openat2, AT_FDCWD, path, &how, sizeof(how)));
  if (fd >= 0) return fd;
  int err = errno;
  if (err == ENOENT || err == ENOTDIR) return -err;
  return kNotCached;
}

int64_t CachedPread(int fd, void* buf, size_t len, int64_t offset) {
  struct iovec iov = {buf, len};
  ssize_t n = preadv2(fd, &iov, 1, offset, RWF_NOWAIT);
  return n < 0 ? -errno : n;
}

}  // namespace ringjs::fs
