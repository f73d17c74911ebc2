// internalBinding('v8').Serializer / .Deserializer (see v8_serdes.cc).
#ifndef RINGJS_BINDINGS_V8_SERDES_H_
#define RINGJS_BINDINGS_V8_SERDES_H_

#include "runtime/environment.h"
#include "v8.h"

namespace ringjs::v8_binding {

void InitializeSerdes(Environment* env, v8::Local<v8::Object> target);

}  // namespace ringjs::v8_binding

#endif  // RINGJS_BINDINGS_V8_SERDES_H_
