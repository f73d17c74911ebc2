// Whole-buffer processing for the zlib binding: the convenience functions (gunzipSync,
// deflate(buf, cb), ...) hand their entire input to one native call instead of stepping a
// stream engine 16 KiB at a time. zlib/gzip decompression is here (zlib_whole_buffer.cc);
// compression (zlib_whole_deflate.cc or zlib) and brotli decompression are the handles'
// processWhole (zlib.cc), which share the output buffer below.
#ifndef RINGJS_BINDINGS_ZLIB_WHOLE_BUFFER_H_
#define RINGJS_BINDINGS_ZLIB_WHOLE_BUFFER_H_

#include <cstdint>
#include <cstdlib>

#include "runtime/environment.h"
#include "v8.h"

namespace ringjs::zlib {

// A growing malloc'd output, handed to a v8::ArrayBuffer when done.
class WholeOutput {
 public:
  WholeOutput() = default;
  WholeOutput(const WholeOutput&) = delete;
  WholeOutput& operator=(const WholeOutput&) = delete;
  ~WholeOutput() { free(data_); }

  uint8_t* end() { return data_ + size_; }
  size_t size() const { return size_; }
  size_t capacity() const { return capacity_; }
  size_t room() const { return capacity_ - size_; }
  void Advance(size_t n) { size_ += n; }

  bool Reserve(size_t capacity) {
    if (capacity <= capacity_) return true;
    void* grown = realloc(data_, capacity);
    if (grown == nullptr) return false;
    data_ = static_cast<uint8_t*>(grown);
    capacity_ = capacity;
    return true;
  }

  // Trims to size and gives the memory up (free() releases it).
  uint8_t* Release() {
    if (size_ < capacity_) {
      void* trimmed = realloc(data_, size_);
      if (trimmed != nullptr) data_ = static_cast<uint8_t*>(trimmed);
    }
    uint8_t* data = data_;
    data_ = nullptr;
    size_ = capacity_ = 0;
    return data;
  }

 private:
  uint8_t* data_ = nullptr;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

// The output as an ArrayBuffer (taking the memory; empty output gives an empty one).
v8::Local<v8::ArrayBuffer> ToArrayBuffer(v8::Isolate* isolate, WholeOutput* out);

// Adds inflateWhole and inflateWholeAsync to the binding object.
void InitializeWholeBuffer(Environment* env, v8::Local<v8::Object> target);

}  // namespace ringjs::zlib

#endif  // RINGJS_BINDINGS_ZLIB_WHOLE_BUFFER_H_
