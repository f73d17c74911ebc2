// internalBinding('fs'): file system calls. This first cut holds the synchronous calls the
// module loader and stdio need; a failed call fills the error context passed last (JS throws
// node's uvException from it).
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>

#include "runtime/binding.h"
#include "runtime/stdio_write.h"

namespace ringjs::fs {
namespace {

v8::Local<v8::Object> ContextArg(const v8::FunctionCallbackInfo<v8::Value>& info, int index) {
  return info[index]->IsObject() ? info[index].As<v8::Object>()
                                 : v8::Object::New(info.GetIsolate());
}

// internalModuleStat(path) -> 0 (file), 1 (directory) or -errno; never throws.
void InternalModuleStat(const v8::FunctionCallbackInfo<v8::Value>& info) {
  std::string path = ToStdString(info.GetIsolate(), info[0]);
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    info.GetReturnValue().Set(-errno);
    return;
  }
  info.GetReturnValue().Set(S_ISDIR(st.st_mode) ? 1 : 0);
}

bool ReadWholeFile(int fd, std::string* out, int* err) {
  char buf[65536];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof(buf));
    if (n < 0) {
      if (errno == EINTR) continue;
      *err = -errno;
      return false;
    }
    if (n == 0) return true;
    out->append(buf, static_cast<size_t>(n));
  }
}

// readFileUtf8(path, ctx) -> string.
void ReadFileUtf8(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Environment* env = Environment::From(info);
  std::string path = ToStdString(isolate, info[0]);
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    FillErrorContext(env, ContextArg(info, 1), -errno, "open", path.c_str());
    return;
  }
  std::string content;
  int err = 0;
  bool ok = ReadWholeFile(fd, &content, &err);
  close(fd);
  if (!ok) {
    FillErrorContext(env, ContextArg(info, 1), err, "read", path.c_str());
    return;
  }
  v8::Local<v8::String> result;
  if (v8::String::NewFromUtf8(isolate, content.data(), v8::NewStringType::kNormal,
                              static_cast<int>(content.size()))
          .ToLocal(&result)) {
    info.GetReturnValue().Set(result);
  }
}

// realpath(path, ctx) -> string.
void RealPath(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  std::string path = ToStdString(isolate, info[0]);
  char buf[PATH_MAX];
  if (realpath(path.c_str(), buf) == nullptr) {
    FillErrorContext(Environment::From(info), ContextArg(info, 1), -errno, "realpath",
                     path.c_str());
    return;
  }
  info.GetReturnValue().Set(Utf8String(isolate, buf));
}

// writeString(fd, string, ctx) -> bytes written. Synchronous: stdout/stderr to files and pipes
// are written this way, as node does on Linux, so output is never lost at exit.
void WriteString(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  if (!info[0]->IsInt32() || !info[1]->IsString()) {
    return ThrowTypeError(isolate, "writeString(fd, string, ctx)");
  }
  int fd = info[0].As<v8::Int32>()->Value();
  v8::String::Utf8Value text(isolate, info[1]);
  int err = WriteAllToFd(fd, *text, static_cast<size_t>(text.length()));
  if (err < 0) {
    FillErrorContext(Environment::From(info), ContextArg(info, 2), err, "write");
    return;
  }
  info.GetReturnValue().Set(text.length());
}

// writeBuffer(fd, view, ctx) -> bytes written (all of them).
void WriteBuffer(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  if (!info[0]->IsInt32() || !info[1]->IsArrayBufferView()) {
    return ThrowTypeError(isolate, "writeBuffer(fd, view, ctx)");
  }
  int fd = info[0].As<v8::Int32>()->Value();
  v8::Local<v8::ArrayBufferView> view = info[1].As<v8::ArrayBufferView>();
  const char* data = static_cast<const char*>(view->Buffer()->GetBackingStore()->Data()) +
                     view->ByteOffset();
  int err = WriteAllToFd(fd, data, view->ByteLength());
  if (err < 0) {
    FillErrorContext(Environment::From(info), ContextArg(info, 2), err, "write");
    return;
  }
  info.GetReturnValue().Set(static_cast<double>(view->ByteLength()));
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  v8::Local<v8::Context> context = env->context();
  SetMethod(context, target, "internalModuleStat", InternalModuleStat);
  SetMethod(context, target, "readFileUtf8", ReadFileUtf8);
  SetMethod(context, target, "realpath", RealPath);
  SetMethod(context, target, "writeString", WriteString);
  SetMethod(context, target, "writeBuffer", WriteBuffer);
}

}  // namespace
}  // namespace ringjs::fs

RINGJS_BINDING(fs, ringjs::fs::Initialize)
