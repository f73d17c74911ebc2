// SPKAC (Netscape signed public key and challenge, HTML5 <keygen>) for crypto.Certificate:
// verify the signature, export the public key (PEM) and the challenge. Input that does not
// decode gives '' / false, as node's.
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

#include "bindings/crypto_util.h"

namespace ringjs::crypto {
namespace {

struct SpkiFree {
  void operator()(NETSCAPE_SPKI* spki) const { NETSCAPE_SPKI_free(spki); }
};
using SpkiPointer = std::unique_ptr<NETSCAPE_SPKI, SpkiFree>;

// The SPKAC in a view argument (base64 text); nullptr if it does not decode.
SpkiPointer DecodeSpkac(v8::Local<v8::Value> value) {
  ByteView view;
  if (!GetByteView(value, &view) || view.size == 0) return nullptr;
  // Trailing whitespace (a file's final newline) is not part of the base64.
  size_t size = view.size;
  while (size > 0 && isspace(view.data[size - 1])) size--;
  SpkiPointer spki(NETSCAPE_SPKI_b64_decode(reinterpret_cast<const char*>(view.data),
                                            static_cast<int>(size)));
  ERR_clear_error();
  return spki;
}

void VerifySpkac(const v8::FunctionCallbackInfo<v8::Value>& info) {
  bool verified = false;
  if (SpkiPointer spki = DecodeSpkac(info[0])) {
    EVP_PKEY* pkey = NETSCAPE_SPKI_get_pubkey(spki.get());
    if (pkey != nullptr) {
      verified = NETSCAPE_SPKI_verify(spki.get(), pkey) > 0;
      EVP_PKEY_free(pkey);
    }
  }
  ERR_clear_error();
  info.GetReturnValue().Set(verified);
}

void ExportPublicKey(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  info.GetReturnValue().Set(v8::String::Empty(isolate));
  SpkiPointer spki = DecodeSpkac(info[0]);
  if (!spki) return;
  EVP_PKEY* pkey = NETSCAPE_SPKI_get_pubkey(spki.get());
  if (pkey == nullptr) return ERR_clear_error();
  BIO* bio = BIO_new(BIO_s_mem());
  if (bio != nullptr && PEM_write_bio_PUBKEY(bio, pkey) == 1) {
    char* data = nullptr;
    long len = BIO_get_mem_data(bio, &data);
    info.GetReturnValue().Set(
        NewUint8Array(isolate, reinterpret_cast<unsigned char*>(data), len > 0 ? len : 0));
  }
  BIO_free(bio);
  EVP_PKEY_free(pkey);
  ERR_clear_error();
}

void ExportChallenge(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  info.GetReturnValue().Set(v8::String::Empty(isolate));
  SpkiPointer spki = DecodeSpkac(info[0]);
  if (!spki) return;
  ASN1_IA5STRING* challenge = spki->spkac->challenge;
  unsigned char* utf8 = nullptr;
  int len = ASN1_STRING_to_UTF8(&utf8, challenge);
  if (len < 0) return ERR_clear_error();
  info.GetReturnValue().Set(NewUint8Array(isolate, utf8, len));
  OPENSSL_free(utf8);
}

}  // namespace

void InitSpkac(Environment* env, v8::Local<v8::Object> target) {
  SetMethod(env->context(), target, "certVerifySpkac", VerifySpkac);
  SetMethod(env->context(), target, "certExportPublicKey", ExportPublicKey);
  SetMethod(env->context(), target, "certExportChallenge", ExportChallenge);
}

}  // namespace ringjs::crypto
