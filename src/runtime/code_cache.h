#ifndef RINGJS_RUNTIME_CODE_CACHE_H_
#define RINGJS_RUNTIME_CODE_CACHE_H_

#include <string>
#include <string_view>

#include "v8.h"

// V8 code caches for the builtins, made at build time by a first-stage binary that runs a
// representative script (tools/code_cache_workload.js) and embedded into `ringjs`: compiling a
// builtin then deserializes its bytecode (and that of every inner function the workload ran)
// instead of parsing it. V8 rejects a cache whose source or flags differ, and the builtin is
// then compiled from source as without a cache.
namespace ringjs::code_cache {

// vm's code caches (Script, compileFunction, SourceTextModule): the cache a Buffer/TypedArray/
// DataView offers (nullptr for anything else; it borrows the view's bytes, so it must not
// outlive the compile), and a cache V8 made copied out as a Uint8Array (empty for nullptr).
v8::ScriptCompiler::CachedData* BorrowFromView(v8::Local<v8::Value> view);
v8::Local<v8::Uint8Array> CopyToUint8Array(v8::Isolate* isolate,
                                           const v8::ScriptCompiler::CachedData* data);

// The embedded blob: [u32 count] then per entry [u32 id length][id][u32 data length][data].
void UseEmbedded(const uint8_t* blob, size_t size);

// The cache for builtin `id`, or nullptr. The data lives as long as the process.
v8::ScriptCompiler::CachedData* Find(std::string_view id);

// Counts one builtin compile: with an accepted cache, a rejected one, or none.
enum class Outcome { kAccepted, kRejected, kNoCache };
void Count(Outcome outcome);
// RINGJS_DEBUG=code-cache: one stderr line with the counts, at exit.
void ReportIfAsked();

// First stage: remember every compiled builtin, and at exit write their caches to `path`.
void RecordTo(std::string path);
bool IsRecording();
void Record(v8::Isolate* isolate, std::string_view id, v8::Local<v8::Function> function);
// Writes the blob; false (with a message on stderr) when the file cannot be written.
bool WriteRecorded(v8::Isolate* isolate);

}  // namespace ringjs::code_cache

#endif  // RINGJS_RUNTIME_CODE_CACHE_H_
