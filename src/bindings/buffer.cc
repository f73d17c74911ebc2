// internalBinding('buffer'): the byte-level work of node:buffer and string_decoder. Every
// function takes the Uint8Array it works on as its first argument; lib/js/buffer.js validates
// all user input (types, ranges, encodings) first, so here only internal invariants are
// CHECKed. Encoding ids are the indices of internal/util's encodingsMap.
#include <immintrin.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

#include "runtime/array_buffer_allocator.h"
#include "runtime/binding.h"

#define BUFFER_CHECK(condition)                                                      \
  do {                                                                               \
    if (!(condition)) {                                                              \
      std::fprintf(stderr, "ringjs: %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__,  \
                   #condition);                                                      \
      std::abort();                                                                  \
    }                                                                                \
  } while (0)

namespace ringjs::buffer {
namespace {

// Same order as encodingsMap in lib/js/internal/util.js.
enum Encoding {
  kUtf8 = 0,
  kUcs2 = 1,
  kUtf16le = 2,
  kLatin1 = 3,
  kAscii = 4,
  kBase64 = 5,
  kBase64Url = 6,
  kHex = 7,
  kBuffer = 8,
};

// Strings at least this long are handed to V8 as external strings (no second copy).
constexpr size_t kExternalThreshold = 1 << 20;

// ---------------------------------------------------------------------------------------------
// Access to the bytes of an ArrayBufferView.

// Writable bytes: materializes on-heap typed arrays (once) so a stable pointer exists.
struct WritableBytes {
  uint8_t* data;
  size_t length;
};

WritableBytes Writable(v8::Local<v8::Value> value) {
  BUFFER_CHECK(value->IsArrayBufferView());
  v8::Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
  size_t length = view->ByteLength();
  if (length == 0) {
    static uint8_t empty;
    return {&empty, 0};
  }
  auto* base = static_cast<uint8_t*>(view->Buffer()->Data());
  return {base + view->ByteOffset(), length};
}

// Read-only bytes: small on-heap typed arrays are copied out instead of materialized.
class ReadableBytes {
 public:
  explicit ReadableBytes(v8::Local<v8::Value> value) {
    BUFFER_CHECK(value->IsArrayBufferView());
    v8::Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
    length_ = view->ByteLength();
    if (length_ == 0) {
      data_ = inline_;
    } else if (!view->HasBuffer() && length_ <= sizeof(inline_)) {
      view->CopyContents(inline_, length_);
      data_ = inline_;
    } else {
      data_ = static_cast<const uint8_t*>(view->Buffer()->Data()) + view->ByteOffset();
    }
  }
  const uint8_t* data() const { return data_; }
  size_t length() const { return length_; }

 private:
  const uint8_t* data_;
  size_t length_;
  uint8_t inline_[128];
};

// A [start, end) pair from JS, clamped to `length` (JS already validated; this only guards).
void ClampRange(const v8::FunctionCallbackInfo<v8::Value>& info, int index, size_t length,
                size_t* start, size_t* end) {
  auto to_size = [length](v8::Local<v8::Value> v, size_t fallback) -> size_t {
    if (!v->IsNumber()) return fallback;
    double d = v.As<v8::Number>()->Value();
    if (!(d > 0)) return 0;
    if (d >= static_cast<double>(length)) return length;
    return static_cast<size_t>(d);
  };
  *start = to_size(info[index], 0);
  *end = to_size(info[index + 1], length);
  if (*end < *start) *end = *start;
}

size_t SizeArg(const v8::FunctionCallbackInfo<v8::Value>& info, int index, size_t fallback) {
  v8::Local<v8::Value> v = info[index];
  if (!v->IsNumber()) return fallback;
  double d = v.As<v8::Number>()->Value();
  if (!(d > 0)) return 0;
  if (d >= 9007199254740992.0) return fallback;
  return static_cast<size_t>(d);
}

// ---------------------------------------------------------------------------------------------
// String creation.

// External strings own malloc'd characters and report them to V8 as external memory, so the
// GC runs as often as the real footprint requires.
class ExternalOneByte : public v8::String::ExternalOneByteStringResource {
 public:
  ExternalOneByte(v8::Isolate* isolate, char* data, size_t length)
      : isolate_(isolate), data_(data), length_(length) {
    isolate_->AdjustAmountOfExternalAllocatedMemory(static_cast<int64_t>(length_));
  }
  ~ExternalOneByte() override {
    std::free(data_);
    isolate_->AdjustAmountOfExternalAllocatedMemory(-static_cast<int64_t>(length_));
  }
  const char* data() const override { return data_; }
  size_t length() const override { return length_; }

 private:
  v8::Isolate* isolate_;
  char* data_;
  size_t length_;
};

class ExternalTwoByte : public v8::String::ExternalStringResource {
 public:
  ExternalTwoByte(v8::Isolate* isolate, uint16_t* data, size_t length)
      : isolate_(isolate), data_(data), length_(length) {
    isolate_->AdjustAmountOfExternalAllocatedMemory(static_cast<int64_t>(length_ * 2));
  }
  ~ExternalTwoByte() override {
    std::free(data_);
    isolate_->AdjustAmountOfExternalAllocatedMemory(-static_cast<int64_t>(length_ * 2));
  }
  const uint16_t* data() const override { return data_; }
  size_t length() const override { return length_; }

 private:
  v8::Isolate* isolate_;
  uint16_t* data_;
  size_t length_;
};

// A scratch buffer for building a string's characters: on the stack when small, malloc'd
// (and possibly handed to V8 as an external string) when large.
template <typename Char>
class CharBuffer {
 public:
  explicit CharBuffer(size_t length) : length_(length) {
    if (length <= kStackChars) {
      data_ = stack_;
    } else {
      data_ = static_cast<Char*>(std::malloc(length * sizeof(Char)));
      BUFFER_CHECK(data_ != nullptr);
      heap_ = true;
    }
  }
  ~CharBuffer() {
    if (heap_) std::free(data_);
  }
  CharBuffer(const CharBuffer&) = delete;
  CharBuffer& operator=(const CharBuffer&) = delete;

  Char* data() { return data_; }
  size_t length() const { return length_; }
  // Gives up ownership of a heap buffer (for an external string).
  Char* Release() {
    BUFFER_CHECK(heap_);
    heap_ = false;
    return data_;
  }
  bool on_heap() const { return heap_; }
  // Gives back the unused tail of a heap buffer.
  void ShrinkTo(size_t length) {
    if (!heap_ || length == 0 || length >= length_) return;
    void* smaller = std::realloc(data_, length * sizeof(Char));
    if (smaller != nullptr) data_ = static_cast<Char*>(smaller);
    length_ = length;
  }

 private:
  static constexpr size_t kStackChars = 8192 / sizeof(Char);
  Char stack_[kStackChars];
  Char* data_;
  size_t length_;
  bool heap_ = false;
};

// Returns the string, or an empty handle when it would be longer than String::kMaxLength
// (the JS caller throws ERR_STRING_TOO_LONG) or V8 threw.
v8::MaybeLocal<v8::String> MakeOneByte(v8::Isolate* isolate, CharBuffer<uint8_t>* chars,
                                       size_t length) {
  if (length > static_cast<size_t>(v8::String::kMaxLength)) return {};
  if (length >= kExternalThreshold && chars->on_heap()) {
    auto* resource = new ExternalOneByte(isolate, reinterpret_cast<char*>(chars->data()), length);
    v8::MaybeLocal<v8::String> result = v8::String::NewExternalOneByte(isolate, resource);
    if (result.IsEmpty()) {
      delete resource;  // Frees the characters too.
      chars->Release();
      return {};
    }
    chars->Release();
    return result;
  }
  return v8::String::NewFromOneByte(isolate, chars->data(), v8::NewStringType::kNormal,
                                    static_cast<int>(length));
}

v8::MaybeLocal<v8::String> MakeTwoByte(v8::Isolate* isolate, CharBuffer<uint16_t>* chars,
                                       size_t length) {
  if (length > static_cast<size_t>(v8::String::kMaxLength)) return {};
  if (length >= kExternalThreshold / 2 && chars->on_heap()) {
    chars->ShrinkTo(length);
    auto* resource = new ExternalTwoByte(isolate, chars->data(), length);
    v8::MaybeLocal<v8::String> result = v8::String::NewExternalTwoByte(isolate, resource);
    if (result.IsEmpty()) {
      delete resource;
      chars->Release();
      return {};
    }
    chars->Release();
    return result;
  }
  return v8::String::NewFromTwoByte(isolate, chars->data(), v8::NewStringType::kNormal,
                                    static_cast<int>(length));
}

void ReturnString(const v8::FunctionCallbackInfo<v8::Value>& info,
                  v8::MaybeLocal<v8::String> maybe) {
  v8::Local<v8::String> result;
  if (maybe.ToLocal(&result)) info.GetReturnValue().Set(result);
  // Otherwise undefined (too long: JS throws) or V8's pending exception propagates.
}

// The characters of a JS string as one-byte or two-byte code units (external one-byte strings
// are read in place).
class FlatString {
 public:
  FlatString(v8::Isolate* isolate, v8::Local<v8::String> string) {
    length_ = static_cast<size_t>(string->Length());
    one_byte_ = string->IsOneByte();
    if (one_byte_ && string->IsExternalOneByte()) {
      one_ = reinterpret_cast<const uint8_t*>(string->GetExternalOneByteStringResource()->data());
      return;
    }
    if (length_ == 0) {
      one_ = reinterpret_cast<const uint8_t*>("");
      return;
    }
    if (one_byte_) {
      uint8_t* chars = inline_;
      if (length_ > sizeof(inline_)) {
        chars = new uint8_t[length_];
        storage_one_.reset(chars);
      }
      string->WriteOneByte(isolate, chars, 0, static_cast<int>(length_),
                           v8::String::NO_NULL_TERMINATION);
      one_ = chars;
    } else {
      auto* chars = new uint16_t[length_];
      storage_two_.reset(chars);
      string->Write(isolate, chars, 0, static_cast<int>(length_), v8::String::NO_NULL_TERMINATION);
      two_ = chars;
    }
  }
  bool one_byte() const { return one_byte_; }
  size_t length() const { return length_; }
  const uint8_t* one() const { return one_; }
  const uint16_t* two() const { return two_; }

 private:
  bool one_byte_;
  size_t length_;
  const uint8_t* one_ = nullptr;
  const uint16_t* two_ = nullptr;
  std::unique_ptr<uint8_t[]> storage_one_;
  std::unique_ptr<uint16_t[]> storage_two_;
  uint8_t inline_[4096];
};

// ---------------------------------------------------------------------------------------------
// Codecs.

constexpr char kBase64Chars[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr char kBase64UrlChars[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr char kHexChars[] = "0123456789abcdef";

// Decoding tables: 0..63 a sextet (both alphabets), 64 '=', 255 anything else.
struct Base64Table {
  uint8_t value[256];
  constexpr Base64Table() : value() {
    for (int i = 0; i < 256; i++) value[i] = 255;
    for (int i = 0; i < 64; i++) {
      value[static_cast<uint8_t>(kBase64Chars[i])] = static_cast<uint8_t>(i);
      value[static_cast<uint8_t>(kBase64UrlChars[i])] = static_cast<uint8_t>(i);
    }
    value[static_cast<uint8_t>('=')] = 64;
  }
};
constexpr Base64Table kBase64Table;

struct HexTable {
  int8_t value[256];
  constexpr HexTable() : value() {
    for (int i = 0; i < 256; i++) value[i] = -1;
    for (int i = 0; i < 10; i++) value['0' + i] = static_cast<int8_t>(i);
    for (int i = 0; i < 6; i++) {
      value['a' + i] = static_cast<int8_t>(10 + i);
      value['A' + i] = static_cast<int8_t>(10 + i);
    }
  }
};
constexpr HexTable kHexTable;

// Two-byte characters are truncated to their low byte first (as node does).
inline uint8_t Base64Value(uint16_t c) { return kBase64Table.value[static_cast<uint8_t>(c)]; }
inline int HexValue(uint16_t c) { return kHexTable.value[static_cast<uint8_t>(c)]; }

// Pairs of output characters per 12 input bits, and per byte for hex.
struct EncodeTables {
  uint16_t base64[4096];
  uint16_t base64url[4096];
  uint16_t hex[256];
  EncodeTables() {
    for (int i = 0; i < 4096; i++) {
      base64[i] = Pack(kBase64Chars[i >> 6], kBase64Chars[i & 63]);
      base64url[i] = Pack(kBase64UrlChars[i >> 6], kBase64UrlChars[i & 63]);
    }
    for (int i = 0; i < 256; i++) hex[i] = Pack(kHexChars[i >> 4], kHexChars[i & 15]);
  }
  // Two characters in memory order (little-endian host).
  static uint16_t Pack(char first, char second) {
    return static_cast<uint16_t>(static_cast<uint8_t>(first) |
                                 (static_cast<uint16_t>(static_cast<uint8_t>(second)) << 8));
  }
};
const EncodeTables& Tables() {
  static const EncodeTables tables;
  return tables;
}

// Decoding: each table places a character's sextet at its final bit position; anything
// outside the alphabets sets bit 24 (so one OR tells whether a group of four is clean).
struct Base64DecodeTables {
  uint32_t d[4][256];
  Base64DecodeTables() {
    for (int c = 0; c < 256; c++) {
      uint8_t v = kBase64Table.value[c];
      for (int k = 0; k < 4; k++) {
        d[k][c] = v < 64 ? static_cast<uint32_t>(v) << (18 - 6 * k) : 0x1000000u;
      }
    }
  }
};
const Base64DecodeTables& DecodeTables() {
  static const Base64DecodeTables tables;
  return tables;
}

size_t Base64EncodedLength(size_t n, bool url) {
  return url ? (n / 3) * 4 + ((n % 3) == 0 ? 0 : (n % 3) + 1) : ((n + 2) / 3) * 4;
}

#if defined(__x86_64__)
// AVX2: 24 input bytes -> 32 characters per step (two 12-byte groups, one per 128-bit lane).
// The bytes are spread so each 32-bit word holds one 3-byte group, the four 6-bit indices are
// moved into separate bytes with multiplies, and a 16-entry table of offsets per index range
// turns indices into characters. Returns the input bytes consumed (a multiple of 24).
__attribute__((target("avx2"))) size_t Base64EncodeAvx2(const uint8_t* src, size_t n,
                                                        uint8_t* dst, bool url) {
  const __m256i spread = _mm256_set_epi8(10, 11, 9, 10, 7, 8, 6, 7, 4, 5, 3, 4, 1, 2, 0, 1,
                                         10, 11, 9, 10, 7, 8, 6, 7, 4, 5, 3, 4, 1, 2, 0, 1);
  // Offsets added to an index, chosen by range: A-Z +65, a-z +71, 0-9 -4, then the two
  // alphabet-specific characters ('+' -19 and '/' -16, or '-' -17 and '_' +32).
  const int8_t c62 = url ? -17 : -19;
  const int8_t c63 = url ? 32 : -16;
  const __m256i offsets = _mm256_setr_epi8(65, 71, -4, -4, -4, -4, -4, -4, -4, -4, -4, -4, c62,
                                           c63, 0, 0, 65, 71, -4, -4, -4, -4, -4, -4, -4, -4, -4,
                                           -4, c62, c63, 0, 0);
  size_t i = 0;
  // Each step reads 28 bytes (16 at +0 and 16 at +12).
  for (; i + 32 <= n; i += 24, dst += 32) {
    __m128i lo = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + i));
    __m128i hi = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + i + 12));
    __m256i in = _mm256_inserti128_si256(_mm256_castsi128_si256(lo), hi, 1);
    in = _mm256_shuffle_epi8(in, spread);
    __m256i t0 = _mm256_and_si256(in, _mm256_set1_epi32(0x0fc0fc00));
    __m256i t1 = _mm256_mulhi_epu16(t0, _mm256_set1_epi32(0x04000040));
    __m256i t2 = _mm256_and_si256(in, _mm256_set1_epi32(0x003f03f0));
    __m256i t3 = _mm256_mullo_epi16(t2, _mm256_set1_epi32(0x01000010));
    __m256i indices = _mm256_or_si256(t1, t3);
    __m256i range = _mm256_subs_epu8(indices, _mm256_set1_epi8(51));
    __m256i above25 = _mm256_cmpgt_epi8(indices, _mm256_set1_epi8(25));
    range = _mm256_sub_epi8(range, above25);
    __m256i out = _mm256_add_epi8(indices, _mm256_shuffle_epi8(offsets, range));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(dst), out);
  }
  return i;
}

bool HasAvx2() {
  static const bool has = __builtin_cpu_supports("avx2");
  return has;
}
#endif

size_t Base64Encode(const uint8_t* src, size_t n, uint8_t* dst, bool url) {
  const uint16_t* pairs = url ? Tables().base64url : Tables().base64;
  const char* table = url ? kBase64UrlChars : kBase64Chars;
  size_t i = 0;
  size_t k = 0;
#if defined(__x86_64__)
  if (n >= 32 && HasAvx2()) {
    i = Base64EncodeAvx2(src, n, dst, url);
    k = i / 3 * 4;
  }
#endif
  // Six bytes -> eight characters per step.
  for (; i + 6 <= n; i += 6, k += 8) {
    uint32_t a = (uint32_t{src[i]} << 16) | (uint32_t{src[i + 1]} << 8) | src[i + 2];
    uint32_t b = (uint32_t{src[i + 3]} << 16) | (uint32_t{src[i + 4]} << 8) | src[i + 5];
    uint64_t out = uint64_t{pairs[a >> 12]} | (uint64_t{pairs[a & 0xfff]} << 16) |
                   (uint64_t{pairs[b >> 12]} << 32) | (uint64_t{pairs[b & 0xfff]} << 48);
    std::memcpy(dst + k, &out, 8);
  }
  for (; i + 3 <= n; i += 3) {
    uint32_t v = (uint32_t{src[i]} << 16) | (uint32_t{src[i + 1]} << 8) | src[i + 2];
    std::memcpy(dst + k, &pairs[v >> 12], 2);
    std::memcpy(dst + k + 2, &pairs[v & 0xfff], 2);
    k += 4;
  }
  size_t rest = n - i;
  if (rest == 1) {
    uint32_t v = uint32_t{src[i]} << 16;
    dst[k++] = table[(v >> 18) & 63];
    dst[k++] = table[(v >> 12) & 63];
    if (!url) {
      dst[k++] = '=';
      dst[k++] = '=';
    }
  } else if (rest == 2) {
    uint32_t v = (uint32_t{src[i]} << 16) | (uint32_t{src[i + 1]} << 8);
    dst[k++] = table[(v >> 18) & 63];
    dst[k++] = table[(v >> 12) & 63];
    dst[k++] = table[(v >> 6) & 63];
    if (!url) dst[k++] = '=';
  }
  return k;
}

#if defined(__x86_64__)
// AVX2: 32 characters -> 24 bytes per step while every character is in an alphabet ('-' and
// '_' are first mapped to '+' and '/'). Characters are classified by their high and low
// nibbles (a character is valid when the two class masks share no bit), turned into sextets
// by adding a per-range offset, and the sextets packed with multiply-adds. Stops at the first
// block holding anything else; `*consumed` / the return value say how far it got.
__attribute__((target("avx2"))) size_t Base64DecodeAvx2(const uint8_t* src, size_t n,
                                                        uint8_t* dst, size_t capacity,
                                                        size_t* consumed) {
  const __m256i lut_lo = _mm256_setr_epi8(
      0x15, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x13, 0x1A, 0x1B, 0x1B, 0x1B,
      0x1A, 0x15, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x13, 0x1A, 0x1B, 0x1B,
      0x1B, 0x1A);
  const __m256i lut_hi = _mm256_setr_epi8(
      0x10, 0x10, 0x01, 0x02, 0x04, 0x08, 0x04, 0x08, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10,
      0x10, 0x10, 0x10, 0x01, 0x02, 0x04, 0x08, 0x04, 0x08, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10,
      0x10, 0x10);
  const __m256i lut_roll = _mm256_setr_epi8(0, 16, 19, 4, -65, -65, -71, -71, 0, 0, 0, 0, 0, 0,
                                            0, 0, 0, 16, 19, 4, -65, -65, -71, -71, 0, 0, 0, 0,
                                            0, 0, 0, 0);
  const __m256i mask_2f = _mm256_set1_epi8(0x2f);
  const __m256i pack = _mm256_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1,
                                        2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);
  const __m256i lanes = _mm256_setr_epi32(0, 1, 2, 4, 5, 6, -1, -1);
  size_t i = 0;
  size_t k = 0;
  for (; i + 32 <= n && k + 32 <= capacity; i += 32, k += 24) {
    __m256i str = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(src + i));
    __m256i hi_nibbles = _mm256_and_si256(_mm256_srli_epi32(str, 4), mask_2f);
    __m256i lo_nibbles = _mm256_and_si256(str, mask_2f);
    __m256i hi = _mm256_shuffle_epi8(lut_hi, hi_nibbles);
    __m256i lo = _mm256_shuffle_epi8(lut_lo, lo_nibbles);
    if (!_mm256_testz_si256(lo, hi)) {
      // Not the standard alphabet throughout: URL-safe characters become their standard
      // equivalents (only blocks that need it pay for this), then the block is checked again.
      str = _mm256_blendv_epi8(str, _mm256_set1_epi8('+'),
                               _mm256_cmpeq_epi8(str, _mm256_set1_epi8('-')));
      str = _mm256_blendv_epi8(str, _mm256_set1_epi8('/'),
                               _mm256_cmpeq_epi8(str, _mm256_set1_epi8('_')));
      hi_nibbles = _mm256_and_si256(_mm256_srli_epi32(str, 4), mask_2f);
      lo_nibbles = _mm256_and_si256(str, mask_2f);
      hi = _mm256_shuffle_epi8(lut_hi, hi_nibbles);
      lo = _mm256_shuffle_epi8(lut_lo, lo_nibbles);
      if (!_mm256_testz_si256(lo, hi)) break;
    }
    __m256i eq_2f = _mm256_cmpeq_epi8(str, mask_2f);
    __m256i roll = _mm256_shuffle_epi8(lut_roll, _mm256_add_epi8(eq_2f, hi_nibbles));
    __m256i sextets = _mm256_add_epi8(str, roll);
    __m256i pairs = _mm256_maddubs_epi16(sextets, _mm256_set1_epi32(0x01400140));
    __m256i words = _mm256_madd_epi16(pairs, _mm256_set1_epi32(0x00011000));
    words = _mm256_shuffle_epi8(words, pack);
    words = _mm256_permutevar8x32_epi32(words, lanes);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(dst + k), words);
  }
  *consumed = i;
  return k;
}
#endif

// Lenient base64 (either alphabet): characters outside the alphabet are skipped, '=' ends the
// data, a trailing group of 2 or 3 sextets yields 1 or 2 bytes. Writes at most `capacity`.
template <typename Char>
size_t Base64Decode(const Char* src, size_t n, uint8_t* dst, size_t capacity) {
  const Base64DecodeTables& t = DecodeTables();
  size_t k = 0;
  size_t i = 0;
#if defined(__x86_64__)
  if (sizeof(Char) == 1 && n >= 64 && capacity >= 64 && HasAvx2()) {
    k = Base64DecodeAvx2(reinterpret_cast<const uint8_t*>(src), n, dst, capacity, &i);
  }
#endif
  // Fast path: clean groups of four characters, storing four bytes (one of them scratch)
  // while there is room for it.
  while (i + 4 <= n && k + 4 <= capacity) {
    uint32_t v = t.d[0][static_cast<uint8_t>(src[i])] | t.d[1][static_cast<uint8_t>(src[i + 1])] |
                 t.d[2][static_cast<uint8_t>(src[i + 2])] |
                 t.d[3][static_cast<uint8_t>(src[i + 3])];
    if (v & 0x1000000u) break;
    uint32_t be = __builtin_bswap32(v << 8);
    std::memcpy(dst + k, &be, 4);
    k += 3;
    i += 4;
  }
  // Slow path: one sextet at a time.
  uint32_t acc = 0;
  int count = 0;
  for (; i < n && k < capacity; i++) {
    uint8_t v = Base64Value(src[i]);
    if (v == 64) break;
    if (v == 255) continue;
    acc = (acc << 6) | v;
    if (++count == 4) {
      dst[k++] = static_cast<uint8_t>(acc >> 16);
      if (k < capacity) dst[k++] = static_cast<uint8_t>(acc >> 8);
      if (k < capacity) dst[k++] = static_cast<uint8_t>(acc);
      acc = 0;
      count = 0;
    }
  }
  if (count >= 2 && k < capacity) {
    acc <<= 6 * (4 - count);
    dst[k++] = static_cast<uint8_t>(acc >> 16);
    if (count == 3 && k < capacity) dst[k++] = static_cast<uint8_t>(acc >> 8);
  }
  return k;
}

// Hex pairs until the first invalid pair or `capacity` bytes.
template <typename Char>
size_t HexDecode(const Char* src, size_t n, uint8_t* dst, size_t capacity) {
  size_t k = 0;
  size_t pairs = std::min(n / 2, capacity);
  for (; k < pairs; k++) {
    int hi = HexValue(src[2 * k]);
    int lo = HexValue(src[2 * k + 1]);
    if ((hi | lo) < 0) break;
    dst[k] = static_cast<uint8_t>((hi << 4) | lo);
  }
  return k;
}

void HexEncode(const uint8_t* src, size_t n, uint8_t* dst) {
  const uint16_t* pairs = Tables().hex;
  size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    uint64_t out = uint64_t{pairs[src[i]]} | (uint64_t{pairs[src[i + 1]]} << 16) |
                   (uint64_t{pairs[src[i + 2]]} << 32) | (uint64_t{pairs[src[i + 3]]} << 48);
    std::memcpy(dst + 2 * i, &out, 8);
  }
  for (; i < n; i++) std::memcpy(dst + 2 * i, &pairs[src[i]], 2);
}

// True when no byte has its high bit set.
bool IsAsciiBytes(const uint8_t* s, size_t n) {
  size_t i = 0;
  uint64_t acc = 0;
  for (; i + 32 <= n; i += 32) {
    uint64_t w[4];
    std::memcpy(w, s + i, 32);
    acc |= w[0] | w[1] | w[2] | w[3];
    if (acc & 0x8080808080808080ull) return false;
  }
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, s + i, 8);
    acc |= w;
  }
  uint8_t tail = 0;
  for (; i < n; i++) tail |= s[i];
  return ((acc & 0x8080808080808080ull) | (tail & 0x80)) == 0;
}

// UTF-8 -> UTF-16 as the WHATWG decoder (and V8) does it: a lead byte with its valid
// continuation bytes that do not complete a character becomes one U+FFFD, and so does every
// byte that cannot start one. `dst` needs room for n units. Returns the units written.
size_t DecodeUtf8(const uint8_t* s, size_t n, uint16_t* dst) {
  size_t i = 0;
  size_t k = 0;
  while (i < n) {
    // ASCII runs, eight bytes at a time.
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, s + i, 8);
      if (w & 0x8080808080808080ull) break;
      for (int j = 0; j < 8; j++) dst[k + j] = s[i + j];
      i += 8;
      k += 8;
    }
    if (i >= n) break;
    uint8_t b = s[i];
    if (b < 0x80) {
      dst[k++] = b;
      i++;
      continue;
    }
    size_t need;
    uint32_t cp;
    uint8_t lower = 0x80;
    uint8_t upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      cp = b & 0x0f;
      if (b == 0xe0) lower = 0xa0;
      if (b == 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      cp = b & 0x07;
      if (b == 0xf0) lower = 0x90;
      if (b == 0xf4) upper = 0x8f;
    } else {
      dst[k++] = 0xfffd;
      i++;
      continue;
    }
    size_t j = 1;
    for (; j <= need; j++) {
      if (i + j >= n) break;
      uint8_t c = s[i + j];
      if (c < lower || c > upper) break;
      cp = (cp << 6) | (c & 0x3f);
      lower = 0x80;
      upper = 0xbf;
    }
    if (j <= need) {
      dst[k++] = 0xfffd;
      i += j;
      continue;
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      dst[k++] = static_cast<uint16_t>(0xd800 + (cp >> 10));
      dst[k++] = static_cast<uint16_t>(0xdc00 + (cp & 0x3ff));
    } else {
      dst[k++] = static_cast<uint16_t>(cp);
    }
    i += need + 1;
  }
  return k;
}

// Writes `string` in `encoding` to dst (at most `capacity` bytes); returns bytes written.
size_t WriteString(v8::Isolate* isolate, v8::Local<v8::String> string, Encoding encoding,
                   uint8_t* dst, size_t capacity) {
  if (capacity == 0) return 0;
  int cap = capacity > static_cast<size_t>(INT32_MAX) ? INT32_MAX : static_cast<int>(capacity);
  switch (encoding) {
    case kUtf8:
    case kBuffer:
      return static_cast<size_t>(string->WriteUtf8(
          isolate, reinterpret_cast<char*>(dst), cap, nullptr,
          v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8));
    case kLatin1:
    case kAscii:
      return static_cast<size_t>(
          string->WriteOneByte(isolate, dst, 0, cap, v8::String::NO_NULL_TERMINATION));
    case kUcs2:
    case kUtf16le: {
      int chars = std::min(cap / 2, string->Length());
      if (chars == 0) return 0;
      if (reinterpret_cast<uintptr_t>(dst) % alignof(uint16_t) == 0) {
        string->Write(isolate, reinterpret_cast<uint16_t*>(dst), 0, chars,
                      v8::String::NO_NULL_TERMINATION);
      } else {
        std::vector<uint16_t> tmp(chars);
        string->Write(isolate, tmp.data(), 0, chars, v8::String::NO_NULL_TERMINATION);
        std::memcpy(dst, tmp.data(), static_cast<size_t>(chars) * 2);
      }
      return static_cast<size_t>(chars) * 2;
    }
    case kBase64:
    case kBase64Url:
    case kHex: {
      FlatString flat(isolate, string);
      if (encoding == kHex) {
        return flat.one_byte() ? HexDecode(flat.one(), flat.length(), dst, capacity)
                               : HexDecode(flat.two(), flat.length(), dst, capacity);
      }
      return flat.one_byte() ? Base64Decode(flat.one(), flat.length(), dst, capacity)
                             : Base64Decode(flat.two(), flat.length(), dst, capacity);
    }
  }
  return 0;
}

Encoding EncodingArg(const v8::FunctionCallbackInfo<v8::Value>& info, int index) {
  if (!info[index]->IsInt32()) return kUtf8;
  int32_t value = info[index].As<v8::Int32>()->Value();
  BUFFER_CHECK(value >= kUtf8 && value <= kBuffer);
  return static_cast<Encoding>(value);
}

// ---------------------------------------------------------------------------------------------
// Slices: (buf, start, end) -> string.

void Utf8Slice(const v8::FunctionCallbackInfo<v8::Value>& info) {
  ReadableBytes bytes(info[0]);
  size_t start, end;
  ClampRange(info, 1, bytes.length(), &start, &end);
  size_t n = end - start;
  if (n == 0) return info.GetReturnValue().SetEmptyString();
  const uint8_t* src = bytes.data() + start;
  if (n >= 64 && IsAsciiBytes(src, n)) {
    // ASCII is Latin-1: skip V8's UTF-8 decoder.
    if (n > static_cast<size_t>(v8::String::kMaxLength)) return;
    if (n < kExternalThreshold) {
      return ReturnString(info, v8::String::NewFromOneByte(info.GetIsolate(), src,
                                                           v8::NewStringType::kNormal,
                                                           static_cast<int>(n)));
    }
    CharBuffer<uint8_t> chars(n);
    std::memcpy(chars.data(), src, n);
    return ReturnString(info, MakeOneByte(info.GetIsolate(), &chars, n));
  }
  if (n >= 64) {
    // Our decoder (same results as V8's, which is slower on non-ASCII text).
    CharBuffer<uint16_t> chars(n);
    size_t units = DecodeUtf8(src, n, chars.data());
    return ReturnString(info, MakeTwoByte(info.GetIsolate(), &chars, units));
  }
  // V8 decodes as the WHATWG decoder does: every invalid sequence becomes U+FFFD.
  if (n > static_cast<size_t>(INT32_MAX)) return;
  ReturnString(info, v8::String::NewFromUtf8(info.GetIsolate(),
                                             reinterpret_cast<const char*>(bytes.data() + start),
                                             v8::NewStringType::kNormal, static_cast<int>(n)));
}

void Latin1Slice(const v8::FunctionCallbackInfo<v8::Value>& info) {
  ReadableBytes bytes(info[0]);
  size_t start, end;
  ClampRange(info, 1, bytes.length(), &start, &end);
  size_t n = end - start;
  if (n == 0) return info.GetReturnValue().SetEmptyString();
  if (n > static_cast<size_t>(v8::String::kMaxLength)) return;
  if (n < kExternalThreshold) {
    return ReturnString(info, v8::String::NewFromOneByte(info.GetIsolate(), bytes.data() + start,
                                                         v8::NewStringType::kNormal,
                                                         static_cast<int>(n)));
  }
  CharBuffer<uint8_t> chars(n);
  std::memcpy(chars.data(), bytes.data() + start, n);
  ReturnString(info, MakeOneByte(info.GetIsolate(), &chars, n));
}

void AsciiSlice(const v8::FunctionCallbackInfo<v8::Value>& info) {
  ReadableBytes bytes(info[0]);
  size_t start, end;
  ClampRange(info, 1, bytes.length(), &start, &end);
  size_t n = end - start;
  if (n == 0) return info.GetReturnValue().SetEmptyString();
  if (n > static_cast<size_t>(v8::String::kMaxLength)) return;
  const uint8_t* src = bytes.data() + start;
  bool high = false;
  for (size_t i = 0; i < n; i++) {
    if (src[i] & 0x80) {
      high = true;
      break;
    }
  }
  if (!high && n < kExternalThreshold) {
    return ReturnString(info, v8::String::NewFromOneByte(info.GetIsolate(), src,
                                                         v8::NewStringType::kNormal,
                                                         static_cast<int>(n)));
  }
  // Node's 'ascii' decoding drops the high bit of every byte.
  CharBuffer<uint8_t> chars(n);
  for (size_t i = 0; i < n; i++) chars.data()[i] = src[i] & 0x7f;
  ReturnString(info, MakeOneByte(info.GetIsolate(), &chars, n));
}

void HexSlice(const v8::FunctionCallbackInfo<v8::Value>& info) {
  ReadableBytes bytes(info[0]);
  size_t start, end;
  ClampRange(info, 1, bytes.length(), &start, &end);
  size_t n = end - start;
  if (n == 0) return info.GetReturnValue().SetEmptyString();
  if (n > static_cast<size_t>(v8::String::kMaxLength) / 2) return;
  CharBuffer<uint8_t> chars(n * 2);
  HexEncode(bytes.data() + start, n, chars.data());
  ReturnString(info, MakeOneByte(info.GetIsolate(), &chars, n * 2));
}

void Base64SliceImpl(const v8::FunctionCallbackInfo<v8::Value>& info, bool url) {
  ReadableBytes bytes(info[0]);
  size_t start, end;
  ClampRange(info, 1, bytes.length(), &start, &end);
  size_t n = end - start;
  if (n == 0) return info.GetReturnValue().SetEmptyString();
  size_t out = Base64EncodedLength(n, url);
  if (out > static_cast<size_t>(v8::String::kMaxLength)) return;
  CharBuffer<uint8_t> chars(out);
  size_t written = Base64Encode(bytes.data() + start, n, chars.data(), url);
  BUFFER_CHECK(written == out);
  ReturnString(info, MakeOneByte(info.GetIsolate(), &chars, out));
}

void Base64Slice(const v8::FunctionCallbackInfo<v8::Value>& info) { Base64SliceImpl(info, false); }
void Base64UrlSlice(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Base64SliceImpl(info, true);
}

void Ucs2Slice(const v8::FunctionCallbackInfo<v8::Value>& info) {
  ReadableBytes bytes(info[0]);
  size_t start, end;
  ClampRange(info, 1, bytes.length(), &start, &end);
  size_t chars_n = (end - start) / 2;
  if (chars_n == 0) return info.GetReturnValue().SetEmptyString();
  if (chars_n > static_cast<size_t>(v8::String::kMaxLength)) return;
  CharBuffer<uint16_t> chars(chars_n);
  std::memcpy(chars.data(), bytes.data() + start, chars_n * 2);  // Little-endian host.
  ReturnString(info, MakeTwoByte(info.GetIsolate(), &chars, chars_n));
}

// ---------------------------------------------------------------------------------------------
// Writes: (buf, string, offset, length) -> bytes written.

void WriteImpl(const v8::FunctionCallbackInfo<v8::Value>& info, Encoding encoding) {
  BUFFER_CHECK(info[1]->IsString());
  WritableBytes bytes = Writable(info[0]);
  size_t offset = SizeArg(info, 2, 0);
  BUFFER_CHECK(offset <= bytes.length);
  size_t max = bytes.length - offset;
  size_t length = SizeArg(info, 3, max);
  if (length > max) length = max;
  size_t written = WriteString(info.GetIsolate(), info[1].As<v8::String>(), encoding,
                               bytes.data + offset, length);
  info.GetReturnValue().Set(static_cast<double>(written));
}

void Utf8Write(const v8::FunctionCallbackInfo<v8::Value>& info) { WriteImpl(info, kUtf8); }
void Latin1Write(const v8::FunctionCallbackInfo<v8::Value>& info) { WriteImpl(info, kLatin1); }
void AsciiWrite(const v8::FunctionCallbackInfo<v8::Value>& info) { WriteImpl(info, kAscii); }
void HexWrite(const v8::FunctionCallbackInfo<v8::Value>& info) { WriteImpl(info, kHex); }
void Base64Write(const v8::FunctionCallbackInfo<v8::Value>& info) { WriteImpl(info, kBase64); }
void Base64UrlWrite(const v8::FunctionCallbackInfo<v8::Value>& info) {
  WriteImpl(info, kBase64Url);
}
void Ucs2Write(const v8::FunctionCallbackInfo<v8::Value>& info) { WriteImpl(info, kUcs2); }

// writeToArrayBuffer(arrayBuffer, offset, string, capacity, encoding) -> bytes written: lets
// Buffer.from() encode straight into the allocation pool before making the Buffer view.
void WriteToArrayBuffer(const v8::FunctionCallbackInfo<v8::Value>& info) {
  BUFFER_CHECK(info[0]->IsArrayBuffer() && info[2]->IsString());
  v8::Local<v8::ArrayBuffer> ab = info[0].As<v8::ArrayBuffer>();
  size_t length = ab->ByteLength();
  size_t offset = SizeArg(info, 1, 0);
  size_t capacity = SizeArg(info, 3, 0);
  BUFFER_CHECK(offset <= length && capacity <= length - offset);
  auto* data = static_cast<uint8_t*>(ab->Data());
  size_t written = WriteString(info.GetIsolate(), info[2].As<v8::String>(), EncodingArg(info, 4),
                               data + offset, capacity);
  info.GetReturnValue().Set(static_cast<double>(written));
}

// byteLengthUtf8(string): UTF-8 length, a lone surrogate counting as U+FFFD (3 bytes).
void ByteLengthUtf8(const v8::FunctionCallbackInfo<v8::Value>& info) {
  BUFFER_CHECK(info[0]->IsString());
  info.GetReturnValue().Set(info[0].As<v8::String>()->Utf8Length(info.GetIsolate()));
}

// ---------------------------------------------------------------------------------------------
// fill(buf, value, start, end, encoding) -> -1 when the value encodes to no bytes, else void.
// `value` is a string (in `encoding`) or an ArrayBufferView; numbers are filled by JS.

void Fill(const v8::FunctionCallbackInfo<v8::Value>& info) {
  WritableBytes bytes = Writable(info[0]);
  size_t start, end;
  ClampRange(info, 2, bytes.length, &start, &end);
  size_t n = end - start;
  uint8_t* dst = bytes.data + start;
  size_t pattern = 0;
  if (info[1]->IsString()) {
    v8::Local<v8::String> str = info[1].As<v8::String>();
    Encoding encoding = EncodingArg(info, 4);
    if (encoding == kUtf8 && n > 0) {
      // Write the whole string once (it may be longer than the range), then repeat it.
      size_t full = static_cast<size_t>(str->Utf8Length(info.GetIsolate()));
      if (full == 0) return info.GetReturnValue().Set(-1);
      if (full <= n) {
        pattern = WriteString(info.GetIsolate(), str, encoding, dst, n);
      } else {
        std::vector<uint8_t> tmp(full);
        WriteString(info.GetIsolate(), str, encoding, tmp.data(), full);
        std::memcpy(dst, tmp.data(), n);
        return;
      }
    } else {
      // Encode into a temporary first: an empty encoding is an error even for an empty range.
      size_t max_bytes;
      switch (encoding) {
        case kUcs2:
        case kUtf16le:
          max_bytes = static_cast<size_t>(str->Length()) * 2;
          break;
        case kUtf8:
        case kBuffer:
          max_bytes = static_cast<size_t>(str->Utf8Length(info.GetIsolate()));
          break;
        default:
          max_bytes = static_cast<size_t>(str->Length());
      }
      std::vector<uint8_t> tmp(max_bytes > 0 ? max_bytes : 1);
      size_t encoded = WriteString(info.GetIsolate(), str, encoding, tmp.data(), max_bytes);
      if (encoded == 0) return info.GetReturnValue().Set(-1);
      if (n == 0) return;
      pattern = std::min(encoded, n);
      std::memcpy(dst, tmp.data(), pattern);
    }
  } else {
    ReadableBytes value(info[1]);
    if (value.length() == 0) return info.GetReturnValue().Set(-1);
    if (n == 0) return;
    pattern = std::min(value.length(), n);
    std::memmove(dst, value.data(), pattern);
  }
  if (pattern == 0) return;
  // Repeat the pattern by doubling the filled prefix.
  size_t filled = pattern;
  while (filled < n) {
    size_t chunk = std::min(filled, n - filled);
    std::memcpy(dst + filled, dst, chunk);
    filled += chunk;
  }
}

// ---------------------------------------------------------------------------------------------
// Search.

// Start position for a search of `needle_length` bytes from `offset` (node's rules): negative
// offsets count from the end; -1 means no match is possible.
int64_t SearchStart(int64_t length, int64_t offset, int64_t needle_length, bool forward) {
  if (offset < 0) {
    if (offset + length >= 0) return length + offset;
    if (forward || needle_length == 0) return 0;
    return -1;
  }
  if (offset + needle_length <= length) return offset;
  if (needle_length == 0) return length;
  return forward ? -1 : length - 1;
}

int64_t OffsetArg(const v8::FunctionCallbackInfo<v8::Value>& info, int index) {
  if (!info[index]->IsNumber()) return 0;
  double d = info[index].As<v8::Number>()->Value();
  if (d != d) return 0;
  if (d > 9e15) return static_cast<int64_t>(9e15);
  if (d < -9e15) return static_cast<int64_t>(-9e15);
  return static_cast<int64_t>(d);  // Truncates toward zero.
}

// Byte search: first match at or after `from` (forward) or last match at or before `from`.
int64_t SearchBytes(const uint8_t* hay, size_t hay_n, const uint8_t* needle, size_t needle_n,
                    size_t from, bool forward) {
  if (needle_n > hay_n) return -1;
  size_t last = hay_n - needle_n;
  if (forward) {
    if (from > last) return -1;
    const void* found = memmem(hay + from, hay_n - from, needle, needle_n);
    return found == nullptr ? -1 : static_cast<const uint8_t*>(found) - hay;
  }
  size_t pos = from < last ? from : last;
  for (;;) {
    const void* hit = memrchr(hay, needle[0], pos + 1);
    if (hit == nullptr) return -1;
    pos = static_cast<size_t>(static_cast<const uint8_t*>(hit) - hay);
    if (std::memcmp(hay + pos, needle, needle_n) == 0) return static_cast<int64_t>(pos);
    if (pos == 0) return -1;
    pos--;
  }
}

// UTF-16 search: matches only at even byte positions; `from` is a byte position (node halves
// it to a code-unit index).
int64_t SearchUcs2(const uint8_t* hay, size_t hay_n, const uint8_t* needle, size_t needle_n,
                   size_t from, bool forward) {
  size_t units = hay_n / 2;
  size_t needle_units = needle_n / 2;
  if (needle_units == 0 || needle_units > units) return -1;
  size_t last = units - needle_units;
  size_t index = from / 2;
  if (forward) {
    for (size_t i = index; i <= last; i++) {
      if (std::memcmp(hay + 2 * i, needle, needle_units * 2) == 0) return static_cast<int64_t>(2 * i);
    }
    return -1;
  }
  for (size_t i = index < last ? index : last;; i--) {
    if (std::memcmp(hay + 2 * i, needle, needle_units * 2) == 0) return static_cast<int64_t>(2 * i);
    if (i == 0) return -1;
  }
}

int64_t Search(const uint8_t* hay, size_t hay_n, const uint8_t* needle, size_t needle_n,
               int64_t offset, Encoding encoding, bool forward) {
  int64_t start = SearchStart(static_cast<int64_t>(hay_n), offset,
                              static_cast<int64_t>(needle_n), forward);
  if (needle_n == 0) return start;
  if (hay_n == 0 || start < 0) return -1;
  auto from = static_cast<size_t>(start);
  if (needle_n > hay_n || (forward && from + needle_n > hay_n)) return -1;
  if (encoding == kUcs2 || encoding == kUtf16le) {
    if (hay_n < 2 || needle_n < 2) return -1;
    return SearchUcs2(hay, hay_n, needle, needle_n, from, forward);
  }
  return SearchBytes(hay, hay_n, needle, needle_n, from, forward);
}

// indexOfString(buf, string, byteOffset, encoding, forward): utf8, ucs2 and latin1 needles.
void IndexOfString(const v8::FunctionCallbackInfo<v8::Value>& info) {
  BUFFER_CHECK(info[1]->IsString());
  v8::Isolate* isolate = info.GetIsolate();
  ReadableBytes hay(info[0]);
  v8::Local<v8::String> needle_str = info[1].As<v8::String>();
  int64_t offset = OffsetArg(info, 2);
  Encoding encoding = EncodingArg(info, 3);
  bool forward = info[4]->IsTrue();
  size_t max_bytes;
  switch (encoding) {
    case kUcs2:
    case kUtf16le:
      max_bytes = static_cast<size_t>(needle_str->Length()) * 2;
      break;
    case kLatin1:
    case kAscii:
      max_bytes = static_cast<size_t>(needle_str->Length());
      break;
    default:
      max_bytes = static_cast<size_t>(needle_str->Utf8Length(isolate));
  }
  std::vector<uint8_t> needle(max_bytes > 0 ? max_bytes : 1);
  size_t needle_n = WriteString(isolate, needle_str, encoding, needle.data(), max_bytes);
  if (encoding == kUcs2 || encoding == kUtf16le) {
    // Node's UTF-16 search treats an empty needle as "no match" once the haystack is non-empty.
    int64_t start = SearchStart(static_cast<int64_t>(hay.length()), offset,
                                static_cast<int64_t>(needle_n), forward);
    if (needle_n == 0) return info.GetReturnValue().Set(static_cast<double>(start));
    if (hay.length() < 2) return info.GetReturnValue().Set(-1);
  }
  info.GetReturnValue().Set(static_cast<double>(
      Search(hay.data(), hay.length(), needle.data(), needle_n, offset, encoding, forward)));
}

// indexOfBuffer(buf, needle, byteOffset, encoding, forward).
void IndexOfBuffer(const v8::FunctionCallbackInfo<v8::Value>& info) {
  ReadableBytes hay(info[0]);
  ReadableBytes needle(info[1]);
  int64_t offset = OffsetArg(info, 2);
  Encoding encoding = EncodingArg(info, 3);
  bool forward = info[4]->IsTrue();
  info.GetReturnValue().Set(static_cast<double>(Search(
      hay.data(), hay.length(), needle.data(), needle.length(), offset, encoding, forward)));
}

// indexOfNumber(buf, byte, byteOffset, forward).
void IndexOfNumber(const v8::FunctionCallbackInfo<v8::Value>& info) {
  ReadableBytes hay(info[0]);
  BUFFER_CHECK(info[1]->IsNumber());
  auto byte = static_cast<uint8_t>(info[1].As<v8::Number>()->Value());
  int64_t offset = OffsetArg(info, 2);
  bool forward = info[3]->IsTrue();
  int64_t start = SearchStart(static_cast<int64_t>(hay.length()), offset, 1, forward);
  if (start < 0 || hay.length() == 0) return info.GetReturnValue().Set(-1);
  auto from = static_cast<size_t>(start);
  const void* hit;
  if (forward) {
    hit = std::memchr(hay.data() + from, byte, hay.length() - from);
  } else {
    hit = memrchr(hay.data(), byte, from + 1);
  }
  info.GetReturnValue().Set(
      hit == nullptr ? -1.0 : static_cast<double>(static_cast<const uint8_t*>(hit) - hay.data()));
}

// ---------------------------------------------------------------------------------------------
// Compare, copy, swap, checks.

int CompareBytes(const uint8_t* a, size_t a_n, const uint8_t* b, size_t b_n) {
  size_t n = a_n < b_n ? a_n : b_n;
  int r = n > 0 ? std::memcmp(a, b, n) : 0;
  if (r != 0) return r < 0 ? -1 : 1;
  if (a_n == b_n) return 0;
  return a_n < b_n ? -1 : 1;
}

void Compare(const v8::FunctionCallbackInfo<v8::Value>& info) {
  ReadableBytes a(info[0]);
  ReadableBytes b(info[1]);
  info.GetReturnValue().Set(CompareBytes(a.data(), a.length(), b.data(), b.length()));
}

// compareOffset(source, target, targetStart, sourceStart, targetEnd, sourceEnd).
void CompareOffset(const v8::FunctionCallbackInfo<v8::Value>& info) {
  ReadableBytes source(info[0]);
  ReadableBytes target(info[1]);
  size_t target_start = SizeArg(info, 2, 0);
  size_t source_start = SizeArg(info, 3, 0);
  size_t target_end = SizeArg(info, 4, target.length());
  size_t source_end = SizeArg(info, 5, source.length());
  BUFFER_CHECK(source_start <= source.length() && target_start <= target.length());
  if (target_end > target.length()) target_end = target.length();
  if (source_end > source.length()) source_end = source.length();
  if (source_end < source_start) source_end = source_start;
  if (target_end < target_start) target_end = target_start;
  info.GetReturnValue().Set(CompareBytes(source.data() + source_start, source_end - source_start,
                                         target.data() + target_start,
                                         target_end - target_start));
}

// copy(source, target, targetStart, sourceStart, count) -> count (memmove semantics).
void Copy(const v8::FunctionCallbackInfo<v8::Value>& info) {
  ReadableBytes source(info[0]);
  WritableBytes target = Writable(info[1]);
  size_t target_start = SizeArg(info, 2, 0);
  size_t source_start = SizeArg(info, 3, 0);
  size_t count = SizeArg(info, 4, 0);
  BUFFER_CHECK(target_start <= target.length && source_start <= source.length());
  count = std::min(count, std::min(target.length - target_start, source.length() - source_start));
  if (count > 0) std::memmove(target.data + target_start, source.data() + source_start, count);
  info.GetReturnValue().Set(static_cast<double>(count));
}

void Swap16(const v8::FunctionCallbackInfo<v8::Value>& info) {
  WritableBytes b = Writable(info[0]);
  BUFFER_CHECK(b.length % 2 == 0);
  for (size_t i = 0; i < b.length; i += 2) std::swap(b.data[i], b.data[i + 1]);
}

void Swap32(const v8::FunctionCallbackInfo<v8::Value>& info) {
  WritableBytes b = Writable(info[0]);
  BUFFER_CHECK(b.length % 4 == 0);
  for (size_t i = 0; i < b.length; i += 4) {
    uint32_t v;
    std::memcpy(&v, b.data + i, 4);
    v = __builtin_bswap32(v);
    std::memcpy(b.data + i, &v, 4);
  }
}

void Swap64(const v8::FunctionCallbackInfo<v8::Value>& info) {
  WritableBytes b = Writable(info[0]);
  BUFFER_CHECK(b.length % 8 == 0);
  for (size_t i = 0; i < b.length; i += 8) {
    uint64_t v;
    std::memcpy(&v, b.data + i, 8);
    v = __builtin_bswap64(v);
    std::memcpy(b.data + i, &v, 8);
  }
}

bool IsValidUtf8(const uint8_t* s, size_t n) {
  size_t i = 0;
  while (i < n) {
    // Skip ASCII eight bytes at a time.
    if (i + 8 <= n) {
      uint64_t v;
      std::memcpy(&v, s + i, 8);
      if ((v & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    uint8_t c = s[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    size_t need;
    uint32_t cp;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      cp = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + need >= n) return false;
    for (size_t j = 1; j <= need; j++) {
      uint8_t cc = s[i + j];
      if ((cc & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if ((need == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
        (need == 3 && (cp < 0x10000 || cp > 0x10ffff))) {
      return false;
    }
    i += need + 1;
  }
  return true;
}

void IsUtf8(const v8::FunctionCallbackInfo<v8::Value>& info) {
  ReadableBytes bytes(info[0]);
  info.GetReturnValue().Set(IsValidUtf8(bytes.data(), bytes.length()));
}

void IsAscii(const v8::FunctionCallbackInfo<v8::Value>& info) {
  ReadableBytes bytes(info[0]);
  const uint8_t* s = bytes.data();
  size_t n = bytes.length();
  uint8_t acc = 0;
  for (size_t i = 0; i < n; i++) acc |= s[i];
  info.GetReturnValue().Set((acc & 0x80) == 0);
}

// latin1FromTwoByte helpers for btoa: isLatin1(string) -> whether every unit is < 256.
void IsOneByteString(const v8::FunctionCallbackInfo<v8::Value>& info) {
  BUFFER_CHECK(info[0]->IsString());
  v8::Local<v8::String> str = info[0].As<v8::String>();
  info.GetReturnValue().Set(str->IsOneByte() || str->ContainsOnlyOneByte());
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  v8::Local<v8::Context> context = env->context();
  SetMethod(context, target, "utf8Slice", Utf8Slice);
  SetMethod(context, target, "latin1Slice", Latin1Slice);
  SetMethod(context, target, "asciiSlice", AsciiSlice);
  SetMethod(context, target, "hexSlice", HexSlice);
  SetMethod(context, target, "base64Slice", Base64Slice);
  SetMethod(context, target, "base64urlSlice", Base64UrlSlice);
  SetMethod(context, target, "ucs2Slice", Ucs2Slice);
  SetMethod(context, target, "utf8Write", Utf8Write);
  SetMethod(context, target, "latin1Write", Latin1Write);
  SetMethod(context, target, "asciiWrite", AsciiWrite);
  SetMethod(context, target, "hexWrite", HexWrite);
  SetMethod(context, target, "base64Write", Base64Write);
  SetMethod(context, target, "base64urlWrite", Base64UrlWrite);
  SetMethod(context, target, "ucs2Write", Ucs2Write);
  SetMethod(context, target, "byteLengthUtf8", ByteLengthUtf8);
  SetMethod(context, target, "writeToArrayBuffer", WriteToArrayBuffer);
  SetMethod(context, target, "fill", Fill);
  SetMethod(context, target, "indexOfString", IndexOfString);
  SetMethod(context, target, "indexOfBuffer", IndexOfBuffer);
  SetMethod(context, target, "indexOfNumber", IndexOfNumber);
  SetMethod(context, target, "compare", Compare);
  SetMethod(context, target, "compareOffset", CompareOffset);
  SetMethod(context, target, "copy", Copy);
  SetMethod(context, target, "swap16", Swap16);
  SetMethod(context, target, "swap32", Swap32);
  SetMethod(context, target, "swap64", Swap64);
  SetMethod(context, target, "isUtf8", IsUtf8);
  SetMethod(context, target, "isAscii", IsAscii);
  SetMethod(context, target, "isOneByteString", IsOneByteString);
  // zeroFill[0] = 0 makes the next `new ArrayBuffer(n)` on this thread skip zero-filling
  // (allocUnsafe); the memory is the allocator's thread-local toggle, alive as long as the
  // thread and so its isolate.
  std::shared_ptr<v8::BackingStore> toggle = v8::ArrayBuffer::NewBackingStore(
      ArrayBufferAllocator::ZeroFillToggle(), sizeof(uint32_t), v8::BackingStore::EmptyDeleter,
      nullptr);
  v8::Local<v8::ArrayBuffer> toggle_buffer =
      v8::ArrayBuffer::New(env->isolate(), std::move(toggle));
  SetValue(context, target, "zeroFill", v8::Uint32Array::New(toggle_buffer, 0, 1));
  SetConstant(context, target, "kMaxLength", static_cast<double>(v8::TypedArray::kMaxLength));
  SetConstant(context, target, "kStringMaxLength", v8::String::kMaxLength);
}

}  // namespace
}  // namespace ringjs::buffer

RINGJS_BINDING(buffer, ringjs::buffer::Initialize)
