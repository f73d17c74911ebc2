// internalBinding('tls_wrap'): the TLS engine behind node:tls.
//
// A TLSWrap is one SSL object between two memory BIOs (see tls_util.h for why no socket is
// involved). JS calls:
//   receive(view)        encrypted bytes from the peer; drives the handshake and reads.
//   receiveEof()         the underlying stream ended.
//   start()              a client's first flight.
//   write(data, enc)     encrypts cleartext (a view, or a string with 0 utf8 / 1 latin1) and
//                        returns the encrypted bytes (or undefined) for JS to send.
//   shutdown()           close_notify; returns the bytes to send.
//   renegotiate()        a client's TLS 1.2 renegotiation (throws OpenSSL's error otherwise).
//   setReading(on)       whether cleartext may be delivered now; cycle() delivers what waits.
// and the wrap calls back, always from inside one of those calls (never from the loop):
//   onoutput(u8)              encrypted bytes to send, in order with write()'s results;
//   onhandshakedone()         the handshake finished (again after a TLS 1.2 renegotiation);
//   onhandshakestart()        a server saw a handshake begin (node's renegotiation checks);
//   oncleartext(n, ab | kEof) cleartext (an ArrayBuffer of exactly n bytes), or the end of
//                             the cleartext stream (close_notify or end of the transport);
//   onerror(err)              a fatal TLS error (the alert for the peer went to onoutput first);
//   onclienthello(servername) a server paused before choosing its certificate (SNICallback);
//                             JS answers with setSecureContext() and resumeHandshake();
//   onalpn(servername, protos) a server's ALPNCallback; returns the chosen protocol;
//   onpskexchange(...)        pskCallback: a server's (identity, maxPskLen) returns the key,
//                             a client's (hint, maxPskLen, maxIdentityLen) { psk, identity };
//   onkeylog(u8), onnewsession(u8, id?) key log lines and new sessions (a server's come
//                             with their id, when JS asked for them: 'newSession');
//   onresumesession(id)       a server paused to look up a session id ('resumeSession');
//                             JS answers with loadSession(bytes | null).
// OpenSSL callbacks only queue key log lines and sessions; they reach JS after the OpenSSL call
// returned, so JS never runs inside the library except for the ALPN choice and PSK lookups
// (an exception there fails the handshake and becomes the socket's error).
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/tls1.h>
#include <openssl/x509v3.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "bindings/stream_base.h"
#include "bindings/tls_util.h"

namespace ringjs::tls {

using crypto::ByteView;

namespace {

// The largest TLS record.
constexpr size_t kReadChunk = 16 * 1024;

int VerifyAlwaysContinue(int, X509_STORE_CTX*) {
  // Verification results are read after the handshake (verifyError), as node does: the
  // handshake completes and JS decides whether to reject.
  return 1;
}

class TLSWrap;
TLSWrap* WrapOf(const SSL* ssl);

class TLSWrap : public crypto::CryptoWrap {
 public:
  TLSWrap(Environment* env, v8::Local<v8::Object> object, SecureContext* sc, bool is_server)
      : crypto::CryptoWrap(env, object), is_server_(is_server) {
    ssl_ = SSL_new(sc->ctx());
    if (ssl_ == nullptr) return;
    enc_in_ = BIO_new(BIO_s_mem());
    enc_out_ = BIO_new(BIO_s_mem());
    // An empty input BIO means "more data later", not end of file.
    BIO_set_mem_eof_return(enc_in_, -1);
    BIO_set_mem_eof_return(enc_out_, -1);
    SSL_set_bio(ssl_, enc_in_, enc_out_);
    SSL_set_ex_data(ssl_, WrapExIndex(), this);
    SSL_set_info_callback(ssl_, InfoCallback);
    if (is_server) {
      // OpenSSL 3 refuses a client's renegotiation by default; node allows it (JS limits how
      // often, tls.CLIENT_RENEG_LIMIT, and socket.disableRenegotiation() refuses it).
      SSL_set_options(ssl_, SSL_OP_ALLOW_CLIENT_RENEGOTIATION);
      SSL_set_accept_state(ssl_);
      SSL_set_verify(ssl_, SSL_VERIFY_NONE, VerifyAlwaysContinue);
    } else {
      SSL_set_connect_state(ssl_);
      SSL_set_verify(ssl_, SSL_VERIFY_PEER, VerifyAlwaysContinue);
    }
  }

  ~TLSWrap() override { Free(); }

  // Counts a server's handshake starts and notes a finished renegotiation (TLS 1.2 and older:
  // TLS 1.3's post-handshake messages are no handshake for node). Told to JS after OpenSSL
  // returns.
  static void InfoCallback(const SSL* ssl, int where, int) {
    TLSWrap* wrap = WrapOf(ssl);
    if (wrap == nullptr) return;
    bool tls13 = SSL_version(ssl) >= TLS1_3_VERSION;
    if ((where & SSL_CB_HANDSHAKE_START) && wrap->is_server_ &&
        !(tls13 && wrap->handshake_done_)) {
      wrap->handshake_starts_++;
    }
    if ((where & SSL_CB_HANDSHAKE_DONE) && wrap->handshake_done_ && !tls13) {
      wrap->renegotiated_ = true;
    }
  }

  // Handshake starts before anything else goes out: JS may refuse a renegotiation (and close)
  // before the server answers it.
  bool DeliverHandshakeStarts() {
    while (handshake_starts_ > 0 && alive()) {
      handshake_starts_--;
      if (!CallJS("onhandshakestart", 0, nullptr)) return false;
    }
    return true;
  }

  SSL* ssl() const { return ssl_; }
  bool is_server() const { return is_server_; }

  void Free() {
    for (SSL_SESSION* session : sessions_) SSL_SESSION_free(session);
    sessions_.clear();
    SSL_SESSION_free(looked_up_session_);
    looked_up_session_ = nullptr;
    if (ssl_ != nullptr) {
      SSL_set_ex_data(ssl_, WrapExIndex(), nullptr);
      SSL_free(ssl_);  // Frees both BIOs.
      ssl_ = nullptr;
    }
  }

  // Counts nested entries so destroy() from a JS callback frees the SSL only once the
  // outermost call is done with it.
  class Entry {
   public:
    explicit Entry(TLSWrap* wrap) : wrap_(wrap) { wrap_->depth_++; }
    ~Entry() {
      if (--wrap_->depth_ == 0 && wrap_->free_pending_) wrap_->Free();
    }

   private:
    TLSWrap* wrap_;
  };

  bool alive() const { return ssl_ != nullptr && !free_pending_ && !failed_; }

  // Calls this.<name>(args...). False if it threw (the exception stays pending for JS).
  bool CallJS(const char* name, int argc, v8::Local<v8::Value>* argv,
              v8::Local<v8::Value>* result = nullptr) {
    v8::Isolate* isolate = env()->isolate();
    v8::Local<v8::Context> context = env()->context();
    v8::Local<v8::Object> self = object();
    v8::Local<v8::Value> fn;
    if (!self->Get(context, OneByteString(isolate, name)).ToLocal(&fn)) return false;
    if (!fn->IsFunction()) return true;
    v8::Local<v8::Value> ret;
    if (!fn.As<v8::Function>()->Call(context, self, argc, argv).ToLocal(&ret)) return false;
    if (result != nullptr) *result = ret;
    return true;
  }

  // The encrypted bytes waiting in the output BIO, or an empty handle.
  v8::Local<v8::Value> TakeOutput() {
    v8::Isolate* isolate = env()->isolate();
    size_t pending = enc_out_ != nullptr && ssl_ != nullptr ? BIO_ctrl_pending(enc_out_) : 0;
    if (pending == 0) return v8::Local<v8::Value>();
    std::unique_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(isolate, pending);
    int n = BIO_read(enc_out_, store->Data(), static_cast<int>(pending));
    if (n <= 0) return v8::Local<v8::Value>();
    v8::Local<v8::ArrayBuffer> ab = v8::ArrayBuffer::New(isolate, std::move(store));
    return v8::Uint8Array::New(ab, 0, n);
  }

  bool FlushOutput() {
    v8::Local<v8::Value> out = TakeOutput();
    if (out.IsEmpty()) return true;
    return CallJS("onoutput", 1, &out);
  }

  // Key log lines, sessions and a finished renegotiation, queued by OpenSSL callbacks.
  bool DeliverQueued() {
    if (!DeliverQueuedRecords()) return false;
    if (renegotiated_ && alive()) {
      renegotiated_ = false;
      return CallJS("onhandshakedone", 0, nullptr);
    }
    return true;
  }

  bool DeliverQueuedRecords() {
    v8::Isolate* isolate = env()->isolate();
    if (!DeliverHandshakeStarts()) return false;
    while (!keylog_lines_.empty()) {
      std::string line = std::move(keylog_lines_.front());
      keylog_lines_.erase(keylog_lines_.begin());
      v8::Local<v8::Value> arg = crypto::NewUint8Array(
          isolate, reinterpret_cast<const unsigned char*>(line.data()), line.size());
      if (!CallJS("onkeylog", 1, &arg)) return false;
    }
    while (!sessions_.empty()) {
      SSL_SESSION* session = sessions_.front();
      sessions_.erase(sessions_.begin());
      unsigned int id_length = 0;
      const unsigned char* id = SSL_SESSION_get_id(session, &id_length);
      v8::Local<v8::Value> args[] = {SessionBytes(isolate, session),
                                     crypto::NewUint8Array(isolate, id, id_length)};
      // node's 'session' runs inside OpenSSL's callback, where getSession() and
      // getTLSTicket() answer that session even when a later ticket came in the same read.
      delivering_session_ = session;
      bool ok = args[0].IsEmpty() || CallJS("onnewsession", is_server_ ? 2 : 1, args);
      delivering_session_ = nullptr;
      SSL_SESSION_free(session);
      if (!ok) return false;
    }
    return true;
  }

  // The session getSession() and getTLSTicket() describe.
  SSL_SESSION* CurrentSession() const {
    return delivering_session_ != nullptr ? delivering_session_ : SSL_get_session(ssl_);
  }

  // A session's DER bytes, or an empty handle.
  static v8::Local<v8::Value> SessionBytes(v8::Isolate* isolate, SSL_SESSION* session) {
    int len = i2d_SSL_SESSION(session, nullptr);
    if (len <= 0) return v8::Local<v8::Value>();
    std::vector<unsigned char> bytes(len);
    unsigned char* p = bytes.data();
    i2d_SSL_SESSION(session, &p);
    return crypto::NewUint8Array(isolate, std::move(bytes));
  }

  // The error for a failed SSL call: OpenSSL's queue as node prints it (message is the
  // printed queue; library, reason and code from its first entry).
  v8::Local<v8::Value> MakeSSLError(int ssl_error) {
    v8::Isolate* isolate = env()->isolate();
    v8::Local<v8::Context> context = env()->context();
    unsigned long err = ERR_peek_error();
    if (err == 0) {
      const char* what = ssl_error == SSL_ERROR_SYSCALL ? "SSL_ERROR_SYSCALL" : "SSL error";
      return v8::Exception::Error(OneByteString(isolate, what));
    }
    v8::Local<v8::Value> error = crypto::MakeOpenSSLError(isolate, err, nullptr);
    std::string printed;
    ERR_print_errors_cb(
        [](const char* str, size_t len, void* u) {
          static_cast<std::string*>(u)->append(str, len);
          return 1;
        },
        &printed);
    v8::Local<v8::Object> obj;
    if (error->ToObject(context).ToLocal(&obj)) {
      USE(obj->Set(context, OneByteString(isolate, "message"), Utf8String(isolate, printed)));
      // The stack's first line carries the message too.
      v8::Local<v8::Value> stack;
      if (obj->Get(context, OneByteString(isolate, "stack")).ToLocal(&stack) &&
          stack->IsString()) {
        std::string text = ToStdString(isolate, stack);
        size_t nl = text.find("\n    at ");
        std::string rest = nl == std::string::npos ? std::string() : text.substr(nl);
        USE(obj->Set(context, OneByteString(isolate, "stack"),
                     Utf8String(isolate, "Error: " + printed + rest)));
      }
    }
    ERR_clear_error();
    return error;
  }

  // A fatal error: the alert goes out, then JS hears of it once.
  bool Fail(int ssl_error) {
    v8::Local<v8::Value> error = MakeSSLError(ssl_error);
    failed_ = true;
    v8::Local<v8::Value> out = TakeOutput();
    if (!out.IsEmpty() && !CallJS("onoutput", 1, &out)) return false;
    return CallJS("onerror", 1, &error);
  }

  // Drives the handshake, then delivers cleartext while reading is on. False if JS threw.
  bool Cycle() {
    if (!alive()) return true;
    if (!handshake_done_) {
      if (hello_state_ == HelloState::kWaiting) return true;
      if (lookup_state_ == LookupState::kWaiting) return true;
      ERR_clear_error();
      int r = SSL_do_handshake(ssl_);
      if (!pending_exception_.IsEmpty()) return FailWithPending();
      if (r == 1) {
        handshake_done_ = true;
        // A TLS 1.3 server's sessions are its tickets, sent after the handshake: node's
        // 'newSession' comes after 'secure' then (before it in TLS 1.2, which waits for it).
        bool sessions_after = is_server_ && SSL_version(ssl_) == TLS1_3_VERSION;
        if (!sessions_after && !DeliverQueued()) return false;
        if (!alive()) return true;
        // JS hears of the handshake before our last flight (a client's Finished) leaves, as
        // in node: a client that rejects the server's certificate sends nothing more.
        if (!CallJS("onhandshakedone", 0, nullptr)) return false;
        if (!alive()) return true;
        if (sessions_after && !DeliverQueued()) return false;
        if (!alive()) return true;
        if (!FlushOutput()) return false;
      } else {
        int err = SSL_get_error(ssl_, r);
        if (err == SSL_ERROR_WANT_CLIENT_HELLO_CB && lookup_state_ == LookupState::kWaiting) {
          v8::Local<v8::Value> arg = crypto::NewUint8Array(
              env()->isolate(), reinterpret_cast<const unsigned char*>(lookup_id_.data()),
              lookup_id_.size());
          return CallJS("onresumesession", 1, &arg);
        }
        if (err == SSL_ERROR_WANT_CLIENT_HELLO_CB) {
          hello_state_ = HelloState::kWaiting;
          v8::Local<v8::Value> arg = Utf8String(env()->isolate(), hello_servername_);
          return CallJS("onclienthello", 1, &arg);
        }
        if (err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE) {
          if (!DeliverHandshakeStarts() || !FlushOutput() || !DeliverQueued()) return false;
          return DeliverEofIfDone();
        }
        return Fail(err);
      }
    }
    if (!ReadCleartext()) return false;
    if (!alive()) return true;
    return FlushOutput() && DeliverQueued();
  }

  // A JS callback OpenSSL ran (ALPN, PSK) threw: the handshake failed with that error, as node.
  bool FailWithPending() {
    v8::Local<v8::Value> error = pending_exception_.Get(env()->isolate());
    pending_exception_.Reset();
    ERR_clear_error();
    failed_ = true;
    // Nothing more goes to the peer (no alert, no half-made flight): it sees the connection
    // close, as with node.
    TakeOutput();
    return CallJS("onerror", 1, &error);
  }

  // The transport ended and everything it brought was read: the cleartext side ends too.
  bool DeliverEofIfDone() {
    if (!transport_eof_ || eof_delivered_ || !alive()) return true;
    // Paused: cleartext may still wait in the engine; the end comes after it, when reading
    // resumes (ReadCleartext runs dry and calls here again).
    if (handshake_done_ && !reading_) return true;
    eof_delivered_ = true;
    v8::Local<v8::Value> args[] = {v8::Integer::New(env()->isolate(), stream::kEof),
                                   v8::Undefined(env()->isolate())};
    return CallJS("oncleartext", 2, args);
  }

  bool ReadCleartext() {
    v8::Isolate* isolate = env()->isolate();
    while (alive() && reading_ && !eof_delivered_) {
      if (scratch_.size() < kReadChunk) scratch_.resize(kReadChunk);
      size_t len = 0;
      int status = SSL_ERROR_NONE;
      ERR_clear_error();
      // One chunk per SSL_read (at most one record), as node: a peer's setMaxSendFragment()
      // shows in the reader's chunk sizes.
      int n = SSL_read(ssl_, scratch_.data(), static_cast<int>(scratch_.size()));
      if (n > 0) len = n;
      else status = SSL_get_error(ssl_, n);
      if (len > 0) {
        std::unique_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(isolate, len);
        memcpy(store->Data(), scratch_.data(), len);
        v8::Local<v8::Value> args[] = {v8::Number::New(isolate, static_cast<double>(len)),
                                       v8::ArrayBuffer::New(isolate, std::move(store))};
        if (!CallJS("oncleartext", 2, args)) return false;
        if (status == SSL_ERROR_NONE) continue;  // More records may wait.
      }
      if (!alive()) return true;
      if (status == SSL_ERROR_WANT_READ || status == SSL_ERROR_WANT_WRITE) {
        if (!DeliverHandshakeStarts() || !FlushOutput() || !DeliverQueued()) return false;
        return DeliverEofIfDone();
      }
      if (status == SSL_ERROR_ZERO_RETURN) {
        // close_notify: the peer's cleartext ended.
        if (!FlushOutput() || !DeliverQueued()) return false;
        if (!alive() || eof_delivered_) return true;
        eof_delivered_ = true;
        v8::Local<v8::Value> args[] = {v8::Integer::New(isolate, stream::kEof),
                                       v8::Undefined(isolate)};
        return CallJS("oncleartext", 2, args);
      }
      if (status == SSL_ERROR_NONE) return true;
      return Fail(status);
    }
    return true;
  }

  // Queued by the OpenSSL callbacks.
  std::vector<std::string> keylog_lines_;
  std::vector<SSL_SESSION*> sessions_;  // Owned references.
  SSL_SESSION* delivering_session_ = nullptr;

  // A server's session id lookup ('resumeSession'): asked once per handshake.
  enum class LookupState { kOff, kOn, kWaiting, kDone };
  LookupState lookup_state_ = LookupState::kOff;
  std::string lookup_id_;
  SSL_SESSION* looked_up_session_ = nullptr;  // Owned until handed to OpenSSL.
  bool keylog_ = false;
  bool session_callbacks_ = false;

  enum class HelloState { kNone, kPause, kWaiting, kDone };
  HelloState hello_state_ = HelloState::kNone;
  std::string hello_servername_;
  bool sni_without_cert_ = false;  // SNICallback's context has no certificate.

  std::string alpn_protos_;  // Server: wire-format list to choose from.
  bool alpn_callback_ = false;
  bool psk_callback_ = false;
  v8::Global<v8::Value> pending_exception_;

  bool handshake_done_ = false;
  int handshake_starts_ = 0;   // Server handshake starts not yet told to JS.
  bool renegotiated_ = false;  // A renegotiation finished, not yet told to JS.
  bool reading_ = true;
  bool transport_eof_ = false;
  bool eof_delivered_ = false;
  bool failed_ = false;
  bool free_pending_ = false;
  int depth_ = 0;

 private:
  SSL* ssl_ = nullptr;
  BIO* enc_in_ = nullptr;
  BIO* enc_out_ = nullptr;
  bool is_server_;
  std::vector<char> scratch_;
};

TLSWrap* WrapOf(const SSL* ssl) {
  return static_cast<TLSWrap*>(SSL_get_ex_data(ssl, WrapExIndex()));
}

void KeylogCallback(const SSL* ssl, const char* line) {
  TLSWrap* wrap = WrapOf(ssl);
  if (wrap == nullptr || !wrap->keylog_) return;
  wrap->keylog_lines_.push_back(std::string(line) + "\n");
}

int NewSessionCallback(SSL* ssl, SSL_SESSION* session) {
  TLSWrap* wrap = WrapOf(ssl);
  if (wrap == nullptr || !wrap->session_callbacks_) return 0;
  wrap->sessions_.push_back(session);
  return 1;  // The queue keeps OpenSSL's reference.
}

// A server's session lookup: what JS loaded when the ClientHello paused for 'resumeSession'.
// Only a session with the id asked for (TLS 1.3 looks up its tickets here, not the id JS saw).
SSL_SESSION* GetSessionCallback(SSL* ssl, const unsigned char* id, int id_length, int* copy) {
  *copy = 0;  // Our reference goes to OpenSSL.
  TLSWrap* wrap = WrapOf(ssl);
  if (wrap == nullptr || wrap->looked_up_session_ == nullptr) return nullptr;
  unsigned int length = 0;
  const unsigned char* own_id = SSL_SESSION_get_id(wrap->looked_up_session_, &length);
  if (length != static_cast<unsigned int>(id_length) || memcmp(own_id, id, length) != 0) {
    return nullptr;
  }
  SSL_SESSION* session = wrap->looked_up_session_;
  wrap->looked_up_session_ = nullptr;
  return session;
}

// Whether a ClientHello asks to resume by session id, as node decides it: an id and no
// session ticket (an empty ticket extension asks for a new ticket, it offers none).
bool OffersSessionId(SSL* ssl, std::string* id) {
  const unsigned char* data = nullptr;
  size_t length = SSL_client_hello_get0_session_id(ssl, &data);
  if (length == 0) return false;
  const unsigned char* ticket = nullptr;
  size_t ticket_length = 0;
  if (SSL_client_hello_get0_ext(ssl, TLSEXT_TYPE_session_ticket, &ticket, &ticket_length) == 1 &&
      ticket_length > 0) {
    return false;
  }
  id->assign(reinterpret_cast<const char*>(data), length);
  return true;
}

// The host_name entry of a ClientHello's server_name extension.
std::string ServernameFromHello(SSL* ssl) {
  const unsigned char* p = nullptr;
  size_t len = 0;
  if (SSL_client_hello_get0_ext(ssl, TLSEXT_TYPE_server_name, &p, &len) != 1 || len < 2) {
    return std::string();
  }
  size_t list_len = (p[0] << 8) | p[1];
  if (list_len + 2 > len) return std::string();
  size_t pos = 2;
  while (pos + 3 <= 2 + list_len) {
    unsigned type = p[pos];
    size_t name_len = (p[pos + 1] << 8) | p[pos + 2];
    pos += 3;
    if (pos + name_len > 2 + list_len) break;
    if (type == TLSEXT_NAMETYPE_host_name) {
      return std::string(reinterpret_cast<const char*>(p + pos), name_len);
    }
    pos += name_len;
  }
  return std::string();
}

int ClientHelloCallback(SSL* ssl, int* alert, void*) {
  TLSWrap* wrap = WrapOf(ssl);
  // SNICallback chose a context without a certificate: the handshake fails with OpenSSL's
  // error for the missing certificate, as node's.
  if (wrap != nullptr && wrap->sni_without_cert_) {
    wrap->sni_without_cert_ = false;
    SSL_use_certificate(ssl, nullptr);
    *alert = SSL_AD_HANDSHAKE_FAILURE;
    return SSL_CLIENT_HELLO_ERROR;
  }
  // 'resumeSession' comes first, then SNICallback.
  if (wrap != nullptr && wrap->lookup_state_ == TLSWrap::LookupState::kOn) {
    wrap->lookup_state_ = TLSWrap::LookupState::kDone;
    if (OffersSessionId(ssl, &wrap->lookup_id_)) {
      wrap->lookup_state_ = TLSWrap::LookupState::kWaiting;
      return SSL_CLIENT_HELLO_RETRY;
    }
  }
  if (wrap == nullptr || wrap->hello_state_ != TLSWrap::HelloState::kPause) {
    return SSL_CLIENT_HELLO_SUCCESS;
  }
  wrap->hello_servername_ = ServernameFromHello(ssl);
  return SSL_CLIENT_HELLO_RETRY;
}

// The protocol names of a wire-format list.
std::vector<std::string> AlpnNames(const unsigned char* in, unsigned int inlen) {
  std::vector<std::string> names;
  unsigned int pos = 0;
  while (pos < inlen) {
    unsigned int n = in[pos++];
    if (pos + n > inlen) break;
    names.emplace_back(reinterpret_cast<const char*>(in + pos), n);
    pos += n;
  }
  return names;
}

int AlpnSelectCallback(SSL* ssl, const unsigned char** out, unsigned char* outlen,
                       const unsigned char* in, unsigned int inlen, void*) {
  TLSWrap* wrap = WrapOf(ssl);
  if (wrap == nullptr) return SSL_TLSEXT_ERR_NOACK;
  if (wrap->alpn_callback_) {
    Environment* env = wrap->env();
    v8::Isolate* isolate = env->isolate();
    v8::HandleScope scope(isolate);
    v8::TryCatch try_catch(isolate);
    std::vector<std::string> names = AlpnNames(in, inlen);
    std::vector<v8::Local<v8::Value>> values;
    for (const std::string& name : names) values.push_back(Utf8String(isolate, name));
    const char* servername = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
    v8::Local<v8::Value> args[] = {
        servername != nullptr ? Utf8String(isolate, servername).As<v8::Value>()
                              : v8::Undefined(isolate).As<v8::Value>(),
        v8::Array::New(isolate, values.data(), values.size())};
    v8::Local<v8::Value> result;
    if (!wrap->CallJS("onalpn", 2, args, &result)) {
      if (try_catch.HasCaught()) wrap->pending_exception_.Reset(isolate, try_catch.Exception());
      return SSL_TLSEXT_ERR_ALERT_FATAL;
    }
    if (!result->IsString()) return SSL_TLSEXT_ERR_ALERT_FATAL;
    std::string chosen = ToStdString(isolate, result);
    unsigned int pos = 0;
    while (pos < inlen) {
      unsigned int n = in[pos];
      if (n == chosen.size() && memcmp(in + pos + 1, chosen.data(), n) == 0) {
        *out = in + pos + 1;
        *outlen = static_cast<unsigned char>(n);
        return SSL_TLSEXT_ERR_OK;
      }
      pos += 1 + n;
    }
    return SSL_TLSEXT_ERR_ALERT_FATAL;
  }
  if (wrap->alpn_protos_.empty()) return SSL_TLSEXT_ERR_NOACK;
  unsigned char* selected = nullptr;
  int r = SSL_select_next_proto(
      &selected, outlen, reinterpret_cast<const unsigned char*>(wrap->alpn_protos_.data()),
      static_cast<unsigned int>(wrap->alpn_protos_.size()), in, inlen);
  if (r != OPENSSL_NPN_NEGOTIATED) return SSL_TLSEXT_ERR_ALERT_FATAL;
  *out = selected;
  return SSL_TLSEXT_ERR_OK;
}

// Runs onpskexchange(args) for a PSK callback; an empty handle when it threw (kept for
// FailWithPending) or returned nothing.
v8::Local<v8::Value> CallPskExchange(TLSWrap* wrap, int argc, v8::Local<v8::Value>* argv) {
  v8::Isolate* isolate = wrap->env()->isolate();
  v8::EscapableHandleScope scope(isolate);
  v8::TryCatch try_catch(isolate);
  v8::Local<v8::Value> result;
  if (!wrap->CallJS("onpskexchange", argc, argv, &result)) {
    if (try_catch.HasCaught()) wrap->pending_exception_.Reset(isolate, try_catch.Exception());
    return v8::Local<v8::Value>();
  }
  if (result->IsUndefined() || result->IsNull()) return v8::Local<v8::Value>();
  return scope.Escape(result);
}

unsigned int PskServerCallback(SSL* ssl, const char* identity, unsigned char* psk,
                               unsigned int max_psk_len) {
  TLSWrap* wrap = WrapOf(ssl);
  if (wrap == nullptr || !wrap->psk_callback_) return 0;
  v8::Isolate* isolate = wrap->env()->isolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Value> args[] = {Utf8String(isolate, identity != nullptr ? identity : ""),
                                 v8::Integer::NewFromUnsigned(isolate, max_psk_len)};
  v8::Local<v8::Value> result = CallPskExchange(wrap, 2, args);
  ByteView key;
  if (result.IsEmpty() || !crypto::GetByteView(result, &key) || key.size > max_psk_len) return 0;
  memcpy(psk, key.data, key.size);
  return static_cast<unsigned int>(key.size);
}

unsigned int PskClientCallback(SSL* ssl, const char* hint, char* identity,
                               unsigned int max_identity_len, unsigned char* psk,
                               unsigned int max_psk_len) {
  TLSWrap* wrap = WrapOf(ssl);
  if (wrap == nullptr || !wrap->psk_callback_) return 0;
  v8::Isolate* isolate = wrap->env()->isolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Context> context = wrap->env()->context();
  v8::Local<v8::Value> args[] = {
      hint != nullptr ? Utf8String(isolate, hint).As<v8::Value>()
                      : v8::Null(isolate).As<v8::Value>(),
      v8::Integer::NewFromUnsigned(isolate, max_psk_len),
      v8::Integer::NewFromUnsigned(isolate, max_identity_len)};
  v8::Local<v8::Value> result = CallPskExchange(wrap, 3, args);
  if (result.IsEmpty() || !result->IsObject()) return 0;
  v8::Local<v8::Value> key_value;
  v8::Local<v8::Value> identity_value;
  if (!result.As<v8::Object>()->Get(context, OneByteString(isolate, "psk")).ToLocal(&key_value) ||
      !result.As<v8::Object>()
           ->Get(context, OneByteString(isolate, "identity"))
           .ToLocal(&identity_value)) {
    return 0;
  }
  ByteView key;
  if (!crypto::GetByteView(key_value, &key) || key.size > max_psk_len) return 0;
  std::string name = ToStdString(isolate, identity_value);
  if (name.size() + 1 > max_identity_len) return 0;
  memcpy(identity, name.c_str(), name.size() + 1);
  memcpy(psk, key.data, key.size);
  return static_cast<unsigned int>(key.size);
}

// ---- JS methods -------------------------------------------------------------------------------

TLSWrap* Unwrap(const v8::FunctionCallbackInfo<v8::Value>& info) {
  return static_cast<TLSWrap*>(info.This()->GetAlignedPointerFromInternalField(0));
}

// The wrap if its SSL still exists; otherwise throws (use after destroy is a JS bug).
TLSWrap* Live(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Unwrap(info);
  if (wrap == nullptr || wrap->ssl() == nullptr || wrap->free_pending_) {
    ThrowError(info.GetIsolate(), "TLS connection is closed");
    return nullptr;
  }
  return wrap;
}

void New(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  SecureContext* sc = SecureContext::Unwrap(env, info[0]);
  if (sc == nullptr) return ThrowTypeError(info.GetIsolate(), "Invalid SecureContext");
  TLSWrap* wrap = new TLSWrap(env, info.This(), sc, info[1]->IsTrue());
  if (wrap->ssl() == nullptr) crypto::ThrowOpenSSLError(info.GetIsolate(), "SSL_new");
}

void Start(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Live(info);
  if (wrap == nullptr) return;
  TLSWrap::Entry entry(wrap);
  wrap->Cycle();
}

void Receive(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Unwrap(info);
  if (wrap == nullptr || !wrap->alive()) return;
  ByteView view;
  if (!crypto::GetByteView(info[0], &view)) return ThrowTypeError(info.GetIsolate(), "Bad data");
  TLSWrap::Entry entry(wrap);
  if (view.size > 0) BIO_write(SSL_get_rbio(wrap->ssl()), view.data, static_cast<int>(view.size));
  wrap->Cycle();
}

void ReceiveEof(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Unwrap(info);
  if (wrap == nullptr || !wrap->alive()) return;
  TLSWrap::Entry entry(wrap);
  wrap->transport_eof_ = true;
  wrap->Cycle();
}

void Cycle(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Unwrap(info);
  if (wrap == nullptr || !wrap->alive()) return;
  TLSWrap::Entry entry(wrap);
  wrap->Cycle();
}

void SetReading(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Unwrap(info);
  if (wrap == nullptr) return;
  wrap->reading_ = info[0]->IsTrue();
}

// write(data, encoding): the encrypted bytes, undefined if none, or throws the SSL error.
void Write(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  TLSWrap* wrap = Live(info);
  if (wrap == nullptr) return;
  if (wrap->failed_) return ThrowError(isolate, "TLS connection failed");
  std::string scratch;
  ByteView view;
  int encoding = info[1]->IsInt32() ? info[1].As<v8::Int32>()->Value() : 0;
  if (!crypto::GetInputBytes(isolate, info[0], encoding, &scratch, &view)) {
    return ThrowTypeError(isolate, "Bad data");
  }
  TLSWrap::Entry entry(wrap);
  size_t done = 0;
  ERR_clear_error();
  while (done < view.size) {
    size_t n = 0;
    int r = SSL_write_ex(wrap->ssl(), view.data + done, view.size - done, &n);
    if (r != 1) {
      int err = SSL_get_error(wrap->ssl(), r);
      isolate->ThrowException(wrap->MakeSSLError(err));
      return;
    }
    done += n;
  }
  v8::Local<v8::Value> out = wrap->TakeOutput();
  if (!out.IsEmpty()) info.GetReturnValue().Set(out);
}

void EnablePskCallback(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Live(info);
  if (wrap == nullptr) return;
  wrap->psk_callback_ = true;
  if (wrap->is_server()) SSL_set_psk_server_callback(wrap->ssl(), PskServerCallback);
  else SSL_set_psk_client_callback(wrap->ssl(), PskClientCallback);
  // The session OpenSSL makes from a client's TLS 1.3 PSK has no session id context; the
  // contexts' default one would make the server's acceptance look like a foreign session.
  if (!wrap->is_server()) SSL_set_session_id_context(wrap->ssl(), nullptr, 0);
}

// setPskIdentityHint(hint): false when OpenSSL refuses it (longer than 128 bytes).
void SetPskIdentityHint(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Live(info);
  if (wrap == nullptr) return;
  std::string hint = ToStdString(info.GetIsolate(), info[0]);
  bool ok = SSL_use_psk_identity_hint(wrap->ssl(), hint.c_str()) == 1;
  ERR_clear_error();
  info.GetReturnValue().Set(ok);
}

void Renegotiate(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Live(info);
  if (wrap == nullptr) return;
  TLSWrap::Entry entry(wrap);
  ERR_clear_error();
  if (SSL_renegotiate(wrap->ssl()) != 1) {
    return crypto::ThrowOpenSSLError(info.GetIsolate(), "SSL_renegotiate");
  }
  // Sends the new ClientHello; the rest of the handshake runs in later reads.
  SSL_do_handshake(wrap->ssl());
  ERR_clear_error();
  wrap->FlushOutput();
}

void Shutdown(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Unwrap(info);
  if (wrap == nullptr || !wrap->alive() || !wrap->handshake_done_) return;
  TLSWrap::Entry entry(wrap);
  ERR_clear_error();
  SSL_shutdown(wrap->ssl());
  ERR_clear_error();
  v8::Local<v8::Value> out = wrap->TakeOutput();
  if (!out.IsEmpty()) info.GetReturnValue().Set(out);
}

void Destroy(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Unwrap(info);
  if (wrap == nullptr) return;
  if (wrap->depth_ > 0) {
    wrap->free_pending_ = true;
  } else {
    wrap->Free();
  }
}

// setVerifyMode(requestCert, rejectUnauthorized): a server's certificate request.
void SetVerifyMode(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Live(info);
  if (wrap == nullptr) return;
  int mode = SSL_VERIFY_NONE;
  if (info[0]->IsTrue()) {
    mode = SSL_VERIFY_PEER;
    if (info[1]->IsTrue()) mode |= SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
  }
  if (!wrap->is_server()) mode = SSL_VERIFY_PEER;
  SSL_set_verify(wrap->ssl(), mode, VerifyAlwaysContinue);
}

void SetServername(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Live(info);
  if (wrap == nullptr) return;
  std::string name = ToStdString(info.GetIsolate(), info[0]);
  if (SSL_set_tlsext_host_name(wrap->ssl(), name.c_str()) != 1) ERR_clear_error();
}

// Client: the list to offer; server: the list to choose from (both in wire format).
void SetALPNProtocols(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Live(info);
  if (wrap == nullptr) return;
  ByteView view;
  if (!crypto::GetByteView(info[0], &view)) return ThrowTypeError(info.GetIsolate(), "Bad ALPN");
  if (wrap->is_server()) {
    wrap->alpn_protos_.assign(reinterpret_cast<const char*>(view.data), view.size);
  } else if (SSL_set_alpn_protos(wrap->ssl(), view.data, static_cast<unsigned>(view.size)) !=
             0) {
    ERR_clear_error();
  }
}

void EnableALPNCallback(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Live(info);
  if (wrap != nullptr) wrap->alpn_callback_ = true;
}

void EnableKeylog(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Live(info);
  if (wrap != nullptr) wrap->keylog_ = true;
}

void EnableSessionCallbacks(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Live(info);
  if (wrap != nullptr) wrap->session_callbacks_ = true;
}

// Server: session ids the client offers are looked up by JS ('resumeSession').
void EnableSessionLookup(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Live(info);
  if (wrap != nullptr && wrap->lookup_state_ == TLSWrap::LookupState::kOff) {
    wrap->lookup_state_ = TLSWrap::LookupState::kOn;
  }
}

// loadSession(bytes | null): JS's answer to onresumesession; the handshake goes on, resuming
// the session if the bytes hold one (anything else means a full handshake).
void LoadSession(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Unwrap(info);
  if (wrap == nullptr || !wrap->alive() ||
      wrap->lookup_state_ != TLSWrap::LookupState::kWaiting) {
    return;
  }
  TLSWrap::Entry entry(wrap);
  ByteView view;
  if (crypto::GetByteView(info[0], &view)) {
    const unsigned char* p = view.data;
    wrap->looked_up_session_ = d2i_SSL_SESSION(nullptr, &p, static_cast<long>(view.size));
    ERR_clear_error();
  }
  wrap->lookup_state_ = TLSWrap::LookupState::kDone;
  wrap->Cycle();
}

// Server: pause at the ClientHello so JS can choose the certificate (SNICallback).
void EnableCertCallback(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Live(info);
  if (wrap != nullptr) wrap->hello_state_ = TLSWrap::HelloState::kPause;
}

void SetSecureContext(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Live(info);
  if (wrap == nullptr) return;
  SecureContext* sc = SecureContext::Unwrap(wrap->env(), info[0]);
  if (sc == nullptr) return ThrowTypeError(info.GetIsolate(), "Invalid SecureContext");
  SSL_set_SSL_CTX(wrap->ssl(), sc->ctx());
  if (wrap->hello_state_ == TLSWrap::HelloState::kWaiting) {
    wrap->sni_without_cert_ = SSL_CTX_get0_certificate(sc->ctx()) == nullptr;
  }
  // The new context's trust store verifies the client's certificate.
  SSL_set_client_CA_list(wrap->ssl(), SSL_dup_CA_list(SSL_CTX_get_client_CA_list(sc->ctx())));
}

void ResumeHandshake(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Unwrap(info);
  if (wrap == nullptr || !wrap->alive()) return;
  TLSWrap::Entry entry(wrap);
  wrap->hello_state_ = TLSWrap::HelloState::kDone;
  wrap->Cycle();
}

void SetSession(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Live(info);
  if (wrap == nullptr) return;
  ByteView view;
  if (!crypto::GetByteView(info[0], &view)) return ThrowTypeError(info.GetIsolate(), "Bad session");
  const unsigned char* p = view.data;
  SSL_SESSION* session = d2i_SSL_SESSION(nullptr, &p, static_cast<long>(view.size));
  if (session == nullptr) {
    ERR_clear_error();
    return ThrowError(info.GetIsolate(), "Bad session");
  }
  int ok = SSL_set_session(wrap->ssl(), session);
  SSL_SESSION_free(session);
  if (ok != 1) crypto::ThrowOpenSSLError(info.GetIsolate(), "SSL_set_session error");
}

void GetSession(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Live(info);
  if (wrap == nullptr) return;
  SSL_SESSION* session = wrap->CurrentSession();
  if (session == nullptr) return;
  v8::Local<v8::Value> bytes = TLSWrap::SessionBytes(info.GetIsolate(), session);
  if (!bytes.IsEmpty()) info.GetReturnValue().Set(bytes);
}

void GetTLSTicket(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Live(info);
  if (wrap == nullptr) return;
  SSL_SESSION* session = wrap->CurrentSession();
  if (session == nullptr) return;
  const unsigned char* ticket = nullptr;
  size_t len = 0;
  SSL_SESSION_get0_ticket(session, &ticket, &len);
  if (ticket == nullptr) return;
  info.GetReturnValue().Set(crypto::NewUint8Array(info.GetIsolate(), ticket, len));
}

void IsSessionReused(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Unwrap(info);
  info.GetReturnValue().Set(wrap != nullptr && wrap->ssl() != nullptr &&
                            SSL_session_reused(wrap->ssl()) == 1);
}

// The peer certificate's verification error (an Error with node's code), or undefined.
// A PSK cipher (TLS 1.2), or a TLS 1.3 handshake that resumed without a certificate (how a
// TLS 1.3 external PSK looks).
bool UsesPsk(SSL* ssl) {
  const SSL_CIPHER* cipher = SSL_get_current_cipher(ssl);
  if (cipher != nullptr && SSL_CIPHER_get_auth_nid(cipher) == NID_auth_psk) return true;
  return SSL_version(ssl) == TLS1_3_VERSION && SSL_session_reused(ssl) == 1;
}

void VerifyError(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  TLSWrap* wrap = Live(info);
  if (wrap == nullptr) return;
  long err;
  if (SSL_get0_peer_certificate(wrap->ssl()) != nullptr) {
    err = SSL_get_verify_result(wrap->ssl());
  } else if (UsesPsk(wrap->ssl())) {
    // A pre-shared key authenticated the peer; there is no certificate to verify.
    err = X509_V_OK;
  } else {
    // As node: no certificate reads as an unverifiable issuer.
    err = X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT;
  }
  if (err == X509_V_OK) return;
  v8::Local<v8::Value> error =
      v8::Exception::Error(Utf8String(isolate, X509_verify_cert_error_string(err)));
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  if (error.As<v8::Object>()
          ->Set(context, OneByteString(isolate, "code"),
                OneByteString(isolate, VerifyErrorCode(err)))
          .IsNothing()) {
    return;
  }
  info.GetReturnValue().Set(error);
}

// `leaf` (when not null) followed by its issuers, each found in the first of `stacks` that holds
// one, up to a self-issued certificate or 16 certificates in all.
std::vector<X509*> IssuerChain(X509* leaf, std::initializer_list<STACK_OF(X509)*> stacks) {
  std::vector<X509*> chain;
  if (leaf == nullptr) return chain;
  chain.push_back(leaf);
  while (chain.size() < 16 && X509_check_issued(chain.back(), chain.back()) != X509_V_OK) {
    X509* current = chain.back();
    X509* issuer = nullptr;
    for (STACK_OF(X509)* stack : stacks) {
      if (stack == nullptr) continue;
      for (int i = 0; i < sk_X509_num(stack) && issuer == nullptr; i++) {
        X509* candidate = sk_X509_value(stack, i);
        if (candidate != current && X509_check_issued(candidate, current) == X509_V_OK) {
          issuer = candidate;
        }
      }
    }
    if (issuer == nullptr) break;
    chain.push_back(issuer);
  }
  return chain;
}

// The peer's certificate object; with detailed, an array of the chain's objects (leaf
// first, up to the trusted root when verification built one) for JS to link.
void GetPeerCertificate(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  TLSWrap* wrap = Live(info);
  if (wrap == nullptr) return;
  Environment* env = wrap->env();
  SSL* ssl = wrap->ssl();
  X509* leaf = SSL_get0_peer_certificate(ssl);
  if (!info[0]->IsTrue()) {
    v8::Local<v8::Object> obj;
    if (CertificateToObject(env, leaf).ToLocal(&obj)) info.GetReturnValue().Set(obj);
    return;
  }
  // Issuers through the verified chain, then what the peer sent.
  std::vector<X509*> chain =
      IssuerChain(leaf, {SSL_get0_verified_chain(ssl), SSL_get_peer_cert_chain(ssl)});
  std::vector<v8::Local<v8::Value>> objects;
  for (X509* cert : chain) {
    v8::Local<v8::Object> obj;
    if (!CertificateToObject(env, cert).ToLocal(&obj)) return;
    objects.push_back(obj);
  }
  ERR_clear_error();
  info.GetReturnValue().Set(v8::Array::New(isolate, objects.data(), objects.size()));
}

void GetCertificate(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Live(info);
  if (wrap == nullptr) return;
  v8::Local<v8::Object> obj;
  if (CertificateToObject(wrap->env(), SSL_get_certificate(wrap->ssl())).ToLocal(&obj)) {
    info.GetReturnValue().Set(obj);
  }
}

// DER bytes of certificates, for crypto.X509Certificate: with false our own certificate; else
// the peer's, followed by its issuers among the certificates the peer sent (as node links a peer
// X509Certificate's issuerCertificate), as an array.
void GetPeerCertificateRaw(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Live(info);
  if (wrap == nullptr) return;
  v8::Isolate* isolate = info.GetIsolate();
  auto to_bytes = [isolate](X509* cert) -> v8::Local<v8::Value> {
    unsigned char* der = nullptr;
    int len = i2d_X509(cert, &der);
    if (len <= 0) return v8::Undefined(isolate);
    v8::Local<v8::Value> bytes = crypto::NewUint8Array(isolate, der, len);
    OPENSSL_free(der);
    return bytes;
  };
  if (info[0]->IsFalse()) {
    X509* own = SSL_get_certificate(wrap->ssl());
    if (own != nullptr) info.GetReturnValue().Set(to_bytes(own));
    return;
  }
  X509* leaf = SSL_get0_peer_certificate(wrap->ssl());
  if (leaf == nullptr) return;
  std::vector<v8::Local<v8::Value>> chain;
  for (X509* cert : IssuerChain(leaf, {SSL_get_peer_cert_chain(wrap->ssl())})) {
    chain.push_back(to_bytes(cert));
  }
  ERR_clear_error();
  info.GetReturnValue().Set(v8::Array::New(isolate, chain.data(), chain.size()));
}

void GetProtocol(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Live(info);
  if (wrap == nullptr) return;
  info.GetReturnValue().Set(OneByteString(info.GetIsolate(), SSL_get_version(wrap->ssl())));
}

void GetCipher(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  TLSWrap* wrap = Live(info);
  if (wrap == nullptr) return;
  const SSL_CIPHER* cipher = SSL_get_current_cipher(wrap->ssl());
  if (cipher == nullptr) return;
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Object> obj = v8::Object::New(isolate);
  const char* standard = SSL_CIPHER_standard_name(cipher);
  if (obj->Set(context, OneByteString(isolate, "name"),
               OneByteString(isolate, SSL_CIPHER_get_name(cipher)))
          .IsNothing() ||
      obj->Set(context, OneByteString(isolate, "standardName"),
               OneByteString(isolate, standard != nullptr ? standard : "(NONE)"))
          .IsNothing() ||
      obj->Set(context, OneByteString(isolate, "version"),
               OneByteString(isolate, SSL_CIPHER_get_version(cipher)))
          .IsNothing()) {
    return;
  }
  info.GetReturnValue().Set(obj);
}

void GetALPNNegotiatedProtocol(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Live(info);
  if (wrap == nullptr) return;
  const unsigned char* data = nullptr;
  unsigned int len = 0;
  SSL_get0_alpn_selected(wrap->ssl(), &data, &len);
  if (data == nullptr || len == 0) {
    info.GetReturnValue().Set(false);
    return;
  }
  info.GetReturnValue().Set(Utf8String(info.GetIsolate(),
                                       std::string_view(reinterpret_cast<const char*>(data), len)));
}

void GetServername(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Live(info);
  if (wrap == nullptr) return;
  const char* name = SSL_get_servername(wrap->ssl(), TLSEXT_NAMETYPE_host_name);
  if (name == nullptr) {
    info.GetReturnValue().Set(false);
    return;
  }
  info.GetReturnValue().Set(Utf8String(info.GetIsolate(), name));
}

void ExportKeyingMaterial(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  TLSWrap* wrap = Live(info);
  if (wrap == nullptr) return;
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  int64_t length = info[0]->IntegerValue(context).FromMaybe(0);
  std::string label = ToStdString(isolate, info[1]);
  ByteView ctx_view;
  bool use_context = crypto::GetByteView(info[2], &ctx_view);
  std::vector<unsigned char> out(static_cast<size_t>(length));
  if (SSL_export_keying_material(wrap->ssl(), out.data(), out.size(), label.data(), label.size(),
                                 use_context ? ctx_view.data : nullptr,
                                 use_context ? ctx_view.size : 0, use_context ? 1 : 0) != 1) {
    return crypto::ThrowOpenSSLError(isolate, "SSL_export_keying_material");
  }
  info.GetReturnValue().Set(crypto::NewUint8Array(isolate, std::move(out)));
}

void GetFinished(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Live(info);
  if (wrap == nullptr) return;
  unsigned char buf[EVP_MAX_MD_SIZE];
  size_t len = info[0]->IsTrue() ? SSL_get_peer_finished(wrap->ssl(), buf, sizeof(buf))
                                 : SSL_get_finished(wrap->ssl(), buf, sizeof(buf));
  if (len == 0) return;
  info.GetReturnValue().Set(crypto::NewUint8Array(info.GetIsolate(), buf, len));
}

void GetEphemeralKeyInfo(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  TLSWrap* wrap = Live(info);
  if (wrap == nullptr) return;
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Object> obj = v8::Object::New(isolate);
  EVP_PKEY* key = nullptr;
  if (SSL_get_peer_tmp_key(wrap->ssl(), &key) == 1 && key != nullptr) {
    int id = EVP_PKEY_get_id(key);
    int bits = EVP_PKEY_get_bits(key);
    const char* type = nullptr;
    const char* name = nullptr;
    char group[80];
    size_t group_len = 0;
    if (id == EVP_PKEY_DH) {
      type = "DH";
    } else if (id == EVP_PKEY_EC) {
      type = "ECDH";
      if (EVP_PKEY_get_utf8_string_param(key, "group", group, sizeof(group), &group_len) == 1) {
        int nid = OBJ_sn2nid(group);
        if (nid == NID_undef) nid = OBJ_ln2nid(group);
        name = nid != NID_undef ? OBJ_nid2sn(nid) : group;
      }
    } else if (id == EVP_PKEY_X25519 || id == EVP_PKEY_X448) {
      type = "ECDH";
      name = id == EVP_PKEY_X25519 ? "X25519" : "X448";
    }
    if (type != nullptr) {
      USE(obj->Set(context, OneByteString(isolate, "type"), OneByteString(isolate, type)));
      if (name != nullptr) {
        USE(obj->Set(context, OneByteString(isolate, "name"), OneByteString(isolate, name)));
      }
      USE(obj->Set(context, OneByteString(isolate, "size"), v8::Integer::New(isolate, bits)));
    }
    EVP_PKEY_free(key);
  }
  ERR_clear_error();
  info.GetReturnValue().Set(obj);
}

void GetSharedSigalgs(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  TLSWrap* wrap = Live(info);
  if (wrap == nullptr) return;
  std::vector<v8::Local<v8::Value>> names;
  int count = SSL_get_shared_sigalgs(wrap->ssl(), 0, nullptr, nullptr, nullptr, nullptr, nullptr);
  for (int i = 0; i < count; i++) {
    int sign_nid = 0;
    int hash_nid = 0;
    SSL_get_shared_sigalgs(wrap->ssl(), i, &sign_nid, &hash_nid, nullptr, nullptr, nullptr);
    std::string name;
    switch (sign_nid) {
      case EVP_PKEY_RSA: name = "RSA"; break;
      case EVP_PKEY_RSA_PSS: name = "RSA-PSS"; break;
      case EVP_PKEY_DSA: name = "DSA"; break;
      case EVP_PKEY_EC: name = "ECDSA"; break;
      case NID_ED25519: name = "Ed25519"; break;
      case NID_ED448: name = "Ed448"; break;
      default: {
        const char* sn = OBJ_nid2sn(sign_nid);
        name = sn != nullptr ? sn : "UNDEF";
      }
    }
    if (hash_nid != NID_undef) {
      const char* sn = OBJ_nid2sn(hash_nid);
      name += "+";
      name += sn != nullptr ? sn : "UNDEF";
    } else {
      name += "+UNDEF";
    }
    names.push_back(Utf8String(isolate, name));
  }
  info.GetReturnValue().Set(v8::Array::New(isolate, names.data(), names.size()));
}

void SetMaxSendFragment(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Live(info);
  if (wrap == nullptr) return;
  v8::Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
  int64_t size = info[0]->IntegerValue(context).FromMaybe(0);
  info.GetReturnValue().Set(SSL_set_max_send_fragment(wrap->ssl(), size) == 1);
}

void HandshakeDone(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TLSWrap* wrap = Unwrap(info);
  info.GetReturnValue().Set(wrap != nullptr && wrap->handshake_done_);
}

// The cipher suites a default client would offer, lower-cased as node lists them.
void GetSSLCiphers(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  SSL_CTX* ctx = SSL_CTX_new(TLS_method());
  std::vector<v8::Local<v8::Value>> names;
  if (ctx != nullptr) {
    SSL* ssl = SSL_new(ctx);
    if (ssl != nullptr) {
      STACK_OF(SSL_CIPHER)* ciphers = SSL_get_ciphers(ssl);
      for (int i = 0; i < sk_SSL_CIPHER_num(ciphers); i++) {
        names.push_back(OneByteString(isolate, SSL_CIPHER_get_name(sk_SSL_CIPHER_value(ciphers, i))));
      }
      SSL_free(ssl);
    }
    SSL_CTX_free(ctx);
  }
  info.GetReturnValue().Set(v8::Array::New(isolate, names.data(), names.size()));
}

}  // namespace

int WrapExIndex() {
  static const int index = SSL_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
  return index;
}

void InstallContextCallbacks(SSL_CTX* ctx) {
  SSL_CTX_set_keylog_callback(ctx, KeylogCallback);
  SSL_CTX_sess_set_new_cb(ctx, NewSessionCallback);
  SSL_CTX_sess_set_get_cb(ctx, GetSessionCallback);
  SSL_CTX_set_alpn_select_cb(ctx, AlpnSelectCallback, nullptr);
  SSL_CTX_set_client_hello_cb(ctx, ClientHelloCallback, nullptr);
}

void InitWrap(Environment* env, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  v8::Local<v8::FunctionTemplate> tmpl = crypto::NewWrapTemplate(isolate, "TLSWrap", New);
  struct {
    const char* name;
    v8::FunctionCallback fn;
  } methods[] = {
      {"start", Start},
      {"receive", Receive},
      {"receiveEof", ReceiveEof},
      {"cycle", Cycle},
      {"setReading", SetReading},
      {"write", Write},
      {"shutdown", Shutdown},
      {"destroy", Destroy},
      {"setVerifyMode", SetVerifyMode},
      {"setServername", SetServername},
      {"setALPNProtocols", SetALPNProtocols},
      {"enableALPNCallback", EnableALPNCallback},
      {"enableKeylog", EnableKeylog},
      {"enableSessionCallbacks", EnableSessionCallbacks},
      {"enableSessionLookup", EnableSessionLookup},
      {"loadSession", LoadSession},
      {"enableCertCallback", EnableCertCallback},
      {"setSecureContext", SetSecureContext},
      {"resumeHandshake", ResumeHandshake},
      {"renegotiate", Renegotiate},
      {"enablePskCallback", EnablePskCallback},
      {"setPskIdentityHint", SetPskIdentityHint},
      {"setSession", SetSession},
      {"getSession", GetSession},
      {"getTLSTicket", GetTLSTicket},
      {"isSessionReused", IsSessionReused},
      {"verifyError", VerifyError},
      {"getPeerCertificate", GetPeerCertificate},
      {"getCertificate", GetCertificate},
      {"getX509Raw", GetPeerCertificateRaw},
      {"getProtocol", GetProtocol},
      {"getCipher", GetCipher},
      {"getALPNNegotiatedProtocol", GetALPNNegotiatedProtocol},
      {"getServername", GetServername},
      {"exportKeyingMaterial", ExportKeyingMaterial},
      {"getFinished", GetFinished},
      {"getEphemeralKeyInfo", GetEphemeralKeyInfo},
      {"getSharedSigalgs", GetSharedSigalgs},
      {"setMaxSendFragment", SetMaxSendFragment},
      {"handshakeDone", HandshakeDone},
  };
  for (const auto& m : methods) SetProtoMethod(isolate, tmpl, m.name, m.fn);
  GetTlsData(env)->wrap_template.Reset(isolate, tmpl);
  v8::Local<v8::Function> fn;
  if (!tmpl->GetFunction(context).ToLocal(&fn)) return;
  SetValue(context, target, "TLSWrap", fn);
  SetMethod(context, target, "getSSLCiphers", GetSSLCiphers);
  SetConstant(context, target, "kEof", stream::kEof);
}

namespace {

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  env->set_binding_data("tls_wrap", std::make_unique<TlsData>());
  SecureContext::Init(env, target);
  InitWrap(env, target);
}

}  // namespace
}  // namespace ringjs::tls

RINGJS_BINDING(tls_wrap, ringjs::tls::Initialize)
