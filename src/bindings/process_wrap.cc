// internalBinding('process_wrap'): the Process handle behind child_process.spawn's ChildProcess.
//
//   const handle = new Process();
//   handle.onexit = (exitCode, termSignal) => {};  // termSignal: a number, 0 if it exited
//   handle.spawn(options) -> 0 or -errno; sets handle.pid and, per 'pipe' stdio entry,
//                            options.stdio[i].pipeFd (our end, O_NONBLOCK|O_CLOEXEC)
//   handle.kill(signal) -> 0 or -errno;  handle.ref() / unref() / hasRef();  handle.close()
//
// Exit detection: a pidfd (pidfd_open, Linux 5.3+) watched by a loop Poll handle. It becomes
// readable when the child exits; then waitpid(pid, WNOHANG) reaps exactly that child. Chosen over
// SIGCHLD because it is per child: no process-wide signal state or mask to manage, no
// coalesced signals to make up for by polling every child, no interference with a user's
// process.on('SIGCHLD') or with spawnSync reaping its own children, it works the same on the
// io_uring and epoll backends, and kill() can use pidfd_send_signal, which cannot hit a reused
// pid. Where pidfd_open is unavailable (old kernels, seccomp; or RINGJS_CHILD_WAIT=sigchld for
// testing) a SIGCHLD loop Signal handle is the fallback: each SIGCHLD polls every child in
// that mode with waitpid(pid, WNOHANG).
#include <errno.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <memory>
#include <unordered_set>

#include "bindings/process_spawn.h"
#include "runtime/binding.h"
#include "runtime/callback_scope.h"

namespace ringjs::process_wrap {
namespace {

class ProcessWrap;

class ProcessData : public BindingData {
 public:
  explicit ProcessData(Environment* env) : env_(env) {
    env->AddCleanupHook([this] { CloseAll(); });
  }

  std::unordered_set<ProcessWrap*> live;  // Spawned and not closed.

  // SIGCHLD fallback: started before the first such child spawns, so no exit is missed.
  int StartSigchld();
  // The signal handle keeps the loop alive while a referenced fallback child runs.
  void UpdateSigchldRef();

 private:
  void OnSigchld();
  void CloseAll();

  Environment* env_;
  loop::Signal* sigchld_ = nullptr;
};

ProcessData* GetData(Environment* env) {
  return env->binding_data<ProcessData>("process_wrap");
}

class ProcessWrap {
 public:
  ProcessWrap(Environment* env, v8::Local<v8::Object> object) : env_(env) {
    object->SetAlignedPointerInInternalField(0, this);
    object_.Reset(env->isolate(), object);
    // Until a child runs, nothing but JS keeps the object alive.
    object_.SetWeak(this, OnCollected, v8::WeakCallbackType::kParameter);
  }

  ~ProcessWrap() {
    if (!object_.IsEmpty()) {
      v8::HandleScope scope(env_->isolate());
      object_.Get(env_->isolate())->SetAlignedPointerInInternalField(0, nullptr);
      object_.Reset();
    }
  }

  static ProcessWrap* Unwrap(const v8::FunctionCallbackInfo<v8::Value>& info) {
    if (info.This()->InternalFieldCount() < 1) return nullptr;
    return static_cast<ProcessWrap*>(info.This()->GetAlignedPointerFromInternalField(0));
  }

  pid_t pid() const { return pid_; }
  bool uses_sigchld() const { return running_ && pidfd_ < 0; }
  bool has_ref() const { return ref_; }

  int Spawn(const process_spawn::SpawnOptions& options, process_spawn::SpawnResult* result) {
    if (running_ || closed_) return -EINVAL;
    ProcessData* data = GetData(env_);
    process_spawn::SpawnResult spawned;
    // Probe for pidfd support first: the fallback's signal handle must exist before the child.
    bool pidfd_ok = PidfdSupported();
    if (!pidfd_ok) {
      int err = data->StartSigchld();
      if (err < 0) return err;
    }
    int err = process_spawn::Spawn(options, result);
    if (err < 0) return err;
    pid_ = result->pid;
    running_ = true;
    object_.ClearWeak();
    data->live.insert(this);
    if (pidfd_ok) {
      int fd = process_spawn::PidfdOpen(pid_);
      if (fd >= 0) {
        pidfd_ = fd;
        poll_ = new loop::Poll(env_->loop());
        err = poll_->Start(pidfd_, loop::Poll::kReadable, [this](int status, int events) {
          CheckExit();
        });
        if (err == 0) {
          if (!ref_) poll_->Unref();
          return 0;
        }
        ClosePoll();
      }
      // pidfd_open failed after all (ESRCH cannot happen: the child is ours until reaped).
      err = data->StartSigchld();
      if (err < 0) {
        // Nothing can watch the child: kill and reap it rather than leak a zombie.
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
        running_ = false;
        data->live.erase(this);
        return err;
      }
    }
    data->UpdateSigchldRef();
    if (pidfd_ok) {
      // The signal handle started after the child: an exit before that sent a SIGCHLD nobody
      // read, so look once from the pending phase.
      ProcessWrap* self = this;
      env_->loop()->QueuePending([data, self] {
        if (data->live.count(self) != 0) self->CheckExit();
      });
    }
    return 0;
  }

  // Reaps the child if it has exited and reports it to JS.
  void CheckExit() {
    if (!running_) return;
    int status;
    pid_t got;
    do {
      got = waitpid(pid_, &status, WNOHANG);
    } while (got < 0 && errno == EINTR);
    if (got == 0) return;
    int exit_code = 0;
    int term_signal = 0;
    if (got == pid_) process_spawn::DecodeStatus(status, &exit_code, &term_signal);
    if (exit_code < 0) exit_code = 0;
    running_ = false;
    ClosePoll();
    GetData(env_)->UpdateSigchldRef();
    if (env_->is_stopping()) return;
    v8::Isolate* isolate = env_->isolate();
    CallbackScope scope(env_);
    v8::Local<v8::Object> object = object_.Get(isolate);
    v8::Local<v8::Value> onexit;
    if (!object->Get(env_->context(), OneByteString(isolate, "onexit")).ToLocal(&onexit) ||
        !onexit->IsFunction()) {
      return;
    }
    v8::Local<v8::Value> argv[] = {v8::Integer::New(isolate, exit_code),
                                   v8::Integer::New(isolate, term_signal)};
    USE(scope.Call(onexit.As<v8::Function>(), object, 2, argv));
  }

  int Kill(int signum) {
    if (!running_) return -ESRCH;
#ifdef SYS_pidfd_send_signal
    if (pidfd_ >= 0) {
      if (syscall(SYS_pidfd_send_signal, pidfd_, signum, nullptr, 0) == 0) return 0;
      if (errno != ENOSYS) return -errno;
    }
#endif
    return kill(pid_, signum) == 0 ? 0 : -errno;
  }

  void Ref() {
    ref_ = true;
    if (poll_ != nullptr) poll_->Ref();
    GetData(env_)->UpdateSigchldRef();
  }

  void Unref() {
    ref_ = false;
    if (poll_ != nullptr) poll_->Unref();
    GetData(env_)->UpdateSigchldRef();
  }

  // Stops watching; the child (if still running) is left alone, as node's handle close. The
  // wrap goes away with its JS object.
  void Close() {
    if (closed_) return;
    closed_ = true;
    running_ = false;
    ClosePoll();
    ProcessData* data = GetData(env_);
    data->live.erase(this);
    data->UpdateSigchldRef();
    if (!object_.IsEmpty()) object_.SetWeak(this, OnCollected, v8::WeakCallbackType::kParameter);
  }

  // Environment teardown: the loop is going away.
  void Detach() {
    running_ = false;
    ClosePoll();
  }

 private:
  static bool PidfdSupported() {
    static int supported = -1;
    if (supported < 0) {
      int fd = process_spawn::PidfdOpen(getpid());
      supported = fd >= 0 ? 1 : 0;
      if (fd >= 0) close(fd);
    }
    return supported == 1;
  }

  void ClosePoll() {
    if (poll_ != nullptr) {
      loop::Poll* poll = poll_;
      poll_ = nullptr;
      int fd = pidfd_;
      pidfd_ = -1;
      poll->Close([poll, fd] {
        delete poll;
        if (fd >= 0) close(fd);
      });
    } else if (pidfd_ >= 0) {
      close(pidfd_);
      pidfd_ = -1;
    }
  }

  static void OnCollected(const v8::WeakCallbackInfo<ProcessWrap>& info) {
    ProcessWrap* wrap = info.GetParameter();
    wrap->object_.Reset();
    GetData(wrap->env_)->live.erase(wrap);
    wrap->ClosePoll();
    delete wrap;
  }

  Environment* env_;
  v8::Global<v8::Object> object_;
  pid_t pid_ = 0;
  int pidfd_ = -1;
  loop::Poll* poll_ = nullptr;
  bool running_ = false;
  bool closed_ = false;
  bool ref_ = true;
};

int ProcessData::StartSigchld() {
  if (sigchld_ != nullptr) return 0;
  auto* handle = new loop::Signal(env_->loop());
  int err = handle->Start([this](int) { OnSigchld(); }, SIGCHLD);
  if (err < 0) {
    delete handle;
    return err;
  }
  handle->Unref();
  sigchld_ = handle;
  return 0;
}

void ProcessData::UpdateSigchldRef() {
  if (sigchld_ == nullptr) return;
  bool any = false;
  for (ProcessWrap* wrap : live) {
    if (wrap->uses_sigchld() && wrap->has_ref()) any = true;
  }
  if (any) {
    sigchld_->Ref();
  } else {
    sigchld_->Unref();
  }
}

void ProcessData::OnSigchld() {
  // Copy: an exit callback may spawn or close other children.
  std::vector<ProcessWrap*> waiting;
  for (ProcessWrap* wrap : live) {
    if (wrap->uses_sigchld()) waiting.push_back(wrap);
  }
  for (ProcessWrap* wrap : waiting) {
    if (live.count(wrap) != 0) wrap->CheckExit();
  }
}

void ProcessData::CloseAll() {
  for (ProcessWrap* wrap : live) wrap->Detach();
  live.clear();
  if (sigchld_ != nullptr) {
    loop::Signal* handle = sigchld_;
    sigchld_ = nullptr;
    handle->Close([handle] { delete handle; });
  }
}

void New(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!info.IsConstructCall()) return ThrowTypeError(info.GetIsolate(), "Process needs new");
  new ProcessWrap(Environment::From(info), info.This());
  CaptureAsyncContext(Environment::From(info), info.This());
}

void SpawnMethod(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  ProcessWrap* wrap = ProcessWrap::Unwrap(info);
  if (wrap == nullptr || !info[0]->IsObject()) return ThrowTypeError(isolate, "spawn(options)");
  v8::Local<v8::Object> options_object = info[0].As<v8::Object>();
  process_spawn::SpawnOptions options;
  if (!process_spawn::ParseSpawnOptions(env, options_object, &options)) return;
  process_spawn::SpawnResult result;
  int err = wrap->Spawn(options, &result);
  if (err == 0) {
    USE(info.This()->Set(context, OneByteString(isolate, "pid"),
                         v8::Integer::New(isolate, wrap->pid())));
    v8::Local<v8::Value> stdio;
    if (options_object->Get(context, OneByteString(isolate, "stdio")).ToLocal(&stdio) &&
        stdio->IsArray()) {
      for (size_t i = 0; i < result.parent_fds.size(); i++) {
        if (result.parent_fds[i] < 0) continue;
        v8::Local<v8::Value> entry;
        if (stdio.As<v8::Array>()->Get(context, static_cast<uint32_t>(i)).ToLocal(&entry) &&
            entry->IsObject()) {
          USE(entry.As<v8::Object>()->Set(context, OneByteString(isolate, "pipeFd"),
                                          v8::Integer::New(isolate, result.parent_fds[i])));
        } else {
          close(result.parent_fds[i]);
        }
      }
    }
  }
  info.GetReturnValue().Set(err);
}

void KillMethod(const v8::FunctionCallbackInfo<v8::Value>& info) {
  ProcessWrap* wrap = ProcessWrap::Unwrap(info);
  if (wrap == nullptr || !info[0]->IsInt32()) {
    return ThrowTypeError(info.GetIsolate(), "kill(signal)");
  }
  info.GetReturnValue().Set(wrap->Kill(info[0].As<v8::Int32>()->Value()));
}

void CloseMethod(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (ProcessWrap* wrap = ProcessWrap::Unwrap(info)) wrap->Close();
}

void RefMethod(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (ProcessWrap* wrap = ProcessWrap::Unwrap(info)) wrap->Ref();
}

void UnrefMethod(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (ProcessWrap* wrap = ProcessWrap::Unwrap(info)) wrap->Unref();
}

void HasRefMethod(const v8::FunctionCallbackInfo<v8::Value>& info) {
  ProcessWrap* wrap = ProcessWrap::Unwrap(info);
  info.GetReturnValue().Set(wrap != nullptr && wrap->has_ref());
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  env->set_binding_data("process_wrap", std::make_unique<ProcessData>(env));
  v8::Local<v8::FunctionTemplate> tmpl = v8::FunctionTemplate::New(isolate, New);
  tmpl->InstanceTemplate()->SetInternalFieldCount(1);
  tmpl->SetClassName(OneByteString(isolate, "Process"));
  auto method = [&](const char* name, v8::FunctionCallback cb) {
    SetProtoMethod(isolate, tmpl, name, cb);
  };
  method("spawn", SpawnMethod);
  method("kill", KillMethod);
  method("close", CloseMethod);
  method("ref", RefMethod);
  method("unref", UnrefMethod);
  method("hasRef", HasRefMethod);
  SetValue(context, target, "Process", tmpl->GetFunction(context).ToLocalChecked());
}

}  // namespace
}  // namespace ringjs::process_wrap

RINGJS_BINDING(process_wrap, ringjs::process_wrap::Initialize)
