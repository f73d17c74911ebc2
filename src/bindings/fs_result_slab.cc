// Slab-carved small results (see fs_result_slab.h).
#include "bindings/fs_result_slab.h"

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <vector>

namespace ringjs::fs {
namespace {

constexpr size_t kSlabBytes = 64 * 1024;
// Recycled slabs kept at most (per process; beyond that they go back to malloc).
constexpr size_t kMaxFreeSlabs = 256;  // 16 MiB
// Results start on this boundary, as malloc's would.
constexpr size_t kAlign = 16;

struct Slab {
  // One per result still alive, plus one while a thread carves from the slab.
  std::atomic<uint32_t> refs;
  alignas(kAlign) char bytes[kSlabBytes - kAlign];
};
static_assert(sizeof(Slab) == kSlabBytes);
static_assert(kSlabResultMax <= sizeof(Slab::bytes));

// Slabs every result of which was collected. Shared by all threads: backing stores are freed
// on V8's sweeper threads, and by any isolate's GC.
std::mutex free_mutex;
std::vector<Slab*>* free_slabs = new std::vector<Slab*>();  // Never destroyed: frees run late.

void Recycle(Slab* slab) {
  {
    std::lock_guard<std::mutex> lock(free_mutex);
    if (free_slabs->size() < kMaxFreeSlabs) {
      free_slabs->push_back(slab);
      return;
    }
  }
  free(slab);
}

void Unref(Slab* slab) {
  if (slab->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) Recycle(slab);
}

Slab* NewSlab() {
  Slab* slab = nullptr;
  {
    std::lock_guard<std::mutex> lock(free_mutex);
    if (!free_slabs->empty()) {
      slab = free_slabs->back();
      free_slabs->pop_back();
    }
  }
  if (slab == nullptr) {
    slab = static_cast<Slab*>(aligned_alloc(alignof(Slab), sizeof(Slab)));
    if (slab == nullptr) return nullptr;
  }
  slab->refs.store(1, std::memory_order_relaxed);
  return slab;
}

// The slab this thread carves from.
struct Cursor {
  Slab* slab = nullptr;
  size_t used = 0;

  ~Cursor() {
    if (slab != nullptr) Unref(slab);
  }
};

thread_local Cursor cursor;

void DeleteResult(void*, size_t, void* slab) { Unref(static_cast<Slab*>(slab)); }

}  // namespace

char* SlabResultSpace(size_t* room) {
  if (cursor.slab == nullptr || sizeof(Slab::bytes) - cursor.used < kSlabResultMax) {
    Slab* fresh = NewSlab();
    if (fresh == nullptr) return nullptr;
    if (cursor.slab != nullptr) Unref(cursor.slab);
    cursor.slab = fresh;
    cursor.used = 0;
  }
  *room = sizeof(Slab::bytes) - cursor.used;
  return cursor.slab->bytes + cursor.used;
}

std::unique_ptr<v8::BackingStore> TakeSlabResult(char* space, size_t used) {
  Slab* slab = cursor.slab;
  cursor.used += (used + kAlign - 1) & ~(kAlign - 1);
  slab->refs.fetch_add(1, std::memory_order_relaxed);
  return v8::ArrayBuffer::NewBackingStore(space, used, DeleteResult, slab);
}

}  // namespace ringjs::fs
