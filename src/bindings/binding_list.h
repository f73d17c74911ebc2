#ifndef RINGJS_BINDINGS_BINDING_LIST_H_
#define RINGJS_BINDINGS_BINDING_LIST_H_

// Every internal binding, one V(name) each; the file src/bindings/<name>.cc ends with
// RINGJS_BINDING(name, Initialize). An explicit list (as node's node_binding.cc) rather than
// static constructors, so nothing depends on link order.
#define RINGJS_BINDING_LIST(V) \
  V(async_wrap)                \
  V(buffer)                    \
  V(builtins)                  \
  V(cares_wrap)                \
  V(constants)                 \
  V(contextify)                \
  V(credentials)               \
  V(crypto)                    \
  V(errors)                    \
  V(fs)                        \
  V(fs_stats)                  \
  V(http_parser)               \
  V(messaging)                 \
  V(module_wrap)               \
  V(os)                        \
  V(performance)               \
  V(pipe_stream)               \
  V(pipe_wrap)                 \
  V(process_methods)           \
  V(process_wrap)              \
  V(signal_wrap)               \
  V(spawn_sync)                \
  V(task_queue)                \
  V(tcp_wrap)                  \
  V(timers)                    \
  V(tls_wrap)                  \
  V(tty_wrap)                  \
  V(types)                     \
  V(udp_wrap)                  \
  V(url)                       \
  V(util)                      \
  V(uv)                        \
  V(v8)                        \
  V(worker)                    \
  V(zlib)

#endif  // RINGJS_BINDINGS_BINDING_LIST_H_
