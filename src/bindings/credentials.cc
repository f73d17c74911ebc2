// internalBinding('credentials'): user and group ids, and getenv that ignores the environment
// in setuid programs (as node's safeGetenv).
#include <grp.h>
#include <sys/auxv.h>
#include <unistd.h>

#include <cstdlib>
#include <vector>

#include "runtime/binding.h"

namespace ringjs::credentials {
namespace {

void SafeGetenv(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (getauxval(AT_SECURE) != 0) return;
  std::string key = ToStdString(info.GetIsolate(), info[0]);
  const char* value = getenv(key.c_str());
  if (value != nullptr) info.GetReturnValue().Set(Utf8String(info.GetIsolate(), value));
}

void GetUid(const v8::FunctionCallbackInfo<v8::Value>& info) {
  info.GetReturnValue().Set(static_cast<uint32_t>(getuid()));
}
void GetEuid(const v8::FunctionCallbackInfo<v8::Value>& info) {
  info.GetReturnValue().Set(static_cast<uint32_t>(geteuid()));
}
void GetGid(const v8::FunctionCallbackInfo<v8::Value>& info) {
  info.GetReturnValue().Set(static_cast<uint32_t>(getgid()));
}
void GetEgid(const v8::FunctionCallbackInfo<v8::Value>& info) {
  info.GetReturnValue().Set(static_cast<uint32_t>(getegid()));
}

void GetGroups(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  int count = getgroups(0, nullptr);
  std::vector<gid_t> groups(count > 0 ? count : 0);
  if (count > 0) count = getgroups(count, groups.data());
  // Node appends the effective gid when it is not in the list.
  gid_t egid = getegid();
  bool has_egid = false;
  for (int i = 0; i < count; i++) has_egid = has_egid || groups[i] == egid;
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Array> result = v8::Array::New(isolate);
  uint32_t n = 0;
  for (int i = 0; i < count; i++) {
    result->Set(context, n++, v8::Integer::NewFromUnsigned(isolate, groups[i])).Check();
  }
  if (!has_egid) result->Set(context, n, v8::Integer::NewFromUnsigned(isolate, egid)).Check();
  info.GetReturnValue().Set(result);
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  v8::Local<v8::Context> context = env->context();
  SetMethod(context, target, "safeGetenv", SafeGetenv);
  SetMethod(context, target, "getuid", GetUid);
  SetMethod(context, target, "geteuid", GetEuid);
  SetMethod(context, target, "getgid", GetGid);
  SetMethod(context, target, "getegid", GetEgid);
  SetMethod(context, target, "getgroups", GetGroups);
}

}  // namespace
}  // namespace ringjs::credentials

RINGJS_BINDING(credentials, ringjs::credentials::Initialize)
