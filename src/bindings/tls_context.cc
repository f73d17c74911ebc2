// SecureContext: one SSL_CTX (protocol range, key, certificate chain, trusted CAs, CRLs,
// ciphers, curves, options) shared by the TLS connections made from it. JS
// (lib/js/_tls_common.js) validates options and calls these methods in node's order.
#include <openssl/bio.h>
#include <openssl/dh.h>
#include <openssl/engine.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bindings/tls_util.h"

namespace ringjs::tls {

using crypto::ByteView;

TlsData* GetTlsData(Environment* env) { return env->binding_data<TlsData>("tls_wrap"); }

SecureContext::SecureContext(Environment* env, v8::Local<v8::Object> object)
    : crypto::CryptoWrap(env, object) {}

SecureContext::~SecureContext() {
  DetachTicketKeys(ctx_);
  SSL_CTX_free(ctx_);
}

SecureContext* SecureContext::Unwrap(Environment* env, v8::Local<v8::Value> value) {
  TlsData* data = GetTlsData(env);
  SecureContext* sc = crypto::CryptoWrap::Unwrap<SecureContext>(
      env->isolate(), data->context_template.Get(env->isolate()), value);
  return sc != nullptr && sc->ctx_ != nullptr ? sc : nullptr;
}

namespace {

// A memory BIO over a string or view argument (PEM text or DER bytes).
BIO* ArgToBio(v8::Isolate* isolate, v8::Local<v8::Value> value, std::string* scratch) {
  ByteView view;
  if (!crypto::GetInputBytes(isolate, value, 0, scratch, &view)) return nullptr;
  return BIO_new_mem_buf(view.data, static_cast<int>(view.size));
}

// PEM passphrase callback: the passphrase JS gave, or a refusal (never a terminal prompt).
int PassphraseCallback(char* buf, int size, int, void* u) {
  const std::string* pass = static_cast<const std::string*>(u);
  if (pass == nullptr) return -1;
  int len = static_cast<int>(pass->size());
  if (len > size) len = size;
  memcpy(buf, pass->data(), len);
  return len;
}

// The first error's reason is what the caller reports; a PEM "no start line" left behind by a
// loop that read until the end is not an error.
void ClearEndOfPem() {
  unsigned long err = ERR_peek_last_error();
  if (ERR_GET_LIB(err) == ERR_LIB_PEM && ERR_GET_REASON(err) == PEM_R_NO_START_LINE) {
    ERR_clear_error();
  }
}

// The certificates of NODE_EXTRA_CA_CERTS, loaded once for the process (workers share them).
// NODE_EXTRA_CA_CERTS as it was at start-up (node reads it then too).
std::string& ExtraCertsPath() {
  static auto* path = new std::string();
  return *path;
}

// Every certificate of the NODE_EXTRA_CA_CERTS file, read when a secure context first adds the
// root certificates (parsing a whole bundle costs ~10 ms that start-up need not pay).
std::vector<X509*>& ExtraRootCerts() {
  static std::vector<X509*>* certs = [] {
    auto* read = new std::vector<X509*>();
    if (ExtraCertsPath().empty()) return read;
    if (BIO* in = BIO_new_file(ExtraCertsPath().c_str(), "r")) {
      while (X509* cert = PEM_read_bio_X509(in, nullptr, nullptr, nullptr)) read->push_back(cert);
      BIO_free(in);
    }
    ERR_clear_error();
    return read;
  }();
  return *certs;
}

}  // namespace

struct SecureContextMethods {
  static SecureContext* This(const v8::FunctionCallbackInfo<v8::Value>& info) {
    return static_cast<SecureContext*>(
        info.This()->GetAlignedPointerFromInternalField(0));
  }

  // The context if init() made one; otherwise throws.
  static SecureContext* Ready(const v8::FunctionCallbackInfo<v8::Value>& info) {
    SecureContext* sc = This(info);
    if (sc == nullptr || sc->ctx_ == nullptr) {
      ThrowError(info.GetIsolate(), "SecureContext is not initialized");
      return nullptr;
    }
    return sc;
  }

  static void New(const v8::FunctionCallbackInfo<v8::Value>& info) {
    Environment* env = Environment::From(info);
    new SecureContext(env, info.This());
  }

  // init(minVersion, maxVersion): TLS versions as numbers (0: no bound).
  static void Init(const v8::FunctionCallbackInfo<v8::Value>& info) {
    SecureContext* sc = This(info);
    v8::Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
    int min_version = info[0]->Int32Value(context).FromMaybe(0);
    int max_version = info[1]->Int32Value(context).FromMaybe(0);
    DetachTicketKeys(sc->ctx_);
    SSL_CTX_free(sc->ctx_);
    sc->ctx_ = SSL_CTX_new(TLS_method());
    if (sc->ctx_ == nullptr) return crypto::ThrowOpenSSLError(info.GetIsolate(), "SSL_CTX_new");
    SSL_CTX_set_options(sc->ctx_, SSL_OP_NO_SSLv2 | SSL_OP_NO_SSLv3 | SSL_OP_NO_COMPRESSION);
    // OpenSSL's built-in security level, which node runs with: node does not read the
    // system openssl.cnf, whose Debian CipherString raises it to 2 (no 1024-bit RSA keys).
    SSL_CTX_set_security_level(sc->ctx_, 1);
    // Accept a partial SSL_write's progress and let the write buffer move (JS hands us
    // buffers that may be collected between calls).
    SSL_CTX_set_mode(sc->ctx_, SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    SSL_CTX_set_min_proto_version(sc->ctx_, min_version);
    SSL_CTX_set_max_proto_version(sc->ctx_, max_version);
    // Client sessions go to JS ('session'); servers resume through tickets sealed with the
    // context's own keys.
    SSL_CTX_set_session_cache_mode(sc->ctx_, SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_SERVER |
                                                 SSL_SESS_CACHE_NO_INTERNAL_STORE);
    // A server asking for client certificates needs a session id context to resume.
    static const unsigned char kDefaultSessionContext[] = "ringjs";
    SSL_CTX_set_session_id_context(sc->ctx_, kDefaultSessionContext,
                                   sizeof(kDefaultSessionContext) - 1);
    InstallContextCallbacks(sc->ctx_);
    InstallTicketKeys(sc->ctx_, sc);
  }

  // setKey(pem, passphrase?)
  static void SetKey(const v8::FunctionCallbackInfo<v8::Value>& info) {
    v8::Isolate* isolate = info.GetIsolate();
    SecureContext* sc = Ready(info);
    if (sc == nullptr) return;
    std::string scratch;
    BIO* bio = ArgToBio(isolate, info[0], &scratch);
    if (bio == nullptr) return ThrowTypeError(isolate, "Bad key");
    std::string pass;
    bool has_pass = info.Length() > 1 && !info[1]->IsUndefined() && !info[1]->IsNull();
    if (has_pass) pass = ToStdString(isolate, info[1]);
    ERR_clear_error();
    // No passphrase reads as an empty one, so an encrypted key fails with node's "bad decrypt".
    EVP_PKEY* key = PEM_read_bio_PrivateKey(bio, nullptr, PassphraseCallback, &pass);
    BIO_free(bio);
    UsePrivateKey(isolate, sc, key, "PEM_read_bio_PrivateKey");
  }

  // Makes key (owned, may be null: then OpenSSL's error or `missing` is thrown) the context's.
  static void UsePrivateKey(v8::Isolate* isolate, SecureContext* sc, EVP_PKEY* key,
                            const char* missing) {
    if (key == nullptr) return crypto::ThrowOpenSSLError(isolate, missing);
    int ok = SSL_CTX_use_PrivateKey(sc->ctx_, key);
    EVP_PKEY_free(key);
    if (ok != 1) return crypto::ThrowOpenSSLError(isolate, "SSL_CTX_use_PrivateKey");
  }

  // setCert(pem): the certificate, then any chain certificates after it.
  static void SetCert(const v8::FunctionCallbackInfo<v8::Value>& info) {
    v8::Isolate* isolate = info.GetIsolate();
    SecureContext* sc = Ready(info);
    if (sc == nullptr) return;
    std::string scratch;
    BIO* bio = ArgToBio(isolate, info[0], &scratch);
    if (bio == nullptr) return ThrowTypeError(isolate, "Bad certificate");
    ERR_clear_error();
    X509* cert = PEM_read_bio_X509_AUX(bio, nullptr, PassphraseCallback, nullptr);
    if (cert == nullptr) {
      BIO_free(bio);
      return crypto::ThrowOpenSSLError(isolate, "PEM_read_bio_X509_AUX");
    }
    int ok = SSL_CTX_use_certificate(sc->ctx_, cert);
    X509_free(cert);
    if (ok != 1) {
      BIO_free(bio);
      return crypto::ThrowOpenSSLError(isolate, "SSL_CTX_use_certificate");
    }
    SSL_CTX_clear_chain_certs(sc->ctx_);
    while (X509* extra = PEM_read_bio_X509(bio, nullptr, PassphraseCallback, nullptr)) {
      SSL_CTX_add1_chain_cert(sc->ctx_, extra);
      X509_free(extra);
    }
    ClearEndOfPem();
    BIO_free(bio);
  }

  // addCACert(pem): trusted for verifying the peer and named in certificate requests.
  static void AddCACert(const v8::FunctionCallbackInfo<v8::Value>& info) {
    v8::Isolate* isolate = info.GetIsolate();
    SecureContext* sc = Ready(info);
    if (sc == nullptr) return;
    std::string scratch;
    BIO* bio = ArgToBio(isolate, info[0], &scratch);
    if (bio == nullptr) return ThrowTypeError(isolate, "Bad CA certificate");
    X509_STORE* store = SSL_CTX_get_cert_store(sc->ctx_);
    sc->own_ca_store_ = true;
    while (X509* cert = PEM_read_bio_X509_AUX(bio, nullptr, PassphraseCallback, nullptr)) {
      X509_STORE_add_cert(store, cert);
      SSL_CTX_add_client_CA(sc->ctx_, cert);
      X509_free(cert);
    }
    ERR_clear_error();
    BIO_free(bio);
  }

  static void AddCRL(const v8::FunctionCallbackInfo<v8::Value>& info) {
    v8::Isolate* isolate = info.GetIsolate();
    SecureContext* sc = Ready(info);
    if (sc == nullptr) return;
    std::string scratch;
    BIO* bio = ArgToBio(isolate, info[0], &scratch);
    if (bio == nullptr) return ThrowTypeError(isolate, "Bad CRL");
    X509_CRL* crl = PEM_read_bio_X509_CRL(bio, nullptr, PassphraseCallback, nullptr);
    BIO_free(bio);
    if (crl == nullptr) return ThrowError(isolate, "Failed to parse CRL");
    X509_STORE* store = SSL_CTX_get_cert_store(sc->ctx_);
    X509_STORE_add_crl(store, crl);
    X509_STORE_set_flags(store, X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL);
    X509_CRL_free(crl);
  }

  // The system's trust store (OpenSSL's default file and directory; node bundles Mozilla's),
  // and NODE_EXTRA_CA_CERTS.
  static void AddRootCerts(const v8::FunctionCallbackInfo<v8::Value>& info) {
    SecureContext* sc = Ready(info);
    if (sc == nullptr) return;
    if (SSL_CTX_set_default_verify_paths(sc->ctx_) != 1) ERR_clear_error();
    X509_STORE* store = SSL_CTX_get_cert_store(sc->ctx_);
    for (X509* cert : ExtraRootCerts()) X509_STORE_add_cert(store, cert);
    ERR_clear_error();
  }

  static void SetCiphers(const v8::FunctionCallbackInfo<v8::Value>& info) {
    v8::Isolate* isolate = info.GetIsolate();
    SecureContext* sc = Ready(info);
    if (sc == nullptr) return;
    std::string list = ToStdString(isolate, info[0]);
    ERR_clear_error();
    if (SSL_CTX_set_cipher_list(sc->ctx_, list.c_str()) != 1) {
      unsigned long err = ERR_peek_error();
      // As node: an empty TLS 1.2 list is fine when TLS 1.3 suites remain.
      if (list.empty() && ERR_GET_REASON(err) == SSL_R_NO_CIPHER_MATCH) {
        ERR_clear_error();
        return;
      }
      return crypto::ThrowOpenSSLError(isolate, "Failed to set ciphers");
    }
  }

  static void SetCipherSuites(const v8::FunctionCallbackInfo<v8::Value>& info) {
    v8::Isolate* isolate = info.GetIsolate();
    SecureContext* sc = Ready(info);
    if (sc == nullptr) return;
    std::string list = ToStdString(isolate, info[0]);
    ERR_clear_error();
    if (SSL_CTX_set_ciphersuites(sc->ctx_, list.c_str()) != 1) {
      return crypto::ThrowOpenSSLError(isolate, "Failed to set ciphers");
    }
  }

  static void SetECDHCurve(const v8::FunctionCallbackInfo<v8::Value>& info) {
    v8::Isolate* isolate = info.GetIsolate();
    SecureContext* sc = Ready(info);
    if (sc == nullptr) return;
    std::string curves = ToStdString(isolate, info[0]);
    if (curves == "auto") return;
    ERR_clear_error();
    if (SSL_CTX_set1_curves_list(sc->ctx_, curves.c_str()) != 1) {
      return crypto::ThrowOpenSSLError(isolate, "Failed to set ECDH curve");
    }
  }

  static void SetSigalgs(const v8::FunctionCallbackInfo<v8::Value>& info) {
    v8::Isolate* isolate = info.GetIsolate();
    SecureContext* sc = Ready(info);
    if (sc == nullptr) return;
    std::string sigalgs = ToStdString(isolate, info[0]);
    ERR_clear_error();
    if (SSL_CTX_set1_sigalgs_list(sc->ctx_, sigalgs.c_str()) != 1) {
      return crypto::ThrowOpenSSLError(isolate, "Failed to set sigalgs");
    }
  }

  // setDHParam(pem): returns the prime's size in bits (JS warns or throws on small ones), or
  // -1 if the PEM holds no parameters; 'auto' uses OpenSSL's built-in groups.
  static void SetDHParam(const v8::FunctionCallbackInfo<v8::Value>& info) {
    v8::Isolate* isolate = info.GetIsolate();
    SecureContext* sc = Ready(info);
    if (sc == nullptr) return;
    if (info[0]->IsString() && ToStdString(isolate, info[0]) == "auto") {
      SSL_CTX_set_dh_auto(sc->ctx_, 1);
      return;
    }
    std::string scratch;
    BIO* bio = ArgToBio(isolate, info[0], &scratch);
    if (bio == nullptr) return ThrowTypeError(isolate, "Bad DH parameters");
    EVP_PKEY* params = PEM_read_bio_Parameters(bio, nullptr);
    BIO_free(bio);
    if (params == nullptr) {
      ERR_clear_error();
      info.GetReturnValue().Set(-1);
      return;
    }
    int bits = EVP_PKEY_get_bits(params);
    // Too small for anyone: JS throws node's error, not OpenSSL's "dh key too small".
    if (bits < 1024) {
      EVP_PKEY_free(params);
      info.GetReturnValue().Set(bits);
      return;
    }
    if (SSL_CTX_set0_tmp_dh_pkey(sc->ctx_, params) != 1) {
      EVP_PKEY_free(params);
      return crypto::ThrowOpenSSLError(isolate, "Error setting temp DH parameter");
    }
    info.GetReturnValue().Set(bits);
  }

  static void SetOptions(const v8::FunctionCallbackInfo<v8::Value>& info) {
    SecureContext* sc = Ready(info);
    if (sc == nullptr) return;
    v8::Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
    int64_t options = info[0]->IntegerValue(context).FromMaybe(0);
    SSL_CTX_set_options(sc->ctx_, static_cast<uint64_t>(options));
  }

  static void SetSessionIdContext(const v8::FunctionCallbackInfo<v8::Value>& info) {
    v8::Isolate* isolate = info.GetIsolate();
    SecureContext* sc = Ready(info);
    if (sc == nullptr) return;
    std::string id = ToStdString(isolate, info[0]);
    if (id.size() > SSL_MAX_SID_CTX_LENGTH) id.resize(SSL_MAX_SID_CTX_LENGTH);
    if (SSL_CTX_set_session_id_context(sc->ctx_,
                                       reinterpret_cast<const unsigned char*>(id.data()),
                                       static_cast<unsigned int>(id.size())) != 1) {
      return crypto::ThrowOpenSSLError(isolate, "Failed to set session id context");
    }
  }

  static void SetSessionTimeout(const v8::FunctionCallbackInfo<v8::Value>& info) {
    SecureContext* sc = Ready(info);
    if (sc == nullptr) return;
    v8::Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
    SSL_CTX_set_timeout(sc->ctx_, info[0]->Int32Value(context).FromMaybe(300));
  }

  static void SetMinProto(const v8::FunctionCallbackInfo<v8::Value>& info) {
    SecureContext* sc = Ready(info);
    if (sc == nullptr) return;
    v8::Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
    SSL_CTX_set_min_proto_version(sc->ctx_, info[0]->Int32Value(context).FromMaybe(0));
  }

  static void SetMaxProto(const v8::FunctionCallbackInfo<v8::Value>& info) {
    SecureContext* sc = Ready(info);
    if (sc == nullptr) return;
    v8::Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
    SSL_CTX_set_max_proto_version(sc->ctx_, info[0]->Int32Value(context).FromMaybe(0));
  }

  static void GetMinProto(const v8::FunctionCallbackInfo<v8::Value>& info) {
    SecureContext* sc = Ready(info);
    if (sc == nullptr) return;
    info.GetReturnValue().Set(static_cast<int>(SSL_CTX_get_min_proto_version(sc->ctx_)));
  }

  // The SSL_CTX as an External (node's `_external`, for addons); its getter's signature makes
  // V8 refuse other receivers with "Illegal invocation".
  static void GetExternal(const v8::FunctionCallbackInfo<v8::Value>& info) {
    SecureContext* sc = This(info);
    if (sc == nullptr) return;
    info.GetReturnValue().Set(v8::External::New(info.GetIsolate(), sc->ctx_));
  }

  static void GetMaxProto(const v8::FunctionCallbackInfo<v8::Value>& info) {
    SecureContext* sc = Ready(info);
    if (sc == nullptr) return;
    info.GetReturnValue().Set(static_cast<int>(SSL_CTX_get_max_proto_version(sc->ctx_)));
  }

  // loadPKCS12(der, passphrase): key, certificate and CA certificates from one bundle.
  static void LoadPKCS12(const v8::FunctionCallbackInfo<v8::Value>& info) {
    v8::Isolate* isolate = info.GetIsolate();
    SecureContext* sc = Ready(info);
    if (sc == nullptr) return;
    ByteView view;
    if (!crypto::GetByteView(info[0], &view)) return ThrowTypeError(isolate, "Bad PFX");
    std::string pass;
    if (info.Length() > 1 && !info[1]->IsUndefined()) pass = ToStdString(isolate, info[1]);
    ERR_clear_error();
    // Read through a BIO as node does: a short bundle then fails with "not enough data".
    BIO* in = BIO_new_mem_buf(view.data, static_cast<int>(view.size));
    PKCS12* p12 = in != nullptr ? d2i_PKCS12_bio(in, nullptr) : nullptr;
    BIO_free(in);
    EVP_PKEY* key = nullptr;
    X509* cert = nullptr;
    STACK_OF(X509)* extra = nullptr;
    bool ok = p12 != nullptr && PKCS12_parse(p12, pass.c_str(), &key, &cert, &extra) == 1;
    PKCS12_free(p12);
    if (ok) ok = cert != nullptr && SSL_CTX_use_certificate(sc->ctx_, cert) == 1;
    if (ok && key != nullptr) ok = SSL_CTX_use_PrivateKey(sc->ctx_, key) == 1;
    if (ok && extra != nullptr) {
      X509_STORE* store = SSL_CTX_get_cert_store(sc->ctx_);
      for (int i = 0; i < sk_X509_num(extra); i++) {
        X509* ca = sk_X509_value(extra, i);
        SSL_CTX_add1_chain_cert(sc->ctx_, ca);
        X509_STORE_add_cert(store, ca);
        SSL_CTX_add_client_CA(sc->ctx_, ca);
      }
    }
    EVP_PKEY_free(key);
    X509_free(cert);
    sk_X509_pop_free(extra, X509_free);
    if (!ok) {
      // As node: a plain Error carrying the reason of the first queued OpenSSL error ("mac
      // verify failure" for a wrong passphrase, "not enough data" for a truncated bundle).
      unsigned long err = ERR_get_error();
      ERR_clear_error();
      if (err == 0) return crypto::ThrowOpenSSLError(isolate, "Unable to load PFX certificate");
      const char* reason = ERR_reason_error_string(err);
      return ThrowError(isolate, reason != nullptr ? reason : "Unknown error");
    }
  }

  // setEngineKey(keyIdentifier, engineId): the private key the engine holds under the id.
  static void SetEngineKey(const v8::FunctionCallbackInfo<v8::Value>& info) {
    v8::Isolate* isolate = info.GetIsolate();
    SecureContext* sc = Ready(info);
    if (sc == nullptr) return;
    std::string key_id = ToStdString(isolate, info[0]);
    std::string engine_id = ToStdString(isolate, info[1]);
    ERR_clear_error();
    ENGINE* engine = crypto::LoadEngine(engine_id.c_str());
    // node reports a failed engine load as a bare Error (no code/library/reason).
    if (engine == nullptr) {
      return crypto::ThrowOpenSSLError(isolate, "Failed to load engine", /*decorated=*/false);
    }
    EVP_PKEY* key = nullptr;
    if (ENGINE_init(engine) == 1) {
      key = ENGINE_load_private_key(engine, key_id.c_str(), nullptr, nullptr);
      ENGINE_finish(engine);
    }
    ENGINE_free(engine);
    UsePrivateKey(isolate, sc, key, "Failed to load private key");
  }

  // setClientCertEngine(engineId): client certificates come from the engine.
  static void SetClientCertEngine(const v8::FunctionCallbackInfo<v8::Value>& info) {
    v8::Isolate* isolate = info.GetIsolate();
    SecureContext* sc = Ready(info);
    if (sc == nullptr) return;
    std::string engine_id = ToStdString(isolate, info[0]);
    ERR_clear_error();
    ENGINE* engine = crypto::LoadEngine(engine_id.c_str());
    // node reports a failed engine load as a bare Error (no code/library/reason).
    if (engine == nullptr) {
      return crypto::ThrowOpenSSLError(isolate, "Failed to load engine", /*decorated=*/false);
    }
    int ok = SSL_CTX_set_client_cert_engine(sc->ctx_, engine);
    ENGINE_free(engine);
    if (ok != 1) return crypto::ThrowOpenSSLError(isolate, "SSL_CTX_set_client_cert_engine");
  }

  static void Close(const v8::FunctionCallbackInfo<v8::Value>& info) {
    SecureContext* sc = This(info);
    DetachTicketKeys(sc->ctx_);
    SSL_CTX_free(sc->ctx_);
    sc->ctx_ = nullptr;
  }
};

namespace {

// The PEM text of every certificate in the system bundle (tls.rootCertificates).
void GetRootCertificates(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  std::vector<v8::Local<v8::Value>> certs;
  const char* file = getenv(X509_get_default_cert_file_env());
  if (file == nullptr) file = X509_get_default_cert_file();
  BIO* in = BIO_new_file(file, "r");
  if (in != nullptr) {
    while (X509* cert = PEM_read_bio_X509(in, nullptr, PassphraseCallback, nullptr)) {
      BIO* out = BIO_new(BIO_s_mem());
      if (out != nullptr && PEM_write_bio_X509(out, cert) == 1) {
        char* data = nullptr;
        long len = BIO_get_mem_data(out, &data);
        certs.push_back(Utf8String(isolate, std::string_view(data, len)));
      }
      BIO_free(out);
      X509_free(cert);
    }
    BIO_free(in);
  }
  ERR_clear_error();
  info.GetReturnValue().Set(v8::Array::New(isolate, certs.data(), certs.size()));
}

}  // namespace

void SecureContext::Init(Environment* env, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  v8::Local<v8::FunctionTemplate> tmpl =
      crypto::NewWrapTemplate(isolate, "SecureContext", SecureContextMethods::New);
  using M = SecureContextMethods;
  struct {
    const char* name;
    v8::FunctionCallback fn;
  } methods[] = {
      {"init", M::Init},
      {"setKey", M::SetKey},
      {"setCert", M::SetCert},
      {"addCACert", M::AddCACert},
      {"addCRL", M::AddCRL},
      {"addRootCerts", M::AddRootCerts},
      {"setCiphers", M::SetCiphers},
      {"setCipherSuites", M::SetCipherSuites},
      {"setECDHCurve", M::SetECDHCurve},
      {"setSigalgs", M::SetSigalgs},
      {"setDHParam", M::SetDHParam},
      {"setOptions", M::SetOptions},
      {"setSessionIdContext", M::SetSessionIdContext},
      {"setSessionTimeout", M::SetSessionTimeout},
      {"setMinProto", M::SetMinProto},
      {"setMaxProto", M::SetMaxProto},
      {"getMinProto", M::GetMinProto},
      {"getMaxProto", M::GetMaxProto},
      {"loadPKCS12", M::LoadPKCS12},
      {"setEngineKey", M::SetEngineKey},
      {"setClientCertEngine", M::SetClientCertEngine},
      {"getTicketKeys", GetTicketKeys},
      {"setTicketKeys", SetTicketKeys},
      {"enableTicketKeyCallback", EnableTicketKeyCallback},
      {"close", M::Close},
  };
  for (const auto& m : methods) SetProtoMethod(isolate, tmpl, m.name, m.fn);
  tmpl->PrototypeTemplate()->SetAccessorProperty(
      OneByteString(isolate, "_external"),
      v8::FunctionTemplate::New(isolate, M::GetExternal, v8::Local<v8::Value>(),
                                v8::Signature::New(isolate, tmpl)));
  GetTlsData(env)->context_template.Reset(isolate, tmpl);
  v8::Local<v8::Function> fn;
  if (!tmpl->GetFunction(context).ToLocal(&fn)) return;
  SetValue(context, target, "SecureContext", fn);
  SetMethod(context, target, "getRootCertificates", GetRootCertificates);
}

void LoadExtraRootCerts() {
  const char* path = getenv("NODE_EXTRA_CA_CERTS");
  if (path == nullptr || *path == '\0') return;
  ExtraCertsPath() = path;
  // Only node's start-up warning is decided now, from the file's opening and its first
  // certificate (a PEM file without any, like an empty one, is no error for node); the rest is
  // read on first use. Unlike node, a damaged certificate after the first goes unreported.
  ERR_clear_error();
  if (BIO* in = BIO_new_file(path, "r")) {
    X509_free(PEM_read_bio_X509(in, nullptr, nullptr, nullptr));
    BIO_free(in);
  }
  unsigned long error = ERR_peek_error();
  bool no_pem_at_all =
      ERR_GET_LIB(error) == ERR_LIB_PEM && ERR_GET_REASON(error) == PEM_R_NO_START_LINE;
  if (error != 0 && !no_pem_at_all) {
    char reason[256];
    ERR_error_string_n(error, reason, sizeof(reason));
    std::fprintf(stderr, "Warning: Ignoring extra certs from `%s`, load failed: %s\n", path,
                 reason);
  }
  ERR_clear_error();
}

}  // namespace ringjs::tls
