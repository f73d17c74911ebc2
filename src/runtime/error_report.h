#ifndef RINGJS_RUNTIME_ERROR_REPORT_H_
#define RINGJS_RUNTIME_ERROR_REPORT_H_

#include <string>

#include "v8.h"

namespace ringjs {

class Environment;

// "file:line\nsource line\n    ^^^\n" for the place a message points at, or "" if unknown.
std::string GetArrowString(v8::Isolate* isolate, v8::Local<v8::Context> context,
                           v8::Local<v8::Message> message);

// Node's report for an uncaught exception, written to stderr.
void PrintFatalException(Environment* env, v8::Local<v8::Value> exception,
                         v8::Local<v8::Message> message, bool from_promise);

// Report for an exception during start-up, before the JS formatter exists.
void PrintStartupException(v8::Isolate* isolate, v8::Local<v8::Context> context,
                           const v8::TryCatch& try_catch);

}  // namespace ringjs

#endif  // RINGJS_RUNTIME_ERROR_REPORT_H_
