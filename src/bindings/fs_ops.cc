// Blocking file-system operations with libuv's Linux semantics (see fs_ops.h).
#include "bindings/fs_ops.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <climits>

namespace ringjs::fs {
namespace {

inline int Check(int rc) { return rc < 0 ? -errno : rc; }

inline int64_t Check64(int64_t rc) { return rc < 0 ? -static_cast<int64_t>(errno) : rc; }

// libuv's uv__fs_to_timespec: microsecond resolution; Infinity = now, NaN = omit.
struct timespec ToTimespec(double time) {
  struct timespec ts;
  if (std::isinf(time)) {
    ts.tv_sec = 0;
    ts.tv_nsec = UTIME_NOW;
    return ts;
  }
  if (std::isnan(time)) {
    ts.tv_sec = 0;
    ts.tv_nsec = UTIME_OMIT;
    return ts;
  }
  ts.tv_sec = static_cast<time_t>(time);
  ts.tv_nsec = static_cast<long>((time - static_cast<double>(ts.tv_sec)) * 1e9);
  ts.tv_nsec -= ts.tv_nsec % 1000;
  if (ts.tv_nsec < 0) {
    ts.tv_nsec += 1000000000;
    ts.tv_sec -= 1;
  }
  return ts;
}

int UtimensAt(int dirfd, const char* path, double atime, double mtime, int flags) {
  struct timespec ts[2] = {ToTimespec(atime), ToTimespec(mtime)};
  return Check(utimensat(dirfd, path, ts, flags));
}

int StatxAt(int dirfd, const char* path, int flags, FileStat* out) {
  struct statx stx;
  int rc;
  do {
    rc = statx(dirfd, path, flags, kStatxMask, &stx);
  } while (rc < 0 && errno == EINTR);
  if (rc < 0) return -errno;
  FileStatFromStatx(stx, out);
  return 0;
}

}  // namespace

int DirentTypeOf(unsigned char d_type) {
  switch (d_type) {
    case DT_REG: return 1;
    case DT_DIR: return 2;
    case DT_LNK: return 3;
    case DT_FIFO: return 4;
    case DT_SOCK: return 5;
    case DT_CHR: return 6;
    case DT_BLK: return 7;
    default: return 0;
  }
}

int StatxFlags(bool follow_links) {
  return AT_STATX_SYNC_AS_STAT | (follow_links ? 0 : AT_SYMLINK_NOFOLLOW);
}

void FileStatFromStatx(const struct statx& stx, FileStat* out) {
  uint64_t* f = out->fields;
  f[kStatDev] = makedev(stx.stx_dev_major, stx.stx_dev_minor);
  f[kStatMode] = stx.stx_mode;
  f[kStatNlink] = stx.stx_nlink;
  f[kStatUid] = stx.stx_uid;
  f[kStatGid] = stx.stx_gid;
  f[kStatRdev] = makedev(stx.stx_rdev_major, stx.stx_rdev_minor);
  f[kStatBlkSize] = stx.stx_blksize;
  f[kStatIno] = stx.stx_ino;
  f[kStatSize] = stx.stx_size;
  f[kStatBlocks] = stx.stx_blocks;
  f[kStatATimeSec] = static_cast<uint64_t>(stx.stx_atime.tv_sec);
  f[kStatATimeNsec] = stx.stx_atime.tv_nsec;
  f[kStatMTimeSec] = static_cast<uint64_t>(stx.stx_mtime.tv_sec);
  f[kStatMTimeNsec] = stx.stx_mtime.tv_nsec;
  f[kStatCTimeSec] = static_cast<uint64_t>(stx.stx_ctime.tv_sec);
  f[kStatCTimeNsec] = stx.stx_ctime.tv_nsec;
  f[kStatBirthTimeSec] = static_cast<uint64_t>(stx.stx_btime.tv_sec);
  f[kStatBirthTimeNsec] = stx.stx_btime.tv_nsec;
}

int Stat(const char* path, FileStat* out) {
  return StatxAt(AT_FDCWD, path, StatxFlags(true), out);
}

int LStat(const char* path, FileStat* out) {
  return StatxAt(AT_FDCWD, path, StatxFlags(false), out);
}

int FStat(int fd, FileStat* out) {
  return StatxAt(fd, "", StatxFlags(true) | AT_EMPTY_PATH, out);
}

int StatFs(const char* path, uint64_t out[7]) {
  struct statfs buf;
  if (statfs(path, &buf) != 0) return -errno;
  out[0] = static_cast<uint64_t>(buf.f_type);
  out[1] = static_cast<uint64_t>(buf.f_bsize);
  out[2] = buf.f_blocks;
  out[3] = buf.f_bfree;
  out[4] = buf.f_bavail;
  out[5] = buf.f_files;
  out[6] = buf.f_ffree;
  return 0;
}

int Open(const char* path, int flags, int mode) {
  int fd;
  do {
    fd = open(path, flags | O_CLOEXEC, mode);
  } while (fd < 0 && errno == EINTR);
  return fd < 0 ? -errno : fd;
}

int Close(int fd) {
  // As libuv: EINTR and EINPROGRESS from close() mean the fd is gone anyway.
  int rc = close(fd);
  if (rc < 0 && (errno == EINTR || errno == EINPROGRESS)) return 0;
  return Check(rc);
}

int64_t Read(int fd, void* buf, size_t len, int64_t offset) {
  ssize_t n;
  do {
    n = offset < 0 ? read(fd, buf, len) : pread(fd, buf, len, offset);
  } while (n < 0 && errno == EINTR);
  return Check64(n);
}

int64_t Write(int fd, const void* buf, size_t len, int64_t offset) {
  ssize_t n;
  do {
    n = offset < 0 ? write(fd, buf, len) : pwrite(fd, buf, len, offset);
  } while (n < 0 && errno == EINTR);
  return Check64(n);
}

int64_t ReadV(int fd, const struct iovec* iov, int iovcnt, int64_t offset) {
  ssize_t n;
  do {
    n = offset < 0 ? readv(fd, iov, iovcnt) : preadv(fd, iov, iovcnt, offset);
  } while (n < 0 && errno == EINTR);
  return Check64(n);
}

int64_t WriteV(int fd, const struct iovec* iov, int iovcnt, int64_t offset) {
  ssize_t n;
  do {
    n = offset < 0 ? writev(fd, iov, iovcnt) : pwritev(fd, iov, iovcnt, offset);
  } while (n < 0 && errno == EINTR);
  return Check64(n);
}

int Access(const char* path, int mode) { return Check(access(path, mode)); }
int Rename(const char* from, const char* to) { return Check(rename(from, to)); }
int Link(const char* from, const char* to) { return Check(link(from, to)); }
int Symlink(const char* target, const char* path) { return Check(symlink(target, path)); }
int Unlink(const char* path) { return Check(unlink(path)); }
int Rmdir(const char* path) { return Check(rmdir(path)); }
int Mkdir(const char* path, int mode) { return Check(mkdir(path, mode)); }
int Fsync(int fd) { return Check(fsync(fd)); }
int Fdatasync(int fd) { return Check(fdatasync(fd)); }

int Ftruncate(int fd, int64_t len) {
  int rc;
  do {
    rc = ftruncate(fd, len);
  } while (rc < 0 && errno == EINTR);
  return Check(rc);
}

int Chmod(const char* path, int mode) { return Check(chmod(path, mode)); }
int Fchmod(int fd, int mode) { return Check(fchmod(fd, mode)); }
int Chown(const char* path, uint32_t uid, uint32_t gid) { return Check(chown(path, uid, gid)); }
int Fchown(int fd, uint32_t uid, uint32_t gid) { return Check(fchown(fd, uid, gid)); }
int Lchown(const char* path, uint32_t uid, uint32_t gid) { return Check(lchown(path, uid, gid)); }

int Utimes(const char* path, double atime, double mtime) {
  return UtimensAt(AT_FDCWD, path, atime, mtime, 0);
}

int Futimes(int fd, double atime, double mtime) {
  struct timespec ts[2] = {ToTimespec(atime), ToTimespec(mtime)};
  return Check(futimens(fd, ts));
}

int Lutimes(const char* path, double atime, double mtime) {
  return UtimensAt(AT_FDCWD, path, atime, mtime, AT_SYMLINK_NOFOLLOW);
}

int ReadLink(const char* path, std::string* out) {
  // As libuv: size the buffer from lstat, grow if the link changed meanwhile.
  size_t size = PATH_MAX;
  struct stat st;
  if (lstat(path, &st) == 0 && st.st_size > 0) size = static_cast<size_t>(st.st_size) + 1;
  for (;;) {
    std::string buf(size, '\0');
    ssize_t n = readlink(path, buf.data(), size);
    if (n < 0) return -errno;
    if (static_cast<size_t>(n) < size) {
      buf.resize(static_cast<size_t>(n));
      *out = std::move(buf);
      return 0;
    }
    size *= 2;
  }
}

int RealPath(const char* path, std::string* out) {
  char* resolved = realpath(path, nullptr);
  if (resolved == nullptr) return -errno;
  out->assign(resolved);
  free(resolved);
  return 0;
}

int Mkdtemp(const std::string& prefix, std::string* out) {
  std::string templ = prefix + "XXXXXX";
  int err = mkdtemp(templ.data()) == nullptr ? -errno : 0;
  *out = std::move(templ);
  return err;
}

int MkdirRecursive(const std::string& path, int mode, std::string* first_created) {
  std::vector<std::string> paths;
  paths.push_back(path);
  while (!paths.empty()) {
    std::string next_path = std::move(paths.back());
    paths.pop_back();
    int err = Mkdir(next_path.c_str(), mode);
    for (;;) {
      switch (err) {
        case 0:
          if (first_created->empty()) *first_created = next_path;
          if (paths.empty()) return 0;
          break;
        case -EACCES:
        case -ENOSPC:
        case -ENOTDIR:
        case -EPERM:
          return err;
        case -ENOENT: {
          size_t slash = next_path.find_last_of('/');
          std::string dirname = next_path.substr(0, slash);
          if (dirname != next_path) {
            paths.push_back(std::move(next_path));
            paths.push_back(std::move(dirname));
          } else if (paths.empty()) {
            err = -EEXIST;
            continue;
          }
          break;
        }
        default: {
          int orig_err = err;
          struct stat st;
          if (stat(next_path.c_str(), &st) != 0) return -errno;
          if (!S_ISDIR(st.st_mode)) {
            if (orig_err == -EEXIST && !paths.empty()) return -ENOTDIR;
            return -EEXIST;
          }
          break;
        }
      }
      break;
    }
  }
  return 0;
}

int CopyFile(const char* from, const char* to, int flags) {
  constexpr int kExcl = 1;
  constexpr int kFiClone = 2;
  constexpr int kFiCloneForce = 4;
  int src = Open(from, O_RDONLY, 0);
  if (src < 0) return src;
  struct stat src_st;
  if (fstat(src, &src_st) != 0) {
    int err = -errno;
    close(src);
    return err;
  }
  if (S_ISDIR(src_st.st_mode)) {
    close(src);
    return -EISDIR;
  }
  int dst_flags = O_WRONLY | O_CREAT;
  if (flags & kExcl) dst_flags |= O_EXCL;
  int dst = Open(to, dst_flags, src_st.st_mode);
  if (dst < 0) {
    close(src);
    return dst;
  }
  int err = 0;
  struct stat dst_st;
  if (fstat(dst, &dst_st) != 0) {
    err = -errno;
  } else if (src_st.st_dev == dst_st.st_dev && src_st.st_ino == dst_st.st_ino) {
    // Copying a file onto itself: nothing to do (libuv).
    close(src);
    close(dst);
    return 0;
  } else if (fchmod(dst, src_st.st_mode) != 0 && errno != EPERM) {
    err = -errno;
  } else if (ftruncate(dst, 0) != 0) {
    err = -errno;
  }
  bool copied = false;
  if (err == 0 && (flags & (kFiClone | kFiCloneForce))) {
    if (ioctl(dst, FICLONE, src) == 0) {
      copied = true;
    } else if (flags & kFiCloneForce) {
      err = -errno;
    }
  }
  if (err == 0 && !copied) {
    off_t offset = 0;
    off_t remaining = src_st.st_size;
    // copy_file_range, then sendfile, as libuv; the loop also covers files that grew.
    bool use_cfr = true;
    for (;;) {
      size_t chunk = remaining > 0 ? static_cast<size_t>(remaining) : static_cast<size_t>(1) << 30;
      ssize_t n;
      if (use_cfr) {
        loff_t in_off = offset;
        n = copy_file_range(src, &in_off, dst, nullptr, chunk, 0);
        if (n < 0 && (errno == ENOSYS || errno == EXDEV || errno == EINVAL ||
                      errno == EOPNOTSUPP || errno == EPERM)) {
          use_cfr = false;
          continue;
        }
      } else {
        n = sendfile(dst, src, &offset, chunk);
        if (n > 0) offset -= n;  // Advanced below, as for copy_file_range.
      }
      if (n < 0) {
        if (errno == EINTR) continue;
        err = -errno;
        break;
      }
      if (n == 0) break;
      offset += n;
      remaining -= n;
    }
  }
  close(src);
  if (close(dst) != 0 && err == 0 && errno != EINTR) err = -errno;
  if (err != 0) unlink(to);
  return err;
}

int ReadDir(const char* path, std::vector<std::string>* names, std::vector<int>* types) {
  DIR* dir = opendir(path);
  if (dir == nullptr) return -errno;
  std::vector<std::pair<std::string, int>> entries;
  for (;;) {
    errno = 0;
    struct dirent* ent = readdir(dir);
    if (ent == nullptr) {
      if (errno != 0) {
        int err = -errno;
        closedir(dir);
        return err;
      }
      break;
    }
    const char* name = ent->d_name;
    if (name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'))) continue;
    entries.emplace_back(name, DirentTypeOf(ent->d_type));
  }
  closedir(dir);
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return strcmp(a.first.c_str(), b.first.c_str()) < 0; });
  names->reserve(entries.size());
  types->reserve(entries.size());
  for (auto& entry : entries) {
    names->push_back(std::move(entry.first));
    types->push_back(entry.second);
  }
  return 0;
}

int ReadAll(int fd, std::string* out) {
  char buf[65536];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof(buf));
    if (n < 0) {
      if (errno == EINTR) continue;
      return -errno;
    }
    if (n == 0) return 0;
    out->append(buf, static_cast<size_t>(n));
  }
}

int WriteAll(int fd, const char* data, size_t len) {
  while (len > 0) {
    ssize_t n = write(fd, data, len);
    if (n < 0) {
      if (errno == EINTR) continue;
      return -errno;
    }
    data += n;
    len -= static_cast<size_t>(n);
  }
  return 0;
}

}  // namespace ringjs::fs
