#ifndef RINGJS_BINDINGS_MODULE_WRAP_H_
#define RINGJS_BINDINGS_MODULE_WRAP_H_

#include "v8.h"

namespace ringjs::module_wrap {

// Installs the isolate-wide module hooks (import() and import.meta), once per isolate. They find
// the Environment through the calling context and load the ES module loader on first use.
void SetIsolateModuleCallbacks(v8::Isolate* isolate);

}  // namespace ringjs::module_wrap

#endif  // RINGJS_BINDINGS_MODULE_WRAP_H_
