// Blocking file-system operations behind internalBinding('fs'): plain syscalls with libuv's
// semantics (what node's uv_fs_* calls do on Linux). No V8 here: the same functions run the
// synchronous calls on the JS thread and the asynchronous ones on a thread-pool thread.
// Each returns >= 0 on success or -errno.
#ifndef SRC_BINDINGS_FS_OPS_H_
#define SRC_BINDINGS_FS_OPS_H_

#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

struct statx;

namespace ringjs::fs {

// Node's stat array layout (Float64Array / BigInt64Array of kStatFields).
enum StatField {
  kStatDev,
  kStatMode,
  kStatNlink,
  kStatUid,
  kStatGid,
  kStatRdev,
  kStatBlkSize,
  kStatIno,
  kStatSize,
  kStatBlocks,
  kStatATimeSec,
  kStatATimeNsec,
  kStatMTimeSec,
  kStatMTimeNsec,
  kStatCTimeSec,
  kStatCTimeNsec,
  kStatBirthTimeSec,
  kStatBirthTimeNsec,
  kStatFields
};

// What libuv reports for a file (uv_stat_t), kept as integers until converted for JS.
struct FileStat {
  uint64_t fields[kStatFields] = {};
};

// The statx flags/mask libuv uses: stat follows links, lstat does not, fstat uses AT_EMPTY_PATH.
constexpr unsigned kStatxMask = 0xFFF;  // STATX_BASIC_STATS | STATX_BTIME
int StatxFlags(bool follow_links);
void FileStatFromStatx(const struct statx& stx, FileStat* out);

int Stat(const char* path, FileStat* out);
int LStat(const char* path, FileStat* out);
int FStat(int fd, FileStat* out);

// uv_fs_statfs: type, bsize, blocks, bfree, bavail, files, ffree.
int StatFs(const char* path, uint64_t out[7]);

// open(2) as libuv: O_CLOEXEC is always added. Returns the fd.
int Open(const char* path, int flags, int mode);
int Close(int fd);
// offset < 0: read/write at the current position.
int64_t Read(int fd, void* buf, size_t len, int64_t offset);
int64_t Write(int fd, const void* buf, size_t len, int64_t offset);
int64_t ReadV(int fd, const struct iovec* iov, int iovcnt, int64_t offset);
int64_t WriteV(int fd, const struct iovec* iov, int iovcnt, int64_t offset);

int Access(const char* path, int mode);
int Rename(const char* from, const char* to);
int Link(const char* from, const char* to);
int Symlink(const char* target, const char* path);
int Unlink(const char* path);
int Rmdir(const char* path);
int Mkdir(const char* path, int mode);
int Fsync(int fd);
int Fdatasync(int fd);
int Ftruncate(int fd, int64_t len);
int Chmod(const char* path, int mode);
int Fchmod(int fd, int mode);
int Chown(const char* path, uint32_t uid, uint32_t gid);
int Fchown(int fd, uint32_t uid, uint32_t gid);
int Lchown(const char* path, uint32_t uid, uint32_t gid);
// Times in (fractional) seconds as node passes them; +-Infinity = now, NaN = leave unchanged.
int Utimes(const char* path, double atime, double mtime);
int Futimes(int fd, double atime, double mtime);
int Lutimes(const char* path, double atime, double mtime);

int ReadLink(const char* path, std::string* out);
int RealPath(const char* path, std::string* out);
// `prefix` + "XXXXXX"; *out is the created directory (on failure, the template as mkdtemp(3)
// left it).
int Mkdtemp(const std::string& prefix, std::string* out);

// node's MKDirpSync: creates every missing parent; *first_created is the first directory made
// (empty when nothing was created).
int MkdirRecursive(const std::string& path, int mode, std::string* first_created);

// uv_fs_copyfile: flags are COPYFILE_EXCL (1), COPYFILE_FICLONE (2), COPYFILE_FICLONE_FORCE (4).
int CopyFile(const char* from, const char* to, int flags);

// The UV_DIRENT_* value (internalBinding('constants').fs) of a dirent d_type.
int DirentTypeOf(unsigned char d_type);

// uv_fs_scandir: entries sorted by strcmp, without "." and "..". types[i] is a UV_DIRENT_* value.
int ReadDir(const char* path, std::vector<std::string>* names, std::vector<int>* types);

// Reads from fd (at its current position) until EOF.
int ReadAll(int fd, std::string* out);
// Writes all bytes at the current position.
int WriteAll(int fd, const char* data, size_t len);

}  // namespace ringjs::fs

#endif  // SRC_BINDINGS_FS_OPS_H_
