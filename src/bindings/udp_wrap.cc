// internalBinding('udp_wrap'): UDP sockets for node:dgram.
//
//   new UDP()
//   bind(ip, port, flags) / bind6(ip, port, flags)   -> 0 or -errno (UV_UDP_IPV6ONLY,
//                                                      UV_UDP_REUSEADDR)
//   recvStart() / recvStop()        -> 0 or -errno; datagrams arrive as
//                                      handle.onmessage(nread, arrayBuffer, address, family,
//                                      port) (nread < 0: a receive error)
//   send(req, buffers, port, ip) / send6(...), or send(req, buffers) when connected
//                                   -> 0 (req.oncomplete(status, bytes) later) or -errno
//   connect(ip, port) / connect6 / disconnect(), getsockname(out) / getpeername(out)
//   setBroadcast, setTTL, setMulticastTTL, setMulticastLoopback, setMulticastInterface,
//   addMembership/dropMembership(group, iface), add/dropSourceSpecificMembership(src, group,
//   iface), bufferSize(size, isRecv) -> size or -errno, getSendQueueSize/Count,
//   ref/unref/hasRef, close(cb), fd.
//
// Receiving: an edge-triggered Poll on the fd, then non-blocking recvmsg until EAGAIN (the loop
// has no multishot recvmsg with source addresses yet). Sending: one ring sendmsg in flight per
// socket, the rest queued in order; the datagram's buffers are pinned until it completes.
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <deque>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "bindings/stream_base.h"
#include "runtime/binding.h"
#include "runtime/callback_scope.h"

namespace ringjs::udp_wrap {
namespace {

constexpr int kIpv6Only = 1;
constexpr int kReuseAddr = 4;

int tag;

class UdpSocket;

class UdpData : public BindingData {
 public:
  explicit UdpData(Environment* env);
  ~UdpData() override;
  v8::Global<v8::String> onmessage;
  v8::Global<v8::String> oncomplete;
  // Every socket not yet freed: a worker closes them when it ends, as node does.
  std::unordered_set<UdpSocket*> live;
};

// stream::AddressToJS, plus node's "%zone" suffix on a link-local IPv6 address with a scope
// id (the interface name, or the number when the interface is gone).
void UdpAddressToJS(Environment* env, const sockaddr* addr, v8::Local<v8::Object> out) {
  stream::AddressToJS(env, addr, out);
  if (addr->sa_family != AF_INET6) return;
  auto* in6 = reinterpret_cast<const sockaddr_in6*>(addr);
  if (!IN6_IS_ADDR_LINKLOCAL(&in6->sin6_addr) || in6->sin6_scope_id == 0) return;
  char ip[INET6_ADDRSTRLEN + IF_NAMESIZE + 1];
  if (inet_ntop(AF_INET6, &in6->sin6_addr, ip, INET6_ADDRSTRLEN) == nullptr) return;
  char zone[IF_NAMESIZE];
  std::string text = ip;
  text += '%';
  text += if_indextoname(in6->sin6_scope_id, zone) != nullptr
              ? std::string(zone)
              : std::to_string(in6->sin6_scope_id);
  SetValue(env->context(), out, "address", OneByteString(env->isolate(), text.c_str()));
}

struct SendOp {
  v8::Global<v8::Object> req;
  std::vector<std::shared_ptr<v8::BackingStore>> stores;
  std::vector<iovec> iov;
  sockaddr_storage addr{};
  socklen_t addrlen = 0;
  size_t bytes = 0;
};

bool ParseAddress(const std::string& ip, int port, int family, sockaddr_storage* addr,
                  socklen_t* len) {
  memset(addr, 0, sizeof(*addr));
  if (family == AF_INET) {
    auto* in = reinterpret_cast<sockaddr_in*>(addr);
    in->sin_family = AF_INET;
    in->sin_port = htons(static_cast<uint16_t>(port));
    *len = sizeof(sockaddr_in);
    return inet_pton(AF_INET, ip.c_str(), &in->sin_addr) == 1;
  }
  auto* in6 = reinterpret_cast<sockaddr_in6*>(addr);
  in6->sin6_family = AF_INET6;
  in6->sin6_port = htons(static_cast<uint16_t>(port));
  std::string text = ip;
  size_t percent = text.find('%');
  if (percent != std::string::npos) {
    std::string zone = text.substr(percent + 1);
    text = text.substr(0, percent);
    unsigned scope = if_nametoindex(zone.c_str());
    if (scope == 0) scope = static_cast<unsigned>(atoi(zone.c_str()));
    in6->sin6_scope_id = scope;
  }
  *len = sizeof(sockaddr_in6);
  return inet_pton(AF_INET6, text.c_str(), &in6->sin6_addr) == 1;
}

class UdpSocket {
 public:
  UdpSocket(Environment* env, v8::Local<v8::Object> object)
      : env_(env), data_(env->binding_data<UdpData>("udp_wrap")) {
    object->SetAlignedPointerInInternalField(0, this);
    object->SetAlignedPointerInInternalField(1, &tag);
    object_.Reset(env->isolate(), object);
    send_req_.cb = [this](int64_t result) { OnSend(result); };
    defer_req_.cb = [this](int64_t) { OnDeferred(); };
    data_->live.insert(this);
  }

  ~UdpSocket() {
    if (data_ != nullptr) data_->live.erase(this);
    if (!object_.IsEmpty()) {
      v8::HandleScope scope(env_->isolate());
      object_.Get(env_->isolate())->SetAlignedPointerInInternalField(0, nullptr);
      object_.Reset();
    }
  }

  static UdpSocket* Unwrap(v8::Local<v8::Object> object) {
    if (object->InternalFieldCount() != 2 ||
        object->GetAlignedPointerFromInternalField(1) != &tag) {
      return nullptr;
    }
    auto* s = static_cast<UdpSocket*>(object->GetAlignedPointerFromInternalField(0));
    return s == nullptr || s->closing_ ? nullptr : s;
  }

  int fd() const { return fd_; }
  int family() const { return family_; }

  int EnsureSocket(int family) {
    if (fd_ >= 0) return 0;
    int fd = socket(family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return -errno;
    fd_ = fd;
    family_ = family;
    return 0;
  }

  int Bind(const sockaddr* addr, socklen_t len, int flags) {
    if (fd_ >= 0 && bound_) return -EINVAL;
    int err = EnsureSocket(addr->sa_family);
    if (err != 0) return err;
    int on = 1;
    if ((flags & kReuseAddr) != 0 &&
        setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on)) != 0) {
      return -errno;
    }
    if (addr->sa_family == AF_INET6) {
      int v6only = (flags & kIpv6Only) != 0 ? 1 : 0;
      if (setsockopt(fd_, IPPROTO_IPV6, IPV6_V6ONLY, &v6only, sizeof(v6only)) != 0) {
        return -errno;
      }
    }
    if (bind(fd_, addr, len) != 0) return -errno;
    bound_ = true;
    return 0;
  }

  void Adopt(int fd) {
    fd_ = fd;
    sockaddr_storage addr;
    socklen_t len = sizeof(addr);
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) family_ = addr.ss_family;
    bound_ = true;
  }

  int RecvStart() {
    if (fd_ < 0) return -EBADF;
    if (poll_ != nullptr && poll_->IsActive()) return 0;
    if (poll_ == nullptr) poll_ = new loop::Poll(env_->loop());
    int err = poll_->Start(fd_, loop::Poll::kReadable | loop::Poll::kEdgeTriggered,
                           [this](int status, int events) { OnReadable(status); });
    if (err == 0) {
      if (ref_) poll_->Ref();
      else poll_->Unref();
      // Datagrams that arrived before the watch started.
      Drain();
    }
    return err;
  }

  int RecvStop() {
    if (poll_ != nullptr) poll_->Stop();
    return 0;
  }

  int Send(v8::Local<v8::Object> req, v8::Local<v8::Array> buffers, const sockaddr* addr,
           socklen_t addrlen) {
    if (fd_ < 0) return -EBADF;
    v8::Local<v8::Context> context = env_->context();
    auto op = std::make_unique<SendOp>();
    uint32_t n = buffers->Length();
    for (uint32_t i = 0; i < n; i++) {
      v8::Local<v8::Value> value;
      if (!buffers->Get(context, i).ToLocal(&value) || !value->IsArrayBufferView()) {
        return -EINVAL;
      }
      v8::Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
      std::shared_ptr<v8::BackingStore> store = view->Buffer()->GetBackingStore();
      iovec iov;
      iov.iov_base = static_cast<char*>(store->Data()) + view->ByteOffset();
      iov.iov_len = view->ByteLength();
      op->bytes += iov.iov_len;
      op->iov.push_back(iov);
      op->stores.push_back(std::move(store));
    }
    if (addr != nullptr) {
      memcpy(&op->addr, addr, addrlen);
      op->addrlen = addrlen;
    }
    op->req.Reset(env_->isolate(), req);
    CaptureAsyncContext(env_, req);
    queue_bytes_ += op->bytes;
    queue_.push_back(std::move(op));
    SubmitSend();
    return 0;
  }

  int Connect(const sockaddr* addr, socklen_t len) {
    int err = EnsureSocket(addr->sa_family);
    if (err != 0) return err;
    if (connect(fd_, addr, len) != 0) return -errno;
    return 0;
  }

  int Disconnect() {
    sockaddr addr;
    memset(&addr, 0, sizeof(addr));
    addr.sa_family = AF_UNSPEC;
    if (connect(fd_, &addr, sizeof(addr)) != 0 && errno != EAFNOSUPPORT) return -errno;
    return 0;
  }

  void SetRef(bool ref) {
    ref_ = ref;
    if (poll_ != nullptr) {
      if (ref) poll_->Ref();
      else poll_->Unref();
    }
    if (!closing_) env_->loop()->SetRequestRef(&defer_req_, ref);
  }
  bool has_ref() const { return ref_; }
  size_t queue_bytes() const { return queue_bytes_; }
  size_t queue_count() const { return queue_.size(); }

  // A worker's teardown (see UdpData): Close() what JS left open, and once nothing more runs,
  // close the descriptor a send in flight still held.
  void CloseForTeardown() {
    if (!closing_) Close(v8::Undefined(env_->isolate()));
  }
  void ReleaseFdAfterTeardown() {
    data_ = nullptr;
    if (fd_ >= 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }

  void Close(v8::Local<v8::Value> cb) {
    if (closing_) return;
    closing_ = true;
    if (cb->IsFunction()) close_cb_.Reset(env_->isolate(), cb);
    if (poll_ != nullptr) {
      loop::Poll* poll = poll_;
      poll_ = nullptr;
      poll_closing_ = true;
      poll->Close([this, poll] {
        delete poll;
        poll_closing_ = false;
        MaybeFinishClose();
      });
    }
    if (send_req_.in_flight()) {
      env_->loop()->Cancel(&send_req_);
    } else if (fd_ >= 0) {
      // As uv_close: the port is free once close() returns (a datagram sent to it right
      // after is refused), unless a send still holds the fd.
      ::close(fd_);
      fd_ = -1;
    }
    // The close callback always comes from a later completion.
    Defer([] {});
  }

 private:
  void OnReadable(int status) {
    if (closing_ || env_->is_stopping()) return;
    if (status < 0) {
      Emit(status, nullptr, 0, nullptr);
      return;
    }
    Drain();
  }

  // Reads every queued datagram.
  void Drain() {
    char buf[65536];
    for (int i = 0; i < 1024 && !closing_ && poll_ != nullptr && poll_->IsActive(); i++) {
      sockaddr_storage from;
      iovec iov = {buf, sizeof(buf)};
      msghdr msg{};
      msg.msg_name = &from;
      msg.msg_namelen = sizeof(from);
      msg.msg_iov = &iov;
      msg.msg_iovlen = 1;
      ssize_t n = recvmsg(fd_, &msg, MSG_DONTWAIT);
      if (n < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK) return;
        if (errno == EINTR) continue;
        Emit(-errno, nullptr, 0, nullptr);
        return;
      }
      Emit(n, buf, static_cast<size_t>(n), reinterpret_cast<sockaddr*>(&from));
    }
  }

  void Emit(ssize_t nread, const char* data, size_t len, const sockaddr* from) {
    v8::Isolate* isolate = env_->isolate();
    CallbackScope scope(env_);
    v8::Local<v8::Object> self = object_.Get(isolate);
    v8::Local<v8::Value> fn;
    if (!self->Get(env_->context(), data_->onmessage.Get(isolate)).ToLocal(&fn) ||
        !fn->IsFunction()) {
      return;
    }
    v8::Local<v8::Value> argv[5] = {v8::Integer::New(isolate, static_cast<int>(nread)),
                                    v8::Undefined(isolate), v8::Undefined(isolate),
                                    v8::Undefined(isolate), v8::Undefined(isolate)};
    if (nread >= 0) {
      std::unique_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(isolate, len);
      if (len > 0) memcpy(store->Data(), data, len);
      argv[1] = v8::ArrayBuffer::New(isolate, std::move(store));
      v8::Local<v8::Object> info = v8::Object::New(isolate);
      UdpAddressToJS(env_, from, info);
      v8::Local<v8::Context> context = env_->context();
      v8::Local<v8::Value> v;
      if (info->Get(context, OneByteString(isolate, "address")).ToLocal(&v)) argv[2] = v;
      if (info->Get(context, OneByteString(isolate, "family")).ToLocal(&v)) argv[3] = v;
      if (info->Get(context, OneByteString(isolate, "port")).ToLocal(&v)) argv[4] = v;
    }
    USE(scope.Call(fn.As<v8::Function>(), self, 5, argv));
  }

  void SubmitSend() {
    if (send_req_.in_flight() || send_error_scheduled_ || queue_.empty() || closing_) return;
    SendOp* op = queue_.front().get();
    memset(&msg_, 0, sizeof(msg_));
    if (op->addrlen != 0) {
      msg_.msg_name = &op->addr;
      msg_.msg_namelen = op->addrlen;
    }
    msg_.msg_iov = op->iov.empty() ? nullptr : op->iov.data();
    msg_.msg_iovlen = op->iov.size();
    // A send keeps the loop alive even on an unref()'d socket, as libuv's send requests do.
    int err = env_->loop()->Sendmsg(&send_req_, fd_, &msg_, 0);
    if (err != 0) {
      // This datagram's completion, a turn later.
      send_error_scheduled_ = true;
      Defer([this, err] {
        send_error_scheduled_ = false;
        OnSend(err);
      });
    }
  }

  void OnSend(int64_t result) {
    std::unique_ptr<SendOp> op;
    if (!queue_.empty()) {
      op = std::move(queue_.front());
      queue_.pop_front();
      queue_bytes_ -= op->bytes;
    }
    if (closing_ || env_->is_stopping()) {
      queue_.clear();
      queue_bytes_ = 0;
      if (closing_) MaybeFinishClose();
      return;
    }
    SubmitSend();
    if (op == nullptr) return;
    v8::Isolate* isolate = env_->isolate();
    CallbackScope scope(env_);
    v8::Local<v8::Object> req = op->req.Get(isolate);
    v8::Local<v8::Value> fn;
    if (!req->Get(env_->context(), data_->oncomplete.Get(isolate)).ToLocal(&fn) ||
        !fn->IsFunction()) {
      return;
    }
    v8::Local<v8::Value> argv[] = {
        v8::Integer::New(isolate, result < 0 ? static_cast<int>(result) : 0),
        v8::Number::New(isolate, result < 0 ? 0 : static_cast<double>(result))};
    USE(scope.Call(fn.As<v8::Function>(), req, 2, argv));
  }

  void Defer(std::function<void()> fn) {
    deferred_.push_back(std::move(fn));
    if (defer_req_.in_flight()) return;
    env_->loop()->SetRequestRef(&defer_req_, ref_ || closing_);
    if (env_->loop()->Timeout(&defer_req_, 0) != 0) {
      env_->loop()->QueuePending([this] { OnDeferred(); });
    }
  }

  void OnDeferred() {
    std::vector<std::function<void()>> fns;
    fns.swap(deferred_);
    for (auto& fn : fns) {
      if (env_->is_stopping()) break;
      fn();
    }
    if (closing_) MaybeFinishClose();
  }

  void MaybeFinishClose() {
    if (finished_ || poll_closing_ || send_req_.in_flight() || defer_req_.in_flight()) return;
    finished_ = true;
    queue_.clear();
    if (fd_ >= 0) {
      ::close(fd_);
      fd_ = -1;
    }
    if (!env_->is_stopping() && !close_cb_.IsEmpty()) {
      v8::Isolate* isolate = env_->isolate();
      CallbackScope scope(env_);
      v8::Local<v8::Value> cb = close_cb_.Get(isolate);
      close_cb_.Reset();
      USE(scope.Call(cb.As<v8::Function>(), object_.Get(isolate), 0, nullptr));
    }
    UdpSocket* self = this;
    env_->loop()->QueuePending([self] { delete self; });
  }

  Environment* env_;
  UdpData* data_;
  v8::Global<v8::Object> object_;
  int fd_ = -1;
  int family_ = 0;
  bool bound_ = false;
  bool ref_ = true;
  bool closing_ = false;
  bool finished_ = false;
  bool poll_closing_ = false;
  bool send_error_scheduled_ = false;
  loop::Poll* poll_ = nullptr;
  loop::Request send_req_;
  loop::Request defer_req_;
  std::vector<std::function<void()>> deferred_;
  msghdr msg_{};
  std::deque<std::unique_ptr<SendOp>> queue_;
  size_t queue_bytes_ = 0;
  v8::Global<v8::Value> close_cb_;
};

UdpData::UdpData(Environment* env) {
  v8::Isolate* isolate = env->isolate();
  onmessage.Reset(isolate, OneByteString(isolate, "onmessage"));
  oncomplete.Reset(isolate, OneByteString(isolate, "oncomplete"));
  if (!env->is_main_thread()) {
    env->AddCleanupHook([this, isolate] {
      std::vector<UdpSocket*> sockets(live.begin(), live.end());
      v8::HandleScope scope(isolate);
      for (UdpSocket* socket : sockets) socket->CloseForTeardown();
    });
  }
}

UdpData::~UdpData() {
  for (UdpSocket* socket : live) socket->ReleaseFdAfterTeardown();
}

UdpSocket* Self(const v8::FunctionCallbackInfo<v8::Value>& info) {
  return UdpSocket::Unwrap(info.This());
}

#define SELF_OR_EBADF()                                          \
  UdpSocket* s = Self(info);                                     \
  if (s == nullptr) return info.GetReturnValue().Set(-EBADF)

int IntArg(const v8::FunctionCallbackInfo<v8::Value>& info, int i) {
  return info[i]->IsNumber() ? static_cast<int>(info[i].As<v8::Number>()->Value()) : 0;
}

void New(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!info.IsConstructCall()) return ThrowTypeError(info.GetIsolate(), "UDP needs new");
  new UdpSocket(Environment::From(info), info.This());
  CaptureAsyncContext(Environment::From(info), info.This());
}

template <int family>
void Bind(const v8::FunctionCallbackInfo<v8::Value>& info) {
  SELF_OR_EBADF();
  sockaddr_storage addr;
  socklen_t len;
  if (!ParseAddress(ToStdString(info.GetIsolate(), info[0]), IntArg(info, 1), family, &addr,
                    &len)) {
    return info.GetReturnValue().Set(-EINVAL);
  }
  info.GetReturnValue().Set(s->Bind(reinterpret_cast<sockaddr*>(&addr), len, IntArg(info, 2)));
}

void Open(const v8::FunctionCallbackInfo<v8::Value>& info) {
  SELF_OR_EBADF();
  int fd = IntArg(info, 0);
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0) return info.GetReturnValue().Set(-errno);
  if ((flags & O_NONBLOCK) == 0) fcntl(fd, F_SETFL, flags | O_NONBLOCK);
  s->Adopt(fd);
  info.GetReturnValue().Set(0);
}

void RecvStart(const v8::FunctionCallbackInfo<v8::Value>& info) {
  SELF_OR_EBADF();
  info.GetReturnValue().Set(s->RecvStart());
}

void RecvStop(const v8::FunctionCallbackInfo<v8::Value>& info) {
  SELF_OR_EBADF();
  info.GetReturnValue().Set(s->RecvStop());
}

// send(req, buffers[, port, ip]) — without port/ip on a connected socket.
template <int family>
void Send(const v8::FunctionCallbackInfo<v8::Value>& info) {
  SELF_OR_EBADF();
  v8::Isolate* isolate = info.GetIsolate();
  if (!info[0]->IsObject() || !info[1]->IsArray()) {
    return ThrowTypeError(isolate, "send(req, buffers, port, ip)");
  }
  sockaddr_storage addr;
  socklen_t len = 0;
  bool to_address = info.Length() >= 4 && info[3]->IsString();
  if (to_address) {
    if (!ParseAddress(ToStdString(isolate, info[3]), IntArg(info, 2), family, &addr, &len)) {
      return info.GetReturnValue().Set(-EINVAL);
    }
    int err = s->EnsureSocket(family);
    if (err != 0) return info.GetReturnValue().Set(err);
  }
  info.GetReturnValue().Set(s->Send(info[0].As<v8::Object>(), info[1].As<v8::Array>(),
                                    to_address ? reinterpret_cast<sockaddr*>(&addr) : nullptr,
                                    len));
}

template <int family>
void Connect(const v8::FunctionCallbackInfo<v8::Value>& info) {
  SELF_OR_EBADF();
  sockaddr_storage addr;
  socklen_t len;
  if (!ParseAddress(ToStdString(info.GetIsolate(), info[0]), IntArg(info, 1), family, &addr,
                    &len)) {
    return info.GetReturnValue().Set(-EINVAL);
  }
  info.GetReturnValue().Set(s->Connect(reinterpret_cast<sockaddr*>(&addr), len));
}

void Disconnect(const v8::FunctionCallbackInfo<v8::Value>& info) {
  SELF_OR_EBADF();
  info.GetReturnValue().Set(s->Disconnect());
}

template <bool peer>
void GetName(const v8::FunctionCallbackInfo<v8::Value>& info) {
  SELF_OR_EBADF();
  if (!info[0]->IsObject() || s->fd() < 0) return info.GetReturnValue().Set(-EBADF);
  sockaddr_storage addr;
  socklen_t len = sizeof(addr);
  int rc = peer ? getpeername(s->fd(), reinterpret_cast<sockaddr*>(&addr), &len)
                : getsockname(s->fd(), reinterpret_cast<sockaddr*>(&addr), &len);
  if (rc != 0) return info.GetReturnValue().Set(-errno);
  UdpAddressToJS(Environment::From(info), reinterpret_cast<sockaddr*>(&addr),
                 info[0].As<v8::Object>());
  info.GetReturnValue().Set(0);
}

int SetOpt(UdpSocket* s, int level4, int name4, int level6, int name6, int value) {
  if (s->fd() < 0) return -EBADF;
  bool v6 = s->family() == AF_INET6;
  int rc;
  if (v6 && level6 >= 0) {
    rc = setsockopt(s->fd(), level6, name6, &value, sizeof(value));
  } else {
    rc = setsockopt(s->fd(), level4, name4, &value, sizeof(value));
  }
  return rc == 0 ? 0 : -errno;
}

void SetBroadcast(const v8::FunctionCallbackInfo<v8::Value>& info) {
  SELF_OR_EBADF();
  info.GetReturnValue().Set(
      SetOpt(s, SOL_SOCKET, SO_BROADCAST, -1, 0, info[0]->BooleanValue(info.GetIsolate())));
}

void SetTTL(const v8::FunctionCallbackInfo<v8::Value>& info) {
  SELF_OR_EBADF();
  info.GetReturnValue().Set(
      SetOpt(s, IPPROTO_IP, IP_TTL, IPPROTO_IPV6, IPV6_UNICAST_HOPS, IntArg(info, 0)));
}

void SetMulticastTTL(const v8::FunctionCallbackInfo<v8::Value>& info) {
  SELF_OR_EBADF();
  info.GetReturnValue().Set(SetOpt(s, IPPROTO_IP, IP_MULTICAST_TTL, IPPROTO_IPV6,
                                   IPV6_MULTICAST_HOPS, IntArg(info, 0)));
}

void SetMulticastLoopback(const v8::FunctionCallbackInfo<v8::Value>& info) {
  SELF_OR_EBADF();
  info.GetReturnValue().Set(SetOpt(s, IPPROTO_IP, IP_MULTICAST_LOOP, IPPROTO_IPV6,
                                   IPV6_MULTICAST_LOOP,
                                   info[0]->BooleanValue(info.GetIsolate()) ? 1 : 0));
}

void SetMulticastInterface(const v8::FunctionCallbackInfo<v8::Value>& info) {
  SELF_OR_EBADF();
  std::string iface = ToStdString(info.GetIsolate(), info[0]);
  // As libuv: an IPv4 address sets IP_MULTICAST_IF, else "ipv6[%zone]" sets IPV6_MULTICAST_IF
  // to the zone's interface, whatever the socket's family (the kernel answers a mismatch);
  // anything else ('', 'undefined') is EINVAL.
  in_addr addr4;
  in6_addr addr6;
  size_t percent = iface.find('%');
  int rc;
  if (inet_pton(AF_INET, iface.c_str(), &addr4) == 1) {
    rc = setsockopt(s->fd(), IPPROTO_IP, IP_MULTICAST_IF, &addr4, sizeof(addr4));
  } else if (inet_pton(AF_INET6, iface.substr(0, percent).c_str(), &addr6) == 1) {
    unsigned index = 0;
    if (percent != std::string::npos) {
      std::string zone = iface.substr(percent + 1);
      index = if_nametoindex(zone.c_str());
      if (index == 0) index = static_cast<unsigned>(atoi(zone.c_str()));
    }
    rc = setsockopt(s->fd(), IPPROTO_IPV6, IPV6_MULTICAST_IF, &index, sizeof(index));
  } else {
    return info.GetReturnValue().Set(-EINVAL);
  }
  info.GetReturnValue().Set(rc == 0 ? 0 : -errno);
}

template <bool add>
void Membership(const v8::FunctionCallbackInfo<v8::Value>& info) {
  SELF_OR_EBADF();
  v8::Isolate* isolate = info.GetIsolate();
  std::string group = ToStdString(isolate, info[0]);
  std::string iface = info[1]->IsString() ? ToStdString(isolate, info[1]) : "";
  int rc;
  in6_addr g6;
  if (inet_pton(AF_INET6, group.c_str(), &g6) == 1) {
    ipv6_mreq mreq{};
    mreq.ipv6mr_multiaddr = g6;
    if (!iface.empty()) mreq.ipv6mr_interface = if_nametoindex(iface.c_str());
    rc = setsockopt(s->fd(), IPPROTO_IPV6, add ? IPV6_ADD_MEMBERSHIP : IPV6_DROP_MEMBERSHIP,
                    &mreq, sizeof(mreq));
  } else {
    ip_mreq mreq{};
    if (inet_pton(AF_INET, group.c_str(), &mreq.imr_multiaddr) != 1) {
      return info.GetReturnValue().Set(-EINVAL);
    }
    mreq.imr_interface.s_addr = htonl(INADDR_ANY);
    if (!iface.empty() && inet_pton(AF_INET, iface.c_str(), &mreq.imr_interface) != 1) {
      return info.GetReturnValue().Set(-EINVAL);
    }
    rc = setsockopt(s->fd(), IPPROTO_IP, add ? IP_ADD_MEMBERSHIP : IP_DROP_MEMBERSHIP, &mreq,
                    sizeof(mreq));
  }
  info.GetReturnValue().Set(rc == 0 ? 0 : -errno);
}

template <bool add>
void SourceMembership(const v8::FunctionCallbackInfo<v8::Value>& info) {
  SELF_OR_EBADF();
  v8::Isolate* isolate = info.GetIsolate();
  std::string source = ToStdString(isolate, info[0]);
  std::string group = ToStdString(isolate, info[1]);
  std::string iface = info[2]->IsString() ? ToStdString(isolate, info[2]) : "";
  ip_mreq_source mreq{};
  if (inet_pton(AF_INET, source.c_str(), &mreq.imr_sourceaddr) != 1 ||
      inet_pton(AF_INET, group.c_str(), &mreq.imr_multiaddr) != 1) {
    return info.GetReturnValue().Set(-EINVAL);
  }
  mreq.imr_interface.s_addr = htonl(INADDR_ANY);
  if (!iface.empty() && inet_pton(AF_INET, iface.c_str(), &mreq.imr_interface) != 1) {
    return info.GetReturnValue().Set(-EINVAL);
  }
  int rc = setsockopt(s->fd(), IPPROTO_IP,
                      add ? IP_ADD_SOURCE_MEMBERSHIP : IP_DROP_SOURCE_MEMBERSHIP, &mreq,
                      sizeof(mreq));
  info.GetReturnValue().Set(rc == 0 ? 0 : -errno);
}

// bufferSize(size, isRecv): sets it when size > 0; returns the value (Linux reports double).
void BufferSize(const v8::FunctionCallbackInfo<v8::Value>& info) {
  SELF_OR_EBADF();
  int size = IntArg(info, 0);
  int name = info[1]->IsTrue() ? SO_RCVBUF : SO_SNDBUF;
  if (s->fd() < 0) return info.GetReturnValue().Set(-EBADF);
  if (size > 0 && setsockopt(s->fd(), SOL_SOCKET, name, &size, sizeof(size)) != 0) {
    return info.GetReturnValue().Set(-errno);
  }
  int value = 0;
  socklen_t len = sizeof(value);
  if (getsockopt(s->fd(), SOL_SOCKET, name, &value, &len) != 0) {
    return info.GetReturnValue().Set(-errno);
  }
  info.GetReturnValue().Set(value);
}

void GetSendQueueSize(const v8::FunctionCallbackInfo<v8::Value>& info) {
  UdpSocket* s = Self(info);
  info.GetReturnValue().Set(static_cast<double>(s == nullptr ? 0 : s->queue_bytes()));
}

void GetSendQueueCount(const v8::FunctionCallbackInfo<v8::Value>& info) {
  UdpSocket* s = Self(info);
  info.GetReturnValue().Set(static_cast<double>(s == nullptr ? 0 : s->queue_count()));
}

void Ref(const v8::FunctionCallbackInfo<v8::Value>& info) {
  UdpSocket* s = Self(info);
  if (s != nullptr) s->SetRef(true);
}

void Unref(const v8::FunctionCallbackInfo<v8::Value>& info) {
  UdpSocket* s = Self(info);
  if (s != nullptr) s->SetRef(false);
}

void HasRef(const v8::FunctionCallbackInfo<v8::Value>& info) {
  UdpSocket* s = Self(info);
  info.GetReturnValue().Set(s != nullptr && s->has_ref());
}

void Close(const v8::FunctionCallbackInfo<v8::Value>& info) {
  UdpSocket* s = Self(info);
  if (s != nullptr) s->Close(info[0]);
}

void FdGetter(v8::Local<v8::Name>, const v8::PropertyCallbackInfo<v8::Value>& info) {
  UdpSocket* s = UdpSocket::Unwrap(info.This());
  info.GetReturnValue().Set(s == nullptr ? -1 : s->fd());
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  env->set_binding_data("udp_wrap", std::make_unique<UdpData>(env));

  v8::Local<v8::FunctionTemplate> tmpl = v8::FunctionTemplate::New(isolate, New);
  tmpl->InstanceTemplate()->SetInternalFieldCount(2);
  tmpl->SetClassName(OneByteString(isolate, "UDP"));
  auto method = [&](const char* name, v8::FunctionCallback cb) {
    SetProtoMethod(isolate, tmpl, name, cb);
  };
  method("bind", Bind<AF_INET>);
  method("bind6", Bind<AF_INET6>);
  method("open", Open);
  method("recvStart", RecvStart);
  method("recvStop", RecvStop);
  method("send", Send<AF_INET>);
  method("send6", Send<AF_INET6>);
  method("connect", Connect<AF_INET>);
  method("connect6", Connect<AF_INET6>);
  method("disconnect", Disconnect);
  method("getsockname", GetName<false>);
  method("getpeername", GetName<true>);
  method("setBroadcast", SetBroadcast);
  method("setTTL", SetTTL);
  method("setMulticastTTL", SetMulticastTTL);
  method("setMulticastLoopback", SetMulticastLoopback);
  method("setMulticastInterface", SetMulticastInterface);
  method("addMembership", Membership<true>);
  method("dropMembership", Membership<false>);
  method("addSourceSpecificMembership", SourceMembership<true>);
  method("dropSourceSpecificMembership", SourceMembership<false>);
  method("bufferSize", BufferSize);
  method("getSendQueueSize", GetSendQueueSize);
  method("getSendQueueCount", GetSendQueueCount);
  method("ref", Ref);
  method("unref", Unref);
  method("hasRef", HasRef);
  method("close", Close);
  tmpl->InstanceTemplate()->SetAccessor(OneByteString(isolate, "fd"), FdGetter);
  SetValue(context, target, "UDP", tmpl->GetFunction(context).ToLocalChecked());

  v8::Local<v8::Object> constants = v8::Object::New(isolate);
  SetConstant(context, constants, "UV_UDP_IPV6ONLY", kIpv6Only);
  SetConstant(context, constants, "UV_UDP_REUSEADDR", kReuseAddr);
  SetValue(context, target, "constants", constants);
}

}  // namespace
}  // namespace ringjs::udp_wrap

RINGJS_BINDING(udp_wrap, ringjs::udp_wrap::Initialize)
