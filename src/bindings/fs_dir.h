// Directory handles of internalBinding('fs') for fs.opendir / fs.Dir: binding.opendir(path,
// encoding, req | kUsePromises | undefined, ctx) returns a DirHandle with read(encoding,
// bufferSize, req, ctx) -> [name, type, ...] | null and close(req, ctx). readdir(3) and
// closedir(3) run on the thread pool for async calls.
#ifndef SRC_BINDINGS_FS_DIR_H_
#define SRC_BINDINGS_FS_DIR_H_

#include "runtime/environment.h"
#include "v8.h"

namespace ringjs::fs {

// Adds opendir and the DirHandle class to the binding object.
void InitializeDir(Environment* env, v8::Local<v8::Object> target);

}  // namespace ringjs::fs

#endif  // SRC_BINDINGS_FS_DIR_H_
