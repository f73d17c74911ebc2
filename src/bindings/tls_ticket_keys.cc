// Session ticket keys of a SecureContext (server.getTicketKeys/setTicketKeys, the ticketKeys
// option). Each SSL_CTX carries its own key store, so servers given the same 48 bytes resume
// each other's tickets; nothing rotates the keys behind JS's back.
//
// The 48 bytes are laid out as node lays them out (observed: a node server's tickets decrypt
// that way): a 16-byte key name, then the HMAC-SHA256 key, then the AES-128-CBC key.
//
// enableTicketKeyCallback() hands the choice of keys to JS instead: OpenSSL calls
// context.onticketkeycallback(name, iv, encrypting) from inside the handshake, which answers
// [result, hmacKey, aesKey, name?, iv?] (result as OpenSSL's: 0 unknown, 1 ok, 2 ok but renew).
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>

#include <cstring>

#include "bindings/tls_util.h"

namespace ringjs::tls {

namespace {

constexpr size_t kPart = 16;

struct TicketKeyStore {
  unsigned char name[kPart];
  unsigned char hmac[kPart];
  unsigned char aes[kPart];
  // The context whose JS object answers onticketkeycallback; cleared when it goes away (an
  // SSL may keep the SSL_CTX alive longer).
  SecureContext* owner = nullptr;
  bool ask_js = false;
};

void FreeStore(void*, void* ptr, CRYPTO_EX_DATA*, int, long, void*) {
  delete static_cast<TicketKeyStore*>(ptr);
}

int StoreIndex() {
  static const int index =
      SSL_CTX_get_ex_new_index(0, nullptr, nullptr, nullptr, FreeStore);
  return index;
}

TicketKeyStore* StoreOf(SSL_CTX* ctx) {
  return ctx != nullptr ? static_cast<TicketKeyStore*>(SSL_CTX_get_ex_data(ctx, StoreIndex()))
                        : nullptr;
}

// Points the cipher and MAC contexts at one key pair.
bool UseKeys(EVP_CIPHER_CTX* cipher, EVP_MAC_CTX* mac, const unsigned char* hmac_key,
             const unsigned char* aes_key, const unsigned char* iv, bool encrypting) {
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_octet_string(OSSL_MAC_PARAM_KEY, const_cast<unsigned char*>(hmac_key),
                                        kPart),
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char*>("sha256"), 0),
      OSSL_PARAM_construct_end(),
  };
  if (EVP_MAC_CTX_set_params(mac, params) != 1) return false;
  return EVP_CipherInit_ex(cipher, EVP_aes_128_cbc(), nullptr, aes_key, iv, encrypting ? 1 : 0) ==
         1;
}

// A 16-byte view at `index` of the JS answer, or nullptr.
const unsigned char* PartOf(v8::Local<v8::Context> context, v8::Local<v8::Array> answer,
                            uint32_t index) {
  v8::Local<v8::Value> value;
  crypto::ByteView view;
  if (!answer->Get(context, index).ToLocal(&value) || !crypto::GetByteView(value, &view) ||
      view.size < kPart) {
    return nullptr;
  }
  return view.data;
}

int AskJS(TicketKeyStore* store, unsigned char* name, unsigned char* iv, EVP_CIPHER_CTX* cipher,
          EVP_MAC_CTX* mac, bool encrypting) {
  Environment* env = store->owner->env();
  v8::Isolate* isolate = env->isolate();
  v8::HandleScope scope(isolate);
  v8::TryCatch try_catch(isolate);
  v8::Local<v8::Context> context = env->context();
  v8::Local<v8::Object> self = store->owner->object();
  if (encrypting && (RAND_bytes(name, kPart) != 1 || RAND_bytes(iv, kPart) != 1)) return -1;
  v8::Local<v8::Value> fn;
  if (!self->Get(context, OneByteString(isolate, "onticketkeycallback")).ToLocal(&fn) ||
      !fn->IsFunction()) {
    return -1;
  }
  v8::Local<v8::Value> args[] = {crypto::NewUint8Array(isolate, name, kPart),
                                 crypto::NewUint8Array(isolate, iv, kPart),
                                 v8::Boolean::New(isolate, encrypting)};
  v8::Local<v8::Value> ret;
  if (!fn.As<v8::Function>()->Call(context, self, 3, args).ToLocal(&ret) || !ret->IsArray()) {
    return -1;
  }
  v8::Local<v8::Array> answer = ret.As<v8::Array>();
  v8::Local<v8::Value> result_value;
  if (!answer->Get(context, 0).ToLocal(&result_value)) return -1;
  int result = result_value->Int32Value(context).FromMaybe(-1);
  if (result <= 0) return result;
  const unsigned char* hmac_key = PartOf(context, answer, 1);
  const unsigned char* aes_key = PartOf(context, answer, 2);
  if (hmac_key == nullptr || aes_key == nullptr) return -1;
  if (encrypting) {
    const unsigned char* new_name = PartOf(context, answer, 3);
    const unsigned char* new_iv = PartOf(context, answer, 4);
    if (new_name == nullptr || new_iv == nullptr) return -1;
    memcpy(name, new_name, kPart);
    memcpy(iv, new_iv, kPart);
  }
  return UseKeys(cipher, mac, hmac_key, aes_key, iv, encrypting) ? result : -1;
}

int TicketKeyCallback(SSL* ssl, unsigned char* name, unsigned char* iv, EVP_CIPHER_CTX* cipher,
                      EVP_MAC_CTX* mac, int encrypting) {
  TicketKeyStore* store = StoreOf(SSL_get_SSL_CTX(ssl));
  if (store == nullptr) return -1;
  if (store->ask_js && store->owner != nullptr) {
    return AskJS(store, name, iv, cipher, mac, encrypting != 0);
  }
  if (encrypting) {
    if (RAND_bytes(iv, kPart) != 1) return -1;
    memcpy(name, store->name, kPart);
    return UseKeys(cipher, mac, store->hmac, store->aes, iv, true) ? 1 : -1;
  }
  // A ticket sealed under other keys: a full handshake and a fresh ticket.
  if (memcmp(name, store->name, kPart) != 0) return 0;
  return UseKeys(cipher, mac, store->hmac, store->aes, iv, false) ? 1 : -1;
}

// The context's store, or nullptr after throwing.
TicketKeyStore* ReadyStore(const v8::FunctionCallbackInfo<v8::Value>& info) {
  SecureContext* sc = SecureContext::Unwrap(Environment::From(info), info.This());
  TicketKeyStore* store = sc != nullptr ? StoreOf(sc->ctx()) : nullptr;
  if (store == nullptr) ThrowError(info.GetIsolate(), "SecureContext is not initialized");
  return store;
}

}  // namespace

void InstallTicketKeys(SSL_CTX* ctx, SecureContext* owner) {
  auto* store = new TicketKeyStore();
  store->owner = owner;
  if (RAND_bytes(store->name, kPart) != 1 || RAND_bytes(store->hmac, kPart) != 1 ||
      RAND_bytes(store->aes, kPart) != 1 || SSL_CTX_set_ex_data(ctx, StoreIndex(), store) != 1) {
    delete store;
    return;  // Without a store the callback refuses tickets: full handshakes only.
  }
  SSL_CTX_set_tlsext_ticket_key_evp_cb(ctx, TicketKeyCallback);
}

void DetachTicketKeys(SSL_CTX* ctx) {
  if (TicketKeyStore* store = StoreOf(ctx)) store->owner = nullptr;
}

// getTicketKeys(): the 48 bytes (name, HMAC key, AES key).
void GetTicketKeys(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TicketKeyStore* store = ReadyStore(info);
  if (store == nullptr) return;
  unsigned char bytes[3 * kPart];
  memcpy(bytes, store->name, kPart);
  memcpy(bytes + kPart, store->hmac, kPart);
  memcpy(bytes + 2 * kPart, store->aes, kPart);
  info.GetReturnValue().Set(crypto::NewUint8Array(info.GetIsolate(), bytes, sizeof(bytes)));
}

// setTicketKeys(view): JS checked that the view holds exactly 48 bytes.
void SetTicketKeys(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TicketKeyStore* store = ReadyStore(info);
  if (store == nullptr) return;
  crypto::ByteView view;
  if (!crypto::GetByteView(info[0], &view) || view.size != 3 * kPart) {
    return ThrowTypeError(info.GetIsolate(), "Ticket keys must be 48 bytes");
  }
  memcpy(store->name, view.data, kPart);
  memcpy(store->hmac, view.data + kPart, kPart);
  memcpy(store->aes, view.data + 2 * kPart, kPart);
}

void EnableTicketKeyCallback(const v8::FunctionCallbackInfo<v8::Value>& info) {
  TicketKeyStore* store = ReadyStore(info);
  if (store != nullptr) store->ask_js = true;
}

}  // namespace ringjs::tls
