// Ed25519 signatures (RFC 8032, section 5.1.6) computed with libsodium's constant-time group and
// scalar arithmetic and OpenSSL's SHA-512. Debian's libcrypto builds its Ed25519 from portable
// 32-bit-limb code at -O2 (about 625k instructions for a 1 KiB message, against 450k in node's
// OpenSSL); libsodium's 64-bit-limb base-point multiplication needs about half. Ed25519 is
// deterministic, so the signature bytes are OpenSSL's. Verification asks libsodium first: it
// checks the same equation but rejects more (small-order keys and R, non-canonical keys), so
// its "valid" is OpenSSL's too, and only its "invalid" needs OpenSSL's word.
#ifndef SRC_BINDINGS_CRYPTO_ED25519_H_
#define SRC_BINDINGS_CRYPTO_ED25519_H_

#include <openssl/evp.h>

#include <cstddef>

namespace ringjs::crypto {

// What a private key contributes to every signature, derived once per key.
struct Ed25519Signer {
  unsigned char scalar[32];      // the clamped secret scalar, reduced mod L
  unsigned char prefix[32];      // the second half of SHA-512(seed)
  unsigned char public_key[32];  // the encoded public point A
  ~Ed25519Signer();
};

// Fills signer from an Ed25519 private key; false (OpenSSL's error queue left clean) if pkey is
// not one or libsodium could not start: the caller then signs with OpenSSL.
bool PrepareEd25519Signer(EVP_PKEY* pkey, const EVP_MD* sha512, Ed25519Signer* signer);

// The 64-byte signature over data; false only if a step failed (the caller falls back).
bool Ed25519Sign(const Ed25519Signer& signer, const EVP_MD* sha512, const unsigned char* data,
                 size_t size, unsigned char signature[64]);

// True if signature is a valid Ed25519 signature of data under public_key as libsodium checks
// it (then OpenSSL agrees); false means invalid or not sure: the caller asks OpenSSL.
bool Ed25519SurelyValid(const unsigned char public_key[32], const unsigned char* data,
                        size_t size, const unsigned char* signature, size_t signature_size);

}  // namespace ringjs::crypto

#endif  // SRC_BINDINGS_CRYPTO_ED25519_H_
