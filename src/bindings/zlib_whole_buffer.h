// Whole-buffer decompression for the zlib binding: the convenience functions (gunzipSync,
// inflate(buf, cb), ...) hand their entire input to one native call instead of stepping a
// stream engine 16 KiB at a time. See zlib_whole_buffer.cc.
#ifndef RINGJS_BINDINGS_ZLIB_WHOLE_BUFFER_H_
#define RINGJS_BINDINGS_ZLIB_WHOLE_BUFFER_H_

#include "runtime/environment.h"
#include "v8.h"

namespace ringjs::zlib {

// Adds inflateWhole and inflateWholeAsync to the binding object.
void InitializeWholeBuffer(Environment* env, v8::Local<v8::Object> target);

}  // namespace ringjs::zlib

#endif  // RINGJS_BINDINGS_ZLIB_WHOLE_BUFFER_H_
