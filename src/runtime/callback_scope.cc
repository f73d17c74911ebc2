#include "runtime/callback_scope.h"

#include <optional>

#include "runtime/binding.h"
#include "runtime/error_report.h"
#include "runtime/process_exit.h"

namespace ringjs {

namespace {

// The frame captured on recv, or else on fn; false if neither has one.
bool FindCapturedFrame(Environment* env, v8::Local<v8::Function> fn, v8::Local<v8::Value> recv,
                       v8::Local<v8::Value>* frame) {
  v8::Local<v8::Context> context = env->context();
  v8::Local<v8::Private> key = env->async_context_private.Get(env->isolate());
  if (recv->IsObject()) {
    v8::Local<v8::Object> object = recv.As<v8::Object>();
    if (object->HasPrivate(context, key).FromMaybe(false)) {
      return object->GetPrivate(context, key).ToLocal(frame);
    }
  }
  if (!fn->HasPrivate(context, key).FromMaybe(false)) return false;
  return fn->GetPrivate(context, key).ToLocal(frame);
}

// While alive, the frame captured for fn/recv (if any) is current; the caller's comes back when
// it goes.
class CapturedFrameScope {
 public:
  CapturedFrameScope(Environment* env, v8::Local<v8::Function> fn, v8::Local<v8::Value> recv)
      : env_(env) {
    v8::Local<v8::Value> frame;
    if (!FindCapturedFrame(env, fn, recv, &frame)) return;
    v8::Isolate* isolate = env->isolate();
    v8::Local<v8::Context> context = env->context();
    state_ = env->async_context_state.Get(isolate);
    key_ = env->async_context_frame_key.Get(isolate);
    entered_ = state_->Get(context, key_).ToLocal(&previous_) &&
               state_->Set(context, key_, frame).FromMaybe(false);
  }
  ~CapturedFrameScope() {
    if (entered_) USE(state_->Set(env_->context(), key_, previous_));
  }
  CapturedFrameScope(const CapturedFrameScope&) = delete;
  CapturedFrameScope& operator=(const CapturedFrameScope&) = delete;

 private:
  Environment* env_;
  v8::Local<v8::Object> state_;
  v8::Local<v8::String> key_;
  v8::Local<v8::Value> previous_;
  bool entered_ = false;
};

}  // namespace

CallbackScope::CallbackScope(Environment* env)
    : env_(env), handle_scope_(env->isolate()), context_scope_(env->context()) {
  env_->callback_depth++;
}

CallbackScope::~CallbackScope() {
  env_->callback_depth--;
  if (env_->callback_depth == 0) ProcessTicksAndRejections(env_);
}

v8::MaybeLocal<v8::Value> CallbackScope::Call(v8::Local<v8::Function> fn,
                                              v8::Local<v8::Value> recv, int argc,
                                              v8::Local<v8::Value>* argv) {
  if (env_->is_stopping()) return {};
  v8::TryCatch try_catch(env_->isolate());
  std::optional<CapturedFrameScope> frame;
  if (env_->async_context_enabled) frame.emplace(env_, fn, recv);
  v8::MaybeLocal<v8::Value> result = fn->Call(env_->context(), recv, argc, argv);
  if (try_catch.HasCaught() && !try_catch.HasTerminated()) {
    // Still in the thrower's frame: 'uncaughtException' listeners see its stores, as in node.
    TriggerUncaughtException(env_, try_catch.Exception(), try_catch.Message());
  }
  return result;
}

void TrackAsyncContext(Environment* env, v8::Local<v8::Object> state) {
  v8::Isolate* isolate = env->isolate();
  env->async_context_state.Reset(isolate, state);
  env->async_context_frame_key.Reset(
      isolate, v8::String::NewFromUtf8Literal(isolate, "frame", v8::NewStringType::kInternalized));
  env->async_context_private.Reset(
      isolate, v8::Private::New(isolate, v8::String::NewFromUtf8Literal(isolate, "asyncFrame")));
  env->async_context_enabled = true;
}

void CaptureAsyncContext(Environment* env, v8::Local<v8::Object> resource) {
  if (!env->async_context_enabled) return;
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  v8::Local<v8::Value> frame;
  if (!env->async_context_state.Get(isolate)
           ->Get(context, env->async_context_frame_key.Get(isolate))
           .ToLocal(&frame)) {
    return;
  }
  // The empty frame is stored too: a re-captured resource must lose its old store.
  USE(resource->SetPrivate(context, env->async_context_private.Get(isolate), frame));
}

v8::MaybeLocal<v8::Value> CallInResourceContext(Environment* env, v8::Local<v8::Function> fn,
                                                v8::Local<v8::Value> recv, int argc,
                                                v8::Local<v8::Value>* argv) {
  if (!env->async_context_enabled) return fn->Call(env->context(), recv, argc, argv);
  CapturedFrameScope frame(env, fn, recv);
  return fn->Call(env->context(), recv, argc, argv);
}

void ProcessTicksAndRejections(Environment* env) {
  if (env->is_stopping() || env->callback_depth > 0) return;
  v8::Isolate* isolate = env->isolate();
  v8::HandleScope scope(isolate);
  if (!env->has_tick_scheduled() && !env->has_rejection_to_warn()) {
    isolate->PerformMicrotaskCheckpoint();
  }
  if (env->is_stopping()) return;
  if (!env->has_tick_scheduled() && !env->has_rejection_to_warn()) return;
  if (env->tick_callback.IsEmpty()) return;
  // Run the JS tick processor at depth 1 so a callback it makes does not recurse into here.
  env->callback_depth++;
  v8::TryCatch try_catch(isolate);
  v8::Local<v8::Value> process = env->process_object.Get(isolate);
  v8::MaybeLocal<v8::Value> ignored =
      env->tick_callback.Get(isolate)->Call(env->context(), process, 0, nullptr);
  (void)ignored;
  env->callback_depth--;
  if (try_catch.HasCaught() && !try_catch.HasTerminated()) {
    // As node: the ticks left behind a tick that threw (and was handled) wait for the next
    // callback scope, at the latest the start of the next check phase (RunImmediates), which the
    // handler's setImmediate(noop) makes sure comes without blocking. A timer that is due runs
    // before them.
    TriggerUncaughtException(env, try_catch.Exception(), try_catch.Message());
  }
}

void TriggerUncaughtException(Environment* env, v8::Local<v8::Value> exception,
                              v8::Local<v8::Message> message, bool from_promise) {
  if (env->is_stopping()) return;
  v8::Isolate* isolate = env->isolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Context> context = env->context();
  if (message.IsEmpty()) message = v8::Exception::CreateMessage(isolate, exception);

  if (env->fatal_exception_callback.IsEmpty()) {
    // Before bootstrap finished: nothing in JS can handle it.
    PrintFatalException(env, exception, message, from_promise);
    ExitProcess(env, 1);
    return;
  }
  v8::Local<v8::Value> args[] = {exception, v8::Boolean::New(isolate, from_promise)};
  v8::Local<v8::Value> handled;
  {
    v8::TryCatch try_catch(isolate);
    env->callback_depth++;
    bool ok = env->fatal_exception_callback.Get(isolate)
                  ->Call(context, env->process_object.Get(isolate), 2, args)
                  .ToLocal(&handled);
    env->callback_depth--;
    if (!ok) {
      if (try_catch.HasTerminated()) return;
      // An 'uncaughtException' listener threw: print that error and exit 7, as node does.
      PrintFatalException(env, try_catch.Exception(), try_catch.Message(), false);
      ExitProcess(env, 7);
      return;
    }
  }
  if (handled->IsTrue()) return;
  PrintFatalException(env, exception, message, from_promise);
  // The handler set process.exitCode = 1 and emitted 'exit'; a listener may have changed it.
  ExitProcess(env, env->GetExitCode(1));
}

}  // namespace ringjs
