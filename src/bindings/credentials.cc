// internalBinding('credentials'): user and group ids, and getenv that ignores the environment
// in setuid programs (as node's safeGetenv).
#include <grp.h>
#include <pwd.h>
#include <sys/auxv.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
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

// Ids come as numbers or as names looked up in the user and group databases.
constexpr int kUnknownUser = 1;
constexpr int kUnknownGroup = 2;

bool ResolveUid(v8::Isolate* isolate, v8::Local<v8::Value> id, uid_t* uid) {
  if (id->IsUint32()) {
    *uid = id.As<v8::Uint32>()->Value();
    return true;
  }
  std::string name = ToStdString(isolate, id);
  std::vector<char> scratch(16384);
  passwd entry;
  passwd* found = nullptr;
  if (getpwnam_r(name.c_str(), &entry, scratch.data(), scratch.size(), &found) != 0 ||
      found == nullptr) {
    return false;
  }
  *uid = found->pw_uid;
  return true;
}

bool ResolveGid(v8::Isolate* isolate, v8::Local<v8::Value> id, gid_t* gid) {
  if (id->IsUint32()) {
    *gid = id.As<v8::Uint32>()->Value();
    return true;
  }
  std::string name = ToStdString(isolate, id);
  std::vector<char> scratch(16384);
  group entry;
  group* found = nullptr;
  if (getgrnam_r(name.c_str(), &entry, scratch.data(), scratch.size(), &found) != 0 ||
      found == nullptr) {
    return false;
  }
  *gid = found->gr_gid;
  return true;
}

// Each setter returns 0, -errno from the system call, or kUnknownUser/kUnknownGroup. The JS side
// refuses them all while the loop runs on io_uring (CVE-2024-22017: ring workers keep the
// credentials the ring was created with).
template <int (*set)(uid_t)>
void SetUserId(const v8::FunctionCallbackInfo<v8::Value>& info) {
  uid_t uid;
  if (!ResolveUid(info.GetIsolate(), info[0], &uid)) return info.GetReturnValue().Set(kUnknownUser);
  info.GetReturnValue().Set(set(uid) == 0 ? 0 : -errno);
}

template <int (*set)(gid_t)>
void SetGroupId(const v8::FunctionCallbackInfo<v8::Value>& info) {
  gid_t gid;
  if (!ResolveGid(info.GetIsolate(), info[0], &gid)) {
    return info.GetReturnValue().Set(kUnknownGroup);
  }
  info.GetReturnValue().Set(set(gid) == 0 ? 0 : -errno);
}

void SetGroups(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  if (!info[0]->IsArray()) return ThrowTypeError(isolate, "setgroups(groups)");
  v8::Local<v8::Array> list = info[0].As<v8::Array>();
  std::vector<gid_t> groups(list->Length());
  for (uint32_t i = 0; i < list->Length(); i++) {
    v8::Local<v8::Value> id;
    if (!list->Get(context, i).ToLocal(&id)) return;
    // The index of the unknown group, offset past the other answers, so JS can name it.
    if (!ResolveGid(isolate, id, &groups[i])) return info.GetReturnValue().Set(kUnknownGroup + 1 + i);
  }
  info.GetReturnValue().Set(setgroups(groups.size(), groups.data()) == 0 ? 0 : -errno);
}

void InitGroups(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  uid_t uid;
  gid_t extra_group;
  if (!ResolveUid(isolate, info[0], &uid)) return info.GetReturnValue().Set(kUnknownUser);
  if (!ResolveGid(isolate, info[1], &extra_group)) return info.GetReturnValue().Set(kUnknownGroup);
  std::vector<char> scratch(16384);
  passwd entry;
  passwd* found = nullptr;
  if (getpwuid_r(uid, &entry, scratch.data(), scratch.size(), &found) != 0 || found == nullptr) {
    return info.GetReturnValue().Set(kUnknownUser);
  }
  info.GetReturnValue().Set(initgroups(found->pw_name, extra_group) == 0 ? 0 : -errno);
}

// strerror(errno): node's native errno errors carry the C library's message.
void StrError(const v8::FunctionCallbackInfo<v8::Value>& info) {
  int err = info[0]->IsInt32() ? info[0].As<v8::Int32>()->Value() : 0;
  info.GetReturnValue().Set(Utf8String(info.GetIsolate(), strerror(err)));
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  SetMethod(env->context(), target, "strerror", StrError);
  SetMethod(env->context(), target, "setuid", SetUserId<setuid>);
  SetMethod(env->context(), target, "seteuid", SetUserId<seteuid>);
  SetMethod(env->context(), target, "setgid", SetGroupId<setgid>);
  SetMethod(env->context(), target, "setegid", SetGroupId<setegid>);
  SetMethod(env->context(), target, "setgroups", SetGroups);
  SetMethod(env->context(), target, "initgroups", InitGroups);
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
