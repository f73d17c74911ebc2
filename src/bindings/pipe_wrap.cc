// internalBinding('pipe_wrap'): Unix domain socket handles for node:net (stream methods in
// stream_base.h).
//
//   new Pipe(type)                  type: constants.SOCKET or constants.SERVER
//   bind(path) / listen(backlog)    -> 0 or -errno; handle.onconnection(status, client)
//   connect(req, path)              -> 0 or -errno; req.oncomplete(status) later
//   open(fd)                        -> 0 or -errno
//   close(cb)                       a socket file this handle bound is removed (as libuv's)
#include <errno.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <string>

#include "bindings/stream_base.h"
#include "runtime/binding.h"

namespace ringjs::pipe_wrap {
namespace {

using stream::StreamSocket;

void New(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!info.IsConstructCall()) return ThrowTypeError(info.GetIsolate(), "Pipe needs new");
  new StreamSocket(Environment::From(info), info.This(), stream::SocketKind::kPipe);
}

StreamSocket* Self(const v8::FunctionCallbackInfo<v8::Value>& info) {
  return StreamSocket::Unwrap(info.This());
}

// Fills a sockaddr_un.
int PathAddress(v8::Isolate* isolate, v8::Local<v8::Value> value, sockaddr_un* addr,
                socklen_t* len) {
  std::string path = ToStdString(isolate, value);
  memset(addr, 0, sizeof(*addr));
  addr->sun_family = AF_UNIX;
  // A path longer than sun_path is cut to fit, as libuv does for node (bind and connect cut
  // it the same way, so they still meet).
  if (path.size() >= sizeof(addr->sun_path)) path.resize(sizeof(addr->sun_path) - 1);
  memcpy(addr->sun_path, path.data(), path.size());
  *len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + path.size() + 1);
  // An abstract socket (leading NUL) has no terminator.
  if (!path.empty() && path[0] == '\0') *len -= 1;
  return 0;
}

// The path a handle bound, kept on its JS object for close().
v8::Local<v8::Private> BoundPathKey(v8::Isolate* isolate) {
  return v8::Private::ForApi(isolate, OneByteString(isolate, "ringjs:pipe_wrap:boundPath"));
}

void Bind(const v8::FunctionCallbackInfo<v8::Value>& info) {
  StreamSocket* s = Self(info);
  if (s == nullptr) return info.GetReturnValue().Set(-EBADF);
  sockaddr_un addr;
  socklen_t len;
  int err = PathAddress(info.GetIsolate(), info[0], &addr, &len);
  if (err == 0) err = s->Bind(reinterpret_cast<sockaddr*>(&addr), len, 0);
  // An abstract socket (leading NUL) has no file to remove.
  if (err == 0 && addr.sun_path[0] != '\0') {
    v8::Isolate* isolate = info.GetIsolate();
    USE(info.This()->SetPrivate(isolate->GetCurrentContext(), BoundPathKey(isolate),
                                OneByteString(isolate, addr.sun_path)));
  }
  info.GetReturnValue().Set(err);
}

void Close(const v8::FunctionCallbackInfo<v8::Value>& info) {
  StreamSocket* s = Self(info);
  if (s == nullptr || s->closing()) return;
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Value> path;
  if (info.This()->GetPrivate(context, BoundPathKey(isolate)).ToLocal(&path) &&
      path->IsString()) {
    unlink(ToStdString(isolate, path).c_str());
    USE(info.This()->DeletePrivate(context, BoundPathKey(isolate)));
  }
  s->Close(info[0]);
}

void Listen(const v8::FunctionCallbackInfo<v8::Value>& info) {
  StreamSocket* s = Self(info);
  if (s == nullptr) return info.GetReturnValue().Set(-EBADF);
  int backlog = info[0]->IsInt32() ? info[0].As<v8::Int32>()->Value() : 511;
  info.GetReturnValue().Set(s->Listen(backlog));
}

void Connect(const v8::FunctionCallbackInfo<v8::Value>& info) {
  StreamSocket* s = Self(info);
  if (s == nullptr) return info.GetReturnValue().Set(-EBADF);
  if (!info[0]->IsObject()) return ThrowTypeError(info.GetIsolate(), "connect(req, path)");
  sockaddr_un addr;
  socklen_t len;
  int err = PathAddress(info.GetIsolate(), info[1], &addr, &len);
  if (err == 0) {
    err = s->Connect(info[0].As<v8::Object>(), reinterpret_cast<sockaddr*>(&addr), len);
  }
  info.GetReturnValue().Set(err);
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
  s->Adopt(fd, AF_UNIX);
  info.GetReturnValue().Set(0);
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  stream::StreamData* data = stream::GetStreamData(env);

  v8::Local<v8::FunctionTemplate> tmpl = v8::FunctionTemplate::New(isolate, New);
  tmpl->InstanceTemplate()->SetInternalFieldCount(stream::kInternalFields);
  tmpl->SetClassName(OneByteString(isolate, "Pipe"));
  stream::AddStreamMethods(isolate, tmpl);
  auto method = [&](const char* name, v8::FunctionCallback cb) {
    SetProtoMethod(isolate, tmpl, name, cb);
  };
  method("bind", Bind);
  method("listen", Listen);
  method("connect", Connect);
  method("open", Open);
  method("close", Close);  // Replaces the stream's close.
  // As node's Pipe: no socket names (net reports undefined addresses for Unix sockets).
  tmpl->PrototypeTemplate()->Set(isolate, "getsockname", v8::Undefined(isolate));
  tmpl->PrototypeTemplate()->Set(isolate, "getpeername", v8::Undefined(isolate));
  v8::Local<v8::Function> ctor = tmpl->GetFunction(context).ToLocalChecked();
  data->pipe_constructor.Reset(isolate, ctor);
  SetValue(context, target, "Pipe", ctor);

  v8::Local<v8::Object> constants = v8::Object::New(isolate);
  SetConstant(context, constants, "SOCKET", 0);
  SetConstant(context, constants, "SERVER", 1);
  SetConstant(context, constants, "IPC", 2);
  SetValue(context, target, "constants", constants);
  SetValue(context, target, "streamState", data->state_array());
}

}  // namespace
}  // namespace ringjs::pipe_wrap

RINGJS_BINDING(pipe_wrap, ringjs::pipe_wrap::Initialize)
