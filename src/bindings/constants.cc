// internalBinding('constants'): errno, signal, priority, dlopen and fs constants from the
// system headers, so JS never types them again.
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/binding.h"

namespace ringjs::constants {
namespace {

#define RINGJS_ERRNO_CONSTANTS(V) V(E2BIG) V(EACCES) V(EADDRINUSE) V(EADDRNOTAVAIL) V(EAFNOSUPPORT) V(EAGAIN) V(EALREADY) V(EBADF) V(EBADMSG) V(EBUSY) V(ECANCELED) V(ECHILD) V(ECONNABORTED) V(ECONNREFUSED) V(ECONNRESET) V(EDEADLK) V(EDESTADDRREQ) V(EDOM) V(EDQUOT) V(EEXIST) V(EFAULT) V(EFBIG) V(EHOSTUNREACH) V(EIDRM) V(EILSEQ) V(EINPROGRESS) V(EINTR) V(EINVAL) V(EIO) V(EISCONN) V(EISDIR) V(ELOOP) V(EMFILE) V(EMLINK) V(EMSGSIZE) V(EMULTIHOP) V(ENAMETOOLONG) V(ENETDOWN) V(ENETRESET) V(ENETUNREACH) V(ENFILE) V(ENOBUFS) V(ENODATA) V(ENODEV) V(ENOENT) V(ENOEXEC) V(ENOLCK) V(ENOLINK) V(ENOMEM) V(ENOMSG) V(ENOPROTOOPT) V(ENOSPC) V(ENOSR) V(ENOSTR) V(ENOSYS) V(ENOTCONN) V(ENOTDIR) V(ENOTEMPTY) V(ENOTSOCK) V(ENOTSUP) V(ENOTTY) V(ENXIO) V(EOPNOTSUPP) V(EOVERFLOW) V(EPERM) V(EPIPE) V(EPROTO) V(EPROTONOSUPPORT) V(EPROTOTYPE) V(ERANGE) V(EROFS) V(ESPIPE) V(ESRCH) V(ESTALE) V(ETIME) V(ETIMEDOUT) V(ETXTBSY) V(EWOULDBLOCK) V(EXDEV)
#define RINGJS_SIGNAL_CONSTANTS(V) V(SIGHUP) V(SIGINT) V(SIGQUIT) V(SIGILL) V(SIGTRAP) V(SIGABRT) V(SIGIOT) V(SIGBUS) V(SIGFPE) V(SIGKILL) V(SIGUSR1) V(SIGSEGV) V(SIGUSR2) V(SIGPIPE) V(SIGALRM) V(SIGTERM) V(SIGCHLD) V(SIGSTKFLT) V(SIGCONT) V(SIGSTOP) V(SIGTSTP) V(SIGTTIN) V(SIGTTOU) V(SIGURG) V(SIGXCPU) V(SIGXFSZ) V(SIGVTALRM) V(SIGPROF) V(SIGWINCH) V(SIGIO) V(SIGPOLL) V(SIGPWR) V(SIGSYS)
#define RINGJS_FS_CONSTANTS(V) V(O_RDONLY) V(O_WRONLY) V(O_RDWR) V(S_IFMT) V(S_IFREG) V(S_IFDIR) V(S_IFCHR) V(S_IFBLK) V(S_IFIFO) V(S_IFLNK) V(S_IFSOCK) V(O_CREAT) V(O_EXCL) V(O_NOCTTY) V(O_TRUNC) V(O_APPEND) V(O_DIRECTORY) V(O_NOATIME) V(O_NOFOLLOW) V(O_SYNC) V(O_DSYNC) V(O_DIRECT) V(O_NONBLOCK) V(S_IRWXU) V(S_IRUSR) V(S_IWUSR) V(S_IXUSR) V(S_IRWXG) V(S_IRGRP) V(S_IWGRP) V(S_IXGRP) V(S_IRWXO) V(S_IROTH) V(S_IWOTH) V(S_IXOTH) V(F_OK) V(R_OK) V(W_OK) V(X_OK)

v8::Local<v8::Object> NewNullProtoObject(v8::Isolate* isolate) {
  return v8::Object::New(isolate, v8::Null(isolate), nullptr, nullptr, 0);
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
#define V(name) SetConstant(context, object, #name, name);

  v8::Local<v8::Object> os = NewNullProtoObject(isolate);
  v8::Local<v8::Object> object = NewNullProtoObject(isolate);
  RINGJS_ERRNO_CONSTANTS(V)
  SetValue(context, os, "errno", object);

  object = NewNullProtoObject(isolate);
  RINGJS_SIGNAL_CONSTANTS(V)
  SetValue(context, os, "signals", object);

  object = NewNullProtoObject(isolate);
  SetConstant(context, object, "PRIORITY_LOW", 19);
  SetConstant(context, object, "PRIORITY_BELOW_NORMAL", 10);
  SetConstant(context, object, "PRIORITY_NORMAL", 0);
  SetConstant(context, object, "PRIORITY_ABOVE_NORMAL", -7);
  SetConstant(context, object, "PRIORITY_HIGH", -14);
  SetConstant(context, object, "PRIORITY_HIGHEST", -20);
  SetValue(context, os, "priority", object);

  object = NewNullProtoObject(isolate);
  V(RTLD_LAZY) V(RTLD_NOW) V(RTLD_GLOBAL) V(RTLD_LOCAL) V(RTLD_DEEPBIND)
  SetValue(context, os, "dlopen", object);
  SetConstant(context, os, "UV_UDP_REUSEADDR", 4);
  SetValue(context, target, "os", os);

  object = NewNullProtoObject(isolate);
  RINGJS_FS_CONSTANTS(V)
  // libuv's own values, which node exposes unchanged.
  SetConstant(context, object, "UV_FS_SYMLINK_DIR", 1);
  SetConstant(context, object, "UV_FS_SYMLINK_JUNCTION", 2);
  SetConstant(context, object, "UV_DIRENT_UNKNOWN", 0);
  SetConstant(context, object, "UV_DIRENT_FILE", 1);
  SetConstant(context, object, "UV_DIRENT_DIR", 2);
  SetConstant(context, object, "UV_DIRENT_LINK", 3);
  SetConstant(context, object, "UV_DIRENT_FIFO", 4);
  SetConstant(context, object, "UV_DIRENT_SOCKET", 5);
  SetConstant(context, object, "UV_DIRENT_CHAR", 6);
  SetConstant(context, object, "UV_DIRENT_BLOCK", 7);
  SetConstant(context, object, "EXTENSIONLESS_FORMAT_JAVASCRIPT", 0);
  SetConstant(context, object, "EXTENSIONLESS_FORMAT_WASM", 1);
  SetConstant(context, object, "UV_FS_O_FILEMAP", 0);
  SetConstant(context, object, "UV_FS_COPYFILE_EXCL", 1);
  SetConstant(context, object, "COPYFILE_EXCL", 1);
  SetConstant(context, object, "UV_FS_COPYFILE_FICLONE", 2);
  SetConstant(context, object, "COPYFILE_FICLONE", 2);
  SetConstant(context, object, "UV_FS_COPYFILE_FICLONE_FORCE", 4);
  SetConstant(context, object, "COPYFILE_FICLONE_FORCE", 4);
  SetValue(context, target, "fs", object);
#undef V
}

}  // namespace
}  // namespace ringjs::constants

RINGJS_BINDING(constants, ringjs::constants::Initialize)
