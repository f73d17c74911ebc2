// Large read buffers that keep their pages: a ReadStream hands out a fresh chunk per read, and
// fresh memory of a megabyte means a page fault every 4 KiB while the kernel copies into it
// (glibc serves such sizes with mmap, and returns them with munmap). Blocks freed by the GC
// come back here, already faulted in, up to a cap; the next chunk of the same size reuses one.
// The pool lives while streams use it: when the last one closes, JS releases every block.
#ifndef SRC_BINDINGS_FS_BUFFER_POOL_H_
#define SRC_BINDINGS_FS_BUFFER_POOL_H_

#include "runtime/environment.h"
#include "v8.h"

namespace ringjs::fs {

// Adds recycledBuffer(size) -> ArrayBuffer and releaseRecycled() to the fs binding.
void InitializeBufferPool(Environment* env, v8::Local<v8::Object> target);

}  // namespace ringjs::fs

#endif  // SRC_BINDINGS_FS_BUFFER_POOL_H_
