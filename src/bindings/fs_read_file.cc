// readFileAll: a whole file in one binding call (see fs_read_file.h).
#include "bindings/fs_read_file.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/stat.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bindings/fs_args.h"
#include "bindings/fs_cached_stat.h"
#include "bindings/fs_ops.h"
#include "bindings/fs_req.h"
#include "bindings/fs_result_slab.h"
#include "loop/drain_queue.h"
#include "runtime/binding.h"
#include "runtime/callback_scope.h"

namespace ringjs::fs {
namespace {

// Most platforms don't allow reads or writes >= 2 GiB (node's kIoMaxLength).
constexpr uint64_t kIoMaxLength = (1ull << 31) - 1;
// Read size while the size is unknown (not a regular file), as node.
constexpr size_t kUnknownChunk = 64 * 1024;

enum Step { kOpen, kStat, kRead, kClose };

struct ReadFileState {
  int flags = O_RDONLY;
  int fd = -1;
  Step step = kOpen;
  struct statx stx;
  // The bytes, malloc'ed: the result ArrayBuffer takes them over without a copy.
  char* data = nullptr;
  size_t capacity = 0;
  size_t total = 0;
  bool known_size = false;
  uint64_t file_size = 0;
  bool too_large = false;
  // The value is a Buffer, and a file too large is the op's error (JS needs no .then()).
  bool as_buffer = false;
  // Or the bytes of a small cached file (TryCachedRead), ready for their ArrayBuffer.
  std::unique_ptr<v8::BackingStore> cached_bytes;
  // The first failure (reported after the fd is closed).
  int error = 0;
  const char* error_syscall = nullptr;
  // A FIFO's read end the cached attempt opened, kept open until the read is over.
  int held_fd = -1;

  ~ReadFileState() {
    free(data);
    if (held_fd >= 0) close(held_fd);
  }

  void Fail(int err, const char* syscall) {
    if (error != 0) return;
    error = err;
    error_syscall = syscall;
  }

  // Sizes the buffer from the file's stat; false if the file is too large (nothing to read).
  bool PrepareFromStat(uint32_t mode, uint64_t size) {
    known_size = S_ISREG(mode) && size > 0;
    file_size = known_size ? size : 0;
    if (file_size > kIoMaxLength) {
      too_large = true;
      return false;
    }
    return Reserve(known_size ? file_size : kUnknownChunk);
  }

  bool Reserve(size_t want) {
    if (capacity - total >= want) return true;
    size_t new_capacity = total + want;
    char* grown = static_cast<char*>(realloc(data, new_capacity == 0 ? 1 : new_capacity));
    if (grown == nullptr) {
      Fail(-ENOMEM, "read");
      return false;
    }
    data = grown;
    capacity = new_capacity;
    return true;
  }

  // How much the next read asks for (0: done).
  size_t NextReadLength() {
    if (known_size) return total < file_size ? file_size - total : 0;
    if (!Reserve(kUnknownChunk)) return 0;
    return capacity - total;
  }

  // Takes a read result; true if more reading is needed.
  bool OnRead(int64_t n) {
    if (n < 0) {
      Fail(static_cast<int>(n), "read");
      return false;
    }
    if (n == 0) return false;
    total += static_cast<size_t>(n);
    return !(known_size && total >= file_size);
  }
};

ReadFileState* StateOf(FsOp* op) { return static_cast<ReadFileState*>(op->state.get()); }

// The whole read with blocking syscalls (sync calls, and async ones without a ring).
int64_t RunBlocking(FsOp* op) {
  ReadFileState* st = StateOf(op);
  st->fd = fs::Open(op->path.c_str(), st->flags, 0666);
  if (st->fd < 0) {
    st->Fail(st->fd, "open");
    st->fd = -1;
  } else {
    FileStat stat;
    int err = fs::FStat(st->fd, &stat);
    if (err < 0) {
      st->Fail(err, "fstat");
    } else if (st->PrepareFromStat(static_cast<uint32_t>(stat.fields[kStatMode]),
                                   stat.fields[kStatSize])) {
      for (;;) {
        size_t length = st->NextReadLength();
        if (length == 0) break;
        if (!st->OnRead(fs::Read(st->fd, st->data + st->total, length, -1))) break;
      }
    }
    int close_err = fs::Close(st->fd);
    st->fd = -1;
    if (close_err < 0) st->Fail(close_err, "close");
  }
  return st->error;
}

// Files up to this size are read on the JS thread when everything is cached (as the ring would
// do inline in io_uring_enter anyway); larger ones go through the ring or the pool.
constexpr uint64_t kCachedReadMax = 256 * 1024;

// A file that filled the slab's room (its first `room` bytes are at `space`): the rest, sized
// by fstat. 0 (*bytes filled) or kNotCached.
int64_t ReadRestCached(int fd, char* space, size_t room, std::unique_ptr<v8::BackingStore>* bytes) {
  FileStat stat;
  if (CachedFStat(fd, &stat) != 0) return kNotCached;
  uint64_t length = stat.fields[kStatSize];
  if (!S_ISREG(static_cast<mode_t>(stat.fields[kStatMode])) || length < room ||
      length > kCachedReadMax) {
    return kNotCached;  // Not a regular file, shrunk meanwhile, or too large to read here.
  }
  if (length == room) {
    *bytes = TakeSlabResult(space, room);
    return 0;
  }
  char* heap = static_cast<char*>(malloc(length));
  if (heap == nullptr) return kNotCached;
  memcpy(heap, space, room);
  if (CachedPread(fd, heap + room, length - room, room) != static_cast<int64_t>(length - room)) {
    free(heap);
    return kNotCached;
  }
  *bytes = v8::ArrayBuffer::NewBackingStore(
      heap, length, [](void* data, size_t, void*) { free(data); }, nullptr);
  return 0;
}

// The whole read without waiting: a plain O_RDONLY open whose walk is cached, every byte in the
// page cache. 0 (*bytes filled), the open's definite -ENOENT / -ENOTDIR, or kNotCached (nothing
// kept: start the usual way).
// The first read goes straight into the room left in this thread's result slab (at least
// kSlabResultMax): a short read is the end of the file, so most files need no fstat. A file the
// room does not hold is sized by fstat (a regular file on a local file system, up to
// kCachedReadMax) and read on into a malloc'ed buffer.
int64_t ReadSmallFileCached(const char* path, std::unique_ptr<v8::BackingStore>* bytes,
                            int* held_fd) {
  int fd = CachedOpenForReading(path);
  if (fd == kNotCached || fd < 0) return fd;
  int64_t result = kNotCached;
  size_t room;
  char* space = SlabResultSpace(&room);
  int64_t first = space == nullptr ? -ENOMEM : CachedPread(fd, space, room, 0);
  // A read with RWF_NOWAIT only succeeds on files that support it (regular files of disk file
  // systems, block devices, /dev/zero and the like, never /proc, /sys, pipes or directories),
  // and on those a short read at offset 0 means the end, as for node's read-until-EOF.
  if (first > 0 && static_cast<size_t>(first) < room) {
    *bytes = TakeSlabResult(space, static_cast<size_t>(first));
    result = 0;
  } else if (first > 0) {
    result = ReadRestCached(fd, space, room, bytes);
  } else if (first == -ESPIPE) {
    // A FIFO: our open may have let a writer waiting in open() go on, and closing now would
    // leave it writing to no reader (EPIPE, data lost). The read end stays open, held by the
    // op, until the usual path (which opens the FIFO again off the JS thread) is done.
    *held_fd = fd;
    return kNotCached;
  }
  // A regular file's close on a local file system does not wait for I/O (the ring would run it
  // inline as well). Linux releases the fd whatever close says; a read that got every byte
  // stands (the ring path reports close's error, which local file systems do not produce).
  close(fd);
  return result;
}

int64_t TryCachedRead(FsOp* op) {
  ReadFileState* st = StateOf(op);
  if (st->flags != O_RDONLY) return kNotCached;
  std::unique_ptr<v8::BackingStore> bytes;
  int64_t result = ReadSmallFileCached(op->path.c_str(), &bytes, &st->held_fd);
  if (result == kNotCached) return kNotCached;
  if (result < 0) {
    st->Fail(static_cast<int>(result), "open");
    op->syscall = "open";
    op->report_path = true;
    return result;
  }
  st->total = bytes->ByteLength();
  st->cached_bytes = std::move(bytes);
  return 0;
}

// Hands every waiting cached file to JS. Callbacks each run in their own CallbackScope, as
// node's do. Promises settle together in one: resolving runs no JS, and their reactions then run
// in one microtask checkpoint, so the reads they start next run back to back (measurably
// cheaper than alternating syscalls and JS per file). The only difference from one checkpoint
// per file is how the microtask chains of two files completed in the same turn interleave.
void DeliverFiles(Environment* env, std::vector<FsBindingData::CachedFile>* batch) {
  FsBindingData* data = GetBindingData(env);
  v8::Isolate* isolate = env->isolate();
  std::optional<CallbackScope> promises_scope;
  for (FsBindingData::CachedFile& file : *batch) {
    std::optional<CallbackScope> callback_scope;
    if (file.resolver.IsEmpty()) {
      promises_scope.reset();
      callback_scope.emplace(env);
    } else if (!promises_scope) {
      promises_scope.emplace(env);
    }
    v8::HandleScope handle_scope(isolate);
    v8::Local<v8::Context> context = env->context();
    size_t size = file.bytes->ByteLength();
    v8::Local<v8::Uint8Array> bytes =
        v8::Uint8Array::New(v8::ArrayBuffer::New(isolate, std::move(file.bytes)), 0, size);
    if (file.as_buffer && !data->buffer_prototype().IsEmpty()) {
      USE(bytes->SetPrototype(context, data->buffer_prototype()));
    }
    if (!file.resolver.IsEmpty()) {
      USE(file.resolver.Get(isolate)->Resolve(context, bytes));
      continue;
    }
    v8::Local<v8::Object> req = file.req.Get(isolate);
    v8::Local<v8::Value> oncomplete;
    if (!req->Get(context, data->oncomplete_string()).ToLocal(&oncomplete) ||
        !oncomplete->IsFunction()) {
      continue;
    }
    v8::Local<v8::Value> argv[] = {v8::Null(isolate), bytes};
    USE(callback_scope->Call(oncomplete.As<v8::Function>(), req, 2, argv));
  }
  promises_scope.reset();
  batch->clear();
}

void DeliverCachedFiles(Environment* env) {
  if (env->is_stopping()) return;
  FsBindingData* data = GetBindingData(env);
  data->delivering_files.swap(data->cached_files);
  DeliverFiles(env, &data->delivering_files);
}

enum class CacheAttempt { kDone, kNotAtHand, kNotTried };

// The usual readFileAll op (ring or pool), for a call the cached paths did not finish.
std::unique_ptr<FsOp> NewReadFileOp(std::string path, int flags, bool as_buffer, int held_fd,
                                    CacheAttempt attempt);

// A FIFO's read end kept open by a cached attempt (ReadSmallFileCached), closed unless taken.
struct HeldFd {
  int fd = -1;
  HeldFd() = default;
  HeldFd(HeldFd&& other) noexcept : fd(std::exchange(other.fd, -1)) {}
  HeldFd& operator=(HeldFd&& other) noexcept {
    std::swap(fd, other.fd);
    return *this;
  }
  ~HeldFd() {
    if (fd >= 0) close(fd);
  }
};

// One readFileAll of a burst, read on the drain's pool thread. No V8 handle: the call's
// promise or req waits on the JS thread, in ReadFileDrain::waiters.
struct DrainedRead {
  uint32_t waiter;
  std::string path;
  int64_t result = kNotCached;  // ReadSmallFileCached's.
  std::unique_ptr<v8::BackingStore> bytes;
  HeldFd held;
};

void RunDrainedRead(DrainedRead* read) {
  read->result = ReadSmallFileCached(read->path.c_str(), &read->bytes, &read->held.fd);
}

// Hands finished reads to JS: now, or (stolen) with the cached files of the next poll phase.
void SettleDrained(Environment* env, std::vector<DrainedRead>* done, bool now);
void StealPending(Environment* env);

}  // namespace

// Bursts of async readFileAll calls, read on a pool thread while JS runs on (see ShouldDrain).
// Declared in fs_req.h (the binding data holds it).
class ReadFileDrain {
 public:
  explicit ReadFileDrain(Environment* env)
      : queue(env->loop(), [](DrainedRead& read) { RunDrainedRead(&read); },
              [env](std::vector<DrainedRead>& done) { SettleDrained(env, &done, true); }),
        steal(env->loop()) {
    steal.Unref();
    steal.Start([env] { StealPending(env); });
  }

  // The calls in the queue: their promise or req (bytes empty), by DrainedRead::waiter.
  std::vector<FsBindingData::CachedFile> waiters;
  std::vector<uint32_t> free_waiters;
  std::vector<FsBindingData::CachedFile> delivering;
  std::vector<DrainedRead> stolen;
  loop::DrainQueue<DrainedRead> queue;
  // Before the loop would wait for the pool thread, the JS thread reads what it has not started.
  loop::Prepare steal;
};

namespace {

// Two threads reading a burst: a read handed to the pool thread costs the JS thread a tenth of
// reading it (a push under a mutex instead of open, read and close), but a wakeup when the
// pool thread had run dry or the JS thread had nothing left to do. So:
// - a lone read, or the first few of a turn, are read on the JS thread (no handoff latency);
// - from kBurstStart reads waiting for the same turn's delivery on (and while any handed-over
//   read is outstanding), reads go to the pool thread, up to kDrainMaxPending not yet taken by
//   it: beyond that the JS thread reads them itself, so neither thread waits for the other;
// - when the JS thread would wait for the pool thread (no read of its own due), it takes back
//   what the pool thread has not started (StealPending).
// Measured on bench/fs.js readAllSmall (64 in flight): 8 to 16 pending keeps both threads busy
// with the fewest wakeups; 4 starves the pool thread, 32 leaves the JS thread waiting.
constexpr size_t kBurstStart = 4;
constexpr size_t kDrainMaxPending = 12;

bool ShouldDrain(FsBindingData* data) {
  ReadFileDrain* drain = data->read_file_drain.get();
  size_t outstanding = drain == nullptr ? 0 : drain->queue.outstanding();
  if (outstanding == 0 && data->cached_files.size() < kBurstStart) return false;
  return drain == nullptr || drain->queue.pending() < kDrainMaxPending;
}

// Queues a small cached file for the next poll phase's delivery. False if the loop refused.
bool QueueCachedFile(Environment* env, FsBindingData* data, FsBindingData::CachedFile* file) {
  loop::Request* request = data->cached_files_request;
  if (!request->in_flight()) {
    request->cb = [env](int64_t) { DeliverCachedFiles(env); };
    if (env->loop()->CompleteLater(request, 0) != 0) return false;
  }
  data->cached_files.push_back(std::move(*file));
  return true;
}

void SettleDrained(Environment* env, std::vector<DrainedRead>* done, bool now) {
  if (env->is_stopping()) return;
  FsBindingData* data = GetBindingData(env);
  ReadFileDrain* drain = data->read_file_drain.get();
  std::vector<FsBindingData::CachedFile>& batch = drain->delivering;
  for (DrainedRead& read : *done) {
    FsBindingData::CachedFile file = std::move(drain->waiters[read.waiter]);
    drain->free_waiters.push_back(read.waiter);
    if (read.result == 0) {
      file.bytes = std::move(read.bytes);
      if (now) {
        batch.push_back(std::move(file));
        continue;
      }
      if (QueueCachedFile(env, data, &file)) continue;
      read.result = kNotCached;  // Then the usual path reads it again.
    }
    // Not at hand (or an open's definite error): the usual path takes the call over.
    std::unique_ptr<FsOp> op = NewReadFileOp(
        std::move(read.path), O_RDONLY, file.as_buffer, std::exchange(read.held.fd, -1),
        read.result == kNotCached ? CacheAttempt::kNotAtHand : CacheAttempt::kNotTried);
    op->req = std::move(file.req);
    op->resolver = std::move(file.resolver);
    StartAsync(env, std::move(op));
  }
  DeliverFiles(env, &batch);
}

void StealPending(Environment* env) {
  FsBindingData* data = GetBindingData(env);
  ReadFileDrain* drain = data->read_file_drain.get();
  // With reads of its own due in the next poll phase the JS thread will not wait.
  if (drain->queue.pending() == 0 || !data->cached_files.empty() || env->is_stopping()) return;
  drain->queue.Steal(&drain->stolen);
  for (DrainedRead& read : drain->stolen) RunDrainedRead(&read);
  SettleDrained(env, &drain->stolen, false);
  drain->stolen.clear();
}

// Keeps the call's req, or makes and returns its promise. False: an exception is pending.
bool TakeCall(const FunctionCallbackInfo<Value>& info, Environment* env, bool is_promise,
              FsBindingData::CachedFile* file) {
  if (!is_promise) {
    file->req.Reset(info.GetIsolate(), info[2].As<v8::Object>());
    return true;
  }
  v8::Local<v8::Promise::Resolver> resolver;
  if (!v8::Promise::Resolver::New(env->context()).ToLocal(&resolver)) return false;
  file->resolver.Reset(info.GetIsolate(), resolver);
  info.GetReturnValue().Set(resolver->GetPromise());
  return true;
}

void QueueOnDrain(const FunctionCallbackInfo<Value>& info, Environment* env,
                  FsBindingData* data, bool is_promise, const char* path) {
  if (!data->read_file_drain) data->read_file_drain = std::make_shared<ReadFileDrain>(env);
  ReadFileDrain* drain = data->read_file_drain.get();
  FsBindingData::CachedFile waiter{{}, {}, nullptr, info[4]->IsTrue()};
  if (!TakeCall(info, env, is_promise, &waiter)) return;
  uint32_t slot;
  if (drain->free_waiters.empty()) {
    slot = static_cast<uint32_t>(drain->waiters.size());
    drain->waiters.push_back(std::move(waiter));
  } else {
    slot = drain->free_waiters.back();
    drain->free_waiters.pop_back();
    drain->waiters[slot] = std::move(waiter);
  }
  drain->queue.Push(DrainedRead{slot, path, kNotCached, nullptr, HeldFd()});
}

// The async readFileAll of a small cached file: no FsOp, the bytes wait in the binding's list
// (or, in a burst, it is read on the drain's pool thread).
CacheAttempt ReadFileFromCacheLater(const FunctionCallbackInfo<Value>& info, int* held_fd) {
  Environment* env = Environment::From(info);
  v8::Isolate* isolate = info.GetIsolate();
  FsBindingData* data = GetBindingData(env);
  v8::Local<v8::Value> req = info[2];
  bool is_promise = req->IsSymbol() && req->StrictEquals(data->use_promises());
  if (!is_promise && !req->IsObject()) return CacheAttempt::kNotTried;
  if (!info[1]->IsInt32() || info[1].As<v8::Int32>()->Value() != O_RDONLY) {
    return CacheAttempt::kNotTried;
  }
  char path[1024];
  if (!info[0]->IsString() || WritePathArg(isolate, info[0], path, sizeof(path)) < 0) {
    return CacheAttempt::kNotTried;
  }
  if (ShouldDrain(data)) {
    QueueOnDrain(info, env, data, is_promise, path);
    return CacheAttempt::kDone;
  }
  std::unique_ptr<v8::BackingStore> bytes;
  int64_t result = ReadSmallFileCached(path, &bytes, held_fd);
  // An open's definite error is left to TryCachedRead, which reports it without a ring trip.
  if (result == kNotCached) return CacheAttempt::kNotAtHand;
  if (result != 0) return CacheAttempt::kNotTried;
  FsBindingData::CachedFile file{{}, {}, std::move(bytes), info[4]->IsTrue()};
  if (!TakeCall(info, env, is_promise, &file)) return CacheAttempt::kDone;
  if (QueueCachedFile(env, data, &file)) return CacheAttempt::kDone;
  info.GetReturnValue().SetUndefined();
  return CacheAttempt::kNotTried;
}

// Submits the close of the fd, or closes it here if the ring refuses.
bool SubmitClose(loop::Loop* loop, loop::Request* req, ReadFileState* st) {
  st->step = kClose;
  if (loop->Close(req, st->fd) == 0) return true;
  if (fs::Close(st->fd) < 0) st->Fail(-errno, "close");
  st->fd = -1;
  return false;
}

bool SubmitRead(loop::Loop* loop, loop::Request* req, ReadFileState* st) {
  size_t length = st->NextReadLength();
  if (length == 0) return SubmitClose(loop, req, st);
  st->step = kRead;
  int err = loop->Read(req, st->fd, st->data + st->total, length, -1);
  if (err == 0) return true;
  st->Fail(err, "read");
  return SubmitClose(loop, req, st);
}

// One ring completion -> the next step.
bool NextStep(loop::Loop* loop, loop::Request* req, FsOp* op) {
  ReadFileState* st = StateOf(op);
  int64_t result = op->result;
  switch (st->step) {
    case kOpen:
      if (result < 0) {
        st->Fail(static_cast<int>(result), "open");
        break;
      }
      st->fd = static_cast<int>(result);
      {
        // The size from the in-memory inode when it is there: no io-wq trip for the statx.
        FileStat stat;
        if (CachedFStat(st->fd, &stat) == 0) {
          if (!st->PrepareFromStat(static_cast<uint32_t>(stat.fields[kStatMode]),
                                   stat.fields[kStatSize])) {
            return SubmitClose(loop, req, st);
          }
          return SubmitRead(loop, req, st);
        }
      }
      st->step = kStat;
      {
        int err = loop->Statx(req, st->fd, "", StatxFlags(true) | AT_EMPTY_PATH, kStatxMask,
                              &st->stx);
        if (err == 0) return true;
        st->Fail(err, "fstat");
      }
      return SubmitClose(loop, req, st);
    case kStat:
      if (result < 0) {
        st->Fail(static_cast<int>(result), "fstat");
        return SubmitClose(loop, req, st);
      }
      if (!st->PrepareFromStat(st->stx.stx_mode, st->stx.stx_size)) {
        return SubmitClose(loop, req, st);
      }
      return SubmitRead(loop, req, st);
    case kRead:
      if (st->OnRead(result)) return SubmitRead(loop, req, st);
      return SubmitClose(loop, req, st);
    case kClose:
      st->fd = -1;
      if (result < 0) st->Fail(static_cast<int>(result), "close");
      break;
  }
  // Done: the op's result is the first failure, if any.
  op->result = st->error;
  if (st->error != 0) {
    op->syscall = st->error_syscall;
    op->report_path = st->error_syscall != nullptr && strcmp(st->error_syscall, "open") == 0;
  }
  return false;
}

v8::MaybeLocal<v8::Value> ToValue(Environment* env, FsOp* op) {
  v8::Isolate* isolate = env->isolate();
  ReadFileState* st = StateOf(op);
  FsBindingData* data = GetBindingData(env);
  bool as_buffer = st->as_buffer && !data->buffer_prototype().IsEmpty();
  if (st->too_large) {
    v8::Local<v8::Value> size = v8::Number::New(isolate, static_cast<double>(st->file_size));
    if (!as_buffer) return size;
    op->value_is_error = true;
    return data->too_large()->Call(env->context(), v8::Undefined(isolate), 1, &size);
  }
  v8::Local<v8::ArrayBuffer> buffer;
  if (st->cached_bytes) {
    buffer = v8::ArrayBuffer::New(isolate, std::move(st->cached_bytes));
  } else if (st->total == 0) {
    buffer = v8::ArrayBuffer::New(isolate, 0);
  } else {
    std::unique_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(
        st->data, st->total, [](void* data, size_t, void*) { free(data); }, nullptr);
    st->data = nullptr;  // Owned by the BackingStore now.
    buffer = v8::ArrayBuffer::New(isolate, std::move(store));
  }
  v8::Local<v8::Uint8Array> bytes = v8::Uint8Array::New(buffer, 0, st->total);
  if (as_buffer && bytes->SetPrototype(env->context(), data->buffer_prototype()).IsNothing()) {
    return {};
  }
  return bytes;
}

// setReadFileHooks(Buffer.prototype, (size) => ERR_FS_FILE_TOO_LARGE)
void SetReadFileHooks(const FunctionCallbackInfo<Value>& info) {
  if (!info[0]->IsObject() || !info[1]->IsFunction()) {
    return ThrowTypeError(info.GetIsolate(), "setReadFileHooks(prototype, tooLarge)");
  }
  GetBindingData(Environment::From(info))
      ->SetReadFileHooks(info[0].As<v8::Object>(), info[1].As<v8::Function>());
}

std::unique_ptr<FsOp> NewReadFileOp(std::string path, int flags, bool as_buffer, int held_fd,
                                    CacheAttempt attempt) {
  auto op = std::make_unique<FsOp>("open");
  op->SetPath(std::move(path));  // Only an open failure names it.
  auto state = std::make_shared<ReadFileState>();
  state->held_fd = held_fd;
  state->flags = flags;
  state->as_buffer = as_buffer;
  op->state = state;
  op->kind = ResultKind::kCustom;
  op->run = [](FsOp* o) -> int64_t {
    int64_t err = RunBlocking(o);
    ReadFileState* st = StateOf(o);
    if (err != 0) {
      o->syscall = st->error_syscall;
      o->report_path = strcmp(st->error_syscall, "open") == 0;
    }
    return err;
  };
  op->submit = [](loop::Loop* loop, loop::Request* req, FsOp* o) {
    return loop->OpenAt(req, AT_FDCWD, o->path.c_str(), StateOf(o)->flags | O_CLOEXEC, 0666);
  };
  op->next_step = NextStep;
  // Not twice: a file just found not at hand (or too large) would cost the same reads again.
  if (attempt == CacheAttempt::kNotTried) op->cached = TryCachedRead;
  op->to_value = ToValue;
  return op;
}

// readFileAll(path, flags, req, ctx, asBuffer) -> Uint8Array | size (over 2 GiB); with
// asBuffer (async calls) a Buffer, and a file too large fails with ERR_FS_FILE_TOO_LARGE.
void ReadFileAll(const FunctionCallbackInfo<Value>& info) {
  int held_fd = -1;
  CacheAttempt attempt = ReadFileFromCacheLater(info, &held_fd);
  if (attempt == CacheAttempt::kDone) return;
  Dispatch(info, 2,
           NewReadFileOp(PathArg(info.GetIsolate(), info[0]), Int32Arg(info[1]), info[4]->IsTrue(),
                         held_fd, attempt));
}

}  // namespace

void InitializeReadFile(Environment* env, Local<v8::Object> target) {
  SetMethod(env->context(), target, "readFileAll", ReadFileAll);
  SetMethod(env->context(), target, "setReadFileHooks", SetReadFileHooks);
}

}  // namespace ringjs::fs
