// internalBinding('tty_wrap'): terminal queries. The TTY stream handle comes with stdin support.
#include <sys/ioctl.h>
#include <unistd.h>

#include "runtime/binding.h"
#include "runtime/handle_type.h"
#include "runtime/terminal_state.h"

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

void GuessHandleType(const v8::FunctionCallbackInfo<v8::Value>& info) {
  int fd = info[0]->IsInt32() ? info[0].As<v8::Int32>()->Value() : -1;
  info.GetReturnValue().Set(OneByteString(info.GetIsolate(), ringjs::GuessHandleType(fd)));
}

// setRawMode(fd, raw) -> 0 or -errno.
void SetRawMode(const v8::FunctionCallbackInfo<v8::Value>& info) {
  int fd = info[0]->IsInt32() ? info[0].As<v8::Int32>()->Value() : -1;
  info.GetReturnValue().Set(SetTerminalRawMode(fd, info[1]->IsTrue()));
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  v8::Local<v8::Context> context = env->context();
  SetMethod(context, target, "isTTY", IsTTY);
  SetMethod(context, target, "getWindowSize", GetWindowSize);
  SetMethod(context, target, "guessHandleType", GuessHandleType);
  SetMethod(context, target, "setRawMode", SetRawMode);
}

}  // namespace
}  // namespace ringjs::tty_wrap

RINGJS_BINDING(tty_wrap, ringjs::tty_wrap::Initialize)
