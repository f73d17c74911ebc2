#ifndef RINGJS_RUNTIME_ARRAY_BUFFER_ALLOCATOR_H_
#define RINGJS_RUNTIME_ARRAY_BUFFER_ALLOCATOR_H_

#include <cstdint>

#include "v8.h"

namespace ringjs {

// The ArrayBuffer allocator of every isolate. Memory is zero-filled unless the calling thread's
// zero-fill toggle is 0: Buffer.allocUnsafe clears it around `new ArrayBuffer(size)` so that
// uninitialised memory still comes from V8's own allocation path, whose young-generation
// accounting turns short-lived buffers into cheap scavenges instead of full mark-sweeps.
class ArrayBufferAllocator final : public v8::ArrayBuffer::Allocator {
 public:
  void* Allocate(size_t length) override;
  void* AllocateUninitialized(size_t length) override;
  void Free(void* data, size_t length) override;
  void* Reallocate(void* data, size_t old_length, size_t new_length) override;

  // The toggle for the calling thread (one isolate per thread): 1 = zero-fill (the default),
  // 0 = leave memory as malloc returns it. JS sees it as a one-element Uint32Array.
  static uint32_t* ZeroFillToggle();

  // Bytes held by live ArrayBuffer backing stores of the whole process (process.memoryUsage()
  // .arrayBuffers). Process-wide, not per isolate: V8 may free on its sweeper threads.
  static size_t BytesInUse();
};

}  // namespace ringjs

#endif  // RINGJS_RUNTIME_ARRAY_BUFFER_ALLOCATOR_H_
