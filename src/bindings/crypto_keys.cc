// Keys: KeyObjectHandle (a secret, or an EVP_PKEY parsed from PEM/DER, or generated), its
// export and details; sign/verify (one-shot and the Sign/Verify digest objects); key pair
// generation (inline, or on the thread pool). JS (internal/crypto/keys.js, sig.js) validates
// options; here OpenSSL does the work and its errors are thrown as node shapes them.
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/param_build.h>
#include <openssl/x509.h>

#include "bindings/crypto_ed25519.h"
#include "bindings/crypto_util.h"

namespace ringjs::crypto {
namespace {

enum KeyKind { kKindSecret = 0, kKindPublic = 1, kKindPrivate = 2 };

struct PkeyDeleter {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

struct BioDeleter {
  void operator()(BIO* b) const { BIO_free_all(b); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

void ThrowCoded(v8::Isolate* isolate, bool type_error, const char* code, const char* message) {
  v8::Local<v8::String> msg = OneByteString(isolate, message);
  v8::Local<v8::Value> error =
      type_error ? v8::Exception::TypeError(msg) : v8::Exception::Error(msg);
  USE(error.As<v8::Object>()->Set(isolate->GetCurrentContext(), OneByteString(isolate, "code"),
                                  OneByteString(isolate, code)));
  isolate->ThrowException(error);
}

// What a signature context was set up for (SigContext): the operation, digest and RSA options.
struct SigContextParams {
  int op = 0;
  const EVP_MD* md = nullptr;
  int padding = 0;
  int salt_length = 0;
  bool has_salt = false;
  bool operator==(const SigContextParams& o) const {
    return op == o.op && md == o.md && padding == o.padding && has_salt == o.has_salt &&
           salt_length == o.salt_length;
  }
};

class KeyHandle : public CryptoWrap {
 public:
  KeyHandle(Environment* env, v8::Local<v8::Object> object) : CryptoWrap(env, object) {}
  ~KeyHandle() override {
    if (!secret_.empty()) OPENSSL_cleanse(secret_.data(), secret_.size());
    DropSigContext();
  }

  KeyKind kind() const { return kind_; }
  EVP_PKEY* pkey() const { return pkey_.get(); }
  const std::vector<unsigned char>& secret() const { return secret_; }

  void SetSecret(const unsigned char* data, size_t size) {
    kind_ = kKindSecret;
    secret_.assign(data, data + size);
  }
  void SetPkey(KeyKind kind, PkeyPtr pkey) {
    DropSigContext();
    ed25519_.reset();
    ed25519_tried_ = false;
    ed25519_public_state_ = kUnknown;
    kind_ = kind;
    pkey_ = std::move(pkey);
  }

  // The signature context the key's last createSign/createVerify call used (loop thread only),
  // if it was set up with params, else null.
  EVP_PKEY_CTX* SigContextFor(const SigContextParams& params) const {
    return sig_ctx_ != nullptr && sig_params_ == params ? sig_ctx_ : nullptr;
  }
  void KeepSigContext(EVP_PKEY_CTX* ctx, const SigContextParams& params) {
    DropSigContext();
    sig_ctx_ = ctx;
    sig_params_ = params;
  }
  void DropSigContext() {
    EVP_PKEY_CTX_free(sig_ctx_);
    sig_ctx_ = nullptr;
  }

  // The key's Ed25519 signing material (derived on first use), or null if it is no Ed25519
  // private key.
  const Ed25519Signer* ed25519_signer(const EVP_MD* sha512) {
    if (!ed25519_tried_ && kind_ == kKindPrivate && pkey_ != nullptr &&
        EVP_PKEY_get_id(pkey_.get()) == EVP_PKEY_ED25519) {
      auto signer = std::make_unique<Ed25519Signer>();
      if (PrepareEd25519Signer(pkey_.get(), sha512, signer.get())) ed25519_ = std::move(signer);
    }
    ed25519_tried_ = true;
    return ed25519_.get();
  }

  // The key's raw Ed25519 public key (read once), or null if it is no Ed25519 key.
  const unsigned char* ed25519_public_key() {
    if (ed25519_public_state_ == kUnknown) {
      size_t size = sizeof(ed25519_public_);
      bool ok = kind_ != kKindSecret && pkey_ != nullptr &&
                EVP_PKEY_get_id(pkey_.get()) == EVP_PKEY_ED25519 &&
                EVP_PKEY_get_raw_public_key(pkey_.get(), ed25519_public_, &size) == 1 &&
                size == sizeof(ed25519_public_);
      ERR_clear_error();
      ed25519_public_state_ = ok ? kKnown : kNone;
    }
    return ed25519_public_state_ == kKnown ? ed25519_public_ : nullptr;
  }

 private:
  std::unique_ptr<Ed25519Signer> ed25519_;
  bool ed25519_tried_ = false;
  enum { kUnknown, kKnown, kNone } ed25519_public_state_ = kUnknown;
  unsigned char ed25519_public_[32];
  EVP_PKEY_CTX* sig_ctx_ = nullptr;
  SigContextParams sig_params_;
  KeyKind kind_ = kKindSecret;
  std::vector<unsigned char> secret_;
  PkeyPtr pkey_;
};

v8::Local<v8::FunctionTemplate> KeyTemplate(Environment* env) {
  return GetCryptoData(env)->key_template.Get(env->isolate());
}

KeyHandle* UnwrapKey(Environment* env, v8::Local<v8::Value> value) {
  return CryptoWrap::Unwrap<KeyHandle>(env->isolate(), KeyTemplate(env), value);
}

// A new KeyObjectHandle JS object holding pkey.
v8::MaybeLocal<v8::Object> NewKeyHandle(Environment* env, KeyKind kind, PkeyPtr pkey) {
  v8::Local<v8::Function> ctor;
  v8::Local<v8::Object> obj;
  if (!KeyTemplate(env)->GetFunction(env->context()).ToLocal(&ctor) ||
      !ctor->NewInstance(env->context()).ToLocal(&obj)) {
    return {};
  }
  KeyHandle* key = static_cast<KeyHandle*>(obj->GetAlignedPointerFromInternalField(0));
  key->SetPkey(kind, std::move(pkey));
  return obj;
}

void KeyNew(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!info.IsConstructCall()) {
    return ThrowTypeError(info.GetIsolate(), "KeyObjectHandle must be constructed");
  }
  new KeyHandle(Environment::From(info), info.This());
}

// ---- parsing ----

struct Passphrase {
  bool present = false;
  std::vector<unsigned char> bytes;
};

int PasswordCallback(char* buf, int size, int, void* u) {
  const Passphrase* pass = static_cast<const Passphrase*>(u);
  if (pass == nullptr || !pass->present) return -1;
  size_t len = pass->bytes.size();
  if (len > static_cast<size_t>(size)) return -1;
  if (len > 0) memcpy(buf, pass->bytes.data(), len);
  return static_cast<int>(len);
}

enum class ParseResult { kOk, kNotRecognized, kNeedPassphrase, kFailed };

// True if the DER is an EncryptedPrivateKeyInfo (an outer SEQUENCE whose first element is a
// SEQUENCE, where a PrivateKeyInfo starts with an INTEGER version).
bool IsEncryptedPrivateKeyInfo(const unsigned char* data, size_t size) {
  if (size < 2 || data[0] != 0x30) return false;
  size_t offset = 1;
  unsigned char len_byte = data[offset++];
  if (len_byte & 0x80) {
    size_t n = len_byte & 0x7f;
    if (n == 0 || n > 4 || offset + n > size) return false;
    offset += n;
  }
  return offset < size && data[offset] == 0x30;
}

// An RSAPrivateKey starts with a one-byte INTEGER version (0 or 1); an RSAPublicKey with the
// modulus.
bool IsRSAPrivateKey(const unsigned char* data, size_t size) {
  if (size < 2 || data[0] != 0x30) return false;
  size_t offset = 1;
  unsigned char len_byte = data[offset++];
  if (len_byte & 0x80) {
    size_t n = len_byte & 0x7f;
    if (n == 0 || n > 4 || offset + n > size) return false;
    offset += n;
  }
  return offset + 3 <= size && data[offset] == 2 && data[offset + 1] == 1 &&
         !(data[offset + 2] & 0xfe);
}

ParseResult ParsePrivate(const unsigned char* data, size_t size, bool pem,
                         const std::string& type, const Passphrase& pass, PkeyPtr* out) {
  ERR_clear_error();
  EVP_PKEY* pkey = nullptr;
  if (pem) {
    BioPtr bio(BIO_new_mem_buf(data, static_cast<int>(size)));
    pkey = PEM_read_bio_PrivateKey(bio.get(), nullptr, PasswordCallback,
                                   const_cast<Passphrase*>(&pass));
  } else if (type == "pkcs1") {
    const unsigned char* p = data;
    pkey = d2i_PrivateKey(EVP_PKEY_RSA, nullptr, &p, static_cast<long>(size));
  } else if (type == "sec1") {
    const unsigned char* p = data;
    pkey = d2i_PrivateKey(EVP_PKEY_EC, nullptr, &p, static_cast<long>(size));
  } else {
    BioPtr bio(BIO_new_mem_buf(data, static_cast<int>(size)));
    if (IsEncryptedPrivateKeyInfo(data, size)) {
      pkey = d2i_PKCS8PrivateKey_bio(bio.get(), nullptr, PasswordCallback,
                                     const_cast<Passphrase*>(&pass));
    } else {
      PKCS8_PRIV_KEY_INFO* p8 = d2i_PKCS8_PRIV_KEY_INFO_bio(bio.get(), nullptr);
      if (p8 != nullptr) {
        pkey = EVP_PKCS82PKEY(p8);
        PKCS8_PRIV_KEY_INFO_free(p8);
      }
    }
  }
  // OpenSSL can fail yet return a key.
  unsigned long err = ERR_peek_error();
  if (err != 0 && pkey != nullptr) {
    EVP_PKEY_free(pkey);
    pkey = nullptr;
  }
  if (pkey != nullptr) {
    out->reset(pkey);
    return ParseResult::kOk;
  }
  if (ERR_GET_LIB(err) == ERR_LIB_PEM && ERR_GET_REASON(err) == PEM_R_BAD_PASSWORD_READ &&
      !pass.present) {
    return ParseResult::kNeedPassphrase;
  }
  return ParseResult::kFailed;
}

template <typename F>
ParseResult TryParsePublicPem(BIO* bio, const char* name, F parse, PkeyPtr* out) {
  unsigned char* der = nullptr;
  long der_len = 0;
  {
    // A failed PEM_bytes_read_bio only means "not this kind"; keep the queue clean.
    if (PEM_bytes_read_bio(&der, &der_len, nullptr, name, bio, nullptr, nullptr) != 1) {
      ERR_clear_error();
      return ParseResult::kNotRecognized;
    }
  }
  const unsigned char* p = der;
  EVP_PKEY* pkey = parse(&p, der_len);
  OPENSSL_clear_free(der, der_len);
  if (pkey == nullptr) return ParseResult::kFailed;
  out->reset(pkey);
  return ParseResult::kOk;
}

ParseResult ParsePublicPem(const unsigned char* data, size_t size, PkeyPtr* out) {
  ERR_clear_error();
  BioPtr bio(BIO_new_mem_buf(data, static_cast<int>(size)));
  ParseResult r = TryParsePublicPem(
      bio.get(), "PUBLIC KEY",
      [](const unsigned char** p, long l) { return d2i_PUBKEY(nullptr, p, l); }, out);
  if (r != ParseResult::kNotRecognized) return r;
  BIO_reset(bio.get());
  r = TryParsePublicPem(
      bio.get(), "RSA PUBLIC KEY",
      [](const unsigned char** p, long l) { return d2i_PublicKey(EVP_PKEY_RSA, nullptr, p, l); },
      out);
  if (r != ParseResult::kNotRecognized) return r;
  BIO_reset(bio.get());
  return TryParsePublicPem(
      bio.get(), "CERTIFICATE",
      [](const unsigned char** p, long l) -> EVP_PKEY* {
        X509* x509 = d2i_X509(nullptr, p, l);
        if (x509 == nullptr) return nullptr;
        EVP_PKEY* pkey = X509_get_pubkey(x509);
        X509_free(x509);
        return pkey;
      },
      out);
}

ParseResult ParsePublicDer(const unsigned char* data, size_t size, const std::string& type,
                           PkeyPtr* out) {
  ERR_clear_error();
  const unsigned char* p = data;
  EVP_PKEY* pkey = type == "pkcs1"
                       ? d2i_PublicKey(EVP_PKEY_RSA, nullptr, &p, static_cast<long>(size))
                       : d2i_PUBKEY(nullptr, &p, static_cast<long>(size));
  if (pkey == nullptr) return ParseResult::kFailed;
  out->reset(pkey);
  return ParseResult::kOk;
}

bool ReadPassphrase(v8::Local<v8::Value> value, Passphrase* pass) {
  if (value->IsUndefined() || value->IsNull()) return true;
  ByteView view;
  if (!GetByteView(value, &view)) return false;
  pass->present = true;
  pass->bytes.assign(view.data, view.data + view.size);
  return true;
}

// init(kind, data, format 'pem' | 'der', type, passphrase): throws on failure.
void KeyInit(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Environment* env = Environment::From(info);
  KeyHandle* key = UnwrapKey(env, info.This());
  if (key == nullptr) return;
  int kind = info[0]->Int32Value(env->context()).FromMaybe(-1);
  // Another handle: its key under this kind (the public half of a private key).
  if (KeyHandle* other = UnwrapKey(env, info[1])) {
    if (other->pkey() == nullptr) return ThrowTypeError(isolate, "not an asymmetric key");
    EVP_PKEY_up_ref(other->pkey());
    key->SetPkey(static_cast<KeyKind>(kind), PkeyPtr(other->pkey()));
    return;
  }
  ByteView data;
  if (!GetByteView(info[1], &data)) return ThrowTypeError(isolate, "key data must be a buffer");
  if (kind == kKindSecret) {
    key->SetSecret(data.data, data.size);
    return;
  }
  bool pem = ToStdString(isolate, info[2]) != "der";
  std::string type = info[3]->IsString() ? ToStdString(isolate, info[3]) : std::string();
  Passphrase pass;
  if (!ReadPassphrase(info[4], &pass)) return ThrowTypeError(isolate, "bad passphrase");
  PkeyPtr pkey;
  ParseResult r;
  if (kind == kKindPrivate) {
    r = ParsePrivate(data.data, data.size, pem, type, pass, &pkey);
  } else {
    // A public key; a private key is accepted too (its public half is used), as node.
    if (pem) {
      r = ParsePublicPem(data.data, data.size, &pkey);
      if (r == ParseResult::kNotRecognized) {
        r = ParsePrivate(data.data, data.size, true, type, pass, &pkey);
      }
    } else if (type == "pkcs8" || type == "sec1" ||
               (type == "pkcs1" && IsRSAPrivateKey(data.data, data.size))) {
      r = ParsePrivate(data.data, data.size, false, type, pass, &pkey);
    } else {
      r = ParsePublicDer(data.data, data.size, type, &pkey);
    }
  }
  switch (r) {
    case ParseResult::kOk:
      key->SetPkey(static_cast<KeyKind>(kind), std::move(pkey));
      return;
    case ParseResult::kNeedPassphrase:
      ERR_clear_error();
      return ThrowCoded(isolate, true, "ERR_MISSING_PASSPHRASE",
                        "Passphrase required for encrypted key");
    default:
      return ThrowOpenSSLError(isolate, kind == kKindPrivate ? "Failed to read private key"
                                                             : "Failed to read asymmetric key");
  }
}

// ---- JWK import ----

// A key from OSSL_PARAMs (EVP_PKEY_fromdata); nullptr on failure.
PkeyPtr KeyFromParams(const char* type, bool priv, OSSL_PARAM_BLD* bld) {
  OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(bld);
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr);
  EVP_PKEY* pkey = nullptr;
  bool ok = params != nullptr && ctx != nullptr && EVP_PKEY_fromdata_init(ctx) == 1 &&
            EVP_PKEY_fromdata(ctx, &pkey, priv ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY,
                              params) == 1;
  EVP_PKEY_CTX_free(ctx);
  OSSL_PARAM_free(params);
  if (!ok) {
    EVP_PKEY_free(pkey);
    return nullptr;
  }
  return PkeyPtr(pkey);
}

bool PushBn(OSSL_PARAM_BLD* bld, const char* name, v8::Local<v8::Value> value,
            std::vector<BIGNUM*>* keep) {
  ByteView view;
  if (!GetByteView(value, &view)) return false;
  BIGNUM* bn = BN_bin2bn(view.data, static_cast<int>(view.size), nullptr);
  if (bn == nullptr) return false;
  keep->push_back(bn);
  return OSSL_PARAM_BLD_push_BN(bld, name, bn) == 1;
}

// initJwkRsa(kind, n, e[, d, p, q, dp, dq, qi]) -> bool (members already base64url-decoded).
void KeyInitJwkRsa(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  KeyHandle* key = UnwrapKey(env, info.This());
  if (key == nullptr) return;
  int kind = info[0]->Int32Value(env->context()).FromMaybe(kKindPublic);
  bool priv = kind == kKindPrivate;
  OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
  std::vector<BIGNUM*> keep;
  bool ok = bld != nullptr && PushBn(bld, OSSL_PKEY_PARAM_RSA_N, info[1], &keep) &&
            PushBn(bld, OSSL_PKEY_PARAM_RSA_E, info[2], &keep);
  if (ok && priv) {
    ok = PushBn(bld, OSSL_PKEY_PARAM_RSA_D, info[3], &keep) &&
         PushBn(bld, OSSL_PKEY_PARAM_RSA_FACTOR1, info[4], &keep) &&
         PushBn(bld, OSSL_PKEY_PARAM_RSA_FACTOR2, info[5], &keep) &&
         PushBn(bld, OSSL_PKEY_PARAM_RSA_EXPONENT1, info[6], &keep) &&
         PushBn(bld, OSSL_PKEY_PARAM_RSA_EXPONENT2, info[7], &keep) &&
         PushBn(bld, OSSL_PKEY_PARAM_RSA_COEFFICIENT1, info[8], &keep);
  }
  PkeyPtr pkey;
  if (ok) pkey = KeyFromParams("RSA", priv, bld);
  OSSL_PARAM_BLD_free(bld);
  for (BIGNUM* bn : keep) BN_clear_free(bn);
  ERR_clear_error();
  if (!pkey) return info.GetReturnValue().Set(false);
  key->SetPkey(static_cast<KeyKind>(kind), std::move(pkey));
  info.GetReturnValue().Set(true);
}

// initJwkEc(kind, curve ('P-256'...), x, y[, d]) -> bool
void KeyInitJwkEc(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Environment* env = Environment::From(info);
  KeyHandle* key = UnwrapKey(env, info.This());
  if (key == nullptr) return;
  int kind = info[0]->Int32Value(env->context()).FromMaybe(kKindPublic);
  bool priv = kind == kKindPrivate;
  std::string crv = ToStdString(isolate, info[1]);
  int nid = crv == "secp256k1" ? NID_secp256k1 : EC_curve_nist2nid(crv.c_str());
  ByteView x;
  ByteView y;
  if (nid == NID_undef || !GetByteView(info[2], &x) || !GetByteView(info[3], &y)) {
    return info.GetReturnValue().Set(false);
  }
  size_t degree = 0;
  {
    EC_GROUP* group = EC_GROUP_new_by_curve_name(nid);
    if (group != nullptr) degree = (EC_GROUP_get_degree(group) + 7) / 8;
    EC_GROUP_free(group);
  }
  if (degree == 0 || x.size != degree || y.size != degree) {
    ERR_clear_error();
    return info.GetReturnValue().Set(false);
  }
  std::vector<unsigned char> point(1 + 2 * degree);
  point[0] = POINT_CONVERSION_UNCOMPRESSED;
  memcpy(point.data() + 1, x.data, degree);
  memcpy(point.data() + 1 + degree, y.data, degree);
  OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
  std::vector<BIGNUM*> keep;
  bool ok = bld != nullptr &&
            OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, OBJ_nid2sn(nid),
                                            0) == 1 &&
            OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, point.data(),
                                             point.size()) == 1;
  if (ok && priv) ok = PushBn(bld, OSSL_PKEY_PARAM_PRIV_KEY, info[4], &keep);
  PkeyPtr pkey;
  if (ok) pkey = KeyFromParams("EC", priv, bld);
  OSSL_PARAM_BLD_free(bld);
  for (BIGNUM* bn : keep) BN_clear_free(bn);
  // The point must be on the curve (and match the private key).
  if (pkey) {
    EVP_PKEY_CTX* check = EVP_PKEY_CTX_new(pkey.get(), nullptr);
    bool valid = check != nullptr && (priv ? EVP_PKEY_pairwise_check(check)
                                           : EVP_PKEY_public_check(check)) == 1;
    EVP_PKEY_CTX_free(check);
    if (!valid) pkey.reset();
  }
  ERR_clear_error();
  if (!pkey) return info.GetReturnValue().Set(false);
  key->SetPkey(static_cast<KeyKind>(kind), std::move(pkey));
  info.GetReturnValue().Set(true);
}

// initRaw(kind, 'Ed25519' | 'Ed448' | 'X25519' | 'X448', bytes) -> bool
void KeyInitRaw(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Environment* env = Environment::From(info);
  KeyHandle* key = UnwrapKey(env, info.This());
  if (key == nullptr) return;
  int kind = info[0]->Int32Value(env->context()).FromMaybe(kKindPublic);
  std::string crv = ToStdString(isolate, info[1]);
  int id = crv == "Ed25519" ? EVP_PKEY_ED25519
           : crv == "Ed448" ? EVP_PKEY_ED448
           : crv == "X25519" ? EVP_PKEY_X25519
           : crv == "X448" ? EVP_PKEY_X448
                            : NID_undef;
  ByteView bytes;
  if (id == NID_undef || !GetByteView(info[2], &bytes)) return info.GetReturnValue().Set(false);
  EVP_PKEY* pkey = kind == kKindPrivate
                       ? EVP_PKEY_new_raw_private_key(id, nullptr, bytes.data, bytes.size)
                       : EVP_PKEY_new_raw_public_key(id, nullptr, bytes.data, bytes.size);
  ERR_clear_error();
  if (pkey == nullptr) return info.GetReturnValue().Set(false);
  key->SetPkey(static_cast<KeyKind>(kind), PkeyPtr(pkey));
  info.GetReturnValue().Set(true);
}

const char* AsymmetricKeyType(EVP_PKEY* pkey) {
  switch (EVP_PKEY_get_id(pkey)) {
    case EVP_PKEY_RSA: return "rsa";
    case EVP_PKEY_RSA_PSS: return "rsa-pss";
    case EVP_PKEY_DSA: return "dsa";
    case EVP_PKEY_DH: return "dh";
    case EVP_PKEY_EC: return "ec";
    case EVP_PKEY_ED25519: return "ed25519";
    case EVP_PKEY_ED448: return "ed448";
    case EVP_PKEY_X25519: return "x25519";
    case EVP_PKEY_X448: return "x448";
    default: return nullptr;
  }
}

void KeyGetAsymmetricKeyType(const v8::FunctionCallbackInfo<v8::Value>& info) {
  KeyHandle* key = UnwrapKey(Environment::From(info), info.This());
  if (key == nullptr || key->pkey() == nullptr) return;
  const char* type = AsymmetricKeyType(key->pkey());
  if (type != nullptr) info.GetReturnValue().Set(OneByteString(info.GetIsolate(), type));
}

// checkEcKeyData(): false if an EC key's point is off its curve or its private scalar is out
// of range or does not match the point (webcrypto refuses such keys with DataError).
void KeyCheckEcKeyData(const v8::FunctionCallbackInfo<v8::Value>& info) {
  KeyHandle* key = UnwrapKey(Environment::From(info), info.This());
  if (key == nullptr || key->pkey() == nullptr) return;
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_pkey(nullptr, key->pkey(), nullptr);
  bool ok = false;
  if (ctx != nullptr) {
    ok = (key->kind() == kKindPrivate ? EVP_PKEY_check(ctx) : EVP_PKEY_public_check(ctx)) == 1;
    EVP_PKEY_CTX_free(ctx);
  }
  ERR_clear_error();
  info.GetReturnValue().Set(ok);
}

// A restricted RSA-PSS key's parameters under node's names (digests by long name, 'sha256').
void SetPssDetails(v8::Local<v8::Context> context, EVP_PKEY* pkey, v8::Local<v8::Object> result) {
  v8::Isolate* isolate = context->GetIsolate();
  // OpenSSL leaves out parameters equal to the PSS defaults (SHA-1, MGF1 over SHA-1, salt 20).
  auto get_digest = [&](const char* param) -> const char* {
    char name[80];
    size_t len = 0;
    if (EVP_PKEY_get_utf8_string_param(pkey, param, name, sizeof(name), &len) != 1) {
      return nullptr;
    }
    const EVP_MD* md = EVP_get_digestbyname(name);
    return md == nullptr ? nullptr : OBJ_nid2ln(EVP_MD_get_type(md));
  };
  const char* md = get_digest(OSSL_PKEY_PARAM_RSA_DIGEST);
  const char* mgf1_md = get_digest(OSSL_PKEY_PARAM_RSA_MGF1_DIGEST);
  int salt = -1;
  bool has_salt = EVP_PKEY_get_int_param(pkey, OSSL_PKEY_PARAM_RSA_PSS_SALTLEN, &salt) == 1;
  if (md == nullptr && mgf1_md == nullptr && !has_salt) return;  // Unrestricted key.
  SetValue(context, result, "hashAlgorithm", OneByteString(isolate, md ? md : "sha1"));
  SetValue(context, result, "mgf1HashAlgorithm",
           OneByteString(isolate, mgf1_md ? mgf1_md : "sha1"));
  SetValue(context, result, "saltLength", v8::Integer::New(isolate, has_salt ? salt : 20));
}

// keyDetail() -> { modulusLength, publicExponent (bytes, big-endian), divisorLength,
// namedCurve }
void KeyDetail(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Environment* env = Environment::From(info);
  v8::Local<v8::Context> context = env->context();
  KeyHandle* key = UnwrapKey(env, info.This());
  if (key == nullptr || key->pkey() == nullptr) return;
  EVP_PKEY* pkey = key->pkey();
  v8::Local<v8::Object> result = v8::Object::New(isolate);
  int id = EVP_PKEY_get_id(pkey);
  if (id == EVP_PKEY_RSA || id == EVP_PKEY_RSA_PSS) {
    SetValue(context, result, "modulusLength", v8::Integer::New(isolate, EVP_PKEY_get_bits(pkey)));
    BIGNUM* e = nullptr;
    if (EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_RSA_E, &e) == 1) {
      std::vector<unsigned char> bytes(BN_num_bytes(e));
      BN_bn2bin(e, bytes.data());
      BN_free(e);
      SetValue(context, result, "publicExponent", NewUint8Array(isolate, std::move(bytes)));
    }
    if (id == EVP_PKEY_RSA_PSS) SetPssDetails(context, pkey, result);
  } else if (id == EVP_PKEY_DSA) {
    SetValue(context, result, "modulusLength", v8::Integer::New(isolate, EVP_PKEY_get_bits(pkey)));
    BIGNUM* q = nullptr;
    if (EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_FFC_Q, &q) == 1) {
      SetValue(context, result, "divisorLength", v8::Integer::New(isolate, BN_num_bits(q)));
      BN_free(q);
    }
  } else if (id == EVP_PKEY_EC) {
    char name[80];
    size_t len = 0;
    if (EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME, name, sizeof(name),
                                       &len) == 1) {
      // The short name (prime256v1), as node reports it.
      int nid = OBJ_txt2nid(name);
      if (nid == NID_undef) nid = EC_curve_nist2nid(name);
      const char* sn = nid != NID_undef ? OBJ_nid2sn(nid) : name;
      SetValue(context, result, "namedCurve", OneByteString(isolate, sn));
    }
  }
  ERR_clear_error();
  info.GetReturnValue().Set(result);
}

std::string BioToString(BIO* bio) {
  BUF_MEM* mem = nullptr;
  BIO_get_mem_ptr(bio, &mem);
  return mem == nullptr ? std::string() : std::string(mem->data, mem->length);
}

// export(format, type, cipher, passphrase) -> PEM string or DER bytes; secret keys: bytes.
void KeyExport(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Environment* env = Environment::From(info);
  KeyHandle* key = UnwrapKey(env, info.This());
  if (key == nullptr) return;
  if (key->kind() == kKindSecret) {
    info.GetReturnValue().Set(NewUint8Array(isolate, key->secret().data(), key->secret().size()));
    return;
  }
  EVP_PKEY* pkey = key->pkey();
  bool pem = ToStdString(isolate, info[0]) == "pem";
  std::string type = ToStdString(isolate, info[1]);
  const EVP_CIPHER* cipher = nullptr;
  if (info[2]->IsString()) {
    cipher = EVP_get_cipherbyname(ToStdString(isolate, info[2]).c_str());
    if (cipher == nullptr) {
      return ThrowCoded(isolate, false, "ERR_CRYPTO_UNKNOWN_CIPHER", "Unknown cipher");
    }
  }
  Passphrase pass;
  if (!ReadPassphrase(info[3], &pass)) return ThrowTypeError(isolate, "bad passphrase");
  char* pass_data = pass.present ? reinterpret_cast<char*>(pass.bytes.data()) : nullptr;
  static char kEmpty[1] = {0};
  if (pass.present && pass.bytes.empty()) pass_data = kEmpty;
  int pass_len = static_cast<int>(pass.bytes.size());
  ERR_clear_error();
  BioPtr bio(BIO_new(BIO_s_mem()));
  bool ok = false;
  if (key->kind() == kKindPublic) {
    if (type == "pkcs1") {
      RSA* rsa = EVP_PKEY_get1_RSA(pkey);
      if (rsa != nullptr) {
        ok = pem ? PEM_write_bio_RSAPublicKey(bio.get(), rsa) == 1
                 : i2d_RSAPublicKey_bio(bio.get(), rsa) == 1;
        RSA_free(rsa);
      }
    } else {
      ok = pem ? PEM_write_bio_PUBKEY(bio.get(), pkey) == 1 : i2d_PUBKEY_bio(bio.get(), pkey) == 1;
    }
  } else if (type == "pkcs1") {
    RSA* rsa = EVP_PKEY_get1_RSA(pkey);
    if (rsa != nullptr) {
      ok = pem ? PEM_write_bio_RSAPrivateKey(bio.get(), rsa, cipher,
                                             reinterpret_cast<unsigned char*>(pass_data), pass_len,
                                             nullptr, nullptr) == 1
               : i2d_RSAPrivateKey_bio(bio.get(), rsa) == 1;
      RSA_free(rsa);
    }
  } else if (type == "sec1") {
    EC_KEY* ec = EVP_PKEY_get1_EC_KEY(pkey);
    if (ec != nullptr) {
      ok = pem ? PEM_write_bio_ECPrivateKey(bio.get(), ec, cipher,
                                            reinterpret_cast<unsigned char*>(pass_data), pass_len,
                                            nullptr, nullptr) == 1
               : i2d_ECPrivateKey_bio(bio.get(), ec) == 1;
      EC_KEY_free(ec);
    }
  } else {
    ok = pem ? PEM_write_bio_PKCS8PrivateKey(bio.get(), pkey, cipher, pass_data, pass_len, nullptr,
                                             nullptr) == 1
             : i2d_PKCS8PrivateKey_bio(bio.get(), pkey, cipher, pass_data, pass_len, nullptr,
                                       nullptr) == 1;
  }
  if (!ok) return ThrowOpenSSLError(isolate, "Failed to encode key");
  std::string out = BioToString(bio.get());
  if (pem) {
    info.GetReturnValue().Set(Utf8String(isolate, out));
  } else {
    info.GetReturnValue().Set(NewUint8Array(
        isolate, reinterpret_cast<const unsigned char*>(out.data()), out.size()));
  }
}

void KeyGetSymmetricKeySize(const v8::FunctionCallbackInfo<v8::Value>& info) {
  KeyHandle* key = UnwrapKey(Environment::From(info), info.This());
  if (key == nullptr) return;
  info.GetReturnValue().Set(static_cast<double>(key->secret().size()));
}

void KeyEquals(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  KeyHandle* a = UnwrapKey(env, info.This());
  KeyHandle* b = UnwrapKey(env, info[0]);
  if (a == nullptr || b == nullptr) return;
  bool eq;
  if (a->kind() == kKindSecret) {
    eq = b->kind() == kKindSecret && a->secret().size() == b->secret().size() &&
         (a->secret().empty() ||
          CRYPTO_memcmp(a->secret().data(), b->secret().data(), a->secret().size()) == 0);
  } else {
    eq = b->pkey() != nullptr && EVP_PKEY_eq(a->pkey(), b->pkey()) == 1;
    ERR_clear_error();
  }
  info.GetReturnValue().Set(eq);
}

// ---- JWK export ----

std::string Base64Url(const unsigned char* data, size_t size) {
  static const char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  size_t i = 0;
  for (; i + 2 < size; i += 3) {
    uint32_t v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  if (i + 1 == size) {
    uint32_t v = data[i] << 16;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
  } else if (i + 2 == size) {
    uint32_t v = (data[i] << 16) | (data[i + 1] << 8);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
  }
  return out;
}

bool SetBnParam(v8::Isolate* isolate, v8::Local<v8::Object> jwk, EVP_PKEY* pkey,
                const char* param, const char* name, int pad = 0) {
  BIGNUM* bn = nullptr;
  if (EVP_PKEY_get_bn_param(pkey, param, &bn) != 1) return false;
  int len = std::max(BN_num_bytes(bn), pad);
  std::vector<unsigned char> bytes(len);
  BN_bn2binpad(bn, bytes.data(), len);
  BN_clear_free(bn);
  SetValue(isolate->GetCurrentContext(), jwk, name,
           OneByteString(isolate, Base64Url(bytes.data(), bytes.size()).c_str()));
  return true;
}

// exportJwk() -> the JWK members; undefined if the key type has no JWK form.
void KeyExportJwk(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Environment* env = Environment::From(info);
  v8::Local<v8::Context> context = env->context();
  KeyHandle* key = UnwrapKey(env, info.This());
  if (key == nullptr) return;
  v8::Local<v8::Object> jwk = v8::Object::New(isolate);
  if (key->kind() == kKindSecret) {
    SetValue(context, jwk, "kty", OneByteString(isolate, "oct"));
    SetValue(context, jwk, "k",
             OneByteString(isolate,
                           Base64Url(key->secret().data(), key->secret().size()).c_str()));
    info.GetReturnValue().Set(jwk);
    return;
  }
  EVP_PKEY* pkey = key->pkey();
  bool priv = key->kind() == kKindPrivate;
  int id = EVP_PKEY_get_id(pkey);
  if (id == EVP_PKEY_RSA) {
    SetValue(context, jwk, "kty", OneByteString(isolate, "RSA"));
    SetBnParam(isolate, jwk, pkey, OSSL_PKEY_PARAM_RSA_N, "n");
    SetBnParam(isolate, jwk, pkey, OSSL_PKEY_PARAM_RSA_E, "e");
    if (priv) {
      SetBnParam(isolate, jwk, pkey, OSSL_PKEY_PARAM_RSA_D, "d");
      SetBnParam(isolate, jwk, pkey, OSSL_PKEY_PARAM_RSA_FACTOR1, "p");
      SetBnParam(isolate, jwk, pkey, OSSL_PKEY_PARAM_RSA_FACTOR2, "q");
      SetBnParam(isolate, jwk, pkey, OSSL_PKEY_PARAM_RSA_EXPONENT1, "dp");
      SetBnParam(isolate, jwk, pkey, OSSL_PKEY_PARAM_RSA_EXPONENT2, "dq");
      SetBnParam(isolate, jwk, pkey, OSSL_PKEY_PARAM_RSA_COEFFICIENT1, "qi");
    }
  } else if (id == EVP_PKEY_EC) {
    char name[80];
    size_t len = 0;
    if (EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME, name, sizeof(name),
                                       &len) != 1) {
      return;
    }
    int nid = OBJ_txt2nid(name);
    const char* crv = nid == NID_X9_62_prime256v1 ? "P-256"
                      : nid == NID_secp384r1       ? "P-384"
                      : nid == NID_secp521r1       ? "P-521"
                      : nid == NID_secp256k1       ? "secp256k1"
                                                   : nullptr;
    if (crv == nullptr) {
      ERR_clear_error();
      std::string message = std::string("Unsupported JWK EC curve: ") + OBJ_nid2sn(nid) + ".";
      return ThrowCoded(isolate, false, "ERR_CRYPTO_JWK_UNSUPPORTED_CURVE", message.c_str());
    }
    int degree = (EVP_PKEY_get_bits(pkey) + 7) / 8;
    SetValue(context, jwk, "kty", OneByteString(isolate, "EC"));
    SetBnParam(isolate, jwk, pkey, OSSL_PKEY_PARAM_EC_PUB_X, "x", degree);
    SetBnParam(isolate, jwk, pkey, OSSL_PKEY_PARAM_EC_PUB_Y, "y", degree);
    SetValue(context, jwk, "crv", OneByteString(isolate, crv));
    if (priv) SetBnParam(isolate, jwk, pkey, OSSL_PKEY_PARAM_PRIV_KEY, "d", degree);
  } else if (id == EVP_PKEY_ED25519 || id == EVP_PKEY_ED448 || id == EVP_PKEY_X25519 ||
             id == EVP_PKEY_X448) {
    const char* crv = id == EVP_PKEY_ED25519 ? "Ed25519"
                      : id == EVP_PKEY_ED448 ? "Ed448"
                      : id == EVP_PKEY_X25519 ? "X25519"
                                              : "X448";
    SetValue(context, jwk, "crv", OneByteString(isolate, crv));
    unsigned char buf[128];
    size_t len = sizeof(buf);
    if (priv && EVP_PKEY_get_raw_private_key(pkey, buf, &len) == 1) {
      SetValue(context, jwk, "d", OneByteString(isolate, Base64Url(buf, len).c_str()));
    }
    len = sizeof(buf);
    if (EVP_PKEY_get_raw_public_key(pkey, buf, &len) == 1) {
      SetValue(context, jwk, "x", OneByteString(isolate, Base64Url(buf, len).c_str()));
    }
    SetValue(context, jwk, "kty", OneByteString(isolate, "OKP"));
  } else {
    ERR_clear_error();
    return ThrowCoded(isolate, false, "ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE",
                      "Unsupported JWK Key Type.");
  }
  ERR_clear_error();
  info.GetReturnValue().Set(jwk);
}

// ---- signatures ----

enum DsaEncoding { kDsaDer = 0, kDsaP1363 = 1 };

struct SignOptions {
  int padding = -1;      // -1: the key's default.
  int salt_length = -2;  // < -1 ... see RSA_PSS_SALTLEN_*; INT_MIN: not given.
  bool has_salt = false;
  int dsa_encoding = kDsaDer;
};

SignOptions ReadSignOptions(const v8::FunctionCallbackInfo<v8::Value>& info, int first) {
  v8::Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
  SignOptions o;
  if (info[first]->IsNumber()) o.padding = info[first]->Int32Value(context).FromMaybe(-1);
  if (info[first + 1]->IsNumber()) {
    o.has_salt = true;
    o.salt_length = info[first + 1]->Int32Value(context).FromMaybe(-2);
  }
  o.dsa_encoding = info[first + 2]->Int32Value(context).FromMaybe(0);
  return o;
}

bool ApplyPkeyOptions(EVP_PKEY_CTX* pctx, EVP_PKEY* pkey, const SignOptions& o) {
  int id = EVP_PKEY_get_id(pkey);
  if (id == EVP_PKEY_RSA || id == EVP_PKEY_RSA_PSS) {
    int padding = o.padding;
    if (padding < 0) padding = id == EVP_PKEY_RSA_PSS ? RSA_PKCS1_PSS_PADDING : RSA_PKCS1_PADDING;
    if (EVP_PKEY_CTX_set_rsa_padding(pctx, padding) <= 0) return false;
    if (padding == RSA_PKCS1_PSS_PADDING && o.has_salt &&
        EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, o.salt_length) <= 0) {
      return false;
    }
  }
  return true;
}

// The size in bytes of r and s for an (EC)DSA key, or 0.
size_t DsaComponentSize(EVP_PKEY* pkey) {
  int id = EVP_PKEY_get_id(pkey);
  if (id == EVP_PKEY_EC) return static_cast<size_t>((EVP_PKEY_get_bits(pkey) + 7) / 8);
  if (id == EVP_PKEY_DSA) {
    BIGNUM* q = nullptr;
    if (EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_FFC_Q, &q) != 1) return 0;
    size_t n = static_cast<size_t>(BN_num_bytes(q));
    BN_free(q);
    return n;
  }
  return 0;
}

bool DerToP1363(const std::vector<unsigned char>& der, size_t n, std::vector<unsigned char>* out) {
  const unsigned char* p = der.data();
  ECDSA_SIG* sig = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size()));
  if (sig == nullptr) return false;
  const BIGNUM* r;
  const BIGNUM* s;
  ECDSA_SIG_get0(sig, &r, &s);
  out->assign(2 * n, 0);
  bool ok = BN_bn2binpad(r, out->data(), static_cast<int>(n)) > 0 &&
            BN_bn2binpad(s, out->data() + n, static_cast<int>(n)) > 0;
  ECDSA_SIG_free(sig);
  return ok;
}

bool P1363ToDer(const unsigned char* data, size_t size, size_t n,
                std::vector<unsigned char>* out) {
  if (size != 2 * n) return false;
  ECDSA_SIG* sig = ECDSA_SIG_new();
  BIGNUM* r = BN_bin2bn(data, static_cast<int>(n), nullptr);
  BIGNUM* s = BN_bin2bn(data + n, static_cast<int>(n), nullptr);
  if (sig == nullptr || r == nullptr || s == nullptr || ECDSA_SIG_set0(sig, r, s) != 1) {
    BN_free(r);
    BN_free(s);
    ECDSA_SIG_free(sig);
    return false;
  }
  int len = i2d_ECDSA_SIG(sig, nullptr);
  out->resize(len > 0 ? len : 0);
  unsigned char* p = out->data();
  bool ok = len > 0 && i2d_ECDSA_SIG(sig, &p) == len;
  ECDSA_SIG_free(sig);
  return ok;
}

// DSA/ECDSA signatures are DER from OpenSSL; dsaEncoding 'ieee-p1363' wants r||s. These convert
// a finished signature to the requested form, and a given one back to DER for verification.
bool ToRequestedEncoding(EVP_PKEY* pkey, const SignOptions& o, std::vector<unsigned char>* sig) {
  if (o.dsa_encoding != kDsaP1363) return true;
  size_t n = DsaComponentSize(pkey);
  if (n == 0) return true;
  std::vector<unsigned char> p1363;
  bool ok = DerToP1363(*sig, n, &p1363);
  sig->swap(p1363);
  return ok;
}

// False when a P1363 signature has the wrong size (the signature is then simply invalid).
bool FromRequestedEncoding(EVP_PKEY* pkey, const SignOptions& o, const unsigned char** sig,
                           size_t* sig_len, std::vector<unsigned char>* der) {
  if (o.dsa_encoding != kDsaP1363) return true;
  size_t n = DsaComponentSize(pkey);
  if (n == 0) return true;
  if (!P1363ToDer(*sig, *sig_len, n, der)) return false;
  *sig = der->data();
  *sig_len = der->size();
  return true;
}

// One signature over data with EVP_DigestSign (md may be null: Ed25519/Ed448 and the key's
// default).
bool SignData(EVP_PKEY* pkey, const EVP_MD* md, const unsigned char* data, size_t size,
              const SignOptions& o, std::vector<unsigned char>* out) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_PKEY_CTX* pctx = nullptr;
  bool ok = ctx != nullptr && EVP_DigestSignInit(ctx, &pctx, md, nullptr, pkey) == 1 &&
            ApplyPkeyOptions(pctx, pkey, o);
  size_t len = 0;
  static const unsigned char kEmpty = 0;
  if (ok) ok = EVP_DigestSign(ctx, nullptr, &len, size ? data : &kEmpty, size) == 1;
  if (ok) {
    out->resize(len);
    ok = EVP_DigestSign(ctx, out->data(), &len, size ? data : &kEmpty, size) == 1;
    out->resize(len);
  }
  EVP_MD_CTX_free(ctx);
  return ok && ToRequestedEncoding(pkey, o, out);
}

// Returns 1 valid, 0 invalid, -1 error (queued).
int VerifyData(EVP_PKEY* pkey, const EVP_MD* md, const unsigned char* data, size_t size,
               const unsigned char* sig, size_t sig_len, const SignOptions& o) {
  std::vector<unsigned char> der;
  if (!FromRequestedEncoding(pkey, o, &sig, &sig_len, &der)) return 0;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_PKEY_CTX* pctx = nullptr;
  int r = -1;
  static const unsigned char kEmpty = 0;
  if (ctx != nullptr && EVP_DigestVerifyInit(ctx, &pctx, md, nullptr, pkey) == 1 &&
      ApplyPkeyOptions(pctx, pkey, o)) {
    r = EVP_DigestVerify(ctx, sig_len ? sig : &kEmpty, sig_len, size ? data : &kEmpty, size);
    if (r != 1) r = r == 0 ? 0 : -1;
    // A malformed signature is just "invalid".
    if (r < 0) r = 0;
  }
  EVP_MD_CTX_free(ctx);
  return r;
}

enum SigOp { kSigOpSign = 1, kSigOpVerify = 2 };

// A context for op with md and o's RSA options on key's EVP_PKEY, for signatures on finished
// digests. The key keeps the last one and hands it out again while the parameters stay the
// same: EVP_PKEY_sign/verify may run many times on one set-up context, and setting one up
// (provider fetches of the key manager, signature and digest) costs as much as hashing a
// kilobyte. Null with the error queued if OpenSSL refused.
EVP_PKEY_CTX* SigContext(KeyHandle* key, SigOp op, const EVP_MD* md, const SignOptions& o) {
  SigContextParams params{op, md, o.padding, o.salt_length, o.has_salt};
  if (EVP_PKEY_CTX* kept = key->SigContextFor(params)) return kept;
  EVP_PKEY* pkey = key->pkey();
  EVP_PKEY_CTX* pctx = EVP_PKEY_CTX_new(pkey, nullptr);
  bool ok = pctx != nullptr &&
            (op == kSigOpSign ? EVP_PKEY_sign_init(pctx) : EVP_PKEY_verify_init(pctx)) == 1 &&
            ApplyPkeyOptions(pctx, pkey, o) && EVP_PKEY_CTX_set_signature_md(pctx, md) == 1;
  if (!ok) {
    EVP_PKEY_CTX_free(pctx);
    return nullptr;
  }
  key->KeepSigContext(pctx, params);
  return pctx;
}

// Signature on a finished digest (createSign's sign()).
bool SignDigest(KeyHandle* key, const EVP_MD* md, const unsigned char* digest, size_t size,
                const SignOptions& o, std::vector<unsigned char>* out) {
  EVP_PKEY_CTX* pctx = SigContext(key, kSigOpSign, md, o);
  size_t len = 0;
  bool ok = pctx != nullptr && EVP_PKEY_sign(pctx, nullptr, &len, digest, size) == 1;
  if (ok) {
    out->resize(len);
    ok = EVP_PKEY_sign(pctx, out->data(), &len, digest, size) == 1;
    out->resize(len);
  }
  // A context that failed is not trusted again.
  if (!ok) key->DropSigContext();
  return ok && ToRequestedEncoding(key->pkey(), o, out);
}

int VerifyDigest(KeyHandle* key, const EVP_MD* md, const unsigned char* digest, size_t size,
                 const unsigned char* sig, size_t sig_len, const SignOptions& o) {
  std::vector<unsigned char> der;
  if (!FromRequestedEncoding(key->pkey(), o, &sig, &sig_len, &der)) return 0;
  EVP_PKEY_CTX* pctx = SigContext(key, kSigOpVerify, md, o);
  if (pctx == nullptr) return -1;
  int r = EVP_PKEY_verify(pctx, sig, sig_len, digest, size);
  if (r != 1) key->DropSigContext();
  return r == 1 ? 1 : 0;
}

// An ECDSA signature over data is one over data's digest: taking the digest here and signing it
// on the key's kept context (SigContext, as createSign does) spares EVP_DigestSignInit's
// provider fetches and EVP_DigestSignFinal's context copy on every call. False (error queue
// cleared) if EC keys do not apply or OpenSSL refused: the caller then takes EVP_DigestSign,
// which reports the error as it always did.
bool DigestForEcdsa(KeyHandle* key, const EVP_MD* md, const unsigned char* data, size_t size,
                    unsigned char digest[EVP_MAX_MD_SIZE], unsigned int* digest_size) {
  if (md == nullptr || EVP_PKEY_get_id(key->pkey()) != EVP_PKEY_EC) return false;
  static const unsigned char kEmpty = 0;
  if (EVP_Digest(size ? data : &kEmpty, size, digest, digest_size, md, nullptr) == 1) return true;
  ERR_clear_error();
  return false;
}

const EVP_MD* DigestArg(Environment* env, v8::Local<v8::Value> value, bool* bad) {
  *bad = false;
  if (value->IsNullOrUndefined()) return nullptr;
  const EVP_MD* md = GetCryptoData(env)->Digest(ToStdString(env->isolate(), value));
  if (md == nullptr) *bad = true;
  return md;
}

class SignJob : public PoolJob {
 public:
  SignJob(EVP_PKEY* pkey, const EVP_MD* md, std::vector<unsigned char> data,
          std::vector<unsigned char> sig, SignOptions o, bool verify)
      : md_(md), data_(std::move(data)), sig_(std::move(sig)), o_(o), verify_(verify) {
    EVP_PKEY_up_ref(pkey);
    pkey_.reset(pkey);
  }
  // An Ed25519 signature made with signer's copy (see crypto_ed25519.h).
  void UseEd25519(const Ed25519Signer& signer, const EVP_MD* sha512) {
    ed25519_ = std::make_unique<Ed25519Signer>(signer);
    sha512_ = sha512;
  }
  // Asks libsodium first (see Ed25519SurelyValid).
  void UseEd25519Public(const unsigned char* public_key) {
    ed25519_public_.assign(public_key, public_key + 32);
  }
  void Work() override {
    if (verify_ && !ed25519_public_.empty() &&
        Ed25519SurelyValid(ed25519_public_.data(), data_.data(), data_.size(), sig_.data(),
                           sig_.size())) {
      result_ = 1;
      return;
    }
    if (ed25519_ != nullptr) {
      out_.resize(64);
      if (Ed25519Sign(*ed25519_, sha512_, data_.data(), data_.size(), out_.data())) {
        result_ = 1;
        return;
      }
    }
    if (verify_) {
      result_ = VerifyData(pkey_.get(), md_, data_.data(), data_.size(), sig_.data(), sig_.size(),
                           o_);
      if (result_ < 0) err_ = TakeOpenSSLError();
    } else {
      result_ = SignData(pkey_.get(), md_, data_.data(), data_.size(), o_, &out_) ? 1 : -1;
      if (result_ < 0) err_ = TakeOpenSSLError();
    }
    ERR_clear_error();
  }
  void Done(Environment* env, std::vector<v8::Local<v8::Value>>* argv) override {
    v8::Isolate* isolate = env->isolate();
    if (result_ < 0) {
      argv->push_back(MakeOpenSSLError(isolate, err_, verify_ ? "Verify failed" : "Sign failed"));
      return;
    }
    argv->push_back(v8::Undefined(isolate));
    if (verify_) {
      argv->push_back(v8::Boolean::New(isolate, result_ == 1));
    } else {
      argv->push_back(NewUint8Array(isolate, std::move(out_)));
    }
  }

 private:
  PkeyPtr pkey_;
  const EVP_MD* md_;
  std::unique_ptr<Ed25519Signer> ed25519_;
  const EVP_MD* sha512_ = nullptr;
  std::vector<unsigned char> ed25519_public_;
  std::vector<unsigned char> data_;
  std::vector<unsigned char> sig_;
  std::vector<unsigned char> out_;
  SignOptions o_;
  bool verify_;
  int result_ = -1;
  unsigned long err_ = 0;
};

// signOneShot(keyHandle, digest | null, data, padding, saltLength, dsaEncoding, ondone,
// scratchOffset): with ondone a function, the signature reaches it from the pool; else it is
// returned as OutputSink gives it.
void SignOneShot(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Environment* env = Environment::From(info);
  KeyHandle* key = UnwrapKey(env, info[0]);
  if (key == nullptr || key->pkey() == nullptr) return ThrowTypeError(isolate, "bad key");
  bool bad = false;
  const EVP_MD* md = DigestArg(env, info[1], &bad);
  if (bad) return ThrowCoded(isolate, true, "ERR_CRYPTO_INVALID_DIGEST", "Invalid digest");
  ByteView data;
  if (!GetByteView(info[2], &data)) return ThrowTypeError(isolate, "bad data");
  SignOptions o = ReadSignOptions(info, 3);
  const EVP_MD* sha512 = nullptr;
  const Ed25519Signer* ed25519 = nullptr;
  if (md == nullptr && EVP_PKEY_get_id(key->pkey()) == EVP_PKEY_ED25519) {
    sha512 = GetCryptoData(env)->Digest("sha512");
    ed25519 = key->ed25519_signer(sha512);
  }
  if (info[6]->IsFunction()) {
    auto job = std::make_unique<SignJob>(
        key->pkey(), md, std::vector<unsigned char>(data.data, data.data + data.size),
        std::vector<unsigned char>(), o, false);
    if (ed25519 != nullptr) job->UseEd25519(*ed25519, sha512);
    PoolJob::Start(env, std::move(job), info[6].As<v8::Function>());
    return;
  }
  unsigned char signature[64];
  if (ed25519 != nullptr && Ed25519Sign(*ed25519, sha512, data.data, data.size, signature)) {
    return info.GetReturnValue().Set(OutputSink::Copy(env, info[7], signature, 64));
  }
  std::vector<unsigned char> out;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_size = 0;
  if (DigestForEcdsa(key, md, data.data, data.size, digest, &digest_size)) {
    if (SignDigest(key, md, digest, digest_size, o, &out)) {
      return info.GetReturnValue().Set(OutputSink::Copy(env, info[7], out.data(), out.size()));
    }
    ERR_clear_error();
  }
  if (!SignData(key->pkey(), md, data.data, data.size, o, &out)) {
    return ThrowOpenSSLError(isolate, "Sign failed");
  }
  info.GetReturnValue().Set(OutputSink::Copy(env, info[7], out.data(), out.size()));
}

// verifyOneShot(keyHandle, digest | null, data, signature, padding, saltLength, dsaEncoding
// [, ondone])
void VerifyOneShot(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Environment* env = Environment::From(info);
  KeyHandle* key = UnwrapKey(env, info[0]);
  if (key == nullptr || key->pkey() == nullptr) return ThrowTypeError(isolate, "bad key");
  bool bad = false;
  const EVP_MD* md = DigestArg(env, info[1], &bad);
  if (bad) return ThrowCoded(isolate, true, "ERR_CRYPTO_INVALID_DIGEST", "Invalid digest");
  ByteView data;
  ByteView sig;
  if (!GetByteView(info[2], &data) || !GetByteView(info[3], &sig)) {
    return ThrowTypeError(isolate, "bad data");
  }
  SignOptions o = ReadSignOptions(info, 4);
  const unsigned char* ed25519 = md == nullptr ? key->ed25519_public_key() : nullptr;
  if (info[7]->IsFunction()) {
    auto job = std::make_unique<SignJob>(
        key->pkey(), md, std::vector<unsigned char>(data.data, data.data + data.size),
        std::vector<unsigned char>(sig.data, sig.data + sig.size), o, true);
    if (ed25519 != nullptr) job->UseEd25519Public(ed25519);
    PoolJob::Start(env, std::move(job), info[7].As<v8::Function>());
    return;
  }
  if (ed25519 != nullptr && Ed25519SurelyValid(ed25519, data.data, data.size, sig.data,
                                               sig.size)) {
    return info.GetReturnValue().Set(true);
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_size = 0;
  if (DigestForEcdsa(key, md, data.data, data.size, digest, &digest_size)) {
    int r = VerifyDigest(key, md, digest, digest_size, sig.data, sig.size, o);
    ERR_clear_error();
    if (r >= 0) return info.GetReturnValue().Set(r == 1);
  }
  int r = VerifyData(key->pkey(), md, data.data, data.size, sig.data, sig.size, o);
  ERR_clear_error();
  info.GetReturnValue().Set(r == 1);
}

// Takes the digest of a Sign/Verify's Hash for key, or throws node's error: Ed25519/Ed448 keys
// sign whole messages (the digest stays usable), and a Sign/Verify works once.
bool TakeDigestToSign(Environment* env, EVP_PKEY* pkey, v8::Local<v8::Value> hash,
                      const EVP_MD** md, ByteView* digest, const char* failure) {
  v8::Isolate* isolate = env->isolate();
  int id = EVP_PKEY_get_id(pkey);
  if (id == EVP_PKEY_ED25519 || id == EVP_PKEY_ED448) {
    ThrowCoded(isolate, false, "ERR_CRYPTO_UNSUPPORTED_OPERATION", "Unsupported crypto operation");
    return false;
  }
  switch (FinishHash(env, hash, md, digest)) {
    case kHashFinished:
      return true;
    case kHashTaken:
      ThrowCoded(isolate, false, "ERR_CRYPTO_INVALID_STATE", "Not initialised");
      return false;
    case kHashFailed:
      break;
  }
  ThrowOpenSSLError(isolate, failure);
  return false;
}

// signDigest(keyHandle, hashHandle, padding, saltLength, dsaEncoding, scratchOffset) -> the
// signature over the Hash's digest, as OutputSink gives it (createSign's sign()).
void SignDigestCall(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Environment* env = Environment::From(info);
  KeyHandle* key = UnwrapKey(env, info[0]);
  if (key == nullptr || key->pkey() == nullptr) return ThrowTypeError(isolate, "bad key");
  const EVP_MD* md = nullptr;
  ByteView digest;
  if (!TakeDigestToSign(env, key->pkey(), info[1], &md, &digest, "Sign failed")) return;
  SignOptions o = ReadSignOptions(info, 2);
  std::vector<unsigned char> out;
  if (!SignDigest(key, md, digest.data, digest.size, o, &out)) {
    return ThrowOpenSSLError(isolate, "Sign failed");
  }
  info.GetReturnValue().Set(OutputSink::Copy(env, info[5], out.data(), out.size()));
}

// verifyDigest(keyHandle, hashHandle, signature, padding, saltLength, dsaEncoding) -> bool
// (createVerify's verify()).
void VerifyDigestCall(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Environment* env = Environment::From(info);
  KeyHandle* key = UnwrapKey(env, info[0]);
  if (key == nullptr || key->pkey() == nullptr) return ThrowTypeError(isolate, "bad key");
  ByteView sig;
  if (!GetByteView(info[2], &sig)) return ThrowTypeError(isolate, "bad signature");
  const EVP_MD* md = nullptr;
  ByteView digest;
  if (!TakeDigestToSign(env, key->pkey(), info[1], &md, &digest, "Verify failed")) return;
  SignOptions o = ReadSignOptions(info, 3);
  int r = VerifyDigest(key, md, digest.data, digest.size, sig.data, sig.size, o);
  ERR_clear_error();
  if (r < 0) return ThrowOpenSSLError(isolate, "Verify failed");
  info.GetReturnValue().Set(r == 1);
}

// ---- RSA encryption ----

enum RsaOp { kPublicEncrypt = 0, kPrivateDecrypt, kPrivateEncrypt, kPublicDecrypt };

struct RsaCipherParams {
  int op = kPublicEncrypt;
  int padding = RSA_PKCS1_PADDING;
  const EVP_MD* md = nullptr;
  bool has_label = false;
  std::vector<unsigned char> label;
};

// One RSA operation over data; false with the error queued.
bool RunRsaCipher(EVP_PKEY* pkey, const RsaCipherParams& p, const unsigned char* data,
                  size_t size, std::vector<unsigned char>* out) {
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new(pkey, nullptr);
  bool ok = ctx != nullptr;
  if (ok) {
    switch (p.op) {
      case kPublicEncrypt: ok = EVP_PKEY_encrypt_init(ctx) == 1; break;
      case kPrivateDecrypt: ok = EVP_PKEY_decrypt_init(ctx) == 1; break;
      case kPrivateEncrypt: ok = EVP_PKEY_sign_init(ctx) == 1; break;
      case kPublicDecrypt: ok = EVP_PKEY_verify_recover_init(ctx) == 1; break;
      default: ok = false;
    }
  }
  if (ok) ok = EVP_PKEY_CTX_set_rsa_padding(ctx, p.padding) > 0;
  if (ok && p.md != nullptr && p.padding == RSA_PKCS1_OAEP_PADDING) {
    ok = EVP_PKEY_CTX_set_rsa_oaep_md(ctx, p.md) > 0;
  }
  if (ok && p.has_label && !p.label.empty() && p.padding == RSA_PKCS1_OAEP_PADDING) {
    // OpenSSL takes ownership of the label.
    void* copy = OPENSSL_memdup(p.label.data(), p.label.size());
    ok = copy != nullptr &&
         EVP_PKEY_CTX_set0_rsa_oaep_label(ctx, copy, static_cast<int>(p.label.size())) > 0;
    if (!ok) OPENSSL_free(copy);
  }
  static const unsigned char kEmpty = 0;
  const unsigned char* in = size > 0 ? data : &kEmpty;
  size_t out_len = 0;
  auto run = [&](unsigned char* dst, size_t* len) {
    switch (p.op) {
      case kPublicEncrypt: return EVP_PKEY_encrypt(ctx, dst, len, in, size) == 1;
      case kPrivateDecrypt: return EVP_PKEY_decrypt(ctx, dst, len, in, size) == 1;
      case kPrivateEncrypt: return EVP_PKEY_sign(ctx, dst, len, in, size) == 1;
      default: return EVP_PKEY_verify_recover(ctx, dst, len, in, size) == 1;
    }
  };
  if (ok) ok = run(nullptr, &out_len);
  if (ok) {
    out->resize(out_len);
    ok = run(out->data(), &out_len);
    out->resize(out_len);
  }
  EVP_PKEY_CTX_free(ctx);
  return ok;
}

class RsaCipherJob : public PoolJob {
 public:
  RsaCipherJob(EVP_PKEY* pkey, RsaCipherParams params, std::vector<unsigned char> data)
      : params_(std::move(params)), data_(std::move(data)) {
    EVP_PKEY_up_ref(pkey);
    pkey_.reset(pkey);
  }
  void Work() override {
    ok_ = RunRsaCipher(pkey_.get(), params_, data_.data(), data_.size(), &out_);
    if (!ok_) err_ = TakeOpenSSLError();
  }
  void Done(Environment* env, std::vector<v8::Local<v8::Value>>* argv) override {
    v8::Isolate* isolate = env->isolate();
    if (!ok_) {
      argv->push_back(MakeOpenSSLError(isolate, err_, "RSA operation failed"));
      return;
    }
    argv->push_back(v8::Undefined(isolate));
    argv->push_back(NewUint8Array(isolate, std::move(out_)));
  }

 private:
  PkeyPtr pkey_;
  RsaCipherParams params_;
  std::vector<unsigned char> data_;
  std::vector<unsigned char> out_;
  bool ok_ = false;
  unsigned long err_ = 0;
};

// rsaCipher(op, keyHandle, data, padding, oaepHash | undefined, oaepLabel | undefined
// [, ondone]) -> bytes, or ondone(err, bytes) from the thread pool.
void RsaCipher(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Environment* env = Environment::From(info);
  v8::Local<v8::Context> context = env->context();
  RsaCipherParams params;
  params.op = info[0]->Int32Value(context).FromMaybe(-1);
  KeyHandle* key = UnwrapKey(env, info[1]);
  ByteView data;
  if (key == nullptr || key->pkey() == nullptr || !GetByteView(info[2], &data)) {
    return ThrowTypeError(isolate, "rsaCipher: bad arguments");
  }
  params.padding = info[3]->Int32Value(context).FromMaybe(RSA_PKCS1_PADDING);
  if (info[4]->IsString()) {
    params.md = GetCryptoData(env)->Digest(ToStdString(isolate, info[4]));
    if (params.md == nullptr) {
      return ThrowCoded(isolate, false, "ERR_OSSL_EVP_INVALID_DIGEST", "Invalid digest used");
    }
  }
  ByteView label;
  params.has_label = GetByteView(info[5], &label);
  if (params.has_label) params.label.assign(label.data, label.data + label.size);
  ERR_clear_error();
  if (info[6]->IsFunction()) {
    return PoolJob::Start(
        env,
        std::make_unique<RsaCipherJob>(key->pkey(), std::move(params),
                                       std::vector<unsigned char>(data.data, data.data + data.size)),
        info[6].As<v8::Function>());
  }
  std::vector<unsigned char> out;
  if (!RunRsaCipher(key->pkey(), params, data.data, data.size, &out)) {
    return ThrowOpenSSLError(isolate, "RSA operation failed");
  }
  info.GetReturnValue().Set(NewUint8Array(isolate, std::move(out)));
}

// ---- key generation ----

struct KeyGenParams {
  std::string type;  // rsa, rsa-pss, ec, ed25519, ed448, x25519, x448
  unsigned modulus_bits = 0;
  unsigned public_exponent = 65537;
  std::string curve;
  bool explicit_params = false;
  int divisor_bits = -1;  // DSA q size; -1: OpenSSL's choice.
  // RSA-PSS restrictions written into the key; empty / -1: unrestricted.
  std::string pss_md;
  std::string pss_mgf1_md;
  int pss_salt_length = -1;
};

// DSA: domain parameters first, then the key.
EVP_PKEY* GenerateDsa(const KeyGenParams& p) {
  EVP_PKEY_CTX* pctx = EVP_PKEY_CTX_new_id(EVP_PKEY_DSA, nullptr);
  EVP_PKEY* params = nullptr;
  bool ok = pctx != nullptr && EVP_PKEY_paramgen_init(pctx) == 1 &&
            EVP_PKEY_CTX_set_dsa_paramgen_bits(pctx, static_cast<int>(p.modulus_bits)) == 1 &&
            (p.divisor_bits < 0 ||
             EVP_PKEY_CTX_set_dsa_paramgen_q_bits(pctx, p.divisor_bits) == 1) &&
            EVP_PKEY_paramgen(pctx, &params) == 1;
  EVP_PKEY_CTX_free(pctx);
  if (!ok) {
    EVP_PKEY_free(params);
    return nullptr;
  }
  EVP_PKEY_CTX* kctx = EVP_PKEY_CTX_new(params, nullptr);
  EVP_PKEY* pkey = nullptr;
  ok = kctx != nullptr && EVP_PKEY_keygen_init(kctx) == 1 && EVP_PKEY_keygen(kctx, &pkey) == 1;
  EVP_PKEY_CTX_free(kctx);
  EVP_PKEY_free(params);
  if (!ok) {
    EVP_PKEY_free(pkey);
    return nullptr;
  }
  return pkey;
}

bool SetPssKeygenParams(EVP_PKEY_CTX* ctx, const KeyGenParams& p) {
  if (!p.pss_md.empty()) {
    const EVP_MD* md = EVP_get_digestbyname(p.pss_md.c_str());
    if (md == nullptr || EVP_PKEY_CTX_set_rsa_pss_keygen_md(ctx, md) <= 0) return false;
  }
  // Without its own digest, MGF1 follows the message digest (node's behaviour).
  const std::string& mgf1 = p.pss_mgf1_md.empty() ? p.pss_md : p.pss_mgf1_md;
  if (!mgf1.empty()) {
    const EVP_MD* md = EVP_get_digestbyname(mgf1.c_str());
    if (md == nullptr || EVP_PKEY_CTX_set_rsa_pss_keygen_mgf1_md(ctx, md) <= 0) return false;
  }
  // Without its own salt length, the salt is as long as the message digest (node's behaviour).
  int salt_length = p.pss_salt_length;
  if (salt_length < 0 && !p.pss_md.empty()) {
    const EVP_MD* md = EVP_get_digestbyname(p.pss_md.c_str());
    if (md != nullptr) salt_length = EVP_MD_get_size(md);
  }
  if (salt_length >= 0 && EVP_PKEY_CTX_set_rsa_pss_keygen_saltlen(ctx, salt_length) <= 0) {
    return false;
  }
  return true;
}

PkeyPtr GenerateKey(const KeyGenParams& p) {
  if (p.type == "dsa") return PkeyPtr(GenerateDsa(p));
  EVP_PKEY_CTX* ctx = nullptr;
  if (p.type == "rsa" || p.type == "rsa-pss") {
    ctx = EVP_PKEY_CTX_new_id(p.type == "rsa" ? EVP_PKEY_RSA : EVP_PKEY_RSA_PSS, nullptr);
  } else if (p.type == "ec") {
    ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_EC, nullptr);
  } else if (p.type == "ed25519") {
    ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr);
  } else if (p.type == "ed448") {
    ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_ED448, nullptr);
  } else if (p.type == "x25519") {
    ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_X25519, nullptr);
  } else if (p.type == "x448") {
    ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_X448, nullptr);
  }
  if (ctx == nullptr || EVP_PKEY_keygen_init(ctx) != 1) {
    EVP_PKEY_CTX_free(ctx);
    return nullptr;
  }
  bool ok = true;
  if (p.type == "rsa" || p.type == "rsa-pss") {
    ok = EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, static_cast<int>(p.modulus_bits)) > 0;
    if (ok && p.public_exponent != 65537) {
      BIGNUM* e = BN_new();
      ok = e != nullptr && BN_set_word(e, p.public_exponent) == 1 &&
           EVP_PKEY_CTX_set1_rsa_keygen_pubexp(ctx, e) > 0;
      BN_free(e);
    }
    if (ok && p.type == "rsa-pss") ok = SetPssKeygenParams(ctx, p);
  } else if (p.type == "ec") {
    int nid = EC_curve_nist2nid(p.curve.c_str());
    if (nid == NID_undef) nid = OBJ_sn2nid(p.curve.c_str());
    ok = EVP_PKEY_CTX_set_ec_paramgen_curve_nid(ctx, nid) > 0 &&
         EVP_PKEY_CTX_set_ec_param_enc(ctx, p.explicit_params ? 0 : OPENSSL_EC_NAMED_CURVE) > 0;
  }
  EVP_PKEY* pkey = nullptr;
  if (ok) ok = EVP_PKEY_keygen(ctx, &pkey) == 1;
  EVP_PKEY_CTX_free(ctx);
  if (!ok) {
    EVP_PKEY_free(pkey);
    return nullptr;
  }
  return PkeyPtr(pkey);
}

class KeyGenJob : public PoolJob {
 public:
  explicit KeyGenJob(KeyGenParams params) : params_(std::move(params)) {}
  void Work() override {
    pkey_ = GenerateKey(params_);
    if (!pkey_) err_ = TakeOpenSSLError();
    ERR_clear_error();
  }
  void Done(Environment* env, std::vector<v8::Local<v8::Value>>* argv) override {
    v8::Isolate* isolate = env->isolate();
    if (!pkey_) {
      argv->push_back(MakeOpenSSLError(isolate, err_, "Key generation job failed"));
      return;
    }
    EVP_PKEY_up_ref(pkey_.get());
    PkeyPtr pub(pkey_.get());
    v8::Local<v8::Object> pub_handle;
    v8::Local<v8::Object> priv_handle;
    if (!NewKeyHandle(env, kKindPublic, std::move(pub)).ToLocal(&pub_handle) ||
        !NewKeyHandle(env, kKindPrivate, std::move(pkey_)).ToLocal(&priv_handle)) {
      argv->push_back(v8::Exception::Error(OneByteString(isolate, "Key generation job failed")));
      return;
    }
    argv->push_back(v8::Undefined(isolate));
    argv->push_back(pub_handle);
    argv->push_back(priv_handle);
  }

 private:
  KeyGenParams params_;
  PkeyPtr pkey_;
  unsigned long err_ = 0;
};

// checkCurve(name) -> whether an EC curve of that name exists (P-256 or prime256v1).
void CheckCurve(const v8::FunctionCallbackInfo<v8::Value>& info) {
  std::string name = ToStdString(info.GetIsolate(), info[0]);
  int nid = EC_curve_nist2nid(name.c_str());
  if (nid == NID_undef) nid = OBJ_sn2nid(name.c_str());
  bool ok = false;
  if (nid != NID_undef) {
    EC_GROUP* group = EC_GROUP_new_by_curve_name(nid);
    ok = group != nullptr;
    EC_GROUP_free(group);
  }
  ERR_clear_error();
  info.GetReturnValue().Set(ok);
}

// generateKeyPair(type, modulusLength, publicExponent, namedCurve, explicit, divisorLength,
// [pssHash, pssMgf1Hash, pssSaltLength][, ondone]) ->
// [publicHandle, privateHandle] (sync) or ondone(err, pub, priv).
void GenerateKeyPair(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  Environment* env = Environment::From(info);
  v8::Local<v8::Context> context = env->context();
  KeyGenParams params;
  params.type = ToStdString(isolate, info[0]);
  params.modulus_bits = info[1]->Uint32Value(context).FromMaybe(0);
  params.public_exponent = info[2]->Uint32Value(context).FromMaybe(65537);
  if (info[3]->IsString()) params.curve = ToStdString(isolate, info[3]);
  params.explicit_params = info[4]->IsTrue();
  params.divisor_bits = info[5]->Int32Value(context).FromMaybe(-1);
  if (info[6]->IsString()) params.pss_md = ToStdString(isolate, info[6]);
  if (info[7]->IsString()) params.pss_mgf1_md = ToStdString(isolate, info[7]);
  if (info[8]->IsInt32()) params.pss_salt_length = info[8].As<v8::Int32>()->Value();
  // The callback, when given, is the last argument (the PSS ones are optional).
  v8::Local<v8::Value> last = info[info.Length() > 6 ? info.Length() - 1 : 6];
  if (last->IsFunction()) {
    PoolJob::Start(env, std::make_unique<KeyGenJob>(std::move(params)),
                   last.As<v8::Function>());
    return;
  }
  PkeyPtr pkey = GenerateKey(params);
  if (!pkey) return ThrowOpenSSLError(isolate, "Key generation job failed");
  EVP_PKEY_up_ref(pkey.get());
  PkeyPtr pub(pkey.get());
  v8::Local<v8::Object> pub_handle;
  v8::Local<v8::Object> priv_handle;
  if (!NewKeyHandle(env, kKindPublic, std::move(pub)).ToLocal(&pub_handle) ||
      !NewKeyHandle(env, kKindPrivate, std::move(pkey)).ToLocal(&priv_handle)) {
    return;
  }
  v8::Local<v8::Value> pair[] = {pub_handle, priv_handle};
  info.GetReturnValue().Set(v8::Array::New(isolate, pair, 2));
}

}  // namespace

EVP_PKEY* KeyHandlePkey(Environment* env, v8::Local<v8::Value> value) {
  KeyHandle* key = UnwrapKey(env, value);
  return key == nullptr || key->kind() == kKindSecret ? nullptr : key->pkey();
}

v8::MaybeLocal<v8::Object> NewAsymmetricKeyHandle(Environment* env, int kind, EVP_PKEY* pkey) {
  EVP_PKEY_up_ref(pkey);
  return NewKeyHandle(env, kind == kKindPrivate ? kKindPrivate : kKindPublic, PkeyPtr(pkey));
}

void InitKeys(Environment* env, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  v8::Local<v8::FunctionTemplate> tmpl = NewWrapTemplate(isolate, "KeyObjectHandle", KeyNew);
  SetProtoMethod(isolate, tmpl, "init", KeyInit);
  SetProtoMethod(isolate, tmpl, "initJwkRsa", KeyInitJwkRsa);
  SetProtoMethod(isolate, tmpl, "initJwkEc", KeyInitJwkEc);
  SetProtoMethod(isolate, tmpl, "initRaw", KeyInitRaw);
  SetProtoMethod(isolate, tmpl, "getAsymmetricKeyType", KeyGetAsymmetricKeyType);
  SetProtoMethod(isolate, tmpl, "keyDetail", KeyDetail);
  SetProtoMethod(isolate, tmpl, "checkEcKeyData", KeyCheckEcKeyData);
  SetProtoMethod(isolate, tmpl, "export", KeyExport);
  SetProtoMethod(isolate, tmpl, "exportJwk", KeyExportJwk);
  SetProtoMethod(isolate, tmpl, "getSymmetricKeySize", KeyGetSymmetricKeySize);
  SetProtoMethod(isolate, tmpl, "equals", KeyEquals);
  GetCryptoData(env)->key_template.Reset(isolate, tmpl);
  SetValue(context, target, "KeyObjectHandle", tmpl->GetFunction(context).ToLocalChecked());
  SetMethod(context, target, "signOneShot", SignOneShot);
  SetMethod(context, target, "verifyOneShot", VerifyOneShot);
  SetMethod(context, target, "signDigest", SignDigestCall);
  SetMethod(context, target, "verifyDigest", VerifyDigestCall);
  SetMethod(context, target, "generateKeyPair", GenerateKeyPair);
  SetMethod(context, target, "checkCurve", CheckCurve);
  SetMethod(context, target, "rsaCipher", RsaCipher);
}

}  // namespace ringjs::crypto
