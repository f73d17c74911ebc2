// internalBinding('v8'): heap statistics, flags, the code cache tag, heap snapshots and the
// Serializer/Deserializer classes (v8_serdes.cc) behind node:v8.
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "bindings/v8_serdes.h"
#include "runtime/binding.h"
#include "v8-profiler.h"

namespace ringjs::v8_binding {
namespace {

v8::Local<v8::Array> NumberArray(v8::Isolate* isolate, std::initializer_list<double> values) {
  std::vector<v8::Local<v8::Value>> items;
  items.reserve(values.size());
  for (double value : values) items.push_back(v8::Number::New(isolate, value));
  return v8::Array::New(isolate, items.data(), items.size());
}

// getHeapStatistics() -> numbers in node's key order (lib/js/v8.js names them).
void GetHeapStatistics(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::HeapStatistics s;
  isolate->GetHeapStatistics(&s);
  info.GetReturnValue().Set(NumberArray(
      isolate,
      {static_cast<double>(s.total_heap_size()), static_cast<double>(s.total_heap_size_executable()),
       static_cast<double>(s.total_physical_size()), static_cast<double>(s.total_available_size()),
       static_cast<double>(s.used_heap_size()), static_cast<double>(s.heap_size_limit()),
       static_cast<double>(s.malloced_memory()), static_cast<double>(s.peak_malloced_memory()),
       static_cast<double>(s.does_zap_garbage()),
       static_cast<double>(s.number_of_native_contexts()),
       static_cast<double>(s.number_of_detached_contexts()),
       static_cast<double>(s.total_global_handles_size()),
       static_cast<double>(s.used_global_handles_size()),
       static_cast<double>(s.external_memory())}));
}

// getHeapSpaceStatistics() -> [[name, size, used, available, physical], ...].
void GetHeapSpaceStatistics(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  size_t count = isolate->NumberOfHeapSpaces();
  std::vector<v8::Local<v8::Value>> spaces;
  for (size_t i = 0; i < count; i++) {
    v8::HeapSpaceStatistics s;
    if (!isolate->GetHeapSpaceStatistics(&s, i)) continue;
    v8::Local<v8::Value> fields[] = {
        OneByteString(isolate, s.space_name()),
        v8::Number::New(isolate, static_cast<double>(s.space_size())),
        v8::Number::New(isolate, static_cast<double>(s.space_used_size())),
        v8::Number::New(isolate, static_cast<double>(s.space_available_size())),
        v8::Number::New(isolate, static_cast<double>(s.physical_space_size())),
    };
    spaces.push_back(v8::Array::New(isolate, fields, std::size(fields)));
  }
  info.GetReturnValue().Set(v8::Array::New(isolate, spaces.data(), spaces.size()));
}

void GetHeapCodeStatistics(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::HeapCodeStatistics s;
  isolate->GetHeapCodeAndMetadataStatistics(&s);
  info.GetReturnValue().Set(NumberArray(
      isolate, {static_cast<double>(s.code_and_metadata_size()),
                static_cast<double>(s.bytecode_and_metadata_size()),
                static_cast<double>(s.external_script_source_size()),
                static_cast<double>(s.cpu_profiler_metadata_size())}));
}

void CachedDataVersionTag(const v8::FunctionCallbackInfo<v8::Value>& info) {
  info.GetReturnValue().Set(v8::ScriptCompiler::CachedDataVersionTag());
}

void SetFlagsFromString(const v8::FunctionCallbackInfo<v8::Value>& info) {
  std::string flags = ToStdString(info.GetIsolate(), info[0]);
  v8::V8::SetFlagsFromString(flags.c_str(), flags.size());
}

// Collects a serialized snapshot into a string, or writes it to a file descriptor.
class SnapshotSink : public v8::OutputStream {
 public:
  explicit SnapshotSink(int fd) : fd_(fd) {}

  void EndOfStream() override {}
  int GetChunkSize() override { return 64 * 1024; }

  WriteResult WriteAsciiChunk(char* data, int size) override {
    if (fd_ < 0) {
      text_.append(data, static_cast<size_t>(size));
      return kContinue;
    }
    while (size > 0) {
      ssize_t n = write(fd_, data, static_cast<size_t>(size));
      if (n < 0) {
        if (errno == EINTR) continue;
        error_ = -errno;
        return kAbort;
      }
      data += n;
      size -= static_cast<int>(n);
    }
    return kContinue;
  }

  std::string& text() { return text_; }
  int error() const { return error_; }

 private:
  int fd_;
  int error_ = 0;
  std::string text_;
};

void SerializeSnapshot(v8::Isolate* isolate, bool expose_numeric_values, SnapshotSink* sink) {
  v8::HeapProfiler* profiler = isolate->GetHeapProfiler();
  const v8::HeapSnapshot* snapshot =
      profiler->TakeHeapSnapshot(nullptr, nullptr, true, expose_numeric_values);
  snapshot->Serialize(sink, v8::HeapSnapshot::kJSON);
  const_cast<v8::HeapSnapshot*>(snapshot)->Delete();
}

// writeHeapSnapshot(path, exposeNumericValues) -> 0 or -errno.
void WriteHeapSnapshot(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  std::string path = ToStdString(isolate, info[0]);
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) {
    info.GetReturnValue().Set(-errno);
    return;
  }
  SnapshotSink sink(fd);
  SerializeSnapshot(isolate, info[1]->BooleanValue(isolate), &sink);
  int err = sink.error();
  if (close(fd) != 0 && err == 0) err = -errno;
  info.GetReturnValue().Set(err);
}

// takeHeapSnapshot(exposeNumericValues) -> Uint8Array of the snapshot's JSON.
void TakeHeapSnapshot(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  auto* sink = new SnapshotSink(-1);
  SerializeSnapshot(isolate, info[0]->BooleanValue(isolate), sink);
  std::string& text = sink->text();
  std::shared_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(
      text.data(), text.size(),
      [](void*, size_t, void* owner) { delete static_cast<SnapshotSink*>(owner); }, sink);
  size_t length = text.size();
  v8::Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, std::move(store));
  info.GetReturnValue().Set(v8::Uint8Array::New(buffer, 0, length));
}

// Heap.<date>.<time>.<pid>.<thread>.<seq>.heapsnapshot, node's diagnostic file name; the
// sequence number counts every such name the process made.
std::string NextDiagnosticFileName() {
  static std::atomic<int> sequence{0};
  int seq = ++sequence;
  time_t now = time(nullptr);
  struct tm parts;
  localtime_r(&now, &parts);
  char name[128];
  snprintf(name, sizeof(name), "Heap.%04d%02d%02d.%02d%02d%02d.%d.0.%03d.heapsnapshot",
           parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min,
           parts.tm_sec, static_cast<int>(getpid()), seq);
  return name;
}

// State of setHeapSnapshotNearHeapLimit for one isolate.
class NearHeapLimitState : public BindingData {
 public:
  NearHeapLimitState(v8::Isolate* isolate, uint32_t limit) : isolate_(isolate), limit_(limit) {}
  ~NearHeapLimitState() override {
    isolate_->RemoveNearHeapLimitCallback(OnNearHeapLimit, 0);
  }

  // Writes a snapshot while snapshots remain, giving V8 room to build it; past the limit the
  // heap limit stays and V8 fails as it would have.
  static size_t OnNearHeapLimit(void* data, size_t current_limit, size_t initial_limit) {
    auto* self = static_cast<NearHeapLimitState*>(data);
    if (self->written_ >= self->limit_) return current_limit;
    self->written_++;
    std::string name = NextDiagnosticFileName();
    int fd = open(name.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd >= 0) {
      SnapshotSink sink(fd);
      SerializeSnapshot(self->isolate_, false, &sink);
      close(fd);
      fprintf(stderr, "Wrote snapshot to %s\n", name.c_str());
    }
    return current_limit + initial_limit / 2;
  }

 private:
  v8::Isolate* isolate_;
  uint32_t limit_;
  uint32_t written_ = 0;
};

// setHeapSnapshotNearHeapLimit(limit): the first call wins, as node.
void SetHeapSnapshotNearHeapLimit(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  if (env->binding_data<NearHeapLimitState>("v8.nearHeapLimit") != nullptr) return;
  uint32_t limit = info[0]->Uint32Value(env->context()).FromMaybe(0);
  if (limit == 0) return;
  NearHeapLimitState* state = env->set_binding_data(
      "v8.nearHeapLimit", std::make_unique<NearHeapLimitState>(env->isolate(), limit));
  env->isolate()->AddNearHeapLimitCallback(NearHeapLimitState::OnNearHeapLimit, state);
}

void DiagnosticFileNameMethod(const v8::FunctionCallbackInfo<v8::Value>& info) {
  info.GetReturnValue().Set(Utf8String(info.GetIsolate(), NextDiagnosticFileName()));
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  v8::Local<v8::Context> context = env->context();
  SetMethod(context, target, "getHeapStatistics", GetHeapStatistics);
  SetMethod(context, target, "getHeapSpaceStatistics", GetHeapSpaceStatistics);
  SetMethod(context, target, "getHeapCodeStatistics", GetHeapCodeStatistics);
  SetMethod(context, target, "cachedDataVersionTag", CachedDataVersionTag);
  SetMethod(context, target, "setFlagsFromString", SetFlagsFromString);
  SetMethod(context, target, "writeHeapSnapshot", WriteHeapSnapshot);
  SetMethod(context, target, "takeHeapSnapshot", TakeHeapSnapshot);
  SetMethod(context, target, "nextDiagnosticFileName", DiagnosticFileNameMethod);
  SetMethod(context, target, "setHeapSnapshotNearHeapLimit", SetHeapSnapshotNearHeapLimit);
  InitializeSerdes(env, target);
}

}  // namespace
}  // namespace ringjs::v8_binding

RINGJS_BINDING(v8, ringjs::v8_binding::Initialize)
