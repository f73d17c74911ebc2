// internalBinding('spawn_sync'): child_process.spawnSync and the execSync family. The child
// runs to completion on this thread with poll(2) over its pipes and a pidfd; the event loop is
// not involved (nothing of the loop runs meanwhile, as in node).
//
// spawn(options) -> { pid, status, signal, output, error }:
//   options as process_spawn::ParseSpawnOptions, plus per stdio entry `input` (an
//   ArrayBufferView written to the child's stdin, which is then closed), and `timeout` (ms, 0 =
//   none), `maxBuffer` (bytes per pipe, Infinity = none), `killSignal` (a number).
//   status: the exit code or null; signal: the terminating signal number or null; output: per
//   stdio entry an ArrayBuffer for a pipe, else null (null altogether if the spawn failed);
//   error: -errno of the spawn, or -ETIMEDOUT / -ENOBUFS when the child was killed for the
//   timeout or maxBuffer.
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "bindings/process_spawn.h"
#include "runtime/binding.h"

namespace ringjs::spawn_sync {
namespace {

constexpr size_t kReadSize = 65536;  // As libuv's read size, which decides maxBuffer overshoot.

int64_t NowMs() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

struct Pipe {
  int fd = -1;
  bool is_input = false;         // We write `input` into it (stdin).
  std::shared_ptr<v8::BackingStore> input_store;
  const char* input = nullptr;
  size_t input_len = 0;
  size_t written = 0;
  std::string* output = nullptr;  // Owned by the result until handed to V8.
  bool has_output = false;
};

class Runner {
 public:
  Runner(Environment* env) : env_(env) {}
  ~Runner() {
    for (Pipe& pipe : pipes_) CloseFd(&pipe.fd);
    CloseFd(&pidfd_);
    for (Pipe& pipe : pipes_) delete pipe.output;
  }

  v8::MaybeLocal<v8::Object> Run(v8::Local<v8::Object> options_object) {
    v8::Isolate* isolate = env_->isolate();
    v8::Local<v8::Context> context = env_->context();
    process_spawn::SpawnOptions options;
    if (!process_spawn::ParseSpawnOptions(env_, options_object, &options)) return {};
    ReadLimits(options_object);
    std::vector<v8::Local<v8::Value>> inputs = ReadInputs(options_object, options.stdio.size());

    process_spawn::SpawnResult spawned;
    int err = process_spawn::Spawn(options, &spawned);
    v8::Local<v8::Object> result = v8::Object::New(isolate);
    if (err < 0) {
      Set(result, "error", v8::Integer::New(isolate, err));
      Set(result, "status", v8::Null(isolate));
      Set(result, "signal", v8::Null(isolate));
      Set(result, "output", v8::Null(isolate));
      Set(result, "pid", v8::Integer::New(isolate, 0));
      return result;
    }
    pid_ = spawned.pid;
    pipes_.resize(options.stdio.size());
    for (size_t i = 0; i < pipes_.size(); i++) {
      Pipe& pipe = pipes_[i];
      pipe.fd = spawned.parent_fds[i];
      if (pipe.fd < 0) continue;
      pipe.has_output = i != 0;
      pipe.output = new std::string();
      if (i == 0) {
        pipe.is_input = true;
        if (inputs[i]->IsArrayBufferView()) {
          v8::Local<v8::ArrayBufferView> view = inputs[i].As<v8::ArrayBufferView>();
          pipe.input_store = view->Buffer()->GetBackingStore();
          pipe.input = static_cast<const char*>(pipe.input_store->Data()) + view->ByteOffset();
          pipe.input_len = view->ByteLength();
        }
        if (pipe.input_len == 0) CloseFd(&pipe.fd);
      }
    }
    int pidfd = process_spawn::PidfdOpen(pid_);
    pidfd_ = pidfd >= 0 ? pidfd : -1;
    Wait();

    if (error_ != 0) Set(result, "error", v8::Integer::New(isolate, error_));
    int exit_code;
    int term_signal;
    process_spawn::DecodeStatus(status_, &exit_code, &term_signal);
    if (term_signal != 0) {
      Set(result, "status", v8::Null(isolate));
      Set(result, "signal", v8::Integer::New(isolate, term_signal));
    } else {
      Set(result, "status", v8::Integer::New(isolate, exit_code));
      Set(result, "signal", v8::Null(isolate));
    }
    v8::Local<v8::Array> output = v8::Array::New(isolate, static_cast<int>(pipes_.size()));
    for (size_t i = 0; i < pipes_.size(); i++) {
      v8::Local<v8::Value> value = v8::Null(isolate);
      if (pipes_[i].has_output) value = TakeOutput(&pipes_[i]);
      USE(output->Set(context, static_cast<uint32_t>(i), value));
    }
    Set(result, "output", output);
    Set(result, "pid", v8::Integer::New(isolate, pid_));
    return result;
  }

 private:
  static void CloseFd(int* fd) {
    if (*fd >= 0) close(*fd);
    *fd = -1;
  }

  void Set(v8::Local<v8::Object> object, const char* key, v8::Local<v8::Value> value) {
    USE(object->Set(env_->context(), OneByteString(env_->isolate(), key), value));
  }

  v8::Local<v8::Value> Get(v8::Local<v8::Object> object, const char* key) {
    v8::Local<v8::Value> value;
    if (!object->Get(env_->context(), OneByteString(env_->isolate(), key)).ToLocal(&value)) {
      return v8::Undefined(env_->isolate());
    }
    return value;
  }

  void ReadLimits(v8::Local<v8::Object> options) {
    v8::Local<v8::Value> timeout = Get(options, "timeout");
    if (timeout->IsNumber()) {
      double ms = timeout.As<v8::Number>()->Value();
      if (ms > 0 && std::isfinite(ms)) timeout_ms_ = static_cast<int64_t>(ms);
    }
    v8::Local<v8::Value> max_buffer = Get(options, "maxBuffer");
    if (max_buffer->IsNumber()) {
      double bytes = max_buffer.As<v8::Number>()->Value();
      if (bytes > 0 && std::isfinite(bytes)) max_buffer_ = bytes;
    }
    v8::Local<v8::Value> kill_signal = Get(options, "killSignal");
    if (kill_signal->IsInt32()) kill_signal_ = kill_signal.As<v8::Int32>()->Value();
  }

  std::vector<v8::Local<v8::Value>> ReadInputs(v8::Local<v8::Object> options, size_t count) {
    std::vector<v8::Local<v8::Value>> inputs(count, v8::Undefined(env_->isolate()));
    v8::Local<v8::Value> stdio = Get(options, "stdio");
    for (size_t i = 0; i < count; i++) {
      v8::Local<v8::Value> entry;
      if (stdio.As<v8::Array>()->Get(env_->context(), static_cast<uint32_t>(i)).ToLocal(&entry) &&
          entry->IsObject()) {
        inputs[i] = Get(entry.As<v8::Object>(), "input");
      }
    }
    return inputs;
  }

  v8::Local<v8::Value> TakeOutput(Pipe* pipe) {
    std::string* data = pipe->output;
    pipe->output = nullptr;
    size_t length = data->size();
    std::unique_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(
        data->data(), length,
        [](void*, size_t, void* owner) { delete static_cast<std::string*>(owner); }, data);
    return v8::ArrayBuffer::New(env_->isolate(), std::move(store));
  }

  // Kills the child for a timeout or maxBuffer and stops reading its pipes.
  void Kill(int error) {
    if (error_ == 0) error_ = error;
    if (!exited_ && !killed_) {
      kill(pid_, kill_signal_);
      killed_ = true;
    }
    for (Pipe& pipe : pipes_) CloseFd(&pipe.fd);
  }

  void Reap(int options) {
    if (exited_) return;
    int status;
    pid_t got;
    do {
      got = waitpid(pid_, &status, options);
    } while (got < 0 && errno == EINTR);
    if (got == pid_) {
      status_ = status;
      exited_ = true;
    } else if (got < 0) {
      // ECHILD: someone else reaped it; report a plain exit.
      exited_ = true;
    }
  }

  void Wait() {
    const int64_t start = NowMs();
    std::vector<pollfd> fds;
    std::vector<Pipe*> owners;
    std::vector<char> buffer(kReadSize);
    for (;;) {
      fds.clear();
      owners.clear();
      for (Pipe& pipe : pipes_) {
        if (pipe.fd < 0) continue;
        fds.push_back({pipe.fd, static_cast<short>(pipe.is_input ? POLLOUT : POLLIN), 0});
        owners.push_back(&pipe);
      }
      if (!exited_ && pidfd_ >= 0) {
        fds.push_back({pidfd_, POLLIN, 0});
        owners.push_back(nullptr);
      }
      if (exited_ && owners.empty()) return;
      int wait_ms = -1;
      if (timeout_ms_ > 0 && error_ == 0) {
        int64_t left = timeout_ms_ - (NowMs() - start);
        if (left <= 0) {
          Kill(-ETIMEDOUT);
          continue;
        }
        wait_ms = static_cast<int>(left > 1 << 30 ? 1 << 30 : left);
      }
      if (!exited_ && pidfd_ < 0) {
        // Without a pidfd the exit is noticed by polling waitpid.
        Reap(WNOHANG);
        if (exited_) continue;
        if (wait_ms < 0 || wait_ms > 10) wait_ms = 10;
      }
      if (exited_ && owners.empty()) return;
      if (fds.empty()) {
        // Only the exit is left and it is seen by waitpid alone (killed, or no pidfd).
        if (pidfd_ < 0 || killed_) {
          if (wait_ms < 0 || killed_) {
            Reap(0);
            continue;
          }
          struct timespec ts = {0, 1000000L * wait_ms};
          nanosleep(&ts, nullptr);
          continue;
        }
      }
      int n = poll(fds.data(), fds.size(), wait_ms);
      if (n < 0) {
        if (errno == EINTR) continue;
        Kill(-errno);
        Reap(0);
        return;
      }
      for (size_t i = 0; i < fds.size(); i++) {
        if (fds[i].revents == 0) continue;
        Pipe* pipe = owners[i];
        if (pipe == nullptr) {
          Reap(0);
          continue;
        }
        if (pipe->fd < 0) continue;  // Closed by a Kill earlier in this round.
        if (pipe->is_input) {
          WriteInput(pipe);
        } else {
          ReadOutput(pipe, buffer.data());
        }
      }
    }
  }

  void WriteInput(Pipe* pipe) {
    while (pipe->written < pipe->input_len) {
      ssize_t n = write(pipe->fd, pipe->input + pipe->written, pipe->input_len - pipe->written);
      if (n < 0) {
        if (errno == EINTR) continue;
        if (errno == EAGAIN) return;
        // EPIPE (the child exited without reading it all) is reported, as node does.
        if (error_ == 0) error_ = -errno;
        break;
      }
      pipe->written += static_cast<size_t>(n);
    }
    CloseFd(&pipe->fd);
  }

  void ReadOutput(Pipe* pipe, char* buffer) {
    ssize_t n;
    do {
      n = read(pipe->fd, buffer, kReadSize);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
      if (errno == EAGAIN) return;
      CloseFd(&pipe->fd);
      return;
    }
    if (n == 0) {
      CloseFd(&pipe->fd);
      return;
    }
    pipe->output->append(buffer, static_cast<size_t>(n));
    if (max_buffer_ > 0 && static_cast<double>(pipe->output->size()) > max_buffer_) {
      Kill(-ENOBUFS);
    }
  }

  Environment* env_;
  std::vector<Pipe> pipes_;
  pid_t pid_ = 0;
  int pidfd_ = -1;
  int status_ = 0;
  bool exited_ = false;
  bool killed_ = false;
  int error_ = 0;
  int64_t timeout_ms_ = 0;
  double max_buffer_ = 0;
  int kill_signal_ = SIGTERM;
};

void Spawn(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!info[0]->IsObject()) return ThrowTypeError(info.GetIsolate(), "spawn(options)");
  Runner runner(Environment::From(info));
  v8::Local<v8::Object> result;
  if (runner.Run(info[0].As<v8::Object>()).ToLocal(&result)) {
    info.GetReturnValue().Set(result);
  }
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  SetMethod(env->context(), target, "spawn", Spawn);
}

}  // namespace
}  // namespace ringjs::spawn_sync

RINGJS_BINDING(spawn_sync, ringjs::spawn_sync::Initialize)
