#include "runtime/array_buffer_allocator.h"

#include <cstdlib>
#include <cstring>

namespace ringjs {
namespace {

thread_local uint32_t tls_zero_fill = 1;

}  // namespace

uint32_t* ArrayBufferAllocator::ZeroFillToggle() { return &tls_zero_fill; }

void* ArrayBufferAllocator::Allocate(size_t length) {
  if (tls_zero_fill == 0) return AllocateUninitialized(length);
  // calloc gets fresh pages from the kernel already zeroed; memset would touch them.
  return std::calloc(length == 0 ? 1 : length, 1);
}

void* ArrayBufferAllocator::AllocateUninitialized(size_t length) {
  return std::malloc(length == 0 ? 1 : length);
}

void ArrayBufferAllocator::Free(void* data, size_t) { std::free(data); }

void* ArrayBufferAllocator::Reallocate(void* data, size_t old_length, size_t new_length) {
  void* grown = std::realloc(data, new_length == 0 ? 1 : new_length);
  if (grown != nullptr && new_length > old_length) {
    std::memset(static_cast<uint8_t*>(grown) + old_length, 0, new_length - old_length);
  }
  return grown;
}

}  // namespace ringjs
