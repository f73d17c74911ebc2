// Memory for small whole-file results (readFile of a cached file). Each result is its own
// ArrayBuffer of exactly the file's size, as node's, but the bytes are carved one after another
// out of 64 KiB slabs instead of one malloc each: a malloc per file costs as much as the read
// (the frees arrive in thousands on V8's sweeper thread and contend for the arena), and the
// slabs, recycled whole once every result in them is collected, stay faulted in.
// A result kept alive keeps its slab: at most 64 KiB per live result, for files up to 16 KiB.
#ifndef SRC_BINDINGS_FS_RESULT_SLAB_H_
#define SRC_BINDINGS_FS_RESULT_SLAB_H_

#include <cstddef>
#include <memory>

#include "v8.h"

namespace ringjs::fs {

// Results larger than this take a malloc of their own.
constexpr size_t kSlabResultMax = 16 * 1024;

// At least kSlabResultMax bytes of room (*room: how many) in the calling thread's slab, or
// nullptr (out of memory). Valid until the next call on this thread; nothing is committed.
char* SlabResultSpace(size_t* room);

// Commits the first `used` (> 0) bytes of the last SlabResultSpace and hands them to a
// BackingStore of their own (any thread may free it).
std::unique_ptr<v8::BackingStore> TakeSlabResult(char* space, size_t used);

}  // namespace ringjs::fs

#endif  // SRC_BINDINGS_FS_RESULT_SLAB_H_
