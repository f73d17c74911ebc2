// Whole-buffer inflate for the convenience functions: an entire zlib or gzip input is
// decompressed by one libdeflate call (on the thread pool for the callback forms) into one
// exactly sized buffer. The stream engine instead runs zlib one 16 KiB output chunk at a time
// and JS concatenates the chunks; libdeflate also decodes with wider loads and checks CRC-32
// with carry-less multiplication, so the same input decompresses about three times faster.
//
// The answer must be zlib's, so this declines (returns no buffer; JS then runs the zlib stream
// engine, which produces zlib's own result or error) whenever libdeflate might answer
// differently:
//  - any libdeflate failure: corrupt or truncated data, a failed check, an output larger than
//    maxOutputLength;
//  - a zlib header declaring a window other than 32 KiB (zlib enforces a smaller declared
//    window only across its output chunks) or a preset dictionary;
//  - a gzip header with a header CRC (libdeflate skips it unchecked) or reserved flags;
//  - after a gzip member, anything but another member or a zero byte (zlib stops at a zero).
// Raw deflate is left to zlib: libdeflate decodes the reserved fixed-Huffman length symbols
// 286 and 287 (as length 258) where zlib reports "invalid literal/length code". In the zlib
// and gzip containers the Adler-32/CRC-32 and length over libdeflate's output would have to
// match as well, so only input crafted for exactly that could still be read differently.
#include "bindings/zlib_whole_buffer.h"

#include <libdeflate.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <utility>

#include "bindings/zlib_mode.h"
#include "runtime/binding.h"
#include "runtime/callback_scope.h"

namespace ringjs::zlib {
namespace {

// Deflate expands at most 1032:1 (a 258-byte match coded in two bits).
constexpr size_t kMaxDeflateRatio = 1032;
constexpr size_t kMinCapacity = 64 * 1024;

struct DecompressorDeleter {
  void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};
using Decompressor = std::unique_ptr<libdeflate_decompressor, DecompressorDeleter>;

// Room for another attempt after libdeflate ran out of space; false at the limit. Each miss
// decodes the input again, so grow fast: capacity never touched costs no memory (glibc maps
// large blocks lazily, and grows and trims them without copying).
bool Grow(WholeOutput* out, size_t limit) {
  if (out->capacity() >= limit) return false;
  size_t next = std::max(out->capacity() * 4, kMinCapacity);
  return out->Reserve(std::min(next, limit));
}

// CM 8, a 32 KiB window, no preset dictionary, a valid check.
bool IsPlainZlibHeader(const uint8_t* in, size_t len) {
  if (len < 2) return false;
  unsigned cmf = in[0];
  unsigned flg = in[1];
  return cmf == 0x78 && ((cmf << 8) | flg) % 31 == 0 && (flg & 0x20) == 0;
}

// ID1 ID2, CM 8, no header CRC (0x02) and no reserved flag (0xe0).
bool IsPlainGzipHeader(const uint8_t* in, size_t len) {
  return len >= 4 && in[0] == 0x1f && in[1] == 0x8b && in[2] == 8 && (in[3] & 0xe2) == 0;
}

bool InflateZlib(libdeflate_decompressor* d, const uint8_t* in, size_t len, size_t limit,
                 WholeOutput* out) {
  if (!IsPlainZlibHeader(in, len)) return false;
  // No size in the container: guess 4:1 and grow on a miss.
  if (!out->Reserve(std::max<size_t>(1, std::min(limit, std::max(kMinCapacity, len * 4))))) {
    return false;
  }
  for (;;) {
    size_t in_used = 0;
    size_t out_used = 0;
    libdeflate_result r =
        libdeflate_zlib_decompress_ex(d, in, len, out->end(), out->room(), &in_used, &out_used);
    if (r == LIBDEFLATE_SUCCESS) {
      // Bytes after the stream are ignored, as zlib's inflate stops at its end.
      out->Advance(out_used);
      return true;
    }
    if (r != LIBDEFLATE_INSUFFICIENT_SPACE || !Grow(out, limit)) return false;
  }
}

bool InflateGzip(libdeflate_decompressor* d, const uint8_t* in, size_t len, size_t limit,
                 WholeOutput* out) {
  if (!IsPlainGzipHeader(in, len)) return false;
  // A single member's trailer holds its size (mod 2^32): usually one attempt suffices.
  size_t size_hint = 0;
  if (len >= 18) {
    const uint8_t* t = in + len - 4;
    size_hint = static_cast<size_t>(t[0]) | static_cast<size_t>(t[1]) << 8 |
                static_cast<size_t>(t[2]) << 16 | static_cast<size_t>(t[3]) << 24;
  }
  if (!out->Reserve(std::max<size_t>(1, std::min(limit, size_hint)))) return false;
  size_t pos = 0;
  do {
    if (!IsPlainGzipHeader(in + pos, len - pos)) return false;
    size_t in_used = 0;
    size_t out_used = 0;
    libdeflate_result r = libdeflate_gzip_decompress_ex(d, in + pos, len - pos, out->end(),
                                                        out->room(), &in_used, &out_used);
    if (r == LIBDEFLATE_INSUFFICIENT_SPACE) {
      if (!Grow(out, limit)) return false;
      continue;  // The same member again, with more room.
    }
    if (r != LIBDEFLATE_SUCCESS) return false;
    out->Advance(out_used);
    pos += in_used;
    // zlib reads on into another member unless the next byte is zero (padding ends it).
    if (pos < len && in[pos] == 0) break;
  } while (pos < len);
  return true;
}

// The whole of in as zlib would decompress it in `mode` (INFLATE, GUNZIP or UNZIP), at most
// max_out bytes; false to decline.
bool InflateWhole(int mode, const uint8_t* in, size_t len, size_t max_out, WholeOutput* out) {
  Decompressor d(libdeflate_alloc_decompressor());
  if (!d) return false;
  size_t limit = std::min(max_out, len * kMaxDeflateRatio);
  if (mode == UNZIP) mode = (len >= 2 && in[0] == 0x1f && in[1] == 0x8b) ? GUNZIP : INFLATE;
  bool done = false;
  if (mode == GUNZIP) done = InflateGzip(d.get(), in, len, limit, out);
  if (mode == INFLATE) done = InflateZlib(d.get(), in, len, limit, out);
  // The room given may exceed the limit: WholeOutput rounds large capacities up to pages.
  return done && out->size() <= limit;
}

// The input view and the arguments both entry points share.
struct Request {
  int mode = NONE;
  std::shared_ptr<v8::BackingStore> store;
  const uint8_t* data = nullptr;
  size_t len = 0;
  size_t max_out = 0;
};

bool ParseRequest(const v8::FunctionCallbackInfo<v8::Value>& info, Request* req) {
  v8::Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
  if (!info[0]->Int32Value(context).To(&req->mode) || !info[1]->IsArrayBufferView() ||
      !info[2]->IsNumber()) {
    return false;
  }
  v8::Local<v8::ArrayBufferView> view = info[1].As<v8::ArrayBufferView>();
  req->len = view->ByteLength();
  req->store = view->Buffer()->GetBackingStore();
  if (req->len > 0)
    req->data = static_cast<const uint8_t*>(req->store->Data()) + view->ByteOffset();
  double max_out = info[2].As<v8::Number>()->Value();
  req->max_out = max_out > 0 ? static_cast<size_t>(max_out) : 0;
  return true;
}

// inflateWhole(mode, view, maxOutputLength) -> ArrayBuffer | undefined (declined)
void InflateWholeSync(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Request req;
  if (!ParseRequest(info, &req)) return ThrowTypeError(info.GetIsolate(), "bad arguments");
  WholeOutput out;
  if (req.len > 0 && InflateWhole(req.mode, req.data, req.len, req.max_out, &out)) {
    info.GetReturnValue().Set(ToArrayBuffer(info.GetIsolate(), &out));
  }
}

struct AsyncInflate {
  Request req;
  WholeOutput out;
  bool ok = false;
  v8::Global<v8::Function> callback;
};

// inflateWholeAsync(mode, view, maxOutputLength, callback): callback(ArrayBuffer | undefined)
// from the loop once the pool has run it. The view's memory is held until then.
void InflateWholeAsync(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  auto job = std::make_unique<AsyncInflate>();
  if (!ParseRequest(info, &job->req) || !info[3]->IsFunction()) {
    return ThrowTypeError(info.GetIsolate(), "bad arguments");
  }
  job->callback.Reset(env->isolate(), info[3].As<v8::Function>());
  CaptureAsyncContext(env, info[3].As<v8::Function>());  // A closure made for this one call.
  AsyncInflate* raw = job.release();
  env->loop()->QueueWork(
      [raw] {
        const Request& r = raw->req;
        raw->ok = r.len > 0 && InflateWhole(r.mode, r.data, r.len, r.max_out, &raw->out);
      },
      [raw, env](int status) {
        std::unique_ptr<AsyncInflate> owned(raw);
        if (env->is_stopping()) return;
        v8::Isolate* isolate = env->isolate();
        CallbackScope scope(env);
        v8::Local<v8::Value> result = v8::Undefined(isolate);
        if (status == 0 && owned->ok) result = ToArrayBuffer(isolate, &owned->out);
        USE(scope.Call(owned->callback.Get(isolate), v8::Undefined(isolate), 1, &result));
      });
}

}  // namespace

namespace {

// One recently freed output mapping, kept for the next output. Up to 64 MiB: a run of large
// outputs reuses it (node's outputs reuse its warm heap likewise); a bigger one is unmapped.
constexpr size_t kMaxSpareBytes = 64 * 1024 * 1024;
std::mutex spare_mutex;
void* spare_data = nullptr;  // guarded by spare_mutex
size_t spare_bytes = 0;      // guarded by spare_mutex

}  // namespace

void* WholeOutput::TakeMapping(size_t bytes, size_t* mapped_bytes) {
  void* data = nullptr;
  size_t length = 0;
  {
    std::lock_guard<std::mutex> lock(spare_mutex);
    std::swap(data, spare_data);
    std::swap(length, spare_bytes);
  }
  if (data != nullptr && length < bytes) {
    // Grows in place or moves page tables: the pages already there stay warm.
    void* grown = mremap(data, length, bytes, MREMAP_MAYMOVE);
    if (grown == MAP_FAILED) {
      munmap(data, length);
      data = nullptr;
    } else {
      data = grown;
      length = bytes;
    }
  }
  if (data == nullptr) {
    data = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (data == MAP_FAILED) return nullptr;
    length = bytes;
  }
  *mapped_bytes = length;
  return data;
}

void WholeOutput::GiveBackMapping(void* data, size_t bytes) {
  if (bytes <= kMaxSpareBytes) {
    // Keep the larger of this and the current spare; unmap the other outside the lock.
    std::lock_guard<std::mutex> lock(spare_mutex);
    if (bytes > spare_bytes) {
      std::swap(data, spare_data);
      std::swap(bytes, spare_bytes);
    }
  }
  if (data != nullptr) munmap(data, bytes);
}

v8::Local<v8::ArrayBuffer> ToArrayBuffer(v8::Isolate* isolate, WholeOutput* out) {
  size_t size = out->size();
  if (size == 0) return v8::ArrayBuffer::New(isolate, 0);
  // The deleter's data says how the memory was allocated.
  void* mapped = out->mapped() ? out : nullptr;
  std::unique_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(
      out->Release(), size,
      [](void* data, size_t length, void* mapped) {
        WholeOutput::FreeOutput(data, length, mapped != nullptr);
      },
      mapped);
  return v8::ArrayBuffer::New(isolate, std::move(store));
}

void InitializeWholeBuffer(Environment* env, v8::Local<v8::Object> target) {
  v8::Local<v8::Context> context = env->context();
  SetMethod(context, target, "inflateWhole", InflateWholeSync);
  SetMethod(context, target, "inflateWholeAsync", InflateWholeAsync);
}

}  // namespace ringjs::zlib
