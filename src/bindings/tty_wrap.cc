// internalBinding('tty_wrap'): terminal queries. The TTY stream handle comes with stdin support.
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/binding.h"

namespace ringjs::tty_wrap {
namespace {

void IsTTY(const v8::FunctionCallbackInfo<v8::Value>& info) {
  int fd = info[0]->IsInt32() ? info[0].As<v8::Int32>()->Value() : -1;
  info.GetReturnValue().Set(fd >= 0 && isatty(fd) == 1);
}

// getWindowSize(fd) -> [columns, rows] or -errno.
void GetWindowSize(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  int fd = info[0]->IsInt32() ? info[0].As<v8::Int32>()->Value() : -1;
  winsize size;
  if (ioctl(fd, TIOCGWINSZ, &size) != 0) {
    info.GetReturnValue().Set(-errno);
    return;
  }
  v8::Local<v8::Value> parts[] = {v8::Integer::New(isolate, size.ws_col),
                                  v8::Integer::New(isolate, size.ws_row)};
  info.GetReturnValue().Set(v8::Array::New(isolate, parts, 2));
}

// guessHandleType(fd): 'TTY', 'FILE', 'PIPE', 'TCP', 'UDP', 'UNIX' or 'UNKNOWN' (as libuv).
void GuessHandleType(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  int fd = info[0]->IsInt32() ? info[0].As<v8::Int32>()->Value() : -1;
  const char* type = "UNKNOWN";
  struct stat st;
  if (fd >= 0 && fstat(fd, &st) == 0) {
    if (isatty(fd)) {
      type = "TTY";
    } else if (S_ISREG(st.st_mode) || S_ISCHR(st.st_mode)) {
      type = "FILE";
    } else if (S_ISFIFO(st.st_mode)) {
      type = "PIPE";
    } else if (S_ISSOCK(st.st_mode)) {
      int sock_type = 0;
      socklen_t len = sizeof(sock_type);
      sockaddr_storage addr;
      socklen_t addr_len = sizeof(addr);
      if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &sock_type, &len) == 0 &&
          getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &addr_len) == 0) {
        if (addr.ss_family == AF_UNIX) {
          type = "PIPE";
        } else if (sock_type == SOCK_STREAM) {
          type = "TCP";
        } else if (sock_type == SOCK_DGRAM) {
          type = "UDP";
        }
      }
    }
  }
  info.GetReturnValue().Set(OneByteString(isolate, type));
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  v8::Local<v8::Context> context = env->context();
  SetMethod(context, target, "isTTY", IsTTY);
  SetMethod(context, target, "getWindowSize", GetWindowSize);
  SetMethod(context, target, "guessHandleType", GuessHandleType);
}

}  // namespace
}  // namespace ringjs::tty_wrap

RINGJS_BINDING(tty_wrap, ringjs::tty_wrap::Initialize)
