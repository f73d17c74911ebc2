// internalBinding('fs'): node's fs binding over the ringjs loop. Each method describes its
// operation as an FsOp (fs_req.h) and hands it to Dispatch, which runs it synchronously (a
// failure fills the error context JS passed) or asynchronously with a request object or
// kUsePromises (on the ring where the loop has the op, on the thread pool otherwise). The
// blocking syscalls themselves are in fs_ops.cc. Arguments were validated by lib/js/fs.js.
//
// The module loader and stdio also use four older synchronous entry points, kept as they were:
// internalModuleStat(path), readFileUtf8(path, ctx), realpath(path, ctx) and the write-all forms
// writeString(fd, string, ctx) / writeBuffer(fd, view, ctx).
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <cstring>

#include "bindings/fs_args.h"
#include "bindings/fs_buffer_pool.h"
#include "bindings/fs_cached_stat.h"
#include "bindings/fs_dir.h"
#include "bindings/fs_ops.h"
#include "bindings/fs_read_file.h"
#include "bindings/fs_req.h"
#include "bindings/fs_stat_batch.h"
#include "bindings/fs_watch.h"
#include "runtime/binding.h"
#include "runtime/stdio_write.h"

namespace ringjs::fs {
namespace {

using v8::FunctionCallbackInfo;
using v8::Local;
using v8::Value;

// Pins a view's memory for the op and returns its first byte.
char* PinView(FsOp* op, Local<v8::ArrayBufferView> view) {
  std::shared_ptr<v8::BackingStore> store = view->Buffer()->GetBackingStore();
  char* data = static_cast<char*>(store->Data()) + view->ByteOffset();
  op->buffers.push_back(std::move(store));
  return data;
}

// Views of a JS array as iovecs; false if an element is not a view.
bool PinViews(v8::Isolate* isolate, FsOp* op, Local<Value> value) {
  if (!value->IsArray()) return false;
  Local<v8::Array> array = value.As<v8::Array>();
  Local<v8::Context> context = isolate->GetCurrentContext();
  uint32_t count = array->Length();
  op->iov.reserve(count);
  for (uint32_t i = 0; i < count; i++) {
    Local<Value> element;
    if (!array->Get(context, i).ToLocal(&element) || !element->IsArrayBufferView()) return false;
    Local<v8::ArrayBufferView> view = element.As<v8::ArrayBufferView>();
    struct iovec entry;
    entry.iov_base = PinView(op, view);
    entry.iov_len = view->ByteLength();
    op->iov.push_back(entry);
  }
  return true;
}

std::unique_ptr<FsOp> PathOp(const FunctionCallbackInfo<Value>& info, const char* syscall) {
  auto op = std::make_unique<FsOp>(syscall);
  op->SetPath(PathArg(info.GetIsolate(), info[0]));
  return op;
}

std::unique_ptr<FsOp> TwoPathOp(const FunctionCallbackInfo<Value>& info, const char* syscall) {
  auto op = PathOp(info, syscall);
  op->SetDest(PathArg(info.GetIsolate(), info[1]));
  return op;
}

std::unique_ptr<FsOp> FdOp(const FunctionCallbackInfo<Value>& info, const char* syscall) {
  auto op = std::make_unique<FsOp>(syscall);
  op->fd = Int32Arg(info[0]);
  return op;
}

// --- operations ---------------------------------------------------------------------------

// access(path, mode, req, ctx)
void Access(const FunctionCallbackInfo<Value>& info) {
  auto op = PathOp(info, "access");
  op->mode = Int32Arg(info[1]);
  op->run = [](FsOp* o) -> int64_t { return fs::Access(o->path.c_str(), o->mode); };
  Dispatch(info, 2, std::move(op));
}

// existsSync(path) -> boolean
void ExistsSync(const FunctionCallbackInfo<Value>& info) {
  std::string path = PathArg(info.GetIsolate(), info[0]);
  info.GetReturnValue().Set(fs::Access(path.c_str(), F_OK) == 0);
}

// open(path, flags, mode, req, ctx) -> fd
void Open(const FunctionCallbackInfo<Value>& info) {
  auto op = PathOp(info, "open");
  op->flags = Int32Arg(info[1]);
  op->mode = Int32Arg(info[2]);
  op->kind = ResultKind::kNumber;
  op->run = [](FsOp* o) -> int64_t { return fs::Open(o->path.c_str(), o->flags, o->mode); };
  op->submit = [](loop::Loop* loop, loop::Request* req, FsOp* o) {
    return loop->OpenAt(req, AT_FDCWD, o->path.c_str(), o->flags | O_CLOEXEC,
                        static_cast<uint32_t>(o->mode));
  };
  Dispatch(info, 3, std::move(op));
}

// close(fd, req, ctx)
void Close(const FunctionCallbackInfo<Value>& info) {
  auto op = FdOp(info, "close");
  op->run = [](FsOp* o) -> int64_t { return fs::Close(o->fd); };
  op->submit = [](loop::Loop* loop, loop::Request* req, FsOp* o) { return loop->Close(req, o->fd); };
  Dispatch(info, 1, std::move(op));
}

// read(fd, buffer, offset, length, position, req, ctx) -> bytesRead
void Read(const FunctionCallbackInfo<Value>& info) {
  if (!info[1]->IsArrayBufferView()) return ThrowTypeError(info.GetIsolate(), "read: buffer");
  auto op = FdOp(info, "read");
  Local<v8::ArrayBufferView> view = info[1].As<v8::ArrayBufferView>();
  int64_t offset = Int64Arg(info[2]);
  int64_t length = Int64Arg(info[3]);
  if (offset < 0 || length < 0 || static_cast<size_t>(offset + length) > view->ByteLength()) {
    return ThrowError(info.GetIsolate(), "read: offset/length out of range");
  }
  op->buf = PinView(op.get(), view) + offset;
  op->len = static_cast<size_t>(length);
  op->position = PositionArg(info[4]);
  op->kind = ResultKind::kNumber;
  op->run = [](FsOp* o) -> int64_t { return fs::Read(o->fd, o->buf, o->len, o->position); };
  op->submit = [](loop::Loop* loop, loop::Request* req, FsOp* o) {
    return loop->Read(req, o->fd, o->buf, o->len, o->position);
  };
  Dispatch(info, 5, std::move(op));
}

// readBuffers(fd, buffers, position, req, ctx) -> bytesRead
void ReadBuffers(const FunctionCallbackInfo<Value>& info) {
  auto op = FdOp(info, "read");
  if (!PinViews(info.GetIsolate(), op.get(), info[1])) {
    return ThrowTypeError(info.GetIsolate(), "readBuffers: buffers");
  }
  op->position = PositionArg(info[2]);
  op->kind = ResultKind::kNumber;
  op->run = [](FsOp* o) -> int64_t {
    return fs::ReadV(o->fd, o->iov.data(), static_cast<int>(o->iov.size()), o->position);
  };
  op->submit = [](loop::Loop* loop, loop::Request* req, FsOp* o) {
    return loop->Readv(req, o->fd, o->iov.data(), static_cast<int>(o->iov.size()), o->position);
  };
  Dispatch(info, 3, std::move(op));
}

// The loader/stdio form: writeBuffer(fd, view, ctx) writes every byte synchronously.
void WriteBufferAll(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  if (!info[0]->IsInt32() || !info[1]->IsArrayBufferView()) {
    return ThrowTypeError(isolate, "writeBuffer(fd, view, ctx)");
  }
  int fd = info[0].As<v8::Int32>()->Value();
  Local<v8::ArrayBufferView> view = info[1].As<v8::ArrayBufferView>();
  const char* data = static_cast<const char*>(view->Buffer()->GetBackingStore()->Data()) +
                     view->ByteOffset();
  int err = WriteAllToFd(fd, data, view->ByteLength());
  if (err < 0) {
    if (info[2]->IsObject()) {
      FillErrorContext(Environment::From(info), info[2].As<v8::Object>(), err, "write");
    }
    return;
  }
  info.GetReturnValue().Set(static_cast<double>(view->ByteLength()));
}

// writeBuffer(fd, buffer, offset, length, position, req, ctx) -> bytesWritten
void WriteBuffer(const FunctionCallbackInfo<Value>& info) {
  if (info.Length() <= 3) return WriteBufferAll(info);
  if (!info[1]->IsArrayBufferView()) return ThrowTypeError(info.GetIsolate(), "write: buffer");
  auto op = FdOp(info, "write");
  op->short_context = true;
  Local<v8::ArrayBufferView> view = info[1].As<v8::ArrayBufferView>();
  int64_t offset = Int64Arg(info[2]);
  int64_t length = Int64Arg(info[3]);
  if (offset < 0 || length < 0 || static_cast<size_t>(offset + length) > view->ByteLength()) {
    return ThrowError(info.GetIsolate(), "write: offset/length out of range");
  }
  op->buf = PinView(op.get(), view) + offset;
  op->len = static_cast<size_t>(length);
  op->position = PositionArg(info[4]);
  op->kind = ResultKind::kNumber;
  op->run = [](FsOp* o) -> int64_t { return fs::Write(o->fd, o->buf, o->len, o->position); };
  op->submit = [](loop::Loop* loop, loop::Request* req, FsOp* o) {
    return loop->Write(req, o->fd, o->buf, o->len, o->position);
  };
  Dispatch(info, 5, std::move(op));
}

// writeBuffers(fd, buffers, position, req, ctx) -> bytesWritten
void WriteBuffers(const FunctionCallbackInfo<Value>& info) {
  auto op = FdOp(info, "write");
  if (!PinViews(info.GetIsolate(), op.get(), info[1])) {
    return ThrowTypeError(info.GetIsolate(), "writeBuffers: buffers");
  }
  op->position = PositionArg(info[2]);
  op->kind = ResultKind::kNumber;
  op->run = [](FsOp* o) -> int64_t {
    return fs::WriteV(o->fd, o->iov.data(), static_cast<int>(o->iov.size()), o->position);
  };
  op->submit = [](loop::Loop* loop, loop::Request* req, FsOp* o) {
    return loop->Writev(req, o->fd, o->iov.data(), static_cast<int>(o->iov.size()), o->position);
  };
  Dispatch(info, 3, std::move(op));
}

// The loader/stdio form: writeString(fd, string, ctx) writes every byte synchronously.
void WriteStringAll(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  if (!info[0]->IsInt32() || !info[1]->IsString()) {
    return ThrowTypeError(isolate, "writeString(fd, string, ctx)");
  }
  int fd = info[0].As<v8::Int32>()->Value();
  v8::String::Utf8Value text(isolate, info[1]);
  int err = WriteAllToFd(fd, *text, static_cast<size_t>(text.length()));
  if (err < 0) {
    if (info[2]->IsObject()) {
      FillErrorContext(Environment::From(info), info[2].As<v8::Object>(), err, "write");
    }
    return;
  }
  info.GetReturnValue().Set(text.length());
}

// Encodes a string as node's StringBytes::Write does for the encodings the binding handles
// (utf8, latin1/binary/ascii, ucs2/utf16le); JS turns the others into a Buffer first.
bool EncodeString(v8::Isolate* isolate, Local<v8::String> string, const std::string& encoding,
                  std::string* out) {
  if (encoding.empty() || encoding == "utf8" || encoding == "utf-8") {
    size_t length = static_cast<size_t>(string->Utf8Length(isolate));
    out->resize(length);
    string->WriteUtf8(isolate, out->data(), static_cast<int>(length), nullptr,
                      v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8);
    return true;
  }
  if (encoding == "latin1" || encoding == "binary" || encoding == "ascii") {
    size_t length = static_cast<size_t>(string->Length());
    out->resize(length);
    string->WriteOneByte(isolate, reinterpret_cast<uint8_t*>(out->data()), 0,
                         static_cast<int>(length), v8::String::NO_NULL_TERMINATION);
    return true;
  }
  if (encoding == "ucs2" || encoding == "ucs-2" || encoding == "utf16le" ||
      encoding == "utf-16le") {
    size_t length = static_cast<size_t>(string->Length());
    std::vector<uint16_t> units(length);
    string->Write(isolate, units.data(), 0, static_cast<int>(length),
                  v8::String::NO_NULL_TERMINATION);
    out->resize(length * 2);
    for (size_t i = 0; i < length; i++) {
      (*out)[2 * i] = static_cast<char>(units[i] & 0xff);
      (*out)[2 * i + 1] = static_cast<char>(units[i] >> 8);
    }
    return true;
  }
  return false;
}

// writeString(fd, string, position, encoding, req, ctx) -> bytesWritten
void WriteString(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  if (info.Length() <= 3) return WriteStringAll(info);
  if (!info[1]->IsString()) return ThrowTypeError(isolate, "write: string");
  auto op = FdOp(info, "write");
  op->short_context = true;
  std::string encoding = info[3]->IsString() ? ToStdString(isolate, info[3]) : std::string();
  if (!EncodeString(isolate, info[1].As<v8::String>(), encoding, &op->data)) {
    return ThrowTypeError(isolate, "writeString: unsupported encoding");
  }
  op->buf = op->data.data();
  op->len = op->data.size();
  op->position = PositionArg(info[2]);
  op->kind = ResultKind::kNumber;
  op->run = [](FsOp* o) -> int64_t { return fs::Write(o->fd, o->buf, o->len, o->position); };
  op->submit = [](loop::Loop* loop, loop::Request* req, FsOp* o) {
    return loop->Write(req, o->fd, o->buf, o->len, o->position);
  };
  Dispatch(info, 4, std::move(op));
}

// rename(from, to, req, ctx)
void Rename(const FunctionCallbackInfo<Value>& info) {
  auto op = TwoPathOp(info, "rename");
  op->run = [](FsOp* o) -> int64_t { return fs::Rename(o->path.c_str(), o->dest.c_str()); };
  op->submit = [](loop::Loop* loop, loop::Request* req, FsOp* o) {
    return loop->RenameAt(req, AT_FDCWD, o->path.c_str(), AT_FDCWD, o->dest.c_str(), 0);
  };
  Dispatch(info, 2, std::move(op));
}

// ftruncate(fd, len, req, ctx)
void Ftruncate(const FunctionCallbackInfo<Value>& info) {
  auto op = FdOp(info, "ftruncate");
  op->position = Int64Arg(info[1]);
  op->run = [](FsOp* o) -> int64_t { return fs::Ftruncate(o->fd, o->position); };
  op->submit = [](loop::Loop* loop, loop::Request* req, FsOp* o) {
    return loop->Ftruncate(req, o->fd, o->position);
  };
  Dispatch(info, 2, std::move(op));
}

// rmdir(path, req, ctx)
void Rmdir(const FunctionCallbackInfo<Value>& info) {
  auto op = PathOp(info, "rmdir");
  op->run = [](FsOp* o) -> int64_t { return fs::Rmdir(o->path.c_str()); };
  op->submit = [](loop::Loop* loop, loop::Request* req, FsOp* o) {
    return loop->UnlinkAt(req, AT_FDCWD, o->path.c_str(), AT_REMOVEDIR);
  };
  Dispatch(info, 1, std::move(op));
}

// unlink(path, req, ctx)
void Unlink(const FunctionCallbackInfo<Value>& info) {
  auto op = PathOp(info, "unlink");
  op->run = [](FsOp* o) -> int64_t { return fs::Unlink(o->path.c_str()); };
  op->submit = [](loop::Loop* loop, loop::Request* req, FsOp* o) {
    return loop->UnlinkAt(req, AT_FDCWD, o->path.c_str(), 0);
  };
  Dispatch(info, 1, std::move(op));
}

void SyncOp(const FunctionCallbackInfo<Value>& info, const char* syscall, bool datasync) {
  auto op = FdOp(info, syscall);
  op->flags = datasync ? 1 : 0;
  op->run = [](FsOp* o) -> int64_t { return o->flags ? fs::Fdatasync(o->fd) : fs::Fsync(o->fd); };
  op->submit = [](loop::Loop* loop, loop::Request* req, FsOp* o) {
    return loop->Fsync(req, o->fd, o->flags != 0);
  };
  Dispatch(info, 1, std::move(op));
}

// fsync(fd, req, ctx) / fdatasync(fd, req, ctx)
void Fsync(const FunctionCallbackInfo<Value>& info) { SyncOp(info, "fsync", false); }
void Fdatasync(const FunctionCallbackInfo<Value>& info) { SyncOp(info, "fdatasync", true); }

// mkdir(path, mode, recursive, req, ctx) -> first directory created (recursive) or undefined
void Mkdir(const FunctionCallbackInfo<Value>& info) {
  auto op = PathOp(info, "mkdir");
  op->mode = Int32Arg(info[1]);
  if (info[2]->IsTrue()) {
    op->kind = ResultKind::kMaybeString;
    op->run = [](FsOp* o) -> int64_t {
      return fs::MkdirRecursive(o->path, o->mode, &o->out_string);
    };
  } else {
    op->run = [](FsOp* o) -> int64_t { return fs::Mkdir(o->path.c_str(), o->mode); };
    op->submit = [](loop::Loop* loop, loop::Request* req, FsOp* o) {
      return loop->MkdirAt(req, AT_FDCWD, o->path.c_str(), static_cast<uint32_t>(o->mode));
    };
  }
  Dispatch(info, 3, std::move(op));
}

// readdir(path, encoding, withFileTypes, req, ctx) -> names | [names, types]
void ReadDir(const FunctionCallbackInfo<Value>& info) {
  auto op = PathOp(info, "scandir");
  op->encoding = EncodingArg(info.GetIsolate(), info[1]);
  op->with_types = info[2]->IsTrue();
  op->kind = ResultKind::kNames;
  op->run = [](FsOp* o) -> int64_t { return fs::ReadDir(o->path.c_str(), &o->names, &o->types); };
  Dispatch(info, 3, std::move(op));
}

void StatOp(const FunctionCallbackInfo<Value>& info, const char* syscall, bool follow) {
  auto op = PathOp(info, syscall);
  op->bigint = info[1]->IsTrue();
  op->kind = ResultKind::kStat;
  op->flags = StatxFlags(follow);
  op->run = [](FsOp* o) -> int64_t {
    return (o->flags & AT_SYMLINK_NOFOLLOW) ? fs::LStat(o->path.c_str(), &o->stat)
                                             : fs::Stat(o->path.c_str(), &o->stat);
  };
  op->submit = [](loop::Loop* loop, loop::Request* req, FsOp* o) {
    o->stat_from_statx = true;
    return loop->Statx(req, AT_FDCWD, o->path.c_str(), o->flags, kStatxMask, &o->stx);
  };
  op->cached = [](FsOp* o) -> int64_t {
    return CachedStat(o->path.c_str(), !(o->flags & AT_SYMLINK_NOFOLLOW), &o->stat);
  };
  Dispatch(info, 2, std::move(op));
}

// stat(path, bigint, req, ctx) / lstat(path, bigint, req, ctx) -> stat array
void Stat(const FunctionCallbackInfo<Value>& info) { StatOp(info, "stat", true); }
void LStat(const FunctionCallbackInfo<Value>& info) { StatOp(info, "lstat", false); }

// fstat(fd, bigint, req, ctx) -> stat array
void FStat(const FunctionCallbackInfo<Value>& info) {
  auto op = FdOp(info, "fstat");
  op->bigint = info[1]->IsTrue();
  op->kind = ResultKind::kStat;
  op->run = [](FsOp* o) -> int64_t { return fs::FStat(o->fd, &o->stat); };
  op->submit = [](loop::Loop* loop, loop::Request* req, FsOp* o) {
    o->stat_from_statx = true;
    return loop->Statx(req, o->fd, "", StatxFlags(true) | AT_EMPTY_PATH, kStatxMask, &o->stx);
  };
  op->cached = [](FsOp* o) -> int64_t { return CachedFStat(o->fd, &o->stat); };
  Dispatch(info, 2, std::move(op));
}

// isRegularFileCached(fd) -> whether fd is known, without blocking, to be a regular file
// (false also when that cannot be told at once: see fs_cached_stat.h).
void IsRegularFileCached(const FunctionCallbackInfo<Value>& info) {
  FileStat stat;
  bool regular = info[0]->IsInt32() && CachedFStat(info[0].As<v8::Int32>()->Value(), &stat) == 0 &&
                 S_ISREG(static_cast<mode_t>(stat.fields[kStatMode]));
  info.GetReturnValue().Set(regular);
}

// statfs(path, bigint, req, ctx) -> statfs array
void StatFs(const FunctionCallbackInfo<Value>& info) {
  auto op = PathOp(info, "statfs");
  op->bigint = info[1]->IsTrue();
  op->kind = ResultKind::kStatFs;
  op->run = [](FsOp* o) -> int64_t { return fs::StatFs(o->path.c_str(), o->statfs); };
  Dispatch(info, 2, std::move(op));
}

// readlink(path, encoding, req, ctx) -> target
void ReadLink(const FunctionCallbackInfo<Value>& info) {
  auto op = PathOp(info, "readlink");
  op->encoding = EncodingArg(info.GetIsolate(), info[1]);
  op->kind = ResultKind::kString;
  op->run = [](FsOp* o) -> int64_t { return fs::ReadLink(o->path.c_str(), &o->out_string); };
  Dispatch(info, 2, std::move(op));
}

// symlink(target, path, flags, req, ctx)
void Symlink(const FunctionCallbackInfo<Value>& info) {
  auto op = TwoPathOp(info, "symlink");
  op->run = [](FsOp* o) -> int64_t { return fs::Symlink(o->path.c_str(), o->dest.c_str()); };
  op->submit = [](loop::Loop* loop, loop::Request* req, FsOp* o) {
    return loop->SymlinkAt(req, o->path.c_str(), AT_FDCWD, o->dest.c_str());
  };
  Dispatch(info, 3, std::move(op));
}

// link(existingPath, newPath, req, ctx)
void Link(const FunctionCallbackInfo<Value>& info) {
  auto op = TwoPathOp(info, "link");
  op->run = [](FsOp* o) -> int64_t { return fs::Link(o->path.c_str(), o->dest.c_str()); };
  op->submit = [](loop::Loop* loop, loop::Request* req, FsOp* o) {
    return loop->LinkAt(req, AT_FDCWD, o->path.c_str(), AT_FDCWD, o->dest.c_str(), 0);
  };
  Dispatch(info, 2, std::move(op));
}

// chmod(path, mode, req, ctx)
void Chmod(const FunctionCallbackInfo<Value>& info) {
  auto op = PathOp(info, "chmod");
  op->mode = Int32Arg(info[1]);
  op->run = [](FsOp* o) -> int64_t { return fs::Chmod(o->path.c_str(), o->mode); };
  Dispatch(info, 2, std::move(op));
}

// fchmod(fd, mode, req, ctx)
void Fchmod(const FunctionCallbackInfo<Value>& info) {
  auto op = FdOp(info, "fchmod");
  op->mode = Int32Arg(info[1]);
  op->run = [](FsOp* o) -> int64_t { return fs::Fchmod(o->fd, o->mode); };
  Dispatch(info, 2, std::move(op));
}

// chown / lchown(path, uid, gid, req, ctx)
void ChownOp(const FunctionCallbackInfo<Value>& info, const char* syscall, bool follow) {
  auto op = PathOp(info, syscall);
  op->uid = Uint32Arg(info[1]);
  op->gid = Uint32Arg(info[2]);
  if (follow) {
    op->run = [](FsOp* o) -> int64_t { return fs::Chown(o->path.c_str(), o->uid, o->gid); };
  } else {
    op->run = [](FsOp* o) -> int64_t { return fs::Lchown(o->path.c_str(), o->uid, o->gid); };
  }
  Dispatch(info, 3, std::move(op));
}

void Chown(const FunctionCallbackInfo<Value>& info) { ChownOp(info, "chown", true); }
void Lchown(const FunctionCallbackInfo<Value>& info) { ChownOp(info, "lchown", false); }

// fchown(fd, uid, gid, req, ctx)
void Fchown(const FunctionCallbackInfo<Value>& info) {
  auto op = FdOp(info, "fchown");
  op->uid = Uint32Arg(info[1]);
  op->gid = Uint32Arg(info[2]);
  op->run = [](FsOp* o) -> int64_t { return fs::Fchown(o->fd, o->uid, o->gid); };
  Dispatch(info, 3, std::move(op));
}

// utimes / lutimes(path, atime, mtime, req, ctx)
void UtimesOp(const FunctionCallbackInfo<Value>& info, const char* syscall, bool follow) {
  auto op = PathOp(info, syscall);
  op->atime = DoubleArg(info[1]);
  op->mtime = DoubleArg(info[2]);
  if (follow) {
    op->run = [](FsOp* o) -> int64_t { return fs::Utimes(o->path.c_str(), o->atime, o->mtime); };
  } else {
    op->run = [](FsOp* o) -> int64_t { return fs::Lutimes(o->path.c_str(), o->atime, o->mtime); };
  }
  Dispatch(info, 3, std::move(op));
}

void Utimes(const FunctionCallbackInfo<Value>& info) { UtimesOp(info, "utime", true); }
void Lutimes(const FunctionCallbackInfo<Value>& info) { UtimesOp(info, "lutime", false); }

// futimes(fd, atime, mtime, req, ctx)
void Futimes(const FunctionCallbackInfo<Value>& info) {
  auto op = FdOp(info, "futime");
  op->atime = DoubleArg(info[1]);
  op->mtime = DoubleArg(info[2]);
  op->run = [](FsOp* o) -> int64_t { return fs::Futimes(o->fd, o->atime, o->mtime); };
  Dispatch(info, 3, std::move(op));
}

// The loader's form: realpath(path, ctx) -> string.
void RealPathLegacy(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  std::string path = ToStdString(isolate, info[0]);
  std::string resolved;
  int err = fs::RealPath(path.c_str(), &resolved);
  if (err < 0) {
    if (info[1]->IsObject()) {
      FillErrorContext(Environment::From(info), info[1].As<v8::Object>(), err, "realpath",
                       path.c_str());
    }
    return;
  }
  info.GetReturnValue().Set(Utf8String(isolate, resolved));
}

// realpath(path, encoding, req, ctx) -> resolved path
void RealPath(const FunctionCallbackInfo<Value>& info) {
  if (info.Length() == 2 && info[1]->IsObject()) return RealPathLegacy(info);
  auto op = PathOp(info, "realpath");
  op->encoding = EncodingArg(info.GetIsolate(), info[1]);
  op->kind = ResultKind::kString;
  op->run = [](FsOp* o) -> int64_t { return fs::RealPath(o->path.c_str(), &o->out_string); };
  Dispatch(info, 2, std::move(op));
}

// mkdtemp(prefix, encoding, req, ctx) -> created directory
void Mkdtemp(const FunctionCallbackInfo<Value>& info) {
  auto op = std::make_unique<FsOp>("mkdtemp");
  op->data = PathArg(info.GetIsolate(), info[0]);
  op->SetPath(op->data + "XXXXXX");
  op->encoding = EncodingArg(info.GetIsolate(), info[1]);
  op->kind = ResultKind::kString;
  op->run = [](FsOp* o) -> int64_t {
    int err = fs::Mkdtemp(o->data, &o->out_string);
    // As node: an async failure names the template as mkdtemp(3) left it (libuv mutates its
    // copy of the path), a sync one the template with its XXXXXX.
    if (err < 0 && o->async) o->path = o->out_string;
    return err;
  };
  Dispatch(info, 2, std::move(op));
}

// copyFile(src, dest, mode, req, ctx)
void CopyFile(const FunctionCallbackInfo<Value>& info) {
  auto op = TwoPathOp(info, "copyfile");
  op->flags = Int32Arg(info[2]);
  op->run = [](FsOp* o) -> int64_t {
    return fs::CopyFile(o->path.c_str(), o->dest.c_str(), o->flags);
  };
  Dispatch(info, 3, std::move(op));
}

// internalModuleStat(path) -> 0 (file), 1 (directory) or -errno; never throws.
void InternalModuleStat(const FunctionCallbackInfo<Value>& info) {
  std::string path = PathArg(info.GetIsolate(), info[0]);
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    info.GetReturnValue().Set(-errno);
    return;
  }
  info.GetReturnValue().Set(S_ISDIR(st.st_mode) ? 1 : 0);
}

// readFileUtf8(pathOrFd, flags, ctx) -> string; the loader's form is readFileUtf8(path, ctx).
void ReadFileUtf8(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Environment* env = Environment::From(info);
  bool legacy = info[1]->IsObject();
  Local<Value> ctx = legacy ? info[1] : info[2];
  int flags = legacy ? O_RDONLY : Int32Arg(info[1]);
  int fd;
  std::string path;
  bool own_fd = !info[0]->IsInt32();
  if (own_fd) {
    path = PathArg(isolate, info[0]);
    fd = fs::Open(path.c_str(), flags, 0666);
    if (fd < 0) {
      if (ctx->IsObject()) FillErrorContext(env, ctx.As<v8::Object>(), fd, "open", path.c_str());
      return;
    }
  } else {
    fd = info[0].As<v8::Int32>()->Value();
  }
  std::string content;
  int err = fs::ReadAll(fd, &content);
  if (own_fd) close(fd);
  if (err < 0) {
    if (ctx->IsObject()) FillErrorContext(env, ctx.As<v8::Object>(), err, "read");
    return;
  }
  Local<v8::String> result;
  if (v8::String::NewFromUtf8(isolate, content.data(), v8::NewStringType::kNormal,
                              static_cast<int>(content.size()))
          .ToLocal(&result)) {
    info.GetReturnValue().Set(result);
  }
}

// writeFileUtf8(pathOrFd, data, flags, mode, ctx)
void WriteFileUtf8(const FunctionCallbackInfo<Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Environment* env = Environment::From(info);
  if (!info[1]->IsString()) return ThrowTypeError(isolate, "writeFileUtf8: data");
  Local<Value> ctx = info[4];
  std::string data;
  EncodeString(isolate, info[1].As<v8::String>(), "utf8", &data);
  int fd;
  std::string path;
  bool own_fd = !info[0]->IsInt32();
  if (own_fd) {
    path = PathArg(isolate, info[0]);
    fd = fs::Open(path.c_str(), Int32Arg(info[2]), Int32Arg(info[3]));
    if (fd < 0) {
      if (ctx->IsObject()) FillErrorContext(env, ctx.As<v8::Object>(), fd, "open", path.c_str());
      return;
    }
  } else {
    fd = info[0].As<v8::Int32>()->Value();
  }
  int err = fs::WriteAll(fd, data.data(), data.size());
  if (own_fd) close(fd);
  if (err < 0 && ctx->IsObject()) FillErrorContext(env, ctx.As<v8::Object>(), err, "write");
}

// new FSReqCallback(bigint): the request object of a callback-style call.
void FSReqCallbackConstructor(const FunctionCallbackInfo<Value>& info) {}

void Initialize(Environment* env, Local<v8::Object> target) {
  v8::Isolate* isolate = env->isolate();
  Local<v8::Context> context = env->context();
  FsBindingData* data = env->set_binding_data("fs", std::make_unique<FsBindingData>(env));

  SetMethod(context, target, "access", Access);
  SetMethod(context, target, "existsSync", ExistsSync);
  SetMethod(context, target, "open", Open);
  SetMethod(context, target, "close", Close);
  SetMethod(context, target, "read", Read);
  SetMethod(context, target, "readBuffers", ReadBuffers);
  SetMethod(context, target, "writeBuffer", WriteBuffer);
  SetMethod(context, target, "writeBuffers", WriteBuffers);
  SetMethod(context, target, "writeString", WriteString);
  SetMethod(context, target, "rename", Rename);
  SetMethod(context, target, "ftruncate", Ftruncate);
  SetMethod(context, target, "rmdir", Rmdir);
  SetMethod(context, target, "unlink", Unlink);
  SetMethod(context, target, "fsync", Fsync);
  SetMethod(context, target, "fdatasync", Fdatasync);
  SetMethod(context, target, "mkdir", Mkdir);
  SetMethod(context, target, "readdir", ReadDir);
  SetMethod(context, target, "stat", Stat);
  SetMethod(context, target, "lstat", LStat);
  SetMethod(context, target, "fstat", FStat);
  SetMethod(context, target, "statfs", StatFs);
  SetMethod(context, target, "isRegularFileCached", IsRegularFileCached);
  SetMethod(context, target, "readlink", ReadLink);
  SetMethod(context, target, "symlink", Symlink);
  SetMethod(context, target, "link", Link);
  SetMethod(context, target, "chmod", Chmod);
  SetMethod(context, target, "fchmod", Fchmod);
  SetMethod(context, target, "chown", Chown);
  SetMethod(context, target, "lchown", Lchown);
  SetMethod(context, target, "fchown", Fchown);
  SetMethod(context, target, "utimes", Utimes);
  SetMethod(context, target, "lutimes", Lutimes);
  SetMethod(context, target, "futimes", Futimes);
  SetMethod(context, target, "realpath", RealPath);
  SetMethod(context, target, "mkdtemp", Mkdtemp);
  SetMethod(context, target, "copyFile", CopyFile);
  SetMethod(context, target, "internalModuleStat", InternalModuleStat);
  SetMethod(context, target, "readFileUtf8", ReadFileUtf8);
  SetMethod(context, target, "writeFileUtf8", WriteFileUtf8);

  Local<v8::FunctionTemplate> req_template =
      v8::FunctionTemplate::New(isolate, FSReqCallbackConstructor);
  req_template->SetClassName(OneByteString(isolate, "FSReqCallback"));
  Local<v8::Function> req_constructor;
  if (req_template->GetFunction(context).ToLocal(&req_constructor)) {
    SetValue(context, target, "FSReqCallback", req_constructor);
  }
  SetValue(context, target, "statValues", data->stat_values());
  SetValue(context, target, "bigintStatValues", data->bigint_stat_values());
  SetValue(context, target, "kUsePromises", data->use_promises());
  SetConstant(context, target, "kFsStatsFieldsNumber", kStatFields);
  InitializeDir(env, target);
  InitializeWatch(env, target);
  InitializeReadFile(env, target);
  InitializeStatBatch(env, target);
  InitializeBufferPool(env, target);
}

}  // namespace
}  // namespace ringjs::fs

RINGJS_BINDING(fs, ringjs::fs::Initialize)
