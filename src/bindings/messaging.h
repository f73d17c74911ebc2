// Message ports shared by internalBinding('messaging') and internalBinding('worker').
//
// A PortData is one end of a channel. It is shared between threads: the port object that
// receives on it (a MessagePort of one Environment) may change when the port is transferred,
// and senders on any thread push into its queue and wake the receiving loop.
#ifndef RINGJS_BINDINGS_MESSAGING_H_
#define RINGJS_BINDINGS_MESSAGING_H_

#include <memory>
#include <utility>

#include "runtime/environment.h"
#include "v8.h"

namespace ringjs::messaging {

class PortData;

// Two entangled ends: what one posts, the other receives.
std::pair<std::shared_ptr<PortData>, std::shared_ptr<PortData>> NewPortPair();

// A MessagePort object of `env` receiving on `data` (not started, unreferenced).
v8::MaybeLocal<v8::Object> NewMessagePort(Environment* env, std::shared_ptr<PortData> data);

// Disentangles `data` without a port object (a worker that never ran): the peer sees 'close'.
void CloseDetachedPort(const std::shared_ptr<PortData>& data);

}  // namespace ringjs::messaging

#endif  // RINGJS_BINDINGS_MESSAGING_H_
