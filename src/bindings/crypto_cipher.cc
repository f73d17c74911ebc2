// Cipheriv / Decipheriv over EVP_CIPHER_CTX, with node's rules for IVs, AEAD tags (GCM, CCM,
// OCB, ChaCha20-Poly1305), AAD and padding; and getCipherInfo.
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>

#include <climits>
#include <cctype>

#include "bindings/crypto_util.h"

namespace ringjs::crypto {
namespace {

constexpr unsigned kNoAuthTagLength = static_cast<unsigned>(-1);

// A node error thrown from here: class by `type`, with `code` set ({ code } is an own
// enumerable property, as node's C++ errors).
void ThrowCodedError(v8::Isolate* isolate, const char* type, const char* code,
                     const std::string& message) {
  v8::Local<v8::String> msg = Utf8String(isolate, message);
  v8::Local<v8::Value> error = strcmp(type, "TypeError") == 0    ? v8::Exception::TypeError(msg)
                               : strcmp(type, "RangeError") == 0 ? v8::Exception::RangeError(msg)
                                                                 : v8::Exception::Error(msg);
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  USE(error.As<v8::Object>()->Set(context, OneByteString(isolate, "code"),
                                  OneByteString(isolate, code)));
  isolate->ThrowException(error);
}

bool IsValidGCMTagLength(unsigned len) { return len == 4 || len == 8 || (len >= 12 && len <= 16); }

bool IsSupportedAuthenticatedMode(const EVP_CIPHER* cipher) {
  int mode = EVP_CIPHER_get_mode(cipher);
  return mode == EVP_CIPH_CCM_MODE || mode == EVP_CIPH_GCM_MODE || mode == EVP_CIPH_OCB_MODE ||
         EVP_CIPHER_get_nid(cipher) == NID_chacha20_poly1305;
}

class CipherWrap : public CryptoWrap {
 public:
  enum AuthTagState { kAuthTagUnknown, kAuthTagKnown, kAuthTagPassedToOpenSSL };

  CipherWrap(Environment* env, v8::Local<v8::Object> object, bool encrypt)
      : CryptoWrap(env, object), encrypt_(encrypt) {}
  ~CipherWrap() override { EVP_CIPHER_CTX_free(ctx_); }

  // Throws node's error and returns false on failure.
  bool Init(v8::Isolate* isolate, const std::string& name, const ByteView& key,
            const ByteView& iv, bool has_iv_arg, unsigned auth_tag_len) {
    const EVP_CIPHER* cipher = GetCryptoData(env())->Cipher(name);
    if (cipher == nullptr) {
      ThrowCodedError(isolate, "Error", "ERR_CRYPTO_UNKNOWN_CIPHER", "Unknown cipher");
      return false;
    }
    int expected_iv_len = EVP_CIPHER_get_iv_length(cipher);
    bool is_auth = IsSupportedAuthenticatedMode(cipher);
    bool has_iv = has_iv_arg && iv.size > 0;
    if (!has_iv && expected_iv_len != 0) return InvalidIv(isolate);
    if (!is_auth && has_iv && static_cast<int>(iv.size) != expected_iv_len) {
      return InvalidIv(isolate);
    }
    if (EVP_CIPHER_get_nid(cipher) == NID_chacha20_poly1305 && iv.size > 12) {
      return InvalidIv(isolate);
    }
    ctx_ = EVP_CIPHER_CTX_new();
    int mode = EVP_CIPHER_get_mode(cipher);
    if (mode == EVP_CIPH_WRAP_MODE) EVP_CIPHER_CTX_set_flags(ctx_, EVP_CIPHER_CTX_FLAG_WRAP_ALLOW);
    int enc = encrypt_ ? 1 : 0;
    if (EVP_CipherInit_ex(ctx_, cipher, nullptr, nullptr, nullptr, enc) != 1) {
      ThrowOpenSSLError(isolate, "Failed to initialize cipher");
      return false;
    }
    if (is_auth && !InitAuthenticated(isolate, name, static_cast<int>(iv.size), auth_tag_len)) {
      return false;
    }
    if (EVP_CIPHER_CTX_set_key_length(ctx_, static_cast<int>(key.size)) != 1) {
      ERR_clear_error();
      EVP_CIPHER_CTX_free(ctx_);
      ctx_ = nullptr;
      ThrowCodedError(isolate, "RangeError", "ERR_CRYPTO_INVALID_KEYLEN", "Invalid key length");
      return false;
    }
    if (EVP_CipherInit_ex(ctx_, nullptr, nullptr, key.data, has_iv ? iv.data : nullptr, enc) !=
        1) {
      ThrowOpenSSLError(isolate, "Failed to initialize cipher");
      return false;
    }
    return true;
  }

  // Returns false with the state error queued.
  bool Update(const unsigned char* data, size_t len, OutputSink* out) {
    if (ctx_ == nullptr || len > INT_MAX) return false;
    int mode = EVP_CIPHER_CTX_get_mode(ctx_);
    if (mode == EVP_CIPH_CCM_MODE && !CheckCCMMessageLength(len)) return false;
    if (!encrypt_ && IsAuthenticatedMode() && !MaybePassAuthTagToOpenSSL()) return false;
    int block_size = EVP_CIPHER_CTX_get_block_size(ctx_);
    if (len + static_cast<size_t>(block_size) > INT_MAX) return false;
    int buf_len = static_cast<int>(len) + block_size;
    if (encrypt_ && mode == EVP_CIPH_WRAP_MODE &&
        EVP_CipherUpdate(ctx_, nullptr, &buf_len, data, static_cast<int>(len)) != 1) {
      return false;
    }
    unsigned char* room = out->Reserve(static_cast<size_t>(buf_len));
    int r = EVP_CipherUpdate(ctx_, room, &buf_len, data, static_cast<int>(len));
    out->Commit(r == 1 || buf_len > 0 ? static_cast<size_t>(buf_len) : 0);
    if (r != 1 && !encrypt_ && mode == EVP_CIPH_CCM_MODE) {
      // The tag is checked here in CCM; final() reports the failure.
      pending_auth_failed_ = true;
      ERR_clear_error();
      return true;
    }
    return r == 1;
  }

  bool Final(OutputSink* out) {
    if (ctx_ == nullptr) return false;
    int mode = EVP_CIPHER_CTX_get_mode(ctx_);
    int block_size = EVP_CIPHER_CTX_get_block_size(ctx_);
    unsigned char* room = out->Reserve(static_cast<size_t>(block_size));
    if (!encrypt_ && IsAuthenticatedMode()) MaybePassAuthTagToOpenSSL();
    bool ok;
    if (!encrypt_ && mode == EVP_CIPH_CCM_MODE) {
      ok = !pending_auth_failed_;
    } else {
      int out_len = block_size;
      ok = EVP_CipherFinal_ex(ctx_, room, &out_len) == 1;
      out->Commit(out_len > 0 ? static_cast<size_t>(out_len) : 0);
      if (ok && encrypt_ && IsAuthenticatedMode()) {
        if (auth_tag_len_ == kNoAuthTagLength) auth_tag_len_ = sizeof(auth_tag_);
        ok = EVP_CIPHER_CTX_ctrl(ctx_, EVP_CTRL_AEAD_GET_TAG, static_cast<int>(auth_tag_len_),
                                 auth_tag_) == 1;
      }
    }
    EVP_CIPHER_CTX_free(ctx_);
    ctx_ = nullptr;
    return ok;
  }

  bool has_ctx() const { return ctx_ != nullptr; }
  bool encrypt() const { return encrypt_; }

  bool IsAuthenticatedMode() const {
    return ctx_ != nullptr && IsSupportedAuthenticatedMode(EVP_CIPHER_CTX_get0_cipher(ctx_));
  }

  bool SetAutoPadding(bool on) {
    return ctx_ != nullptr && EVP_CIPHER_CTX_set_padding(ctx_, on ? 1 : 0) == 1;
  }

  // undefined (false) unless an encryption finished in an AEAD mode.
  bool GetAuthTag(OutputSink* out) const {
    if (ctx_ != nullptr || !encrypt_ || auth_tag_len_ == 0 || auth_tag_len_ == kNoAuthTagLength) {
      return false;
    }
    memcpy(out->Reserve(auth_tag_len_), auth_tag_, auth_tag_len_);
    out->Commit(auth_tag_len_);
    return true;
  }

  // Returns 1 ok, 0 invalid state, -1 invalid tag length (thrown by the caller).
  int SetAuthTag(const ByteView& tag) {
    if (ctx_ == nullptr || !IsAuthenticatedMode() || encrypt_ ||
        auth_tag_state_ != kAuthTagUnknown) {
      return 0;
    }
    unsigned tag_len = static_cast<unsigned>(tag.size);
    int mode = EVP_CIPHER_CTX_get_mode(ctx_);
    bool is_valid;
    if (mode == EVP_CIPH_GCM_MODE) {
      is_valid = (auth_tag_len_ == kNoAuthTagLength || auth_tag_len_ == tag_len) &&
                 IsValidGCMTagLength(tag_len);
    } else {
      is_valid = auth_tag_len_ == tag_len;
    }
    if (!is_valid) return -1;
    auth_tag_len_ = tag_len;
    auth_tag_state_ = kAuthTagKnown;
    memset(auth_tag_, 0, sizeof(auth_tag_));
    memcpy(auth_tag_, tag.data, tag_len);
    return 1;
  }

  // Returns 1 ok, 0 invalid state, -1 missing plaintextLength (CCM; thrown by the caller).
  int SetAAD(const ByteView& aad, int64_t plaintext_len) {
    if (ctx_ == nullptr || !IsAuthenticatedMode()) return 0;
    int outlen;
    int mode = EVP_CIPHER_CTX_get_mode(ctx_);
    if (mode == EVP_CIPH_CCM_MODE) {
      if (plaintext_len < 0) return -1;
      if (!CheckCCMMessageLength(static_cast<size_t>(plaintext_len))) return 0;
      if (!encrypt_ && !MaybePassAuthTagToOpenSSL()) return 0;
      if (EVP_CipherUpdate(ctx_, nullptr, &outlen, nullptr, static_cast<int>(plaintext_len)) !=
          1) {
        ERR_clear_error();
        return 0;
      }
    }
    static const unsigned char kEmpty = 0;
    bool ok = EVP_CipherUpdate(ctx_, nullptr, &outlen, aad.size == 0 ? &kEmpty : aad.data,
                               static_cast<int>(aad.size)) == 1;
    ERR_clear_error();
    return ok ? 1 : 0;
  }

 private:
  bool InvalidIv(v8::Isolate* isolate) {
    ThrowCodedError(isolate, "TypeError", "ERR_CRYPTO_INVALID_IV", "Invalid initialization vector");
    return false;
  }

  bool InitAuthenticated(v8::Isolate* isolate, const std::string& name, int iv_len,
                         unsigned auth_tag_len) {
    if (EVP_CIPHER_CTX_ctrl(ctx_, EVP_CTRL_AEAD_SET_IVLEN, iv_len, nullptr) != 1) {
      ERR_clear_error();
      return InvalidIv(isolate);
    }
    int mode = EVP_CIPHER_CTX_get_mode(ctx_);
    if (mode == EVP_CIPH_GCM_MODE) {
      if (auth_tag_len != kNoAuthTagLength) {
        if (!IsValidGCMTagLength(auth_tag_len)) return InvalidTag(isolate, auth_tag_len);
        auth_tag_len_ = auth_tag_len;
      }
      return true;
    }
    if (auth_tag_len == kNoAuthTagLength) {
      // ChaCha20-Poly1305 defaults to 16 bytes both ways; CCM and OCB need the option.
      if (EVP_CIPHER_CTX_get_nid(ctx_) == NID_chacha20_poly1305) {
        auth_tag_len = 16;
      } else {
        ThrowCodedError(isolate, "TypeError", "ERR_CRYPTO_INVALID_AUTH_TAG",
                        "authTagLength required for " + name);
        return false;
      }
    }
    if (EVP_CIPHER_CTX_ctrl(ctx_, EVP_CTRL_AEAD_SET_TAG, static_cast<int>(auth_tag_len),
                            nullptr) != 1) {
      ERR_clear_error();
      return InvalidTag(isolate, auth_tag_len);
    }
    auth_tag_len_ = auth_tag_len;
    if (mode == EVP_CIPH_CCM_MODE) {
      max_message_size_ = INT_MAX;
      if (iv_len == 12) max_message_size_ = 16777215;
      if (iv_len == 13) max_message_size_ = 65535;
    }
    return true;
  }

  bool InvalidTag(v8::Isolate* isolate, unsigned len) {
    ThrowCodedError(isolate, "TypeError", "ERR_CRYPTO_INVALID_AUTH_TAG",
                    "Invalid authentication tag length: " + std::to_string(len));
    return false;
  }

  bool CheckCCMMessageLength(size_t len) const { return len <= max_message_size_; }

  bool MaybePassAuthTagToOpenSSL() {
    if (auth_tag_state_ == kAuthTagKnown) {
      if (EVP_CIPHER_CTX_ctrl(ctx_, EVP_CTRL_AEAD_SET_TAG, static_cast<int>(auth_tag_len_),
                              auth_tag_) != 1) {
        return false;
      }
      auth_tag_state_ = kAuthTagPassedToOpenSSL;
    }
    return true;
  }

  EVP_CIPHER_CTX* ctx_ = nullptr;
  bool encrypt_;
  bool pending_auth_failed_ = false;
  AuthTagState auth_tag_state_ = kAuthTagUnknown;
  unsigned auth_tag_len_ = kNoAuthTagLength;
  unsigned char auth_tag_[EVP_GCM_TLS_TAG_LEN] = {};
  size_t max_message_size_ = INT_MAX;
};

CipherWrap* UnwrapCipher(const v8::FunctionCallbackInfo<v8::Value>& info) {
  return static_cast<CipherWrap*>(info.This()->GetAlignedPointerFromInternalField(0));
}

// new CipherBase(encrypt)
void CipherNew(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!info.IsConstructCall()) {
    return ThrowTypeError(info.GetIsolate(), "CipherBase must be constructed");
  }
  new CipherWrap(Environment::From(info), info.This(), info[0]->IsTrue());
}

// initiv(cipher, key, iv | null, authTagLength | -1)
void CipherInitIv(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  CipherWrap* cipher = UnwrapCipher(info);
  if (cipher == nullptr || cipher->has_ctx()) return;
  ByteView key;
  ByteView iv;
  if (!GetByteView(info[1], &key)) return ThrowTypeError(isolate, "key must be a buffer");
  bool has_iv = !info[2]->IsNull() && !info[2]->IsUndefined();
  if (has_iv && !GetByteView(info[2], &iv)) return ThrowTypeError(isolate, "iv must be a buffer");
  unsigned auth_tag_len = kNoAuthTagLength;
  if (info[3]->IsNumber() && info[3].As<v8::Number>()->Value() >= 0) {
    auth_tag_len = static_cast<unsigned>(info[3].As<v8::Number>()->Value());
  }
  cipher->Init(isolate, ToStdString(isolate, info[0]), key, iv, has_iv, auth_tag_len);
}

// update(data, isLatin1, scratchOffset) -> byte count in the scratch or Uint8Array (OutputSink);
// throws in a wrong state.
void CipherUpdate(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  CipherWrap* cipher = UnwrapCipher(info);
  if (cipher == nullptr) return;
  std::string scratch;
  ByteView data;
  if (!GetInputBytes(isolate, info[0], info[1]->IsTrue() ? 1 : 0, &scratch, &data)) {
    return ThrowTypeError(isolate, "data must be a string or a view");
  }
  OutputSink out(cipher->env(), info[2]);
  if (!cipher->Update(data.data, data.size, &out)) {
    return ThrowOpenSSLError(isolate, "Trying to add data in unsupported state");
  }
  info.GetReturnValue().Set(out.Result(isolate));
}

// final(scratchOffset), getAuthTag(scratchOffset): as update.
void CipherFinal(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  CipherWrap* cipher = UnwrapCipher(info);
  if (cipher == nullptr) return;
  if (!cipher->has_ctx()) {
    return ThrowCodedError(isolate, "Error", "ERR_CRYPTO_INVALID_STATE", "Invalid state");
  }
  bool is_auth = cipher->IsAuthenticatedMode();
  OutputSink out(cipher->env(), info[0]);
  if (!cipher->Final(&out)) {
    return ThrowOpenSSLError(isolate, is_auth ? "Unsupported state or unable to authenticate data"
                                              : "Unsupported state");
  }
  info.GetReturnValue().Set(out.Result(isolate));
}

void CipherSetAutoPadding(const v8::FunctionCallbackInfo<v8::Value>& info) {
  CipherWrap* cipher = UnwrapCipher(info);
  if (cipher == nullptr) return;
  info.GetReturnValue().Set(cipher->SetAutoPadding(info[0]->IsTrue()));
}

void CipherGetAuthTag(const v8::FunctionCallbackInfo<v8::Value>& info) {
  CipherWrap* cipher = UnwrapCipher(info);
  if (cipher == nullptr) return;
  OutputSink out(cipher->env(), info[0]);
  if (cipher->GetAuthTag(&out)) info.GetReturnValue().Set(out.Result(info.GetIsolate()));
}

void CipherSetAuthTag(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  CipherWrap* cipher = UnwrapCipher(info);
  if (cipher == nullptr) return;
  ByteView tag;
  if (!GetByteView(info[0], &tag)) return ThrowTypeError(isolate, "tag must be a buffer");
  int r = cipher->SetAuthTag(tag);
  if (r < 0) {
    return ThrowCodedError(isolate, "TypeError", "ERR_CRYPTO_INVALID_AUTH_TAG",
                           "Invalid authentication tag length: " + std::to_string(tag.size));
  }
  info.GetReturnValue().Set(r == 1);
}

// setAAD(aad, plaintextLength | -1)
void CipherSetAAD(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  CipherWrap* cipher = UnwrapCipher(info);
  if (cipher == nullptr) return;
  ByteView aad;
  if (!GetByteView(info[0], &aad)) return ThrowTypeError(isolate, "aad must be a buffer");
  int64_t plaintext_len = info[1]->IsNumber()
                              ? static_cast<int64_t>(info[1].As<v8::Number>()->Value())
                              : -1;
  int r = cipher->SetAAD(aad, plaintext_len);
  if (r < 0) {
    return ThrowCodedError(isolate, "TypeError", "ERR_MISSING_ARGS",
                           "options.plaintextLength required for CCM mode with AAD");
  }
  info.GetReturnValue().Set(r == 1);
}

const char* ModeName(int mode) {
  switch (mode) {
    case EVP_CIPH_CCM_MODE: return "ccm";
    case EVP_CIPH_CFB_MODE: return "cfb";
    case EVP_CIPH_CBC_MODE: return "cbc";
    case EVP_CIPH_CTR_MODE: return "ctr";
    case EVP_CIPH_ECB_MODE: return "ecb";
    case EVP_CIPH_GCM_MODE: return "gcm";
    case EVP_CIPH_OCB_MODE: return "ocb";
    case EVP_CIPH_OFB_MODE: return "ofb";
    case EVP_CIPH_STREAM_CIPHER: return "stream";
    case EVP_CIPH_WRAP_MODE: return "wrap";
    case EVP_CIPH_XTS_MODE: return "xts";
    default: return nullptr;
  }
}

// getCipherInfo(nameOrNid, keyLength | -1, ivLength | -1) -> info object or undefined.
void GetCipherInfo(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  const EVP_CIPHER* cipher;
  if (info[0]->IsString()) {
    cipher = GetCryptoData(Environment::From(info))->Cipher(ToStdString(isolate, info[0]));
  } else {
    int nid = static_cast<int>(info[0]->Int32Value(context).FromMaybe(0));
    cipher = EVP_get_cipherbynid(nid);
  }
  if (cipher == nullptr) return;
  int iv_length = EVP_CIPHER_get_iv_length(cipher);
  int key_length = EVP_CIPHER_get_key_length(cipher);
  int block_length = EVP_CIPHER_get_block_size(cipher);
  int mode = EVP_CIPHER_get_mode(cipher);
  int want_key = info[1]->Int32Value(context).FromMaybe(-1);
  int want_iv = info[2]->Int32Value(context).FromMaybe(-1);
  if (want_key >= 0 || want_iv >= 0) {
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    bool ok = EVP_CipherInit_ex(ctx, cipher, nullptr, nullptr, nullptr, 1) == 1;
    if (ok && want_key >= 0 && want_key != key_length) {
      ok = EVP_CIPHER_CTX_set_key_length(ctx, want_key) == 1;
      if (ok) key_length = want_key;
    }
    if (ok && want_iv >= 0 && want_iv != iv_length) {
      // Only AEAD modes take another IV length, each within its own bounds.
      switch (mode) {
        case EVP_CIPH_CCM_MODE:
          ok = want_iv >= 7 && want_iv <= 13;
          break;
        case EVP_CIPH_GCM_MODE:
          ok = want_iv > 0;
          break;
        case EVP_CIPH_OCB_MODE:
          ok = EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_IVLEN, want_iv, nullptr) == 1;
          break;
        default:
          ok = false;
      }
      if (ok) iv_length = want_iv;
    }
    EVP_CIPHER_CTX_free(ctx);
    ERR_clear_error();
    if (!ok) return;
  }
  v8::Local<v8::Object> result = v8::Object::New(isolate);
  const char* mode_name = ModeName(mode);
  if (mode_name != nullptr) SetValue(context, result, "mode", OneByteString(isolate, mode_name));
  std::string name = OBJ_nid2sn(EVP_CIPHER_get_nid(cipher));
  for (char& ch : name) ch = static_cast<char>(tolower(static_cast<unsigned char>(ch)));
  SetValue(context, result, "name", Utf8String(isolate, name));
  SetValue(context, result, "nid", v8::Integer::New(isolate, EVP_CIPHER_get_nid(cipher)));
  if (mode != EVP_CIPH_STREAM_CIPHER) {
    SetValue(context, result, "blockSize", v8::Integer::New(isolate, block_length));
  }
  if (iv_length != 0) SetValue(context, result, "ivLength", v8::Integer::New(isolate, iv_length));
  SetValue(context, result, "keyLength", v8::Integer::New(isolate, key_length));
  info.GetReturnValue().Set(result);
}

}  // namespace

void InitCipher(Environment* env, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  v8::Local<v8::FunctionTemplate> tmpl = NewWrapTemplate(isolate, "CipherBase", CipherNew);
  SetProtoMethod(isolate, tmpl, "initiv", CipherInitIv);
  SetProtoMethod(isolate, tmpl, "update", CipherUpdate);
  SetProtoMethod(isolate, tmpl, "final", CipherFinal);
  SetProtoMethod(isolate, tmpl, "setAutoPadding", CipherSetAutoPadding);
  SetProtoMethod(isolate, tmpl, "getAuthTag", CipherGetAuthTag);
  SetProtoMethod(isolate, tmpl, "setAuthTag", CipherSetAuthTag);
  SetProtoMethod(isolate, tmpl, "setAAD", CipherSetAAD);
  GetCryptoData(env)->cipher_template.Reset(isolate, tmpl);
  SetValue(context, target, "CipherBase", tmpl->GetFunction(context).ToLocalChecked());
  SetMethod(context, target, "getCipherInfo", GetCipherInfo);
}

}  // namespace ringjs::crypto
