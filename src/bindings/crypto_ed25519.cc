#include "bindings/crypto_ed25519.h"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <sodium.h>

#include <cstring>

namespace ringjs::crypto {

namespace {

// SHA-512 over the concatenation of up to three pieces.
bool Sha512(const EVP_MD* sha512, const unsigned char* a, size_t a_size, const unsigned char* b,
            size_t b_size, const unsigned char* c, size_t c_size, unsigned char out[64]) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  unsigned int len = 0;
  bool ok = ctx != nullptr && EVP_DigestInit_ex(ctx, sha512, nullptr) == 1 &&
            EVP_DigestUpdate(ctx, a, a_size) == 1 &&
            (b_size == 0 || EVP_DigestUpdate(ctx, b, b_size) == 1) &&
            (c_size == 0 || EVP_DigestUpdate(ctx, c, c_size) == 1) &&
            EVP_DigestFinal_ex(ctx, out, &len) == 1 && len == 64;
  EVP_MD_CTX_free(ctx);
  return ok;
}

}  // namespace

Ed25519Signer::~Ed25519Signer() { OPENSSL_cleanse(this, sizeof(*this)); }

bool PrepareEd25519Signer(EVP_PKEY* pkey, const EVP_MD* sha512, Ed25519Signer* signer) {
  if (sha512 == nullptr || EVP_PKEY_get_id(pkey) != EVP_PKEY_ED25519 || sodium_init() < 0) {
    return false;
  }
  unsigned char seed[32];
  size_t seed_size = sizeof(seed);
  size_t public_size = sizeof(signer->public_key);
  unsigned char h[64];
  bool ok = EVP_PKEY_get_raw_private_key(pkey, seed, &seed_size) == 1 && seed_size == 32 &&
            EVP_PKEY_get_raw_public_key(pkey, signer->public_key, &public_size) == 1 &&
            public_size == 32 && Sha512(sha512, seed, 32, nullptr, 0, nullptr, 0, h);
  if (ok) {
    h[0] &= 248;
    h[31] &= 127;
    h[31] |= 64;
    // The clamped scalar is below 2^255; reduced it is the same scalar for the group.
    unsigned char wide[64] = {0};
    std::memcpy(wide, h, 32);
    crypto_core_ed25519_scalar_reduce(signer->scalar, wide);
    std::memcpy(signer->prefix, h + 32, 32);
    OPENSSL_cleanse(wide, sizeof(wide));
  }
  OPENSSL_cleanse(seed, sizeof(seed));
  OPENSSL_cleanse(h, sizeof(h));
  ERR_clear_error();
  return ok;
}

bool Ed25519Sign(const Ed25519Signer& signer, const EVP_MD* sha512, const unsigned char* data,
                 size_t size, unsigned char signature[64]) {
  unsigned char h[64];
  unsigned char r[32];
  unsigned char k[32];
  unsigned char ks[32];
  // r = SHA-512(prefix || M) mod L; R = rB.
  bool ok = Sha512(sha512, signer.prefix, 32, data, size, nullptr, 0, h);
  if (ok) {
    crypto_core_ed25519_scalar_reduce(r, h);
    ok = crypto_scalarmult_ed25519_base_noclamp(signature, r) == 0;
  }
  // k = SHA-512(R || A || M) mod L; S = (r + k * s) mod L.
  if (ok) ok = Sha512(sha512, signature, 32, signer.public_key, 32, data, size, h);
  if (ok) {
    crypto_core_ed25519_scalar_reduce(k, h);
    crypto_core_ed25519_scalar_mul(ks, k, signer.scalar);
    crypto_core_ed25519_scalar_add(signature + 32, r, ks);
  }
  OPENSSL_cleanse(h, sizeof(h));
  OPENSSL_cleanse(r, sizeof(r));
  OPENSSL_cleanse(k, sizeof(k));
  OPENSSL_cleanse(ks, sizeof(ks));
  return ok;
}

bool Ed25519SurelyValid(const unsigned char public_key[32], const unsigned char* data,
                        size_t size, const unsigned char* signature, size_t signature_size) {
  if (signature_size != 64 || sodium_init() < 0) return false;
  static const unsigned char kEmpty = 0;
  if (size == 0) data = &kEmpty;
  // S must be below the group order L, as OpenSSL requires (a libsodium built with
  // ED25519_COMPAT would only look at S's top bits). Compared from the most significant byte.
  static const unsigned char kOrder[32] = {
      0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
      0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10};
  const unsigned char* s = signature + 32;
  int i = 31;
  while (i >= 0 && s[i] == kOrder[i]) i--;
  if (i < 0 || s[i] > kOrder[i]) return false;
  return crypto_sign_ed25519_verify_detached(signature, data, size, public_key) == 0;
}

}  // namespace ringjs::crypto
