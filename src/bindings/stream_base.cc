// StreamSocket (see stream_base.h): sockets on the loop's requests, and the JS methods every
// socket handle template shares.
#include "bindings/stream_base.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

#include "runtime/binding.h"
#include "runtime/callback_scope.h"

namespace ringjs::stream {
namespace {

// Internal field 1 holds this tag, so Unwrap can tell our handles from other objects.
int socket_tag;

}  // namespace

// ---- StreamData ----------------------------------------------------------------------------

StreamData::StreamData(Environment* env) : isolate_(env->isolate()) {
  if (!env->is_main_thread()) {
    env->AddCleanupHook([this] {
      // Copied: closing may change the list.
      std::vector<StreamSocket*> open(sockets.begin(), sockets.end());
      v8::HandleScope scope(isolate_);
      for (StreamSocket* socket : open) socket->CloseForTeardown();
    });
  }
  auto internalized = [this](const char* s) {
    return v8::String::NewFromUtf8(isolate_, s, v8::NewStringType::kInternalized)
        .ToLocalChecked();
  };
  onread_.Reset(isolate_, internalized("onread"));
  oncomplete_.Reset(isolate_, internalized("oncomplete"));
  onconnection_.Reset(isolate_, internalized("onconnection"));
  v8::Local<v8::ArrayBuffer> ab =
      v8::ArrayBuffer::New(isolate_, kStreamStateFields * sizeof(double));
  state_data_ = static_cast<double*>(ab->GetBackingStore()->Data());
  state_.Reset(isolate_, v8::Float64Array::New(ab, 0, kStreamStateFields));
}

StreamData::~StreamData() {
  for (StreamSocket* socket : sockets) socket->ReleaseFdAfterTeardown();
}

StreamData* GetStreamData(Environment* env) {
  StreamData* data = env->binding_data<StreamData>("stream_base");
  if (data == nullptr) {
    data = env->set_binding_data("stream_base", std::make_unique<StreamData>(env));
  }
  return data;
}

// ---- StreamSocket --------------------------------------------------------------------------

StreamSocket::StreamSocket(Environment* env, v8::Local<v8::Object> object, SocketKind kind)
    : env_(env), data_(GetStreamData(env)), kind_(kind) {
  object->SetAlignedPointerInInternalField(0, this);
  object->SetAlignedPointerInInternalField(1, &socket_tag);
  object_.Reset(env->isolate(), object);
  CaptureAsyncContext(env, object);
  recv_req_.cb = [this](int64_t result) { OnRecv(result); };
  accept_req_.cb = [this](int64_t result) { OnAccept(result); };
  connect_req_.cb = [this](int64_t result) { OnConnect(result); };
  send_req_.cb = [this](int64_t result) { OnSend(result); };
  defer_req_.cb = [this](int64_t) { OnDeferred(); };
  registered_ = data_->sockets.insert(data_->sockets.end(), this);
}

StreamSocket::~StreamSocket() {
  if (data_ != nullptr) data_->sockets.erase(registered_);
  if (!object_.IsEmpty()) {
    v8::HandleScope scope(env_->isolate());
    v8::Local<v8::Object> object = object_.Get(env_->isolate());
    object->SetAlignedPointerInInternalField(0, nullptr);
    object_.Reset();
  }
}

StreamSocket* StreamSocket::Unwrap(v8::Local<v8::Value> value) {
  if (!value->IsObject()) return nullptr;
  v8::Local<v8::Object> object = value.As<v8::Object>();
  if (object->InternalFieldCount() != kInternalFields) return nullptr;
  if (object->GetAlignedPointerFromInternalField(1) != &socket_tag) return nullptr;
  auto* socket = static_cast<StreamSocket*>(object->GetAlignedPointerFromInternalField(0));
  if (socket == nullptr || socket->closing_) return nullptr;
  return socket;
}

int StreamSocket::EnsureSocket(int family) {
  if (fd_ >= 0) return 0;
  int type = SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC;
  int fd = socket(family, type, 0);
  if (fd < 0) return -errno;
  fd_ = fd;
  family_ = family;
  ApplyOptions();
  return 0;
}

void StreamSocket::Adopt(int fd, int family) {
  fd_ = fd;
  // An opened descriptor may be listened on by other processes too (cluster, handle passing).
  shared_ = true;
  family_ = family;
  if (family_ == 0) {
    sockaddr_storage addr;
    socklen_t len = sizeof(addr);
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) family_ = addr.ss_family;
  }
  ApplyOptions();
}

void StreamSocket::ApplyOptions() {
  if (fd_ < 0 || family_ == AF_UNIX) return;
  if (no_delay_) SetNoDelay(true);
  if (keep_alive_) SetKeepAlive(true, keep_alive_delay_);
}

int StreamSocket::SetNoDelay(bool on) {
  no_delay_ = on;
  if (fd_ < 0 || family_ == AF_UNIX) return 0;
  int value = on ? 1 : 0;
  if (setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &value, sizeof(value)) != 0) return -errno;
  return 0;
}

int StreamSocket::SetKeepAlive(bool on, int delay_secs) {
  keep_alive_ = on;
  keep_alive_delay_ = delay_secs;
  if (fd_ < 0 || family_ == AF_UNIX) return 0;
  int value = on ? 1 : 0;
  if (setsockopt(fd_, SOL_SOCKET, SO_KEEPALIVE, &value, sizeof(value)) != 0) return -errno;
  if (on && delay_secs > 0) {
    // As libuv: idle time, then probes every second, 10 of them.
    int intvl = 1;
    int cnt = 10;
    if (setsockopt(fd_, IPPROTO_TCP, TCP_KEEPIDLE, &delay_secs, sizeof(delay_secs)) != 0 ||
        setsockopt(fd_, IPPROTO_TCP, TCP_KEEPINTVL, &intvl, sizeof(intvl)) != 0 ||
        setsockopt(fd_, IPPROTO_TCP, TCP_KEEPCNT, &cnt, sizeof(cnt)) != 0) {
      return -errno;
    }
  }
  return 0;
}

int StreamSocket::Bind(const sockaddr* addr, socklen_t len, int flags) {
  int err = EnsureSocket(addr->sa_family);
  if (err != 0) return err;
  if (addr->sa_family != AF_UNIX) {
    int on = 1;
    // As libuv: SO_REUSEADDR on every TCP bind.
    if (setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on)) != 0) return -errno;
    if ((flags & 2) != 0 && setsockopt(fd_, SOL_SOCKET, SO_REUSEPORT, &on, sizeof(on)) != 0) {
      return -errno;
    }
    if (addr->sa_family == AF_INET6) {
      int v6only = (flags & 1) != 0 ? 1 : 0;
      if (setsockopt(fd_, IPPROTO_IPV6, IPV6_V6ONLY, &v6only, sizeof(v6only)) != 0) {
        return -errno;
      }
    }
  }
  if (bind(fd_, addr, len) != 0) return -errno;
  return 0;
}

int StreamSocket::Listen(int backlog) {
  if (fd_ < 0) {
    // listen() on an unbound socket: as libuv, bind to an ephemeral IPv4 port first.
    int err = EnsureSocket(AF_INET);
    if (err != 0) return err;
  }
  if (listen(fd_, backlog) != 0) return -errno;
  if (listening_) return 0;
  listening_ = true;
  server_ = true;
  env_->loop()->SetRequestRef(&accept_req_, ref_);
  return env_->loop()->Accept(&accept_req_, fd_);
}

int StreamSocket::Connect(v8::Local<v8::Object> req, const sockaddr* addr, socklen_t len) {
  int err = EnsureSocket(addr->sa_family);
  if (err != 0) return err;
  if (connect_req_.in_flight()) return -EALREADY;
  memcpy(&connect_addr_, addr, std::min<size_t>(len, sizeof(connect_addr_)));
  env_->loop()->SetRequestRef(&connect_req_, ref_);
  err = env_->loop()->Connect(&connect_req_, fd_, reinterpret_cast<sockaddr*>(&connect_addr_),
                              len);
  if (err != 0) return err;
  connect_js_req_.Reset(env_->isolate(), req);
  CaptureAsyncContext(env_, req);
  return 0;
}

void StreamSocket::OnConnect(int64_t result) {
  v8::Isolate* isolate = env_->isolate();
  if (closing_ || env_->is_stopping()) {
    connect_js_req_.Reset();
    if (closing_) MaybeFinishClose();
    return;
  }
  CallbackScope scope(env_);
  v8::Local<v8::Object> req = connect_js_req_.Get(isolate);
  connect_js_req_.Reset();
  v8::Local<v8::Value> fn;
  if (req.IsEmpty() ||
      !req->Get(env_->context(), data_->oncomplete()).ToLocal(&fn) ||
      !fn->IsFunction()) {
    return;
  }
  v8::Local<v8::Value> argv[] = {v8::Integer::New(isolate, static_cast<int>(result))};
  USE(scope.Call(fn.As<v8::Function>(), req, 1, argv));
}

void StreamSocket::OnAccept(int64_t result) {
  v8::Isolate* isolate = env_->isolate();
  if (closing_ || env_->is_stopping()) {
    if (result >= 0) close(static_cast<int>(result));
    if (closing_ && !accept_req_.has_more()) MaybeFinishClose();
    return;
  }
  bool more = accept_req_.has_more();
  CallbackScope scope(env_);
  v8::Local<v8::Context> context = env_->context();
  StreamData* data = data_;
  v8::Local<v8::Object> self = object();
  v8::Local<v8::Value> fn;
  if (!self->Get(context, data->onconnection()).ToLocal(&fn) || !fn->IsFunction()) {
    if (result >= 0) close(static_cast<int>(result));
    return;
  }
  if (result >= 0) {
    v8::Global<v8::Function>& ctor =
        kind_ == SocketKind::kTcp ? data->tcp_constructor : data->pipe_constructor;
    v8::Local<v8::Object> client;
    if (ctor.IsEmpty() || !ctor.Get(isolate)->NewInstance(context, 0, nullptr).ToLocal(&client)) {
      close(static_cast<int>(result));
      return;
    }
    StreamSocket* socket = Unwrap(client);
    if (socket == nullptr) {
      close(static_cast<int>(result));
      return;
    }
    socket->Adopt(static_cast<int>(result), family_);
    v8::Local<v8::Value> argv[] = {v8::Integer::New(isolate, 0), client};
    USE(scope.Call(fn.As<v8::Function>(), self, 2, argv));
  } else {
    v8::Local<v8::Value> argv[] = {v8::Integer::New(isolate, static_cast<int>(result))};
    USE(scope.Call(fn.As<v8::Function>(), self, 1, argv));
  }
  if (!more && !closing_ && listening_) {
    // Accept errors end the multishot accept: keep accepting, a turn later (EMFILE would
    // otherwise spin).
    Defer([this] {
      if (!closing_ && listening_ && !accept_req_.in_flight()) {
        env_->loop()->Accept(&accept_req_, fd_);
      }
    });
  }
}

int StreamSocket::ReadStart() {
  if (fd_ < 0) return -EBADF;
  reading_ = true;
  if (recv_req_.in_flight()) return 0;  // Running, or a cancel whose end re-arms it.
  env_->loop()->SetRequestRef(&recv_req_, ref_);
  int err = env_->loop()->Recv(&recv_req_, fd_);
  if (err != 0) reading_ = false;
  return err;
}

int StreamSocket::ReadStop() {
  reading_ = false;
  if (recv_req_.in_flight()) env_->loop()->Cancel(&recv_req_);
  return 0;
}

void StreamSocket::OnRecv(int64_t result) {
  bool more = recv_req_.has_more();
  if (closing_ || env_->is_stopping()) {
    if (closing_ && !more) MaybeFinishClose();
    return;
  }
  if (more) {
    if (result > 0) EmitRead(static_cast<ssize_t>(result), recv_req_.buffer());
    return;
  }
  // The recv ended.
  if (result == -ECANCELED) {
    if (reading_) {
      int err = env_->loop()->Recv(&recv_req_, fd_);
      if (err != 0) {
        reading_ = false;
        EmitRead(err, nullptr);
      }
    }
    return;
  }
  if (result > 0) {
    // Not expected (the loop re-arms on a final data completion), but deliver it.
    EmitRead(static_cast<ssize_t>(result), recv_req_.buffer());
    return;
  }
  reading_ = false;
  EmitRead(result == 0 ? kEof : static_cast<ssize_t>(result), nullptr);
}

void StreamSocket::EmitRead(ssize_t nread, const char* data) {
  if (nread > 0) bytes_read_ += static_cast<uint64_t>(nread);
  if (listener_ != nullptr && nread > 0) {
    // JS sees no read: socket timeouts ask for this instead (lastConsumedReadTime()).
    last_consumed_read_ms_ = static_cast<double>(env_->loop()->Now());
    CallbackScope scope(env_);
    listener_->OnStreamRead(this, nread, data);
    return;
  }
  v8::Isolate* isolate = env_->isolate();
  CallbackScope scope(env_);
  v8::Local<v8::Object> self = object();
  v8::Local<v8::Value> fn;
  if (!self->Get(env_->context(), data_->onread()).ToLocal(&fn) ||
      !fn->IsFunction()) {
    return;
  }
  v8::Local<v8::Value> argv[2];
  argv[0] = v8::Integer::New(isolate, static_cast<int>(nread));
  if (nread > 0) {
    std::unique_ptr<v8::BackingStore> store =
        v8::ArrayBuffer::NewBackingStore(isolate, static_cast<size_t>(nread));
    memcpy(store->Data(), data, static_cast<size_t>(nread));
    argv[1] = v8::ArrayBuffer::New(isolate, std::move(store));
  } else {
    argv[1] = v8::Undefined(isolate);
  }
  USE(scope.Call(fn.As<v8::Function>(), self, 2, argv));
}

void StreamSocket::set_listener(StreamListener* listener) {
  if (listener_ != nullptr && listener_ != listener) listener_->OnStreamDetach(this);
  listener_ = listener;
}

int StreamSocket::Write(v8::Local<v8::Object> req, Chunk* chunks, size_t count) {
  if (fd_ < 0) return -EBADF;
  if (write_error_ != 0) return write_error_;
  for (size_t i = 0; i < count; i++) {
    Chunk& chunk = chunks[i];
    if (chunk.len == 0) continue;
    queued_bytes_ += chunk.len;
    queue_.push_back(std::move(chunk));
  }
  // The op completes with the chunk that ends it; an empty marker chunk carries it, so two
  // writes never share a chunk.
  auto* op = new WriteOp();
  op->req.Reset(env_->isolate(), req);
  queue_.emplace_back();
  queue_.back().op = op;
  SubmitSend();
  return 0;
}

ssize_t StreamSocket::SendNow(const iovec* iov, size_t count) {
  size_t sent_total = 0;
  while (count > 0) {
    msghdr msg{};
    msg.msg_iov = const_cast<iovec*>(iov);
    msg.msg_iovlen = std::min<size_t>(count, kMaxIov);
    ssize_t n = ::sendmsg(fd_, &msg, MSG_DONTWAIT | MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (sent_total > 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
      return errno == EWOULDBLOCK ? -EAGAIN : -errno;
    }
    sent_total += static_cast<size_t>(n);
    // Skip what went out; stop at a short send (the socket is full).
    size_t left = static_cast<size_t>(n);
    size_t batch = msg.msg_iovlen;
    size_t whole = 0;
    for (; whole < batch && left >= iov[whole].iov_len; whole++) left -= iov[whole].iov_len;
    if (whole < batch) break;
    iov += whole;
    count -= whole;
  }
  return static_cast<ssize_t>(sent_total);
}

void StreamSocket::SubmitSend() {
  if (send_req_.in_flight() || flush_scheduled_ || queue_.empty() || closing_ || fd_ < 0) {
    return;
  }
  int n = 0;
  size_t offset = front_offset_;
  for (auto it = queue_.begin(); it != queue_.end() && n < kMaxIov; ++it) {
    if (it->len == 0) continue;
    iov_[n].iov_base = const_cast<char*>(it->data + offset);
    iov_[n].iov_len = it->len - offset;
    offset = 0;
    n++;
  }
  if (n == 0) {
    // Only markers of writes whose bytes are all sent: complete them a turn later.
    flush_scheduled_ = true;
    Defer([this] {
      flush_scheduled_ = false;
      OnSend(0);
    });
    return;
  }
  env_->loop()->SetRequestRef(&send_req_, ref_);
  int err;
  if (n == 1) {
    err = env_->loop()->Send(&send_req_, fd_, iov_[0].iov_base, iov_[0].iov_len, 0);
  } else {
    memset(&msg_, 0, sizeof(msg_));
    msg_.msg_iov = iov_;
    msg_.msg_iovlen = static_cast<size_t>(n);
    err = env_->loop()->Sendmsg(&send_req_, fd_, &msg_, 0);
  }
  if (err != 0) {
    flush_scheduled_ = true;
    Defer([this, err] {
      flush_scheduled_ = false;
      OnSend(err);
    });
  }
}

void StreamSocket::FailQueue(int err, std::vector<WriteOp*>* done) {
  for (Chunk& chunk : queue_) {
    if (chunk.op != nullptr) done->push_back(static_cast<WriteOp*>(chunk.op));
  }
  queue_.clear();
  queued_bytes_ = 0;
  front_offset_ = 0;
  (void)err;
}

void StreamSocket::OnSend(int64_t result) {
  std::vector<WriteOp*> done;
  int status = 0;
  if (result < 0) {
    status = static_cast<int>(result);
    if (status != -ECANCELED) write_error_ = status;
    FailQueue(status, &done);
  } else {
    size_t sent = static_cast<size_t>(result);
    queued_bytes_ -= std::min(queued_bytes_, sent);
    while (!queue_.empty()) {
      Chunk& front = queue_.front();
      size_t left = front.len - front_offset_;
      if (left > sent) {
        front_offset_ += sent;
        break;
      }
      sent -= left;
      if (front.op != nullptr) done.push_back(static_cast<WriteOp*>(front.op));
      front_offset_ = 0;
      queue_.pop_front();
    }
  }
  if (closing_ || env_->is_stopping()) {
    for (WriteOp* op : done) delete op;
    if (closing_) {
      FlushOnClose();
      MaybeFinishClose();
    }
    return;
  }
  SubmitSend();
  bool finish_shutdown = shutdown_pending_ && (queue_.empty() || status < 0);
  if (done.empty() && !finish_shutdown) return;
  CallbackScope scope(env_);
  CompleteOps(&done, status);
  if (finish_shutdown && !closing_) FinishShutdown(status);
}

void StreamSocket::FlushOnClose() {
  if (fd_ >= 0 && write_error_ == 0 && !queue_.empty()) {
    iovec iov[kMaxIov];
    int n = 0;
    size_t offset = front_offset_;
    for (auto it = queue_.begin(); it != queue_.end() && n < kMaxIov; ++it) {
      if (it->len == 0) continue;
      iov[n].iov_base = const_cast<char*>(it->data + offset);
      iov[n].iov_len = it->len - offset;
      offset = 0;
      n++;
    }
    if (n > 0) {
      msghdr msg{};
      msg.msg_iov = iov;
      msg.msg_iovlen = static_cast<size_t>(n);
      ssize_t ignored = ::sendmsg(fd_, &msg, MSG_DONTWAIT | MSG_NOSIGNAL);
      (void)ignored;
    }
  }
  std::vector<WriteOp*> done;
  FailQueue(-ECANCELED, &done);
  for (WriteOp* op : done) delete op;
}

void StreamSocket::CompleteOps(std::vector<WriteOp*>* done, int status) {
  v8::Isolate* isolate = env_->isolate();
  v8::Local<v8::Context> context = env_->context();
  v8::Local<v8::String> oncomplete = data_->oncomplete();
  for (WriteOp* op : *done) {
    std::unique_ptr<WriteOp> owned(op);
    if (env_->is_stopping()) continue;
    v8::Local<v8::Object> req = op->req.Get(isolate);
    v8::Local<v8::Value> fn;
    if (!req->Get(context, oncomplete).ToLocal(&fn) || !fn->IsFunction()) continue;
    v8::Local<v8::Value> argv[] = {v8::Integer::New(isolate, status)};
    v8::Local<v8::Function> callback = fn.As<v8::Function>();
    v8::TryCatch try_catch(isolate);
    USE(callback->Call(context, req, 1, argv));
    if (try_catch.HasCaught() && !try_catch.HasTerminated()) {
      TriggerUncaughtException(env_, try_catch.Exception(), try_catch.Message());
    }
  }
  done->clear();
}

int StreamSocket::Shutdown(v8::Local<v8::Object> req) {
  if (fd_ < 0) return -ENOTCONN;
  if (shutdown_pending_) return -EALREADY;
  shutdown_pending_ = true;
  shutdown_js_req_.Reset(env_->isolate(), req);
  if (queue_.empty() && !send_req_.in_flight()) {
    Defer([this] {
      CallbackScope scope(env_);
      FinishShutdown(write_error_);
    });
  }
  return 0;
}

void StreamSocket::FinishShutdown(int status) {
  if (!shutdown_pending_) return;
  shutdown_pending_ = false;
  if (status == 0 && ::shutdown(fd_, SHUT_WR) != 0) status = -errno;
  v8::Isolate* isolate = env_->isolate();
  v8::Local<v8::Object> req = shutdown_js_req_.Get(isolate);
  shutdown_js_req_.Reset();
  if (req.IsEmpty() || env_->is_stopping()) return;
  v8::Local<v8::Value> fn;
  if (!req->Get(env_->context(), data_->oncomplete()).ToLocal(&fn) ||
      !fn->IsFunction()) {
    return;
  }
  v8::Local<v8::Value> argv[] = {v8::Integer::New(isolate, status)};
  v8::TryCatch try_catch(isolate);
  USE(fn.As<v8::Function>()->Call(env_->context(), req, 1, argv));
  if (try_catch.HasCaught() && !try_catch.HasTerminated()) {
    TriggerUncaughtException(env_, try_catch.Exception(), try_catch.Message());
  }
}

void StreamSocket::Defer(std::function<void()> fn) {
  deferred_.push_back(std::move(fn));
  if (defer_req_.in_flight()) return;
  env_->loop()->SetRequestRef(&defer_req_, ref_ || closing_);
  int err = env_->loop()->Timeout(&defer_req_, 0);
  if (err != 0) {
    // Should not happen; run them from the pending phase instead.
    env_->loop()->QueuePending([this] { OnDeferred(); });
  }
}

void StreamSocket::OnDeferred() {
  std::vector<std::function<void()>> fns;
  fns.swap(deferred_);
  for (auto& fn : fns) {
    if (env_->is_stopping()) break;
    fn();
  }
  if (closing_) MaybeFinishClose();
}

void StreamSocket::SetRef(bool ref) {
  ref_ = ref;
  loop::Loop* loop = env_->loop();
  loop->SetRequestRef(&recv_req_, ref);
  loop->SetRequestRef(&accept_req_, ref);
  loop->SetRequestRef(&connect_req_, ref);
  loop->SetRequestRef(&send_req_, ref);
  if (!closing_) loop->SetRequestRef(&defer_req_, ref);
}

bool StreamSocket::AnyInFlight() const {
  return recv_req_.in_flight() || accept_req_.in_flight() || connect_req_.in_flight() ||
         send_req_.in_flight() || defer_req_.in_flight();
}

void StreamSocket::Close(v8::Local<v8::Value> cb) {
  if (closing_) return;
  closing_ = true;
  reading_ = false;
  if (listening_ && fd_ >= 0 && !shared_) {
    // Stop listening now, as node's close does: the accept still in flight holds the file
    // open until its cancel completes, and connections must be refused from here on.
    ::shutdown(fd_, SHUT_RDWR);
  }
  listening_ = false;
  if (listener_ != nullptr) {
    StreamListener* listener = listener_;
    listener_ = nullptr;
    listener->OnStreamDetach(this);
  }
  if (cb->IsFunction()) close_cb_.Reset(env_->isolate(), cb);
  loop::Loop* loop = env_->loop();
  // A closing handle keeps the loop alive until its callback, as libuv's.
  loop->SetRequestRef(&defer_req_, true);
  if (recv_req_.in_flight()) loop->Cancel(&recv_req_);
  if (accept_req_.in_flight()) loop->Cancel(&accept_req_);
  if (connect_req_.in_flight()) loop->Cancel(&connect_req_);
  // What JS already wrote still goes out (node's writes reach the kernel at once): the send in
  // flight is cancelled (on io_uring it usually completes first), then the rest of the queue
  // gets one non-blocking sendmsg. Write callbacks do not run any more.
  if (send_req_.in_flight()) {
    loop->Cancel(&send_req_);
  } else {
    FlushOnClose();
  }
  shutdown_pending_ = false;
  shutdown_js_req_.Reset();
  connect_js_req_.Reset();
  // The close callback always comes from a later completion: a cancelled request's, or else
  // the deferred timer's.
  if (!AnyInFlight()) Defer([] {});
}

void StreamSocket::CloseForTeardown() {
  if (!closing_) Close(v8::Undefined(env_->isolate()));
}

void StreamSocket::ReleaseFdAfterTeardown() {
  data_ = nullptr;
  if (fd_ >= 0) {
    ::close(fd_);
    fd_ = -1;
  }
}

void StreamSocket::MaybeFinishClose() {
  if (finished_ || AnyInFlight()) return;
  finished_ = true;
  if (fd_ >= 0) {
    ::close(fd_);
    fd_ = -1;
  }
  if (!env_->is_stopping() && !close_cb_.IsEmpty()) {
    v8::Isolate* isolate = env_->isolate();
    CallbackScope scope(env_);
    v8::Local<v8::Value> cb = close_cb_.Get(isolate);
    close_cb_.Reset();
    USE(scope.Call(cb.As<v8::Function>(), object(), 0, nullptr));
  }
  // Freed once the loop is out of this socket's callbacks.
  StreamSocket* self = this;
  env_->loop()->QueuePending([self] { delete self; });
}

// ---- JS methods ----------------------------------------------------------------------------

void AddressToJS(Environment* env, const sockaddr* addr, v8::Local<v8::Object> out) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  char ip[INET6_ADDRSTRLEN] = "";
  int port = 0;
  const char* family = nullptr;
  if (addr->sa_family == AF_INET) {
    auto* in = reinterpret_cast<const sockaddr_in*>(addr);
    inet_ntop(AF_INET, &in->sin_addr, ip, sizeof(ip));
    port = ntohs(in->sin_port);
    family = "IPv4";
  } else if (addr->sa_family == AF_INET6) {
    auto* in6 = reinterpret_cast<const sockaddr_in6*>(addr);
    inet_ntop(AF_INET6, &in6->sin6_addr, ip, sizeof(ip));
    port = ntohs(in6->sin6_port);
    family = "IPv6";
  } else if (addr->sa_family == AF_UNIX) {
    auto* un = reinterpret_cast<const sockaddr_un*>(addr);
    SetValue(context, out, "address", Utf8String(isolate, un->sun_path));
    return;
  } else {
    return;
  }
  SetValue(context, out, "address", OneByteString(isolate, ip));
  SetValue(context, out, "family", OneByteString(isolate, family));
  SetValue(context, out, "port", v8::Integer::New(isolate, port));
}

namespace {

StreamSocket* Self(const v8::FunctionCallbackInfo<v8::Value>& info) {
  return StreamSocket::Unwrap(info.This());
}

void ReturnBadFd(const v8::FunctionCallbackInfo<v8::Value>& info) {
  info.GetReturnValue().Set(-EBADF);
}

void ReadStartMethod(const v8::FunctionCallbackInfo<v8::Value>& info) {
  StreamSocket* s = Self(info);
  if (s == nullptr) return ReturnBadFd(info);
  info.GetReturnValue().Set(s->ReadStart());
}

void ReadStopMethod(const v8::FunctionCallbackInfo<v8::Value>& info) {
  StreamSocket* s = Self(info);
  if (s == nullptr) return ReturnBadFd(info);
  info.GetReturnValue().Set(s->ReadStop());
}

void SetWriteResult(StreamSocket* s, size_t bytes, bool async) {
  double* state = s->data()->state();
  state[kBytesWritten] = static_cast<double>(bytes);
  state[kLastWriteWasAsync] = async ? 1 : 0;
}

// Encodings JS hands over as numbers (net.js): 0 utf8, 1 latin1, 2 ucs2/utf16le.
enum class Enc { kUtf8 = 0, kLatin1 = 1, kUcs2 = 2, kOther };

Enc ParseEncoding(v8::Local<v8::Value> value) {
  if (!value->IsInt32()) return Enc::kUtf8;
  int32_t code = value.As<v8::Int32>()->Value();
  return code >= 0 && code <= 2 ? static_cast<Enc>(code) : Enc::kOther;
}

// An upper bound of a string's encoded size (exact for latin1/ucs2). Short UTF-8 strings get a
// bound so they are encoded in one pass; long ones are measured.
size_t MaxEncodedLength(v8::Isolate* isolate, v8::Local<v8::String> str, Enc enc) {
  size_t length = static_cast<size_t>(str->Length());
  switch (enc) {
    case Enc::kUtf8:
      if (length <= 16 * 1024) return length * 3;
      return static_cast<size_t>(str->Utf8Length(isolate));
    case Enc::kLatin1:
      return length;
    case Enc::kUcs2:
      return length * 2;
    case Enc::kOther:
      break;
  }
  return 0;
}

// Writes the encoded string; returns its size.
size_t EncodeInto(v8::Isolate* isolate, v8::Local<v8::String> str, Enc enc, char* out,
                  size_t capacity) {
  switch (enc) {
    case Enc::kUtf8:
      return static_cast<size_t>(
          str->WriteUtf8(isolate, out, static_cast<int>(capacity), nullptr,
                         v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8));
    case Enc::kLatin1:
      return static_cast<size_t>(str->WriteOneByte(isolate, reinterpret_cast<uint8_t*>(out), 0,
                                                   -1, v8::String::NO_NULL_TERMINATION));
    case Enc::kUcs2: {
      std::vector<uint16_t> tmp(static_cast<size_t>(str->Length()));
      str->Write(isolate, tmp.data(), 0, -1, v8::String::NO_NULL_TERMINATION);
      memcpy(out, tmp.data(), tmp.size() * 2);
      return tmp.size() * 2;
    }
    case Enc::kOther:
      break;
  }
  return 0;
}

// One piece of a write as JS handed it in; len is exact for views, a bound for strings.
struct Piece {
  v8::Local<v8::ArrayBufferView> view;
  v8::Local<v8::String> string;
  Enc enc = Enc::kUtf8;
  size_t len = 0;
};

// A piece's bytes: a view's own memory, or a string encoded into `scratch` at `*used`.
iovec PieceBytes(v8::Isolate* isolate, const Piece& p, char* scratch, size_t* used) {
  if (!p.view.IsEmpty()) {
    char* base = static_cast<char*>(p.view->Buffer()->Data());
    return {base == nullptr ? nullptr : base + p.view->ByteOffset(), p.len};
  }
  char* out = scratch + *used;
  size_t len = EncodeInto(isolate, p.string, p.enc, out, p.len);
  *used += len;
  return {out, len};
}

// What a write leaves for the queue, from byte `skip` of its pieces on: views stay pinned, the
// encoded strings' bytes are copied.
std::vector<StreamSocket::Chunk> UnsentChunks(const Piece* pieces, const iovec* bytes,
                                              size_t count, size_t skip) {
  std::vector<StreamSocket::Chunk> chunks;
  chunks.reserve(count);
  for (size_t i = 0; i < count; i++) {
    size_t len = bytes[i].iov_len;
    if (skip >= len) {
      skip -= len;
      continue;
    }
    const char* from = static_cast<const char*>(bytes[i].iov_base) + skip;
    StreamSocket::Chunk chunk;
    chunk.len = len - skip;
    skip = 0;
    if (!pieces[i].view.IsEmpty()) {
      chunk.store = pieces[i].view->Buffer()->GetBackingStore();
      chunk.data = from;
    } else {
      chunk.owned.reset(new char[chunk.len]);
      memcpy(chunk.owned.get(), from, chunk.len);
      chunk.data = chunk.owned.get();
    }
    chunks.push_back(std::move(chunk));
  }
  return chunks;
}

// Sends what the kernel takes at once when nothing is queued ahead (as libuv's uv_try_write):
// a write that went out whole is complete for JS right away, and truthfully so — its callback
// may tell another process or exit, and the bytes are already the kernel's. The rest (or the
// whole write, behind queued bytes) waits in the queue and completes through req.oncomplete
// when the ring has sent it.
void DoWrite(const v8::FunctionCallbackInfo<v8::Value>& info, StreamSocket* s,
             const Piece* pieces, size_t count) {
  v8::Isolate* isolate = info.GetIsolate();
  if (!info[0]->IsObject()) return ThrowTypeError(isolate, "write: req must be an object");
  size_t string_bound = 0;
  for (size_t i = 0; i < count; i++) {
    if (pieces[i].view.IsEmpty()) string_bound += pieces[i].len;
  }
  constexpr size_t kStackScratch = 4096;
  char stack_scratch[kStackScratch];
  std::unique_ptr<char[]> heap_scratch;
  char* scratch = stack_scratch;
  if (string_bound > kStackScratch) {
    heap_scratch.reset(new char[string_bound]);
    scratch = heap_scratch.get();
  }
  std::vector<iovec> bytes(count);
  size_t used = 0;
  size_t total = 0;
  for (size_t i = 0; i < count; i++) {
    bytes[i] = PieceBytes(isolate, pieces[i], scratch, &used);
    total += bytes[i].iov_len;
  }
  size_t sent = 0;
  if (s->CanSendNow()) {
    ssize_t result = s->SendNow(bytes.data(), bytes.size());
    if (result < 0 && result != -EAGAIN) {
      SetWriteResult(s, 0, false);
      info.GetReturnValue().Set(static_cast<int>(result));
      return;
    }
    if (result > 0) sent = static_cast<size_t>(result);
    if (sent == total) {
      SetWriteResult(s, total, false);
      info.GetReturnValue().Set(0);
      return;
    }
  }
  std::vector<StreamSocket::Chunk> chunks = UnsentChunks(pieces, bytes.data(), count, sent);
  int err = s->Write(info[0].As<v8::Object>(), chunks.data(), chunks.size());
  SetWriteResult(s, total, err == 0);
  info.GetReturnValue().Set(err);
}

// writeBuffer(req, view)
void WriteBufferMethod(const v8::FunctionCallbackInfo<v8::Value>& info) {
  StreamSocket* s = Self(info);
  if (s == nullptr) return ReturnBadFd(info);
  if (!info[1]->IsArrayBufferView()) {
    return ThrowTypeError(info.GetIsolate(), "writeBuffer: data must be a view");
  }
  Piece piece;
  piece.view = info[1].As<v8::ArrayBufferView>();
  piece.len = piece.view->ByteLength();
  DoWrite(info, s, &piece, 1);
}

// writeString(req, string, encoding): utf8, latin1/binary/ascii, ucs2/utf16le.
void WriteStringMethod(const v8::FunctionCallbackInfo<v8::Value>& info) {
  StreamSocket* s = Self(info);
  if (s == nullptr) return ReturnBadFd(info);
  v8::Isolate* isolate = info.GetIsolate();
  if (!info[1]->IsString()) return ThrowTypeError(isolate, "writeString: data must be a string");
  Piece piece;
  piece.string = info[1].As<v8::String>();
  piece.enc = ParseEncoding(info[2]);
  if (piece.enc == Enc::kOther) {
    return ThrowTypeError(isolate, "writeString: unsupported encoding");
  }
  piece.len = MaxEncodedLength(isolate, piece.string, piece.enc);
  DoWrite(info, s, &piece, 1);
}

// writev(req, chunks, allBuffers): chunks is [view, ...] when allBuffers, else
// [chunk, encoding, chunk, encoding, ...] with strings in utf8/latin1/ucs2.
void WritevMethod(const v8::FunctionCallbackInfo<v8::Value>& info) {
  StreamSocket* s = Self(info);
  if (s == nullptr) return ReturnBadFd(info);
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  if (!info[1]->IsArray()) return ThrowTypeError(isolate, "writev: chunks must be an array");
  v8::Local<v8::Array> array = info[1].As<v8::Array>();
  bool all_buffers = info[2]->IsTrue();
  uint32_t length = array->Length();
  std::vector<Piece> pieces;
  pieces.reserve(all_buffers ? length : length / 2);
  uint32_t step = all_buffers ? 1 : 2;
  for (uint32_t i = 0; i < length; i += step) {
    v8::Local<v8::Value> chunk;
    if (!array->Get(context, i).ToLocal(&chunk)) return;
    Piece piece;
    if (chunk->IsArrayBufferView()) {
      piece.view = chunk.As<v8::ArrayBufferView>();
      piece.len = piece.view->ByteLength();
    } else if (chunk->IsString()) {
      v8::Local<v8::Value> enc;
      if (!all_buffers && !array->Get(context, i + 1).ToLocal(&enc)) return;
      piece.string = chunk.As<v8::String>();
      piece.enc = all_buffers ? Enc::kUtf8 : ParseEncoding(enc);
      if (piece.enc == Enc::kOther) {
        return ThrowTypeError(isolate, "writev: unsupported encoding");
      }
      piece.len = MaxEncodedLength(isolate, piece.string, piece.enc);
    } else {
      return ThrowTypeError(isolate, "writev: chunks must be strings or views");
    }
    pieces.push_back(piece);
  }
  DoWrite(info, s, pieces.data(), pieces.size());
}

void ShutdownMethod(const v8::FunctionCallbackInfo<v8::Value>& info) {
  StreamSocket* s = Self(info);
  if (s == nullptr) return ReturnBadFd(info);
  if (!info[0]->IsObject()) return ThrowTypeError(info.GetIsolate(), "shutdown(req)");
  info.GetReturnValue().Set(s->Shutdown(info[0].As<v8::Object>()));
}

void CloseMethod(const v8::FunctionCallbackInfo<v8::Value>& info) {
  StreamSocket* s = Self(info);
  if (s == nullptr) return;
  s->Close(info[0]);
}

void RefMethod(const v8::FunctionCallbackInfo<v8::Value>& info) {
  StreamSocket* s = Self(info);
  if (s != nullptr) s->SetRef(true);
}

void UnrefMethod(const v8::FunctionCallbackInfo<v8::Value>& info) {
  StreamSocket* s = Self(info);
  if (s != nullptr) s->SetRef(false);
}

// markShared(): the descriptor went to another process (IPC); closing must not shut it down.
void MarkSharedMethod(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (StreamSocket* s = Self(info)) s->set_shared();
}

void HasRefMethod(const v8::FunctionCallbackInfo<v8::Value>& info) {
  StreamSocket* s = Self(info);
  info.GetReturnValue().Set(s != nullptr && s->has_ref());
}

template <bool peer>
void GetNameMethod(const v8::FunctionCallbackInfo<v8::Value>& info) {
  StreamSocket* s = Self(info);
  if (s == nullptr || s->fd() < 0) return ReturnBadFd(info);
  if (!info[0]->IsObject()) return ThrowTypeError(info.GetIsolate(), "getsockname(out)");
  sockaddr_storage addr;
  socklen_t len = sizeof(addr);
  memset(&addr, 0, sizeof(addr));
  int rc = peer ? getpeername(s->fd(), reinterpret_cast<sockaddr*>(&addr), &len)
                : getsockname(s->fd(), reinterpret_cast<sockaddr*>(&addr), &len);
  if (rc != 0) {
    info.GetReturnValue().Set(-errno);
    return;
  }
  AddressToJS(Environment::From(info), reinterpret_cast<sockaddr*>(&addr),
              info[0].As<v8::Object>());
  info.GetReturnValue().Set(0);
}

void SetNoDelayMethod(const v8::FunctionCallbackInfo<v8::Value>& info) {
  StreamSocket* s = Self(info);
  if (s == nullptr) return ReturnBadFd(info);
  info.GetReturnValue().Set(s->SetNoDelay(info[0]->BooleanValue(info.GetIsolate())));
}

void SetKeepAliveMethod(const v8::FunctionCallbackInfo<v8::Value>& info) {
  StreamSocket* s = Self(info);
  if (s == nullptr) return ReturnBadFd(info);
  int delay = info[1]->IsNumber() ? static_cast<int>(info[1].As<v8::Number>()->Value()) : 0;
  info.GetReturnValue().Set(s->SetKeepAlive(info[0]->BooleanValue(info.GetIsolate()), delay));
}

// reset(): the close that follows sends RST instead of FIN (SO_LINGER 0).
void ResetMethod(const v8::FunctionCallbackInfo<v8::Value>& info) {
  StreamSocket* s = Self(info);
  if (s == nullptr || s->fd() < 0) return ReturnBadFd(info);
  linger value = {1, 0};
  int rc = setsockopt(s->fd(), SOL_SOCKET, SO_LINGER, &value, sizeof(value));
  info.GetReturnValue().Set(rc == 0 ? 0 : -errno);
}

// handle.writeQueueSize (a getter): bytes queued in the binding.
void WriteQueueSizeGetter(const v8::FunctionCallbackInfo<v8::Value>& info) {
  StreamSocket* s = Self(info);
  info.GetReturnValue().Set(static_cast<double>(s == nullptr ? 0 : s->write_queue_size()));
}

void BytesReadGetter(v8::Local<v8::Name>, const v8::PropertyCallbackInfo<v8::Value>& info) {
  StreamSocket* s = StreamSocket::Unwrap(info.This());
  info.GetReturnValue().Set(static_cast<double>(s == nullptr ? 0 : s->bytes_read()));
}

// The loop time (getLibuvNow) of the last read handed to a listener (the HTTP parser), or -1.
void LastConsumedReadTimeMethod(const v8::FunctionCallbackInfo<v8::Value>& info) {
  StreamSocket* s = Self(info);
  info.GetReturnValue().Set(s == nullptr ? -1.0 : s->last_consumed_read_ms());
}

void FdGetter(v8::Local<v8::Name>, const v8::PropertyCallbackInfo<v8::Value>& info) {
  StreamSocket* s = StreamSocket::Unwrap(info.This());
  info.GetReturnValue().Set(s == nullptr ? -1 : s->fd());
}

}  // namespace

void AddStreamMethods(v8::Isolate* isolate, v8::Local<v8::FunctionTemplate> tmpl) {
  auto method = [&](const char* name, v8::FunctionCallback cb) {
    SetProtoMethod(isolate, tmpl, name, cb);
  };
  method("readStart", ReadStartMethod);
  method("readStop", ReadStopMethod);
  method("writeBuffer", WriteBufferMethod);
  method("writeString", WriteStringMethod);
  method("writev", WritevMethod);
  method("shutdown", ShutdownMethod);
  method("close", CloseMethod);
  method("ref", RefMethod);
  method("unref", UnrefMethod);
  method("hasRef", HasRefMethod);
  method("markShared", MarkSharedMethod);
  method("getsockname", GetNameMethod<false>);
  method("getpeername", GetNameMethod<true>);
  method("setNoDelay", SetNoDelayMethod);
  method("setKeepAlive", SetKeepAliveMethod);
  method("reset", ResetMethod);
  method("lastConsumedReadTime", LastConsumedReadTimeMethod);
  // A number read through the prototype, as node's LibuvStreamWrap has it.
  tmpl->PrototypeTemplate()->SetAccessorProperty(
      OneByteString(isolate, "writeQueueSize"),
      v8::FunctionTemplate::New(isolate, WriteQueueSizeGetter), v8::Local<v8::FunctionTemplate>(),
      static_cast<v8::PropertyAttribute>(v8::ReadOnly | v8::DontDelete));
  tmpl->InstanceTemplate()->SetAccessor(OneByteString(isolate, "fd"), FdGetter);
  tmpl->InstanceTemplate()->SetAccessor(OneByteString(isolate, "bytesRead"), BytesReadGetter);
}

}  // namespace ringjs::stream
