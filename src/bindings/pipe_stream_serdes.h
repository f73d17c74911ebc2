// The 'advanced' IPC serialization of internalBinding('pipe_stream') (pipe_stream_serdes.cc).
#ifndef SRC_BINDINGS_PIPE_STREAM_SERDES_H_
#define SRC_BINDINGS_PIPE_STREAM_SERDES_H_

#include "runtime/environment.h"
#include "v8.h"

namespace ringjs::pipe_stream {

// Adds serialize, deserialize and setBufferPrototype to the binding object.
void InitializeSerdes(Environment* env, v8::Local<v8::Object> target);

}  // namespace ringjs::pipe_stream

#endif  // SRC_BINDINGS_PIPE_STREAM_SERDES_H_
