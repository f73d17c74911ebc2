// FSEvent: inotify watches for fs.watch (see fs_watch.h).
#include "bindings/fs_watch.h"

#include <errno.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <memory>
#include <string>
#include <unordered_set>

#include "bindings/fs_args.h"
#include "bindings/fs_req.h"
#include "runtime/binding.h"
#include "runtime/callback_scope.h"

namespace ringjs::fs {
namespace {

// libuv's mask: every event that changes the entry or its contents.
constexpr uint32_t kWatchMask = IN_ATTRIB | IN_CREATE | IN_MODIFY | IN_DELETE | IN_DELETE_SELF |
                                IN_MOVE_SELF | IN_MOVED_FROM | IN_MOVED_TO;

class FSEventWrap;

// Every live FSEvent of the Environment, closed at teardown.
class WatchData : public BindingData {
 public:
  explicit WatchData(Environment* env);
  std::unordered_set<FSEventWrap*> live;
};

class FSEventWrap {
 public:
  FSEventWrap(Environment* env, v8::Local<v8::Object> object) : env_(env), poll_(env->loop()) {
    object->SetAlignedPointerInInternalField(0, this);
    object_.Reset(env->isolate(), object);
    object_.SetWeak(this, OnCollected, v8::WeakCallbackType::kParameter);
    data()->live.insert(this);
  }

  ~FSEventWrap() {
    data()->live.erase(this);
    if (fd_ >= 0) close(fd_);
  }

  static FSEventWrap* Unwrap(const FunctionCallbackInfo<Value>& info) {
    Local<v8::Object> self = info.This();
    if (self->InternalFieldCount() < 1) return nullptr;
    return static_cast<FSEventWrap*>(self->GetAlignedPointerFromInternalField(0));
  }

  bool initialized() const { return initialized_; }

  int Start(const std::string& path, bool persistent, Encoding encoding) {
    if (initialized_ || closing_) return 0;
    int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd < 0) return -errno;
    if (inotify_add_watch(fd, path.c_str(), kWatchMask) < 0) {
      int err = -errno;
      close(fd);
      return err;
    }
    int err = poll_.Start(fd, loop::Poll::kReadable,
                          [this](int status, int) { OnReadable(status); });
    if (err != 0) {
      close(fd);
      return err;
    }
    fd_ = fd;
    path_ = path;
    encoding_ = encoding;
    initialized_ = true;
    if (!persistent) poll_.Unref();
    object_.ClearWeak();  // Alive while watching, as node's handles.
    return 0;
  }

  // Stops watching; the wrap is freed once the loop released the Poll.
  void Close() {
    if (closing_) return;
    closing_ = true;
    initialized_ = false;
    v8::Isolate* isolate = env_->isolate();
    if (!object_.IsEmpty()) {
      v8::HandleScope scope(isolate);
      object_.Get(isolate)->SetAlignedPointerInInternalField(0, nullptr);
      object_.Reset();
    }
    poll_.Close([this] { delete this; });
  }

  void Ref() { poll_.Ref(); }
  void Unref() { poll_.Unref(); }
  bool HasRef() const { return poll_.HasRef(); }

 private:
  WatchData* data() const { return env_->binding_data<WatchData>("fs_watch"); }

  static void OnCollected(const v8::WeakCallbackInfo<FSEventWrap>& info) {
    FSEventWrap* wrap = info.GetParameter();
    wrap->object_.Reset();
    wrap->Close();
  }

  void OnReadable(int status) {
    if (closing_) return;
    if (status < 0) {
      Emit(status, nullptr, std::string());
      return;
    }
    alignas(struct inotify_event) char buf[4096];
    for (;;) {
      ssize_t n = read(fd_, buf, sizeof(buf));
      if (n < 0) {
        if (errno == EINTR) continue;
        return;  // EAGAIN: drained.
      }
      if (n == 0) return;
      for (char* p = buf; p < buf + n;) {
        auto* event = reinterpret_cast<struct inotify_event*>(p);
        p += sizeof(struct inotify_event) + event->len;
        if (event->wd < 0) continue;  // IN_Q_OVERFLOW: not an event on our watch.
        // As libuv: a change of the entry's data or attributes is 'change', anything else
        // (create, delete, move, the watch going away) 'rename'; rename wins.
        const char* type = (event->mask & ~(IN_ATTRIB | IN_MODIFY)) ? "rename" : "change";
        std::string name;
        if (event->len > 0) {
          name = event->name;
        } else {
          size_t slash = path_.rfind('/');
          name = slash == std::string::npos ? path_ : path_.substr(slash + 1);
        }
        Emit(0, type, name);
        if (closing_) return;  // A listener closed the watcher.
      }
    }
  }

  void Emit(int status, const char* type, const std::string& name) {
    if (env_->is_stopping() || object_.IsEmpty()) return;
    v8::Isolate* isolate = env_->isolate();
    CallbackScope scope(env_);
    Local<v8::Object> object = object_.Get(isolate);
    Local<Value> onchange;
    if (!object->Get(env_->context(), OneByteString(isolate, "onchange")).ToLocal(&onchange) ||
        !onchange->IsFunction()) {
      return;
    }
    Local<Value> event_type = v8::Undefined(isolate);
    Local<Value> filename = v8::Null(isolate);
    if (type != nullptr) {
      event_type = OneByteString(isolate, type);
      filename = EncodedValue(isolate, name, encoding_);
    }
    Local<Value> argv[] = {v8::Integer::New(isolate, status), event_type, filename};
    USE(scope.Call(onchange.As<v8::Function>(), object, 3, argv));
  }

  Environment* env_;
  loop::Poll poll_;
  v8::Global<v8::Object> object_;
  std::string path_;
  Encoding encoding_ = Encoding::kUtf8;
  int fd_ = -1;
  bool initialized_ = false;
  bool closing_ = false;
};

WatchData::WatchData(Environment* env) {
  env->AddCleanupHook([this] {
    std::unordered_set<FSEventWrap*> wraps = live;
    for (FSEventWrap* wrap : wraps) wrap->Close();
  });
}

void New(const FunctionCallbackInfo<Value>& info) {
  if (!info.IsConstructCall()) return ThrowTypeError(info.GetIsolate(), "FSEvent needs new");
  new FSEventWrap(Environment::From(info), info.This());
  CaptureAsyncContext(Environment::From(info), info.This());
}

// start(path, persistent, recursive, encoding) -> 0 or -errno.
void Start(const FunctionCallbackInfo<Value>& info) {
  FSEventWrap* wrap = FSEventWrap::Unwrap(info);
  if (wrap == nullptr) return info.GetReturnValue().Set(-EBADF);
  std::string path = PathArg(info.GetIsolate(), info[0]);
  info.GetReturnValue().Set(
      wrap->Start(path, !info[1]->IsFalse(), EncodingArg(info.GetIsolate(), info[3])));
}

void Close(const FunctionCallbackInfo<Value>& info) {
  FSEventWrap* wrap = FSEventWrap::Unwrap(info);
  if (wrap != nullptr) wrap->Close();
}

void Ref(const FunctionCallbackInfo<Value>& info) {
  FSEventWrap* wrap = FSEventWrap::Unwrap(info);
  if (wrap != nullptr) wrap->Ref();
}

void Unref(const FunctionCallbackInfo<Value>& info) {
  FSEventWrap* wrap = FSEventWrap::Unwrap(info);
  if (wrap != nullptr) wrap->Unref();
}

void HasRef(const FunctionCallbackInfo<Value>& info) {
  FSEventWrap* wrap = FSEventWrap::Unwrap(info);
  info.GetReturnValue().Set(wrap != nullptr && wrap->HasRef());
}

void GetAsyncId(const FunctionCallbackInfo<Value>& info) { info.GetReturnValue().Set(-1); }

void GetInitialized(Local<v8::Name>, const v8::PropertyCallbackInfo<Value>& info) {
  Local<v8::Object> self = info.This();
  auto* wrap = self->InternalFieldCount() < 1
                   ? nullptr
                   : static_cast<FSEventWrap*>(self->GetAlignedPointerFromInternalField(0));
  info.GetReturnValue().Set(wrap != nullptr && wrap->initialized());
}

}  // namespace

void InitializeWatch(Environment* env, Local<v8::Object> target) {
  v8::Isolate* isolate = env->isolate();
  Local<v8::Context> context = env->context();
  env->set_binding_data("fs_watch", std::make_unique<WatchData>(env));

  Local<v8::FunctionTemplate> fs_event = v8::FunctionTemplate::New(isolate, New);
  fs_event->SetClassName(OneByteString(isolate, "FSEvent"));
  fs_event->InstanceTemplate()->SetInternalFieldCount(1);
  Local<v8::ObjectTemplate> proto = fs_event->PrototypeTemplate();
  proto->Set(isolate, "start", v8::FunctionTemplate::New(isolate, Start));
  proto->Set(isolate, "close", v8::FunctionTemplate::New(isolate, Close));
  proto->Set(isolate, "ref", v8::FunctionTemplate::New(isolate, Ref));
  proto->Set(isolate, "unref", v8::FunctionTemplate::New(isolate, Unref));
  proto->Set(isolate, "hasRef", v8::FunctionTemplate::New(isolate, HasRef));
  proto->Set(isolate, "getAsyncId", v8::FunctionTemplate::New(isolate, GetAsyncId));
  proto->SetAccessor(OneByteString(isolate, "initialized"), GetInitialized);
  Local<v8::Function> constructor;
  if (fs_event->GetFunction(context).ToLocal(&constructor)) {
    SetValue(context, target, "FSEvent", constructor);
  }
}

}  // namespace ringjs::fs
