// internalBinding('process_methods'): process.* calls that are plain syscalls, the entry
// options, process.env, and the lifecycle hooks the bootstrap registers.
#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include <ares.h>
#include <brotli/encode.h>
#include <llhttp.h>
#include <openssl/opensslv.h>
#include <zlib.h>

#include "bindings/stream_base.h"
#include "runtime/array_buffer_allocator.h"
#include "runtime/binding.h"
#include "runtime/node_options_env.h"
#include "runtime/process_exit.h"
#include "runtime/stdio_write.h"
#include "runtime/version.h"

extern char** environ;

namespace ringjs::process_methods {
namespace {

const uint64_t kStartTimeNs = loop::Loop::HrTime();

// Wall-clock milliseconds at the same moment, for performance.timeOrigin.
double WallClockMs() {
  timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}
const double kStartWallMs = WallClockMs();

void Cwd(const v8::FunctionCallbackInfo<v8::Value>& info) {
  char buf[PATH_MAX];
  if (getcwd(buf, sizeof(buf)) == nullptr) {
    // JS turns the negative errno into node's uv error.
    info.GetReturnValue().Set(-errno);
    return;
  }
  info.GetReturnValue().Set(Utf8String(info.GetIsolate(), buf));
}

// chdir(path) -> 0 or -errno.
void Chdir(const v8::FunctionCallbackInfo<v8::Value>& info) {
  std::string path = ToStdString(info.GetIsolate(), info[0]);
  info.GetReturnValue().Set(chdir(path.c_str()) == 0 ? 0 : -errno);
}

// umask() reads without changing (the race node also has); umask(mask) sets and returns old.
void Umask(const v8::FunctionCallbackInfo<v8::Value>& info) {
  mode_t old;
  if (info[0]->IsUint32()) {
    old = umask(static_cast<mode_t>(info[0].As<v8::Uint32>()->Value()));
  } else {
    old = umask(0);
    umask(old);
  }
  info.GetReturnValue().Set(static_cast<uint32_t>(old));
}

// hrtime() -> [seconds, nanoseconds]; hrtimeBigInt() -> bigint nanoseconds.
void Hrtime(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  uint64_t t = loop::Loop::HrTime();
  v8::Local<v8::Value> parts[] = {v8::Number::New(isolate, static_cast<double>(t / 1000000000)),
                                  v8::Number::New(isolate, static_cast<double>(t % 1000000000))};
  info.GetReturnValue().Set(v8::Array::New(isolate, parts, 2));
}

void HrtimeBigInt(const v8::FunctionCallbackInfo<v8::Value>& info) {
  info.GetReturnValue().Set(v8::BigInt::NewFromUnsigned(info.GetIsolate(), loop::Loop::HrTime()));
}

void Uptime(const v8::FunctionCallbackInfo<v8::Value>& info) {
  double seconds = static_cast<double>(loop::Loop::HrTime() - kStartTimeNs) / 1e9;
  info.GetReturnValue().Set(seconds);
}

size_t ResidentSetSize() {
  std::ifstream statm("/proc/self/statm");
  size_t pages_total = 0, pages_resident = 0;
  statm >> pages_total >> pages_resident;
  return pages_resident * static_cast<size_t>(sysconf(_SC_PAGESIZE));
}

void Rss(const v8::FunctionCallbackInfo<v8::Value>& info) {
  info.GetReturnValue().Set(static_cast<double>(ResidentSetSize()));
}

void MemoryUsage(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::HeapStatistics stats;
  isolate->GetHeapStatistics(&stats);
  v8::Local<v8::Object> result = v8::Object::New(isolate);
  auto set = [&](const char* name, double value) {
    SetValue(context, result, name, v8::Number::New(isolate, value));
  };
  set("rss", static_cast<double>(ResidentSetSize()));
  set("heapTotal", static_cast<double>(stats.total_heap_size()));
  set("heapUsed", static_cast<double>(stats.used_heap_size()));
  set("external", static_cast<double>(stats.external_memory()));
  set("arrayBuffers", static_cast<double>(ArrayBufferAllocator::BytesInUse()));
  info.GetReturnValue().Set(result);
}

void CpuUsage(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  double user = usage.ru_utime.tv_sec * 1e6 + usage.ru_utime.tv_usec;
  double system = usage.ru_stime.tv_sec * 1e6 + usage.ru_stime.tv_usec;
  v8::Local<v8::Value> parts[] = {v8::Number::New(isolate, user), v8::Number::New(isolate, system)};
  info.GetReturnValue().Set(v8::Array::New(isolate, parts, 2));
}

void ResourceUsage(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  rusage u;
  getrusage(RUSAGE_SELF, &u);
  double values[] = {u.ru_utime.tv_sec * 1e6 + u.ru_utime.tv_usec,
                     u.ru_stime.tv_sec * 1e6 + u.ru_stime.tv_usec,
                     static_cast<double>(u.ru_maxrss),
                     static_cast<double>(u.ru_ixrss),
                     static_cast<double>(u.ru_idrss),
                     static_cast<double>(u.ru_isrss),
                     static_cast<double>(u.ru_minflt),
                     static_cast<double>(u.ru_majflt),
                     static_cast<double>(u.ru_nswap),
                     static_cast<double>(u.ru_inblock),
                     static_cast<double>(u.ru_oublock),
                     static_cast<double>(u.ru_msgsnd),
                     static_cast<double>(u.ru_msgrcv),
                     static_cast<double>(u.ru_nsignals),
                     static_cast<double>(u.ru_nvcsw),
                     static_cast<double>(u.ru_nivcsw)};
  v8::Local<v8::Array> result = v8::Array::New(isolate, 16);
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  for (uint32_t i = 0; i < 16; i++) {
    result->Set(context, i, v8::Number::New(isolate, values[i])).Check();
  }
  info.GetReturnValue().Set(result);
}

void ReallyExit(const v8::FunctionCallbackInfo<v8::Value>& info) {
  // JS validated the code as an integer (or integer string, as node accepts).
  int code = info[0]->Int32Value(info.GetIsolate()->GetCurrentContext()).FromMaybe(0);
  ExitProcess(Environment::From(info), code);
}

// kill(pid, signal) -> 0 or -errno.
void Kill(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
  int pid = info[0]->Int32Value(context).FromMaybe(0);
  int sig = info[1]->Int32Value(context).FromMaybe(SIGTERM);
  info.GetReturnValue().Set(kill(pid, sig) == 0 ? 0 : -errno);
}

void RawDebug(const v8::FunctionCallbackInfo<v8::Value>& info) {
  std::string text = ToStdString(info.GetIsolate(), info[0]) + "\n";
  WriteAllToFd(STDERR_FILENO, text.data(), text.size());
}

void SetTitle(const v8::FunctionCallbackInfo<v8::Value>& info) {
  std::string title = ToStdString(info.GetIsolate(), info[0]);
  prctl(PR_SET_NAME, title.c_str(), 0, 0, 0);
}

// setLifecycleCallbacks(emitBeforeExit, emitExit).
void SetLifecycleCallbacks(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  if (!info[0]->IsFunction() || !info[1]->IsFunction()) {
    return ThrowTypeError(info.GetIsolate(), "expected two functions");
  }
  env->emit_before_exit.Reset(info.GetIsolate(), info[0].As<v8::Function>());
  env->emit_exit.Reset(info.GetIsolate(), info[1].As<v8::Function>());
}

v8::Local<v8::Array> ToArray(v8::Isolate* isolate, const std::vector<std::string>& items) {
  v8::Local<v8::Array> array = v8::Array::New(isolate, static_cast<int>(items.size()));
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  for (size_t i = 0; i < items.size(); i++) {
    array->Set(context, static_cast<uint32_t>(i), Utf8String(isolate, items[i])).Check();
  }
  return array;
}

// getEntryOptions(): what main.cc parsed, for internal/main/run_main.js.
void GetEntryOptions(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = env->context();
  const CliOptions& options = env->options();
  static const char* const kKinds[] = {"file", "eval", "print", "stdin", "none", "test"};
  v8::Local<v8::Object> result = v8::Object::New(isolate);
  SetValue(context, result, "kind", OneByteString(isolate, kKinds[static_cast<int>(options.entry)]));
  SetValue(context, result, "script", Utf8String(isolate, options.script));
  SetValue(context, result, "args", ToArray(isolate, options.argv));
  SetValue(context, result, "execArgv", ToArray(isolate, options.exec_argv));
  SetValue(context, result, "envExecArgv", ToArray(isolate, options.env_exec_argv));
  SetValue(context, result, "allowedEnvironmentFlags", ToArray(isolate, AllowedEnvironmentFlags()));
  SetValue(context, result, "execPath", Utf8String(isolate, options.exec_path));
  SetValue(context, result, "argv0", Utf8String(isolate, options.argv0));
  info.GetReturnValue().Set(result);
}

// process.env: a live view of the C environment, as node's env proxy.
void EnvGetter(v8::Local<v8::Name> property, const v8::PropertyCallbackInfo<v8::Value>& info) {
  if (!property->IsString()) return;
  std::string key = ToStdString(info.GetIsolate(), property);
  const char* value = getenv(key.c_str());
  if (value != nullptr) info.GetReturnValue().Set(Utf8String(info.GetIsolate(), value));
}

// Calls envHooks.onNonPrimitive (set by JS under --pending-deprecation for DEP0104) when a
// value other than a string, number or boolean is stored; false if it threw.
bool WarnNonPrimitiveEnvValue(const v8::PropertyCallbackInfo<v8::Value>& info) {
  if (!info.Data()->IsObject()) return true;
  v8::Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
  v8::Local<v8::Value> hook;
  if (!info.Data().As<v8::Object>()->Get(context, OneByteString(info.GetIsolate(),
                                                                "onNonPrimitive"))
           .ToLocal(&hook)) {
    return false;
  }
  if (!hook->IsFunction()) return true;
  return !hook.As<v8::Function>()->Call(context, v8::Undefined(info.GetIsolate()), 0, nullptr)
              .IsEmpty();
}

void EnvSetter(v8::Local<v8::Name> property, v8::Local<v8::Value> value,
               const v8::PropertyCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  if (!property->IsString() || value->IsSymbol()) {
    // As node: a symbol key or value cannot become an environment string.
    return ThrowTypeError(isolate, "Cannot convert a Symbol value to a string");
  }
  if (!value->IsString() && !value->IsNumber() && !value->IsBoolean() &&
      !WarnNonPrimitiveEnvValue(info)) {
    return;
  }
  v8::Local<v8::String> string_value;
  if (!value->ToString(isolate->GetCurrentContext()).ToLocal(&string_value)) return;
  std::string key = ToStdString(isolate, property);
  std::string val = ToStdString(isolate, string_value);
  if (!key.empty() && key.find('=') == std::string::npos) setenv(key.c_str(), val.c_str(), 1);
  // Dates follow a new TZ at once, as in node.
  if (key == "TZ") {
    tzset();
    isolate->DateTimeConfigurationChangeNotification(
        v8::Isolate::TimeZoneDetection::kRedetect);
  }
  info.GetReturnValue().Set(value);
}

void EnvQuery(v8::Local<v8::Name> property, const v8::PropertyCallbackInfo<v8::Integer>& info) {
  if (!property->IsString()) return;
  std::string key = ToStdString(info.GetIsolate(), property);
  if (getenv(key.c_str()) != nullptr) info.GetReturnValue().Set(static_cast<int32_t>(v8::None));
}

void EnvDeleter(v8::Local<v8::Name> property, const v8::PropertyCallbackInfo<v8::Boolean>& info) {
  if (!property->IsString()) return;
  std::string key = ToStdString(info.GetIsolate(), property);
  unsetenv(key.c_str());
  info.GetReturnValue().Set(true);
}

void EnvEnumerator(const v8::PropertyCallbackInfo<v8::Array>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  std::vector<std::string> keys;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; entry++) {
    const char* eq = std::strchr(*entry, '=');
    if (eq != nullptr) keys.emplace_back(*entry, eq - *entry);
  }
  info.GetReturnValue().Set(ToArray(isolate, keys));
}

// Only plain data properties fit the environment (node's ERR_INVALID_OBJECT_DEFINE_PROPERTY).
void EnvDefiner(v8::Local<v8::Name> property, const v8::PropertyDescriptor& desc,
                const v8::PropertyCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  const char* problem = nullptr;
  if (desc.has_get() || desc.has_set()) {
    problem = "'process.env' does not accept an accessor(getter/setter) descriptor";
  } else if (!desc.has_configurable() || !desc.configurable() || !desc.has_writable() ||
             !desc.writable() || !desc.has_enumerable() || !desc.enumerable()) {
    problem = "'process.env' only accepts a configurable, writable, and enumerable data descriptor";
  }
  if (problem != nullptr) {
    v8::Local<v8::Value> error = v8::Exception::TypeError(OneByteString(isolate, problem));
    v8::Local<v8::Object> object;
    if (error->ToObject(isolate->GetCurrentContext()).ToLocal(&object)) {
      SetValue(isolate->GetCurrentContext(), object, "code",
               OneByteString(isolate, "ERR_INVALID_OBJECT_DEFINE_PROPERTY"));
    }
    isolate->ThrowException(error);
    return;
  }
  if (desc.has_value()) EnvSetter(property, desc.value(), info);
}

// hooks: the handlers' data, where JS can put envHooks.onNonPrimitive.
v8::Local<v8::Object> CreateEnvObject(v8::Isolate* isolate, v8::Local<v8::Context> context,
                                      v8::Local<v8::Object> hooks) {
  v8::Local<v8::ObjectTemplate> tmpl = v8::ObjectTemplate::New(isolate);
  tmpl->SetHandler(v8::NamedPropertyHandlerConfiguration(
      EnvGetter, EnvSetter, EnvQuery, EnvDeleter, EnvEnumerator, EnvDefiner, nullptr,
      hooks, v8::PropertyHandlerFlags::kHasNoSideEffect));
  return tmpl->NewInstance(context).ToLocalChecked();
}

// process.versions entries that come from the libraries we link.
v8::Local<v8::Object> CreateVersions(v8::Isolate* isolate, v8::Local<v8::Context> context) {
  v8::Local<v8::Object> versions = v8::Object::New(isolate);
  auto set = [&](const char* name, const std::string& value) {
    SetValue(context, versions, name, Utf8String(isolate, value));
  };
  uint32_t brotli = BrotliEncoderVersion();
  set("node", kNodeVersion);
  set("ringjs", kRingjsVersion);
  set("v8", v8::V8::GetVersion());
  // liburing 2.3 has no version macro; pkg-config's version comes in from CMake.
  set("uring", RINGJS_URING_VERSION);
  set("llhttp", std::to_string(LLHTTP_VERSION_MAJOR) + "." + std::to_string(LLHTTP_VERSION_MINOR) +
                    "." + std::to_string(LLHTTP_VERSION_PATCH));
  set("openssl", OPENSSL_VERSION_STR);
  set("zlib", ZLIB_VERSION);
  set("ares", ares_version(nullptr));
  set("brotli", std::to_string(brotli >> 24) + "." + std::to_string((brotli >> 12) & 0xfff) + "." +
                    std::to_string(brotli & 0xfff));
  set("modules", "115");
  return versions;
}

// dlopenCheck(path) -> '' when the shared object loads, else dlerror()'s text. ringjs cannot
// run native addons (no N-API yet), but a file that is not one fails as node reports it.
void DlopenCheck(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  std::string path = ToStdString(isolate, info[0]);
  void* handle = dlopen(path.c_str(), RTLD_LAZY | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* error = dlerror();
    info.GetReturnValue().Set(Utf8String(isolate, error != nullptr ? error : "dlopen failed"));
    return;
  }
  dlclose(handle);
  info.GetReturnValue().Set(v8::String::Empty(isolate));
}

// V8 asks this at a throw nothing catches when its own --abort-on-uncaught-exception is on
// (v8.setFlagsFromString). As node, whose answer also needs its command-line option: never
// abort there; the command-line option is handled where the exception is reported
// (internal/process/execution.js), after a capture callback had its chance.
bool ShouldAbortOnUncaughtException(v8::Isolate*) { return false; }

// getActiveSocketHandles(): [handle, resourceName, ...] for each open, ref'd TCP or pipe
// socket (the JS side maps handles to their net.Socket / net.Server); a connect in flight adds
// [undefined, 'ConnectWrap'] (a request, listed first by node).
void GetActiveSocketHandles(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  v8::Local<v8::Array> result = v8::Array::New(isolate);
  uint32_t index = 0;
  auto add = [&](v8::Local<v8::Value> handle, const char* name) {
    return result->Set(context, index++, handle).IsJust() &&
           result->Set(context, index++, OneByteString(isolate, name)).IsJust();
  };
  for (stream::StreamSocket* socket : stream::GetStreamData(env)->sockets) {
    if (!socket->IsAliveAndRefed()) continue;
    if (socket->connecting() && !add(v8::Undefined(isolate), "ConnectWrap")) return;
    if (!add(socket->object(), socket->ResourceName())) return;
  }
  info.GetReturnValue().Set(result);
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  SetMethod(context, target, "cwd", Cwd);
  SetMethod(context, target, "chdir", Chdir);
  SetMethod(context, target, "umask", Umask);
  SetMethod(context, target, "hrtime", Hrtime);
  SetMethod(context, target, "hrtimeBigInt", HrtimeBigInt);
  SetMethod(context, target, "uptime", Uptime);
  SetMethod(context, target, "rss", Rss);
  SetMethod(context, target, "memoryUsage", MemoryUsage);
  SetMethod(context, target, "cpuUsage", CpuUsage);
  SetMethod(context, target, "resourceUsage", ResourceUsage);
  SetMethod(context, target, "reallyExit", ReallyExit);
  SetMethod(context, target, "kill", Kill);
  SetMethod(context, target, "rawDebug", RawDebug);
  SetMethod(context, target, "setTitle", SetTitle);
  SetMethod(context, target, "setLifecycleCallbacks", SetLifecycleCallbacks);
  SetMethod(context, target, "getEntryOptions", GetEntryOptions);
  SetMethod(context, target, "dlopenCheck", DlopenCheck);
  SetMethod(context, target, "getActiveSocketHandles", GetActiveSocketHandles);
  isolate->SetAbortOnUncaughtExceptionCallback(ShouldAbortOnUncaughtException);
  v8::Local<v8::Object> env_hooks = v8::Object::New(isolate);
  SetValue(context, target, "envHooks", env_hooks);
  SetValue(context, target, "env", CreateEnvObject(isolate, context, env_hooks));
  SetValue(context, target, "pid", v8::Integer::New(isolate, getpid()));
  SetValue(context, target, "ppid", v8::Integer::New(isolate, getppid()));
  SetValue(context, target, "versions", CreateVersions(isolate, context));
  // performance.timeOrigin and the monotonic origin performance.now() counts from.
  SetValue(context, target, "timeOrigin", v8::Number::New(isolate, kStartWallMs));
  SetValue(context, target, "timeOriginHrMs",
           v8::Number::New(isolate, static_cast<double>(kStartTimeNs) / 1e6));
  SetValue(context, target, "backend", OneByteString(isolate, env->loop()->backend_name()));
}

}  // namespace
}  // namespace ringjs::process_methods

RINGJS_BINDING(process_methods, ringjs::process_methods::Initialize)
