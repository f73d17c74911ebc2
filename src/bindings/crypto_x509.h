// X509 certificates for internalBinding('crypto') (X509Certificate, crypto_x509.cc) and
// internalBinding('tls_wrap') (getPeerCertificate): the fields as node prints them
// (crypto_x509_fields.cc).
#ifndef RINGJS_BINDINGS_CRYPTO_X509_H_
#define RINGJS_BINDINGS_CRYPTO_X509_H_

#include <openssl/x509.h>

#include <string>

#include "bindings/crypto_util.h"

namespace ringjs::crypto {

// node's certificate object (subject, issuer, subjectaltname, infoAccess as text, ca, public
// key fields, valid_from/to, fingerprints, ext_key_usage, serialNumber, raw); nullptr cert
// gives an empty object. JS finishes it (infoAccess parsed, Buffers, issuer links).
v8::MaybeLocal<v8::Object> CertificateToObject(Environment* env, X509* cert);

// "AB:CD:..." over md of the DER form; empty on failure.
std::string Fingerprint(X509* cert, const EVP_MD* md);
// "DNS:a.example, IP Address:1.2.3.4, ..." as node prints it; false without the extension.
bool SubjectAltName(X509* cert, std::string* out);
// "OCSP - URI:http://...\nCA Issuers - URI:...\n" (one line per entry, each ending in \n);
// false without the extension.
bool InfoAccess(X509* cert, std::string* out);
// "Sep  3 21:40:37 2022 GMT".
std::string TimeString(const ASN1_TIME* time);
// The extended key usage OIDs (dotted) as an array, or undefined without the extension.
v8::Local<v8::Value> ExtendedKeyUsage(v8::Isolate* isolate, X509* cert);
// Upper-case hex without a prefix.
std::string BignumHex(const BIGNUM* bn);

}  // namespace ringjs::crypto

#endif  // RINGJS_BINDINGS_CRYPTO_X509_H_
