#include "bindings/cares_answer.h"

#include <ares.h>
#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <netdb.h>

#include <cstring>
#include <unordered_set>

#include "runtime/binding.h"

namespace ringjs::cares_wrap {
namespace {

using Values = std::vector<v8::Local<v8::Value>>;

// DNS names and character strings are bytes; node hands them to JS as Latin-1.
v8::Local<v8::String> Latin1(v8::Isolate* isolate, const void* data, size_t length) {
  return v8::String::NewFromOneByte(isolate, static_cast<const uint8_t*>(data),
                                    v8::NewStringType::kNormal, static_cast<int>(length))
      .ToLocalChecked();
}

v8::Local<v8::String> Latin1(v8::Isolate* isolate, const char* text) {
  return Latin1(isolate, text, strlen(text));
}

v8::Local<v8::Array> ToArray(v8::Isolate* isolate, Values* values) {
  return v8::Array::New(isolate, values->data(), values->size());
}

// Builds records property by property so their keys keep node's order.
class Record {
 public:
  explicit Record(v8::Isolate* isolate) : isolate_(isolate), object_(v8::Object::New(isolate)) {}
  Record& Set(const char* key, v8::Local<v8::Value> value) {
    USE(object_->CreateDataProperty(isolate_->GetCurrentContext(), OneByteString(isolate_, key),
                                    value));
    return *this;
  }
  Record& Set(v8::Local<v8::String> key, v8::Local<v8::Value> value) {
    USE(object_->CreateDataProperty(isolate_->GetCurrentContext(), key, value));
    return *this;
  }
  Record& Set(const char* key, const char* text) { return Set(key, Latin1(isolate_, text)); }
  Record& Set(const char* key, double number) {
    return Set(key, v8::Number::New(isolate_, number));
  }
  v8::Local<v8::Object> object() const { return object_; }

 private:
  v8::Isolate* isolate_;
  v8::Local<v8::Object> object_;
};

// Addresses of an A or AAAA answer with their TTLs. `canonical` is set when the answer
// reached them through a CNAME chain (the hostent then has aliases).
struct AddressList {
  std::vector<std::string> addresses;
  // c-ares 1.18 keeps TTLs in an int; the wire value is unsigned (node shows it so).
  std::vector<uint32_t> ttls;
  std::string canonical;
  bool via_cname = false;
};

int ParseAddressList(int family, const std::vector<unsigned char>& answer, AddressList* out) {
  constexpr int kMaxTtls = 256;
  hostent* host = nullptr;
  int status;
  int nttls = kMaxTtls;
  if (family == AF_INET) {
    ares_addrttl ttls[kMaxTtls];
    status =
        ares_parse_a_reply(answer.data(), static_cast<int>(answer.size()), &host, ttls, &nttls);
    if (status == ARES_SUCCESS) {
      for (int i = 0; i < nttls; i++) out->ttls.push_back(static_cast<uint32_t>(ttls[i].ttl));
    }
  } else {
    ares_addr6ttl ttls[kMaxTtls];
    status =
        ares_parse_aaaa_reply(answer.data(), static_cast<int>(answer.size()), &host, ttls, &nttls);
    if (status == ARES_SUCCESS) {
      for (int i = 0; i < nttls; i++) out->ttls.push_back(static_cast<uint32_t>(ttls[i].ttl));
    }
  }
  if (status != ARES_SUCCESS) return status;
  if (host->h_name != nullptr) out->canonical = host->h_name;
  out->via_cname =
      host->h_name != nullptr && host->h_aliases != nullptr && host->h_aliases[0] != nullptr;
  char text[INET6_ADDRSTRLEN];
  for (char** addr = host->h_addr_list; addr != nullptr && *addr != nullptr; addr++) {
    if (inet_ntop(host->h_addrtype, *addr, text, sizeof(text)) != nullptr) {
      out->addresses.push_back(text);
    }
  }
  ares_free_hostent(host);
  return ARES_SUCCESS;
}

// Names of an NS or PTR answer (the hostent's aliases).
int ParseNames(QueryType type, const std::vector<unsigned char>& answer,
               std::vector<std::string>* names) {
  hostent* host = nullptr;
  int status = type == QueryType::kNs
                   ? ares_parse_ns_reply(answer.data(), static_cast<int>(answer.size()), &host)
                   : ares_parse_ptr_reply(answer.data(), static_cast<int>(answer.size()), nullptr,
                                          0, AF_INET, &host);
  if (status != ARES_SUCCESS) return status;
  for (char** alias = host->h_aliases; alias != nullptr && *alias != nullptr; alias++) {
    names->push_back(*alias);
  }
  ares_free_hostent(host);
  return ARES_SUCCESS;
}

// Each Append* adds the records of one type to `out`; `tag` ("MX"...) marks them for
// resolveAny (nullptr: the plain shape).
void TagRecord(Record* record, const char* tag) {
  if (tag != nullptr) record->Set("type", tag);
}

int AppendMx(v8::Isolate* isolate, const std::vector<unsigned char>& answer, const char* tag,
             Values* out) {
  ares_mx_reply* list = nullptr;
  int status = ares_parse_mx_reply(answer.data(), static_cast<int>(answer.size()), &list);
  if (status != ARES_SUCCESS) return status;
  for (ares_mx_reply* mx = list; mx != nullptr; mx = mx->next) {
    Record record(isolate);
    record.Set("exchange", mx->host).Set("priority", mx->priority);
    TagRecord(&record, tag);
    out->push_back(record.object());
  }
  ares_free_data(list);
  return ARES_SUCCESS;
}

// TXT: one array of strings per record (a record may hold several character strings).
int AppendTxt(v8::Isolate* isolate, const std::vector<unsigned char>& answer, const char* tag,
              Values* out) {
  ares_txt_ext* list = nullptr;
  int status = ares_parse_txt_reply_ext(answer.data(), static_cast<int>(answer.size()), &list);
  if (status != ARES_SUCCESS) return status;
  Values chunks;
  auto flush = [&] {
    if (chunks.empty()) return;
    v8::Local<v8::Array> entries = ToArray(isolate, &chunks);
    chunks.clear();
    if (tag == nullptr) {
      out->push_back(entries);
      return;
    }
    Record record(isolate);
    record.Set("entries", entries);
    TagRecord(&record, tag);
    out->push_back(record.object());
  };
  for (ares_txt_ext* txt = list; txt != nullptr; txt = txt->next) {
    if (txt->record_start) flush();
    chunks.push_back(Latin1(isolate, txt->txt, txt->length));
  }
  flush();
  ares_free_data(list);
  return ARES_SUCCESS;
}

int AppendSrv(v8::Isolate* isolate, const std::vector<unsigned char>& answer, const char* tag,
              Values* out) {
  ares_srv_reply* list = nullptr;
  int status = ares_parse_srv_reply(answer.data(), static_cast<int>(answer.size()), &list);
  if (status != ARES_SUCCESS) return status;
  for (ares_srv_reply* srv = list; srv != nullptr; srv = srv->next) {
    Record record(isolate);
    record.Set("name", srv->host)
        .Set("port", srv->port)
        .Set("priority", srv->priority)
        .Set("weight", srv->weight);
    TagRecord(&record, tag);
    out->push_back(record.object());
  }
  ares_free_data(list);
  return ARES_SUCCESS;
}

int AppendNaptr(v8::Isolate* isolate, const std::vector<unsigned char>& answer, const char* tag,
                Values* out) {
  ares_naptr_reply* list = nullptr;
  int status = ares_parse_naptr_reply(answer.data(), static_cast<int>(answer.size()), &list);
  if (status != ARES_SUCCESS) return status;
  for (ares_naptr_reply* naptr = list; naptr != nullptr; naptr = naptr->next) {
    Record record(isolate);
    record.Set("flags", reinterpret_cast<const char*>(naptr->flags))
        .Set("service", reinterpret_cast<const char*>(naptr->service))
        .Set("regexp", reinterpret_cast<const char*>(naptr->regexp))
        .Set("replacement", naptr->replacement)
        .Set("order", naptr->order)
        .Set("preference", naptr->preference);
    TagRecord(&record, tag);
    out->push_back(record.object());
  }
  ares_free_data(list);
  return ARES_SUCCESS;
}

int ParseSoa(v8::Isolate* isolate, const std::vector<unsigned char>& answer, const char* tag,
             v8::Local<v8::Object>* out) {
  ares_soa_reply* soa = nullptr;
  int status = ares_parse_soa_reply(answer.data(), static_cast<int>(answer.size()), &soa);
  if (status != ARES_SUCCESS) return status;
  Record record(isolate);
  record.Set("nsname", soa->nsname)
      .Set("hostmaster", soa->hostmaster)
      .Set("serial", soa->serial)
      .Set("refresh", soa->refresh)
      .Set("retry", soa->retry)
      .Set("expire", soa->expire)
      .Set("minttl", soa->minttl);
  TagRecord(&record, tag);
  *out = record.object();
  ares_free_data(soa);
  return ARES_SUCCESS;
}

// CAA: { critical, <tag>: value }, the property tag as the key (node's shape).
int AppendCaa(v8::Isolate* isolate, const std::vector<unsigned char>& answer, const char* tag,
              Values* out) {
  ares_caa_reply* list = nullptr;
  int status = ares_parse_caa_reply(answer.data(), static_cast<int>(answer.size()), &list);
  if (status != ARES_SUCCESS) return status;
  for (ares_caa_reply* caa = list; caa != nullptr; caa = caa->next) {
    Record record(isolate);
    record.Set("critical", caa->critical)
        .Set(Latin1(isolate, caa->property, caa->plength),
             Latin1(isolate, caa->value, caa->length));
    TagRecord(&record, tag);
    out->push_back(record.object());
  }
  ares_free_data(list);
  return ARES_SUCCESS;
}

void AppendValues(v8::Isolate* isolate, const std::vector<std::string>& names, const char* tag,
                  Values* out) {
  for (const std::string& name : names) {
    v8::Local<v8::String> value = Latin1(isolate, name.data(), name.size());
    if (tag == nullptr) {
      out->push_back(value);
      continue;
    }
    Record record(isolate);
    record.Set("value", value);
    TagRecord(&record, tag);
    out->push_back(record.object());
  }
}

// The record types present in the answer section, or false if the message is malformed.
bool AnswerTypes(const std::vector<unsigned char>& answer, std::unordered_set<int>* types) {
  const unsigned char* buf = answer.data();
  const long size = static_cast<long>(answer.size());
  if (size < 12) return false;
  auto u16 = [buf](long at) { return (buf[at] << 8) | buf[at + 1]; };
  // Advances past the (possibly compressed) name at `*at`.
  auto skip_name = [&](long* at) {
    char* name = nullptr;
    long length = 0;
    if (ares_expand_name(buf + *at, buf, static_cast<int>(size), &name, &length) != ARES_SUCCESS) {
      return false;
    }
    ares_free_string(name);
    *at += length;
    return true;
  };
  int questions = u16(4);
  int answers = u16(6);
  long at = 12;
  for (int i = 0; i < questions; i++) {
    if (!skip_name(&at) || at + 4 > size) return false;
    at += 4;
  }
  for (int i = 0; i < answers; i++) {
    if (!skip_name(&at) || at + 10 > size) return false;
    types->insert(u16(at));
    at += 10 + u16(at + 8);
    if (at > size) return false;
  }
  return true;
}

// resolveAny: every record type node knows, in node's order, each tagged with `type`. Only
// the types the answer holds are parsed (c-ares 1.18's parsers call some absent types bad
// responses).
int ParseAny(v8::Isolate* isolate, const std::vector<unsigned char>& answer, Values* out) {
  std::unordered_set<int> types;
  if (!AnswerTypes(answer, &types)) return ARES_EBADRESP;
  auto has = [&types](int type) { return types.count(type) != 0; };
  auto usable = [](int status) { return status == ARES_SUCCESS || status == ARES_ENODATA; };
  int status;

  // A CNAME chain answers with its target alone; otherwise the A records.
  AddressList v4;
  status = has(ns_t_a) || has(ns_t_cname) ? ParseAddressList(AF_INET, answer, &v4) : ARES_ENODATA;
  if (!usable(status)) return status;
  if (status == ARES_SUCCESS && v4.via_cname) {
    AppendValues(isolate, {v4.canonical}, "CNAME", out);
  } else if (status == ARES_SUCCESS) {
    for (size_t i = 0; i < v4.addresses.size(); i++) {
      Record record(isolate);
      record.Set("address", v4.addresses[i].c_str())
          .Set("ttl", i < v4.ttls.size() ? v4.ttls[i] : 0u)
          .Set("type", "A");
      out->push_back(record.object());
    }
  }

  AddressList v6;
  status = has(ns_t_aaaa) ? ParseAddressList(AF_INET6, answer, &v6) : ARES_ENODATA;
  if (!usable(status)) return status;
  for (size_t i = 0; status == ARES_SUCCESS && i < v6.addresses.size(); i++) {
    Record record(isolate);
    record.Set("address", v6.addresses[i].c_str())
        .Set("ttl", i < v6.ttls.size() ? v6.ttls[i] : 0u)
        .Set("type", "AAAA");
    out->push_back(record.object());
  }

  if (has(ns_t_mx) && !usable(status = AppendMx(isolate, answer, "MX", out))) return status;

  std::vector<std::string> names;
  if (has(ns_t_ns)) {
    if (!usable(status = ParseNames(QueryType::kNs, answer, &names))) return status;
    AppendValues(isolate, names, "NS", out);
  }

  if (has(ns_t_txt) && !usable(status = AppendTxt(isolate, answer, "TXT", out))) return status;
  if (has(ns_t_srv) && !usable(status = AppendSrv(isolate, answer, "SRV", out))) return status;

  if (has(ns_t_ptr)) {
    names.clear();
    if (!usable(status = ParseNames(QueryType::kPtr, answer, &names))) return status;
    AppendValues(isolate, names, "PTR", out);
  }

  if (has(ns_t_naptr) && !usable(status = AppendNaptr(isolate, answer, "NAPTR", out))) {
    return status;
  }

  if (has(ns_t_soa)) {
    v8::Local<v8::Object> soa;
    if (!usable(status = ParseSoa(isolate, answer, "SOA", &soa))) return status;
    if (status == ARES_SUCCESS) out->push_back(soa);
  }

  constexpr int kCaa = 257;
  if (has(kCaa) && !usable(status = AppendCaa(isolate, answer, "CAA", out))) return status;
  return ARES_SUCCESS;
}

}  // namespace

int ParseAnswer(v8::Isolate* isolate, QueryType type, const std::vector<unsigned char>& answer,
                ParsedAnswer* out) {
  Values values;
  int status = ARES_SUCCESS;
  switch (type) {
    case QueryType::kA:
    case QueryType::kAaaa: {
      AddressList list;
      status = ParseAddressList(type == QueryType::kA ? AF_INET : AF_INET6, answer, &list);
      if (status != ARES_SUCCESS) return status;
      Values ttls;
      for (const std::string& address : list.addresses) {
        values.push_back(Latin1(isolate, address.c_str()));
      }
      for (uint32_t ttl : list.ttls) ttls.push_back(v8::Integer::NewFromUnsigned(isolate, ttl));
      out->ttls = ToArray(isolate, &ttls);
      break;
    }
    case QueryType::kCname: {
      AddressList list;
      status = ParseAddressList(AF_INET, answer, &list);
      if (status != ARES_SUCCESS) return status;
      values.push_back(Latin1(isolate, list.canonical.c_str()));
      break;
    }
    case QueryType::kNs:
    case QueryType::kPtr: {
      std::vector<std::string> names;
      status = ParseNames(type, answer, &names);
      if (status != ARES_SUCCESS) return status;
      AppendValues(isolate, names, nullptr, &values);
      break;
    }
    case QueryType::kMx:
      status = AppendMx(isolate, answer, nullptr, &values);
      break;
    case QueryType::kTxt:
      status = AppendTxt(isolate, answer, nullptr, &values);
      break;
    case QueryType::kSrv:
      status = AppendSrv(isolate, answer, nullptr, &values);
      break;
    case QueryType::kNaptr:
      status = AppendNaptr(isolate, answer, nullptr, &values);
      break;
    case QueryType::kCaa:
      status = AppendCaa(isolate, answer, nullptr, &values);
      break;
    case QueryType::kSoa: {
      v8::Local<v8::Object> soa;
      status = ParseSoa(isolate, answer, nullptr, &soa);
      if (status != ARES_SUCCESS) return status;
      out->result = soa;
      return ARES_SUCCESS;
    }
    case QueryType::kAny:
      status = ParseAny(isolate, answer, &values);
      break;
  }
  if (status != ARES_SUCCESS) return status;
  out->result = ToArray(isolate, &values);
  return ARES_SUCCESS;
}

const char* AresErrorCode(int status) {
  static const char* const kCodes[] = {
      nullptr,           "ENODATA",       "EFORMERR",
      "ESERVFAIL",       "ENOTFOUND",     "ENOTIMP",
      "EREFUSED",        "EBADQUERY",     "EBADNAME",
      "EBADFAMILY",      "EBADRESP",      "ECONNREFUSED",
      "ETIMEOUT",        "EOF",           "EFILE",
      "ENOMEM",          "EDESTRUCTION",  "EBADSTR",
      "EBADFLAGS",       "ENONAME",       "EBADHINTS",
      "ENOTINITIALIZED", "ELOADIPHLPAPI", "EADDRGETNETWORKPARAMS",
      "ECANCELLED",
  };
  if (status <= 0 || status >= static_cast<int>(sizeof(kCodes) / sizeof(kCodes[0]))) {
    return "UNKNOWN_ARES_ERROR";
  }
  return kCodes[status];
}

}  // namespace ringjs::cares_wrap
