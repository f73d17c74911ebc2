// Whole-buffer processing for the zlib binding: the convenience functions (gunzipSync,
// deflate(buf, cb), ...) hand their entire input to one native call instead of stepping a
// stream engine 16 KiB at a time. zlib/gzip decompression is here (zlib_whole_buffer.cc);
// compression (zlib_whole_deflate.cc or zlib) and brotli decompression are the handles'
// processWhole (zlib.cc), which share the output buffer below.
#ifndef RINGJS_BINDINGS_ZLIB_WHOLE_BUFFER_H_
#define RINGJS_BINDINGS_ZLIB_WHOLE_BUFFER_H_

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "runtime/environment.h"
#include "v8.h"

namespace ringjs::zlib {

// A growing output, handed to a v8::ArrayBuffer when done. Small outputs live in malloc'd
// memory; from kMapBytes on, in an anonymous mapping that grows and shrinks with mremap, which
// moves page tables instead of copying (realloc copies whenever glibc serves the block from its
// heap, as it does for sizes under its adaptive mmap threshold, up to 32 MiB).
class WholeOutput {
 public:
  WholeOutput() = default;
  WholeOutput(const WholeOutput&) = delete;
  WholeOutput& operator=(const WholeOutput&) = delete;
  ~WholeOutput() { FreeOutput(data_, capacity_, mapped_); }

  uint8_t* end() { return data_ + size_; }
  size_t size() const { return size_; }
  size_t capacity() const { return capacity_; }
  size_t room() const { return capacity_ - size_; }
  bool mapped() const { return mapped_; }
  void Advance(size_t n) { size_ += n; }

  bool Reserve(size_t capacity) {
    if (capacity <= capacity_) return true;
    if (capacity < kMapBytes) {
      void* grown = realloc(data_, capacity);
      if (grown == nullptr) return false;
      data_ = static_cast<uint8_t*>(grown);
      capacity_ = capacity;
      return true;
    }
    capacity = RoundToPages(capacity);
    void* grown = mapped_ ? mremap(data_, capacity_, capacity, MREMAP_MAYMOVE)
                          : mmap(nullptr, capacity, PROT_READ | PROT_WRITE,
                                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (grown == MAP_FAILED) return false;
    if (!mapped_) {
      if (size_ > 0) memcpy(grown, data_, size_);
      free(data_);
      mapped_ = true;
    }
    data_ = static_cast<uint8_t*>(grown);
    capacity_ = capacity;
    return true;
  }

  // Trims to size and gives the memory up (FreeOutput(data, size, mapped()) releases it; read
  // mapped() first).
  uint8_t* Release() {
    if (mapped_) {
      size_t kept = RoundToPages(size_);
      if (kept < capacity_) munmap(data_ + kept, capacity_ - kept);
    } else if (size_ < capacity_) {
      void* trimmed = realloc(data_, size_);
      if (trimmed != nullptr) data_ = static_cast<uint8_t*>(trimmed);
    }
    uint8_t* data = data_;
    data_ = nullptr;
    size_ = capacity_ = 0;
    mapped_ = false;
    return data;
  }

  static void FreeOutput(void* data, size_t size, bool mapped) {
    if (!mapped) {
      free(data);
    } else if (data != nullptr) {
      munmap(data, RoundToPages(size));
    }
  }

 private:
  static constexpr size_t kMapBytes = 1024 * 1024;
  static size_t RoundToPages(size_t n) {
    static const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
    return (n + page - 1) / page * page;
  }

  uint8_t* data_ = nullptr;
  size_t size_ = 0;
  size_t capacity_ = 0;
  bool mapped_ = false;
};

// The output as an ArrayBuffer (taking the memory; empty output gives an empty one).
v8::Local<v8::ArrayBuffer> ToArrayBuffer(v8::Isolate* isolate, WholeOutput* out);

// Adds inflateWhole and inflateWholeAsync to the binding object.
void InitializeWholeBuffer(Environment* env, v8::Local<v8::Object> target);

}  // namespace ringjs::zlib

#endif  // RINGJS_BINDINGS_ZLIB_WHOLE_BUFFER_H_
