// Callback and promise stat/lstat/fstat of the fast forms (lib/js/internal/fs/hot_paths.js),
// run on the thread pool through one loop::DrainQueue and handed back to JS in batches instead
// of one FsOp, one v8::Global and one call into JS per request. The JS thread only copies the
// path; the statx calls run on a pool thread while JS goes on issuing.
//
// queueStat(target, tag): queues a stat of target (a path string or Buffer; an fd when tag has
//   kStatTagFstat; lstat with kStatTagLstat). tag is a small integer given back with the
//   answer; kStatTagBigInt asks for int64 fields. JS keeps the callback: answers come back in
//   call order.
// setStatDelivery(fn): in the poll phase after answers arrived, fn(values, bigintValues, count)
//   is called once per chunk of at most kStatChunk answers. values (Float64Array) and
//   bigintValues (BigInt64Array) view one buffer of kStatStride slots per answer: the
//   kStatFields stat fields (numbers or int64s, as asked; for an error the negative errno
//   alone), then the tag as a number, with kStatTagError added for an error. fn calls the
//   callbacks in order and drains ticks and microtasks after each, as one CallbackScope per
//   callback would. When one throws, the exception leaves fn and is reported as uncaught, then
//   fn is called again with count 0: it goes on with the rest of the chunk.
// Chunks keep each call short, so V8 optimizes fn by its usual (concurrent) tier-up rather than
// by on-stack replacement of one long loop, which compiles on the JS thread.
#ifndef SRC_BINDINGS_FS_STAT_BATCH_H_
#define SRC_BINDINGS_FS_STAT_BATCH_H_

#include "runtime/environment.h"
#include "v8.h"

namespace ringjs::fs {

// Adds the methods and constants above to the binding object.
void InitializeStatBatch(Environment* env, v8::Local<v8::Object> target);

}  // namespace ringjs::fs

#endif  // SRC_BINDINGS_FS_STAT_BATCH_H_
