// Key derivation: pbkdf2, scrypt, hkdf, and timingSafeEqual. Each KDF runs inline for the
// *Sync form (returns an ArrayBuffer, or undefined if OpenSSL failed) or on the thread pool
// with a callback ondone(ArrayBuffer | undefined). JS validated every argument, the digest
// included; inputs are copied, so JS may reuse its buffers at once.
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <functional>

#include "bindings/crypto_util.h"

namespace ringjs::crypto {
namespace {

using Bytes = std::vector<unsigned char>;
using DeriveFn = std::function<bool(Bytes* out)>;

Bytes CopyBytes(v8::Local<v8::Value> value) {
  ByteView view;
  if (!GetByteView(value, &view)) return Bytes();
  return Bytes(view.data, view.data + view.size);
}

v8::Local<v8::ArrayBuffer> ToArrayBuffer(v8::Isolate* isolate, Bytes&& bytes) {
  v8::Local<v8::Uint8Array> u8 = NewUint8Array(isolate, std::move(bytes));
  return u8->Buffer();
}

class DeriveJob : public PoolJob {
 public:
  explicit DeriveJob(DeriveFn fn) : fn_(std::move(fn)) {}
  void Work() override {
    ok_ = fn_(&out_);
    ERR_clear_error();
  }
  void Done(Environment* env, std::vector<v8::Local<v8::Value>>* argv) override {
    v8::Isolate* isolate = env->isolate();
    if (!ok_) {
      argv->push_back(v8::Undefined(isolate));
      return;
    }
    argv->push_back(ToArrayBuffer(isolate, std::move(out_)));
  }

 private:
  DeriveFn fn_;
  Bytes out_;
  bool ok_ = false;
};

// Runs fn now (no callback) or on the pool (info[cb_index] is the callback).
void RunDerive(const v8::FunctionCallbackInfo<v8::Value>& info, int cb_index, DeriveFn fn) {
  v8::Isolate* isolate = info.GetIsolate();
  if (info[cb_index]->IsFunction()) {
    PoolJob::Start(Environment::From(info), std::make_unique<DeriveJob>(std::move(fn)),
                   info[cb_index].As<v8::Function>());
    return;
  }
  Bytes out;
  bool ok = fn(&out);
  ERR_clear_error();
  if (ok) info.GetReturnValue().Set(ToArrayBuffer(isolate, std::move(out)));
}

int64_t IntArg(const v8::FunctionCallbackInfo<v8::Value>& info, int index) {
  return info[index]->IntegerValue(info.GetIsolate()->GetCurrentContext()).FromMaybe(0);
}

// PBKDF2-HMAC over the low-level SHA functions with the HMAC pads hashed once: OpenSSL 3's
// provider path copies (allocates) two digest contexts per iteration, which costs about a
// third of the time for 100k iterations. The same bytes (the vectors in the tests check it).
template <typename Ctx, int (*Init)(Ctx*), int (*Update)(Ctx*, const void*, size_t),
          int (*Final)(unsigned char*, Ctx*), size_t kBlock, size_t kDigest>
bool FastPbkdf2(const Bytes& password, const Bytes& salt, int iterations, Bytes* out) {
  unsigned char key[kBlock] = {0};
  Ctx ctx;
  if (password.size() > kBlock) {
    Init(&ctx);
    Update(&ctx, password.data(), password.size());
    Final(key, &ctx);
  } else if (!password.empty()) {
    memcpy(key, password.data(), password.size());
  }
  unsigned char pad[kBlock];
  Ctx inner;
  Ctx outer;
  for (size_t i = 0; i < kBlock; i++) pad[i] = key[i] ^ 0x36;
  Init(&inner);
  Update(&inner, pad, kBlock);
  for (size_t i = 0; i < kBlock; i++) pad[i] = key[i] ^ 0x5c;
  Init(&outer);
  Update(&outer, pad, kBlock);
  unsigned char u[kDigest];
  unsigned char t[kDigest];
  size_t done = 0;
  for (uint32_t block = 1; done < out->size(); block++) {
    unsigned char be[4] = {static_cast<unsigned char>(block >> 24),
                           static_cast<unsigned char>(block >> 16),
                           static_cast<unsigned char>(block >> 8),
                           static_cast<unsigned char>(block)};
    ctx = inner;
    Update(&ctx, salt.data(), salt.size());
    Update(&ctx, be, 4);
    Final(u, &ctx);
    ctx = outer;
    Update(&ctx, u, kDigest);
    Final(u, &ctx);
    memcpy(t, u, kDigest);
    for (int j = 1; j < iterations; j++) {
      ctx = inner;
      Update(&ctx, u, kDigest);
      Final(u, &ctx);
      ctx = outer;
      Update(&ctx, u, kDigest);
      Final(u, &ctx);
      for (size_t k = 0; k < kDigest; k++) t[k] ^= u[k];
    }
    size_t n = std::min(kDigest, out->size() - done);
    memcpy(out->data() + done, t, n);
    done += n;
  }
  OPENSSL_cleanse(key, sizeof(key));
  OPENSSL_cleanse(pad, sizeof(pad));
  OPENSSL_cleanse(&ctx, sizeof(ctx));
  OPENSSL_cleanse(&inner, sizeof(inner));
  OPENSSL_cleanse(&outer, sizeof(outer));
  OPENSSL_cleanse(u, sizeof(u));
  OPENSSL_cleanse(t, sizeof(t));
  return true;
}

// The SHA functions take `const void*` data; adapters for the template.
int Sha1Update(SHA_CTX* c, const void* d, size_t n) { return SHA1_Update(c, d, n); }
int Sha256Update(SHA256_CTX* c, const void* d, size_t n) { return SHA256_Update(c, d, n); }
int Sha512Update(SHA512_CTX* c, const void* d, size_t n) { return SHA512_Update(c, d, n); }

bool Pbkdf2Derive(const EVP_MD* md, const Bytes& password, const Bytes& salt, int iterations,
                  Bytes* out) {
  if (out->empty()) return true;
  switch (EVP_MD_get_type(md)) {
    case NID_sha1:
      return FastPbkdf2<SHA_CTX, SHA1_Init, Sha1Update, SHA1_Final, 64, 20>(password, salt,
                                                                            iterations, out);
    case NID_sha224:
      return FastPbkdf2<SHA256_CTX, SHA224_Init, Sha256Update, SHA224_Final, 64, 28>(
          password, salt, iterations, out);
    case NID_sha256:
      return FastPbkdf2<SHA256_CTX, SHA256_Init, Sha256Update, SHA256_Final, 64, 32>(
          password, salt, iterations, out);
    case NID_sha384:
      return FastPbkdf2<SHA512_CTX, SHA384_Init, Sha512Update, SHA384_Final, 128, 48>(
          password, salt, iterations, out);
    case NID_sha512:
      return FastPbkdf2<SHA512_CTX, SHA512_Init, Sha512Update, SHA512_Final, 128, 64>(
          password, salt, iterations, out);
    default:
      break;
  }
  static const unsigned char kEmpty = 0;
  return PKCS5_PBKDF2_HMAC(password.empty() ? reinterpret_cast<const char*>(&kEmpty)
                                            : reinterpret_cast<const char*>(password.data()),
                           static_cast<int>(password.size()),
                           salt.empty() ? &kEmpty : salt.data(), static_cast<int>(salt.size()),
                           iterations, md, static_cast<int>(out->size()), out->data()) == 1;
}

// pbkdf2(password, salt, iterations, keylen, digest[, ondone])
void Pbkdf2(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  const EVP_MD* md = GetCryptoData(Environment::From(info))->Digest(ToStdString(isolate, info[4]));
  if (md == nullptr) return ThrowTypeError(isolate, "Invalid digest");
  Bytes password = CopyBytes(info[0]);
  Bytes salt = CopyBytes(info[1]);
  int iterations = static_cast<int>(IntArg(info, 2));
  size_t keylen = static_cast<size_t>(IntArg(info, 3));
  RunDerive(info, 5, [password = std::move(password), salt = std::move(salt), iterations, keylen,
                      md](Bytes* out) {
    out->resize(keylen);
    return Pbkdf2Derive(md, password, salt, iterations, out);
  });
}

// scryptCheck(N, r, p, maxmem) -> true, or the OpenSSL error string ('' if none) explaining why
// the parameters are refused (node's "Invalid scrypt params[: reason]").
void ScryptCheck(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  uint64_t n = static_cast<uint64_t>(IntArg(info, 0));
  uint64_t r = static_cast<uint64_t>(IntArg(info, 1));
  uint64_t p = static_cast<uint64_t>(IntArg(info, 2));
  uint64_t maxmem = static_cast<uint64_t>(IntArg(info, 3));
  ERR_clear_error();
  if (EVP_PBE_scrypt(nullptr, 0, nullptr, 0, n, r, p, maxmem, nullptr, 0) == 1) {
    info.GetReturnValue().Set(true);
    return;
  }
  unsigned long err = ERR_peek_last_error();
  std::string reason;
  if (err != 0) {
    char buf[256];
    ERR_error_string_n(err, buf, sizeof(buf));
    reason = buf;
  }
  ERR_clear_error();
  info.GetReturnValue().Set(Utf8String(isolate, reason));
}

// scrypt(password, salt, N, r, p, maxmem, keylen[, ondone])
void Scrypt(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Bytes password = CopyBytes(info[0]);
  Bytes salt = CopyBytes(info[1]);
  uint64_t n = static_cast<uint64_t>(IntArg(info, 2));
  uint64_t r = static_cast<uint64_t>(IntArg(info, 3));
  uint64_t p = static_cast<uint64_t>(IntArg(info, 4));
  uint64_t maxmem = static_cast<uint64_t>(IntArg(info, 5));
  size_t keylen = static_cast<size_t>(IntArg(info, 6));
  RunDerive(info, 7, [password = std::move(password), salt = std::move(salt), n, r, p, maxmem,
                      keylen](Bytes* out) {
    out->resize(keylen);
    if (keylen == 0) return true;
    static const unsigned char kEmpty = 0;
    return EVP_PBE_scrypt(password.empty() ? reinterpret_cast<const char*>(&kEmpty)
                                           : reinterpret_cast<const char*>(password.data()),
                          password.size(), salt.empty() ? &kEmpty : salt.data(), salt.size(), n,
                          r, p, maxmem, out->data(), keylen) == 1;
  });
}

// RFC 5869 over HMAC: works for an empty key and an empty salt (a string of zeros), as node's.
bool Hkdf(const EVP_MD* md, const Bytes& key, const Bytes& salt, const Bytes& info_bytes,
          size_t length, Bytes* out) {
  out->resize(length);
  if (length == 0) return true;
  int md_size = EVP_MD_get_size(md);
  if (md_size <= 0) return false;
  static const unsigned char kEmpty = 0;
  Bytes zeros(static_cast<size_t>(md_size), 0);
  const Bytes& salt_used = salt.empty() ? zeros : salt;
  unsigned char prk[EVP_MAX_MD_SIZE];
  unsigned int prk_len = 0;
  if (HMAC(md, salt_used.data(), static_cast<int>(salt_used.size()),
           key.empty() ? &kEmpty : key.data(), key.size(), prk, &prk_len) == nullptr) {
    return false;
  }
  HMAC_CTX* ctx = HMAC_CTX_new();
  if (ctx == nullptr) return false;
  unsigned char block[EVP_MAX_MD_SIZE];
  unsigned int block_len = 0;
  size_t done = 0;
  bool ok = true;
  for (unsigned char counter = 1; done < length; counter++) {
    if (HMAC_Init_ex(ctx, prk, static_cast<int>(prk_len), md, nullptr) != 1 ||
        (counter > 1 && HMAC_Update(ctx, block, block_len) != 1) ||
        HMAC_Update(ctx, info_bytes.empty() ? &kEmpty : info_bytes.data(), info_bytes.size()) !=
            1 ||
        HMAC_Update(ctx, &counter, 1) != 1 || HMAC_Final(ctx, block, &block_len) != 1) {
      ok = false;
      break;
    }
    size_t n = std::min(static_cast<size_t>(block_len), length - done);
    memcpy(out->data() + done, block, n);
    done += n;
  }
  HMAC_CTX_free(ctx);
  OPENSSL_cleanse(prk, sizeof(prk));
  OPENSSL_cleanse(block, sizeof(block));
  return ok;
}

// hkdf(digest, key, salt, info, length[, ondone]); JS checked the digest and the length
// (at most 255 digests).
void HkdfCall(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  const EVP_MD* md = GetCryptoData(Environment::From(info))->Digest(ToStdString(isolate, info[0]));
  if (md == nullptr) return ThrowTypeError(isolate, "Invalid digest");
  Bytes key = CopyBytes(info[1]);
  Bytes salt = CopyBytes(info[2]);
  Bytes info_bytes = CopyBytes(info[3]);
  size_t length = static_cast<size_t>(IntArg(info, 4));
  RunDerive(info, 5, [md, key = std::move(key), salt = std::move(salt),
                      info_bytes = std::move(info_bytes), length](Bytes* out) {
    return Hkdf(md, key, salt, info_bytes, length, out);
  });
}

// timingSafeEqual(a, b): same byte lengths (JS checked).
void TimingSafeEqual(const v8::FunctionCallbackInfo<v8::Value>& info) {
  ByteView a;
  ByteView b;
  if (!GetByteView(info[0], &a) || !GetByteView(info[1], &b) || a.size != b.size) {
    return ThrowTypeError(info.GetIsolate(), "timingSafeEqual: bad arguments");
  }
  info.GetReturnValue().Set(a.size == 0 || CRYPTO_memcmp(a.data, b.data, a.size) == 0);
}

}  // namespace

void InitKdf(Environment* env, v8::Local<v8::Object> target) {
  v8::Local<v8::Context> context = env->context();
  SetMethod(context, target, "pbkdf2", Pbkdf2);
  SetMethod(context, target, "scryptCheck", ScryptCheck);
  SetMethod(context, target, "scrypt", Scrypt);
  SetMethod(context, target, "hkdf", HkdfCall);
  SetMethod(context, target, "timingSafeEqual", TimingSafeEqual);
}

}  // namespace ringjs::crypto
