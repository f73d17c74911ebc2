#ifndef RINGJS_RUNTIME_V8_HOST_H_
#define RINGJS_RUNTIME_V8_HOST_H_

#include <memory>
#include <string>
#include <vector>

#include "v8-platform.h"
#include "v8.h"

namespace ringjs {

// Process-wide V8 state: ICU, the platform (worker threads for GC and compilation), flags.
// Initialised once per process (tests too), torn down at exit.
class V8Host {
 public:
  static void Initialize(const char* argv0, const std::vector<std::string>& v8_flags);
  static void Dispose();
  static v8::Platform* platform();

  // An isolate as ringjs uses it: explicit microtask policy, node's stack trace limit. A worker
  // passes its heap limits (resourceLimits).
  static v8::Isolate* NewIsolate(const v8::ResourceConstraints* constraints = nullptr);
  // Also drops the platform's task queue for the isolate (workers come and go).
  static void DisposeIsolate(v8::Isolate* isolate);

  // Runs the platform's pending foreground tasks for `isolate` without blocking; true if any ran.
  static bool PumpTasks(v8::Isolate* isolate);
};

}  // namespace ringjs

#endif  // RINGJS_RUNTIME_V8_HOST_H_
