// binding.readFileAll(path, flags, req | kUsePromises | undefined, ctx): a whole-file read in
// one binding call, for readFile/readFileSync/fs.promises.readFile on a path. On the ring it
// chains openat -> statx -> read(s) -> close from completion to completion without entering
// JS; elsewhere the same steps run as one blocking task. The result is a Uint8Array over the
// bytes (no copy), or the file's size (a number) when it is over 2 GiB (JS throws
// ERR_FS_FILE_TOO_LARGE). Errors name the failing step as node does: open (with the path),
// fstat, read, close.
#ifndef SRC_BINDINGS_FS_READ_FILE_H_
#define SRC_BINDINGS_FS_READ_FILE_H_

#include "runtime/environment.h"
#include "v8.h"

namespace ringjs::fs {

// Adds readFileAll to the binding object.
void InitializeReadFile(Environment* env, v8::Local<v8::Object> target);

}  // namespace ringjs::fs

#endif  // SRC_BINDINGS_FS_READ_FILE_H_
