#include "runtime/runtime.h"

#include <cstdio>
#include <memory>

#include "bindings/tls_util.h"
#include "loop/loop.h"
#include "runtime/binding.h"
#include "runtime/bootstrap.h"
#include "runtime/callback_scope.h"
#include "runtime/code_cache.h"
#include "runtime/environment.h"
#include "runtime/error_report.h"
#include "runtime/performance_milestones.h"
#include "runtime/v8_host.h"

namespace ringjs {
namespace {

// Calls one of the lifecycle emitters the bootstrap registered ('beforeExit', 'exit').
void EmitLifecycleEvent(Environment* env, const v8::Global<v8::Function>& emitter) {
  if (emitter.IsEmpty() || env->is_stopping()) return;
  CallbackScope scope(env);
  v8::Isolate* isolate = env->isolate();
  USE(scope.Call(emitter.Get(isolate), env->process_object.Get(isolate), 0, nullptr));
}

}  // namespace

void SpinEventLoop(Environment* env) {
  loop::Loop* loop = env->loop();
  perf::MarkMilestone(env, perf::kLoopStart);
  bool more;
  do {
    if (env->is_stopping()) return;
    loop->Run(loop::RunMode::kDefault);
    if (V8Host::PumpTasks(env->isolate())) CallbackScope drain(env);
    more = loop->IsAlive();
    if (more || env->is_stopping()) continue;
    EmitLifecycleEvent(env, env->emit_before_exit);
    more = loop->IsAlive();
  } while (more);
  perf::MarkMilestone(env, perf::kLoopExit);
}

void EmitProcessExit(Environment* env) { EmitLifecycleEvent(env, env->emit_exit); }

int RunMain(const CliOptions& options) {
  tls::LoadExtraRootCerts();
  loop::LoopOptions loop_options;
  loop_options.sqpoll = options.io_uring_sqpoll;
  std::unique_ptr<loop::Loop> loop = loop::Loop::Create(loop_options);
  if (!loop) {
    std::fprintf(stderr, "ringjs: cannot create the event loop (RINGJS_DEBUG=loop says why)\n");
    return 1;
  }
  v8::Isolate* isolate = V8Host::NewIsolate();
  int exit_code = 0;
  {
    v8::Isolate::Scope isolate_scope(isolate);
    v8::HandleScope handle_scope(isolate);
    v8::Local<v8::Context> context = v8::Context::New(isolate);
    v8::Context::Scope context_scope(context);
    Environment env(isolate, context, loop.get(), options);
    perf::MarkMilestone(&env, perf::kEnvironment);
    if (!Bootstrap(&env)) {
      exit_code = 1;
    } else {
      perf::MarkMilestone(&env, perf::kBootstrapComplete);
      RunEntryPoint(&env);
      SpinEventLoop(&env);
      EmitProcessExit(&env);
      exit_code = env.GetExitCode(0);
      if (code_cache::IsRecording() && !code_cache::WriteRecorded(isolate)) exit_code = 1;
    }
    env.RunCleanupHooks();
    // Close callbacks of handles the cleanup hooks closed.
    loop->Run(loop::RunMode::kNoWait);
  }
  V8Host::DisposeIsolate(isolate);
  code_cache::ReportIfAsked();
  return exit_code;
}

}  // namespace ringjs
