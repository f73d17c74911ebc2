// internalBinding('os'): the node:os calls that are plain syscalls. Failures fill the error
// context object passed as the last argument (JS throws node's SystemError from it).
#include <errno.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <linux/if_packet.h>
#include <pwd.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "runtime/binding.h"

namespace ringjs::os {
namespace {

v8::Local<v8::Object> ContextArg(const v8::FunctionCallbackInfo<v8::Value>& info, int index) {
  return info[index]->IsObject() ? info[index].As<v8::Object>() : v8::Object::New(info.GetIsolate());
}

void GetHostname(const v8::FunctionCallbackInfo<v8::Value>& info) {
  char buf[256];
  if (gethostname(buf, sizeof(buf)) != 0) {
    FillErrorContext(Environment::From(info), ContextArg(info, 0), -errno, "uv_os_gethostname");
    return;
  }
  buf[sizeof(buf) - 1] = '\0';
  info.GetReturnValue().Set(Utf8String(info.GetIsolate(), buf));
}

void GetOSInformation(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  utsname name;
  if (uname(&name) != 0) {
    FillErrorContext(Environment::From(info), ContextArg(info, 0), -errno, "uv_os_uname");
    return;
  }
  v8::Local<v8::Value> parts[] = {Utf8String(isolate, name.sysname), Utf8String(isolate, name.version),
                                  Utf8String(isolate, name.release), Utf8String(isolate, name.machine)};
  info.GetReturnValue().Set(v8::Array::New(isolate, parts, 4));
}

void GetHomeDirectory(const v8::FunctionCallbackInfo<v8::Value>& info) {
  const char* home = getenv("HOME");
  if (home != nullptr && *home != '\0') {
    info.GetReturnValue().Set(Utf8String(info.GetIsolate(), home));
    return;
  }
  passwd* pw = getpwuid(geteuid());
  if (pw == nullptr) {
    FillErrorContext(Environment::From(info), ContextArg(info, 0), -ENOENT, "uv_os_homedir");
    return;
  }
  info.GetReturnValue().Set(Utf8String(info.GetIsolate(), pw->pw_dir));
}

// getUserInfo(ctx) -> { uid, gid, username, homedir, shell }.
void GetUserInfo(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  errno = 0;
  passwd* pw = getpwuid(geteuid());
  if (pw == nullptr) {
    FillErrorContext(Environment::From(info), ContextArg(info, 0), errno != 0 ? -errno : -ENOENT,
                     "uv_os_get_passwd");
    return;
  }
  v8::Local<v8::Object> result = v8::Object::New(isolate);
  SetValue(context, result, "uid", v8::Integer::NewFromUnsigned(isolate, pw->pw_uid));
  SetValue(context, result, "gid", v8::Integer::NewFromUnsigned(isolate, pw->pw_gid));
  SetValue(context, result, "username", Utf8String(isolate, pw->pw_name));
  SetValue(context, result, "homedir", Utf8String(isolate, pw->pw_dir));
  SetValue(context, result, "shell",
           pw->pw_shell != nullptr ? Utf8String(isolate, pw->pw_shell).As<v8::Value>()
                                   : v8::Null(isolate).As<v8::Value>());
  info.GetReturnValue().Set(result);
}

void GetUptime(const v8::FunctionCallbackInfo<v8::Value>& info) {
  struct sysinfo si;
  if (sysinfo(&si) != 0) {
    FillErrorContext(Environment::From(info), ContextArg(info, 0), -errno, "uv_uptime");
    return;
  }
  info.GetReturnValue().Set(static_cast<double>(si.uptime));
}

// Reads "Key:  123 kB" from /proc/meminfo, in bytes; 0 if absent.
double MeminfoBytes(const char* key) {
  std::ifstream meminfo("/proc/meminfo");
  std::string line;
  size_t key_len = std::strlen(key);
  while (std::getline(meminfo, line)) {
    if (line.compare(0, key_len, key) == 0 && line.size() > key_len && line[key_len] == ':') {
      return std::strtod(line.c_str() + key_len + 1, nullptr) * 1024;
    }
  }
  return 0;
}

void GetTotalMem(const v8::FunctionCallbackInfo<v8::Value>& info) {
  info.GetReturnValue().Set(MeminfoBytes("MemTotal"));
}

void GetFreeMem(const v8::FunctionCallbackInfo<v8::Value>& info) {
  info.GetReturnValue().Set(MeminfoBytes("MemAvailable"));
}

void GetLoadAvg(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  double loads[3] = {0, 0, 0};
  if (getloadavg(loads, 3) < 0) loads[0] = loads[1] = loads[2] = 0;
  v8::Local<v8::Value> parts[] = {v8::Number::New(isolate, loads[0]),
                                  v8::Number::New(isolate, loads[1]),
                                  v8::Number::New(isolate, loads[2])};
  info.GetReturnValue().Set(v8::Array::New(isolate, parts, 3));
}

// getCPUs() -> flat array [model, speed, user, nice, sys, idle, irq, ...] as node's binding.
void GetCPUs(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  std::vector<std::string> models;
  std::vector<double> speeds;
  {
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line;
    while (std::getline(cpuinfo, line)) {
      auto value_of = [&line]() {
        size_t colon = line.find(':');
        return colon == std::string::npos ? std::string() : line.substr(colon + 2);
      };
      if (line.rfind("model name", 0) == 0) models.push_back(value_of());
      if (line.rfind("cpu MHz", 0) == 0) speeds.push_back(std::strtod(value_of().c_str(), nullptr));
    }
  }
  long ticks = sysconf(_SC_CLK_TCK);
  double multiplier = ticks > 0 ? 1000.0 / static_cast<double>(ticks) : 10;
  v8::Local<v8::Array> result = v8::Array::New(isolate);
  uint32_t n = 0;
  std::ifstream stat("/proc/stat");
  std::string line;
  size_t cpu = 0;
  while (std::getline(stat, line)) {
    if (line.rfind("cpu", 0) != 0 || line.size() < 4 || line[3] == ' ') continue;
    std::istringstream fields(line);
    std::string label;
    double user, nice, sys, idle, iowait, irq;
    fields >> label >> user >> nice >> sys >> idle >> iowait >> irq;
    std::string model = cpu < models.size() ? models[cpu] : "unknown";
    double speed = cpu < speeds.size() ? static_cast<double>(static_cast<int64_t>(speeds[cpu])) : 0;
    double values[] = {speed, user * multiplier, nice * multiplier, sys * multiplier,
                       idle * multiplier, irq * multiplier};
    if (result->Set(context, n++, Utf8String(isolate, model)).IsNothing()) return;
    for (double v : values) {
      if (result->Set(context, n++, v8::Number::New(isolate, v)).IsNothing()) return;
    }
    cpu++;
  }
  info.GetReturnValue().Set(result);
}

// getInterfaceAddresses() -> flat [name, address, netmask, family, mac, internal, scopeid, ...].
void GetInterfaceAddresses(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  ifaddrs* addrs;
  if (getifaddrs(&addrs) != 0) {
    FillErrorContext(Environment::From(info), ContextArg(info, 0), -errno,
                     "uv_interface_addresses");
    return;
  }
  // MAC addresses come from the AF_PACKET entries, keyed by interface name.
  std::vector<std::pair<std::string, std::string>> macs;
  for (ifaddrs* a = addrs; a != nullptr; a = a->ifa_next) {
    if (a->ifa_addr == nullptr || a->ifa_addr->sa_family != AF_PACKET) continue;
    auto* ll = reinterpret_cast<sockaddr_ll*>(a->ifa_addr);
    char mac[18];
    std::snprintf(mac, sizeof(mac), "%02x:%02x:%02x:%02x:%02x:%02x", ll->sll_addr[0],
                  ll->sll_addr[1], ll->sll_addr[2], ll->sll_addr[3], ll->sll_addr[4],
                  ll->sll_addr[5]);
    macs.emplace_back(a->ifa_name, mac);
  }
  v8::Local<v8::Array> result = v8::Array::New(isolate);
  uint32_t n = 0;
  for (ifaddrs* a = addrs; a != nullptr; a = a->ifa_next) {
    if (a->ifa_addr == nullptr || !(a->ifa_flags & IFF_UP) || !(a->ifa_flags & IFF_RUNNING)) {
      continue;
    }
    int family = a->ifa_addr->sa_family;
    if (family != AF_INET && family != AF_INET6) continue;
    char address[INET6_ADDRSTRLEN] = "";
    char netmask[INET6_ADDRSTRLEN] = "";
    int scope_id = -1;
    if (family == AF_INET) {
      inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(a->ifa_addr)->sin_addr, address,
                sizeof(address));
      if (a->ifa_netmask != nullptr) {
        inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(a->ifa_netmask)->sin_addr, netmask,
                  sizeof(netmask));
      }
    } else {
      auto* in6 = reinterpret_cast<sockaddr_in6*>(a->ifa_addr);
      inet_ntop(AF_INET6, &in6->sin6_addr, address, sizeof(address));
      scope_id = static_cast<int>(in6->sin6_scope_id);
      if (a->ifa_netmask != nullptr) {
        inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(a->ifa_netmask)->sin6_addr, netmask,
                  sizeof(netmask));
      }
    }
    std::string mac = "00:00:00:00:00:00";
    for (auto& entry : macs) {
      if (entry.first == a->ifa_name) mac = entry.second;
    }
    v8::Local<v8::Value> values[] = {
        Utf8String(isolate, a->ifa_name), Utf8String(isolate, address),
        Utf8String(isolate, netmask), OneByteString(isolate, family == AF_INET ? "IPv4" : "IPv6"),
        Utf8String(isolate, mac), v8::Boolean::New(isolate, (a->ifa_flags & IFF_LOOPBACK) != 0),
        v8::Integer::New(isolate, scope_id)};
    for (v8::Local<v8::Value> v : values) {
      if (result->Set(context, n++, v).IsNothing()) {
        freeifaddrs(addrs);
        return;
      }
    }
  }
  freeifaddrs(addrs);
  info.GetReturnValue().Set(result);
}

// setPriority(pid, priority, ctx) -> 0 or -errno; getPriority(pid, ctx) -> priority.
void SetPriority(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
  int pid = info[0]->Int32Value(context).FromMaybe(0);
  int priority = info[1]->Int32Value(context).FromMaybe(0);
  if (setpriority(PRIO_PROCESS, static_cast<id_t>(pid), priority) != 0) {
    int err = -errno;
    FillErrorContext(Environment::From(info), ContextArg(info, 2), err, "uv_os_setpriority");
    info.GetReturnValue().Set(err);
    return;
  }
  info.GetReturnValue().Set(0);
}

void GetPriority(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
  int pid = info[0]->Int32Value(context).FromMaybe(0);
  errno = 0;
  int priority = getpriority(PRIO_PROCESS, static_cast<id_t>(pid));
  if (priority == -1 && errno != 0) {
    FillErrorContext(Environment::From(info), ContextArg(info, 1), -errno, "uv_os_getpriority");
    return;
  }
  info.GetReturnValue().Set(priority);
}

void GetAvailableParallelism(const v8::FunctionCallbackInfo<v8::Value>& info) {
  cpu_set_t set;
  int count = 0;
  if (sched_getaffinity(0, sizeof(set), &set) == 0) count = CPU_COUNT(&set);
  if (count <= 0) count = static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN));
  info.GetReturnValue().Set(count > 0 ? count : 1);
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  v8::Local<v8::Context> context = env->context();
  SetMethod(context, target, "getHostname", GetHostname);
  SetMethod(context, target, "getOSInformation", GetOSInformation);
  SetMethod(context, target, "getHomeDirectory", GetHomeDirectory);
  SetMethod(context, target, "getUserInfo", GetUserInfo);
  SetMethod(context, target, "getUptime", GetUptime);
  SetMethod(context, target, "getTotalMem", GetTotalMem);
  SetMethod(context, target, "getFreeMem", GetFreeMem);
  SetMethod(context, target, "getLoadAvg", GetLoadAvg);
  SetMethod(context, target, "getCPUs", GetCPUs);
  SetMethod(context, target, "getInterfaceAddresses", GetInterfaceAddresses);
  SetMethod(context, target, "setPriority", SetPriority);
  SetMethod(context, target, "getPriority", GetPriority);
  SetMethod(context, target, "getAvailableParallelism", GetAvailableParallelism);
}

}  // namespace
}  // namespace ringjs::os

RINGJS_BINDING(os, ringjs::os::Initialize)
