// Random bytes (randomFill/randomBytes/randomInt/randomUUID/getRandomValues all end here):
// RAND_bytes on the loop thread for the sync forms, on the thread pool for the async ones.
#include <openssl/err.h>
#include <openssl/rand.h>

#include <climits>

#include "bindings/crypto_util.h"

namespace ringjs::crypto {
namespace {

// Fills [data, data + size) in chunks RAND_bytes accepts (int lengths).
bool FillRandom(unsigned char* data, size_t size) {
  while (size > 0) {
    int n = size > INT_MAX ? INT_MAX : static_cast<int>(size);
    if (RAND_bytes(data, n) != 1) return false;
    data += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

class RandomFillJob : public PoolJob {
 public:
  RandomFillJob(PoolBytes bytes, size_t offset, size_t size)
      : bytes_(std::move(bytes)), offset_(offset), size_(size) {}

  void Work() override {
    if (!FillRandom(bytes_.data() + offset_, size_)) error_ = TakeOpenSSLError();
    ok_ = error_ == 0;
  }

  void Done(Environment* env, std::vector<v8::Local<v8::Value>>* argv) override {
    v8::Isolate* isolate = env->isolate();
    if (!ok_) {
      argv->push_back(MakeOpenSSLError(isolate, error_, "Random bytes generation failed"));
      return;
    }
    argv->push_back(v8::Undefined(isolate));
  }

 private:
  PoolBytes bytes_;
  size_t offset_;
  size_t size_;
  unsigned long error_ = 0;
  bool ok_ = false;
};

// randomFill(buffer, offset, size[, ondone]): JS checked that the range fits. With ondone the
// fill runs on the pool and ondone(err) follows; without, it runs now and throws on failure.
void RandomFill(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  PoolBytes bytes;
  if (!bytes.Set(info[0])) return ThrowTypeError(isolate, "buffer must be a view or buffer");
  double offset_d = info[1]->NumberValue(context).FromMaybe(0);
  double size_d = info[2]->NumberValue(context).FromMaybe(0);
  if (offset_d < 0 || size_d < 0 || offset_d + size_d > static_cast<double>(bytes.size())) {
    return ThrowError(isolate, "randomFill: range out of bounds");
  }
  size_t offset = static_cast<size_t>(offset_d);
  size_t size = static_cast<size_t>(size_d);
  if (info[3]->IsFunction()) {
    PoolJob::Start(Environment::From(info),
                   std::make_unique<RandomFillJob>(std::move(bytes), offset, size),
                   info[3].As<v8::Function>());
    return;
  }
  if (size > 0 && !FillRandom(bytes.data() + offset, size)) {
    ThrowOpenSSLError(isolate, "Random bytes generation failed");
  }
}

}  // namespace

void InitRandom(Environment* env, v8::Local<v8::Object> target) {
  SetMethod(env->context(), target, "randomFill", RandomFill);
}

}  // namespace ringjs::crypto
