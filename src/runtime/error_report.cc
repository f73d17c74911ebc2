#include "runtime/error_report.h"

#include <unistd.h>

#include "runtime/environment.h"
#include "runtime/stdio_write.h"

namespace ringjs {
namespace {

std::string ToUtf8(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  v8::String::Utf8Value utf8(isolate, value);
  return *utf8 == nullptr ? std::string() : std::string(*utf8, utf8.length());
}

// Plain fallback formatting: the stack if there is one, else String(value).
std::string FallbackFormat(v8::Isolate* isolate, v8::Local<v8::Context> context,
                           v8::Local<v8::Value> exception) {
  v8::TryCatch try_catch(isolate);
  if (exception->IsObject()) {
    v8::Local<v8::Value> stack;
    if (exception.As<v8::Object>()
            ->Get(context, v8::String::NewFromUtf8Literal(isolate, "stack"))
            .ToLocal(&stack) &&
        stack->IsString()) {
      return ToUtf8(isolate, stack);
    }
  }
  return ToUtf8(isolate, exception);
}

}  // namespace

std::string GetArrowString(v8::Isolate* isolate, v8::Local<v8::Context> context,
                           v8::Local<v8::Message> message) {
  if (message.IsEmpty()) return "";
  v8::Local<v8::Value> resource = message->GetScriptResourceName();
  int line;
  if (resource.IsEmpty() || resource->IsUndefined() || !message->GetLineNumber(context).To(&line)) {
    return "";
  }
  v8::Local<v8::String> source_line;
  if (!message->GetSourceLine(context).ToLocal(&source_line)) return "";
  std::string source = ToUtf8(isolate, source_line);
  int start = message->GetStartColumn(context).FromMaybe(0);
  int end = message->GetEndColumn(context).FromMaybe(0);
  // On the script's first line V8's columns include the origin's column offset (vm's
  // columnOffset), which the source line it returns does not have: node takes it off.
  v8::ScriptOrigin origin = message->GetScriptOrigin();
  int first_line_offset = line - origin.LineOffset() == 1 ? origin.ColumnOffset() : 0;
  if (start >= first_line_offset) {
    start -= first_line_offset;
    end -= first_line_offset;
  }
  std::string arrow = ToUtf8(isolate, resource) + ":" + std::to_string(line) + "\n" + source + "\n";
  // As node's GetErrorSource: no underline when the range does not fit the line.
  if (start > end || start < 0 || static_cast<size_t>(end) > source.size()) return arrow;
  for (int i = 0; i < start; i++) arrow += source[i] == '\t' ? '\t' : ' ';
  for (int i = start; i < end; i++) arrow += '^';
  return arrow + "\n";
}

void PrintFatalException(Environment* env, v8::Local<v8::Value> exception,
                         v8::Local<v8::Message> message, bool from_promise) {
  v8::Isolate* isolate = env->isolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Context> context = env->context();
  std::string arrow = GetArrowString(isolate, context, message);

  // Node's ReportFatalException: objects are formatted by the JS inspector (its stack
  // enhancer); primitives print as String(value) with a hint about --trace-uncaught.
  std::string body;
  if (exception->IsObject()) {
    if (!env->inspect_error_callback.IsEmpty()) {
      v8::TryCatch try_catch(isolate);
      v8::Local<v8::Value> formatted;
      if (env->inspect_error_callback.Get(isolate)
              ->Call(context, v8::Undefined(isolate), 1, &exception)
              .ToLocal(&formatted)) {
        body = ToUtf8(isolate, formatted);
      }
    }
    if (body.empty()) body = FallbackFormat(isolate, context, exception);
  } else {
    v8::TryCatch try_catch(isolate);
    body = ToUtf8(isolate, exception);
  }

  // A stack that already starts with the arrow was decorated in JS (ES module link errors, as
  // node's decorateErrorStack): print it as it is.
  if (!arrow.empty() && body.compare(0, arrow.size(), arrow) == 0) arrow.clear();
  std::string report;
  if (arrow.empty() && exception->IsNativeError()) {
    report = body + "\n";
  } else if (exception->IsNativeError()) {
    // The arrow goes before the stack, separated by a blank line.
    report = arrow + (arrow.empty() ? "" : "\n") + body + "\n";
  } else {
    // Anything that is not an Error gets the arrow printed first, after a blank line, as
    // node's AppendExceptionLine does for these.
    report = "\n" + arrow + body + "\n";
  }
  if (!exception->IsObject()) {
    std::string program = env->options().argv0;
    size_t slash = program.rfind('/');
    if (slash != std::string::npos) program = program.substr(slash + 1);
    if (program.empty()) program = "ringjs";
    report += "(Use `" + program +
              " --trace-uncaught ...` to show where the exception was thrown)\n";
  }
  report += "\nringjs v" RINGJS_VERSION "\n";
  WriteAllToFd(STDERR_FILENO, report.data(), report.size());
}

void PrintStartupException(v8::Isolate* isolate, v8::Local<v8::Context> context,
                           const v8::TryCatch& try_catch) {
  // A worker terminated while starting: nothing to report.
  if (try_catch.HasTerminated()) return;
  if (!try_catch.HasCaught()) {
    static const char kMessage[] = "ringjs: start-up failed without an exception\n";
    WriteAllToFd(STDERR_FILENO, kMessage, sizeof(kMessage) - 1);
    return;
  }
  std::string report = GetArrowString(isolate, context, try_catch.Message());
  if (!report.empty()) report += "\n";
  report += FallbackFormat(isolate, context, try_catch.Exception()) + "\n";
  WriteAllToFd(STDERR_FILENO, report.data(), report.size());
}

}  // namespace ringjs
