// Hash objects (createHash) and one-shot digests (crypto.hash) over EVP_MD_CTX.
// JS (internal/crypto/hash.js) validates arguments; here, only OpenSSL can fail.
#include <openssl/err.h>
#include <openssl/evp.h>

#include "bindings/crypto_util.h"

namespace ringjs::crypto {
namespace {

class HashWrap : public CryptoWrap {
 public:
  HashWrap(Environment* env, v8::Local<v8::Object> object) : CryptoWrap(env, object) {}
  ~HashWrap() override { EVP_MD_CTX_free(ctx_); }

  // Starts a digest of md; xof_len < 0 means the digest's own size. False (with the OpenSSL
  // error queued) if OpenSSL refused.
  bool Init(const EVP_MD* md, int64_t xof_len) {
    md_ = md;
    ctx_ = EVP_MD_CTX_new();
    if (ctx_ == nullptr || EVP_DigestInit_ex(ctx_, md, nullptr) != 1) return false;
    md_len_ = static_cast<size_t>(EVP_MD_get_size(md));
    if (xof_len >= 0 && static_cast<size_t>(xof_len) != md_len_) {
      // As node: only an XOF takes another length.
      if ((EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) == 0) {
        ERR_raise(ERR_LIB_EVP, EVP_R_NOT_XOF_OR_INVALID_LENGTH);
        return false;
      }
      md_len_ = static_cast<size_t>(xof_len);
    }
    return true;
  }

  bool Copy(const HashWrap* other, int64_t xof_len) {
    if (other->ctx_ == nullptr) return false;
    ctx_ = EVP_MD_CTX_new();
    if (ctx_ == nullptr || EVP_MD_CTX_copy(ctx_, other->ctx_) != 1) return false;
    // A copy takes the digest's own length unless told otherwise, as node's.
    const EVP_MD* md = other->md_;
    md_ = md;
    md_len_ = static_cast<size_t>(EVP_MD_get_size(md));
    if (xof_len >= 0 && static_cast<size_t>(xof_len) != md_len_) {
      if ((EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) == 0) {
        ERR_raise(ERR_LIB_EVP, EVP_R_NOT_XOF_OR_INVALID_LENGTH);
        return false;
      }
      md_len_ = static_cast<size_t>(xof_len);
    }
    return true;
  }

  bool Update(const unsigned char* data, size_t size) {
    return ctx_ != nullptr && EVP_DigestUpdate(ctx_, data, size) == 1;
  }

  // The digest (md_len_ bytes; an XOF of length 0 gives no bytes). Computed once: a later
  // call (digest() after the stream side already produced it) returns the same bytes, as
  // node's.
  bool Final() {
    if (!finalized_) {
      if (ctx_ == nullptr) return false;
      digest_.resize(md_len_);
      bool ok = true;
      if (md_len_ > 0) {
        if ((EVP_MD_get_flags(md_) & EVP_MD_FLAG_XOF) != 0) {
          ok = EVP_DigestFinalXOF(ctx_, digest_.data(), md_len_) == 1;
        } else {
          unsigned int len = 0;
          ok = EVP_DigestFinal_ex(ctx_, digest_.data(), &len) == 1;
          digest_.resize(len);
        }
      }
      if (!ok) return false;
      finalized_ = true;
    }
    return true;
  }
  // Frees the context once nothing can use it any more (digest() and Sign/Verify: JS refuses
  // update and copy after them) rather than when the GC finds the object: now, while it is in
  // cache, costs far less than in a GC pause full of them.
  void ReleaseContext() {
    EVP_MD_CTX_free(ctx_);
    ctx_ = nullptr;
  }
  const std::vector<unsigned char>& digest() const { return digest_; }
  const EVP_MD* md() const { return md_; }
  // Sign/Verify took the digest (FinishHash): their later calls are refused.
  bool taken() const { return taken_; }
  void Take() { taken_ = true; }

 private:
  const EVP_MD* md_ = nullptr;
  EVP_MD_CTX* ctx_ = nullptr;
  size_t md_len_ = 0;
  bool finalized_ = false;
  bool taken_ = false;
  std::vector<unsigned char> digest_;
};

v8::Local<v8::FunctionTemplate> HashTemplate(Environment* env) {
  return GetCryptoData(env)->hash_template.Get(env->isolate());
}

int64_t XofLength(v8::Local<v8::Value> value) {
  return value->IsNumber() ? static_cast<int64_t>(value.As<v8::Number>()->Value()) : -1;
}

// new Hash(algorithm | hashToCopy, xofLen)
void HashNew(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Environment* env = Environment::From(info);
  if (!info.IsConstructCall()) return ThrowTypeError(isolate, "Hash must be constructed");
  auto* hash = new HashWrap(env, info.This());
  int64_t xof_len = XofLength(info[1]);
  HashWrap* source = CryptoWrap::Unwrap<HashWrap>(isolate, HashTemplate(env), info[0]);
  if (source != nullptr) {
    if (!hash->Copy(source, xof_len)) ThrowOpenSSLError(isolate, "Digest method not supported");
    return;
  }
  // As node: a name OpenSSL knows but cannot provide (md4 without --openssl-legacy-provider)
  // fails with OpenSSL's reason, an unknown one with the plain message.
  ERR_clear_error();
  const EVP_MD* md = GetCryptoData(env)->Digest(ToStdString(isolate, info[0]), true);
  if (md == nullptr) return ThrowOpenSSLError(isolate, "Digest method not supported");
  if (!hash->Init(md, xof_len)) ThrowOpenSSLError(isolate, "Digest method not supported");
}

// hash.update(data, isLatin1): data is a view or a string (UTF-8 unless isLatin1).
void HashUpdate(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  auto* hash = static_cast<HashWrap*>(info.This()->GetAlignedPointerFromInternalField(0));
  if (hash == nullptr) return;
  std::string scratch;
  ByteView bytes;
  if (!GetInputBytes(isolate, info[0], info[1]->IsTrue() ? 1 : 0, &scratch, &bytes)) {
    return ThrowTypeError(isolate, "data must be a string or a view");
  }
  info.GetReturnValue().Set(hash->Update(bytes.data, bytes.size));
}

// hash.digest(encoding, scratchOffset, last) -> a string for kDigestHex / kDigestBase64, else
// the bytes (EncodeDigest). last: no update or copy can follow (digest(), not the stream's
// flush, after which node still copies the finished context).
void HashDigest(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  auto* hash = static_cast<HashWrap*>(info.This()->GetAlignedPointerFromInternalField(0));
  if (hash == nullptr) return;
  if (!hash->Final()) return ThrowOpenSSLError(isolate, "Digest failed");
  if (info[2]->IsTrue()) hash->ReleaseContext();
  const std::vector<unsigned char>& out = hash->digest();
  int encoding = info[0]->IsInt32() ? info[0].As<v8::Int32>()->Value() : kDigestBuffer;
  info.GetReturnValue().Set(EncodeDigest(hash->env(), out.data(), out.size(), encoding, info[1]));
}

// oneShotDigest(algorithm, data, isLatin1, xofLen, encoding, scratchOffset) -> the digest as
// EncodeDigest gives it, or undefined for an unknown digest.
void OneShotDigest(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Environment* env = Environment::From(info);
  const EVP_MD* md = GetCryptoData(env)->Digest(ToStdString(isolate, info[0]));
  if (md == nullptr) return;
  std::string scratch;
  ByteView bytes;
  if (!GetInputBytes(isolate, info[1], info[2]->IsTrue() ? 1 : 0, &scratch, &bytes)) {
    return ThrowTypeError(isolate, "data must be a string or a view");
  }
  int64_t xof_len = XofLength(info[3]);
  size_t md_len = static_cast<size_t>(EVP_MD_get_size(md));
  bool xof = (EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) != 0;
  if (xof_len >= 0 && static_cast<size_t>(xof_len) != md_len) {
    if (!xof) {
      ERR_raise(ERR_LIB_EVP, EVP_R_NOT_XOF_OR_INVALID_LENGTH);
      return ThrowOpenSSLError(isolate, "Digest failed");
    }
    md_len = static_cast<size_t>(xof_len);
  }
  std::vector<unsigned char> out(md_len);
  bool ok;
  if (!xof) {
    unsigned int len = 0;
    ok = EVP_Digest(bytes.data, bytes.size, out.data(), &len, md, nullptr) == 1;
    out.resize(len);
  } else {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    ok = ctx != nullptr && EVP_DigestInit_ex(ctx, md, nullptr) == 1 &&
         EVP_DigestUpdate(ctx, bytes.data, bytes.size) == 1 &&
         (md_len == 0 || EVP_DigestFinalXOF(ctx, out.data(), md_len) == 1);
    EVP_MD_CTX_free(ctx);
  }
  if (!ok) return ThrowOpenSSLError(isolate, "Digest failed");
  int encoding = info[4]->IsInt32() ? info[4].As<v8::Int32>()->Value() : kDigestBuffer;
  info.GetReturnValue().Set(EncodeDigest(env, out.data(), out.size(), encoding, info[5]));
}

// A digest computed on the thread pool (Web Crypto's subtle.digest); the input is copied.
class DigestJob : public PoolJob {
 public:
  DigestJob(const EVP_MD* md, const unsigned char* data, size_t size)
      : md_(md), data_(data, data + size) {}
  void Work() override {
    out_.resize(EVP_MAX_MD_SIZE);
    unsigned int len = 0;
    ok_ = EVP_Digest(data_.data(), data_.size(), out_.data(), &len, md_, nullptr) == 1;
    out_.resize(ok_ ? len : 0);
    ERR_clear_error();
  }
  void Done(Environment* env, std::vector<v8::Local<v8::Value>>* argv) override {
    v8::Isolate* isolate = env->isolate();
    if (!ok_) {
      argv->push_back(v8::Undefined(isolate));
      return;
    }
    argv->push_back(NewUint8Array(isolate, std::move(out_))->Buffer());
  }

 private:
  const EVP_MD* md_;
  std::vector<unsigned char> data_;
  std::vector<unsigned char> out_;
  bool ok_ = false;
};

// digestJob(algorithm, data, ondone): ondone(ArrayBuffer | undefined) after the pool ran it.
void DigestJobStart(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Environment* env = Environment::From(info);
  const EVP_MD* md = GetCryptoData(env)->Digest(ToStdString(isolate, info[0]));
  ByteView bytes;
  if (md == nullptr || !GetByteView(info[1], &bytes) || !info[2]->IsFunction()) {
    return ThrowTypeError(isolate, "digestJob(algorithm, data, ondone)");
  }
  PoolJob::Start(env, std::make_unique<DigestJob>(md, bytes.data, bytes.size),
                 info[2].As<v8::Function>());
}

// getDigestSize(algorithm) -> bytes, or -1 for an unknown digest.
void GetDigestSize(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  const EVP_MD* md = GetCryptoData(env)->Digest(ToStdString(info.GetIsolate(), info[0]));
  info.GetReturnValue().Set(md == nullptr ? -1 : EVP_MD_get_size(md));
}

}  // namespace

HashFinish FinishHash(Environment* env, v8::Local<v8::Value> value, const EVP_MD** md,
                      ByteView* digest) {
  HashWrap* hash = CryptoWrap::Unwrap<HashWrap>(env->isolate(), HashTemplate(env), value);
  if (hash == nullptr || hash->taken()) return kHashTaken;
  hash->Take();
  if (!hash->Final()) return kHashFailed;
  hash->ReleaseContext();
  *md = hash->md();
  digest->data = hash->digest().data();
  digest->size = hash->digest().size();
  return kHashFinished;
}

void InitHash(Environment* env, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  v8::Local<v8::FunctionTemplate> tmpl = NewWrapTemplate(isolate, "Hash", HashNew);
  SetProtoMethod(isolate, tmpl, "update", HashUpdate);
  SetProtoMethod(isolate, tmpl, "digest", HashDigest);
  GetCryptoData(env)->hash_template.Reset(isolate, tmpl);
  SetValue(context, target, "Hash", tmpl->GetFunction(context).ToLocalChecked());
  SetMethod(context, target, "oneShotDigest", OneShotDigest);
  SetMethod(context, target, "getDigestSize", GetDigestSize);
  SetMethod(context, target, "digestJob", DigestJobStart);
}

}  // namespace ringjs::crypto
