'use strict';
// Signal events: a listener for 'SIGINT' (etc.) on process starts watching that signal; when the
// last listener goes, the signal's default action returns.

const { signals } = internalBinding('constants').os;
const { start, stop } = internalBinding('signal_wrap');

const watched = new Set();
const signalNames = { __proto__: null };
for (const name of Object.keys(signals)) signalNames[signals[name]] = name;

function onSignal(signum) {
  process.emit(signalNames[signum], signalNames[signum], signum);
}

function isSignal(event) {
  return typeof event === 'string' && event.startsWith('SIG') && signals[event] !== undefined;
}

function startListeningIfSignal(type) {
  if (!isSignal(type) || watched.has(type)) return;
  const err = start(signals[type], onSignal);
  if (err) {
    const { ErrnoException } = require('internal/errors');
    throw new ErrnoException(err, 'uv_signal_start');
  }
  watched.add(type);
}

function stopListeningIfSignal(type) {
  if (!watched.has(type) || process.listenerCount(type) !== 0) return;
  watched.delete(type);
  stop(signals[type]);
}

function setupSignalHandlers() {
  process.on('newListener', startListeningIfSignal);
  process.on('removeListener', stopListeningIfSignal);
}

module.exports = { setupSignalHandlers };
