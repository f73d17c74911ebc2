'use strict';
// readable.pipe(dest) and readable.unpipe(dest).
//
// A pipe is a set of listeners on both ends: the source's 'data' writes to the destination;
// when a write returns false the source pauses until that destination (or, with several
// destinations, every one it waits on) emits 'drain'. The destination's 'close', 'finish',
// 'error' and 'unpipe' take the link down; the source's 'end' ends the destination unless
// { end: false } or it is stdout/stderr. Listeners are added in a fixed order, which programs
// observe (listener lists, which 'error' handler runs first), so keep it.

const { prependListener } = require('internal/streams/legacy');
const { errorOrDestroy } = require('internal/streams/destroy');
const { Flag, kState } = require('internal/streams/readable_state');

const { DRAIN_SET, END_EMITTED, FLOWING } = Flag;

// The handler a destination's 'drain' runs: stop waiting for it, and resume the source when no
// destination is left to wait for.
function makeDrainHandler(src, dest) {
  return function resumeWhenDrained() {
    const state = src._readableState;
    if (state.awaitDrainWriters === dest) {
      state.awaitDrainWriters = null;
    } else if ((state[kState] & DRAIN_SET) !== 0) {
      state.awaitDrainWriters.delete(dest);
    }
    const waiting = state.awaitDrainWriters;
    if ((!waiting || waiting.size === 0) && src.listenerCount('data')) src.resume();
  };
}

function pipe(src, dest, options) {
  const state = src._readableState;

  if (state.pipes.length === 1 && (state[kState] & DRAIN_SET) === 0) {
    // A second destination: from now on track the writers we wait on in a Set.
    state[kState] |= DRAIN_SET;
    state.awaitDrainWriters = new Set(state.awaitDrainWriters ? [state.awaitDrainWriters] : []);
  }
  state.pipes.push(dest);

  const endsDestination = (!options || options.end !== false) &&
    dest !== process.stdout && dest !== process.stderr;

  let drainHandler;
  let detached = false;

  function endDestination() {
    dest.end();
  }
  function unlink() {
    src.unpipe(dest);
  }
  function onDestinationUnpipe(readable, unpipeInfo) {
    if (readable === src && unpipeInfo && unpipeInfo.hasUnpiped === false) {
      unpipeInfo.hasUnpiped = true;
      detach();
    }
  }
  function forwardChunk(chunk) {
    if (dest.write(chunk) === false) holdForDrain();
  }
  // A destination error unpipes it; it is rethrown when nobody else listens for it.
  function onDestinationError(er) {
    unlink();
    dest.removeListener('error', onDestinationError);
    if (dest.listenerCount('error') === 0) {
      const destState = dest._writableState || dest._readableState;
      if (destState && !destState.errorEmitted) errorOrDestroy(dest, er);
      else dest.emit('error', er);
    }
  }
  function onDestinationClose() {
    dest.removeListener('finish', onDestinationFinish);
    unlink();
  }
  function onDestinationFinish() {
    dest.removeListener('close', onDestinationClose);
    unlink();
  }

  function detach() {
    dest.removeListener('close', onDestinationClose);
    dest.removeListener('finish', onDestinationFinish);
    if (drainHandler) dest.removeListener('drain', drainHandler);
    dest.removeListener('error', onDestinationError);
    dest.removeListener('unpipe', onDestinationUnpipe);
    src.removeListener('end', endDestination);
    src.removeListener('end', unlink);
    src.removeListener('data', forwardChunk);
    detached = true;
    // A detached destination will never drain for us: stop waiting for it.
    if (drainHandler && state.awaitDrainWriters &&
        (!dest._writableState || dest._writableState.needDrain)) {
      drainHandler();
    }
  }

  // The destination is full: remember to wait for it and pause the source.
  function holdForDrain() {
    if (!detached) {
      const pipes = state.pipes;
      if (pipes.length === 1 && pipes[0] === dest) {
        state.awaitDrainWriters = dest;
        state[kState] &= ~DRAIN_SET;
      } else if (pipes.length > 1 && pipes.includes(dest)) {
        state.awaitDrainWriters.add(dest);
      }
      src.pause();
    }
    if (!drainHandler) {
      drainHandler = makeDrainHandler(src, dest);
      dest.on('drain', drainHandler);
    }
  }

  const atEnd = endsDestination ? endDestination : unlink;
  if ((state[kState] & END_EMITTED) !== 0) process.nextTick(atEnd);
  else src.once('end', atEnd);

  dest.on('unpipe', onDestinationUnpipe);
  src.on('data', forwardChunk);
  prependListener(dest, 'error', onDestinationError);
  dest.once('close', onDestinationClose);
  dest.once('finish', onDestinationFinish);

  dest.emit('pipe', src);

  if (dest.writableNeedDrain === true) holdForDrain();
  else if ((state[kState] & FLOWING) === 0) src.resume();

  return dest;
}

function unpipe(src, dest) {
  const state = src._readableState;
  if (state.pipes.length === 0) return src;

  if (!dest) {
    const destinations = state.pipes;
    state.pipes = [];
    src.pause();
    for (let i = 0; i < destinations.length; i++) {
      destinations[i].emit('unpipe', src, { hasUnpiped: false });
    }
    return src;
  }

  const index = state.pipes.indexOf(dest);
  if (index === -1) return src;
  state.pipes.splice(index, 1);
  if (state.pipes.length === 0) src.pause();
  dest.emit('unpipe', src, { hasUnpiped: false });
  return src;
}

module.exports = { pipe, unpipe };
