#ifndef RINGJS_RUNTIME_BUILTIN_SOURCE_H_
#define RINGJS_RUNTIME_BUILTIN_SOURCE_H_

#include <cstddef>
#include <cstdint>

namespace ringjs::builtins {

// One embedded lib/js file. Exactly one of one_byte/two_byte is set; both are NUL-terminated
// static arrays written by tools/js2c, so V8 can use them as external strings without a copy.
struct BuiltinSource {
  const char* id;
  const uint8_t* one_byte;
  const uint16_t* two_byte;
  size_t length;
};

extern const BuiltinSource kBuiltinSources[];
extern const size_t kBuiltinCount;

}  // namespace ringjs::builtins

#endif  // RINGJS_RUNTIME_BUILTIN_SOURCE_H_
