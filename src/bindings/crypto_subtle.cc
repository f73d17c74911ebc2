// One-shot thread-pool jobs behind crypto.subtle that the stream objects (Hmac, Cipheriv) do not
// fit: HMAC over a whole message, and AES-GCM / CBC / CTR / KW encryption and decryption of a
// whole buffer. JS (internal/crypto/webcrypto/*.js) checks every parameter first; a failed job
// reports `undefined` and JS turns that into WebCrypto's OperationError.
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "bindings/crypto_util.h"

namespace ringjs::crypto {
namespace {

using Bytes = std::vector<unsigned char>;

Bytes CopyBytes(v8::Local<v8::Value> value) {
  ByteView view;
  if (!GetByteView(value, &view)) return Bytes();
  return Bytes(view.data, view.data + view.size);
}

const unsigned char* DataOrEmpty(const Bytes& bytes) {
  static const unsigned char kEmpty = 0;
  return bytes.empty() ? &kEmpty : bytes.data();
}

// Runs work() on the pool; ondone(result) gets the bytes, or undefined if work failed.
class BytesJob : public PoolJob {
 public:
  explicit BytesJob(std::function<bool(Bytes*)> work) : work_(std::move(work)) {}
  ~BytesJob() override { OPENSSL_cleanse(out_.data(), out_.size()); }
  void Work() override {
    ok_ = work_(&out_);
    ERR_clear_error();
  }
  void Done(Environment* env, std::vector<v8::Local<v8::Value>>* argv) override {
    v8::Isolate* isolate = env->isolate();
    if (!ok_) return argv->push_back(v8::Undefined(isolate));
    argv->push_back(NewUint8Array(isolate, out_.data(), out_.size()));
  }

 private:
  std::function<bool(Bytes*)> work_;
  Bytes out_;
  bool ok_ = false;
};

// ---- HMAC ----

// hmacJob(digest, key, data, ondone)
void HmacJob(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  const EVP_MD* md = GetCryptoData(Environment::From(info))->Digest(ToStdString(isolate, info[0]));
  if (md == nullptr || !info[3]->IsFunction()) return ThrowTypeError(isolate, "hmacJob: bad args");
  Bytes key = CopyBytes(info[1]);
  Bytes data = CopyBytes(info[2]);
  auto work = [md, key = std::move(key), data = std::move(data)](Bytes* out) {
    out->resize(EVP_MAX_MD_SIZE);
    unsigned int len = 0;
    if (HMAC(md, DataOrEmpty(key), static_cast<int>(key.size()), DataOrEmpty(data), data.size(),
             out->data(), &len) == nullptr) {
      return false;
    }
    out->resize(len);
    return true;
  };
  PoolJob::Start(Environment::From(info), std::make_unique<BytesJob>(std::move(work)),
                 info[3].As<v8::Function>());
}

// ---- AES ----

enum AesMode { kAesCbc = 0, kAesCtr, kAesGcm, kAesKw };

struct AesParams {
  AesMode mode = kAesCbc;
  bool encrypt = true;
  Bytes key;
  Bytes iv;  // CBC: the IV; CTR: the counter block; GCM: the nonce.
  Bytes data;
  Bytes aad;                   // GCM
  size_t tag_length = 16;      // GCM, in bytes
  unsigned counter_bits = 64;  // CTR: how many low bits of the block count
};

const EVP_CIPHER* AesCipher(AesMode mode, size_t key_size) {
  switch (mode) {
    case kAesCbc:
      return key_size == 16 ? EVP_aes_128_cbc() : key_size == 24 ? EVP_aes_192_cbc()
                                                                 : EVP_aes_256_cbc();
    case kAesCtr:
      return key_size == 16 ? EVP_aes_128_ctr() : key_size == 24 ? EVP_aes_192_ctr()
                                                                 : EVP_aes_256_ctr();
    case kAesGcm:
      return key_size == 16 ? EVP_aes_128_gcm() : key_size == 24 ? EVP_aes_192_gcm()
                                                                 : EVP_aes_256_gcm();
    case kAesKw:
      return key_size == 16 ? EVP_aes_128_wrap() : key_size == 24 ? EVP_aes_192_wrap()
                                                                  : EVP_aes_256_wrap();
  }
  return nullptr;
}

struct CipherCtxDeleter {
  void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

// One EVP pass over in (appending to out); iv may be null for GCM (set separately).
bool CipherPass(const EVP_CIPHER* cipher, const AesParams& p, const unsigned char* iv,
                const unsigned char* in, size_t in_size, Bytes* out) {
  CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
  if (!ctx) return false;
  if (p.mode == kAesKw) EVP_CIPHER_CTX_set_flags(ctx.get(), EVP_CIPHER_CTX_FLAG_WRAP_ALLOW);
  if (EVP_CipherInit_ex(ctx.get(), cipher, nullptr, nullptr, nullptr, p.encrypt ? 1 : 0) != 1) {
    return false;
  }
  if (p.mode == kAesGcm &&
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_IVLEN, static_cast<int>(p.iv.size()),
                          nullptr) != 1) {
    return false;
  }
  if (EVP_CipherInit_ex(ctx.get(), nullptr, nullptr, p.key.data(), iv, -1) != 1) return false;
  int len = 0;
  if (p.mode == kAesGcm && !p.aad.empty() &&
      EVP_CipherUpdate(ctx.get(), nullptr, &len, p.aad.data(), static_cast<int>(p.aad.size())) !=
          1) {
    return false;
  }
  if (p.mode == kAesGcm && !p.encrypt) {
    // The tag is the input's tail; JS checked that it is there.
    const unsigned char* tag = in + in_size;
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_TAG, static_cast<int>(p.tag_length),
                            const_cast<unsigned char*>(tag)) != 1) {
      return false;
    }
  }
  size_t start = out->size();
  out->resize(start + in_size + 2 * EVP_MAX_BLOCK_LENGTH);
  int written = 0;
  if (in_size > 0 && EVP_CipherUpdate(ctx.get(), out->data() + start, &written, in,
                                      static_cast<int>(in_size)) != 1) {
    return false;
  }
  int final_len = 0;
  if (EVP_CipherFinal_ex(ctx.get(), out->data() + start + written, &final_len) != 1) return false;
  out->resize(start + written + final_len);
  if (p.mode == kAesGcm && p.encrypt) {
    size_t at = out->size();
    out->resize(at + p.tag_length);
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_GET_TAG, static_cast<int>(p.tag_length),
                            out->data() + at) != 1) {
      return false;
    }
  }
  return true;
}

// CTR with a counter of counter_bits low bits: OpenSSL increments all 128 bits, so when the
// counter part would wrap, the rest runs from the block with those bits zeroed (as WebCrypto
// wants); more blocks than the counter has values is an error.
bool AesCtr(const EVP_CIPHER* cipher, const AesParams& p, Bytes* out) {
  const size_t kBlock = 16;
  size_t blocks = (p.data.size() + kBlock - 1) / kBlock;
  // The counter part's current value and how many blocks fit before it wraps.
  unsigned bits = p.counter_bits;
  unsigned __int128 counter = 0;
  for (size_t i = 0; i < kBlock; i++) counter = (counter << 8) | p.iv[i];
  unsigned __int128 mask = bits >= 128 ? ~static_cast<unsigned __int128>(0)
                                       : ((static_cast<unsigned __int128>(1) << bits) - 1);
  unsigned __int128 current = counter & mask;
  unsigned __int128 room = mask - current + 1;  // 0 when bits == 128 and current == 0: all fits.
  if (bits < 128 && static_cast<unsigned __int128>(blocks) > mask + 1) return false;
  if (bits >= 128 || room == 0 || static_cast<unsigned __int128>(blocks) <= room) {
    return CipherPass(cipher, p, p.iv.data(), DataOrEmpty(p.data), p.data.size(), out);
  }
  size_t first = static_cast<size_t>(room) * kBlock;
  if (!CipherPass(cipher, p, p.iv.data(), p.data.data(), first, out)) return false;
  unsigned char wrapped[kBlock];
  unsigned __int128 restart = counter & ~mask;
  for (size_t i = 0; i < kBlock; i++) {
    wrapped[kBlock - 1 - i] = static_cast<unsigned char>(restart >> (8 * i));
  }
  return CipherPass(cipher, p, wrapped, p.data.data() + first, p.data.size() - first, out);
}

bool RunAes(const AesParams& p, Bytes* out) {
  const EVP_CIPHER* cipher = AesCipher(p.mode, p.key.size());
  if (cipher == nullptr) return false;
  if (p.mode == kAesCtr) return AesCtr(cipher, p, out);
  size_t in_size = p.data.size();
  if (p.mode == kAesGcm && !p.encrypt) {
    if (in_size < p.tag_length) return false;
    in_size -= p.tag_length;
  }
  return CipherPass(cipher, p, p.iv.empty() ? nullptr : p.iv.data(), DataOrEmpty(p.data),
                    in_size, out);
}

// aesJob(mode, encrypt, key, iv | counter | undefined, data, tagLengthBytes | counterBits,
// aad | undefined, ondone)
void AesJob(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  AesParams p;
  p.mode = static_cast<AesMode>(info[0]->Int32Value(context).FromMaybe(0));
  p.encrypt = info[1]->IsTrue();
  p.key = CopyBytes(info[2]);
  p.iv = CopyBytes(info[3]);
  p.data = CopyBytes(info[4]);
  uint32_t size_arg = info[5]->Uint32Value(context).FromMaybe(0);
  if (p.mode == kAesGcm) p.tag_length = size_arg;
  if (p.mode == kAesCtr) p.counter_bits = size_arg;
  p.aad = CopyBytes(info[6]);
  bool key_ok = p.key.size() == 16 || p.key.size() == 24 || p.key.size() == 32;
  bool iv_ok = p.mode == kAesKw || p.mode == kAesGcm || p.iv.size() == 16;
  if (!key_ok || !iv_ok || p.mode < kAesCbc || p.mode > kAesKw || !info[7]->IsFunction()) {
    return ThrowTypeError(isolate, "aesJob: bad arguments");
  }
  PoolJob::Start(Environment::From(info),
                 std::make_unique<BytesJob>([p = std::move(p)](Bytes* out) {
                   return RunAes(p, out);
                 }),
                 info[7].As<v8::Function>());
}

}  // namespace

void InitSubtle(Environment* env, v8::Local<v8::Object> target) {
  v8::Local<v8::Context> context = env->context();
  SetMethod(context, target, "hmacJob", HmacJob);
  SetMethod(context, target, "aesJob", AesJob);
}

}  // namespace ringjs::crypto
