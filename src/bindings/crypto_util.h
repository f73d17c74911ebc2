// Shared helpers of the internalBinding('crypto') files (crypto*.cc): byte views of JS values,
// node-shaped OpenSSL errors, and thread-pool jobs whose result reaches JS through a
// CallbackScope.
#ifndef RINGJS_BINDINGS_CRYPTO_UTIL_H_
#define RINGJS_BINDINGS_CRYPTO_UTIL_H_

#include <openssl/err.h>
#include <openssl/evp.h>

#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "runtime/binding.h"

namespace ringjs::crypto {

// Bytes of an ArrayBufferView / ArrayBuffer argument, valid while the JS value lives (use on
// the loop thread only, within the call).
struct ByteView {
  const unsigned char* data = nullptr;
  size_t size = 0;
};
bool GetByteView(v8::Local<v8::Value> value, ByteView* out);

// Bytes kept alive for a thread-pool job: the backing store is shared (no copy), so a buffer
// handed to the pool cannot be freed before the job's after_work.
class PoolBytes {
 public:
  PoolBytes() = default;
  // Shares the view's backing store; false if value is not a view or buffer.
  bool Set(v8::Local<v8::Value> value);
  unsigned char* data() const {
    return store_ ? static_cast<unsigned char*>(store_->Data()) + offset_ : nullptr;
  }
  size_t size() const { return size_; }

 private:
  std::shared_ptr<v8::BackingStore> store_;
  size_t offset_ = 0;
  size_t size_ = 0;
};

// A Uint8Array over a fresh ArrayBuffer holding a copy of data (JS wraps it in a Buffer).
v8::Local<v8::Uint8Array> NewUint8Array(v8::Isolate* isolate, const unsigned char* data,
                                        size_t size);
// A digest as JS asked for it: a hex (kDigestHex) or base64 (kDigestBase64) string made here,
// which saves a Buffer for the common digest('hex'), else the bytes as OutputSink gives them
// (scratch_offset: see OutputSink).
enum DigestEncoding { kDigestBuffer = 0, kDigestHex = 1, kDigestBase64 = 2 };
v8::Local<v8::Value> EncodeDigest(Environment* env, const unsigned char* data, size_t size,
                                  int encoding, v8::Local<v8::Value> scratch_offset);
// A Uint8Array that takes ownership of bytes (no copy).
v8::Local<v8::Uint8Array> NewUint8Array(v8::Isolate* isolate, std::vector<unsigned char>&& bytes);

// Where a small output goes: the output scratch when the call passed a scratch offset (a
// number) and the scratch has room there, else bytes of its own. The scratch is an
// ArrayBuffer private to lib/js/internal/crypto/util.js (outputOffset/takeOutput), handed over
// with setOutputScratch; JS copies each result out of it into an ArrayBuffer of the result's
// own (node's outputs own theirs), which costs far less than making one here.
class OutputSink {
 public:
  OutputSink(Environment* env, v8::Local<v8::Value> scratch_offset);
  // Room for up to `bound` bytes (valid until the next Reserve).
  unsigned char* Reserve(size_t bound);
  // The number of bytes the last Reserve's room now holds.
  void Commit(size_t size) { size_ = size; }
  // The byte count (scratch) or a Uint8Array of the bytes.
  v8::Local<v8::Value> Result(v8::Isolate* isolate);
  // A copy of size bytes as Result gives it.
  static v8::Local<v8::Value> Copy(Environment* env, v8::Local<v8::Value> scratch_offset,
                                   const unsigned char* data, size_t size);

 private:
  unsigned char* scratch_room_ = nullptr;
  size_t scratch_room_size_ = 0;
  bool in_scratch_ = false;
  std::vector<unsigned char> own_;
  size_t size_ = 0;
};

// The OpenSSL error queue's first error as node shapes it: an Error whose message is
// "error:1C800064:Provider routines::bad decrypt" with library, reason and code
// ('ERR_OSSL_BAD_DECRYPT'). Clears the queue. fallback is the message when the queue is empty.
v8::Local<v8::Value> MakeOpenSSLError(v8::Isolate* isolate, unsigned long err,
                                      const char* fallback,
                                      const std::vector<std::string>* stack = nullptr);
// Throws MakeOpenSSLError(ERR_get_error()); the rest of the queue becomes opensslErrorStack.
// Not decorated: a bare Error without library/reason/code (node's form for some failures, such
// as loading an engine).
void ThrowOpenSSLError(v8::Isolate* isolate, const char* fallback, bool decorated = true);
// An engine by id, or else a shared object at the path id loaded through the "dynamic" engine
// (as node); a structural reference, or null with the reasons left in OpenSSL's error queue.
ENGINE* LoadEngine(const char* id);
// Captures the error (on a pool thread) for MakeOpenSSLError later; 0 if none.
unsigned long TakeOpenSSLError();

// A job run on the thread pool: work() runs off the loop thread and must touch no V8 object;
// then `done(env, &argv)` builds the callback arguments on the loop thread and the callback
// (the `ondone` function JS passed) is called through a CallbackScope.
class PoolJob {
 public:
  virtual ~PoolJob() = default;
  virtual void Work() = 0;
  // Fills argv with (err, value...) for the callback.
  virtual void Done(Environment* env, std::vector<v8::Local<v8::Value>>* argv) = 0;

  // Queues job on env's pool; the callback is called with the arguments Done gives.
  static void Start(Environment* env, std::unique_ptr<PoolJob> job, v8::Local<v8::Function> cb);

 private:
  v8::Global<v8::Function> callback_;
};

// A C++ object owned by a JS object (internal field 0), freed when the JS object is collected.
// A job on the pool holds it strongly (Ref/Unref) so it outlives the JS handle while in use.
class CryptoWrap {
 public:
  CryptoWrap(Environment* env, v8::Local<v8::Object> object);
  virtual ~CryptoWrap();
  CryptoWrap(const CryptoWrap&) = delete;
  CryptoWrap& operator=(const CryptoWrap&) = delete;

  Environment* env() const { return env_; }
  v8::Local<v8::Object> object() const { return object_.Get(env_->isolate()); }
  // Keeps the JS object (and so this) alive until the matching Unref.
  void Ref();
  void Unref();

  // The wrap inside `value` if it is an instance of `tmpl` (a FunctionTemplate whose instances
  // hold a T), else nullptr.
  template <typename T>
  static T* Unwrap(v8::Isolate* isolate, v8::Local<v8::FunctionTemplate> tmpl,
                   v8::Local<v8::Value> value) {
    if (!value->IsObject() || !tmpl->HasInstance(value)) return nullptr;
    v8::Local<v8::Object> obj = value.As<v8::Object>();
    if (obj->InternalFieldCount() < 1) return nullptr;
    return static_cast<T*>(obj->GetAlignedPointerFromInternalField(0));
  }

 private:
  static void OnCollected(const v8::WeakCallbackInfo<CryptoWrap>& data);
  Environment* env_;
  v8::Global<v8::Object> object_;
  int refs_ = 0;
};

// A class template for wrap objects: one internal field, methods on the prototype.
v8::Local<v8::FunctionTemplate> NewWrapTemplate(v8::Isolate* isolate, const char* name,
                                                v8::FunctionCallback constructor);

// Bytes of a string argument in UTF-8 (encoding 0) or Latin-1 (encoding 1), or of a view.
// Returns false for anything else.
bool GetInputBytes(v8::Isolate* isolate, v8::Local<v8::Value> value, int encoding,
                   std::string* scratch, ByteView* out);

// Per-Environment crypto state: class templates and the digest cache.
class CryptoData : public BindingData {
 public:
  ~CryptoData() override;
  // The EVP_MD for a name, fetched once (explicit fetches avoid OpenSSL 3's per-init lookup).
  // keep_error: when a known name cannot be fetched (a legacy digest without the legacy
  // provider), OpenSSL's reason stays queued for the caller's error (node's ERR_OSSL_*).
  const EVP_MD* Digest(const std::string& name, bool keep_error = false);
  // The EVP_CIPHER for a name (aliases as OpenSSL's table has them), fetched once.
  const EVP_CIPHER* Cipher(const std::string& name);
  v8::Global<v8::FunctionTemplate> hash_template;
  v8::Global<v8::FunctionTemplate> hmac_template;
  v8::Global<v8::FunctionTemplate> cipher_template;
  v8::Global<v8::FunctionTemplate> key_template;
  v8::Global<v8::FunctionTemplate> x509_template;
  // The output scratch JS handed over (OutputSink writes into it).
  std::shared_ptr<v8::BackingStore> output_scratch;

 private:
  std::vector<std::pair<std::string, EVP_MD*>> digests_;
  std::vector<std::pair<std::string, EVP_CIPHER*>> ciphers_;
};
CryptoData* GetCryptoData(Environment* env);

// The EVP_PKEY of a KeyObjectHandle (nullptr for anything else and for secret keys), and a
// new KeyObjectHandle holding pkey as a public (1) or private (2) key; it takes a reference.
// For the files that consume or make asymmetric keys (crypto_dh.cc).
EVP_PKEY* KeyHandlePkey(Environment* env, v8::Local<v8::Value> value);
v8::MaybeLocal<v8::Object> NewAsymmetricKeyHandle(Environment* env, int kind, EVP_PKEY* pkey);

// The digest of a Hash handle (crypto_hash.cc) for Sign/Verify, which sign it where it is, with
// no trip through JS: finished now, its context freed, and the handle marked taken (node's
// Sign/Verify work once). kHashTaken: taken before (or value is no Hash); kHashFailed: OpenSSL
// failed, the error queued. The bytes live as long as the handle.
enum HashFinish { kHashFinished, kHashTaken, kHashFailed };
HashFinish FinishHash(Environment* env, v8::Local<v8::Value> value, const EVP_MD** md,
                      ByteView* digest);

// Initializers of the per-job files, called from crypto.cc.
void InitHash(Environment* env, v8::Local<v8::Object> target);
void InitHmac(Environment* env, v8::Local<v8::Object> target);
void InitRandom(Environment* env, v8::Local<v8::Object> target);
void InitKdf(Environment* env, v8::Local<v8::Object> target);
void InitCipher(Environment* env, v8::Local<v8::Object> target);
void InitKeys(Environment* env, v8::Local<v8::Object> target);
void InitDh(Environment* env, v8::Local<v8::Object> target);
void InitPrime(Environment* env, v8::Local<v8::Object> target);
void InitSubtle(Environment* env, v8::Local<v8::Object> target);
void InitSpkac(Environment* env, v8::Local<v8::Object> target);
void InitX509(Environment* env, v8::Local<v8::Object> target);


}  // namespace ringjs::crypto

#endif  // RINGJS_BINDINGS_CRYPTO_UTIL_H_
