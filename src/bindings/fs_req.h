// One internalBinding('fs') operation, run three ways from the same description:
//   sync      binding.x(args..., undefined, ctx): runs now; a failure fills ctx
//             {errno, code, syscall, path, dest} and JS throws node's UVException from it.
//   callback  binding.x(args..., req): req.oncomplete(err, value) runs later, with
//             this === req, through a CallbackScope.
//   promise   binding.x(args..., kUsePromises): returns a promise settled the same way.
// The async forms go on the ring when the loop has the op (FsOp::submit: openat, read, write,
// statx, close, fsync, renameat, unlinkat, mkdirat, linkat, symlinkat, ftruncate) and on the thread pool otherwise
// (FsOp::run). Everything the kernel or a pool thread touches (paths, buffers, the statx buffer)
// is owned by the FsOp until completion; JS buffers are pinned through their BackingStore.
#ifndef SRC_BINDINGS_FS_REQ_H_
#define SRC_BINDINGS_FS_REQ_H_

#include <linux/stat.h>
#include <sys/uio.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "bindings/fs_ops.h"
#include "loop/loop.h"
#include "runtime/environment.h"
#include "v8.h"

namespace ringjs::fs {

// How a successful result is handed to JS.
enum class ResultKind : uint8_t {
  kUndefined,    // close, rename, ...
  kNumber,       // fd, bytes read/written
  kStat,         // Float64Array / BigInt64Array in node's stat layout
  kStatFs,       // statfs fields
  kString,       // out_string, in `encoding` (readlink, realpath, mkdtemp)
  kMaybeString,  // out_string if not empty, else undefined (mkdir recursive)
  kNames,        // readdir: names, or [names, types]
  kBoolean,      // result == 0 (existsSync)
  kCustom,       // FsOp::to_value
};

// Encodings the binding produces natively; anything else comes back as a Uint8Array and JS
// decodes it (lib/js/internal/fs/utils.js).
enum class Encoding : uint8_t { kUtf8, kLatin1, kUcs2, kBytes };

struct FsOp {
  explicit FsOp(const char* syscall_name) : syscall(syscall_name) {}

  // The error context of a failure.
  const char* syscall;
  std::string path;
  std::string dest;
  bool report_path = false;
  bool report_dest = false;
  // Sync writes fill only {errno, syscall} (node's writeSync key order).
  bool short_context = false;

  // Blocking work (pool thread or, for sync calls, the JS thread). Returns result or -errno.
  std::function<int64_t(FsOp*)> run;
  // Ring form: submits on the loop and returns 0, or -errno (then `run` is not tried).
  std::function<int(loop::Loop*, loop::Request*, FsOp*)> submit;
  // Multi-step ring ops: called after each ring completion (result in `result`); returns true
  // if it submitted the next step, false when the op is done. Without a ring (epoll backend)
  // such an op runs `run` on the thread pool instead, all steps in one task.
  std::function<bool(loop::Loop*, loop::Request*, FsOp*)> next_step;
  // Async calls try this first: a result taken on the JS thread without blocking (then only
  // the completion is deferred), or kNotCached (fs_cached_stat.h) to start as usual.
  int64_t (*cached)(FsOp*) = nullptr;
  // ResultKind::kCustom: the JS value of a success (on the JS thread).
  std::function<v8::MaybeLocal<v8::Value>(Environment*, FsOp*)> to_value;
  // A JS object the op needs alive until completion (a DirHandle). Released on the JS thread.
  v8::Global<v8::Object> keep_alive;
  // State shared with a handle object (fs_dir.cc).
  std::shared_ptr<void> state;

  int64_t result = 0;
  // Set by to_value: its value is the op's error (readFileAll's ERR_FS_FILE_TOO_LARGE).
  bool value_is_error = false;
  bool async = false;  // Set before an async start (run/submit may look at it).
  ResultKind kind = ResultKind::kUndefined;
  Encoding encoding = Encoding::kUtf8;
  bool bigint = false;
  bool with_types = false;

  // Outputs.
  FileStat stat;
  struct statx stx;  // Filled by a ring statx, converted into `stat` at completion.
  bool stat_from_statx = false;
  uint64_t statfs[7] = {};
  std::string out_string;
  std::vector<std::string> names;
  std::vector<int> types;

  // Inputs the kernel reads or writes, alive until completion.
  std::vector<std::shared_ptr<v8::BackingStore>> buffers;
  std::vector<struct iovec> iov;
  std::string data;  // writeString's encoded bytes.
  char* buf = nullptr;
  size_t len = 0;
  int64_t position = -1;
  int fd = -1;
  int flags = 0;
  int mode = 0;
  uint32_t uid = 0;
  uint32_t gid = 0;
  double atime = 0;
  double mtime = 0;

  // Async state, owned by fs_req.cc: the op is its own request, one allocation per call.
  Environment* env = nullptr;
  loop::Request request;
  v8::Global<v8::Object> req;                    // Callback form: the FSReqCallback.
  v8::Global<v8::Promise::Resolver> resolver;    // Promise form.

  void SetPath(std::string p) {
    path = std::move(p);
    report_path = true;
  }
  void SetDest(std::string d) {
    dest = std::move(d);
    report_dest = true;
  }
};

class ReadFileDrain;  // fs_read_file.cc

// Per-Environment state of the fs binding.
class FsBindingData : public BindingData {
 public:
  explicit FsBindingData(Environment* env);

  v8::Local<v8::Float64Array> stat_values() const;
  v8::Local<v8::BigInt64Array> bigint_stat_values() const;
  v8::Local<v8::Symbol> use_promises() const;
  v8::Local<v8::String> oncomplete_string() const;
  double* stat_values_data() { return stat_values_data_; }
  int64_t* bigint_stat_values_data() { return bigint_stat_values_data_; }
  // internal/errors UVException, looked up on first use.
  v8::MaybeLocal<v8::Function> uv_exception();

  // What readFileAll needs to hand JS its final value: Buffer.prototype and the maker of
  // ERR_FS_FILE_TOO_LARGE (set by lib/js/internal/fs/hot_paths.js).
  void SetReadFileHooks(v8::Local<v8::Object> buffer_prototype, v8::Local<v8::Function> too_large);
  v8::Local<v8::Object> buffer_prototype() const;
  v8::Local<v8::Function> too_large() const;

 private:
  Environment* env_;
  v8::Global<v8::Float64Array> stat_values_;
  v8::Global<v8::BigInt64Array> bigint_stat_values_;
  double* stat_values_data_ = nullptr;
  int64_t* bigint_stat_values_data_ = nullptr;
  v8::Global<v8::Symbol> use_promises_;
  v8::Global<v8::String> oncomplete_string_;
  v8::Global<v8::Function> uv_exception_;
  v8::Global<v8::Object> buffer_prototype_;

 public:
  // readFileAll's small files read from the caches (fs_read_file.cc), waiting for the loop,
  // and the request that delivers them (heap-held: left to the loop if still in flight when
  // the binding data goes).
  struct CachedFile {
    v8::Global<v8::Object> req;
    v8::Global<v8::Promise::Resolver> resolver;
    std::unique_ptr<v8::BackingStore> bytes;  // The Buffer's.
    bool as_buffer;
  };
  std::vector<CachedFile> cached_files;
  std::vector<CachedFile> delivering_files;  // The batch being delivered (keeps its capacity).
  loop::Request* cached_files_request = new loop::Request();
  // readFileAll's bursts, read on a pool thread (created on first use).
  std::shared_ptr<ReadFileDrain> read_file_drain;
  ~FsBindingData() override;

 private:
  v8::Global<v8::Function> too_large_;
};

FsBindingData* GetBindingData(Environment* env);

// Runs `op` in the form info[req_index] asks for (see the top of this file); the sync error
// context is info[req_index + 1].
void Dispatch(const v8::FunctionCallbackInfo<v8::Value>& info, int req_index,
              std::unique_ptr<FsOp> op);

// Starts an async op whose req or resolver is already set (a call taken over from elsewhere).
void StartAsync(Environment* env, std::unique_ptr<FsOp> op);

// A stat in node's stat array layout: numbers (the times signed) or int64s.
void FillStatArray(const FileStat& st, double* out);
void FillBigStatArray(const FileStat& st, int64_t* out);

// A name in `encoding`: a string, or a Uint8Array of the bytes (Encoding::kBytes).
v8::Local<v8::Value> EncodedValue(v8::Isolate* isolate, const std::string& s, Encoding encoding);

// The JS value of a successful op. With `shared`, stats come in the binding's statValues arrays
// (sync and callback calls, whose JS reads them at once), otherwise in new arrays (promises).
v8::MaybeLocal<v8::Value> ResultToValue(Environment* env, FsOp* op, bool shared);

}  // namespace ringjs::fs

#endif  // SRC_BINDINGS_FS_REQ_H_
