// Shared parts of internalBinding('tls_wrap') (tls_wrap.cc, tls_context.cc, tls_cert.cc):
// the SecureContext wrap (an SSL_CTX), certificate-to-object conversion (crypto's) and the
// names node gives X509 verification results.
//
// Design: the TLS engine (TLSWrap in tls_wrap.cc) is an SSL object between two memory BIOs.
// It never touches a socket: JS (lib/js/_tls_wrap.js) feeds it the encrypted bytes the
// underlying stream received and writes the encrypted bytes it produces to that stream. The
// underlying stream is any Duplex (a net.Socket in practice), so tls.connect({ socket }) and
// the server's accepted sockets take the same path, and nothing here blocks or waits.
#ifndef RINGJS_BINDINGS_TLS_UTIL_H_
#define RINGJS_BINDINGS_TLS_UTIL_H_

#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "bindings/crypto_util.h"
#include "bindings/crypto_x509.h"

namespace ringjs::tls {

class SecureContext : public crypto::CryptoWrap {
 public:
  SecureContext(Environment* env, v8::Local<v8::Object> object);
  ~SecureContext() override;
  SSL_CTX* ctx() const { return ctx_; }

  // The SecureContext inside value, or nullptr.
  static SecureContext* Unwrap(Environment* env, v8::Local<v8::Value> value);
  static void Init(Environment* env, v8::Local<v8::Object> target);

 private:
  friend struct SecureContextMethods;
  SSL_CTX* ctx_ = nullptr;
  // ca given: the context trusts only these (its own store, not the system's).
  bool own_ca_store_ = false;
};

// Per-Environment state of the binding.
class TlsData : public BindingData {
 public:
  v8::Global<v8::FunctionTemplate> context_template;
  v8::Global<v8::FunctionTemplate> wrap_template;
};
TlsData* GetTlsData(Environment* env);

// node's peer-certificate object (crypto's; with a chain, issuerCertificate links are made
// by JS).
using crypto::CertificateToObject;
// node's code for an X509_V_ERR_* value ('DEPTH_ZERO_SELF_SIGNED_CERT').
const char* VerifyErrorCode(long err);

// Index of the TLSWrap pointer stored in each SSL (SSL_get_ex_data).
int WrapExIndex();
// Installs the callbacks every context carries (keylog, new session, ALPN select, client hello);
// each looks up its TLSWrap and does nothing when the wrap did not ask for it.
void InstallContextCallbacks(SSL_CTX* ctx);

// Session ticket keys (tls_ticket_keys.cc): a fresh random store for ctx whose JS callback,
// when enabled, is owner's; DetachTicketKeys forgets the owner before it goes away.
void InstallTicketKeys(SSL_CTX* ctx, SecureContext* owner);
void DetachTicketKeys(SSL_CTX* ctx);
void GetTicketKeys(const v8::FunctionCallbackInfo<v8::Value>& info);
void SetTicketKeys(const v8::FunctionCallbackInfo<v8::Value>& info);
void EnableTicketKeyCallback(const v8::FunctionCallbackInfo<v8::Value>& info);

void InitWrap(Environment* env, v8::Local<v8::Object> target);

// NODE_EXTRA_CA_CERTS: checked at start-up (a stderr warning as node's when it cannot be
// loaded), read when first needed; every context that trusts the system store trusts these too.
void LoadExtraRootCerts();

}  // namespace ringjs::tls

#endif  // RINGJS_BINDINGS_TLS_UTIL_H_
