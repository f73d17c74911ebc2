// Metadata the kernel already holds in memory, read on the JS thread without waiting.
//
// An asynchronous stat/lstat/fstat (and readFile's size check) normally costs a trip to a
// worker: io_uring runs every statx on an io-wq thread, the epoll backend on the thread pool.
// When the path walk needs no I/O (openat2 with RESOLVE_CACHED proves it) and the file lives on
// a local file system (whose getattr reads the in-memory inode), the answer is a few
// microseconds of syscall that never block, so it is taken at once and only the callback is
// deferred. Anything else (a dentry not in the cache, FUSE, NFS, an unexpected error) says
// kNotCached and the caller goes asynchronously as before.
#ifndef SRC_BINDINGS_FS_CACHED_STAT_H_
#define SRC_BINDINGS_FS_CACHED_STAT_H_

#include "bindings/fs_ops.h"

namespace ringjs::fs {

// Not a result: the caller must ask asynchronously.
constexpr int kNotCached = 1;

// 0 (filled), -ENOENT / -ENOTDIR (the definite answer of a cached lookup) or kNotCached.
int CachedStat(const char* path, bool follow_links, FileStat* out);
// 0 (filled) or kNotCached.
int CachedFStat(int fd, FileStat* out);

// open(path, O_RDONLY | O_NONBLOCK) when the walk needs no I/O: the fd, -ENOENT / -ENOTDIR, or
// kNotCached. Non-blocking so that a FIFO's open returns at once.
int CachedOpenForReading(const char* path);
// pread of bytes already in the page cache (RWF_NOWAIT): the count (maybe short), or -errno
// (EAGAIN: not all cached; EOPNOTSUPP: a file that cannot say). Not kNotCached, which would read
// as a count of 1.
int64_t CachedPread(int fd, void* buf, size_t len, int64_t offset);

}  // namespace ringjs::fs

#endif  // SRC_BINDINGS_FS_CACHED_STAT_H_
