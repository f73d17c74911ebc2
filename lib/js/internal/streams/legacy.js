'use strict';
// The old `Stream` base class (an EventEmitter with a simple pipe()), still the root of every
// stream class and exported as require('stream') itself.

const EE = require('events');

function Stream(opts) {
  EE.call(this, opts);
}
Object.setPrototypeOf(Stream.prototype, EE.prototype);
Object.setPrototypeOf(Stream, EE);

// The old, simple pipe: 'data' is written to dest (pausing the source while dest is full),
// dest is ended when the source ends (destroyed when it closes first) unless
// { end: false } or dest is stdio. Every listener goes away once either side closes or errors.
Stream.prototype.pipe = function(dest, options) {
  const source = this;
  const added = [];
  const listen = (emitter, event, handler, atFront = false) => {
    if (atFront) prependListener(emitter, event, handler);
    else emitter.on(event, handler);
    added.push([emitter, event, handler]);
  };
  const unpipe = () => {
    for (const [emitter, event, handler] of added) emitter.removeListener(event, handler);
  };

  listen(source, 'data', (chunk) => {
    if (dest.writable && dest.write(chunk) === false && source.pause) source.pause();
  });
  listen(dest, 'drain', () => {
    if (source.readable && source.resume) source.resume();
  });

  // stdio destinations are never ended by a pipe.
  if (!dest._isStdio && (!options || options.end !== false)) {
    let destSettled = false;
    listen(source, 'end', () => {
      if (destSettled) return;
      destSettled = true;
      dest.end();
    });
    listen(source, 'close', () => {
      if (destSettled) return;
      destSettled = true;
      if (typeof dest.destroy === 'function') dest.destroy();
    });
  }

  // Runs first on either side; re-emits the error when nobody else listens for it.
  function rethrowIfUnhandled(err) {
    unpipe();
    if (EE.listenerCount(this, 'error') === 0) this.emit('error', err);
  }
  listen(source, 'error', rethrowIfUnhandled, true);
  listen(dest, 'error', rethrowIfUnhandled, true);

  listen(source, 'end', unpipe);
  listen(source, 'close', unpipe);
  listen(dest, 'close', unpipe);
  dest.emit('pipe', source);

  return dest;
};

// Streams pre-declare their event slots in `_events` (value undefined): list only the events
// that really have listeners.
Stream.prototype.eventNames = function eventNames() {
  const names = [];
  for (const key of Reflect.ownKeys(this._events)) {
    const value = this._events[key];
    if (typeof value === 'function' || (Array.isArray(value) && value.length > 0)) names.push(key);
  }
  return names;
};

function prependListener(emitter, event, fn) {
  // Emitters from before prependListener existed: patch `_events` directly.
  if (typeof emitter.prependListener === 'function') return emitter.prependListener(event, fn);
  if (!emitter._events || !emitter._events[event]) emitter.on(event, fn);
  else if (Array.isArray(emitter._events[event])) emitter._events[event].unshift(fn);
  else emitter._events[event] = [fn, emitter._events[event]];
}

module.exports = { Stream, prependListener };
