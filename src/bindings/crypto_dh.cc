// Key agreement: the ECDH and DiffieHellman objects behind crypto.createECDH /
// createDiffieHellman / getDiffieHellman (OpenSSL's EC_KEY and DH, as node keeps them), EC point
// conversion (ECDH.convertKey, WebCrypto's raw EC keys), diffieHellman() over two KeyObjects
// (EVP_PKEY_derive, also WebCrypto's ECDH/X25519 deriveBits on the thread pool) and 'dh' key
// pair generation. JS (internal/crypto/diffiehellman.js) validates arguments and throws node's
// coded errors from the status values returned here.
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/bn.h>
#include <openssl/dh.h>
#include <openssl/ec.h>
#include <openssl/ecdh.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>

#include "bindings/crypto_util.h"

namespace ringjs::crypto {
namespace {

struct BnDeleter {
  void operator()(BIGNUM* bn) const { BN_clear_free(bn); }
};
using BnPtr = std::unique_ptr<BIGNUM, BnDeleter>;
struct EcKeyDeleter {
  void operator()(EC_KEY* key) const { EC_KEY_free(key); }
};
using EcKeyPtr = std::unique_ptr<EC_KEY, EcKeyDeleter>;
struct EcPointDeleter {
  void operator()(EC_POINT* point) const { EC_POINT_free(point); }
};
using EcPointPtr = std::unique_ptr<EC_POINT, EcPointDeleter>;
struct DhDeleter {
  void operator()(DH* dh) const { DH_free(dh); }
};
using DhPtr = std::unique_ptr<DH, DhDeleter>;

v8::Local<v8::Uint8Array> BnToBytes(v8::Isolate* isolate, const BIGNUM* bn, size_t pad = 0) {
  size_t size = std::max(pad, static_cast<size_t>(BN_num_bytes(bn)));
  std::vector<unsigned char> bytes(size);
  BN_bn2binpad(bn, bytes.data(), static_cast<int>(size));
  return NewUint8Array(isolate, std::move(bytes));
}

BnPtr BytesToBn(v8::Local<v8::Value> value) {
  ByteView view;
  if (!GetByteView(value, &view)) return nullptr;
  return BnPtr(BN_bin2bn(view.data, static_cast<int>(view.size), nullptr));
}

// The NID of an EC curve by its short name (prime256v1, secp384r1, ...), as createECDH takes
// it; NID_undef when there is no such curve.
int CurveNid(const std::string& name) {
  int nid = OBJ_sn2nid(name.c_str());
  if (nid == NID_undef) return NID_undef;
  EC_GROUP* group = EC_GROUP_new_by_curve_name(nid);
  ERR_clear_error();
  if (group == nullptr) return NID_undef;
  EC_GROUP_free(group);
  return nid;
}

point_conversion_form_t FormArg(v8::Local<v8::Context> context, v8::Local<v8::Value> value) {
  return static_cast<point_conversion_form_t>(
      value->Uint32Value(context).FromMaybe(POINT_CONVERSION_UNCOMPRESSED));
}

// The encoded point, or an empty handle if it cannot be encoded.
v8::MaybeLocal<v8::Uint8Array> PointToBytes(v8::Isolate* isolate, const EC_GROUP* group,
                                            const EC_POINT* point,
                                            point_conversion_form_t form) {
  size_t size = EC_POINT_point2oct(group, point, form, nullptr, 0, nullptr);
  if (size == 0) return {};
  std::vector<unsigned char> bytes(size);
  if (EC_POINT_point2oct(group, point, form, bytes.data(), size, nullptr) != size) return {};
  return NewUint8Array(isolate, std::move(bytes));
}

EcPointPtr BytesToPoint(const EC_GROUP* group, v8::Local<v8::Value> value) {
  ByteView view;
  if (!GetByteView(value, &view)) return nullptr;
  EcPointPtr point(EC_POINT_new(group));
  if (!point || EC_POINT_oct2point(group, point.get(), view.data, view.size, nullptr) != 1) {
    ERR_clear_error();
    return nullptr;
  }
  return point;
}

// ---- ECDH ----

class EcdhWrap : public CryptoWrap {
 public:
  EcdhWrap(Environment* env, v8::Local<v8::Object> object) : CryptoWrap(env, object) {}
  EC_KEY* key() const { return key_.get(); }
  const EC_GROUP* group() const { return key_ ? EC_KEY_get0_group(key_.get()) : nullptr; }
  void set_key(EcKeyPtr key) { key_ = std::move(key); }

 private:
  EcKeyPtr key_;
};

v8::Global<v8::FunctionTemplate>& EcdhTemplateSlot(Environment* env);

EcdhWrap* UnwrapEcdh(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  EcdhWrap* wrap = CryptoWrap::Unwrap<EcdhWrap>(
      env->isolate(), EcdhTemplateSlot(env).Get(env->isolate()), info.This());
  return wrap != nullptr && wrap->key() != nullptr ? wrap : nullptr;
}

void EcdhNew(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!info.IsConstructCall()) return ThrowTypeError(info.GetIsolate(), "ECDH must be constructed");
  new EcdhWrap(Environment::From(info), info.This());
}

// init(curveName) -> whether the curve exists.
void EcdhInit(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  EcdhWrap* wrap = CryptoWrap::Unwrap<EcdhWrap>(
      env->isolate(), EcdhTemplateSlot(env).Get(env->isolate()), info.This());
  if (wrap == nullptr) return;
  int nid = CurveNid(ToStdString(env->isolate(), info[0]));
  EcKeyPtr key(nid == NID_undef ? nullptr : EC_KEY_new_by_curve_name(nid));
  ERR_clear_error();
  if (!key) return info.GetReturnValue().Set(false);
  wrap->set_key(std::move(key));
  info.GetReturnValue().Set(true);
}

void EcdhGenerateKeys(const v8::FunctionCallbackInfo<v8::Value>& info) {
  EcdhWrap* wrap = UnwrapEcdh(info);
  if (wrap == nullptr) return;
  if (EC_KEY_generate_key(wrap->key()) != 1) {
    return ThrowOpenSSLError(info.GetIsolate(), "Failed to generate key");
  }
}

enum EcdhSecretStatus { kEcdhInvalidKeyPair = 1, kEcdhInvalidPublicKey = 2 };

// computeSecret(peerPoint) -> secret bytes, or an EcdhSecretStatus.
void EcdhComputeSecret(const v8::FunctionCallbackInfo<v8::Value>& info) {
  EcdhWrap* wrap = UnwrapEcdh(info);
  if (wrap == nullptr) return;
  if (EC_KEY_check_key(wrap->key()) != 1) {
    ERR_clear_error();
    return info.GetReturnValue().Set(kEcdhInvalidKeyPair);
  }
  EcPointPtr peer = BytesToPoint(wrap->group(), info[0]);
  if (!peer) return info.GetReturnValue().Set(kEcdhInvalidPublicKey);
  size_t size = (EC_GROUP_get_degree(wrap->group()) + 7) / 8;
  std::vector<unsigned char> secret(size);
  if (ECDH_compute_key(secret.data(), size, peer.get(), wrap->key(), nullptr) <= 0) {
    ERR_clear_error();
    return info.GetReturnValue().Set(kEcdhInvalidPublicKey);
  }
  info.GetReturnValue().Set(NewUint8Array(info.GetIsolate(), std::move(secret)));
}

// getPublicKey(form) -> bytes, or undefined without a public key.
void EcdhGetPublicKey(const v8::FunctionCallbackInfo<v8::Value>& info) {
  EcdhWrap* wrap = UnwrapEcdh(info);
  if (wrap == nullptr) return;
  const EC_POINT* point = EC_KEY_get0_public_key(wrap->key());
  if (point == nullptr) return;
  v8::Local<v8::Uint8Array> bytes;
  if (PointToBytes(info.GetIsolate(), wrap->group(), point,
                   FormArg(info.GetIsolate()->GetCurrentContext(), info[0]))
          .ToLocal(&bytes)) {
    info.GetReturnValue().Set(bytes);
  }
  ERR_clear_error();
}

// getPrivateKey() -> the scalar's bytes (unpadded, as node), or undefined.
void EcdhGetPrivateKey(const v8::FunctionCallbackInfo<v8::Value>& info) {
  EcdhWrap* wrap = UnwrapEcdh(info);
  if (wrap == nullptr) return;
  const BIGNUM* priv = EC_KEY_get0_private_key(wrap->key());
  if (priv == nullptr) return;
  info.GetReturnValue().Set(BnToBytes(info.GetIsolate(), priv));
}

// setPrivateKey(bytes) -> false if the scalar is not in [1, order); the public key follows.
void EcdhSetPrivateKey(const v8::FunctionCallbackInfo<v8::Value>& info) {
  EcdhWrap* wrap = UnwrapEcdh(info);
  if (wrap == nullptr) return;
  BnPtr priv = BytesToBn(info[0]);
  const BIGNUM* order = EC_GROUP_get0_order(wrap->group());
  if (!priv || BN_is_zero(priv.get()) || BN_cmp(priv.get(), order) >= 0) {
    return info.GetReturnValue().Set(false);
  }
  EcKeyPtr key(EC_KEY_new());
  EcPointPtr pub(EC_POINT_new(wrap->group()));
  bool ok = key && pub && EC_KEY_set_group(key.get(), wrap->group()) == 1 &&
            EC_POINT_mul(wrap->group(), pub.get(), priv.get(), nullptr, nullptr, nullptr) == 1 &&
            EC_KEY_set_private_key(key.get(), priv.get()) == 1 &&
            EC_KEY_set_public_key(key.get(), pub.get()) == 1;
  ERR_clear_error();
  if (!ok) return info.GetReturnValue().Set(false);
  wrap->set_key(std::move(key));
  info.GetReturnValue().Set(true);
}

// setPublicKey(pointBytes) -> false if the bytes are no point of the curve.
void EcdhSetPublicKey(const v8::FunctionCallbackInfo<v8::Value>& info) {
  EcdhWrap* wrap = UnwrapEcdh(info);
  if (wrap == nullptr) return;
  EcPointPtr point = BytesToPoint(wrap->group(), info[0]);
  bool ok = point && EC_KEY_set_public_key(wrap->key(), point.get()) == 1;
  ERR_clear_error();
  info.GetReturnValue().Set(ok);
}

// ecdhConvertKey(pointBytes, curveName, form) -> bytes; -1 for an unknown curve, undefined
// for bytes that are no point of it.
void EcdhConvertKey(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  int nid = CurveNid(ToStdString(isolate, info[1]));
  if (nid == NID_undef) return info.GetReturnValue().Set(-1);
  EC_GROUP* group = EC_GROUP_new_by_curve_name(nid);
  if (group == nullptr) return info.GetReturnValue().Set(-1);
  EcPointPtr point = BytesToPoint(group, info[0]);
  v8::Local<v8::Uint8Array> bytes;
  if (point && PointToBytes(isolate, group, point.get(),
                            FormArg(isolate->GetCurrentContext(), info[2]))
                   .ToLocal(&bytes)) {
    info.GetReturnValue().Set(bytes);
  }
  EC_GROUP_free(group);
  ERR_clear_error();
}

// ---- EC keys as KeyObjectHandles from / to raw points (WebCrypto's 'raw' EC format) ----

// ecKeyFromPoint(curveName ('prime256v1'...), pointBytes) -> public KeyObjectHandle, or
// undefined when the bytes are no point of the curve.
void EcKeyFromPoint(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  int nid = CurveNid(ToStdString(env->isolate(), info[0]));
  if (nid == NID_undef) return;
  EcKeyPtr key(EC_KEY_new_by_curve_name(nid));
  if (!key) return;
  EcPointPtr point = BytesToPoint(EC_KEY_get0_group(key.get()), info[1]);
  EVP_PKEY* pkey = nullptr;
  if (point && EC_KEY_set_public_key(key.get(), point.get()) == 1 &&
      (pkey = EVP_PKEY_new()) != nullptr && EVP_PKEY_set1_EC_KEY(pkey, key.get()) == 1) {
    v8::Local<v8::Object> handle;
    if (NewAsymmetricKeyHandle(env, 1, pkey).ToLocal(&handle)) info.GetReturnValue().Set(handle);
  }
  EVP_PKEY_free(pkey);
  ERR_clear_error();
}

// ecPointOfKey(keyHandle, form) -> the EC public key's point bytes, or undefined.
void EcPointOfKey(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  EVP_PKEY* pkey = KeyHandlePkey(env, info[0]);
  const EC_KEY* key = pkey != nullptr ? EVP_PKEY_get0_EC_KEY(pkey) : nullptr;
  const EC_POINT* point = key != nullptr ? EC_KEY_get0_public_key(key) : nullptr;
  v8::Local<v8::Uint8Array> bytes;
  if (point != nullptr &&
      PointToBytes(env->isolate(), EC_KEY_get0_group(key), point,
                   FormArg(env->context(), info[1]))
          .ToLocal(&bytes)) {
    info.GetReturnValue().Set(bytes);
  }
  ERR_clear_error();
}

// ---- DiffieHellman ----

class DhWrap : public CryptoWrap {
 public:
  DhWrap(Environment* env, v8::Local<v8::Object> object) : CryptoWrap(env, object) {}
  DH* dh() const { return dh_.get(); }
  int verify_error() const { return verify_error_; }
  // Takes dh and records DH_check's verdict; false (error queued) if the check itself failed.
  bool Set(DhPtr dh) {
    int codes = 0;
    if (DH_check(dh.get(), &codes) != 1) return false;
    verify_error_ = codes;
    dh_ = std::move(dh);
    return true;
  }

 private:
  DhPtr dh_;
  int verify_error_ = 0;
};

v8::Global<v8::FunctionTemplate>& DhTemplateSlot(Environment* env, bool group);

DhWrap* UnwrapDhAny(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  v8::Isolate* isolate = env->isolate();
  DhWrap* wrap =
      CryptoWrap::Unwrap<DhWrap>(isolate, DhTemplateSlot(env, false).Get(isolate), info.This());
  if (wrap == nullptr) {
    wrap = CryptoWrap::Unwrap<DhWrap>(isolate, DhTemplateSlot(env, true).Get(isolate),
                                      info.This());
  }
  return wrap;
}

DhWrap* UnwrapDh(const v8::FunctionCallbackInfo<v8::Value>& info) {
  DhWrap* wrap = UnwrapDhAny(info);
  return wrap != nullptr && wrap->dh() != nullptr ? wrap : nullptr;
}

void DhNew(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!info.IsConstructCall()) {
    return ThrowTypeError(info.GetIsolate(), "DiffieHellman must be constructed");
  }
  new DhWrap(Environment::From(info), info.This());
}

// The prime of a named group (node's modp1..modp18: RFC 2409 and RFC 3526); nullptr if unknown.
BIGNUM* GroupPrime(const std::string& name) {
  struct Group {
    const char* name;
    BIGNUM* (*prime)(BIGNUM*);
  };
  static const Group kGroups[] = {
      {"modp1", BN_get_rfc2409_prime_768},   {"modp2", BN_get_rfc2409_prime_1024},
      {"modp5", BN_get_rfc3526_prime_1536},  {"modp14", BN_get_rfc3526_prime_2048},
      {"modp15", BN_get_rfc3526_prime_3072}, {"modp16", BN_get_rfc3526_prime_4096},
      {"modp17", BN_get_rfc3526_prime_6144}, {"modp18", BN_get_rfc3526_prime_8192},
  };
  for (const Group& group : kGroups) {
    if (name == group.name) return group.prime(nullptr);
  }
  return nullptr;
}

// DH parameters (p, g) from their numbers; takes ownership of both.
DhPtr DhFromPrime(BIGNUM* p, BIGNUM* g) {
  DhPtr dh(DH_new());
  if (!dh || DH_set0_pqg(dh.get(), p, nullptr, g) != 1) {
    BN_free(p);
    BN_free(g);
    return nullptr;
  }
  return dh;
}

// Parameters from (primeLength, generator), (primeBytes, generator number or bytes) or a group
// name. A given prime's generator below 2 is rejected with OpenSSL's "bad generator", as node.
DhPtr MakeDh(Environment* env, v8::Local<v8::Value> prime, v8::Local<v8::Value> generator,
             bool group) {
  v8::Local<v8::Context> context = env->context();
  if (group) {
    BIGNUM* p = GroupPrime(ToStdString(env->isolate(), prime));
    BIGNUM* g = BN_new();
    if (p == nullptr || g == nullptr || BN_set_word(g, 2) != 1) {
      BN_free(p);
      BN_free(g);
      return nullptr;
    }
    return DhFromPrime(p, g);
  }
  if (prime->IsInt32()) {
    if (!generator->IsInt32()) return nullptr;
    int bits = prime.As<v8::Int32>()->Value();
    // OpenSSL itself rejects a bad generator here.
    int gen = generator.As<v8::Int32>()->Value();
    DhPtr dh(DH_new());
    if (!dh || DH_generate_parameters_ex(dh.get(), bits, gen, nullptr) != 1) return nullptr;
    return dh;
  }
  // node reports an empty prime with OpenSSL's "bits too small".
  ByteView prime_view;
  if (GetByteView(prime, &prime_view) && prime_view.size == 0) {
    ERR_raise(ERR_LIB_BN, BN_R_BITS_TOO_SMALL);
    return nullptr;
  }
  BnPtr p = BytesToBn(prime);
  BnPtr g;
  if (generator->IsInt32()) {
    int gen = generator->Int32Value(context).FromMaybe(0);
    if (gen < 2) {
      ERR_raise(ERR_LIB_DH, DH_R_BAD_GENERATOR);
      return nullptr;
    }
    g.reset(BN_new());
    if (g && BN_set_word(g.get(), static_cast<BN_ULONG>(gen)) != 1) g.reset();
  } else {
    g = BytesToBn(generator);
    if (g && (BN_is_zero(g.get()) || BN_is_one(g.get()))) {
      ERR_raise(ERR_LIB_DH, DH_R_BAD_GENERATOR);
      return nullptr;
    }
  }
  if (!p || !g) return nullptr;
  return DhFromPrime(p.release(), g.release());
}

// init(primeOrLengthOrGroup, generator, isGroup): throws OpenSSL's error (or "Initialization
// failed") if the parameters cannot be made or checked.
void DhInit(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  DhWrap* wrap = UnwrapDhAny(info);
  if (wrap == nullptr) return;
  ERR_clear_error();
  DhPtr dh = MakeDh(env, info[0], info[1], info[2]->IsTrue());
  if (!dh || !wrap->Set(std::move(dh))) {
    return ThrowOpenSSLError(env->isolate(), "Initialization failed");
  }
}

void DhVerifyError(const v8::FunctionCallbackInfo<v8::Value>& info) {
  DhWrap* wrap = UnwrapDhAny(info);
  if (wrap != nullptr) info.GetReturnValue().Set(wrap->verify_error());
}

void DhGenerateKeys(const v8::FunctionCallbackInfo<v8::Value>& info) {
  DhWrap* wrap = UnwrapDh(info);
  if (wrap == nullptr) return;
  if (DH_generate_key(wrap->dh()) != 1) {
    return ThrowOpenSSLError(info.GetIsolate(), "Key generation failed");
  }
  info.GetReturnValue().Set(BnToBytes(info.GetIsolate(), DH_get0_pub_key(wrap->dh())));
}

enum DhSecretStatus { kDhKeyTooSmall = 1, kDhKeyTooLarge = 2, kDhInvalidKey = 3 };

// computeSecret(peerKeyBytes) -> the secret, left-padded to the prime's size, or a
// DhSecretStatus.
void DhComputeSecret(const v8::FunctionCallbackInfo<v8::Value>& info) {
  DhWrap* wrap = UnwrapDh(info);
  if (wrap == nullptr) return;
  BnPtr peer = BytesToBn(info[0]);
  if (!peer) return;
  int size = DH_size(wrap->dh());
  std::vector<unsigned char> secret(size);
  int len = DH_compute_key(secret.data(), peer.get(), wrap->dh());
  if (len < 0) {
    // Why it failed decides the error, as in node: the peer key's range, else the key type.
    int codes = 0;
    bool checked = DH_check_pub_key(wrap->dh(), peer.get(), &codes) == 1;
    ERR_clear_error();
    if (checked && (codes & DH_CHECK_PUBKEY_TOO_SMALL)) {
      return info.GetReturnValue().Set(kDhKeyTooSmall);
    }
    if (checked && (codes & DH_CHECK_PUBKEY_TOO_LARGE)) {
      return info.GetReturnValue().Set(kDhKeyTooLarge);
    }
    return info.GetReturnValue().Set(kDhInvalidKey);
  }
  if (len < size) {
    memmove(secret.data() + (size - len), secret.data(), len);
    memset(secret.data(), 0, size - len);
  }
  info.GetReturnValue().Set(NewUint8Array(info.GetIsolate(), std::move(secret)));
}

enum DhPart { kDhPrime = 0, kDhGenerator, kDhPublicKey, kDhPrivateKey };

// get(part) -> bytes, or undefined if that part is not set.
void DhGet(const v8::FunctionCallbackInfo<v8::Value>& info) {
  DhWrap* wrap = UnwrapDh(info);
  if (wrap == nullptr) return;
  const BIGNUM* p;
  const BIGNUM* g;
  const BIGNUM* pub;
  const BIGNUM* priv;
  DH_get0_pqg(wrap->dh(), &p, nullptr, &g);
  DH_get0_key(wrap->dh(), &pub, &priv);
  const BIGNUM* parts[] = {p, g, pub, priv};
  int part = info[0]->Int32Value(info.GetIsolate()->GetCurrentContext()).FromMaybe(-1);
  if (part < 0 || part > kDhPrivateKey || parts[part] == nullptr) return;
  info.GetReturnValue().Set(BnToBytes(info.GetIsolate(), parts[part]));
}

// set(kDhPublicKey | kDhPrivateKey, bytes)
void DhSet(const v8::FunctionCallbackInfo<v8::Value>& info) {
  DhWrap* wrap = UnwrapDh(info);
  if (wrap == nullptr) return;
  int part = info[0]->Int32Value(info.GetIsolate()->GetCurrentContext()).FromMaybe(-1);
  BnPtr value = BytesToBn(info[1]);
  if (!value || (part != kDhPublicKey && part != kDhPrivateKey)) return;
  bool ok = part == kDhPublicKey ? DH_set0_key(wrap->dh(), value.get(), nullptr) == 1
                                 : DH_set0_key(wrap->dh(), nullptr, value.get()) == 1;
  if (ok) value.release();
  ERR_clear_error();
}

// ---- diffieHellman() over KeyObjects ----

// EVP_PKEY_derive of priv with peer; false with the error queued.
bool DeriveSecret(EVP_PKEY* priv, EVP_PKEY* peer, std::vector<unsigned char>* out) {
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new(priv, nullptr);
  size_t len = 0;
  // A classic DH secret keeps its leading zero bytes (prime-sized), as node's.
  bool ok = ctx != nullptr && EVP_PKEY_derive_init(ctx) == 1 &&
            (EVP_PKEY_get_base_id(priv) != EVP_PKEY_DH || EVP_PKEY_CTX_set_dh_pad(ctx, 1) == 1) &&
            EVP_PKEY_derive_set_peer(ctx, peer) == 1 &&
            EVP_PKEY_derive(ctx, nullptr, &len) == 1;
  if (ok) {
    out->resize(len);
    ok = EVP_PKEY_derive(ctx, out->data(), &len) == 1;
    out->resize(len);
  }
  EVP_PKEY_CTX_free(ctx);
  return ok;
}

class DeriveSecretJob : public PoolJob {
 public:
  DeriveSecretJob(EVP_PKEY* priv, EVP_PKEY* peer) : priv_(priv), peer_(peer) {
    EVP_PKEY_up_ref(priv_);
    EVP_PKEY_up_ref(peer_);
  }
  ~DeriveSecretJob() override {
    EVP_PKEY_free(priv_);
    EVP_PKEY_free(peer_);
    OPENSSL_cleanse(secret_.data(), secret_.size());
  }
  void Work() override {
    ok_ = DeriveSecret(priv_, peer_, &secret_);
    if (!ok_) err_ = TakeOpenSSLError();
  }
  void Done(Environment* env, std::vector<v8::Local<v8::Value>>* argv) override {
    v8::Isolate* isolate = env->isolate();
    if (!ok_) {
      argv->push_back(MakeOpenSSLError(isolate, err_, "Failed to derive the shared secret"));
      return;
    }
    argv->push_back(v8::Undefined(isolate));
    argv->push_back(NewUint8Array(isolate, secret_.data(), secret_.size()));
  }

 private:
  EVP_PKEY* priv_;
  EVP_PKEY* peer_;
  std::vector<unsigned char> secret_;
  bool ok_ = false;
  unsigned long err_ = 0;
};

// statelessDH(privateKeyHandle, publicKeyHandle[, ondone]) -> secret bytes (or ondone(err,
// secret) from the thread pool).
void StatelessDh(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  EVP_PKEY* priv = KeyHandlePkey(env, info[0]);
  EVP_PKEY* peer = KeyHandlePkey(env, info[1]);
  if (priv == nullptr || peer == nullptr) return ThrowTypeError(env->isolate(), "bad keys");
  if (info[2]->IsFunction()) {
    return PoolJob::Start(env, std::make_unique<DeriveSecretJob>(priv, peer),
                          info[2].As<v8::Function>());
  }
  std::vector<unsigned char> secret;
  if (!DeriveSecret(priv, peer, &secret)) {
    return ThrowOpenSSLError(env->isolate(), "Failed to derive the shared secret");
  }
  info.GetReturnValue().Set(NewUint8Array(env->isolate(), std::move(secret)));
}

// ---- generateKeyPair('dh') ----

// A DH key pair on the parameters dh; nullptr with the error queued.
EVP_PKEY* GenerateDhKey(DH* dh) {
  EVP_PKEY* params = EVP_PKEY_new();
  if (params == nullptr || EVP_PKEY_set1_DH(params, dh) != 1) {
    EVP_PKEY_free(params);
    return nullptr;
  }
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new(params, nullptr);
  EVP_PKEY* pkey = nullptr;
  if (ctx == nullptr || EVP_PKEY_keygen_init(ctx) != 1 || EVP_PKEY_keygen(ctx, &pkey) != 1) {
    EVP_PKEY_free(pkey);
    pkey = nullptr;
  }
  EVP_PKEY_CTX_free(ctx);
  EVP_PKEY_free(params);
  return pkey;
}

// How the parameters are given: a group name, a prime, or a prime length to generate.
struct DhKeyGenParams {
  std::string group;
  std::vector<unsigned char> prime;
  int prime_length = -1;
  int generator = 2;
};

EVP_PKEY* GenerateDhKeyPair(const DhKeyGenParams& params) {
  DhPtr dh;
  if (!params.group.empty()) {
    BIGNUM* p = GroupPrime(params.group);
    BIGNUM* g = BN_new();
    if (p == nullptr || g == nullptr || BN_set_word(g, 2) != 1) {
      BN_free(p);
      BN_free(g);
      return nullptr;
    }
    dh = DhFromPrime(p, g);
  } else if (params.prime_length >= 0) {
    dh.reset(DH_new());
    if (dh && DH_generate_parameters_ex(dh.get(), params.prime_length, params.generator,
                                        nullptr) != 1) {
      return nullptr;
    }
  } else {
    BIGNUM* p = BN_bin2bn(params.prime.data(), static_cast<int>(params.prime.size()), nullptr);
    BIGNUM* g = BN_new();
    if (p == nullptr || g == nullptr ||
        BN_set_word(g, static_cast<BN_ULONG>(params.generator)) != 1) {
      BN_free(p);
      BN_free(g);
      return nullptr;
    }
    dh = DhFromPrime(p, g);
  }
  if (!dh) return nullptr;
  return GenerateDhKey(dh.get());
}

class DhKeyGenJob : public PoolJob {
 public:
  explicit DhKeyGenJob(DhKeyGenParams params) : params_(std::move(params)) {}
  ~DhKeyGenJob() override { EVP_PKEY_free(pkey_); }
  void Work() override {
    pkey_ = GenerateDhKeyPair(params_);
    if (pkey_ == nullptr) err_ = TakeOpenSSLError();
  }
  void Done(Environment* env, std::vector<v8::Local<v8::Value>>* argv) override {
    v8::Isolate* isolate = env->isolate();
    v8::Local<v8::Object> pub;
    v8::Local<v8::Object> priv;
    if (pkey_ == nullptr) {
      argv->push_back(MakeOpenSSLError(isolate, err_, "Key generation job failed"));
    } else if (NewAsymmetricKeyHandle(env, 1, pkey_).ToLocal(&pub) &&
               NewAsymmetricKeyHandle(env, 2, pkey_).ToLocal(&priv)) {
      argv->push_back(v8::Undefined(isolate));
      argv->push_back(pub);
      argv->push_back(priv);
    } else {
      argv->push_back(v8::Exception::Error(OneByteString(isolate, "Key generation job failed")));
    }
  }

 private:
  DhKeyGenParams params_;
  EVP_PKEY* pkey_ = nullptr;
  unsigned long err_ = 0;
};

// generateDhKeyPair(group | primeBytes | primeLength, generator[, ondone]) ->
// [publicHandle, privateHandle] or ondone(err, pub, priv). Unknown groups are caught in JS.
void GenerateDhKeyPairCall(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  v8::Isolate* isolate = env->isolate();
  DhKeyGenParams params;
  if (info[0]->IsString()) {
    params.group = ToStdString(isolate, info[0]);
  } else if (info[0]->IsNumber()) {
    params.prime_length = info[0]->Int32Value(env->context()).FromMaybe(0);
  } else {
    ByteView prime;
    if (!GetByteView(info[0], &prime)) return ThrowTypeError(isolate, "bad prime");
    params.prime.assign(prime.data, prime.data + prime.size);
  }
  params.generator = info[1]->Int32Value(env->context()).FromMaybe(2);
  if (info[2]->IsFunction()) {
    return PoolJob::Start(env, std::make_unique<DhKeyGenJob>(std::move(params)),
                          info[2].As<v8::Function>());
  }
  EVP_PKEY* pkey = GenerateDhKeyPair(params);
  if (pkey == nullptr) return ThrowOpenSSLError(isolate, "Key generation job failed");
  v8::Local<v8::Object> pub;
  v8::Local<v8::Object> priv;
  bool ok = NewAsymmetricKeyHandle(env, 1, pkey).ToLocal(&pub) &&
            NewAsymmetricKeyHandle(env, 2, pkey).ToLocal(&priv);
  EVP_PKEY_free(pkey);
  if (!ok) return;
  v8::Local<v8::Value> pair[] = {pub, priv};
  info.GetReturnValue().Set(v8::Array::New(isolate, pair, 2));
}

// ---- templates ----

struct DhTemplates : public BindingData {
  v8::Global<v8::FunctionTemplate> ecdh;
  v8::Global<v8::FunctionTemplate> dh;
  v8::Global<v8::FunctionTemplate> dh_group;
};

DhTemplates* GetDhTemplates(Environment* env) {
  return env->binding_data<DhTemplates>("crypto_dh");
}

v8::Global<v8::FunctionTemplate>& EcdhTemplateSlot(Environment* env) {
  return GetDhTemplates(env)->ecdh;
}

v8::Global<v8::FunctionTemplate>& DhTemplateSlot(Environment* env, bool group) {
  DhTemplates* templates = GetDhTemplates(env);
  return group ? templates->dh_group : templates->dh;
}

v8::Local<v8::FunctionTemplate> NewDhTemplate(v8::Isolate* isolate, const char* name) {
  v8::Local<v8::FunctionTemplate> tmpl = NewWrapTemplate(isolate, name, DhNew);
  // An own accessor, so that inspecting the handle shows `verifyError: [Getter]` as node's.
  tmpl->InstanceTemplate()->SetAccessorProperty(
      OneByteString(isolate, "verifyError"),
      v8::FunctionTemplate::New(isolate, DhVerifyError, v8::Local<v8::Value>(),
                                v8::Signature::New(isolate, tmpl)),
      v8::Local<v8::FunctionTemplate>(), v8::DontDelete);
  SetProtoMethod(isolate, tmpl, "init", DhInit);
  SetProtoMethod(isolate, tmpl, "generateKeys", DhGenerateKeys);
  SetProtoMethod(isolate, tmpl, "computeSecret", DhComputeSecret);
  SetProtoMethod(isolate, tmpl, "get", DhGet);
  SetProtoMethod(isolate, tmpl, "set", DhSet);
  return tmpl;
}

}  // namespace

void InitDh(Environment* env, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  env->set_binding_data("crypto_dh", std::make_unique<DhTemplates>());
  DhTemplates* templates = GetDhTemplates(env);

  v8::Local<v8::FunctionTemplate> ecdh = NewWrapTemplate(isolate, "ECDH", EcdhNew);
  SetProtoMethod(isolate, ecdh, "init", EcdhInit);
  SetProtoMethod(isolate, ecdh, "generateKeys", EcdhGenerateKeys);
  SetProtoMethod(isolate, ecdh, "computeSecret", EcdhComputeSecret);
  SetProtoMethod(isolate, ecdh, "getPublicKey", EcdhGetPublicKey);
  SetProtoMethod(isolate, ecdh, "getPrivateKey", EcdhGetPrivateKey);
  SetProtoMethod(isolate, ecdh, "setPrivateKey", EcdhSetPrivateKey);
  SetProtoMethod(isolate, ecdh, "setPublicKey", EcdhSetPublicKey);
  templates->ecdh.Reset(isolate, ecdh);
  SetValue(context, target, "ECDH", ecdh->GetFunction(context).ToLocalChecked());

  v8::Local<v8::FunctionTemplate> dh = NewDhTemplate(isolate, "DiffieHellman");
  templates->dh.Reset(isolate, dh);
  SetValue(context, target, "DiffieHellman", dh->GetFunction(context).ToLocalChecked());
  v8::Local<v8::FunctionTemplate> dh_group = NewDhTemplate(isolate, "DiffieHellmanGroup");
  templates->dh_group.Reset(isolate, dh_group);
  SetValue(context, target, "DiffieHellmanGroup",
           dh_group->GetFunction(context).ToLocalChecked());

  SetMethod(context, target, "ecdhConvertKey", EcdhConvertKey);
  SetMethod(context, target, "ecKeyFromPoint", EcKeyFromPoint);
  SetMethod(context, target, "ecPointOfKey", EcPointOfKey);
  SetMethod(context, target, "statelessDH", StatelessDh);
  SetMethod(context, target, "generateDhKeyPair", GenerateDhKeyPairCall);
}

}  // namespace ringjs::crypto
