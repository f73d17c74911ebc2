// Whole-buffer processing for the zlib binding: the convenience functions (gunzipSync,
// deflate(buf, cb), ...) hand their entire input to one native call instead of stepping a
// stream engine 16 KiB at a time. zlib/gzip decompression is here (zlib_whole_buffer.cc);
// compression (zlib_whole_deflate.cc or zlib) and brotli decompression are the handles'
// processWhole (zlib.cc), which share the output buffer below.
#ifndef RINGJS_BINDINGS_ZLIB_WHOLE_BUFFER_H_
#define RINGJS_BINDINGS_ZLIB_WHOLE_BUFFER_H_

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
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
  ~WholeOutput() { FreeOutput(data_, mapped_ ? mapped_bytes_ : capacity_, mapped_); }

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
    if (!mapped_) {
      size_t bytes = 0;
      void* fresh = TakeMapping(capacity, &bytes);
      if (fresh == nullptr) return false;
      if (size_ > 0) memcpy(fresh, data_, size_);
      free(data_);
      data_ = static_cast<uint8_t*>(fresh);
      mapped_bytes_ = bytes;
      mapped_ = true;
    } else if (capacity > mapped_bytes_) {
      void* grown = mremap(data_, mapped_bytes_, capacity, MREMAP_MAYMOVE);
      if (grown == MAP_FAILED) return false;
      data_ = static_cast<uint8_t*>(grown);
      mapped_bytes_ = capacity;
    }
    // A reused mapping may be larger than asked for; capacity stays what the caller asked, so
    // that room() never exceeds its limit.
    capacity_ = capacity;
    return true;
  }

  // Faults in the next n bytes of room (at most room()) in one madvise and returns how many
  // that is. A writer that fills a cold mapping window by window then pays about half of what
  // a page fault per 4 KiB costs (the kernel still zeroes the pages). Heap memory is left alone.
  size_t Prefault(size_t n) {
    n = std::min(n, room());
    if (mapped_ && size_ + n > populated_) {
      size_t from = std::max(populated_, size_) / PageSize() * PageSize();
      size_t to = RoundToPages(size_ + n);
      // A kernel before 5.14 refuses MADV_POPULATE_WRITE: the pages then fault in as written.
      madvise(data_ + from, to - from, MADV_POPULATE_WRITE);
      populated_ = to;
    }
    return n;
  }

  // Trims to size and gives the memory up (FreeOutput(data, size, mapped()) releases it; read
  // mapped() first).
  uint8_t* Release() {
    if (mapped_) {
      size_t kept = RoundToPages(size_);
      if (kept < mapped_bytes_) munmap(data_ + kept, mapped_bytes_ - kept);
    } else if (size_ < capacity_) {
      void* trimmed = realloc(data_, size_);
      if (trimmed != nullptr) data_ = static_cast<uint8_t*>(trimmed);
    }
    uint8_t* data = data_;
    data_ = nullptr;
    size_ = capacity_ = mapped_bytes_ = populated_ = 0;
    mapped_ = false;
    return data;
  }

  // Mapped memory is kept as the spare for the next output (see TakeMapping), unmapped if
  // there is a better spare already. Safe on any thread (V8 frees ArrayBuffers off-thread).
  static void FreeOutput(void* data, size_t size, bool mapped) {
    if (!mapped) {
      free(data);
    } else if (data != nullptr) {
      GiveBackMapping(data, RoundToPages(size));
    }
  }

 private:
  static constexpr size_t kMapBytes = 1024 * 1024;
  static size_t PageSize() {
    static const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
    return page;
  }
  static size_t RoundToPages(size_t n) { return (n + PageSize() - 1) / PageSize() * PageSize(); }
  // A mapping of at least bytes (page-rounded), the spare if there is one (its pages already
  // faulted in, so a run of same-sized outputs does not zero-fill fresh pages every call, as
  // a warm malloc heap would not); its real length goes to *mapped_bytes. nullptr on failure.
  static void* TakeMapping(size_t bytes, size_t* mapped_bytes);
  static void GiveBackMapping(void* data, size_t bytes);

  uint8_t* data_ = nullptr;
  size_t size_ = 0;
  size_t capacity_ = 0;
  size_t mapped_bytes_ = 0;  // the mapping's length when mapped_ (>= capacity_)
  size_t populated_ = 0;     // the mapping is faulted in below this offset (Prefault)
  bool mapped_ = false;
};

// The output as an ArrayBuffer (taking the memory; empty output gives an empty one).
v8::Local<v8::ArrayBuffer> ToArrayBuffer(v8::Isolate* isolate, WholeOutput* out);

// Adds inflateWhole and inflateWholeAsync to the binding object.
void InitializeWholeBuffer(Environment* env, v8::Local<v8::Object> target);

}  // namespace ringjs::zlib

#endif  // RINGJS_BINDINGS_ZLIB_WHOLE_BUFFER_H_
