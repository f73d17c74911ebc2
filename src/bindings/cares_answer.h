// Turns a DNS answer (the raw message c-ares hands back) into the values node:dns returns for
// each query type, using c-ares's record parsers.
#ifndef RINGJS_BINDINGS_CARES_ANSWER_H_
#define RINGJS_BINDINGS_CARES_ANSWER_H_

#include <string>
#include <vector>

#include "v8.h"

namespace ringjs::cares_wrap {

// The record types node:dns queries; one binding method (queryA, ...) each.
enum class QueryType { kA, kAaaa, kAny, kCaa, kCname, kMx, kNaptr, kNs, kPtr, kSoa, kSrv, kTxt };

struct ParsedAnswer {
  v8::Local<v8::Value> result;
  // Per-address TTLs for A and AAAA (node's { ttl: true }); empty otherwise.
  v8::Local<v8::Value> ttls;
};

// Parses `answer` as a reply to a `type` query. Returns ARES_SUCCESS and fills `out`, or the
// c-ares status (ARES_ENODATA, ARES_EBADRESP, ...) naming why it has nothing to give.
int ParseAnswer(v8::Isolate* isolate, QueryType type, const std::vector<unsigned char>& answer,
                ParsedAnswer* out);

// Node's name for a c-ares status ("ENOTFOUND"); "UNKNOWN_ARES_ERROR" for others.
const char* AresErrorCode(int status);

}  // namespace ringjs::cares_wrap

#endif  // RINGJS_BINDINGS_CARES_ANSWER_H_
