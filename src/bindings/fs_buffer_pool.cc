// Recycled large read buffers (see fs_buffer_pool.h).
#include "bindings/fs_buffer_pool.h"

#include <cstdlib>
#include <mutex>
#include <vector>

#include "runtime/binding.h"

namespace ringjs::fs {
namespace {

// What the pool keeps at most. The blocks are per process: a backing store may be freed on any
// thread (V8 sweeps array buffers in the background) and by any isolate's GC.
constexpr size_t kMaxPooledBytes = 256u << 20;
constexpr size_t kMinSize = 64u << 10;
constexpr size_t kMaxSize = 64u << 20;

struct Block {
  size_t size;
  void* data;
};

std::mutex pool_mutex;
std::vector<Block>* pool = new std::vector<Block>();  // Never destroyed: deleters may run late.
size_t pooled_bytes = 0;
// Off between streams (releaseRecycled): blocks collected then go straight back to malloc.
bool pooling = false;

void* Take(size_t size) {
  {
    std::lock_guard<std::mutex> lock(pool_mutex);
    pooling = true;
    for (size_t i = pool->size(); i-- > 0;) {
      if ((*pool)[i].size == size) {
        void* data = (*pool)[i].data;
        (*pool)[i] = pool->back();
        pool->pop_back();
        pooled_bytes -= size;
        return data;
      }
    }
  }
  return malloc(size);
}

void Give(void* data, size_t size, void*) {
  {
    std::lock_guard<std::mutex> lock(pool_mutex);
    if (pooling && pooled_bytes + size <= kMaxPooledBytes) {
      pool->push_back({size, data});
      pooled_bytes += size;
      return;
    }
  }
  free(data);
}

// recycledBuffer(size) -> ArrayBuffer of `size` uninitialized bytes (64 KiB .. 64 MiB).
void RecycledBuffer(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  if (!info[0]->IsUint32()) return ThrowTypeError(isolate, "recycledBuffer(size)");
  size_t size = info[0].As<v8::Uint32>()->Value();
  if (size < kMinSize || size > kMaxSize) return ThrowTypeError(isolate, "recycledBuffer(size)");
  void* data = Take(size);
  if (data == nullptr) return ThrowError(isolate, "recycledBuffer: out of memory");
  std::unique_ptr<v8::BackingStore> store =
      v8::ArrayBuffer::NewBackingStore(data, size, Give, nullptr);
  info.GetReturnValue().Set(v8::ArrayBuffer::New(isolate, std::move(store)));
}

// releaseRecycled(): no stream needs blocks now; give them all back.
void ReleaseRecycled(const v8::FunctionCallbackInfo<v8::Value>& info) {
  std::vector<Block> blocks;
  {
    std::lock_guard<std::mutex> lock(pool_mutex);
    pooling = false;
    blocks.swap(*pool);
    pooled_bytes = 0;
  }
  for (const Block& block : blocks) free(block.data);
}

}  // namespace

void InitializeBufferPool(Environment* env, v8::Local<v8::Object> target) {
  SetMethod(env->context(), target, "recycledBuffer", RecycledBuffer);
  SetMethod(env->context(), target, "releaseRecycled", ReleaseRecycled);
}

}  // namespace ringjs::fs
