// internalBinding('zlib'): node's zlib handles over the system zlib and brotli. One class per
// engine family (Zlib, BrotliEncoder, BrotliDecoder), each holding a compression context:
// write() runs engine steps on the thread pool, one per output slot (several chunks per pool
// task, see StepRun), and calls the JS callback given to init() through a CallbackScope
// afterwards; writeSync() runs them inline. Results go to a Uint32Array JS passed to init();
// errors call handle.onerror(message, errno, code). Input and output buffers handed to the
// pool are held by their backing stores until the task completes.
// processWhole()/processWholeAsync() run a convenience function's entire input through one
// call instead (compression on Zlib handles, decompression on BrotliDecoder handles).
#include <brotli/decode.h>
#include <brotli/encode.h>
#include <libdeflate.h>
#include <zlib.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "bindings/zlib_inflate_check.h"
#include "bindings/zlib_mode.h"
#include "bindings/zlib_stream_deflate.h"
#include "bindings/zlib_whole_buffer.h"
#include "bindings/zlib_whole_deflate.h"
#include "runtime/binding.h"
#include "runtime/callback_scope.h"

namespace ringjs::zlib {
namespace {

constexpr int kMinWindowBits = 8;
constexpr int kMaxWindowBits = 15;
constexpr int kDefaultWindowBits = 15;
constexpr int kMinChunk = 64;
constexpr int kDefaultChunk = 16 * 1024;
constexpr int kMinMemLevel = 1;
constexpr int kMaxMemLevel = 9;
constexpr int kDefaultMemLevel = 8;
constexpr int kMinLevel = -1;
constexpr int kMaxLevel = 9;
constexpr int kDefaultLevel = Z_DEFAULT_COMPRESSION;
constexpr unsigned char kGzipHeaderId1 = 0x1f;
constexpr unsigned char kGzipHeaderId2 = 0x8b;

struct CompressionError {
  CompressionError() = default;
  CompressionError(const char* message, std::string code, int err)
      : message(message), code(std::move(code)), err(err) {}
  bool IsError() const { return message != nullptr; }
  const char* message = nullptr;
  std::string code;
  int err = 0;
};

const char* ZlibStrerror(int err) {
  switch (err) {
    case Z_OK: return "Z_OK";
    case Z_STREAM_END: return "Z_STREAM_END";
    case Z_NEED_DICT: return "Z_NEED_DICT";
    case Z_ERRNO: return "Z_ERRNO";
    case Z_STREAM_ERROR: return "Z_STREAM_ERROR";
    case Z_DATA_ERROR: return "Z_DATA_ERROR";
    case Z_MEM_ERROR: return "Z_MEM_ERROR";
    case Z_BUF_ERROR: return "Z_BUF_ERROR";
    case Z_VERSION_ERROR: return "Z_VERSION_ERROR";
    default: return "Z_UNKNOWN_ERROR";
  }
}

// ---- zlib ----

class ZlibContext {
 public:
  explicit ZlibContext(Mode mode) : mode_(mode) { memset(&strm_, 0, sizeof(strm_)); }
  ~ZlibContext() { Close(); }

  void Close() {
    std::lock_guard<std::mutex> lock(mutex_);
    stream_deflate_.reset();
    if (!zlib_init_done_) {
      dictionary_.clear();
      mode_ = NONE;
      return;
    }
    if (mode_ == DEFLATE || mode_ == GZIP || mode_ == DEFLATERAW) {
      deflateEnd(&strm_);
    } else if (mode_ == INFLATE || mode_ == GUNZIP || mode_ == INFLATERAW || mode_ == UNZIP) {
      inflateEnd(&strm_);
    }
    zlib_init_done_ = false;
    mode_ = NONE;
    dictionary_.clear();
  }

  void Init(int level, int window_bits, int mem_level, int strategy,
            std::vector<unsigned char>&& dictionary) {
    level_ = level;
    window_bits_ = window_bits;
    mem_level_ = mem_level;
    strategy_ = strategy;
    flush_ = Z_NO_FLUSH;
    err_ = Z_OK;
    whole_by_libdeflate_ = (mode_ == DEFLATE || mode_ == GZIP || mode_ == DEFLATERAW) &&
                           LibdeflateCanCompress(level, window_bits, strategy, !dictionary.empty());
    if ((mode_ == DEFLATE || mode_ == GZIP || mode_ == DEFLATERAW) &&
        StreamDeflateCanStart(level, window_bits, mem_level, strategy, !dictionary.empty())) {
      stream_deflate_ = std::make_unique<StreamDeflate>(mode_, level, mem_level);
    }
    if (mode_ == GZIP || mode_ == GUNZIP) window_bits_ += 16;
    if (mode_ == UNZIP) window_bits_ += 32;
    if (mode_ == DEFLATERAW || mode_ == INFLATERAW) window_bits_ *= -1;
    dictionary_ = std::move(dictionary);
  }

  void SetBuffers(const unsigned char* in, uint32_t in_len, unsigned char* out,
                  uint32_t out_len) {
    strm_.avail_in = in_len;
    strm_.next_in = const_cast<Bytef*>(in);
    strm_.avail_out = out_len;
    strm_.next_out = out;
  }
  void SetFlush(int flush) { flush_ = flush; }
  void GetAfterWriteOffsets(uint32_t* avail_in, uint32_t* avail_out) const {
    *avail_in = strm_.avail_in;
    *avail_out = strm_.avail_out;
  }

  // One step of the engine (pool thread or inline).
  void DoWork() {
    if (stream_deflate_) {
      err_ = stream_deflate_->Deflate(&strm_, flush_);
      return;
    }
    bool first_init_call = InitZlib();
    if (first_init_call && err_ != Z_OK) return;
    const Bytef* next_expected_header_byte = nullptr;
    switch (mode_) {
      case DEFLATE:
      case GZIP:
      case DEFLATERAW:
        err_ = deflate(&strm_, flush_);
        break;
      case UNZIP:
        if (strm_.avail_in > 0) next_expected_header_byte = strm_.next_in;
        switch (gzip_id_bytes_read_) {
          case 0:
            if (next_expected_header_byte == nullptr) break;
            if (*next_expected_header_byte == kGzipHeaderId1) {
              gzip_id_bytes_read_ = 1;
              next_expected_header_byte++;
              if (strm_.avail_in == 1) break;  // The only byte was read.
            } else {
              mode_ = INFLATE;
              break;
            }
            [[fallthrough]];
          case 1:
            if (next_expected_header_byte == nullptr) break;
            if (*next_expected_header_byte == kGzipHeaderId2) {
              gzip_id_bytes_read_ = 2;
              mode_ = GUNZIP;
            } else {
              mode_ = INFLATE;
            }
            break;
          default:
            break;
        }
        [[fallthrough]];
      case INFLATE:
      case GUNZIP:
      case INFLATERAW:
        err_ = InflateStep();
        // A stream made with a dictionary: load it (INFLATERAW set it at init) and go on.
        if (mode_ != INFLATERAW && err_ == Z_NEED_DICT && !dictionary_.empty()) {
          err_ = inflateSetDictionary(&strm_, dictionary_.data(),
                                      static_cast<uInt>(dictionary_.size()));
          if (err_ == Z_OK) {
            err_ = InflateStep();
          } else if (err_ == Z_DATA_ERROR) {
            // Tell a bad dictionary from bad input.
            err_ = Z_NEED_DICT;
          }
        }
        while (strm_.avail_in > 0 && mode_ == GUNZIP && err_ == Z_STREAM_END &&
               strm_.next_in[0] != 0x00) {
          // Another gzip member follows (or trailing garbage); zero padding is fine.
          ResetStream();
          err_ = InflateStep();
        }
        break;
      default:
        break;
    }
  }

  CompressionError GetErrorInfo() const {
    switch (err_) {
      case Z_OK:
      case Z_BUF_ERROR:
        if (strm_.avail_out != 0 && flush_ == Z_FINISH) {
          return ErrorForMessage("unexpected end of file");
        }
        break;
      case Z_STREAM_END:
        break;
      case Z_NEED_DICT:
        return ErrorForMessage(dictionary_.empty() ? "Missing dictionary" : "Bad dictionary");
      default:
        return ErrorForMessage("Zlib error");
    }
    return CompressionError();
  }

  CompressionError ResetStream() {
    if (stream_deflate_) {
      stream_deflate_->Reset();
      err_ = Z_OK;
      return CompressionError();
    }
    bool first_init_call = InitZlib();
    if (first_init_call && err_ != Z_OK) {
      return ErrorForMessage("Failed to init stream before reset");
    }
    err_ = Z_OK;
    switch (mode_) {
      case DEFLATE:
      case DEFLATERAW:
      case GZIP:
        err_ = deflateReset(&strm_);
        break;
      case INFLATE:
      case INFLATERAW:
      case GUNZIP:
        err_ = inflateReset(&strm_);
        if (err_ == Z_OK) check_.Start(&strm_, window_bits_);
        break;
      default:
        break;
    }
    if (err_ != Z_OK) return ErrorForMessage("Failed to reset stream");
    return SetDictionary();
  }

  // Compresses all of in into out in one call: by libdeflate where it can stand in for zlib
  // (zlib_whole_deflate.cc), else with Z_FINISH in one deflate() call into out, sized by
  // deflateBound so that the call finishes. zlib's bytes are those of the same stream fed in
  // output chunks: at levels 1-9 its choices do not depend on the room it is given (level 0
  // cuts its stored blocks to that room, so the caller keeps it off this path). False when the
  // result would exceed max_out or the engine fails; the chunked path then starts over.
  bool ProcessWhole(const uint8_t* in, size_t len, size_t max_out, WholeOutput* out) {
    if (whole_by_libdeflate_ && len >= kLibdeflateMinInput) {
      return LibdeflateCompress(mode_, level_, in, len, max_out, out);
    }
    bool first_init_call = InitZlib();
    if (first_init_call && err_ != Z_OK) return false;
    if (mode_ != DEFLATE && mode_ != GZIP && mode_ != DEFLATERAW) return false;
    if (len > UINT_MAX) return false;
    uLong bound = deflateBound(&strm_, static_cast<uLong>(len));
    if (bound > UINT_MAX || !out->Reserve(std::max<uLong>(bound, 1))) return false;
    SetBuffers(in, static_cast<uint32_t>(len), out->end(), static_cast<uint32_t>(bound));
    flush_ = Z_FINISH;
    err_ = deflate(&strm_, Z_FINISH);
    size_t produced = bound - strm_.avail_out;
    if (err_ != Z_STREAM_END || produced > max_out) {
      ResetStream();
      return false;
    }
    out->Advance(produced);
    return true;
  }

  CompressionError SetParams(int level, int strategy) {
    bool first_init_call = !stream_deflate_ && InitZlib();
    if (first_init_call && err_ != Z_OK) {
      return ErrorForMessage("Failed to init stream before set parameters");
    }
    err_ = Z_OK;
    switch (mode_) {
      case DEFLATE:
      case DEFLATERAW:
        whole_by_libdeflate_ = false;
        err_ = stream_deflate_ ? stream_deflate_->Params(level, strategy)
                               : deflateParams(&strm_, level, strategy);
        break;
      default:
        break;
    }
    if (err_ != Z_OK && err_ != Z_BUF_ERROR) return ErrorForMessage("Failed to set parameters");
    return CompressionError();
  }

 private:
  CompressionError ErrorForMessage(const char* message) const {
    if (check_.message() != nullptr) {
      message = check_.message();
    } else if (strm_.msg != nullptr) {
      message = strm_.msg;
    }
    return CompressionError(message, ZlibStrerror(err_), err_);
  }

  // Creates the zlib state on first use (so constructing a stream is cheap). Returns whether
  // this call did it.
  bool InitZlib() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (zlib_init_done_) return false;
    switch (mode_) {
      case DEFLATE:
      case GZIP:
      case DEFLATERAW:
        err_ = deflateInit2(&strm_, level_, Z_DEFLATED, window_bits_, mem_level_, strategy_);
        break;
      case INFLATE:
      case GUNZIP:
      case INFLATERAW:
      case UNZIP:
        err_ = inflateInit2(&strm_, window_bits_);
        break;
      default:
        err_ = Z_STREAM_ERROR;
        return true;
    }
    if (err_ != Z_OK) {
      dictionary_.clear();
      mode_ = NONE;
      return true;
    }
    zlib_init_done_ = true;
    if (mode_ == INFLATE || mode_ == GUNZIP || mode_ == INFLATERAW || mode_ == UNZIP) {
      check_.Start(&strm_, window_bits_);
    }
    SetDictionary();
    return true;
  }

  // One inflate() call, its output's check value kept by check_.
  int InflateStep() {
    const Bytef* in_before = strm_.next_in;
    const Bytef* out_before = strm_.next_out;
    return check_.After(&strm_, in_before, out_before, inflate(&strm_, flush_));
  }

  CompressionError SetDictionary() {
    if (dictionary_.empty()) return CompressionError();
    err_ = Z_OK;
    switch (mode_) {
      case DEFLATE:
      case DEFLATERAW:
        err_ = deflateSetDictionary(&strm_, dictionary_.data(),
                                    static_cast<uInt>(dictionary_.size()));
        break;
      case INFLATERAW:
        err_ = inflateSetDictionary(&strm_, dictionary_.data(),
                                    static_cast<uInt>(dictionary_.size()));
        break;
      default:
        break;
    }
    if (err_ != Z_OK) return ErrorForMessage("Failed to set dictionary");
    return CompressionError();
  }

  Mode mode_;
  int err_ = 0;
  int flush_ = Z_NO_FLUSH;
  int level_ = 0;
  int mem_level_ = 0;
  int strategy_ = 0;
  int window_bits_ = 0;
  bool whole_by_libdeflate_ = false;  // DeflateWhole uses libdeflate
  std::unique_ptr<StreamDeflate> stream_deflate_;  // the stream's engine instead of zlib's
  unsigned gzip_id_bytes_read_ = 0;
  std::vector<unsigned char> dictionary_;
  z_stream strm_;
  InflateCheck check_;
  bool zlib_init_done_ = false;
  std::mutex mutex_;
};

// ---- brotli ----

// "ERR_" + the error's full name ("ERR__ERROR_FORMAT_PADDING_1"), as node's bundled brotli
// spells it (Debian's 1.0.9 BrotliDecoderErrorString drops the prefix).
std::string BrotliErrorCode(BrotliDecoderErrorCode code) {
  switch (code) {
#define BROTLI_CASE_(PREFIX, NAME, CODE) \
  case BROTLI_DECODER##PREFIX##NAME:    \
    return "ERR_" #PREFIX #NAME;
#define BROTLI_NOTHING_
    BROTLI_DECODER_ERROR_CODES_LIST(BROTLI_CASE_, BROTLI_NOTHING_)
#undef BROTLI_CASE_
#undef BROTLI_NOTHING_
    default:
      return "ERR_BROTLI_DECODER_ERROR";
  }
}

class BrotliEncoderContext {
 public:
  explicit BrotliEncoderContext(Mode) {}
  ~BrotliEncoderContext() { Close(); }
  void Close() {
    if (state_ != nullptr) BrotliEncoderDestroyInstance(state_);
    state_ = nullptr;
  }
  CompressionError Init() {
    Close();
    state_ = BrotliEncoderCreateInstance(nullptr, nullptr, nullptr);
    if (state_ == nullptr) {
      return CompressionError("Initialization failed", "ERR_ZLIB_INITIALIZATION_FAILED", -1);
    }
    return CompressionError();
  }
  CompressionError SetParam(int key, uint32_t value) {
    if (!BrotliEncoderSetParameter(state_, static_cast<BrotliEncoderParameter>(key), value)) {
      return CompressionError("Setting parameter failed", "ERR_BROTLI_PARAM_SET_FAILED", -1);
    }
    return CompressionError();
  }
  CompressionError ResetStream() { return Init(); }
  void SetBuffers(const unsigned char* in, uint32_t in_len, unsigned char* out,
                  uint32_t out_len) {
    next_in_ = in;
    avail_in_ = in_len;
    next_out_ = out;
    avail_out_ = out_len;
  }
  void SetFlush(int flush) { flush_ = static_cast<BrotliEncoderOperation>(flush); }
  void GetAfterWriteOffsets(uint32_t* avail_in, uint32_t* avail_out) const {
    *avail_in = static_cast<uint32_t>(avail_in_);
    *avail_out = static_cast<uint32_t>(avail_out_);
  }
  void DoWork() {
    if (state_ == nullptr) {
      last_result_ = false;
      return;
    }
    const uint8_t* next_in = next_in_;
    last_result_ = BrotliEncoderCompressStream(state_, flush_, &avail_in_, &next_in, &avail_out_,
                                               &next_out_, nullptr);
    next_in_ = next_in;
  }
  CompressionError GetErrorInfo() const {
    if (!last_result_) {
      return CompressionError("Compression failed", "ERR_BROTLI_COMPRESSION_FAILED", -1);
    }
    return CompressionError();
  }

 private:
  BrotliEncoderState* state_ = nullptr;
  const uint8_t* next_in_ = nullptr;
  uint8_t* next_out_ = nullptr;
  size_t avail_in_ = 0;
  size_t avail_out_ = 0;
  BrotliEncoderOperation flush_ = BROTLI_OPERATION_PROCESS;
  bool last_result_ = true;
};

class BrotliDecoderContext {
 public:
  explicit BrotliDecoderContext(Mode) {}
  ~BrotliDecoderContext() { Close(); }
  void Close() {
    if (state_ != nullptr) BrotliDecoderDestroyInstance(state_);
    state_ = nullptr;
  }
  CompressionError Init() {
    Close();
    state_ = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
    error_ = BROTLI_DECODER_NO_ERROR;
    error_string_.clear();
    last_result_ = BROTLI_DECODER_RESULT_SUCCESS;
    if (state_ == nullptr) {
      return CompressionError("Initialization failed", "ERR_ZLIB_INITIALIZATION_FAILED", -1);
    }
    return CompressionError();
  }
  CompressionError SetParam(int key, uint32_t value) {
    if (!BrotliDecoderSetParameter(state_, static_cast<BrotliDecoderParameter>(key), value)) {
      return CompressionError("Setting parameter failed", "ERR_BROTLI_PARAM_SET_FAILED", -1);
    }
    params_.emplace_back(static_cast<BrotliDecoderParameter>(key), value);
    return CompressionError();
  }

  // Decodes all of in into out, grown as the decoder asks (glibc grows large blocks without
  // copying), instead of one 16 KiB chunk per step and a concatenation in JS. It runs on a
  // decoder of its own with the stream's parameters, so that the stream is untouched when this
  // declines: on any error, truncated input, bytes after the end or an output over max_out.
  bool ProcessWhole(const uint8_t* in, size_t len, size_t max_out, WholeOutput* out) const {
    if (len == 0 || max_out == 0) return false;
    std::unique_ptr<BrotliDecoderState, void (*)(BrotliDecoderState*)> decoder(
        BrotliDecoderCreateInstance(nullptr, nullptr, nullptr), BrotliDecoderDestroyInstance);
    if (!decoder) return false;
    for (const auto& [key, value] : params_) {
      if (!BrotliDecoderSetParameter(decoder.get(), key, value)) return false;
    }
    if (!out->Reserve(std::min(max_out, std::max<size_t>(kWholeFirstRoom, len * 4)))) {
      return false;
    }
    size_t avail_in = len;
    const uint8_t* next_in = in;
    for (;;) {
      // One window at a time, faulted in before the decoder writes it (capacity is rounded up,
      // hence the second limit).
      size_t room = std::min(out->Prefault(kWholeWindow), max_out - out->size());
      size_t avail_out = room;
      uint8_t* next_out = out->end();
      BrotliDecoderResult r = BrotliDecoderDecompressStream(decoder.get(), &avail_in, &next_in,
                                                            &avail_out, &next_out, nullptr);
      out->Advance(room - avail_out);
      if (r == BROTLI_DECODER_RESULT_SUCCESS) return avail_in == 0;
      if (r != BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT || out->size() >= max_out) {
        return false;
      }
      if (out->room() == 0 && !out->Reserve(std::min(max_out, out->capacity() * 4))) {
        return false;
      }
    }
  }
  CompressionError ResetStream() { return Init(); }
  void SetBuffers(const unsigned char* in, uint32_t in_len, unsigned char* out,
                  uint32_t out_len) {
    next_in_ = in;
    avail_in_ = in_len;
    next_out_ = out;
    avail_out_ = out_len;
  }
  void SetFlush(int flush) { flush_ = flush; }
  void GetAfterWriteOffsets(uint32_t* avail_in, uint32_t* avail_out) const {
    *avail_in = static_cast<uint32_t>(avail_in_);
    *avail_out = static_cast<uint32_t>(avail_out_);
  }
  void DoWork() {
    if (state_ == nullptr) {
      last_result_ = BROTLI_DECODER_RESULT_ERROR;
      error_ = BROTLI_DECODER_ERROR_UNREACHABLE;
      error_string_ = "ERR_BROTLI_DECODER_ERROR";
      return;
    }
    const uint8_t* next_in = next_in_;
    last_result_ = BrotliDecoderDecompressStream(state_, &avail_in_, &next_in, &avail_out_,
                                                 &next_out_, nullptr);
    next_in_ = next_in;
    if (last_result_ == BROTLI_DECODER_RESULT_ERROR) {
      error_ = BrotliDecoderGetErrorCode(state_);
      error_string_ = BrotliErrorCode(error_);
    }
  }
  CompressionError GetErrorInfo() const {
    if (error_ != BROTLI_DECODER_NO_ERROR) {
      return CompressionError("Decompression failed", error_string_, static_cast<int>(error_));
    }
    if (flush_ == BROTLI_OPERATION_FINISH && last_result_ == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) {
      // Brotli does not treat a truncated input as an error; node does.
      return CompressionError("unexpected end of file", "Z_BUF_ERROR", Z_BUF_ERROR);
    }
    return CompressionError();
  }

 private:
  static constexpr size_t kWholeFirstRoom = 64 * 1024;
  static constexpr size_t kWholeWindow = 1024 * 1024;

  BrotliDecoderState* state_ = nullptr;
  std::vector<std::pair<BrotliDecoderParameter, uint32_t>> params_;  // as set at init
  const uint8_t* next_in_ = nullptr;
  uint8_t* next_out_ = nullptr;
  size_t avail_in_ = 0;
  size_t avail_out_ = 0;
  int flush_ = 0;
  BrotliDecoderResult last_result_ = BROTLI_DECODER_RESULT_SUCCESS;
  BrotliDecoderErrorCode error_ = BROTLI_DECODER_NO_ERROR;
  std::string error_string_;
};

// ---- the JS-facing stream handle ----

struct BufferRange {
  std::shared_ptr<v8::BackingStore> store;
  unsigned char* data = nullptr;
};

// Resolves view[offset, offset + len) (a Uint8Array or any view / ArrayBuffer); false if out
// of bounds.
bool GetRange(v8::Local<v8::Value> value, uint32_t offset, uint32_t len, BufferRange* out) {
  size_t base = 0;
  size_t size = 0;
  if (value->IsArrayBufferView()) {
    v8::Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
    out->store = view->Buffer()->GetBackingStore();
    base = view->ByteOffset();
    size = view->ByteLength();
  } else if (value->IsArrayBuffer()) {
    out->store = value.As<v8::ArrayBuffer>()->GetBackingStore();
    size = out->store->ByteLength();
  } else {
    return false;
  }
  if (static_cast<size_t>(offset) + len > size) return false;
  out->data = out->store->Data() == nullptr
                  ? nullptr
                  : static_cast<unsigned char*>(out->store->Data()) + base + offset;
  return true;
}

uint32_t Uint32Arg(const v8::FunctionCallbackInfo<v8::Value>& info, int index) {
  return info[index]->Uint32Value(info.GetIsolate()->GetCurrentContext()).FromMaybe(0);
}

int32_t Int32Arg(const v8::FunctionCallbackInfo<v8::Value>& info, int index) {
  return info[index]->Int32Value(info.GetIsolate()->GetCurrentContext()).FromMaybe(0);
}

template <typename Context>
class CompressionStream {
 public:
  CompressionStream(Environment* env, v8::Local<v8::Object> object, Mode mode)
      : env_(env), ctx_(mode) {
    object->SetAlignedPointerInInternalField(0, this);
    object_.Reset(env->isolate(), object);
    object_.SetWeak(this, OnCollected, v8::WeakCallbackType::kParameter);
  }

  ~CompressionStream() {
    if (!object_.IsEmpty()) {
      v8::HandleScope scope(env_->isolate());
      object_.Get(env_->isolate())->SetAlignedPointerInInternalField(0, nullptr);
      object_.Reset();
    }
  }

  static CompressionStream* Unwrap(const v8::FunctionCallbackInfo<v8::Value>& info) {
    return static_cast<CompressionStream*>(info.This()->GetAlignedPointerFromInternalField(0));
  }

  Context* context() { return &ctx_; }
  bool init_done() const { return init_done_; }

  // Keeps the JS object (and this) alive while a write is on the pool.
  void Ref() {
    if (refs_++ == 0) object_.ClearWeak();
  }
  void Unref() {
    if (--refs_ == 0 && !object_.IsEmpty()) {
      object_.SetWeak(this, OnCollected, v8::WeakCallbackType::kParameter);
    }
  }

  // init's common part: the Uint32Array for results (4 entries, see UpdateWriteResult) and
  // the callback after each pool task.
  bool InitStream(v8::Local<v8::Value> write_result, v8::Local<v8::Value> callback) {
    if (!write_result->IsUint32Array() || !callback->IsFunction()) return false;
    v8::Local<v8::Uint32Array> array = write_result.As<v8::Uint32Array>();
    if (array->Length() < 4) return false;
    write_result_store_ = array->Buffer()->GetBackingStore();
    write_result_ = reinterpret_cast<uint32_t*>(static_cast<char*>(write_result_store_->Data()) +
                                                array->ByteOffset());
    write_result_array_.Reset(env_->isolate(), array);
    write_callback_.Reset(env_->isolate(), callback.As<v8::Function>());
    init_done_ = true;
    return true;
  }

  // write(flush, in, in_off, in_len, out, out_off, out_len, slot) or writeSync(...): engine
  // steps over in[in_off, in_off + in_len) into out[out_off, out_off + out_len) (RunSteps).
  template <bool async>
  void Write(const v8::FunctionCallbackInfo<v8::Value>& info) {
    v8::Isolate* isolate = info.GetIsolate();
    if (!init_done_) return ThrowError(isolate, "write before init");
    if (closed_) return ThrowError(isolate, "already finalized");
    if (write_in_progress_) return ThrowError(isolate, "write already in progress");
    if (pending_close_) return ThrowError(isolate, "close is pending");
    uint32_t flush = Uint32Arg(info, 0);
    BufferRange in;
    BufferRange out;
    uint32_t in_len = 0;
    if (!info[1]->IsUndefined()) {
      uint32_t in_off = Uint32Arg(info, 2);
      in_len = Uint32Arg(info, 3);
      if (!GetRange(info[1], in_off, in_len, &in)) return ThrowError(isolate, "bad input range");
    }
    uint32_t out_off = Uint32Arg(info, 5);
    uint32_t out_len = Uint32Arg(info, 6);
    if (!GetRange(info[4], out_off, out_len, &out)) {
      return ThrowError(isolate, "bad output range");
    }
    uint32_t slot = Uint32Arg(info, 7);
    write_in_progress_ = true;
    Ref();
    run_ = StepRun();
    run_.in = in.data;
    run_.in_left = in_len;
    run_.out = out.data == nullptr ? nullptr : out.data - out_off;
    run_.out_pos = run_.start_pos = out_off;
    run_.out_end = out_off + out_len;
    run_.slot = slot;
    ctx_.SetFlush(static_cast<int>(flush));
    if (!async) {
      RunSteps();
      UpdateWriteResult();
      write_in_progress_ = false;
      if (run_.error.IsError()) EmitError(run_.error, false, nullptr);
      Unref();
      return;
    }
    in_store_ = std::move(in.store);
    out_store_ = std::move(out.store);
    env_->loop()->QueueWork([this] { RunSteps(); }, [this](int status) { AfterWork(status); });
  }

  // processWhole(view, maxOutputLength) -> ArrayBuffer | undefined, or
  // processWholeAsync(view, maxOutputLength, callback) -> callback(ArrayBuffer | undefined) from
  // the pool: the whole input run through one engine call (Context::ProcessWhole); undefined
  // when it declined and the chunked path must run.
  template <bool async>
  void WriteWhole(const v8::FunctionCallbackInfo<v8::Value>& info) {
    v8::Isolate* isolate = info.GetIsolate();
    if (!init_done_) return ThrowError(isolate, "write before init");
    if (closed_) return ThrowError(isolate, "already finalized");
    if (write_in_progress_) return ThrowError(isolate, "write already in progress");
    if (pending_close_) return ThrowError(isolate, "close is pending");
    if (!info[0]->IsArrayBufferView() || !info[1]->IsNumber() ||
        (async && !info[2]->IsFunction())) {
      return ThrowTypeError(isolate, "bad arguments");
    }
    auto job = std::make_unique<WholeJob>();
    v8::Local<v8::ArrayBufferView> view = info[0].As<v8::ArrayBufferView>();
    job->len = view->ByteLength();
    job->store = view->Buffer()->GetBackingStore();
    if (job->len > 0) {
      job->data = static_cast<const uint8_t*>(job->store->Data()) + view->ByteOffset();
    }
    double max_out = info[1].As<v8::Number>()->Value();
    job->max_out = max_out > 0 ? static_cast<size_t>(max_out) : 0;
    if (!async) {
      if (ctx_.ProcessWhole(job->data, job->len, job->max_out, &job->out)) {
        info.GetReturnValue().Set(ToArrayBuffer(isolate, &job->out));
      }
      return;
    }
    job->callback.Reset(isolate, info[2].As<v8::Function>());
    write_in_progress_ = true;
    Ref();
    WholeJob* raw = job.release();
    env_->loop()->QueueWork(
        [this, raw] { raw->ok = ctx_.ProcessWhole(raw->data, raw->len, raw->max_out, &raw->out); },
        [this, raw](int status) { AfterWholeWork(std::unique_ptr<WholeJob>(raw), status); });
  }

  void Close() {
    if (write_in_progress_) {
      pending_close_ = true;
      return;
    }
    pending_close_ = false;
    closed_ = true;
    ctx_.Close();
  }

  // Reports err through handle.onerror(message, errno, code). In a sync write the call runs
  // inside the caller's JS frame (an exception thrown by onerror propagates to it).
  void EmitError(const CompressionError& err, bool from_loop, CallbackScope* scope) {
    v8::Isolate* isolate = env_->isolate();
    v8::Local<v8::Context> context = env_->context();
    v8::Local<v8::Object> object = object_.Get(isolate);
    v8::Local<v8::Value> onerror;
    write_in_progress_ = false;
    if (object->Get(context, OneByteString(isolate, "onerror")).ToLocal(&onerror) &&
        onerror->IsFunction()) {
      v8::Local<v8::Value> args[] = {Utf8String(isolate, err.message),
                                     v8::Integer::New(isolate, err.err),
                                     Utf8String(isolate, err.code)};
      if (from_loop && scope != nullptr) {
        USE(scope->Call(onerror.As<v8::Function>(), object, 3, args));
      } else {
        USE(onerror.As<v8::Function>()->Call(context, object, 3, args));
      }
    }
    if (pending_close_) Close();
  }

  Environment* env() const { return env_; }
  v8::Local<v8::Object> object() const { return object_.Get(env_->isolate()); }

 private:
  // One write's engine steps. node runs one engine step per call, its output room the rest of
  // a chunkSize buffer; here one call runs as many of those steps as fit in [out_pos, out_end):
  // the output is cut into slots of `slot` bytes (offsets from the view's start), each step gets
  // the room up to the end of its slot, and the next step starts only when a step filled its
  // room (more output may be pending). Each step writes exactly what node's would, so the JS side
  // can push one chunk per slot and have node's chunks. slot 0: one step over the whole range.
  struct StepRun {
    const unsigned char* in = nullptr;
    uint32_t in_left = 0;
    unsigned char* out = nullptr;  // the output view's start
    uint32_t start_pos = 0;
    uint32_t out_pos = 0;          // where the next step writes
    uint32_t out_end = 0;
    uint32_t slot = 0;
    uint32_t last_avail_out = 0;   // 0: the last step filled its room
    CompressionError error;        // of the step that failed; its output is not counted
  };

  // On the pool (or inline for writeSync). Stops at the first error, at a step that left room
  // (the input is used up or the stream ended), or at out_end.
  void RunSteps() {
    StepRun& run = run_;
    for (;;) {
      uint32_t room_end = run.out_end;
      if (run.slot != 0) {
        uint64_t slot_end = (static_cast<uint64_t>(run.out_pos) / run.slot + 1) * run.slot;
        room_end = static_cast<uint32_t>(std::min<uint64_t>(room_end, slot_end));
      }
      ctx_.SetBuffers(run.in, run.in_left, run.out == nullptr ? nullptr : run.out + run.out_pos,
                      room_end - run.out_pos);
      ctx_.DoWork();
      run.error = ctx_.GetErrorInfo();
      if (run.error.IsError()) return;
      uint32_t avail_in = 0;
      uint32_t avail_out = 0;
      ctx_.GetAfterWriteOffsets(&avail_in, &avail_out);
      if (run.in != nullptr) run.in += run.in_left - avail_in;
      run.in_left = avail_in;
      run.out_pos = room_end - avail_out;
      run.last_avail_out = avail_out;
      if (avail_out != 0 || run.out_pos >= run.out_end) return;
    }
  }

  // The write result JS reads: [avail_out of the last step, avail_in, bytes produced, failed].
  void UpdateWriteResult() {
    write_result_[0] = run_.last_avail_out;
    write_result_[1] = run_.in_left;
    write_result_[2] = run_.out_pos - run_.start_pos;
    write_result_[3] = run_.error.IsError() ? 1 : 0;
  }

  struct WholeJob {
    std::shared_ptr<v8::BackingStore> store;
    const uint8_t* data = nullptr;
    size_t len = 0;
    size_t max_out = 0;
    WholeOutput out;
    bool ok = false;
    v8::Global<v8::Function> callback;
  };

  void AfterWholeWork(std::unique_ptr<WholeJob> job, int status) {
    write_in_progress_ = false;
    if (env_->is_stopping() || status != 0) {
      Close();
      Unref();
      return;
    }
    {
      v8::Isolate* isolate = env_->isolate();
      CallbackScope scope(env_);
      v8::Local<v8::Value> result = v8::Undefined(isolate);
      if (job->ok) result = ToArrayBuffer(isolate, &job->out);
      USE(scope.Call(job->callback.Get(isolate), object(), 1, &result));
      if (pending_close_) Close();
    }
    Unref();
  }

  void AfterWork(int status) {
    write_in_progress_ = false;
    in_store_.reset();
    out_store_.reset();
    if (env_->is_stopping() || status != 0) {
      Close();
      Unref();
      return;
    }
    {
      // The output of the steps before a failed one reaches JS first, as node's callbacks for
      // those steps would have; then the error.
      CallbackScope scope(env_);
      UpdateWriteResult();
      bool failed = run_.error.IsError();
      if (!failed || run_.out_pos > run_.start_pos) {
        USE(scope.Call(write_callback_.Get(env_->isolate()), object(), 0, nullptr));
      }
      if (failed) {
        EmitError(run_.error, true, &scope);
      } else if (pending_close_) {
        Close();
      }
    }
    Unref();
  }

  static void OnCollected(const v8::WeakCallbackInfo<CompressionStream>& data) {
    CompressionStream* stream = data.GetParameter();
    stream->object_.Reset();
    delete stream;
  }

  Environment* env_;
  Context ctx_;
  v8::Global<v8::Object> object_;
  v8::Global<v8::Function> write_callback_;
  v8::Global<v8::Uint32Array> write_result_array_;
  std::shared_ptr<v8::BackingStore> write_result_store_;
  uint32_t* write_result_ = nullptr;
  std::shared_ptr<v8::BackingStore> in_store_;
  std::shared_ptr<v8::BackingStore> out_store_;
  StepRun run_;
  int refs_ = 0;
  bool init_done_ = false;
  bool write_in_progress_ = false;
  bool pending_close_ = false;
  bool closed_ = false;
};

using ZlibStream = CompressionStream<ZlibContext>;
using BrotliEncoderStream = CompressionStream<BrotliEncoderContext>;
using BrotliDecoderStream = CompressionStream<BrotliDecoderContext>;

template <typename Stream>
void New(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!info.IsConstructCall()) return ThrowTypeError(info.GetIsolate(), "must be constructed");
  int mode = Int32Arg(info, 0);
  if (mode < DEFLATE || mode > BROTLI_ENCODE) return ThrowTypeError(info.GetIsolate(), "bad mode");
  new Stream(Environment::From(info), info.This(), static_cast<Mode>(mode));
  CaptureAsyncContext(Environment::From(info), info.This());
}

template <typename Stream, bool async>
void WriteMethod(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Stream* stream = Stream::Unwrap(info);
  if (stream == nullptr) return;
  stream->template Write<async>(info);
}

template <typename Stream, bool async>
void WriteWholeMethod(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Stream* stream = Stream::Unwrap(info);
  if (stream == nullptr) return;
  stream->template WriteWhole<async>(info);
}

template <typename Stream>
void CloseMethod(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Stream* stream = Stream::Unwrap(info);
  if (stream != nullptr) stream->Close();
}

template <typename Stream>
void ResetMethod(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Stream* stream = Stream::Unwrap(info);
  if (stream == nullptr) return;
  CompressionError err = stream->context()->ResetStream();
  if (err.IsError()) stream->EmitError(err, false, nullptr);
}

// Zlib.init(windowBits, level, memLevel, strategy, writeResult, afterWrite, dictionary)
void ZlibInit(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  ZlibStream* stream = ZlibStream::Unwrap(info);
  if (stream == nullptr) return;
  int window_bits = Int32Arg(info, 0);
  int level = Int32Arg(info, 1);
  int mem_level = Int32Arg(info, 2);
  int strategy = Int32Arg(info, 3);
  if (!stream->InitStream(info[4], info[5])) return ThrowTypeError(isolate, "bad init arguments");
  std::vector<unsigned char> dictionary;
  if (info[6]->IsArrayBufferView()) {
    v8::Local<v8::ArrayBufferView> view = info[6].As<v8::ArrayBufferView>();
    dictionary.resize(view->ByteLength());
    if (!dictionary.empty()) view->CopyContents(dictionary.data(), dictionary.size());
  }
  stream->context()->Init(level, window_bits, mem_level, strategy, std::move(dictionary));
  info.GetReturnValue().Set(true);
}

void ZlibParams(const v8::FunctionCallbackInfo<v8::Value>& info) {
  ZlibStream* stream = ZlibStream::Unwrap(info);
  if (stream == nullptr) return;
  CompressionError err = stream->context()->SetParams(Int32Arg(info, 0), Int32Arg(info, 1));
  if (err.IsError()) stream->EmitError(err, false, nullptr);
}

// Brotli*.init(params Uint32Array, writeResult, afterWrite) -> bool
template <typename Stream>
void BrotliInit(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Stream* stream = Stream::Unwrap(info);
  if (stream == nullptr) return;
  if (!info[0]->IsUint32Array() || !stream->InitStream(info[1], info[2])) {
    return ThrowTypeError(isolate, "bad init arguments");
  }
  CompressionError err = stream->context()->Init();
  if (err.IsError()) {
    stream->EmitError(err, false, nullptr);
    info.GetReturnValue().Set(false);
    return;
  }
  v8::Local<v8::Uint32Array> params = info[0].As<v8::Uint32Array>();
  std::vector<uint32_t> values(params->Length());
  if (!values.empty()) params->CopyContents(values.data(), values.size() * sizeof(uint32_t));
  for (size_t i = 0; i < values.size(); i++) {
    if (values[i] == static_cast<uint32_t>(-1)) continue;
    err = stream->context()->SetParam(static_cast<int>(i), values[i]);
    if (err.IsError()) {
      stream->EmitError(err, false, nullptr);
      info.GetReturnValue().Set(false);
      return;
    }
  }
  info.GetReturnValue().Set(true);
}

template <typename Stream>
void BrotliParams(const v8::FunctionCallbackInfo<v8::Value>&) {
  // Brotli parameters are fixed at init (as in node).
}

// crc32(data, value): data is a string (UTF-8) or a view. libdeflate's CRC-32 is zlib's function
// (same polynomial, same running value) computed with carry-less multiplication.
void Crc32(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  uint32_t value = Uint32Arg(info, 1);
  if (info[0]->IsString()) {
    v8::Local<v8::String> str = info[0].As<v8::String>();
    std::string bytes(str->Utf8Length(isolate), '\0');
    str->WriteUtf8(isolate, bytes.data(), static_cast<int>(bytes.size()), nullptr,
                   v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8);
    value = libdeflate_crc32(value, bytes.data(), bytes.size());
  } else if (info[0]->IsArrayBufferView()) {
    v8::Local<v8::ArrayBufferView> view = info[0].As<v8::ArrayBufferView>();
    size_t len = view->ByteLength();
    if (len > 0) {
      std::shared_ptr<v8::BackingStore> store = view->Buffer()->GetBackingStore();
      const uint8_t* data = static_cast<const uint8_t*>(store->Data()) + view->ByteOffset();
      value = libdeflate_crc32(value, data, len);
    }
  } else {
    return ThrowTypeError(isolate, "data must be a string or a view");
  }
  info.GetReturnValue().Set(static_cast<uint32_t>(value));
}

template <typename Stream>
v8::Local<v8::FunctionTemplate> StreamTemplate(v8::Isolate* isolate, const char* name) {
  v8::Local<v8::FunctionTemplate> tmpl = v8::FunctionTemplate::New(isolate, New<Stream>);
  tmpl->InstanceTemplate()->SetInternalFieldCount(1);
  tmpl->SetClassName(OneByteString(isolate, name));
  auto method = [&](const char* method_name, v8::FunctionCallback cb) {
    SetProtoMethod(isolate, tmpl, method_name, cb);
  };
  method("write", WriteMethod<Stream, true>);
  method("writeSync", WriteMethod<Stream, false>);
  method("close", CloseMethod<Stream>);
  method("reset", ResetMethod<Stream>);
  return tmpl;
}

void SetConstants(v8::Local<v8::Context> context, v8::Local<v8::Object> target) {
#define N(name) SetConstant(context, target, #name, static_cast<double>(name))
  N(Z_NO_FLUSH);
  N(Z_PARTIAL_FLUSH);
  N(Z_SYNC_FLUSH);
  N(Z_FULL_FLUSH);
  N(Z_FINISH);
  N(Z_BLOCK);
  N(Z_OK);
  N(Z_STREAM_END);
  N(Z_NEED_DICT);
  N(Z_ERRNO);
  N(Z_STREAM_ERROR);
  N(Z_DATA_ERROR);
  N(Z_MEM_ERROR);
  N(Z_BUF_ERROR);
  N(Z_VERSION_ERROR);
  N(Z_NO_COMPRESSION);
  N(Z_BEST_SPEED);
  N(Z_BEST_COMPRESSION);
  N(Z_DEFAULT_COMPRESSION);
  N(Z_FILTERED);
  N(Z_HUFFMAN_ONLY);
  N(Z_RLE);
  N(Z_FIXED);
  N(Z_DEFAULT_STRATEGY);
  N(ZLIB_VERNUM);
  N(DEFLATE);
  N(INFLATE);
  N(GZIP);
  N(GUNZIP);
  N(DEFLATERAW);
  N(INFLATERAW);
  N(UNZIP);
  N(BROTLI_DECODE);
  N(BROTLI_ENCODE);
#undef N
#define NV(name, value) SetConstant(context, target, name, static_cast<double>(value))
  NV("Z_MIN_WINDOWBITS", kMinWindowBits);
  NV("Z_MAX_WINDOWBITS", kMaxWindowBits);
  NV("Z_DEFAULT_WINDOWBITS", kDefaultWindowBits);
  NV("Z_MIN_CHUNK", kMinChunk);
  NV("Z_MAX_CHUNK", INFINITY);
  NV("Z_DEFAULT_CHUNK", kDefaultChunk);
  NV("Z_MIN_MEMLEVEL", kMinMemLevel);
  NV("Z_MAX_MEMLEVEL", kMaxMemLevel);
  NV("Z_DEFAULT_MEMLEVEL", kDefaultMemLevel);
  NV("Z_MIN_LEVEL", kMinLevel);
  NV("Z_MAX_LEVEL", kMaxLevel);
  NV("Z_DEFAULT_LEVEL", kDefaultLevel);
#undef NV
#define N(name) SetConstant(context, target, #name, static_cast<double>(name))
  N(BROTLI_OPERATION_PROCESS);
  N(BROTLI_OPERATION_FLUSH);
  N(BROTLI_OPERATION_FINISH);
  N(BROTLI_OPERATION_EMIT_METADATA);
  N(BROTLI_PARAM_MODE);
  N(BROTLI_MODE_GENERIC);
  N(BROTLI_MODE_TEXT);
  N(BROTLI_MODE_FONT);
  N(BROTLI_DEFAULT_MODE);
  N(BROTLI_PARAM_QUALITY);
  N(BROTLI_MIN_QUALITY);
  N(BROTLI_MAX_QUALITY);
  N(BROTLI_DEFAULT_QUALITY);
  N(BROTLI_PARAM_LGWIN);
  N(BROTLI_MIN_WINDOW_BITS);
  N(BROTLI_MAX_WINDOW_BITS);
  N(BROTLI_LARGE_MAX_WINDOW_BITS);
  N(BROTLI_DEFAULT_WINDOW);
  N(BROTLI_PARAM_LGBLOCK);
  N(BROTLI_MIN_INPUT_BLOCK_BITS);
  N(BROTLI_MAX_INPUT_BLOCK_BITS);
  N(BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING);
  N(BROTLI_PARAM_SIZE_HINT);
  N(BROTLI_PARAM_LARGE_WINDOW);
  N(BROTLI_PARAM_NPOSTFIX);
  N(BROTLI_PARAM_NDIRECT);
  N(BROTLI_DECODER_RESULT_ERROR);
  N(BROTLI_DECODER_RESULT_SUCCESS);
  N(BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT);
  N(BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT);
  N(BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION);
  N(BROTLI_DECODER_PARAM_LARGE_WINDOW);
  N(BROTLI_DECODER_NO_ERROR);
  N(BROTLI_DECODER_SUCCESS);
  N(BROTLI_DECODER_NEEDS_MORE_INPUT);
  N(BROTLI_DECODER_NEEDS_MORE_OUTPUT);
  N(BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE);
  N(BROTLI_DECODER_ERROR_FORMAT_RESERVED);
  N(BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE);
  N(BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET);
  N(BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME);
  N(BROTLI_DECODER_ERROR_FORMAT_CL_SPACE);
  N(BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE);
  N(BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT);
  N(BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1);
  N(BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2);
  N(BROTLI_DECODER_ERROR_FORMAT_TRANSFORM);
  N(BROTLI_DECODER_ERROR_FORMAT_DICTIONARY);
  N(BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS);
  N(BROTLI_DECODER_ERROR_FORMAT_PADDING_1);
  N(BROTLI_DECODER_ERROR_FORMAT_PADDING_2);
  N(BROTLI_DECODER_ERROR_FORMAT_DISTANCE);
  N(BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET);
  N(BROTLI_DECODER_ERROR_INVALID_ARGUMENTS);
  N(BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES);
  N(BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS);
  N(BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP);
  N(BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1);
  N(BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2);
  N(BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES);
  N(BROTLI_DECODER_ERROR_UNREACHABLE);
#undef N
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();

  v8::Local<v8::FunctionTemplate> zlib = StreamTemplate<ZlibStream>(isolate, "Zlib");
  zlib->PrototypeTemplate()->Set(
      OneByteString(isolate, "init"),
      v8::FunctionTemplate::New(isolate, ZlibInit, v8::Local<v8::Value>(),
                                v8::Signature::New(isolate, zlib)));
  zlib->PrototypeTemplate()->Set(
      OneByteString(isolate, "params"),
      v8::FunctionTemplate::New(isolate, ZlibParams, v8::Local<v8::Value>(),
                                v8::Signature::New(isolate, zlib)));
  zlib->PrototypeTemplate()->Set(
      OneByteString(isolate, "processWhole"),
      v8::FunctionTemplate::New(isolate, WriteWholeMethod<ZlibStream, false>,
                                v8::Local<v8::Value>(), v8::Signature::New(isolate, zlib)));
  zlib->PrototypeTemplate()->Set(
      OneByteString(isolate, "processWholeAsync"),
      v8::FunctionTemplate::New(isolate, WriteWholeMethod<ZlibStream, true>,
                                v8::Local<v8::Value>(), v8::Signature::New(isolate, zlib)));
  SetValue(context, target, "Zlib", zlib->GetFunction(context).ToLocalChecked());

  v8::Local<v8::FunctionTemplate> encoder =
      StreamTemplate<BrotliEncoderStream>(isolate, "BrotliEncoder");
  encoder->PrototypeTemplate()->Set(
      OneByteString(isolate, "init"),
      v8::FunctionTemplate::New(isolate, BrotliInit<BrotliEncoderStream>,
                                v8::Local<v8::Value>(), v8::Signature::New(isolate, encoder)));
  encoder->PrototypeTemplate()->Set(
      OneByteString(isolate, "params"),
      v8::FunctionTemplate::New(isolate, BrotliParams<BrotliEncoderStream>,
                                v8::Local<v8::Value>(), v8::Signature::New(isolate, encoder)));
  SetValue(context, target, "BrotliEncoder", encoder->GetFunction(context).ToLocalChecked());

  v8::Local<v8::FunctionTemplate> decoder =
      StreamTemplate<BrotliDecoderStream>(isolate, "BrotliDecoder");
  decoder->PrototypeTemplate()->Set(
      OneByteString(isolate, "init"),
      v8::FunctionTemplate::New(isolate, BrotliInit<BrotliDecoderStream>,
                                v8::Local<v8::Value>(), v8::Signature::New(isolate, decoder)));
  decoder->PrototypeTemplate()->Set(
      OneByteString(isolate, "params"),
      v8::FunctionTemplate::New(isolate, BrotliParams<BrotliDecoderStream>,
                                v8::Local<v8::Value>(), v8::Signature::New(isolate, decoder)));
  decoder->PrototypeTemplate()->Set(
      OneByteString(isolate, "processWhole"),
      v8::FunctionTemplate::New(isolate, WriteWholeMethod<BrotliDecoderStream, false>,
                                v8::Local<v8::Value>(), v8::Signature::New(isolate, decoder)));
  decoder->PrototypeTemplate()->Set(
      OneByteString(isolate, "processWholeAsync"),
      v8::FunctionTemplate::New(isolate, WriteWholeMethod<BrotliDecoderStream, true>,
                                v8::Local<v8::Value>(), v8::Signature::New(isolate, decoder)));
  SetValue(context, target, "BrotliDecoder", decoder->GetFunction(context).ToLocalChecked());

  SetMethod(context, target, "crc32", Crc32);
  InitializeWholeBuffer(env, target);
  v8::Local<v8::Object> constants = v8::Object::New(isolate);
  SetConstants(context, constants);
  SetValue(context, target, "constants", constants);
  SetValue(context, target, "ZLIB_VERSION", OneByteString(isolate, ZLIB_VERSION));
}

}  // namespace
}  // namespace ringjs::zlib

RINGJS_BINDING(zlib, ringjs::zlib::Initialize)
