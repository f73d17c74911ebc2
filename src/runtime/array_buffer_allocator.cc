#include "runtime/array_buffer_allocator.h"

#include <atomic>
#include <cstdlib>
#include <cstring>

namespace ringjs {
namespace {

thread_local uint32_t tls_zero_fill = 1;
std::atomic<size_t> g_bytes_in_use{0};

void* Counted(void* data, size_t length) {
  if (data != nullptr) g_bytes_in_use.fetch_add(length, std::memory_order_relaxed);
  return data;
}

}  // namespace

uint32_t* ArrayBufferAllocator::ZeroFillToggle() { return &tls_zero_fill; }

size_t ArrayBufferAllocator::BytesInUse() {
  return g_bytes_in_use.load(std::memory_order_relaxed);
}

void* ArrayBufferAllocator::Allocate(size_t length) {
  if (tls_zero_fill == 0) return AllocateUninitialized(length);
  // calloc gets fresh pages from the kernel already zeroed; memset would touch them.
  return Counted(std::calloc(length == 0 ? 1 : length, 1), length);
}

void* ArrayBufferAllocator::AllocateUninitialized(size_t length) {
  return Counted(std::malloc(length == 0 ? 1 : length), length);
}

void ArrayBufferAllocator::Free(void* data, size_t length) {
  if (data != nullptr) g_bytes_in_use.fetch_sub(length, std::memory_order_relaxed);
  std::free(data);
}

void* ArrayBufferAllocator::Reallocate(void* data, size_t old_length, size_t new_length) {
  void* grown = std::realloc(data, new_length == 0 ? 1 : new_length);
  if (grown == nullptr) return nullptr;
  g_bytes_in_use.fetch_add(new_length - old_length, std::memory_order_relaxed);  // wraps to a
                                                                                // decrease
  if (new_length > old_length) {
    std::memset(static_cast<uint8_t*>(grown) + old_length, 0, new_length - old_length);
  }
  return grown;
}

}  // namespace ringjs
