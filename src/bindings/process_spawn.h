// Starting a child process with posix_spawn, shared by internalBinding('process_wrap')
// (child_process.spawn) and internalBinding('spawn_sync') (spawnSync).
//
// Why posix_spawn and never fork: the loop's io_uring must not be shared with a forked copy of
// this process (design.md, io_uring rule 6), and glibc's posix_spawn is a vfork-style clone that
// execs at once, so nothing of ours runs in the child.
//
// The child gets: stdio as asked (each entry is dup2'ed from a close-on-exec copy made in the
// parent, so entries may name each other's fds freely), an empty signal mask and every signal
// at its default disposition (the loop thread blocks signals it reads from a signalfd, and
// SIGPIPE is ignored in ringjs; neither must leak into the child), optionally a new session
// (detached) and a working directory. The program is searched in the PATH of the child's
// environment, as node (libuv) does, and a file the kernel cannot execute (ENOEXEC) is run by
// /bin/sh, as execvp does.
#ifndef SRC_BINDINGS_PROCESS_SPAWN_H_
#define SRC_BINDINGS_PROCESS_SPAWN_H_

#include <sys/types.h>

#include <string>
#include <vector>

#include "runtime/environment.h"
#include "v8.h"

namespace ringjs::process_spawn {

struct StdioSpec {
  enum Kind {
    kIgnore,      // /dev/null.
    kPipe,        // A new pipe: the child reads entry 0, writes the others.
    kDuplexPipe,  // A new socketpair (both directions).
    kFd,          // The parent's fd `fd` (inherit = the same index).
  };
  Kind kind = kIgnore;
  int fd = -1;
};

struct SpawnOptions {
  std::string file;
  std::vector<std::string> args;  // argv, argv[0] included.
  bool has_env = false;
  std::vector<std::string> env;   // "KEY=value"; without has_env the parent's environ.
  bool has_cwd = false;
  std::string cwd;
  bool detached = false;          // setsid() in the child.
  std::vector<StdioSpec> stdio;
};

struct SpawnResult {
  pid_t pid = 0;
  // Per stdio entry: the parent's end of a new pipe (O_NONBLOCK|O_CLOEXEC), else -1.
  std::vector<int> parent_fds;
};

// Returns 0 or -errno. On failure no fd is left open and no child runs.
int Spawn(const SpawnOptions& options, SpawnResult* result);

// Reads the options object lib/js/internal/child_process/spawn_options.js builds:
// { file, args, envPairs?, cwd?, detached, stdio: [{ type: 'pipe'|'duplex'|'ignore'|'fd', fd }] }.
// A 'pipe' entry past stdio 2 is a socketpair (node's extra pipes are duplex). Returns false
// with a TypeError thrown on a malformed object (a bug in the JS side).
bool ParseSpawnOptions(Environment* env, v8::Local<v8::Object> object, SpawnOptions* options);

// pidfd_open(pid), or -errno (ENOSYS on kernels before 5.3).
int PidfdOpen(pid_t pid);

// Decodes a waitpid status: exit_code >= 0 and term_signal 0, or exit_code -1 and the signal.
void DecodeStatus(int status, int* exit_code, int* term_signal);

}  // namespace ringjs::process_spawn

#endif  // SRC_BINDINGS_PROCESS_SPAWN_H_
