// internalBinding('tcp_wrap'): TCP socket handles for node:net (see stream_base.h for the
// stream methods), and getaddrinfo on the thread pool for dns.lookup.
//
//   new TCP(type)                       type: constants.SOCKET or constants.SERVER
//   bind(ip, port, flags) / bind6(ip, port, flags)   -> 0 or -errno (flags: UV_TCP_IPV6ONLY,
//                                                       UV_TCP_REUSEPORT)
//   listen(backlog)                     -> 0 or -errno; handle.onconnection(status, client)
//   connect(req, ip, port) / connect6   -> 0 or -errno; req.oncomplete(status) later
//   open(fd)                            -> 0 or -errno
//   getaddrinfo(req, hostname, family, flags) -> 0; req.oncomplete(status, addresses)
//       (status 0 or a libuv-style UV_EAI_* / -errno; addresses in the resolver's order)
//   getnameinfo(req, ip, port) -> 0 or -EINVAL; req.oncomplete(status, hostname, service)
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "bindings/stream_base.h"
#include "runtime/binding.h"
#include "runtime/callback_scope.h"

namespace ringjs::tcp_wrap {
namespace {

using stream::StreamSocket;

constexpr int kSocket = 0;
constexpr int kServer = 1;
constexpr int kIpv6Only = 1;
constexpr int kReusePort = 2;

void New(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!info.IsConstructCall()) return ThrowTypeError(info.GetIsolate(), "TCP needs new");
  // Owned by its JS object until close() finishes (stream_base.cc).
  new StreamSocket(Environment::From(info), info.This(), stream::SocketKind::kTcp);
}

StreamSocket* Self(const v8::FunctionCallbackInfo<v8::Value>& info) {
  return StreamSocket::Unwrap(info.This());
}

// Parses ip:port into addr; false if ip is not a literal of that family.
bool ParseAddress(v8::Isolate* isolate, v8::Local<v8::Value> ip, v8::Local<v8::Value> port,
                  int family, sockaddr_storage* addr, socklen_t* len) {
  std::string text = ToStdString(isolate, ip);
  int port_number = port->IsNumber() ? static_cast<int>(port.As<v8::Number>()->Value()) : 0;
  memset(addr, 0, sizeof(*addr));
  if (family == AF_INET) {
    auto* in = reinterpret_cast<sockaddr_in*>(addr);
    in->sin_family = AF_INET;
    in->sin_port = htons(static_cast<uint16_t>(port_number));
    if (inet_pton(AF_INET, text.c_str(), &in->sin_addr) != 1) return false;
    *len = sizeof(sockaddr_in);
    return true;
  }
  auto* in6 = reinterpret_cast<sockaddr_in6*>(addr);
  in6->sin6_family = AF_INET6;
  in6->sin6_port = htons(static_cast<uint16_t>(port_number));
  // A zone (fe80::1%eth0) becomes the scope id.
  size_t percent = text.find('%');
  if (percent != std::string::npos) {
    std::string zone = text.substr(percent + 1);
    text = text.substr(0, percent);
    unsigned scope = if_nametoindex(zone.c_str());
    if (scope == 0) scope = static_cast<unsigned>(atoi(zone.c_str()));
    in6->sin6_scope_id = scope;
  }
  if (inet_pton(AF_INET6, text.c_str(), &in6->sin6_addr) != 1) return false;
  *len = sizeof(sockaddr_in6);
  return true;
}

template <int family>
void Bind(const v8::FunctionCallbackInfo<v8::Value>& info) {
  StreamSocket* s = Self(info);
  if (s == nullptr) return info.GetReturnValue().Set(-EBADF);
  sockaddr_storage addr;
  socklen_t len;
  if (!ParseAddress(info.GetIsolate(), info[0], info[1], family, &addr, &len)) {
    return info.GetReturnValue().Set(-EINVAL);
  }
  int flags = info[2]->IsInt32() ? info[2].As<v8::Int32>()->Value() : 0;
  info.GetReturnValue().Set(s->Bind(reinterpret_cast<sockaddr*>(&addr), len, flags));
}

void Listen(const v8::FunctionCallbackInfo<v8::Value>& info) {
  StreamSocket* s = Self(info);
  if (s == nullptr) return info.GetReturnValue().Set(-EBADF);
  int backlog = info[0]->IsInt32() ? info[0].As<v8::Int32>()->Value() : 511;
  info.GetReturnValue().Set(s->Listen(backlog));
}

template <int family>
void Connect(const v8::FunctionCallbackInfo<v8::Value>& info) {
  StreamSocket* s = Self(info);
  if (s == nullptr) return info.GetReturnValue().Set(-EBADF);
  if (!info[0]->IsObject()) return ThrowTypeError(info.GetIsolate(), "connect(req, ip, port)");
  sockaddr_storage addr;
  socklen_t len;
  if (!ParseAddress(info.GetIsolate(), info[1], info[2], family, &addr, &len)) {
    return info.GetReturnValue().Set(-EINVAL);
  }
  info.GetReturnValue().Set(
      s->Connect(info[0].As<v8::Object>(), reinterpret_cast<sockaddr*>(&addr), len));
}

void Open(const v8::FunctionCallbackInfo<v8::Value>& info) {
  StreamSocket* s = Self(info);
  if (s == nullptr) return info.GetReturnValue().Set(-EBADF);
  if (!info[0]->IsInt32()) return ThrowTypeError(info.GetIsolate(), "open(fd)");
  int fd = info[0].As<v8::Int32>()->Value();
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0) return info.GetReturnValue().Set(-errno);
  if ((flags & O_NONBLOCK) == 0 && fcntl(fd, F_SETFL, flags | O_NONBLOCK) != 0) {
    return info.GetReturnValue().Set(-errno);
  }
  s->Adopt(fd, 0);
  info.GetReturnValue().Set(0);
}

// ---- getaddrinfo -----------------------------------------------------------------------------

int TranslateGaiError(int err) {
  switch (err) {
#ifdef EAI_ADDRFAMILY
    case EAI_ADDRFAMILY: return -3000;
#endif
    case EAI_AGAIN: return -3001;
    case EAI_BADFLAGS: return -3002;
#ifdef EAI_CANCELED
    case EAI_CANCELED: return -3003;
#endif
    case EAI_FAIL: return -3004;
    case EAI_FAMILY: return -3005;
    case EAI_MEMORY: return -3006;
#ifdef EAI_NODATA
    case EAI_NODATA: return -3007;
#endif
    case EAI_NONAME: return -3008;
    case EAI_OVERFLOW: return -3009;
    case EAI_SERVICE: return -3010;
    case EAI_SOCKTYPE: return -3011;
    case EAI_SYSTEM: return -errno;
    default: return -3004;
  }
}

struct GaiRequest {
  Environment* env;
  v8::Global<v8::Object> req;
  std::string hostname;
  int family = 0;
  int flags = 0;
  int status = 0;
  std::vector<std::string> addresses;
};

void GetAddrInfo(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  v8::Isolate* isolate = info.GetIsolate();
  if (!info[0]->IsObject() || !info[1]->IsString()) {
    return ThrowTypeError(isolate, "getaddrinfo(req, hostname, family, flags)");
  }
  auto* op = new GaiRequest();
  op->env = env;
  op->req.Reset(isolate, info[0].As<v8::Object>());
  CaptureAsyncContext(env, info[0].As<v8::Object>());
  op->hostname = ToStdString(isolate, info[1]);
  int family = info[2]->IsInt32() ? info[2].As<v8::Int32>()->Value() : 0;
  op->family = family == 4 ? AF_INET : family == 6 ? AF_INET6 : AF_UNSPEC;
  op->flags = info[3]->IsInt32() ? info[3].As<v8::Int32>()->Value() : 0;
  env->loop()->QueueWork(
      [op] {
        addrinfo hints;
        memset(&hints, 0, sizeof(hints));
        hints.ai_family = op->family;
        hints.ai_socktype = SOCK_STREAM;
        hints.ai_flags = op->flags;
        addrinfo* result = nullptr;
        int err = getaddrinfo(op->hostname.c_str(), nullptr, &hints, &result);
        if (err != 0) {
          op->status = TranslateGaiError(err);
          return;
        }
        for (addrinfo* ai = result; ai != nullptr; ai = ai->ai_next) {
          char ip[INET6_ADDRSTRLEN];
          if (ai->ai_family == AF_INET) {
            inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(ai->ai_addr)->sin_addr, ip,
                      sizeof(ip));
          } else if (ai->ai_family == AF_INET6) {
            inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(ai->ai_addr)->sin6_addr, ip,
                      sizeof(ip));
          } else {
            continue;
          }
          op->addresses.emplace_back(ip);
        }
        freeaddrinfo(result);
        if (op->addresses.empty()) op->status = -3008;
      },
      [op](int) {
        std::unique_ptr<GaiRequest> owned(op);
        Environment* env = op->env;
        if (env->is_stopping()) return;
        v8::Isolate* isolate = env->isolate();
        CallbackScope scope(env);
        v8::Local<v8::Context> context = env->context();
        v8::Local<v8::Object> req = op->req.Get(isolate);
        v8::Local<v8::Value> fn;
        if (!req->Get(context, stream::GetStreamData(env)->oncomplete()).ToLocal(&fn) ||
            !fn->IsFunction()) {
          return;
        }
        std::vector<v8::Local<v8::Value>> list;
        list.reserve(op->addresses.size());
        for (const std::string& a : op->addresses) list.push_back(OneByteString(isolate, a.c_str()));
        v8::Local<v8::Value> argv[] = {v8::Integer::New(isolate, op->status),
                                       v8::Array::New(isolate, list.data(), list.size())};
        USE(scope.Call(fn.As<v8::Function>(), req, 2, argv));
      });
}

struct NameInfoRequest {
  Environment* env;
  v8::Global<v8::Object> req;
  sockaddr_storage addr{};
  socklen_t addrlen = 0;
  int status = 0;
  char host[NI_MAXHOST] = "";
  char service[NI_MAXSERV] = "";
};

// getnameinfo(req, ip, port) -> 0 or -EINVAL; req.oncomplete(status, hostname, service).
void GetNameInfo(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  v8::Isolate* isolate = info.GetIsolate();
  if (!info[0]->IsObject() || !info[1]->IsString()) {
    return ThrowTypeError(isolate, "getnameinfo(req, ip, port)");
  }
  auto op = std::make_unique<NameInfoRequest>();
  std::string ip = ToStdString(isolate, info[1]);
  v8::Local<v8::Value> port = info[2];
  if (!ParseAddress(isolate, info[1], port, AF_INET, &op->addr, &op->addrlen) &&
      !ParseAddress(isolate, info[1], port, AF_INET6, &op->addr, &op->addrlen)) {
    return info.GetReturnValue().Set(-EINVAL);
  }
  op->env = env;
  op->req.Reset(isolate, info[0].As<v8::Object>());
  CaptureAsyncContext(env, info[0].As<v8::Object>());
  NameInfoRequest* raw = op.release();
  env->loop()->QueueWork(
      [raw] {
        int err = getnameinfo(reinterpret_cast<sockaddr*>(&raw->addr), raw->addrlen, raw->host,
                              sizeof(raw->host), raw->service, sizeof(raw->service),
                              NI_NAMEREQD);
        if (err != 0) raw->status = TranslateGaiError(err);
      },
      [raw](int) {
        std::unique_ptr<NameInfoRequest> owned(raw);
        Environment* env = raw->env;
        if (env->is_stopping()) return;
        v8::Isolate* isolate = env->isolate();
        CallbackScope scope(env);
        v8::Local<v8::Object> req = raw->req.Get(isolate);
        v8::Local<v8::Value> fn;
        if (!req->Get(env->context(), stream::GetStreamData(env)->oncomplete()).ToLocal(&fn) ||
            !fn->IsFunction()) {
          return;
        }
        v8::Local<v8::Value> argv[] = {v8::Integer::New(isolate, raw->status),
                                       Utf8String(isolate, raw->host),
                                       Utf8String(isolate, raw->service)};
        USE(scope.Call(fn.As<v8::Function>(), req, 3, argv));
      });
  info.GetReturnValue().Set(0);
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  stream::StreamData* data = stream::GetStreamData(env);

  v8::Local<v8::FunctionTemplate> tmpl = v8::FunctionTemplate::New(isolate, New);
  tmpl->InstanceTemplate()->SetInternalFieldCount(stream::kInternalFields);
  tmpl->SetClassName(OneByteString(isolate, "TCP"));
  stream::AddStreamMethods(isolate, tmpl);
  auto method = [&](const char* name, v8::FunctionCallback cb) {
    SetProtoMethod(isolate, tmpl, name, cb);
  };
  method("bind", Bind<AF_INET>);
  method("bind6", Bind<AF_INET6>);
  method("listen", Listen);
  method("connect", Connect<AF_INET>);
  method("connect6", Connect<AF_INET6>);
  method("open", Open);
  v8::Local<v8::Function> ctor = tmpl->GetFunction(context).ToLocalChecked();
  data->tcp_constructor.Reset(isolate, ctor);
  SetValue(context, target, "TCP", ctor);

  v8::Local<v8::Object> constants = v8::Object::New(isolate);
  SetConstant(context, constants, "SOCKET", kSocket);
  SetConstant(context, constants, "SERVER", kServer);
  SetConstant(context, constants, "UV_TCP_IPV6ONLY", kIpv6Only);
  SetConstant(context, constants, "UV_TCP_REUSEPORT", kReusePort);
  SetConstant(context, constants, "UV_EOF", stream::kEof);
  SetConstant(context, constants, "AI_ADDRCONFIG", AI_ADDRCONFIG);
  SetConstant(context, constants, "AI_V4MAPPED", AI_V4MAPPED);
  SetConstant(context, constants, "AI_ALL", AI_ALL);
  SetValue(context, target, "constants", constants);
  SetValue(context, target, "streamState", data->state_array());
  SetMethod(context, target, "getaddrinfo", GetAddrInfo);
  SetMethod(context, target, "getnameinfo", GetNameInfo);
}

}  // namespace
}  // namespace ringjs::tcp_wrap

RINGJS_BINDING(tcp_wrap, ringjs::tcp_wrap::Initialize)
