// DirHandle: an open directory stream behind fs.Dir (see fs_dir.h).
#include "bindings/fs_dir.h"

#include <dirent.h>
#include <errno.h>
#include <string.h>

#include <memory>
#include <string>
#include <vector>

#include "bindings/fs_args.h"
#include "bindings/fs_req.h"
#include "runtime/binding.h"

namespace ringjs::fs {
namespace {

// The DIR* of one handle. Shared by the JS object and the ops in flight on it, so a pool
// thread never sees it freed; JS (internal/fs/dir.js) runs one operation at a time.
struct DirState {
  DIR* dir = nullptr;
  ~DirState() {
    if (dir != nullptr) closedir(dir);
  }
};

// Owned by the JS DirHandle object (internal field 0) until it is collected.
struct DirHolder {
  std::shared_ptr<DirState> state;
  v8::Global<v8::Object> object;
};

class DirData : public BindingData {
 public:
  v8::Global<v8::ObjectTemplate> handle_template;
};

DirHolder* Holder(const FunctionCallbackInfo<Value>& info) {
  Local<v8::Object> self = info.This();
  if (self->InternalFieldCount() < 1) return nullptr;
  return static_cast<DirHolder*>(self->GetAlignedPointerFromInternalField(0));
}

void OnCollected(const v8::WeakCallbackInfo<DirHolder>& info) {
  DirHolder* holder = info.GetParameter();
  holder->object.Reset();
  delete holder;  // Closes the DIR if nothing else (an op in flight) holds it.
}

// The JS DirHandle for an opened directory.
v8::MaybeLocal<v8::Value> NewDirHandle(Environment* env, std::shared_ptr<DirState> state) {
  v8::Isolate* isolate = env->isolate();
  DirData* data = env->binding_data<DirData>("fs_dir");
  Local<v8::Object> object;
  if (!data->handle_template.Get(isolate)->NewInstance(env->context()).ToLocal(&object)) {
    return {};
  }
  auto* holder = new DirHolder{std::move(state), {}};
  object->SetAlignedPointerInInternalField(0, holder);
  holder->object.Reset(isolate, object);
  holder->object.SetWeak(holder, OnCollected, v8::WeakCallbackType::kParameter);
  return object;
}

// opendir(path, encoding, req, ctx) -> DirHandle. As node, a sync failure names no path.
void OpenDir(const FunctionCallbackInfo<Value>& info) {
  auto op = std::make_unique<FsOp>("opendir");
  op->SetPath(PathArg(info.GetIsolate(), info[0]));
  auto state = std::make_shared<DirState>();
  op->state = state;
  op->kind = ResultKind::kCustom;
  op->run = [](FsOp* o) -> int64_t {
    auto* dir_state = static_cast<DirState*>(o->state.get());
    dir_state->dir = opendir(o->path.c_str());
    if (dir_state->dir != nullptr) return 0;
    o->report_path = o->async;
    return -errno;
  };
  op->to_value = [](Environment* env, FsOp* o) {
    return NewDirHandle(env, std::static_pointer_cast<DirState>(o->state));
  };
  Dispatch(info, 2, std::move(op));
}

// handle.read(encoding, bufferSize, req, ctx) -> [name, type, ...] or null at the end.
void Read(const FunctionCallbackInfo<Value>& info) {
  DirHolder* holder = Holder(info);
  if (holder == nullptr) return ThrowTypeError(info.GetIsolate(), "DirHandle.read");
  auto op = std::make_unique<FsOp>("scandir");
  op->state = holder->state;
  op->keep_alive.Reset(info.GetIsolate(), info.This());
  op->encoding = EncodingArg(info.GetIsolate(), info[0]);
  op->len = info[1]->IsUint32() ? info[1].As<v8::Uint32>()->Value() : 32;
  op->kind = ResultKind::kCustom;
  op->run = [](FsOp* o) -> int64_t {
    DIR* dir = static_cast<DirState*>(o->state.get())->dir;
    if (dir == nullptr) return -EBADF;
    while (o->names.size() < o->len) {
      errno = 0;
      struct dirent* ent = readdir(dir);
      if (ent == nullptr) {
        if (errno != 0) return -errno;
        break;
      }
      const char* name = ent->d_name;
      if (name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'))) continue;
      o->names.emplace_back(name);
      o->types.push_back(DirentTypeOf(ent->d_type));
    }
    return 0;
  };
  op->to_value = [](Environment* env, FsOp* o) -> v8::MaybeLocal<v8::Value> {
    v8::Isolate* isolate = env->isolate();
    if (o->names.empty()) return v8::Null(isolate);
    std::vector<Local<Value>> values;
    values.reserve(o->names.size() * 2);
    for (size_t i = 0; i < o->names.size(); i++) {
      values.push_back(EncodedValue(isolate, o->names[i], o->encoding));
      values.push_back(v8::Integer::New(isolate, o->types[i]));
    }
    return v8::Array::New(isolate, values.data(), values.size());
  };
  Dispatch(info, 2, std::move(op));
}

// handle.close(req, ctx)
void Close(const FunctionCallbackInfo<Value>& info) {
  DirHolder* holder = Holder(info);
  if (holder == nullptr) return ThrowTypeError(info.GetIsolate(), "DirHandle.close");
  auto op = std::make_unique<FsOp>("closedir");
  op->state = holder->state;
  op->keep_alive.Reset(info.GetIsolate(), info.This());
  op->run = [](FsOp* o) -> int64_t {
    auto* dir_state = static_cast<DirState*>(o->state.get());
    if (dir_state->dir == nullptr) return 0;
    int rc = closedir(dir_state->dir);
    dir_state->dir = nullptr;
    return rc == 0 ? 0 : -errno;
  };
  Dispatch(info, 0, std::move(op));
}

}  // namespace

void InitializeDir(Environment* env, Local<v8::Object> target) {
  v8::Isolate* isolate = env->isolate();
  Local<v8::Context> context = env->context();
  DirData* data = env->set_binding_data("fs_dir", std::make_unique<DirData>());

  Local<v8::FunctionTemplate> dir_class = v8::FunctionTemplate::New(isolate);
  dir_class->SetClassName(OneByteString(isolate, "DirHandle"));
  dir_class->InstanceTemplate()->SetInternalFieldCount(1);
  Local<v8::ObjectTemplate> proto = dir_class->PrototypeTemplate();
  proto->Set(isolate, "read", v8::FunctionTemplate::New(isolate, Read));
  proto->Set(isolate, "close", v8::FunctionTemplate::New(isolate, Close));
  data->handle_template.Reset(isolate, dir_class->InstanceTemplate());
  Local<v8::Function> constructor;
  if (dir_class->GetFunction(context).ToLocal(&constructor)) {
    SetValue(context, target, "DirHandle", constructor);
  }
  SetMethod(context, target, "opendir", OpenDir);
}

}  // namespace ringjs::fs
