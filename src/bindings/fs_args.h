// Argument conversions shared by the fs binding's files. JS (lib/js/fs.js) validated the
// arguments; these only convert.
#ifndef SRC_BINDINGS_FS_ARGS_H_
#define SRC_BINDINGS_FS_ARGS_H_

#include <cstdint>
#include <cstring>
#include <string>

#include "bindings/fs_req.h"
#include "runtime/binding.h"
#include "v8.h"

namespace ringjs::fs {

using v8::FunctionCallbackInfo;
using v8::Local;
using v8::Value;

// Whether every byte is below 0x80 (eight at a time).
inline bool IsAscii(const char* bytes, size_t size) {
  size_t i = 0;
  uint64_t high = 0;
  for (; i + 8 <= size; i += 8) {
    uint64_t word;
    memcpy(&word, bytes + i, 8);
    high |= word;
  }
  for (; i < size; i++) high |= static_cast<unsigned char>(bytes[i]);
  return (high & 0x8080808080808080ull) == 0;
}

inline bool IsAscii(const std::string& bytes) { return IsAscii(bytes.data(), bytes.size()); }

// The bytes PathArg gives, NUL-terminated, into out[0, capacity) when they fit: returns their
// length, or -1 (out then holds nothing useful) for a path that does not fit or is neither a
// string nor a Uint8Array.
inline int WritePathArg(v8::Isolate* isolate, Local<Value> value, char* out, size_t capacity) {
  size_t size;
  if (value->IsString()) {
    Local<v8::String> string = value.As<v8::String>();
    size = static_cast<size_t>(string->Length());
    bool ascii = false;
    if (string->IsOneByte() && size < capacity) {
      // Nearly always ASCII, which is its own UTF-8 (as in PathArg).
      string->WriteOneByte(isolate, reinterpret_cast<uint8_t*>(out), 0, static_cast<int>(size),
                           v8::String::NO_NULL_TERMINATION);
      ascii = IsAscii(out, size);
    }
    if (!ascii) {
      // Up to three UTF-8 bytes per UTF-16 unit: measure only when that might not fit.
      if (size * 3 >= capacity) size = static_cast<size_t>(string->Utf8Length(isolate));
      if (size >= capacity) return -1;
      size = static_cast<size_t>(
          string->WriteUtf8(isolate, out, static_cast<int>(capacity - 1), nullptr,
                            v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8));
    }
  } else if (value->IsArrayBufferView()) {
    Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
    size = view->ByteLength();
    if (size >= capacity) return -1;
    view->CopyContents(out, size);
  } else {
    return -1;
  }
  out[size] = '\0';
  return static_cast<int>(size);
}

// A path argument: a string (UTF-8) or a Uint8Array/Buffer (raw bytes).
inline std::string PathArg(v8::Isolate* isolate, Local<Value> value) {
  if (value->IsArrayBufferView()) {
    Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
    std::string out(view->ByteLength(), '\0');
    view->CopyContents(out.data(), out.size());
    return out;
  }
  if (value->IsString()) {
    // Straight into the std::string (String::Utf8Value would allocate and copy once more).
    Local<v8::String> string = value.As<v8::String>();
    if (string->IsOneByte()) {
      // Latin-1 storage, and nearly always ASCII, which is its own UTF-8: one plain copy instead
      // of Utf8Length's and WriteUtf8's two walks.
      std::string out(static_cast<size_t>(string->Length()), '\0');
      string->WriteOneByte(isolate, reinterpret_cast<uint8_t*>(out.data()), 0,
                           static_cast<int>(out.size()), v8::String::NO_NULL_TERMINATION);
      if (IsAscii(out)) return out;
    }
    std::string out(static_cast<size_t>(string->Utf8Length(isolate)), '\0');
    string->WriteUtf8(isolate, out.data(), static_cast<int>(out.size()), nullptr,
                      v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8);
    return out;
  }
  return ToStdString(isolate, value);
}

inline int32_t Int32Arg(Local<Value> value) {
  if (value->IsInt32()) return value.As<v8::Int32>()->Value();
  if (value->IsNumber()) return static_cast<int32_t>(value.As<v8::Number>()->Value());
  return 0;
}

inline uint32_t Uint32Arg(Local<Value> value) {
  if (value->IsUint32()) return value.As<v8::Uint32>()->Value();
  if (value->IsNumber()) {
    return static_cast<uint32_t>(static_cast<int64_t>(value.As<v8::Number>()->Value()));
  }
  return 0;
}

inline int64_t Int64Arg(Local<Value> value) {
  if (value->IsBigInt()) return value.As<v8::BigInt>()->Int64Value();
  if (value->IsNumber()) return static_cast<int64_t>(value.As<v8::Number>()->Value());
  return 0;
}

inline double DoubleArg(Local<Value> value) {
  return value->IsNumber() ? value.As<v8::Number>()->Value() : 0;
}

// A file position: a number or bigint >= 0, anything else (null, -1) = the current position.
inline int64_t PositionArg(Local<Value> value) {
  if (value->IsNumber() || value->IsBigInt()) {
    int64_t position = Int64Arg(value);
    return position < 0 ? -1 : position;
  }
  return -1;
}

// The encoding of a name-returning call (readdir, readlink, realpath, mkdtemp). UTF-8 and
// latin1 come back as strings; every other encoding, 'buffer' included, as bytes JS decodes.
inline Encoding EncodingArg(v8::Isolate* isolate, Local<Value> value) {
  if (!value->IsString()) return Encoding::kUtf8;
  std::string name = ToStdString(isolate, value);
  if (name == "utf8" || name == "utf-8") return Encoding::kUtf8;
  if (name == "latin1" || name == "binary") return Encoding::kLatin1;
  return Encoding::kBytes;
}

}  // namespace ringjs::fs

#endif  // SRC_BINDINGS_FS_ARGS_H_
