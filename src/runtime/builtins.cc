#include "runtime/builtins.h"

#include "runtime/code_cache.h"

#include <string>
#include <vector>

namespace ringjs::builtins {
namespace {

class OneByteResource : public v8::String::ExternalOneByteStringResource {
 public:
  OneByteResource(const uint8_t* data, size_t length) : data_(data), length_(length) {}
  const char* data() const override { return reinterpret_cast<const char*>(data_); }
  size_t length() const override { return length_; }
  // Static data: nothing to free.
  void Dispose() override { delete this; }

 private:
  const uint8_t* data_;
  size_t length_;
};

class TwoByteResource : public v8::String::ExternalStringResource {
 public:
  TwoByteResource(const uint16_t* data, size_t length) : data_(data), length_(length) {}
  const uint16_t* data() const override { return data_; }
  size_t length() const override { return length_; }
  void Dispose() override { delete this; }

 private:
  const uint16_t* data_;
  size_t length_;
};

constexpr const char* kStandardParams[] = {"exports", "require", "module", "process",
                                           "internalBinding", "primordials"};

}  // namespace

const BuiltinSource* Find(std::string_view id) {
  for (size_t i = 0; i < kBuiltinCount; i++) {
    if (id == kBuiltinSources[i].id) return &kBuiltinSources[i];
  }
  return nullptr;
}

v8::Local<v8::String> SourceString(v8::Isolate* isolate, const BuiltinSource& source) {
  v8::MaybeLocal<v8::String> result =
      source.one_byte != nullptr
          ? v8::String::NewExternalOneByte(isolate,
                                           new OneByteResource(source.one_byte, source.length))
          : v8::String::NewExternalTwoByte(isolate,
                                           new TwoByteResource(source.two_byte, source.length));
  // Only fails past V8's string length limit, which no builtin approaches.
  return result.ToLocalChecked();
}

v8::MaybeLocal<v8::Function> Compile(v8::Local<v8::Context> context, std::string_view id) {
  return Compile(context, id, kStandardParams, std::size(kStandardParams));
}

v8::MaybeLocal<v8::Function> Compile(v8::Local<v8::Context> context, std::string_view id,
                                     const char* const* params, size_t param_count) {
  v8::Isolate* isolate = context->GetIsolate();
  const BuiltinSource* builtin = Find(id);
  if (builtin == nullptr) {
    std::string message = "No such built-in module: " + std::string(id);
    isolate->ThrowException(v8::Exception::Error(
        v8::String::NewFromUtf8(isolate, message.c_str()).ToLocalChecked()));
    return {};
  }
  std::string resource_name = "node:" + std::string(id);
  v8::ScriptOrigin origin(isolate,
                          v8::String::NewFromUtf8(isolate, resource_name.c_str(),
                                                  v8::NewStringType::kNormal,
                                                  static_cast<int>(resource_name.size()))
                              .ToLocalChecked());
  // The source takes ownership of the cache; a rejected one just means compiling from source.
  v8::ScriptCompiler::CachedData* cache = code_cache::Find(id);
  v8::ScriptCompiler::Source source(SourceString(isolate, *builtin), origin, cache);
  std::vector<v8::Local<v8::String>> param_names;
  for (size_t i = 0; i < param_count; i++) {
    param_names.push_back(v8::String::NewFromUtf8(isolate, params[i]).ToLocalChecked());
  }
  v8::MaybeLocal<v8::Function> function = v8::ScriptCompiler::CompileFunction(
      context, &source, param_names.size(), param_names.data(), 0, nullptr,
      cache != nullptr ? v8::ScriptCompiler::kConsumeCodeCache
                       : v8::ScriptCompiler::kNoCompileOptions);
  if (cache == nullptr) {
    code_cache::Count(code_cache::Outcome::kNoCache);
  } else {
    code_cache::Count(source.GetCachedData()->rejected ? code_cache::Outcome::kRejected
                                                       : code_cache::Outcome::kAccepted);
  }
  v8::Local<v8::Function> compiled;
  if (code_cache::IsRecording() && function.ToLocal(&compiled)) {
    code_cache::Record(isolate, id, compiled);
  }
  return function;
}

}  // namespace ringjs::builtins
