#include "runtime/code_cache.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <unordered_map>
#include <vector>

namespace ringjs::code_cache {
namespace {

struct Entry {
  const uint8_t* data;
  int length;
};

std::unordered_map<std::string_view, Entry>& Embedded() {
  static auto* entries = new std::unordered_map<std::string_view, Entry>();
  return *entries;
}

size_t g_counts[3] = {0, 0, 0};

struct Recorded {
  std::string id;
  v8::Global<v8::Function> function;
};

std::string& RecordPath() {
  static auto* path = new std::string();
  return *path;
}

std::vector<Recorded>& RecordedFunctions() {
  static auto* recorded = new std::vector<Recorded>();
  return *recorded;
}

bool ReadU32(const uint8_t*& cursor, const uint8_t* end, uint32_t* value) {
  if (end - cursor < 4) return false;
  std::memcpy(value, cursor, 4);
  cursor += 4;
  return true;
}

void AppendU32(std::string* out, uint32_t value) {
  out->append(reinterpret_cast<const char*>(&value), 4);
}

}  // namespace

v8::ScriptCompiler::CachedData* BorrowFromView(v8::Local<v8::Value> value) {
  if (!value->IsArrayBufferView()) return nullptr;
  v8::Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
  auto* bytes = static_cast<const uint8_t*>(view->Buffer()->GetBackingStore()->Data()) +
                view->ByteOffset();
  return new v8::ScriptCompiler::CachedData(bytes, static_cast<int>(view->ByteLength()));
}

v8::Local<v8::Uint8Array> CopyToUint8Array(v8::Isolate* isolate,
                                           const v8::ScriptCompiler::CachedData* data) {
  int length = data == nullptr ? 0 : data->length;
  v8::Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, length);
  if (length > 0) memcpy(buffer->GetBackingStore()->Data(), data->data, length);
  return v8::Uint8Array::New(buffer, 0, length);
}

void UseEmbedded(const uint8_t* blob, size_t size) {
  const uint8_t* cursor = blob;
  const uint8_t* end = blob + size;
  uint32_t count = 0;
  if (!ReadU32(cursor, end, &count)) return;
  auto& entries = Embedded();
  for (uint32_t i = 0; i < count; i++) {
    uint32_t id_length = 0;
    uint32_t data_length = 0;
    if (!ReadU32(cursor, end, &id_length) || static_cast<size_t>(end - cursor) < id_length) return;
    std::string_view id(reinterpret_cast<const char*>(cursor), id_length);
    cursor += id_length;
    if (!ReadU32(cursor, end, &data_length) || static_cast<size_t>(end - cursor) < data_length) {
      return;
    }
    entries[id] = Entry{cursor, static_cast<int>(data_length)};
    cursor += data_length;
  }
}

v8::ScriptCompiler::CachedData* Find(std::string_view id) {
  auto& entries = Embedded();
  auto found = entries.find(id);
  if (found == entries.end()) return nullptr;
  // Owned by the ScriptCompiler::Source it is handed to; the bytes stay in the binary.
  return new v8::ScriptCompiler::CachedData(found->second.data, found->second.length,
                                            v8::ScriptCompiler::CachedData::BufferNotOwned);
}

void Count(Outcome outcome) { g_counts[static_cast<int>(outcome)]++; }

void ReportIfAsked() {
  const char* debug = std::getenv("RINGJS_DEBUG");
  if (debug == nullptr || std::strstr(debug, "code-cache") == nullptr) return;
  std::fprintf(stderr, "ringjs: code cache: %zu accepted, %zu rejected, %zu without a cache\n",
               g_counts[0], g_counts[1], g_counts[2]);
}

void RecordTo(std::string path) { RecordPath() = std::move(path); }

bool IsRecording() { return !RecordPath().empty(); }

void Record(v8::Isolate* isolate, std::string_view id, v8::Local<v8::Function> function) {
  for (const Recorded& recorded : RecordedFunctions()) {
    if (recorded.id == id) return;  // Compiled again (another context): the first one serves.
  }
  RecordedFunctions().push_back(Recorded{std::string(id), v8::Global<v8::Function>(isolate, function)});
}

bool WriteRecorded(v8::Isolate* isolate) {
  v8::HandleScope scope(isolate);
  std::string blob;
  uint32_t count = 0;
  std::string entries;
  for (const Recorded& recorded : RecordedFunctions()) {
    std::unique_ptr<v8::ScriptCompiler::CachedData> data(
        v8::ScriptCompiler::CreateCodeCacheForFunction(recorded.function.Get(isolate)));
    if (!data || data->length <= 0) continue;
    AppendU32(&entries, static_cast<uint32_t>(recorded.id.size()));
    entries += recorded.id;
    AppendU32(&entries, static_cast<uint32_t>(data->length));
    entries.append(reinterpret_cast<const char*>(data->data), data->length);
    count++;
  }
  AppendU32(&blob, count);
  blob += entries;
  FILE* file = std::fopen(RecordPath().c_str(), "wb");
  if (file == nullptr || std::fwrite(blob.data(), 1, blob.size(), file) != blob.size() ||
      std::fclose(file) != 0) {
    std::fprintf(stderr, "ringjs: cannot write the code cache to %s\n", RecordPath().c_str());
    return false;
  }
  return true;
}

}  // namespace ringjs::code_cache
