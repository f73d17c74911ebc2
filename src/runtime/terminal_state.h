#ifndef RINGJS_RUNTIME_TERMINAL_STATE_H_
#define RINGJS_RUNTIME_TERMINAL_STATE_H_

namespace ringjs {

// Raw mode for a terminal fd (tty.ReadStream#setRawMode). The terminal's settings are process
// state, not per-isolate state: the first change saves them, RestoreTerminals() puts them back
// (at every exit path, as node's ResetStdio). Returns 0 or -errno.
int SetTerminalRawMode(int fd, bool raw);
void RestoreTerminals();

}  // namespace ringjs

#endif  // RINGJS_RUNTIME_TERMINAL_STATE_H_
