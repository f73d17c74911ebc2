'use strict';
// The queue of chunks a Readable holds between push() and read().
//
// It lives in the state's own `buffer` array: the live chunks are buffer[bufferIndex..], the
// slots before bufferIndex have been consumed (nulled so their memory can go). Taking from the
// front just moves bufferIndex; the array is emptied when everything is consumed and compacted
// once the consumed prefix grows large, so a long-lived stream does not keep a growing array.
// (The array stays a plain array because programs read `readableBuffer` and even truncate it.)
//
// `state.length` is the queue's size in bytes, characters or objects. push helpers here update
// it; takeFromQueue() leaves that to its caller, which knows how much it asked for.

const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer');
const { Flag, kState } = require('internal/streams/readable_state');

const { OBJECT_MODE, HAS_DECODER } = Flag;
const kNoBytes = new FastBuffer();
// Above this many consumed slots the array is compacted.
const kCompactAfter = 1024;

function chunkSize(state, chunk) {
  return (state[kState] & OBJECT_MODE) !== 0 ? 1 : chunk.length;
}

function appendChunk(state, chunk) {
  state.length += chunkSize(state, chunk);
  state.buffer.push(chunk);
}

function prependChunk(state, chunk) {
  state.length += chunkSize(state, chunk);
  if (state.bufferIndex > 0) state.buffer[--state.bufferIndex] = chunk;
  else state.buffer.unshift(chunk);
}

function firstChunk(state) {
  return state.buffer[state.bufferIndex];
}

// Replaces the queued chunks by their text through `decoder` (setEncoding() on a stream that
// already holds bytes).
function decodeQueue(state, decoder) {
  const buffer = state.buffer;
  let text = '';
  for (let i = state.bufferIndex; i < buffer.length; i++) text += decoder.write(buffer[i]);
  buffer.length = 0;
  state.bufferIndex = 0;
  if (text !== '') buffer.push(text);
  state.length = text.length;
}

// Moves the front of the queue to `next` (the first live slot) and tidies the array.
function advanceTo(state, next) {
  const buffer = state.buffer;
  if (next === buffer.length) {
    buffer.length = 0;
    state.bufferIndex = 0;
  } else if (next > kCompactAfter) {
    buffer.splice(0, next);
    state.bufferIndex = 0;
  } else {
    state.bufferIndex = next;
  }
}

// Everything queued, as one chunk.
function takeAll(state) {
  const buffer = state.buffer;
  const end = buffer.length;
  let i = state.bufferIndex;
  let result;
  if ((state[kState] & HAS_DECODER) !== 0) {
    result = '';
    for (; i < end; i++) {
      result += buffer[i];
      buffer[i] = null;
    }
  } else if (i === end) {
    result = kNoBytes; // length says there is data but the array was emptied under us
  } else if (end - i === 1) {
    result = buffer[i];
    buffer[i++] = null;
  } else {
    result = Buffer.allocUnsafe(state.length);
    let offset = 0;
    for (; i < end; i++) {
      result.set(buffer[i], offset);
      offset += buffer[i].length;
      buffer[i] = null;
    }
  }
  advanceTo(state, i);
  return result;
}

// `size` characters that span several string chunks.
function takeText(state, size) {
  const buffer = state.buffer;
  const end = buffer.length;
  let i = state.bufferIndex;
  let result = '';
  while (i < end) {
    const text = buffer[i];
    if (size > text.length) {
      result += text;
      size -= text.length;
      buffer[i++] = null;
      continue;
    }
    // As node 20 (observable): the remaining count is compared with the number of array
    // slots, not with the string's length. So a string consumed exactly usually stays queued as
    // '' and a flowing read() then sees an empty head and returns null.
    if (size === end) {
      result += text;
      buffer[i++] = null;
    } else {
      result += text.slice(0, size);
      buffer[i] = text.slice(size);
    }
    break;
  }
  advanceTo(state, i);
  return result;
}

// `size` bytes that span several Buffer chunks.
function takeBytes(state, size) {
  const buffer = state.buffer;
  const end = buffer.length;
  const result = Buffer.allocUnsafe(size);
  let i = state.bufferIndex;
  let filled = 0;
  while (i < end) {
    const bytes = buffer[i];
    const wanted = size - filled;
    if (wanted >= bytes.length) {
      result.set(bytes, filled);
      filled += bytes.length;
      buffer[i++] = null;
      if (wanted === bytes.length) break;
    } else {
      result.set(new Uint8Array(bytes.buffer, bytes.byteOffset, wanted), filled);
      buffer[i] = bytes.subarray(wanted);
      break;
    }
  }
  advanceTo(state, i);
  return result;
}

// Removes and returns `size` units from the front: one object in object mode, everything when
// `size` is 0/NaN or covers the whole queue, otherwise exactly `size` bytes or characters.
// null when the queue is empty.
function takeFromQueue(size, state) {
  if (state.length === 0) return null;
  const buffer = state.buffer;
  const head = state.bufferIndex;

  if ((state[kState] & OBJECT_MODE) !== 0) {
    const object = buffer[head];
    buffer[head] = null;
    advanceTo(state, head + 1);
    return object;
  }
  if (!size || size >= state.length) return takeAll(state);

  const first = buffer[head];
  if (size < first.length) {
    // A piece of the first chunk; the rest stays in its slot.
    let piece;
    if (typeof first === 'string') {
      piece = first.slice(0, size);
      buffer[head] = first.slice(size);
    } else {
      piece = first.subarray(0, size);
      buffer[head] = first.subarray(size);
    }
    advanceTo(state, head);
    return piece;
  }
  if (size === first.length) {
    buffer[head] = null;
    advanceTo(state, head + 1);
    return first;
  }
  return (state[kState] & HAS_DECODER) !== 0 ? takeText(state, size) : takeBytes(state, size);
}

module.exports = {
  appendChunk,
  prependChunk,
  firstChunk,
  decodeQueue,
  takeFromQueue,
};
