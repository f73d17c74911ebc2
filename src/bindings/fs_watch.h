// fs.watch's native handle: binding.FSEvent (node's fs_event_wrap) over inotify, with a loop
// Poll on the inotify fd. start(path, persistent, recursive, encoding) -> 0 | -errno;
// onchange(status, 'rename' | 'change', filename) per inotify event, as libuv reports them;
// close(), ref(), unref(), hasRef(), initialized.
#ifndef SRC_BINDINGS_FS_WATCH_H_
#define SRC_BINDINGS_FS_WATCH_H_

#include "runtime/environment.h"
#include "v8.h"

namespace ringjs::fs {

// Adds FSEvent to the binding object.
void InitializeWatch(Environment* env, v8::Local<v8::Object> target);

}  // namespace ringjs::fs

#endif  // SRC_BINDINGS_FS_WATCH_H_
