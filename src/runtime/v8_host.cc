#include "runtime/v8_host.h"

#include "bindings/module_wrap.h"
#include "runtime/array_buffer_allocator.h"
#include "libplatform/libplatform.h"
#include "loop/signal.h"

namespace ringjs {
namespace {

std::unique_ptr<v8::Platform> g_platform;
v8::ArrayBuffer::Allocator* g_allocator = nullptr;

}  // namespace

void V8Host::Initialize(const char* argv0, const std::vector<std::string>& v8_flags) {
  if (g_platform) return;
  v8::V8::InitializeICUDefaultLocation(argv0);
  // Import assertions (`assert { type: 'json' }`) and import attributes (`with { type: 'json' }`,
  // `import(x, { with })`, which node 20 takes) are behind flags in V8 10.2.
  static const char kImportAssertions[] = "--harmony-import-assertions";
  v8::V8::SetFlagsFromString(kImportAssertions, sizeof(kImportAssertions) - 1);
  static const char kImportAttributes[] = "--harmony-import-attributes";
  v8::V8::SetFlagsFromString(kImportAttributes, sizeof(kImportAttributes) - 1);
  // The young generation keeps V8's default ceiling (two 16 MiB semi-spaces, as node's): an
  // 8 MiB cap made allocation-heavy scripts spend ~25% more CPU and no longer lowers the http
  // server's RSS (62 MiB either way, node 69; bench/http.sh, 2026-11-23 21:53).
  for (const std::string& flag : v8_flags) {
    v8::V8::SetFlagsFromString(flag.c_str(), flag.size());
  }
  // Two cores here and on most CI: a small worker pool keeps start-up cheap. V8's threads
  // block every signal so process signals reach the loop's signalfd.
  loop::ScopedBlockSignals block_signals;
  g_platform = v8::platform::NewDefaultPlatform(2);
  v8::V8::InitializePlatform(g_platform.get());
  v8::V8::Initialize();
  g_allocator = new ArrayBufferAllocator();
}

void V8Host::Dispose() {
  if (!g_platform) return;
  v8::V8::Dispose();
  v8::V8::DisposePlatform();
  g_platform.reset();
  delete g_allocator;
  g_allocator = nullptr;
}

v8::Platform* V8Host::platform() { return g_platform.get(); }

v8::Isolate* V8Host::NewIsolate(const v8::ResourceConstraints* constraints) {
  v8::Isolate::CreateParams params;
  params.array_buffer_allocator = g_allocator;
  if (constraints != nullptr) params.constraints = *constraints;
  v8::Isolate* isolate = v8::Isolate::New(params);
  isolate->SetMicrotasksPolicy(v8::MicrotasksPolicy::kExplicit);
  isolate->SetCaptureStackTraceForUncaughtExceptions(true, 10);
  // import() and import.meta (the ES module loader answers both).
  module_wrap::SetIsolateModuleCallbacks(isolate);
  return isolate;
}

void V8Host::DisposeIsolate(v8::Isolate* isolate) {
  v8::platform::NotifyIsolateShutdown(g_platform.get(), isolate);
  isolate->Dispose();
}

bool V8Host::PumpTasks(v8::Isolate* isolate) {
  bool ran = false;
  while (v8::platform::PumpMessageLoop(g_platform.get(), isolate,
                                       v8::platform::MessageLoopBehavior::kDoNotWait)) {
    ran = true;
  }
  return ran;
}

}  // namespace ringjs
