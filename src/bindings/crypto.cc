// internalBinding('crypto'): node:crypto over the system's OpenSSL 3. This file holds the
// binding's entry, the constants, the algorithm lists and the helpers every crypto*.cc shares;
// hashing, randomness, KDFs, ciphers and keys live in their own files (crypto_*.cc).
#include <openssl/crypto.h>
#include <openssl/dh.h>
#include <openssl/ec.h>
#include <openssl/engine.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/opensslv.h>
#include <openssl/rsa.h>
#include <openssl/ssl.h>

#include <algorithm>
#include <cctype>

#include "bindings/crypto_secure_heap.h"
#include "bindings/crypto_util.h"
#include "runtime/callback_scope.h"

namespace ringjs::crypto {

// Node's default TLS cipher list (src/node_constants.h DEFAULT_CIPHER_LIST_CORE).
constexpr const char kDefaultCipherList[] =
    "TLS_AES_256_GCM_SHA384:"
    "TLS_CHACHA20_POLY1305_SHA256:"
    "TLS_AES_128_GCM_SHA256:"
    "ECDHE-RSA-AES128-GCM-SHA256:"
    "ECDHE-ECDSA-AES128-GCM-SHA256:"
    "ECDHE-RSA-AES256-GCM-SHA384:"
    "ECDHE-ECDSA-AES256-GCM-SHA384:"
    "DHE-RSA-AES128-GCM-SHA256:"
    "ECDHE-RSA-AES128-SHA256:"
    "DHE-RSA-AES128-SHA256:"
    "ECDHE-RSA-AES256-SHA384:"
    "DHE-RSA-AES256-SHA384:"
    "ECDHE-RSA-AES256-SHA256:"
    "DHE-RSA-AES256-SHA256:"
    "HIGH:"
    "!aNULL:"
    "!eNULL:"
    "!EXPORT:"
    "!DES:"
    "!RC4:"
    "!MD5:"
    "!PSK:"
    "!SRP:"
    "!CAMELLIA";

bool GetByteView(v8::Local<v8::Value> value, ByteView* out) {
  if (value->IsArrayBufferView()) {
    v8::Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
    out->size = view->ByteLength();
    if (out->size == 0) {
      out->data = reinterpret_cast<const unsigned char*>("");
      return true;
    }
    // Data(), not GetBackingStore(): no shared_ptr to make and drop on every call.
    out->data = static_cast<const unsigned char*>(view->Buffer()->Data()) + view->ByteOffset();
    return true;
  }
  if (value->IsArrayBuffer()) {
    v8::Local<v8::ArrayBuffer> buffer = value.As<v8::ArrayBuffer>();
    out->size = buffer->ByteLength();
    out->data = out->size == 0 ? reinterpret_cast<const unsigned char*>("")
                               : static_cast<const unsigned char*>(buffer->Data());
    return true;
  }
  if (value->IsSharedArrayBuffer()) {
    v8::Local<v8::SharedArrayBuffer> buffer = value.As<v8::SharedArrayBuffer>();
    out->size = buffer->ByteLength();
    out->data = out->size == 0 ? reinterpret_cast<const unsigned char*>("")
                               : static_cast<const unsigned char*>(buffer->Data());
    return true;
  }
  return false;
}

bool PoolBytes::Set(v8::Local<v8::Value> value) {
  if (value->IsArrayBufferView()) {
    v8::Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
    store_ = view->Buffer()->GetBackingStore();
    offset_ = view->ByteOffset();
    size_ = view->ByteLength();
    return true;
  }
  if (value->IsArrayBuffer()) {
    store_ = value.As<v8::ArrayBuffer>()->GetBackingStore();
    offset_ = 0;
    size_ = store_->ByteLength();
    return true;
  }
  if (value->IsSharedArrayBuffer()) {
    store_ = value.As<v8::SharedArrayBuffer>()->GetBackingStore();
    offset_ = 0;
    size_ = store_->ByteLength();
    return true;
  }
  return false;
}

v8::Local<v8::Uint8Array> NewUint8Array(v8::Isolate* isolate, const unsigned char* data,
                                        size_t size) {
  std::unique_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(isolate, size);
  if (size > 0) memcpy(store->Data(), data, size);
  v8::Local<v8::ArrayBuffer> ab = v8::ArrayBuffer::New(isolate, std::move(store));
  return v8::Uint8Array::New(ab, 0, size);
}

namespace {

v8::Local<v8::String> AsciiText(v8::Isolate* isolate, const char* text, size_t size) {
  return v8::String::NewFromOneByte(isolate, reinterpret_cast<const uint8_t*>(text),
                                    v8::NewStringType::kNormal, static_cast<int>(size))
      .ToLocalChecked();
}

}  // namespace

v8::Local<v8::Value> EncodeDigest(Environment* env, const unsigned char* data, size_t size,
                                  int encoding, v8::Local<v8::Value> scratch_offset) {
  v8::Isolate* isolate = env->isolate();
  // Digests are short: stack room for their text (EVP_MAX_MD_SIZE; longer XOF output is a
  // Buffer).
  char text[EVP_MAX_MD_SIZE * 2 + 4];
  if (encoding == kDigestHex && size <= EVP_MAX_MD_SIZE) {
    static const char kHex[] = "0123456789abcdef";
    for (size_t i = 0; i < size; i++) {
      text[2 * i] = kHex[data[i] >> 4];
      text[2 * i + 1] = kHex[data[i] & 15];
    }
    return AsciiText(isolate, text, size * 2);
  }
  if (encoding == kDigestBase64 && size <= EVP_MAX_MD_SIZE) {
    int len = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(text), data,
                              static_cast<int>(size));
    return AsciiText(isolate, text, static_cast<size_t>(len));
  }
  return OutputSink::Copy(env, scratch_offset, data, size);
}

v8::Local<v8::Uint8Array> NewUint8Array(v8::Isolate* isolate,
                                        std::vector<unsigned char>&& bytes) {
  size_t size = bytes.size();
  if (size == 0) return NewUint8Array(isolate, nullptr, 0);
  auto* owned = new std::vector<unsigned char>(std::move(bytes));
  std::unique_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(
      owned->data(), size,
      [](void*, size_t, void* deleter_data) {
        delete static_cast<std::vector<unsigned char>*>(deleter_data);
      },
      owned);
  v8::Local<v8::ArrayBuffer> ab = v8::ArrayBuffer::New(isolate, std::move(store));
  return v8::Uint8Array::New(ab, 0, size);
}

OutputSink::OutputSink(Environment* env, v8::Local<v8::Value> scratch_offset) {
  if (!scratch_offset->IsInt32()) return;
  int32_t offset = scratch_offset.As<v8::Int32>()->Value();
  const std::shared_ptr<v8::BackingStore>& scratch = GetCryptoData(env)->output_scratch;
  if (offset < 0 || scratch == nullptr || static_cast<size_t>(offset) > scratch->ByteLength()) return;
  scratch_room_ = static_cast<unsigned char*>(scratch->Data()) + offset;
  scratch_room_size_ = scratch->ByteLength() - static_cast<size_t>(offset);
}

unsigned char* OutputSink::Reserve(size_t bound) {
  size_ = 0;
  in_scratch_ = scratch_room_ != nullptr && bound <= scratch_room_size_;
  if (in_scratch_) return scratch_room_;
  own_.resize(bound);
  return own_.data();
}

v8::Local<v8::Value> OutputSink::Result(v8::Isolate* isolate) {
  if (in_scratch_) return v8::Integer::NewFromUnsigned(isolate, static_cast<uint32_t>(size_));
  own_.resize(size_);
  return NewUint8Array(isolate, std::move(own_));
}

v8::Local<v8::Value> OutputSink::Copy(Environment* env, v8::Local<v8::Value> scratch_offset,
                                      const unsigned char* data, size_t size) {
  OutputSink out(env, scratch_offset);
  if (size > 0) memcpy(out.Reserve(size), data, size);
  out.Commit(size);
  return out.Result(env->isolate());
}

namespace {

// setOutputScratch(arrayBuffer): the scratch later calls write their small outputs into.
void SetOutputScratch(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!info[0]->IsArrayBuffer()) return;
  GetCryptoData(Environment::From(info))->output_scratch =
      info[0].As<v8::ArrayBuffer>()->GetBackingStore();
}

}  // namespace

CryptoWrap::CryptoWrap(Environment* env, v8::Local<v8::Object> object) : env_(env) {
  object->SetAlignedPointerInInternalField(0, this);
  object_.Reset(env->isolate(), object);
  object_.SetWeak(this, OnCollected, v8::WeakCallbackType::kParameter);
}

CryptoWrap::~CryptoWrap() {
  if (!object_.IsEmpty()) {
    v8::HandleScope scope(env_->isolate());
    object()->SetAlignedPointerInInternalField(0, nullptr);
    object_.Reset();
  }
}

void CryptoWrap::Ref() {
  if (refs_++ == 0) object_.ClearWeak();
}

void CryptoWrap::Unref() {
  if (--refs_ == 0) object_.SetWeak(this, OnCollected, v8::WeakCallbackType::kParameter);
}

void CryptoWrap::OnCollected(const v8::WeakCallbackInfo<CryptoWrap>& data) {
  CryptoWrap* wrap = data.GetParameter();
  wrap->object_.Reset();
  delete wrap;
}

v8::Local<v8::FunctionTemplate> NewWrapTemplate(v8::Isolate* isolate, const char* name,
                                                v8::FunctionCallback constructor) {
  v8::Local<v8::FunctionTemplate> tmpl = v8::FunctionTemplate::New(isolate, constructor);
  tmpl->InstanceTemplate()->SetInternalFieldCount(1);
  tmpl->SetClassName(OneByteString(isolate, name));
  return tmpl;
}

bool GetInputBytes(v8::Isolate* isolate, v8::Local<v8::Value> value, int encoding,
                   std::string* scratch, ByteView* out) {
  if (value->IsString()) {
    v8::Local<v8::String> str = value.As<v8::String>();
    if (encoding == 1) {
      scratch->resize(str->Length());
      str->WriteOneByte(isolate, reinterpret_cast<uint8_t*>(scratch->data()), 0, -1,
                        v8::String::NO_NULL_TERMINATION);
    } else {
      scratch->resize(str->Utf8Length(isolate));
      str->WriteUtf8(isolate, scratch->data(), static_cast<int>(scratch->size()), nullptr,
                     v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8);
    }
    out->data = reinterpret_cast<const unsigned char*>(scratch->data());
    out->size = scratch->size();
    return true;
  }
  return GetByteView(value, out);
}

CryptoData::~CryptoData() {
  for (auto& entry : digests_) EVP_MD_free(entry.second);
  for (auto& entry : ciphers_) EVP_CIPHER_free(entry.second);
}

const EVP_CIPHER* CryptoData::Cipher(const std::string& name) {
  for (auto& entry : ciphers_) {
    if (entry.first == name) return entry.second;
  }
  // The legacy table resolves aliases ("aes256", "id-aes128-GCM"); its entry is then fetched
  // from the providers once, not implicitly on every EVP_CipherInit_ex. A cipher no loaded
  // provider has stays the legacy entry (its init fails the way node's does).
  const EVP_CIPHER* legacy = EVP_get_cipherbyname(name.c_str());
  if (legacy == nullptr) return nullptr;
  EVP_CIPHER* fetched = EVP_CIPHER_fetch(nullptr, EVP_CIPHER_get0_name(legacy), nullptr);
  if (fetched == nullptr) {
    ERR_clear_error();
    return legacy;
  }
  ciphers_.emplace_back(name, fetched);
  return fetched;
}

const EVP_MD* CryptoData::Digest(const std::string& name, bool keep_error) {
  for (auto& entry : digests_) {
    if (entry.first == name) return entry.second;
  }
  // As node: the legacy table resolves aliases ("RSA-SHA256", "sha-256"?), then the real name
  // is fetched from the providers.
  const EVP_MD* legacy = EVP_get_digestbyname(name.c_str());
  EVP_MD* fetched = nullptr;
  if (legacy != nullptr) {
    fetched = EVP_MD_fetch(nullptr, EVP_MD_get0_name(legacy), nullptr);
  } else {
    fetched = EVP_MD_fetch(nullptr, name.c_str(), nullptr);
  }
  if (fetched == nullptr) {
    if (!(keep_error && legacy != nullptr)) ERR_clear_error();
    return nullptr;
  }
  digests_.emplace_back(name, fetched);
  return fetched;
}

CryptoData* GetCryptoData(Environment* env) { return env->binding_data<CryptoData>("crypto"); }

namespace {

// The library part of node's ERR_OSSL_<LIB>_<REASON> codes (crypto_util.cc).
const char* ErrorLibraryPrefix(int lib) {
  switch (lib) {
#define V(name) \
  case ERR_LIB_##name: \
    return #name "_";
    V(SYS) V(BN) V(RSA) V(DH) V(EVP) V(BUF) V(OBJ) V(PEM) V(DSA) V(X509) V(ASN1) V(CONF)
    V(CRYPTO) V(EC) V(SSL) V(BIO) V(PKCS7) V(X509V3) V(PKCS12) V(RAND) V(DSO) V(ENGINE)
    V(OCSP) V(UI) V(COMP) V(ECDSA) V(ECDH) V(OSSL_STORE) V(FIPS) V(CMS) V(TS) V(HMAC) V(CT)
    V(ASYNC) V(KDF) V(SM2) V(USER)
#undef V
    default:
      return "";
  }
}

}  // namespace

unsigned long TakeOpenSSLError() {
  unsigned long err = ERR_get_error();
  ERR_clear_error();
  return err;
}

namespace {

// Builds the error; empty if setting one of its properties threw (a setter on
// Object.prototype: that exception is then the one to propagate, as in node).
v8::MaybeLocal<v8::Value> BuildOpenSSLError(v8::Isolate* isolate, unsigned long err,
                                            const char* fallback,
                                            const std::vector<std::string>* stack,
                                            bool decorated = true) {
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  if (err == 0) {
    return v8::Exception::Error(Utf8String(isolate, fallback != nullptr ? fallback : "error"));
  }
  char buf[256];
  ERR_error_string_n(err, buf, sizeof(buf));
  v8::Local<v8::Value> error = v8::Exception::Error(Utf8String(isolate, buf));
  v8::Local<v8::Object> obj;
  if (!error->ToObject(context).ToLocal(&obj)) return {};
  if (stack != nullptr && !stack->empty()) {
    std::vector<v8::Local<v8::Value>> items;
    for (const std::string& line : *stack) items.push_back(Utf8String(isolate, line));
    if (obj->Set(context, OneByteString(isolate, "opensslErrorStack"),
                 v8::Array::New(isolate, items.data(), items.size()))
            .IsNothing()) {
      return {};
    }
  }
  if (!decorated) return error;
  const char* library = ERR_lib_error_string(err);
  const char* reason = ERR_reason_error_string(err);
  if (library != nullptr &&
      obj->Set(context, OneByteString(isolate, "library"), Utf8String(isolate, library))
          .IsNothing()) {
    return {};
  }
  if (reason != nullptr) {
    if (obj->Set(context, OneByteString(isolate, "reason"), Utf8String(isolate, reason))
            .IsNothing()) {
      return {};
    }
    const char* lib = ErrorLibraryPrefix(ERR_GET_LIB(err));
    const char* prefix = strcmp(lib, "SSL_") == 0 ? "" : "OSSL_";
    std::string code = std::string("ERR_") + prefix + lib;
    for (const char* p = reason; *p != '\0'; p++) {
      code += *p == ' ' ? '_' : static_cast<char>(toupper(static_cast<unsigned char>(*p)));
    }
    if (obj->Set(context, OneByteString(isolate, "code"), Utf8String(isolate, code))
            .IsNothing()) {
      return {};
    }
  }
  return error;
}

}  // namespace

v8::Local<v8::Value> MakeOpenSSLError(v8::Isolate* isolate, unsigned long err,
                                      const char* fallback,
                                      const std::vector<std::string>* stack) {
  v8::TryCatch try_catch(isolate);
  v8::Local<v8::Value> error;
  if (BuildOpenSSLError(isolate, err, fallback, stack).ToLocal(&error)) return error;
  char buf[256];
  ERR_error_string_n(err, buf, sizeof(buf));
  return v8::Exception::Error(Utf8String(isolate, buf));
}

ENGINE* LoadEngine(const char* id) {
  // The built-in engines (rdrand, dynamic, ...) join the list once (OpenSSL runs it once).
  ENGINE_load_builtin_engines();
  if (ENGINE* engine = ENGINE_by_id(id)) return engine;
  ENGINE* engine = ENGINE_by_id("dynamic");
  if (engine != nullptr && (ENGINE_ctrl_cmd_string(engine, "SO_PATH", id, 0) != 1 ||
                            ENGINE_ctrl_cmd_string(engine, "LOAD", nullptr, 0) != 1)) {
    ENGINE_free(engine);
    engine = nullptr;
  }
  return engine;
}

void ThrowOpenSSLError(v8::Isolate* isolate, const char* fallback, bool decorated) {
  unsigned long err = ERR_get_error();
  // What else is queued goes to opensslErrorStack, as node's CryptoErrorStore.
  std::vector<std::string> stack;
  while (unsigned long more = ERR_get_error()) {
    char buf[256];
    ERR_error_string_n(more, buf, sizeof(buf));
    stack.emplace_back(buf);
  }
  std::reverse(stack.begin(), stack.end());
  v8::Local<v8::Value> error;
  // Empty: a property setter threw, and its exception is already pending.
  if (BuildOpenSSLError(isolate, err, fallback, &stack, decorated).ToLocal(&error)) {
    isolate->ThrowException(error);
  }
}

void PoolJob::Start(Environment* env, std::unique_ptr<PoolJob> job, v8::Local<v8::Function> cb) {
  PoolJob* raw = job.release();
  raw->callback_.Reset(env->isolate(), cb);
  CaptureAsyncContext(env, cb);  // cb is a closure made for this one job.
  env->loop()->QueueWork([raw] { raw->Work(); },
                         [raw, env](int) {
                           std::unique_ptr<PoolJob> owned(raw);
                           if (env->is_stopping()) return;
                           v8::Isolate* isolate = env->isolate();
                           CallbackScope scope(env);
                           std::vector<v8::Local<v8::Value>> argv;
                           owned->Done(env, &argv);
                           v8::Local<v8::Function> fn = owned->callback_.Get(isolate);
                           USE(scope.Call(fn, v8::Undefined(isolate),
                                          static_cast<int>(argv.size()), argv.data()));
                         });
}

namespace {

// node's array_push_back: a name counts if the algorithm it names can really be fetched (not
// only listed by the legacy table).
struct NameList {
  std::vector<std::string> names;
};

void PushCipher(const EVP_CIPHER*, const char* from, const char*, void* arg) {
  if (from == nullptr) return;
  const EVP_CIPHER* real = EVP_get_cipherbyname(from);
  if (real == nullptr) return;
  const char* real_name = EVP_CIPHER_get0_name(real);
  if (real_name == nullptr) return;
  EVP_CIPHER* fetched = EVP_CIPHER_fetch(nullptr, real_name, nullptr);
  if (fetched == nullptr) {
    ERR_clear_error();
    return;
  }
  EVP_CIPHER_free(fetched);
  static_cast<NameList*>(arg)->names.emplace_back(from);
}

void PushDigest(const EVP_MD*, const char* from, const char*, void* arg) {
  if (from == nullptr) return;
  const EVP_MD* real = EVP_get_digestbyname(from);
  if (real == nullptr) return;
  const char* real_name = EVP_MD_get0_name(real);
  if (real_name == nullptr) return;
  EVP_MD* fetched = EVP_MD_fetch(nullptr, real_name, nullptr);
  if (fetched == nullptr) {
    ERR_clear_error();
    return;
  }
  EVP_MD_free(fetched);
  static_cast<NameList*>(arg)->names.emplace_back(from);
}

v8::Local<v8::Array> ToArray(v8::Isolate* isolate, const std::vector<std::string>& names) {
  std::vector<v8::Local<v8::Value>> values;
  values.reserve(names.size());
  for (const std::string& name : names) values.push_back(Utf8String(isolate, name));
  return v8::Array::New(isolate, values.data(), values.size());
}

void GetCiphers(const v8::FunctionCallbackInfo<v8::Value>& info) {
  NameList list;
  EVP_CIPHER_do_all_sorted(PushCipher, &list);
  info.GetReturnValue().Set(ToArray(info.GetIsolate(), list.names));
}

void GetHashes(const v8::FunctionCallbackInfo<v8::Value>& info) {
  NameList list;
  EVP_MD_do_all_sorted(PushDigest, &list);
  info.GetReturnValue().Set(ToArray(info.GetIsolate(), list.names));
}

void GetCurves(const v8::FunctionCallbackInfo<v8::Value>& info) {
  size_t count = EC_get_builtin_curves(nullptr, 0);
  std::vector<EC_builtin_curve> curves(count);
  std::vector<std::string> names;
  if (count > 0 && EC_get_builtin_curves(curves.data(), count) == count) {
    for (const EC_builtin_curve& curve : curves) {
      const char* name = OBJ_nid2sn(curve.nid);
      if (name != nullptr) names.emplace_back(name);
    }
  }
  info.GetReturnValue().Set(ToArray(info.GetIsolate(), names));
}

void GetFipsCrypto(const v8::FunctionCallbackInfo<v8::Value>& info) {
  info.GetReturnValue().Set(EVP_default_properties_is_fips_enabled(nullptr) ? 1 : 0);
}

// EVP_default_properties_enable_fips, as node's SetFipsCrypto; returns whether it worked.
void SetFipsCrypto(const v8::FunctionCallbackInfo<v8::Value>& info) {
  bool enable = info[0]->BooleanValue(info.GetIsolate());
  bool ok = EVP_default_properties_enable_fips(nullptr, enable ? 1 : 0) == 1;
  if (!ok) ERR_clear_error();
  info.GetReturnValue().Set(ok);
}

// setEngine(id, flags): the engine made the default for the methods in flags. Returns false
// when no engine was found; throws when OpenSSL refuses it.
void SetEngine(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  std::string id = ToStdString(isolate, info[0]);
  unsigned int flags = info[1]->Uint32Value(isolate->GetCurrentContext()).FromMaybe(0);
  ENGINE* engine = LoadEngine(id.c_str());
  ERR_clear_error();
  if (engine == nullptr) return info.GetReturnValue().Set(false);
  int ok = ENGINE_set_default(engine, flags);
  ENGINE_free(engine);
  if (ok == 0) return ThrowOpenSSLError(isolate, "ENGINE_set_default failed");
  info.GetReturnValue().Set(true);
}

// secureHeapUsed(): { total, used, utilization, min } of OpenSSL's secure heap (--secure-heap),
// zeros when there is none.
void SecureHeapUsed(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  SecureHeapSizes heap = ConfiguredSecureHeap();
  double total = static_cast<double>(heap.total);
  double min = static_cast<double>(heap.min);
  double used = heap.total > 0 ? static_cast<double>(CRYPTO_secure_used()) : 0;
  v8::Local<v8::Object> result = v8::Object::New(isolate);
  if (result->Set(context, OneByteString(isolate, "total"), v8::Number::New(isolate, total))
          .IsNothing() ||
      result->Set(context, OneByteString(isolate, "used"), v8::Number::New(isolate, used))
          .IsNothing() ||
      result->Set(context, OneByteString(isolate, "utilization"),
                  v8::Number::New(isolate, total > 0 ? used / total : 0))
          .IsNothing() ||
      result->Set(context, OneByteString(isolate, "min"), v8::Number::New(isolate, min))
          .IsNothing()) {
    return;
  }
  info.GetReturnValue().Set(result);
}

void SetConstants(Environment* env, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  v8::Local<v8::Object> constants = v8::Object::New(isolate);
#define N(name) SetConstant(context, constants, #name, static_cast<double>(name))
  N(OPENSSL_VERSION_NUMBER);
  N(SSL_OP_ALL);
  N(SSL_OP_ALLOW_NO_DHE_KEX);
  N(SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION);
  N(SSL_OP_CIPHER_SERVER_PREFERENCE);
  N(SSL_OP_CISCO_ANYCONNECT);
  N(SSL_OP_COOKIE_EXCHANGE);
  N(SSL_OP_CRYPTOPRO_TLSEXT_BUG);
  N(SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS);
  N(SSL_OP_LEGACY_SERVER_CONNECT);
  N(SSL_OP_NO_COMPRESSION);
  N(SSL_OP_NO_ENCRYPT_THEN_MAC);
  N(SSL_OP_NO_QUERY_MTU);
  N(SSL_OP_NO_RENEGOTIATION);
  N(SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION);
  N(SSL_OP_NO_SSLv2);
  N(SSL_OP_NO_SSLv3);
  N(SSL_OP_NO_TICKET);
  N(SSL_OP_NO_TLSv1);
  N(SSL_OP_NO_TLSv1_1);
  N(SSL_OP_NO_TLSv1_2);
  N(SSL_OP_NO_TLSv1_3);
  N(SSL_OP_PRIORITIZE_CHACHA);
  N(SSL_OP_TLS_ROLLBACK_BUG);
  N(ENGINE_METHOD_RSA);
  N(ENGINE_METHOD_DSA);
  N(ENGINE_METHOD_DH);
  N(ENGINE_METHOD_RAND);
  N(ENGINE_METHOD_EC);
  N(ENGINE_METHOD_CIPHERS);
  N(ENGINE_METHOD_DIGESTS);
  N(ENGINE_METHOD_PKEY_METHS);
  N(ENGINE_METHOD_PKEY_ASN1_METHS);
  N(ENGINE_METHOD_ALL);
  N(ENGINE_METHOD_NONE);
  N(DH_CHECK_P_NOT_SAFE_PRIME);
  N(DH_CHECK_P_NOT_PRIME);
  N(DH_UNABLE_TO_CHECK_GENERATOR);
  N(DH_NOT_SUITABLE_GENERATOR);
  N(RSA_PKCS1_PADDING);
  N(RSA_NO_PADDING);
  N(RSA_PKCS1_OAEP_PADDING);
  N(RSA_X931_PADDING);
  N(RSA_PKCS1_PSS_PADDING);
  N(RSA_PSS_SALTLEN_DIGEST);
  N(RSA_PSS_SALTLEN_MAX_SIGN);
  N(RSA_PSS_SALTLEN_AUTO);
  SetValue(context, constants, "defaultCoreCipherList",
           OneByteString(isolate, kDefaultCipherList));
  N(TLS1_VERSION);
  N(TLS1_1_VERSION);
  N(TLS1_2_VERSION);
  N(TLS1_3_VERSION);
  N(POINT_CONVERSION_COMPRESSED);
  N(POINT_CONVERSION_UNCOMPRESSED);
  N(POINT_CONVERSION_HYBRID);
#undef N
  SetValue(context, constants, "defaultCipherList", OneByteString(isolate, kDefaultCipherList));
  SetValue(context, target, "constants", constants);
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  v8::Local<v8::Context> context = env->context();
  env->set_binding_data("crypto", std::make_unique<CryptoData>());
  SetConstants(env, target);
  SetMethod(context, target, "getCiphers", GetCiphers);
  SetMethod(context, target, "setOutputScratch", SetOutputScratch);
  SetMethod(context, target, "getHashes", GetHashes);
  SetMethod(context, target, "getCurves", GetCurves);
  SetMethod(context, target, "getFipsCrypto", GetFipsCrypto);
  SetMethod(context, target, "setFipsCrypto", SetFipsCrypto);
  SetMethod(context, target, "setEngine", SetEngine);
  SetMethod(context, target, "secureHeapUsed", SecureHeapUsed);
  InitHash(env, target);
  InitHmac(env, target);
  InitRandom(env, target);
  InitKdf(env, target);
  InitCipher(env, target);
  InitKeys(env, target);
  InitDh(env, target);
  InitPrime(env, target);
  InitSubtle(env, target);
  InitSpkac(env, target);
  InitX509(env, target);
}

}  // namespace
}  // namespace ringjs::crypto

RINGJS_BINDING(crypto, ringjs::crypto::Initialize)
