// internalBinding('types'): V8's value type checks behind util.types.
#include "runtime/binding.h"

namespace ringjs::types {
namespace {

#define RINGJS_TYPE_CHECKS(V) \
  V(External)                 \
  V(Date)                     \
  V(ArgumentsObject)          \
  V(BigIntObject)             \
  V(BooleanObject)            \
  V(NumberObject)             \
  V(StringObject)             \
  V(SymbolObject)             \
  V(NativeError)              \
  V(RegExp)                   \
  V(AsyncFunction)            \
  V(GeneratorFunction)        \
  V(GeneratorObject)          \
  V(Promise)                  \
  V(Map)                      \
  V(Set)                      \
  V(MapIterator)              \
  V(SetIterator)              \
  V(WeakMap)                  \
  V(WeakSet)                  \
  V(ArrayBuffer)              \
  V(DataView)                 \
  V(SharedArrayBuffer)        \
  V(Proxy)                    \
  V(ModuleNamespaceObject)    \
  V(ArrayBufferView)          \
  V(TypedArray)               \
  V(Uint8Array)               \
  V(Uint8ClampedArray)        \
  V(Uint16Array)              \
  V(Uint32Array)              \
  V(Int8Array)                \
  V(Int16Array)               \
  V(Int32Array)               \
  V(Float32Array)             \
  V(Float64Array)             \
  V(BigInt64Array)            \
  V(BigUint64Array)

#define V(type)                                                   \
  void Is##type(const v8::FunctionCallbackInfo<v8::Value>& info) { \
    info.GetReturnValue().Set(info[0]->Is##type());                \
  }
RINGJS_TYPE_CHECKS(V)
#undef V

void IsAnyArrayBuffer(const v8::FunctionCallbackInfo<v8::Value>& info) {
  info.GetReturnValue().Set(info[0]->IsArrayBuffer() || info[0]->IsSharedArrayBuffer());
}

void IsBoxedPrimitive(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Local<v8::Value> v = info[0];
  info.GetReturnValue().Set(v->IsNumberObject() || v->IsStringObject() || v->IsBooleanObject() ||
                            v->IsBigIntObject() || v->IsSymbolObject());
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  v8::Local<v8::Context> context = env->context();
#define V(type) SetMethod(context, target, "is" #type, Is##type);
  RINGJS_TYPE_CHECKS(V)
#undef V
  SetMethod(context, target, "isAnyArrayBuffer", IsAnyArrayBuffer);
  SetMethod(context, target, "isBoxedPrimitive", IsBoxedPrimitive);
}

}  // namespace
}  // namespace ringjs::types

RINGJS_BINDING(types, ringjs::types::Initialize)
