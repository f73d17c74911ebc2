#include "bindings/process_spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

extern char** environ;

namespace ringjs::process_spawn {
namespace {

// Closes every fd in `fds` (-1 entries skipped) on scope exit unless released.
class FdList {
 public:
  ~FdList() {
    for (int fd : fds_) {
      if (fd >= 0) close(fd);
    }
  }
  void Add(int fd) { fds_.push_back(fd); }
  void Release() { fds_.clear(); }

 private:
  std::vector<int> fds_;
};

std::vector<char*> CStringArray(const std::vector<std::string>& strings) {
  std::vector<char*> out;
  out.reserve(strings.size() + 1);
  for (const std::string& s : strings) out.push_back(const_cast<char*>(s.c_str()));
  out.push_back(nullptr);
  return out;
}

// A close-on-exec duplicate of fd numbered at least `min_fd`.
int DupAbove(int fd, int min_fd) {
  int copy = fcntl(fd, F_DUPFD_CLOEXEC, min_fd);
  return copy < 0 ? -errno : copy;
}

// A copy of fd for a child's stdio 0-2. Our pipe ends are O_NONBLOCK, and that flag lives in
// the open file description a dup shares: a child given the stdout of another child (cat |
// head) would read EAGAIN. libuv clears the flag in the child, which also changes it for the
// parent; here a pipe is opened afresh through /proc/self/fd instead (a new description of the
// same pipe, blocking), and the parent's end is left alone.
int BlockingCopy(int fd, int min_fd) {
  int flags = fcntl(fd, F_GETFL);
  struct stat st;
  if (flags < 0 || (flags & O_NONBLOCK) == 0 || fstat(fd, &st) != 0 || !S_ISFIFO(st.st_mode)) {
    return DupAbove(fd, min_fd);
  }
  std::string path = "/proc/self/fd/" + std::to_string(fd);
  int fresh = open(path.c_str(), (flags & O_ACCMODE) | O_CLOEXEC);
  if (fresh < 0) return DupAbove(fd, min_fd);
  if (fresh >= min_fd) return fresh;
  int copy = DupAbove(fresh, min_fd);
  close(fresh);
  return copy;
}

int SetNonBlocking(int fd) {
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) return -errno;
  return 0;
}

// The PATH the program is looked up in: the child's, else ours, else the confstr default.
std::string SearchPath(const SpawnOptions& options) {
  if (options.has_env) {
    for (const std::string& entry : options.env) {
      if (entry.compare(0, 5, "PATH=") == 0) return entry.substr(5);
    }
  } else if (const char* path = getenv("PATH")) {
    return path;
  }
  size_t n = confstr(_CS_PATH, nullptr, 0);
  if (n == 0) return "/bin:/usr/bin";
  std::string path(n, '\0');
  confstr(_CS_PATH, path.data(), n);
  path.resize(n - 1);
  return path;
}

int SpawnOne(const std::string& path, const std::vector<std::string>& args,
             const posix_spawn_file_actions_t* actions, const posix_spawnattr_t* attr,
             char* const* envp, pid_t* pid) {
  std::vector<char*> argv = CStringArray(args);
  int err = posix_spawn(pid, path.c_str(), actions, attr, argv.data(), envp);
  if (err == ENOEXEC) {
    // execvp's fallback: a file without a known format is a shell script.
    std::vector<std::string> sh_args{"/bin/sh", path};
    for (size_t i = 1; i < args.size(); i++) sh_args.push_back(args[i]);
    std::vector<char*> sh_argv = CStringArray(sh_args);
    err = posix_spawn(pid, "/bin/sh", actions, attr, sh_argv.data(), envp);
  }
  return err;
}

}  // namespace

int PidfdOpen(pid_t pid) {
#ifdef SYS_pidfd_open
  static bool force_sigchld = [] {
    const char* mode = getenv("RINGJS_CHILD_WAIT");
    return mode != nullptr && strcmp(mode, "sigchld") == 0;
  }();
  if (force_sigchld) return -ENOSYS;
  long fd = syscall(SYS_pidfd_open, pid, 0);
  if (fd < 0) return -errno;
  // pidfds are close-on-exec already.
  return static_cast<int>(fd);
#else
  return -ENOSYS;
#endif
}

void DecodeStatus(int status, int* exit_code, int* term_signal) {
  if (WIFSIGNALED(status)) {
    *exit_code = -1;
    *term_signal = WTERMSIG(status);
  } else {
    *exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 0;
    *term_signal = 0;
  }
}

int Spawn(const SpawnOptions& options, SpawnResult* result) {
  const size_t count = options.stdio.size();
  const int min_fd = static_cast<int>(count < 3 ? 3 : count);
  FdList cleanup;           // Our copies of what the child gets; closed after the spawn.
  std::vector<int> source(count, -1);  // Per entry: the fd the child dup2()s, or -1 for /dev/null.
  std::vector<int> parent(count, -1);  // Per entry: our end of a new pipe.
  FdList parent_cleanup;    // Our pipe ends, closed if the spawn fails.

  for (size_t i = 0; i < count; i++) {
    const StdioSpec& spec = options.stdio[i];
    switch (spec.kind) {
      case StdioSpec::kIgnore:
        break;
      case StdioSpec::kPipe: {
        int fds[2];
        if (pipe2(fds, O_CLOEXEC) != 0) return -errno;
        // fds[0] reads. The child reads stdin and writes everything else.
        int child_end = i == 0 ? fds[0] : fds[1];
        int our_end = i == 0 ? fds[1] : fds[0];
        parent_cleanup.Add(our_end);
        int copy = DupAbove(child_end, min_fd);
        close(child_end);
        if (copy < 0) return copy;
        cleanup.Add(copy);
        source[i] = copy;
        int err = SetNonBlocking(our_end);
        if (err < 0) return err;
        parent[i] = our_end;
        break;
      }
      case StdioSpec::kDuplexPipe: {
        int fds[2];
        if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) return -errno;
        parent_cleanup.Add(fds[0]);
        int copy = DupAbove(fds[1], min_fd);
        close(fds[1]);
        if (copy < 0) return copy;
        cleanup.Add(copy);
        source[i] = copy;
        int err = SetNonBlocking(fds[0]);
        if (err < 0) return err;
        parent[i] = fds[0];
        break;
      }
      case StdioSpec::kFd: {
        int copy = i < 3 ? BlockingCopy(spec.fd, min_fd) : DupAbove(spec.fd, min_fd);
        if (copy < 0) {
          // A closed stdio fd of ours becomes /dev/null for the child, as libuv does.
          if (copy == -EBADF && i < 3 && spec.fd == static_cast<int>(i)) break;
          return copy;
        }
        cleanup.Add(copy);
        source[i] = copy;
        break;
      }
    }
  }

  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  posix_spawn_file_actions_init(&actions);
  posix_spawnattr_init(&attr);
  int err = 0;
  if (options.has_cwd) {
    err = posix_spawn_file_actions_addchdir_np(&actions, options.cwd.c_str());
  }
  for (size_t i = 0; i < count && err == 0; i++) {
    int target = static_cast<int>(i);
    if (source[i] >= 0) {
      err = posix_spawn_file_actions_adddup2(&actions, source[i], target);
    } else {
      err = posix_spawn_file_actions_addopen(&actions, target, "/dev/null",
                                             i == 0 ? O_RDONLY : O_RDWR, 0);
    }
  }
  short flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF;
  if (options.detached) flags |= POSIX_SPAWN_SETSID;
  sigset_t empty;
  sigset_t all;
  sigemptyset(&empty);
  sigfillset(&all);
  if (err == 0) err = posix_spawnattr_setflags(&attr, flags);
  if (err == 0) err = posix_spawnattr_setsigmask(&attr, &empty);
  if (err == 0) err = posix_spawnattr_setsigdefault(&attr, &all);

  std::vector<char*> envp_storage;
  char* const* envp = environ;
  if (options.has_env) {
    envp_storage = CStringArray(options.env);
    envp = envp_storage.data();
  }

  pid_t pid = 0;
  if (err == 0) {
    if (options.file.find('/') != std::string::npos) {
      err = SpawnOne(options.file, options.args, &actions, &attr, envp, &pid);
    } else if (options.file.empty()) {
      err = ENOENT;
    } else {
      // execvp's search: the first entry that runs wins; EACCES is remembered but the search
      // goes on; any other error ends it.
      std::string path = SearchPath(options);
      bool saw_eacces = false;
      err = ENOENT;
      size_t start = 0;
      while (start <= path.size()) {
        size_t end = path.find(':', start);
        if (end == std::string::npos) end = path.size();
        std::string dir = path.substr(start, end - start);
        start = end + 1;
        std::string candidate = (dir.empty() ? "." : dir) + "/" + options.file;
        err = SpawnOne(candidate, options.args, &actions, &attr, envp, &pid);
        if (err == 0) break;
        if (err == EACCES) {
          saw_eacces = true;
        } else if (err != ENOENT && err != ENOTDIR && err != ESTALE && err != ENODEV &&
                   err != ETIMEDOUT) {
          break;
        }
      }
      if (err != 0 && saw_eacces) err = EACCES;
    }
  }
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (err != 0) return -err;

  result->pid = pid;
  result->parent_fds = parent;
  // The pipe ends now belong to the caller.
  parent_cleanup.Release();
  return 0;
}

}  // namespace ringjs::process_spawn

namespace ringjs::process_spawn {
namespace {

v8::Local<v8::Value> Get(Environment* env, v8::Local<v8::Object> object, const char* key) {
  v8::Local<v8::Value> value;
  if (!object->Get(env->context(), v8::String::NewFromUtf8(env->isolate(), key).ToLocalChecked())
           .ToLocal(&value)) {
    return v8::Undefined(env->isolate());
  }
  return value;
}

std::string Utf8(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  v8::String::Utf8Value utf8(isolate, value);
  return *utf8 == nullptr ? std::string() : std::string(*utf8, utf8.length());
}

bool StringArray(Environment* env, v8::Local<v8::Value> value, std::vector<std::string>* out) {
  if (!value->IsArray()) return false;
  v8::Local<v8::Array> array = value.As<v8::Array>();
  for (uint32_t i = 0; i < array->Length(); i++) {
    v8::Local<v8::Value> item;
    if (!array->Get(env->context(), i).ToLocal(&item)) return false;
    out->push_back(Utf8(env->isolate(), item));
  }
  return true;
}

}  // namespace

bool ParseSpawnOptions(Environment* env, v8::Local<v8::Object> object, SpawnOptions* options) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  auto fail = [isolate](const char* what) {
    isolate->ThrowException(v8::Exception::TypeError(
        v8::String::NewFromUtf8(isolate, what).ToLocalChecked()));
    return false;
  };
  v8::Local<v8::Value> file = Get(env, object, "file");
  if (!file->IsString()) return fail("spawn options: file must be a string");
  options->file = Utf8(isolate, file);
  if (!StringArray(env, Get(env, object, "args"), &options->args)) {
    return fail("spawn options: args must be an array");
  }
  v8::Local<v8::Value> env_pairs = Get(env, object, "envPairs");
  if (!env_pairs->IsUndefined()) {
    options->has_env = true;
    if (!StringArray(env, env_pairs, &options->env)) {
      return fail("spawn options: envPairs must be an array");
    }
  }
  v8::Local<v8::Value> cwd = Get(env, object, "cwd");
  if (cwd->IsString() && cwd.As<v8::String>()->Length() > 0) {
    // An empty cwd means ours, as in node.
    options->has_cwd = true;
    options->cwd = Utf8(isolate, cwd);
  }
  options->detached = Get(env, object, "detached")->BooleanValue(isolate);
  v8::Local<v8::Value> stdio = Get(env, object, "stdio");
  if (!stdio->IsArray()) return fail("spawn options: stdio must be an array");
  v8::Local<v8::Array> entries = stdio.As<v8::Array>();
  for (uint32_t i = 0; i < entries->Length(); i++) {
    v8::Local<v8::Value> entry;
    if (!entries->Get(context, i).ToLocal(&entry) || !entry->IsObject()) {
      return fail("spawn options: stdio entries must be objects");
    }
    std::string type = Utf8(isolate, Get(env, entry.As<v8::Object>(), "type"));
    StdioSpec spec;
    if (type == "pipe") {
      spec.kind = i < 3 ? StdioSpec::kPipe : StdioSpec::kDuplexPipe;
    } else if (type == "duplex") {
      spec.kind = StdioSpec::kDuplexPipe;
    } else if (type == "ignore") {
      spec.kind = StdioSpec::kIgnore;
    } else if (type == "fd") {
      v8::Local<v8::Value> fd = Get(env, entry.As<v8::Object>(), "fd");
      if (!fd->IsInt32()) return fail("spawn options: stdio fd must be an integer");
      spec.kind = StdioSpec::kFd;
      spec.fd = fd.As<v8::Int32>()->Value();
    } else {
      return fail("spawn options: unknown stdio type");
    }
    options->stdio.push_back(spec);
  }
  return true;
}

}  // namespace ringjs::process_spawn
