// Hmac objects (createHmac) over HMAC_CTX, as node 20 uses them (the same OpenSSL paths, so
// the same results and failures, e.g. for an XOF digest).
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "bindings/crypto_util.h"

namespace ringjs::crypto {
namespace {

class HmacWrap : public CryptoWrap {
 public:
  HmacWrap(Environment* env, v8::Local<v8::Object> object) : CryptoWrap(env, object) {}
  ~HmacWrap() override { HMAC_CTX_free(ctx_); }

  bool Init(const EVP_MD* md, const unsigned char* key, size_t key_len) {
    ctx_ = HMAC_CTX_new();
    if (ctx_ == nullptr) return false;
    // A zero-length key must still be a valid pointer for HMAC_Init_ex.
    static const unsigned char kEmpty = 0;
    if (key_len == 0) key = &kEmpty;
    if (HMAC_Init_ex(ctx_, key, static_cast<int>(key_len), md, nullptr) != 1) {
      HMAC_CTX_free(ctx_);
      ctx_ = nullptr;
      return false;
    }
    return true;
  }

  bool Update(const unsigned char* data, size_t size) {
    return ctx_ != nullptr && HMAC_Update(ctx_, data, size) == 1;
  }

  // Writes the MAC to out (EVP_MAX_MD_SIZE room) and sets *len; false if already finished.
  bool Final(unsigned char* out, unsigned int* len) {
    *len = 0;
    if (ctx_ == nullptr || HMAC_Final(ctx_, out, len) != 1) return false;
    HMAC_CTX_free(ctx_);
    ctx_ = nullptr;
    return true;
  }

 private:
  HMAC_CTX* ctx_ = nullptr;
};

void HmacNew(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!info.IsConstructCall()) return ThrowTypeError(info.GetIsolate(), "Hmac must be constructed");
  new HmacWrap(Environment::From(info), info.This());
}

HmacWrap* UnwrapHmac(const v8::FunctionCallbackInfo<v8::Value>& info) {
  return static_cast<HmacWrap*>(info.This()->GetAlignedPointerFromInternalField(0));
}

// hmac.init(digest, key): throws ERR_CRYPTO_INVALID_DIGEST's message for an unknown digest is
// JS's job (it asks getDigestSize first); here OpenSSL failures only.
void HmacInit(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Environment* env = Environment::From(info);
  HmacWrap* hmac = UnwrapHmac(info);
  if (hmac == nullptr) return;
  const EVP_MD* md = GetCryptoData(env)->Digest(ToStdString(isolate, info[0]));
  if (md == nullptr) return ThrowTypeError(isolate, "Invalid digest");
  ByteView key;
  if (!GetByteView(info[1], &key)) return ThrowTypeError(isolate, "key must be a buffer");
  if (!hmac->Init(md, key.data, key.size)) {
    // HMAC_Init_ex may fail without queueing an error; node then reports error code 0.
    unsigned long err = TakeOpenSSLError();
    if (err == 0) {
      isolate->ThrowException(
          v8::Exception::Error(OneByteString(isolate, "error:00000000:lib(0)::reason(0)")));
      return;
    }
    isolate->ThrowException(MakeOpenSSLError(isolate, err, nullptr));
  }
}

void HmacUpdate(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  HmacWrap* hmac = UnwrapHmac(info);
  if (hmac == nullptr) return;
  std::string scratch;
  ByteView bytes;
  if (!GetInputBytes(isolate, info[0], info[1]->IsTrue() ? 1 : 0, &scratch, &bytes)) {
    return ThrowTypeError(isolate, "data must be a string or a view");
  }
  info.GetReturnValue().Set(hmac->Update(bytes.data, bytes.size));
}

// digest(encoding, scratchOffset): as Hash's digest.
void HmacDigest(const v8::FunctionCallbackInfo<v8::Value>& info) {
  HmacWrap* hmac = UnwrapHmac(info);
  if (hmac == nullptr) return;
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (!hmac->Final(out, &len)) len = 0;
  int encoding = info[0]->IsInt32() ? info[0].As<v8::Int32>()->Value() : kDigestBuffer;
  info.GetReturnValue().Set(EncodeDigest(hmac->env(), out, len, encoding, info[1]));
}

}  // namespace

void InitHmac(Environment* env, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  v8::Local<v8::FunctionTemplate> tmpl = NewWrapTemplate(isolate, "Hmac", HmacNew);
  SetProtoMethod(isolate, tmpl, "init", HmacInit);
  SetProtoMethod(isolate, tmpl, "update", HmacUpdate);
  SetProtoMethod(isolate, tmpl, "digest", HmacDigest);
  GetCryptoData(env)->hmac_template.Reset(isolate, tmpl);
  SetValue(context, target, "Hmac", tmpl->GetFunction(context).ToLocalChecked());
}

}  // namespace ringjs::crypto
