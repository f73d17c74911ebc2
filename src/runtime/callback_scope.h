#ifndef RINGJS_RUNTIME_CALLBACK_SCOPE_H_
#define RINGJS_RUNTIME_CALLBACK_SCOPE_H_

#include "runtime/environment.h"
#include "v8.h"

namespace ringjs {

// Every entry from C++ into JS (a completion, a timer, a signal) goes through a CallbackScope.
// When the outermost scope closes it drains process.nextTick and the microtask queue, as node's
// InternalCallbackScope does, so ticks run before promises and both before the next callback.
class CallbackScope {
 public:
  explicit CallbackScope(Environment* env);
  ~CallbackScope();
  CallbackScope(const CallbackScope&) = delete;
  CallbackScope& operator=(const CallbackScope&) = delete;

  // Calls fn. While AsyncLocalStorage is in use, fn runs in the async context frame captured on
  // recv (a handle or request, see CaptureAsyncContext), or else on fn itself. An exception is reported as uncaught (process 'uncaughtException', or the fatal
  // report and exit); the result is then empty.
  v8::MaybeLocal<v8::Value> Call(v8::Local<v8::Function> fn, v8::Local<v8::Value> recv, int argc,
                                 v8::Local<v8::Value>* argv);

 private:
  Environment* env_;
  v8::HandleScope handle_scope_;
  v8::Context::Scope context_scope_;
};

// Starts carrying AsyncLocalStorage frames into native callbacks: `state` is the JS
// { enabled, frame } of internal/async_context_frame.js.
void TrackAsyncContext(Environment* env, v8::Local<v8::Object> state);

// Remembers the async context frame current now on `resource` (a handle or request object, or
// a one-shot callback) so CallbackScope::Call runs its callbacks in it. Free while untracked.
void CaptureAsyncContext(Environment* env, v8::Local<v8::Object> resource);

// fn.call(recv, ...argv) in the frame captured on recv (else on fn), for the JS calls a binding
// makes inside a callback scope that is already open (the http parser's). Exceptions stay the
// caller's to handle.
v8::MaybeLocal<v8::Value> CallInResourceContext(Environment* env, v8::Local<v8::Function> fn,
                                                v8::Local<v8::Value> recv, int argc,
                                                v8::Local<v8::Value>* argv);

// Runs the nextTick queue and microtasks until both are empty (only at callback depth 0).
void ProcessTicksAndRejections(Environment* env);

// Reports an exception nobody caught: runs process 'uncaughtException' listeners, or prints
// node's fatal report and exits. Returns if a listener handled it.
void TriggerUncaughtException(Environment* env, v8::Local<v8::Value> exception,
                              v8::Local<v8::Message> message, bool from_promise = false);

}  // namespace ringjs

#endif  // RINGJS_RUNTIME_CALLBACK_SCOPE_H_
