// internalBinding('pipe_stream'): a small stream handle over a non-blocking pipe or socketpair
// fd, for the stdio pipes of child_process.spawn (lib/js/internal/child_process/socket.js).
//
// I/O is readiness-based: a loop Poll handle on the fd (level-triggered on both backends) and
// plain read(2)/write(2), as libuv's stream code does. Writes are tried at once and only what
// the pipe does not take is queued until the fd is writable, so a small write completes
// synchronously.
//
//   const handle = new PipeStream(fd);
//   handle.onread = (nread, arrayBuffer, fds) => {};  // nread > 0 with the bytes; UV_EOF;
//                   -errno. fds: descriptors received with these bytes (close-on-exec, now
//                   owned by JS), or undefined.
//   handle.readStart() / readStop()
//   handle.writeBuffer(req, view[, fd]) -> 0 written, 1 queued (req.oncomplete(status)
//                                    follows), or -errno. With fd (a socketpair only) a copy
//                                    of it rides along with the first byte (SCM_RIGHTS); the
//                                    copy is closed here once sent, the caller keeps fd.
//   handle.shutdown(req) -> 0; req.oncomplete(status) once queued writes are out: the write
//                           direction ends (shutdown(SHUT_WR) on a socket; a write-only pipe
//                           end is closed)
//   handle.close(callback);  handle.ref() / unref() / hasRef();  handle.fd
//   handle.writeQueueSize: bytes queued in the binding
#include <errno.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <deque>
#include <memory>
#include <unordered_set>
#include <vector>

#include "bindings/pipe_stream_serdes.h"
#include "runtime/binding.h"
#include "runtime/callback_scope.h"

namespace ringjs::pipe_stream {
namespace {

constexpr size_t kReadSize = 65536;
constexpr int kReadsPerEvent = 16;  // Then other handles get a turn.
constexpr int kEOF = -4095;         // UV_EOF.
constexpr int kMaxFdsPerRead = 16;  // Descriptors a single recvmsg takes.

// Owns one descriptor (closed on destruction unless Reset away).
struct FdHolder {
  explicit FdHolder(int value = -1) : fd(value) {}
  FdHolder(FdHolder&& other) noexcept : fd(other.fd) { other.fd = -1; }
  FdHolder& operator=(FdHolder&& other) noexcept {
    if (this != &other) {
      Close();
      fd = other.fd;
      other.fd = -1;
    }
    return *this;
  }
  ~FdHolder() { Close(); }
  void Close() {
    if (fd >= 0) close(fd);
    fd = -1;
  }
  int fd;
};

class PipeStreamWrap;

class PipeStreamData : public BindingData {
 public:
  explicit PipeStreamData(Environment* env) {
    env->AddCleanupHook([this] { CloseAll(); });
  }
  std::unordered_set<PipeStreamWrap*> live;

 private:
  void CloseAll();
};

PipeStreamData* GetData(Environment* env) {
  return env->binding_data<PipeStreamData>("pipe_stream");
}

class PipeStreamWrap {
 public:
  PipeStreamWrap(Environment* env, v8::Local<v8::Object> object, int fd)
      : env_(env), fd_(fd), poll_(env->loop()) {
    object->SetAlignedPointerInInternalField(0, this);
    object_.Reset(env->isolate(), object);
    struct stat st;
    is_socket_ = fstat(fd, &st) == 0 && S_ISSOCK(st.st_mode);
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0) {
      write_only_ = (flags & O_ACCMODE) == O_WRONLY;
      // An inherited fd (a fork() child's IPC channel) comes blocking.
      if ((flags & O_NONBLOCK) == 0) fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    }
    int fd_flags = fcntl(fd, F_GETFD);
    if (fd_flags >= 0 && (fd_flags & FD_CLOEXEC) == 0) fcntl(fd, F_SETFD, fd_flags | FD_CLOEXEC);
    GetData(env)->live.insert(this);
    UpdateQueueSize();
  }

  ~PipeStreamWrap() {
    if (!object_.IsEmpty()) {
      v8::HandleScope scope(env_->isolate());
      object_.Get(env_->isolate())->SetAlignedPointerInInternalField(0, nullptr);
      object_.Reset();
    }
  }

  static PipeStreamWrap* Unwrap(const v8::FunctionCallbackInfo<v8::Value>& info) {
    if (info.This()->InternalFieldCount() < 1) return nullptr;
    return static_cast<PipeStreamWrap*>(info.This()->GetAlignedPointerFromInternalField(0));
  }

  int fd() const { return fd_; }
  bool has_ref() const { return ref_; }

  int ReadStart() {
    if (closing_ || fd_ < 0) return -EBADF;
    if (eof_) return 0;
    reading_ = true;
    return UpdatePoll();
  }

  int ReadStop() {
    reading_ = false;
    return UpdatePoll();
  }

  int WriteBuffer(v8::Local<v8::Object> req, v8::Local<v8::ArrayBufferView> view, int send_fd) {
    if (closing_ || fd_ < 0 || shutdown_started_) return -EPIPE;
    if (send_fd >= 0 && !is_socket_) return -EINVAL;
    std::shared_ptr<v8::BackingStore> store = view->Buffer()->GetBackingStore();
    const char* data = static_cast<const char*>(store->Data()) + view->ByteOffset();
    size_t len = view->ByteLength();
    if (send_fd >= 0 && len == 0) return -EINVAL;  // The descriptor needs a byte to ride on.
    // Our own copy: the caller may close its handle before a queued write goes out.
    FdHolder passed(send_fd >= 0 ? fcntl(send_fd, F_DUPFD_CLOEXEC, 0) : -1);
    if (send_fd >= 0 && passed.fd < 0) return -errno;
    size_t done = 0;
    if (writes_.empty()) {
      while (done < len) {
        ssize_t n = WriteSome(data + done, len - done, &passed);
        if (n < 0) {
          if (errno == EINTR) continue;
          if (errno == EAGAIN) break;
          return -errno;
        }
        done += static_cast<size_t>(n);
      }
      if (done == len) return 0;
    }
    PendingWrite pending;
    pending.passed = std::move(passed);
    pending.req.Reset(env_->isolate(), req);
    pending.store = std::move(store);
    pending.data = data;
    pending.len = len;
    pending.done = done;
    writes_.push_back(std::move(pending));
    UpdateQueueSize();
    int err = UpdatePoll();
    if (err < 0) {
      writes_.pop_back();
      UpdateQueueSize();
      return err;
    }
    return 1;
  }

  int Shutdown(v8::Local<v8::Object> req) {
    if (closing_ || fd_ < 0 || shutdown_started_) return -ENOTCONN;
    shutdown_started_ = true;
    shutdown_req_.Reset(env_->isolate(), req);
    if (writes_.empty()) {
      // Completes from the pending phase, as a request does.
      PipeStreamData* data = GetData(env_);
      PipeStreamWrap* self = this;
      env_->loop()->QueuePending([data, self] {
        if (data->live.count(self) != 0) self->FinishShutdown();
      });
    }
    return 0;
  }

  void Close(v8::Local<v8::Value> callback) {
    if (closing_) return;
    closing_ = true;
    reading_ = false;
    if (callback->IsFunction()) close_cb_.Reset(env_->isolate(), callback.As<v8::Function>());
    // Queued writes are dropped (their stream is being destroyed).
    writes_.clear();
    shutdown_req_.Reset();
    UpdateQueueSize();
    poll_.Close([this] { OnClosed(); });
  }

  void Ref() {
    ref_ = true;
    poll_.Ref();
  }

  void Unref() {
    ref_ = false;
    poll_.Unref();
  }

  // Environment teardown.
  void Detach() {
    poll_.Stop();
    if (fd_ >= 0) close(fd_);
    fd_ = -1;
  }

 private:
  struct PendingWrite {
    v8::Global<v8::Object> req;
    FdHolder passed;  // Not yet sent: goes with the next byte written.
    std::shared_ptr<v8::BackingStore> store;
    const char* data = nullptr;
    size_t len = 0;
    size_t done = 0;
  };

  // write(2), or sendmsg(2) with SCM_RIGHTS while `passed` still holds a descriptor (closed
  // once the kernel took it).
  ssize_t WriteSome(const char* data, size_t len, FdHolder* passed) {
    if (passed->fd < 0) return write(fd_, data, len);
    iovec iov{const_cast<char*>(data), len};
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))];
    memset(control, 0, sizeof(control));
    msghdr msg{};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof(control);
    cmsghdr* cmsg = CMSG_FIRSTHDR(&msg);
    cmsg->cmsg_level = SOL_SOCKET;
    cmsg->cmsg_type = SCM_RIGHTS;
    cmsg->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(cmsg), &passed->fd, sizeof(int));
    ssize_t n = sendmsg(fd_, &msg, MSG_NOSIGNAL);
    if (n > 0) passed->Close();  // The message holds its own reference now.
    return n;
  }

  int UpdatePoll() {
    if (closing_ || fd_ < 0) return 0;
    int events = 0;
    if (reading_) events |= loop::Poll::kReadable;
    if (!writes_.empty()) events |= loop::Poll::kWritable;
    if (events == poll_events_ && (events == 0) == !poll_.IsActive()) return 0;
    poll_events_ = events;
    if (events == 0) {
      poll_.Stop();
      return 0;
    }
    int err = poll_.Start(fd_, events, [this](int status, int got) { OnPoll(status, got); });
    if (err < 0) {
      poll_events_ = 0;
      return err;
    }
    if (!ref_) poll_.Unref();
    return 0;
  }

  void OnPoll(int status, int events) {
    if (status < 0) {
      // The watch ended with an error: report it to whoever waits.
      poll_events_ = 0;
      poll_.Stop();
      if (!writes_.empty()) FailWrites(status);
      if (reading_ && !closing_) EmitRead(status);
      return;
    }
    if ((events & loop::Poll::kWritable) && !writes_.empty()) FlushWrites();
    if (closing_) return;
    if ((events & (loop::Poll::kReadable | loop::Poll::kDisconnect)) && reading_) ReadSome();
  }

  void ReadSome() {
    for (int i = 0; i < kReadsPerEvent && reading_ && !closing_ && fd_ >= 0; i++) {
      // Read into plain malloc'ed memory (V8's allocator would zero it first) and hand it to
      // an ArrayBuffer as it is, shrunk to what was read.
      char* data = static_cast<char*>(malloc(kReadSize));
      if (data == nullptr) {
        reading_ = false;
        UpdatePoll();
        EmitRead(-ENOMEM);
        return;
      }
      std::vector<int> fds;
      ssize_t n;
      do {
        n = ReadOnce(data, &fds);
      } while (n < 0 && errno == EINTR);
      int err = errno;
      if (n <= 0) {
        free(data);
        for (int fd : fds) close(fd);
      }
      if (n < 0 && err == EAGAIN) return;
      if (n <= 0) {
        eof_ = n == 0;
        reading_ = false;
        UpdatePoll();
        EmitRead(n == 0 ? kEOF : -err);
        return;
      }
      if (static_cast<size_t>(n) < kReadSize) {
        char* shrunk = static_cast<char*>(realloc(data, static_cast<size_t>(n)));
        if (shrunk != nullptr) data = shrunk;
      }
      EmitData(data, static_cast<size_t>(n), &fds);
      if (static_cast<size_t>(n) < kReadSize) return;  // Drained for now.
    }
  }

  // read(2), or recvmsg(2) on a socket collecting the descriptors passed with the bytes.
  ssize_t ReadOnce(char* data, std::vector<int>* fds) {
    if (!is_socket_) return read(fd_, data, kReadSize);
    iovec iov{data, kReadSize};
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int) * kMaxFdsPerRead)];
    msghdr msg{};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof(control);
    ssize_t n = recvmsg(fd_, &msg, MSG_CMSG_CLOEXEC);
    if (n < 0) return n;
    for (cmsghdr* cmsg = CMSG_FIRSTHDR(&msg); cmsg != nullptr; cmsg = CMSG_NXTHDR(&msg, cmsg)) {
      if (cmsg->cmsg_level != SOL_SOCKET || cmsg->cmsg_type != SCM_RIGHTS) continue;
      size_t count = (cmsg->cmsg_len - CMSG_LEN(0)) / sizeof(int);
      for (size_t i = 0; i < count; i++) {
        int fd;
        memcpy(&fd, CMSG_DATA(cmsg) + i * sizeof(int), sizeof(int));
        fds->push_back(fd);
      }
    }
    return n;
  }

  // Takes ownership of `data` (malloc'ed) and of the descriptors in `fds`.
  void EmitData(char* data, size_t n, std::vector<int>* fds) {
    if (env_->is_stopping()) {
      free(data);
      for (int fd : *fds) close(fd);
      return;
    }
    v8::Isolate* isolate = env_->isolate();
    CallbackScope scope(env_);
    std::unique_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(
        data, n, [](void* bytes, size_t, void*) { free(bytes); }, nullptr);
    v8::Local<v8::ArrayBuffer> ab = v8::ArrayBuffer::New(isolate, std::move(store));
    v8::Local<v8::Value> passed = v8::Undefined(isolate);
    if (!fds->empty()) {
      v8::Local<v8::Array> list = v8::Array::New(isolate, static_cast<int>(fds->size()));
      for (size_t i = 0; i < fds->size(); i++) {
        USE(list->Set(env_->context(), static_cast<uint32_t>(i),
                      v8::Integer::New(isolate, (*fds)[i])));
      }
      passed = list;
    }
    CallOnRead(&scope, static_cast<int>(n), ab, passed);
  }

  void EmitRead(int status) {
    if (env_->is_stopping()) return;
    CallbackScope scope(env_);
    CallOnRead(&scope, status, v8::Undefined(env_->isolate()), v8::Undefined(env_->isolate()));
  }

  void CallOnRead(CallbackScope* scope, int nread, v8::Local<v8::Value> data,
                  v8::Local<v8::Value> fds) {
    v8::Isolate* isolate = env_->isolate();
    v8::Local<v8::Object> object = object_.Get(isolate);
    v8::Local<v8::Value> onread;
    if (!object->Get(env_->context(), OneByteString(isolate, "onread")).ToLocal(&onread) ||
        !onread->IsFunction()) {
      return;
    }
    v8::Local<v8::Value> argv[] = {v8::Integer::New(isolate, nread), data, fds};
    USE(scope->Call(onread.As<v8::Function>(), object, 3, argv));
  }

  void FlushWrites() {
    while (!writes_.empty() && !closing_) {
      PendingWrite& front = writes_.front();
      while (front.done < front.len) {
        ssize_t n = WriteSome(front.data + front.done, front.len - front.done, &front.passed);
        if (n < 0) {
          if (errno == EINTR) continue;
          if (errno == EAGAIN) {
            UpdateQueueSize();
            return;
          }
          FailWrites(-errno);
          return;
        }
        front.done += static_cast<size_t>(n);
      }
      v8::Global<v8::Object> req = std::move(front.req);
      writes_.pop_front();
      UpdateQueueSize();
      UpdatePoll();
      Complete(&req, 0);
    }
    if (writes_.empty() && shutdown_started_ && !shutdown_req_.IsEmpty()) FinishShutdown();
  }

  // The first queued write fails with `status`; the rest would fail the same way.
  void FailWrites(int status) {
    std::deque<PendingWrite> failed;
    failed.swap(writes_);
    UpdateQueueSize();
    UpdatePoll();
    for (PendingWrite& write : failed) {
      if (closing_) break;
      Complete(&write.req, status);
    }
  }

  void FinishShutdown() {
    if (shutdown_req_.IsEmpty() || closing_) return;
    int status = 0;
    if (is_socket_) {
      if (shutdown(fd_, SHUT_WR) != 0) status = -errno;
    } else if (write_only_) {
      // The pipe's write end: closing it is the only way to send EOF.
      poll_.Stop();
      poll_events_ = 0;
      close(fd_);
      fd_ = -1;
    }
    v8::Global<v8::Object> req = std::move(shutdown_req_);
    Complete(&req, status);
  }

  void Complete(v8::Global<v8::Object>* req_global, int status) {
    if (env_->is_stopping() || req_global->IsEmpty()) return;
    v8::Isolate* isolate = env_->isolate();
    CallbackScope scope(env_);
    v8::Local<v8::Object> req = req_global->Get(isolate);
    req_global->Reset();
    v8::Local<v8::Value> oncomplete;
    if (!req->Get(env_->context(), OneByteString(isolate, "oncomplete")).ToLocal(&oncomplete) ||
        !oncomplete->IsFunction()) {
      return;
    }
    v8::Local<v8::Value> argv[] = {v8::Integer::New(isolate, status)};
    USE(scope.Call(oncomplete.As<v8::Function>(), req, 1, argv));
  }

  void UpdateQueueSize() {
    size_t queued = 0;
    for (const PendingWrite& write : writes_) queued += write.len - write.done;
    if (queued == queue_size_ && !object_.IsEmpty() && queue_size_set_) return;
    queue_size_ = queued;
    queue_size_set_ = true;
    v8::Isolate* isolate = env_->isolate();
    v8::HandleScope scope(isolate);
    USE(object_.Get(isolate)->Set(env_->context(), OneByteString(isolate, "writeQueueSize"),
                                  v8::Number::New(isolate, static_cast<double>(queued))));
  }

  void OnClosed() {
    if (fd_ >= 0) close(fd_);
    fd_ = -1;
    GetData(env_)->live.erase(this);
    if (!close_cb_.IsEmpty() && !env_->is_stopping()) {
      v8::Isolate* isolate = env_->isolate();
      CallbackScope scope(env_);
      v8::Local<v8::Function> cb = close_cb_.Get(isolate);
      close_cb_.Reset();
      USE(scope.Call(cb, object_.Get(isolate), 0, nullptr));
    }
    // The JS object may outlive the handle; the wrap goes with it.
    object_.SetWeak(this, OnCollected, v8::WeakCallbackType::kParameter);
  }

  static void OnCollected(const v8::WeakCallbackInfo<PipeStreamWrap>& info) {
    PipeStreamWrap* wrap = info.GetParameter();
    wrap->object_.Reset();
    delete wrap;
  }

  Environment* env_;
  v8::Global<v8::Object> object_;
  int fd_;
  loop::Poll poll_;
  int poll_events_ = 0;
  bool reading_ = false;
  bool eof_ = false;
  bool closing_ = false;
  bool ref_ = true;
  bool is_socket_ = false;
  bool write_only_ = false;
  bool shutdown_started_ = false;
  bool queue_size_set_ = false;
  size_t queue_size_ = 0;
  std::deque<PendingWrite> writes_;
  v8::Global<v8::Object> shutdown_req_;
  v8::Global<v8::Function> close_cb_;
};

void PipeStreamData::CloseAll() {
  for (PipeStreamWrap* wrap : live) wrap->Detach();
  live.clear();
}

void New(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!info.IsConstructCall() || !info[0]->IsInt32() || info[0].As<v8::Int32>()->Value() < 0) {
    return ThrowTypeError(info.GetIsolate(), "new PipeStream(fd)");
  }
  new PipeStreamWrap(Environment::From(info), info.This(), info[0].As<v8::Int32>()->Value());
}

#define WRAP_OR_RETURN(wrap)                                  \
  PipeStreamWrap* wrap = PipeStreamWrap::Unwrap(info);        \
  if (wrap == nullptr) {                                      \
    info.GetReturnValue().Set(-EBADF);                        \
    return;                                                   \
  }

void ReadStart(const v8::FunctionCallbackInfo<v8::Value>& info) {
  WRAP_OR_RETURN(wrap);
  info.GetReturnValue().Set(wrap->ReadStart());
}

void ReadStop(const v8::FunctionCallbackInfo<v8::Value>& info) {
  WRAP_OR_RETURN(wrap);
  info.GetReturnValue().Set(wrap->ReadStop());
}

void WriteBuffer(const v8::FunctionCallbackInfo<v8::Value>& info) {
  WRAP_OR_RETURN(wrap);
  if (!info[0]->IsObject() || !info[1]->IsArrayBufferView()) {
    return ThrowTypeError(info.GetIsolate(), "writeBuffer(req, view[, fd])");
  }
  int send_fd = info[2]->IsInt32() ? info[2].As<v8::Int32>()->Value() : -1;
  info.GetReturnValue().Set(
      wrap->WriteBuffer(info[0].As<v8::Object>(), info[1].As<v8::ArrayBufferView>(), send_fd));
}

void Shutdown(const v8::FunctionCallbackInfo<v8::Value>& info) {
  WRAP_OR_RETURN(wrap);
  if (!info[0]->IsObject()) return ThrowTypeError(info.GetIsolate(), "shutdown(req)");
  info.GetReturnValue().Set(wrap->Shutdown(info[0].As<v8::Object>()));
}

void Close(const v8::FunctionCallbackInfo<v8::Value>& info) {
  PipeStreamWrap* wrap = PipeStreamWrap::Unwrap(info);
  if (wrap != nullptr) wrap->Close(info[0]);
}

void Ref(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (PipeStreamWrap* wrap = PipeStreamWrap::Unwrap(info)) wrap->Ref();
}

void Unref(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (PipeStreamWrap* wrap = PipeStreamWrap::Unwrap(info)) wrap->Unref();
}

void HasRef(const v8::FunctionCallbackInfo<v8::Value>& info) {
  PipeStreamWrap* wrap = PipeStreamWrap::Unwrap(info);
  info.GetReturnValue().Set(wrap != nullptr && wrap->has_ref());
}

void GetFd(v8::Local<v8::Name>, const v8::PropertyCallbackInfo<v8::Value>& info) {
  v8::Local<v8::Object> self = info.This();
  PipeStreamWrap* wrap =
      self->InternalFieldCount() < 1
          ? nullptr
          : static_cast<PipeStreamWrap*>(self->GetAlignedPointerFromInternalField(0));
  info.GetReturnValue().Set(wrap == nullptr ? -1 : wrap->fd());
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  env->set_binding_data("pipe_stream", std::make_unique<PipeStreamData>(env));
  v8::Local<v8::FunctionTemplate> tmpl = v8::FunctionTemplate::New(isolate, New);
  tmpl->InstanceTemplate()->SetInternalFieldCount(1);
  tmpl->SetClassName(OneByteString(isolate, "PipeStream"));
  auto method = [&](const char* name, v8::FunctionCallback cb) {
    SetProtoMethod(isolate, tmpl, name, cb);
  };
  method("readStart", ReadStart);
  method("readStop", ReadStop);
  method("writeBuffer", WriteBuffer);
  method("shutdown", Shutdown);
  method("close", Close);
  method("ref", Ref);
  method("unref", Unref);
  method("hasRef", HasRef);
  tmpl->InstanceTemplate()->SetAccessor(OneByteString(isolate, "fd"), GetFd);
  SetValue(context, target, "PipeStream", tmpl->GetFunction(context).ToLocalChecked());
  SetConstant(context, target, "UV_EOF", kEOF);
  InitializeSerdes(env, target);
}

}  // namespace
}  // namespace ringjs::pipe_stream

RINGJS_BINDING(pipe_stream, ringjs::pipe_stream::Initialize)
