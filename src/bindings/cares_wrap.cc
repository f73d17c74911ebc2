// internalBinding('cares_wrap'): DNS queries through c-ares for node:dns's Resolver.
//
//   new ChannelWrap(timeoutMs, tries)     one c-ares channel (reads /etc/resolv.conf);
//                                         timeoutMs -1 keeps c-ares's default
//   queryA(req, name) ... querySoa, queryAny  -> 0; later req.oncomplete(0, result[, ttls]) or
//                                         req.oncomplete('ECODE')
//   getHostByAddr(req, ip)                -> 0, or UV_EINVAL when ip is not an address
//   cancel()                              ends every pending query with 'ECANCELLED'
//   getServers() -> [[ip, port], ...]     setServers([[family, ip, port], ...]) -> 0, an
//                                         ares status, or ESETSRVPENDING while queries run
//   setLocalAddress(ipv4 | undefined, ipv6 | undefined)
//   strerror(status)                      c-ares's text for a status
//
// c-ares runs on the loop: its socket-state callback starts and stops one Poll per socket,
// readiness calls ares_process_fd, and one Timer armed from ares_timeout() drives retries and
// timeouts. Results are kept as raw answers and turned into JS values in the check phase (as
// node's setImmediate delivery), so no callback ever runs inside a c-ares call or
// synchronously from the JS call that started the query.
#include <ares.h>
#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <netdb.h>
#include <strings.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "bindings/cares_answer.h"
#include "runtime/binding.h"
#include "runtime/callback_scope.h"

namespace ringjs::cares_wrap {
namespace {

// node's DNS_ESETSRVPENDING: setServers while queries are in flight.
constexpr int kSetServersPending = -1000;
// A status no c-ares 1.18 code uses: node's c-ares answers ENOSERVER without servers, which
// node does not name (it reports UNKNOWN_ARES_ERROR).
constexpr int kNoServers = -1;

int tag;

class ChannelWrap;

class CaresData : public BindingData {
 public:
  explicit CaresData(v8::Isolate* isolate) {
    oncomplete.Reset(isolate, OneByteString(isolate, "oncomplete"));
  }
  v8::Global<v8::String> oncomplete;
  // Channels alive in this Environment; the cleanup hook destroys what is left.
  std::unordered_set<ChannelWrap*> channels;
};

// One query in flight, then its outcome until the check phase hands it to JS.
struct Query {
  ChannelWrap* channel = nullptr;
  v8::Global<v8::Object> req;
  QueryType type = QueryType::kA;
  bool reverse = false;  // getHostByAddr: `names` instead of `answer`.
  int status = ARES_SUCCESS;
  std::vector<unsigned char> answer;
  std::vector<std::string> names;
};

// Characters c-ares (as bundled with node 20) accepts in a query name; anything else is
// EBADNAME before a packet is sent. A backslash escapes the next character.
bool IsQueryableName(const std::string& name) {
  if (name.empty() || name == ".") return true;
  size_t label = 0;
  for (size_t i = 0; i < name.size(); i++) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c == '.') {
      if (label == 0) return false;
      label = 0;
      continue;
    }
    if (c == '\\') {
      if (++i == name.size()) return false;
    } else if (!isalnum(c) && c != '-' && c != '_' && c != '*' && c != '/') {
      return false;
    }
    label++;
  }
  return true;
}

bool IsOnionName(std::string name) {
  if (!name.empty() && name.back() == '.') name.pop_back();
  constexpr char kOnion[] = ".onion";
  constexpr size_t kLength = sizeof(kOnion) - 1;
  return name.size() >= kLength && strcasecmp(name.c_str() + name.size() - kLength, kOnion) == 0;
}

// An address literal for c-ares: IPv6 zone ids ("%eth0") are dropped, as node's setServers.
bool ParseIp(const std::string& text, int family, ares_addr_port_node* out) {
  std::string ip = text.substr(0, text.find('%'));
  out->family = family;
  if (family == AF_INET) return inet_pton(AF_INET, ip.c_str(), &out->addr.addr4) == 1;
  return inet_pton(AF_INET6, ip.c_str(), &out->addr.addr6) == 1;
}

class ChannelWrap {
 public:
  ChannelWrap(Environment* env, v8::Local<v8::Object> object, int timeout_ms, int tries)
      : env_(env),
        data_(env->binding_data<CaresData>("cares_wrap")),
        timeout_ms_(timeout_ms),
        tries_(tries),
        timer_(new loop::Timer(env->loop())),
        check_(new loop::Check(env->loop())),
        idle_(new loop::Idle(env->loop())) {
    object->SetAlignedPointerInInternalField(0, this);
    object->SetAlignedPointerInInternalField(1, &tag);
    object_.Reset(env->isolate(), object);
    data_->channels.insert(this);
    UpdateRetention();
  }

  ~ChannelWrap() {
    Destroy();
    delete timer_;
    delete check_;
    delete idle_;
  }

  static ChannelWrap* Unwrap(v8::Local<v8::Object> object) {
    if (object->InternalFieldCount() != 2 ||
        object->GetAlignedPointerFromInternalField(1) != &tag) {
      return nullptr;
    }
    return static_cast<ChannelWrap*>(object->GetAlignedPointerFromInternalField(0));
  }

  int Init() {
    ares_options options{};
    // Servers' failure codes are answers, not reasons to try the next server (as node).
    options.flags = ARES_FLAG_NOCHECKRESP;
    options.sock_state_cb = OnSocketState;
    options.sock_state_cb_data = this;
    options.tries = tries_;
    int mask = ARES_OPT_FLAGS | ARES_OPT_SOCK_STATE_CB | ARES_OPT_TRIES;
    if (timeout_ms_ >= 0) {
      options.timeout = timeout_ms_;
      mask |= ARES_OPT_TIMEOUTMS;
    }
    int status = ares_init_options(&channel_, &options, mask);
    if (status != ARES_SUCCESS) {
      channel_ = nullptr;
      return status;
    }
    CountServers();
    return ARES_SUCCESS;
  }

  void StartQuery(v8::Local<v8::Object> req, const std::string& name, QueryType type) {
    auto* query = new struct Query();
    query->channel = this;
    query->req.Reset(env_->isolate(), req);
    CaptureAsyncContext(env_, req);
    query->type = type;
    active_queries_++;
    UpdateRetention();
    if (!IsQueryableName(name)) return Fail(query, ARES_EBADNAME);
    // RFC 7686: .onion names never go to DNS (c-ares checks this before anything else).
    if (IsOnionName(name)) return Fail(query, ARES_ENOTFOUND);
    // c-ares 1.18 would answer ESERVFAIL here.
    if (!has_servers_) return Fail(query, kNoServers);
    ares_query(channel_, name.c_str(), ns_c_in, RecordType(type), OnAnswer, query);
    UpdateTimer();
  }

  int Reverse(v8::Local<v8::Object> req, const std::string& ip) {
    unsigned char address[sizeof(in6_addr)];
    int family;
    int length;
    if (inet_pton(AF_INET, ip.c_str(), address) == 1) {
      family = AF_INET;
      length = sizeof(in_addr);
    } else if (inet_pton(AF_INET6, ip.c_str(), address) == 1) {
      family = AF_INET6;
      length = sizeof(in6_addr);
    } else {
      return -EINVAL;
    }
    auto* query = new struct Query();
    query->channel = this;
    query->req.Reset(env_->isolate(), req);
    CaptureAsyncContext(env_, req);
    query->reverse = true;
    active_queries_++;
    UpdateRetention();
    ares_gethostbyaddr(channel_, address, length, family, OnHost, query);
    UpdateTimer();
    return 0;
  }

  void Cancel() {
    ares_cancel(channel_);
    UpdateTimer();
  }

  void GetServers(v8::Local<v8::Array>* out) {
    v8::Isolate* isolate = env_->isolate();
    std::vector<v8::Local<v8::Value>> list;
    ares_addr_port_node* servers = nullptr;
    if (ares_get_servers_ports(channel_, &servers) == ARES_SUCCESS) {
      char text[INET6_ADDRSTRLEN];
      for (ares_addr_port_node* s = servers; s != nullptr; s = s->next) {
        if (inet_ntop(s->family, &s->addr, text, sizeof(text)) == nullptr) continue;
        v8::Local<v8::Value> pair[] = {OneByteString(isolate, text),
                                       v8::Integer::New(isolate, s->udp_port)};
        list.push_back(v8::Array::New(isolate, pair, 2));
      }
      ares_free_data(servers);
    }
    *out = v8::Array::New(isolate, list.data(), list.size());
  }

  // servers: [family, ip, port] triples JS already validated. Repeats are dropped (node's
  // c-ares keeps one of each address and port).
  int SetServers(const std::vector<ares_addr_port_node>& servers) {
    if (active_queries_ > 0) return kSetServersPending;
    std::vector<ares_addr_port_node> unique;
    for (const ares_addr_port_node& server : servers) {
      bool seen = false;
      for (const ares_addr_port_node& kept : unique) {
        size_t size = server.family == AF_INET ? sizeof(in_addr) : sizeof(ares_in6_addr);
        if (kept.family == server.family && kept.udp_port == server.udp_port &&
            memcmp(&kept.addr, &server.addr, size) == 0) {
          seen = true;
          break;
        }
      }
      if (!seen) unique.push_back(server);
    }
    for (size_t i = 0; i < unique.size(); i++) {
      unique[i].next = i + 1 < unique.size() ? &unique[i + 1] : nullptr;
    }
    int status = ares_set_servers_ports(channel_, unique.empty() ? nullptr : unique.data());
    CountServers();
    return status;
  }

  void SetLocalAddress(const ares_addr_port_node* v4, const ares_addr_port_node* v6) {
    if (v4 != nullptr) ares_set_local_ip4(channel_, ntohl(v4->addr.addr4.s_addr));
    if (v6 != nullptr) {
      ares_set_local_ip6(channel_, reinterpret_cast<const unsigned char*>(&v6->addr.addr6));
    }
  }

  // Ends c-ares and every watcher; pending queries are dropped without callbacks.
  void Destroy() {
    if (destroying_) return;
    destroying_ = true;
    data_->channels.erase(this);
    if (channel_ != nullptr) {
      ares_destroy(channel_);
      channel_ = nullptr;
    }
    for (auto& [fd, poll] : polls_) delete poll;
    polls_.clear();
    timer_->Stop();
    check_->Stop();
    idle_->Stop();
    ready_.clear();
    if (!object_.IsEmpty()) {
      v8::HandleScope scope(env_->isolate());
      object_.Get(env_->isolate())->SetAlignedPointerInInternalField(0, nullptr);
      object_.Reset();
    }
  }

 private:
  static int RecordType(QueryType type) {
    switch (type) {
      case QueryType::kA:
        return ns_t_a;
      case QueryType::kAaaa:
        return ns_t_aaaa;
      case QueryType::kAny:
        return ns_t_any;
      case QueryType::kCaa:
        return 257;  // ns_t_caa is missing from older headers.
      case QueryType::kCname:
        return ns_t_cname;
      case QueryType::kMx:
        return ns_t_mx;
      case QueryType::kNaptr:
        return ns_t_naptr;
      case QueryType::kNs:
        return ns_t_ns;
      case QueryType::kPtr:
        return ns_t_ptr;
      case QueryType::kSoa:
        return ns_t_soa;
      case QueryType::kSrv:
        return ns_t_srv;
      case QueryType::kTxt:
        return ns_t_txt;
    }
    return ns_t_a;
  }

  void CountServers() {
    ares_addr_port_node* servers = nullptr;
    has_servers_ = ares_get_servers_ports(channel_, &servers) == ARES_SUCCESS && servers;
    if (servers != nullptr) ares_free_data(servers);
  }

  static void OnSocketState(void* data, ares_socket_t fd, int readable, int writable) {
    static_cast<ChannelWrap*>(data)->WatchSocket(fd, readable != 0, writable != 0);
  }

  void WatchSocket(int fd, bool readable, bool writable) {
    auto it = polls_.find(fd);
    if (!readable && !writable) {
      // c-ares closes the socket right after this.
      if (it != polls_.end()) it->second->Stop();
      return;
    }
    if (destroying_) return;
    loop::Poll* poll;
    if (it != polls_.end()) {
      poll = it->second;
    } else {
      poll = new loop::Poll(env_->loop());
      polls_[fd] = poll;
    }
    int events = (readable ? loop::Poll::kReadable : 0) | (writable ? loop::Poll::kWritable : 0);
    int err = poll->Start(fd, events, [this, fd](int status, int ready) {
      // An error or hang-up is for c-ares to read (ECONNREFUSED arrives that way).
      bool read = status < 0 || (ready & (loop::Poll::kReadable | loop::Poll::kDisconnect));
      bool write = (ready & loop::Poll::kWritable) != 0;
      in_poll_ = true;
      Process(read ? fd : ARES_SOCKET_BAD, write ? fd : ARES_SOCKET_BAD);
      in_poll_ = false;
    });
    if (err != 0) {
      // Without a watch the query would wait for its timeout; let c-ares retry now.
      env_->loop()->QueuePending([this, fd] {
        if (!destroying_) Process(fd, ARES_SOCKET_BAD);
      });
    }
  }

  void Process(int read_fd, int write_fd) {
    if (channel_ == nullptr) return;
    ares_process_fd(channel_, read_fd, write_fd);
    UpdateTimer();
  }

  // One timer for the whole channel, due when c-ares next needs to retry or time out.
  void UpdateTimer() {
    timeval storage;
    timeval* next = active_queries_ > 0 && channel_ != nullptr
                        ? ares_timeout(channel_, nullptr, &storage)
                        : nullptr;
    if (next == nullptr) {
      timer_->Stop();
      return;
    }
    uint64_t ms = static_cast<uint64_t>(next->tv_sec) * 1000 + (next->tv_usec + 999) / 1000;
    timer_->Start([this] { Process(ARES_SOCKET_BAD, ARES_SOCKET_BAD); }, ms, 0);
  }

  static void OnAnswer(void* arg, int status, int timeouts, unsigned char* answer, int length) {
    auto* query = static_cast<struct Query*>(arg);
    query->status = status;
    if (status == ARES_SUCCESS && answer != nullptr && length > 0) {
      query->answer.assign(answer, answer + length);
    }
    query->channel->Complete(query);
  }

  static void OnHost(void* arg, int status, int timeouts, hostent* host) {
    auto* query = static_cast<struct Query*>(arg);
    query->status = status;
    if (status == ARES_SUCCESS && host != nullptr) {
      for (char** alias = host->h_aliases; alias != nullptr && *alias != nullptr; alias++) {
        query->names.push_back(*alias);
      }
    }
    query->channel->Complete(query);
  }

  void Fail(struct Query* query, int status) {
    query->status = status;
    Complete(query);
  }

  void Complete(struct Query* query) {
    std::unique_ptr<struct Query> owned(query);
    active_queries_--;
    if (destroying_) return;
    ready_.push_back(std::move(owned));
    if (!check_->IsActive()) check_->Start([this] { Deliver(); });
    // Outside the poll phase (a JS call, a timer) the loop must not sleep before the check
    // phase: an active idle handle keeps poll from blocking, as node does for setImmediate.
    if (!in_poll_ && !idle_->IsActive()) idle_->Start([] {});
  }

  void Deliver() {
    check_->Stop();
    idle_->Stop();
    std::vector<std::unique_ptr<struct Query>> ready;
    ready.swap(ready_);
    for (auto& query : ready) {
      if (env_->is_stopping() || destroying_) break;
      CallOnComplete(query.get());
    }
    if (!destroying_) UpdateRetention();
  }

  void CallOnComplete(struct Query* query) {
    v8::Isolate* isolate = env_->isolate();
    CallbackScope scope(env_);
    v8::Local<v8::Object> req = query->req.Get(isolate);
    v8::Local<v8::Value> fn;
    if (!req->Get(env_->context(), data_->oncomplete.Get(isolate)).ToLocal(&fn) ||
        !fn->IsFunction()) {
      return;
    }
    v8::Local<v8::Value> argv[3] = {v8::Integer::New(isolate, 0), v8::Undefined(isolate),
                                    v8::Undefined(isolate)};
    int status = query->status;
    if (status == ARES_SUCCESS && query->reverse) {
      std::vector<v8::Local<v8::Value>> names;
      for (const std::string& name : query->names) {
        names.push_back(
            v8::String::NewFromOneByte(isolate, reinterpret_cast<const uint8_t*>(name.data()),
                                       v8::NewStringType::kNormal, static_cast<int>(name.size()))
                .ToLocalChecked());
      }
      argv[1] = v8::Array::New(isolate, names.data(), names.size());
    } else if (status == ARES_SUCCESS) {
      ParsedAnswer parsed;
      status = ParseAnswer(isolate, query->type, query->answer, &parsed);
      if (status == ARES_SUCCESS) {
        argv[1] = parsed.result;
        if (!parsed.ttls.IsEmpty()) argv[2] = parsed.ttls;
      }
    }
    int argc = 3;
    if (status != ARES_SUCCESS) {
      argv[0] = OneByteString(isolate, AresErrorCode(status));
      argc = 1;
    }
    USE(scope.Call(fn.As<v8::Function>(), req, argc, argv));
  }

  // The JS object stays alive while queries or their results are outstanding; otherwise it
  // is weak and the channel goes with it.
  void UpdateRetention() {
    bool busy = active_queries_ > 0 || !ready_.empty();
    if (object_.IsEmpty() || busy == !weak_) return;
    if (busy) {
      object_.ClearWeak();
      weak_ = false;
    } else {
      object_.SetWeak(this, OnCollected, v8::WeakCallbackType::kParameter);
      weak_ = true;
    }
  }

  static void OnCollected(const v8::WeakCallbackInfo<ChannelWrap>& info) {
    ChannelWrap* self = info.GetParameter();
    self->object_.Reset();
    // Not from inside the collector: the pending phase is a clean place to end c-ares.
    CaresData* data = self->data_;
    self->env_->loop()->QueuePending([data, self] {
      if (data->channels.count(self) != 0) delete self;
    });
  }

  Environment* env_;
  CaresData* data_;
  v8::Global<v8::Object> object_;
  bool weak_ = false;
  int timeout_ms_;
  int tries_;
  ares_channel channel_ = nullptr;
  bool has_servers_ = true;
  bool destroying_ = false;
  bool in_poll_ = false;
  int active_queries_ = 0;
  std::unordered_map<int, loop::Poll*> polls_;
  loop::Timer* timer_;
  loop::Check* check_;
  loop::Idle* idle_;
  std::vector<std::unique_ptr<struct Query>> ready_;
};

ChannelWrap* Self(const v8::FunctionCallbackInfo<v8::Value>& info) {
  ChannelWrap* channel = ChannelWrap::Unwrap(info.This());
  if (channel == nullptr) ThrowTypeError(info.GetIsolate(), "Illegal invocation");
  return channel;
}

int IntArg(const v8::FunctionCallbackInfo<v8::Value>& info, int i, int fallback) {
  return info[i]->IsInt32() ? info[i].As<v8::Int32>()->Value() : fallback;
}

void New(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  if (!info.IsConstructCall()) return ThrowTypeError(isolate, "ChannelWrap needs new");
  auto* channel = new ChannelWrap(Environment::From(info), info.This(), IntArg(info, 0, -1),
                                  IntArg(info, 1, 4));
  int status = channel->Init();
  if (status != ARES_SUCCESS) {
    delete channel;
    ThrowError(isolate, AresErrorCode(status));
  }
}

template <QueryType type>
void QueryMethod(const v8::FunctionCallbackInfo<v8::Value>& info) {
  ChannelWrap* channel = Self(info);
  if (channel == nullptr) return;
  if (!info[0]->IsObject() || !info[1]->IsString()) {
    return ThrowTypeError(info.GetIsolate(), "query(req, name)");
  }
  channel->StartQuery(info[0].As<v8::Object>(), ToStdString(info.GetIsolate(), info[1]), type);
  info.GetReturnValue().Set(0);
}

void GetHostByAddr(const v8::FunctionCallbackInfo<v8::Value>& info) {
  ChannelWrap* channel = Self(info);
  if (channel == nullptr) return;
  if (!info[0]->IsObject() || !info[1]->IsString()) {
    return ThrowTypeError(info.GetIsolate(), "getHostByAddr(req, ip)");
  }
  info.GetReturnValue().Set(
      channel->Reverse(info[0].As<v8::Object>(), ToStdString(info.GetIsolate(), info[1])));
}

void Cancel(const v8::FunctionCallbackInfo<v8::Value>& info) {
  ChannelWrap* channel = Self(info);
  if (channel != nullptr) channel->Cancel();
}

void GetServers(const v8::FunctionCallbackInfo<v8::Value>& info) {
  ChannelWrap* channel = Self(info);
  if (channel == nullptr) return;
  v8::Local<v8::Array> servers;
  channel->GetServers(&servers);
  info.GetReturnValue().Set(servers);
}

void SetServers(const v8::FunctionCallbackInfo<v8::Value>& info) {
  ChannelWrap* channel = Self(info);
  if (channel == nullptr) return;
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  if (!info[0]->IsArray()) return ThrowTypeError(isolate, "setServers(servers)");
  v8::Local<v8::Array> list = info[0].As<v8::Array>();
  std::vector<ares_addr_port_node> servers;
  for (uint32_t i = 0; i < list->Length(); i++) {
    v8::Local<v8::Value> entry;
    v8::Local<v8::Value> family;
    v8::Local<v8::Value> ip;
    v8::Local<v8::Value> port;
    if (!list->Get(context, i).ToLocal(&entry) || !entry->IsArray() ||
        !entry.As<v8::Array>()->Get(context, 0).ToLocal(&family) ||
        !entry.As<v8::Array>()->Get(context, 1).ToLocal(&ip) ||
        !entry.As<v8::Array>()->Get(context, 2).ToLocal(&port) || !family->IsInt32() ||
        !ip->IsString() || !port->IsNumber()) {
      return ThrowTypeError(isolate, "setServers: [family, ip, port] entries");
    }
    ares_addr_port_node server{};
    int af = family.As<v8::Int32>()->Value() == 6 ? AF_INET6 : AF_INET;
    if (!ParseIp(ToStdString(isolate, ip), af, &server)) {
      return ThrowTypeError(isolate, "setServers: not an address");
    }
    int port_number = static_cast<int>(port.As<v8::Number>()->Value());
    server.udp_port = port_number;
    server.tcp_port = port_number;
    servers.push_back(server);
  }
  info.GetReturnValue().Set(channel->SetServers(servers));
}

void SetLocalAddress(const v8::FunctionCallbackInfo<v8::Value>& info) {
  ChannelWrap* channel = Self(info);
  if (channel == nullptr) return;
  v8::Isolate* isolate = info.GetIsolate();
  ares_addr_port_node v4{};
  ares_addr_port_node v6{};
  bool has_v4 = info[0]->IsString();
  bool has_v6 = info[1]->IsString();
  if ((has_v4 && !ParseIp(ToStdString(isolate, info[0]), AF_INET, &v4)) ||
      (has_v6 && !ParseIp(ToStdString(isolate, info[1]), AF_INET6, &v6))) {
    return ThrowTypeError(isolate, "setLocalAddress: not an address");
  }
  channel->SetLocalAddress(has_v4 ? &v4 : nullptr, has_v6 ? &v6 : nullptr);
}

void StrError(const v8::FunctionCallbackInfo<v8::Value>& info) {
  info.GetReturnValue().Set(
      OneByteString(info.GetIsolate(), ares_strerror(IntArg(info, 0, ARES_SUCCESS))));
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  static std::once_flag library_init;
  std::call_once(library_init, [] { ares_library_init(ARES_LIB_INIT_ALL); });

  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  CaresData* data = env->set_binding_data("cares_wrap", std::make_unique<CaresData>(isolate));
  env->AddCleanupHook([data] {
    while (!data->channels.empty()) delete *data->channels.begin();
  });

  v8::Local<v8::FunctionTemplate> tmpl = v8::FunctionTemplate::New(isolate, New);
  tmpl->InstanceTemplate()->SetInternalFieldCount(2);
  tmpl->SetClassName(OneByteString(isolate, "ChannelWrap"));
  auto method = [&](const char* name, v8::FunctionCallback cb) {
    SetProtoMethod(isolate, tmpl, name, cb);
  };
  method("queryAny", QueryMethod<QueryType::kAny>);
  method("queryA", QueryMethod<QueryType::kA>);
  method("queryAaaa", QueryMethod<QueryType::kAaaa>);
  method("queryCaa", QueryMethod<QueryType::kCaa>);
  method("queryCname", QueryMethod<QueryType::kCname>);
  method("queryMx", QueryMethod<QueryType::kMx>);
  method("queryNs", QueryMethod<QueryType::kNs>);
  method("queryTxt", QueryMethod<QueryType::kTxt>);
  method("querySrv", QueryMethod<QueryType::kSrv>);
  method("queryPtr", QueryMethod<QueryType::kPtr>);
  method("queryNaptr", QueryMethod<QueryType::kNaptr>);
  method("querySoa", QueryMethod<QueryType::kSoa>);
  method("getHostByAddr", GetHostByAddr);
  method("cancel", Cancel);
  method("getServers", GetServers);
  method("setServers", SetServers);
  method("setLocalAddress", SetLocalAddress);
  SetValue(context, target, "ChannelWrap", tmpl->GetFunction(context).ToLocalChecked());
  SetMethod(context, target, "strerror", StrError);
  SetConstant(context, target, "ESETSRVPENDING", kSetServersPending);
}

}  // namespace
}  // namespace ringjs::cares_wrap

RINGJS_BINDING(cares_wrap, ringjs::cares_wrap::Initialize)
