// Callback-form stat/lstat/fstat answered from the kernel's caches (fs_cached_stat.h) on the JS
// thread, handed back to JS in one call per loop turn instead of one call, one FsOp and one
// v8::Global per request (lib/js/internal/fs/hot_paths.js keeps the callbacks).
//
// statIfCached(path, tag) / lstatIfCached(path, tag) / fstatIfCached(fd, tag) -> 1 when the
//   answer is at hand, 2 when it is at hand and an error (ENOENT, ENOTDIR): it waits here for
//   the loop and the caller keeps the callback (and, for an error, the path); 0 (nothing done)
//   when it is not at hand: the caller starts the usual request. tag is a small integer given
//   back with the answer; its bit 0 asks for int64 (bigint) fields.
// setStatDelivery(fn): fn(values, bigintValues) is called in the poll phase of the next turn
//   (where a worker's answer would arrive) with the answers of every true call since the last
//   delivery, in call order. values (Float64Array) and bigintValues (BigInt64Array) view one
//   buffer of kCachedStatStride slots per answer: the kStatFields stat fields (numbers or
//   int64s, as asked; for an error the negative errno alone), then the tag as a number, with
//   kCachedStatError added for an error. fn calls the callbacks in order and
//   drains ticks and microtasks after each, as one CallbackScope per callback would. When one
//   throws, the exception leaves fn and is reported as uncaught, then fn is called again with
//   the same arguments and goes on with the next callback.
#ifndef SRC_BINDINGS_FS_STAT_BATCH_H_
#define SRC_BINDINGS_FS_STAT_BATCH_H_

#include "runtime/environment.h"
#include "v8.h"

namespace ringjs::fs {

// Adds the methods above and kCachedStatStride to the binding object.
void InitializeStatBatch(Environment* env, v8::Local<v8::Object> target);

}  // namespace ringjs::fs

#endif  // SRC_BINDINGS_FS_STAT_BATCH_H_
