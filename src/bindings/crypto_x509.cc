// X509CertificateHandle: one parsed certificate (PEM or DER) behind crypto.X509Certificate.
// Its getters return node's texts (crypto_x509_fields.cc); the checks are OpenSSL's
// X509_check_host/email/ip/issued/private_key and X509_verify. JS validates arguments.
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <string>
#include <vector>

#include "bindings/crypto_x509.h"

namespace ringjs::crypto {
namespace {

class X509Handle : public CryptoWrap {
 public:
  X509Handle(Environment* env, v8::Local<v8::Object> object, X509* cert)
      : CryptoWrap(env, object), cert_(cert) {}
  ~X509Handle() override { X509_free(cert_); }
  X509* cert() const { return cert_; }

 private:
  X509* cert_;
};

v8::Local<v8::FunctionTemplate> X509Template(Environment* env) {
  return GetCryptoData(env)->x509_template.Get(env->isolate());
}

X509Handle* UnwrapX509(Environment* env, v8::Local<v8::Value> value) {
  return CryptoWrap::Unwrap<X509Handle>(env->isolate(), X509Template(env), value);
}

// The handle of `this`; nullptr (nothing returned) for a foreign receiver.
X509* ThisCert(const v8::FunctionCallbackInfo<v8::Value>& info) {
  X509Handle* handle = UnwrapX509(Environment::From(info), info.This());
  return handle == nullptr ? nullptr : handle->cert();
}

void SetString(const v8::FunctionCallbackInfo<v8::Value>& info, const std::string& text) {
  info.GetReturnValue().Set(Utf8String(info.GetIsolate(), text));
}

// A certificate from PEM (the first one in the text) or DER. On failure the queue holds the
// PEM error first, then DER's, which is the order node reports them in.
X509* ParseCertificate(const unsigned char* data, size_t size) {
  BIO* bio = BIO_new_mem_buf(data, static_cast<int>(size));
  if (bio == nullptr) return nullptr;
  X509* cert = PEM_read_bio_X509_AUX(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  if (cert != nullptr) return cert;
  const unsigned char* p = data;
  cert = d2i_X509(nullptr, &p, static_cast<long>(size));
  if (cert != nullptr) ERR_clear_error();
  return cert;
}

void X509New(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!info.IsConstructCall()) {
    return ThrowTypeError(info.GetIsolate(), "X509CertificateHandle must be constructed");
  }
}

// parseX509(bytes) -> X509CertificateHandle; throws node's OpenSSL error.
void ParseX509(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  v8::Isolate* isolate = env->isolate();
  ByteView bytes;
  if (!GetByteView(info[0], &bytes)) return ThrowTypeError(isolate, "parseX509(bytes)");
  ERR_clear_error();
  X509* cert = ParseCertificate(bytes.data, bytes.size);
  if (cert == nullptr) return ThrowOpenSSLError(isolate, "Failed to parse certificate");
  v8::Local<v8::Function> ctor;
  v8::Local<v8::Object> obj;
  if (!X509Template(env)->GetFunction(env->context()).ToLocal(&ctor) ||
      !ctor->NewInstance(env->context()).ToLocal(&obj)) {
    X509_free(cert);
    return;
  }
  new X509Handle(env, obj, cert);
  info.GetReturnValue().Set(obj);
}

// A name as node's X509Certificate shows it: one "KEY=value" per line, RFC 2253 escapes,
// UTF-8 kept.
void PrintName(const v8::FunctionCallbackInfo<v8::Value>& info, X509_NAME* name) {
  BIO* bio = BIO_new(BIO_s_mem());
  if (bio == nullptr) return;
  constexpr unsigned long kFlags = ASN1_STRFLGS_ESC_2253 | ASN1_STRFLGS_ESC_CTRL |
                                   ASN1_STRFLGS_UTF8_CONVERT | XN_FLAG_SEP_MULTILINE |
                                   XN_FLAG_FN_SN;
  if (X509_NAME_print_ex(bio, name, 0, kFlags) >= 0) {
    char* data = nullptr;
    long len = BIO_get_mem_data(bio, &data);
    SetString(info, std::string(data, len > 0 ? len : 0));
  }
  BIO_free(bio);
  ERR_clear_error();
}

void Subject(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (X509* cert = ThisCert(info)) PrintName(info, X509_get_subject_name(cert));
}

void Issuer(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (X509* cert = ThisCert(info)) PrintName(info, X509_get_issuer_name(cert));
}

void SubjectAltNameText(const v8::FunctionCallbackInfo<v8::Value>& info) {
  X509* cert = ThisCert(info);
  std::string text;
  if (cert != nullptr && SubjectAltName(cert, &text)) SetString(info, text);
  ERR_clear_error();
}

// infoAccess: the lines without the last newline.
void InfoAccessText(const v8::FunctionCallbackInfo<v8::Value>& info) {
  X509* cert = ThisCert(info);
  std::string text;
  if (cert != nullptr && InfoAccess(cert, &text)) {
    if (!text.empty() && text.back() == '\n') text.pop_back();
    SetString(info, text);
  }
  ERR_clear_error();
}

void ValidFrom(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (X509* cert = ThisCert(info)) SetString(info, TimeString(X509_get0_notBefore(cert)));
}

void ValidTo(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (X509* cert = ThisCert(info)) SetString(info, TimeString(X509_get0_notAfter(cert)));
}

// fingerprint(digest name)
void FingerprintText(const v8::FunctionCallbackInfo<v8::Value>& info) {
  X509* cert = ThisCert(info);
  if (cert == nullptr) return;
  const EVP_MD* md = GetCryptoData(Environment::From(info))
                         ->Digest(ToStdString(info.GetIsolate(), info[0]));
  if (md != nullptr) SetString(info, Fingerprint(cert, md));
}

// keyUsage: the extended key usage OIDs (dotted), or undefined without the extension.
void KeyUsage(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (X509* cert = ThisCert(info)) {
    info.GetReturnValue().Set(ExtendedKeyUsage(info.GetIsolate(), cert));
  }
}

void SerialNumber(const v8::FunctionCallbackInfo<v8::Value>& info) {
  X509* cert = ThisCert(info);
  if (cert == nullptr) return;
  BIGNUM* serial = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr);
  if (serial == nullptr) return ERR_clear_error();
  SetString(info, BignumHex(serial));
  BN_free(serial);
}

void Raw(const v8::FunctionCallbackInfo<v8::Value>& info) {
  X509* cert = ThisCert(info);
  if (cert == nullptr) return;
  unsigned char* der = nullptr;
  int len = i2d_X509(cert, &der);
  if (len < 0) return ThrowOpenSSLError(info.GetIsolate(), "Failed to encode certificate");
  info.GetReturnValue().Set(NewUint8Array(info.GetIsolate(), der, len));
  OPENSSL_free(der);
}

void Pem(const v8::FunctionCallbackInfo<v8::Value>& info) {
  X509* cert = ThisCert(info);
  if (cert == nullptr) return;
  BIO* bio = BIO_new(BIO_s_mem());
  if (bio != nullptr && PEM_write_bio_X509(bio, cert) == 1) {
    char* data = nullptr;
    long len = BIO_get_mem_data(bio, &data);
    SetString(info, std::string(data, len > 0 ? len : 0));
  }
  BIO_free(bio);
}

// publicKey() -> a public KeyObjectHandle.
void PublicKey(const v8::FunctionCallbackInfo<v8::Value>& info) {
  X509* cert = ThisCert(info);
  if (cert == nullptr) return;
  EVP_PKEY* pkey = X509_get0_pubkey(cert);
  if (pkey == nullptr) return ThrowOpenSSLError(info.GetIsolate(), "Failed to get public key");
  v8::Local<v8::Object> handle;
  if (NewAsymmetricKeyHandle(Environment::From(info), 1, pkey).ToLocal(&handle)) {
    info.GetReturnValue().Set(handle);
  }
}

void CheckCA(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (X509* cert = ThisCert(info)) info.GetReturnValue().Set(X509_check_ca(cert) == 1);
  ERR_clear_error();
}

// checkHost(name, flags) -> the certificate name that matched, undefined if none did, null
// for a name OpenSSL refuses (an embedded NUL).
void CheckHost(const v8::FunctionCallbackInfo<v8::Value>& info) {
  X509* cert = ThisCert(info);
  if (cert == nullptr) return;
  std::string name = ToStdString(info.GetIsolate(), info[0]);
  unsigned int flags = info[1]->Uint32Value(info.GetIsolate()->GetCurrentContext()).FromMaybe(0);
  char* peername = nullptr;
  int result = X509_check_host(cert, name.data(), name.size(), flags, &peername);
  if (result == 1 && peername != nullptr) SetString(info, peername);
  if (result < 0) info.GetReturnValue().SetNull();
  OPENSSL_free(peername);
  ERR_clear_error();
}

// checkEmail(email, flags) -> email if the certificate names it, undefined if not, null for
// an address OpenSSL refuses.
void CheckEmail(const v8::FunctionCallbackInfo<v8::Value>& info) {
  X509* cert = ThisCert(info);
  if (cert == nullptr) return;
  std::string email = ToStdString(info.GetIsolate(), info[0]);
  unsigned int flags = info[1]->Uint32Value(info.GetIsolate()->GetCurrentContext()).FromMaybe(0);
  int result = X509_check_email(cert, email.data(), email.size(), flags);
  if (result == 1) info.GetReturnValue().Set(info[0]);
  if (result < 0) info.GetReturnValue().SetNull();
  ERR_clear_error();
}

// checkIP(ip) -> ip if the certificate names it, undefined if not, null if ip does not parse.
void CheckIP(const v8::FunctionCallbackInfo<v8::Value>& info) {
  X509* cert = ThisCert(info);
  if (cert == nullptr) return;
  std::string ip = ToStdString(info.GetIsolate(), info[0]);
  int result = X509_check_ip_asc(cert, ip.c_str(), 0);
  ERR_clear_error();
  if (result == 1) info.GetReturnValue().Set(info[0]);
  if (result < 0) info.GetReturnValue().SetNull();
}

void CheckIssued(const v8::FunctionCallbackInfo<v8::Value>& info) {
  X509* cert = ThisCert(info);
  X509Handle* issuer = UnwrapX509(Environment::From(info), info[0]);
  if (cert == nullptr || issuer == nullptr) return;
  info.GetReturnValue().Set(X509_check_issued(issuer->cert(), cert) == X509_V_OK);
  ERR_clear_error();
}

void CheckPrivateKey(const v8::FunctionCallbackInfo<v8::Value>& info) {
  X509* cert = ThisCert(info);
  EVP_PKEY* pkey = KeyHandlePkey(Environment::From(info), info[0]);
  if (cert == nullptr || pkey == nullptr) return;
  info.GetReturnValue().Set(X509_check_private_key(cert, pkey) == 1);
  ERR_clear_error();
}

void Verify(const v8::FunctionCallbackInfo<v8::Value>& info) {
  X509* cert = ThisCert(info);
  EVP_PKEY* pkey = KeyHandlePkey(Environment::From(info), info[0]);
  if (cert == nullptr || pkey == nullptr) return;
  info.GetReturnValue().Set(X509_verify(cert, pkey) > 0);
  ERR_clear_error();
}

void ToLegacy(const v8::FunctionCallbackInfo<v8::Value>& info) {
  X509* cert = ThisCert(info);
  v8::Local<v8::Object> obj;
  if (cert != nullptr && CertificateToObject(Environment::From(info), cert).ToLocal(&obj)) {
    info.GetReturnValue().Set(obj);
  }
}

}  // namespace

void InitX509(Environment* env, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  v8::Local<v8::FunctionTemplate> tmpl =
      NewWrapTemplate(isolate, "X509CertificateHandle", X509New);
  SetProtoMethod(isolate, tmpl, "subject", Subject);
  SetProtoMethod(isolate, tmpl, "issuer", Issuer);
  SetProtoMethod(isolate, tmpl, "subjectAltName", SubjectAltNameText);
  SetProtoMethod(isolate, tmpl, "infoAccess", InfoAccessText);
  SetProtoMethod(isolate, tmpl, "validFrom", ValidFrom);
  SetProtoMethod(isolate, tmpl, "validTo", ValidTo);
  SetProtoMethod(isolate, tmpl, "fingerprint", FingerprintText);
  SetProtoMethod(isolate, tmpl, "keyUsage", KeyUsage);
  SetProtoMethod(isolate, tmpl, "serialNumber", SerialNumber);
  SetProtoMethod(isolate, tmpl, "raw", Raw);
  SetProtoMethod(isolate, tmpl, "pem", Pem);
  SetProtoMethod(isolate, tmpl, "publicKey", PublicKey);
  SetProtoMethod(isolate, tmpl, "checkCA", CheckCA);
  SetProtoMethod(isolate, tmpl, "checkHost", CheckHost);
  SetProtoMethod(isolate, tmpl, "checkEmail", CheckEmail);
  SetProtoMethod(isolate, tmpl, "checkIP", CheckIP);
  SetProtoMethod(isolate, tmpl, "checkIssued", CheckIssued);
  SetProtoMethod(isolate, tmpl, "checkPrivateKey", CheckPrivateKey);
  SetProtoMethod(isolate, tmpl, "verify", Verify);
  SetProtoMethod(isolate, tmpl, "toLegacy", ToLegacy);
  GetCryptoData(env)->x509_template.Reset(isolate, tmpl);
  SetMethod(context, target, "parseX509", ParseX509);
  v8::Local<v8::Object> flags = v8::Object::New(isolate);
#define V(name) SetValue(context, flags, #name, v8::Integer::NewFromUnsigned(isolate, X509_CHECK_FLAG_##name));
  V(ALWAYS_CHECK_SUBJECT) V(NEVER_CHECK_SUBJECT) V(NO_WILDCARDS) V(NO_PARTIAL_WILDCARDS)
  V(MULTI_LABEL_WILDCARDS) V(SINGLE_LABEL_SUBDOMAINS)
#undef V
  SetValue(context, target, "x509CheckFlags", flags);
}

}  // namespace ringjs::crypto
