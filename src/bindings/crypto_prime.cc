// Primes: crypto.generatePrime / checkPrime (and their Sync forms) over BN_generate_prime_ex
// and BN_is_prime_ex, inline or on the thread pool. JS (internal/crypto/prime.js) validates the
// options, including add/rem, before anything runs here.
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/bn.h>
#include <openssl/err.h>

#include "bindings/crypto_util.h"

namespace ringjs::crypto {
namespace {

struct BnDeleter {
  void operator()(BIGNUM* bn) const { BN_free(bn); }
};
using BnPtr = std::unique_ptr<BIGNUM, BnDeleter>;

BnPtr BnFromBytes(const std::vector<unsigned char>& bytes) {
  return BnPtr(BN_bin2bn(bytes.data(), static_cast<int>(bytes.size()), nullptr));
}

std::vector<unsigned char> CopyBytes(v8::Local<v8::Value> value, bool* present) {
  ByteView view;
  *present = GetByteView(value, &view);
  if (!*present) return {};
  return std::vector<unsigned char>(view.data, view.data + view.size);
}

// node reports a failed prime job with OpenSSL's formatted message alone (no code property).
v8::Local<v8::Value> PlainOpenSSLError(v8::Isolate* isolate, unsigned long err) {
  char buf[256];
  ERR_error_string_n(err, buf, sizeof(buf));
  return v8::Exception::Error(Utf8String(isolate, err != 0 ? buf : "Prime generation failed"));
}

v8::Local<v8::ArrayBuffer> BnToArrayBuffer(v8::Isolate* isolate, const BIGNUM* bn) {
  size_t size = static_cast<size_t>(BN_num_bytes(bn));
  std::unique_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(isolate, size);
  if (size > 0) BN_bn2binpad(bn, static_cast<unsigned char*>(store->Data()), static_cast<int>(size));
  return v8::ArrayBuffer::New(isolate, std::move(store));
}

struct PrimeParams {
  int bits = 0;
  bool safe = false;
  bool has_add = false;
  bool has_rem = false;
  std::vector<unsigned char> add;
  std::vector<unsigned char> rem;
};

// The prime, or nullptr with the error queued.
BnPtr GeneratePrime(const PrimeParams& p) {
  BnPtr prime(BN_new());
  BnPtr add = p.has_add ? BnFromBytes(p.add) : nullptr;
  BnPtr rem = p.has_rem ? BnFromBytes(p.rem) : nullptr;
  if (!prime || BN_generate_prime_ex(prime.get(), p.bits, p.safe ? 1 : 0, add.get(), rem.get(),
                                     nullptr) != 1) {
    return nullptr;
  }
  return prime;
}

// 1 prime, 0 composite, -1 error.
int CheckPrime(const std::vector<unsigned char>& candidate, int checks) {
  BnPtr bn = BnFromBytes(candidate);
  BN_CTX* ctx = BN_CTX_new();
  int r = bn && ctx ? BN_is_prime_ex(bn.get(), checks, ctx, nullptr) : -1;
  BN_CTX_free(ctx);
  return r;
}

class GeneratePrimeJob : public PoolJob {
 public:
  explicit GeneratePrimeJob(PrimeParams params) : params_(std::move(params)) {}
  void Work() override {
    prime_ = GeneratePrime(params_);
    if (!prime_) err_ = TakeOpenSSLError();
  }
  void Done(Environment* env, std::vector<v8::Local<v8::Value>>* argv) override {
    v8::Isolate* isolate = env->isolate();
    if (!prime_) return argv->push_back(PlainOpenSSLError(isolate, err_));
    argv->push_back(v8::Undefined(isolate));
    argv->push_back(BnToArrayBuffer(isolate, prime_.get()));
  }

 private:
  PrimeParams params_;
  BnPtr prime_;
  unsigned long err_ = 0;
};

class CheckPrimeJob : public PoolJob {
 public:
  CheckPrimeJob(std::vector<unsigned char> candidate, int checks)
      : candidate_(std::move(candidate)), checks_(checks) {}
  void Work() override {
    result_ = CheckPrime(candidate_, checks_);
    if (result_ < 0) err_ = TakeOpenSSLError();
  }
  void Done(Environment* env, std::vector<v8::Local<v8::Value>>* argv) override {
    v8::Isolate* isolate = env->isolate();
    if (result_ < 0) return argv->push_back(PlainOpenSSLError(isolate, err_));
    argv->push_back(v8::Undefined(isolate));
    argv->push_back(v8::Boolean::New(isolate, result_ == 1));
  }

 private:
  std::vector<unsigned char> candidate_;
  int checks_;
  int result_ = -1;
  unsigned long err_ = 0;
};

// generatePrime(bits, safe, addBytes | undefined, remBytes | undefined[, ondone]) ->
// ArrayBuffer (big-endian), or ondone(err, ArrayBuffer).
void GeneratePrimeCall(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  PrimeParams params;
  params.bits = info[0]->Int32Value(context).FromMaybe(0);
  params.safe = info[1]->IsTrue();
  params.add = CopyBytes(info[2], &params.has_add);
  params.rem = CopyBytes(info[3], &params.has_rem);
  if (info[4]->IsFunction()) {
    return PoolJob::Start(Environment::From(info),
                          std::make_unique<GeneratePrimeJob>(std::move(params)),
                          info[4].As<v8::Function>());
  }
  ERR_clear_error();
  BnPtr prime = GeneratePrime(params);
  if (!prime) {
    isolate->ThrowException(PlainOpenSSLError(isolate, TakeOpenSSLError()));
    return;
  }
  info.GetReturnValue().Set(BnToArrayBuffer(isolate, prime.get()));
}

// checkPrime(candidateBytes, checks[, ondone]) -> bool, or ondone(err, bool).
void CheckPrimeCall(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  bool present = false;
  std::vector<unsigned char> candidate = CopyBytes(info[0], &present);
  if (!present) return ThrowTypeError(isolate, "checkPrime: bad candidate");
  int checks = info[1]->Int32Value(isolate->GetCurrentContext()).FromMaybe(0);
  if (info[2]->IsFunction()) {
    return PoolJob::Start(Environment::From(info),
                          std::make_unique<CheckPrimeJob>(std::move(candidate), checks),
                          info[2].As<v8::Function>());
  }
  ERR_clear_error();
  int r = CheckPrime(candidate, checks);
  if (r < 0) {
    isolate->ThrowException(PlainOpenSSLError(isolate, TakeOpenSSLError()));
    return;
  }
  info.GetReturnValue().Set(r == 1);
}

}  // namespace

void InitPrime(Environment* env, v8::Local<v8::Object> target) {
  v8::Local<v8::Context> context = env->context();
  SetMethod(context, target, "generatePrime", GeneratePrimeCall);
  SetMethod(context, target, "checkPrime", CheckPrimeCall);
}

}  // namespace ringjs::crypto
