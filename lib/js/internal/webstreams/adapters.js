'use strict';
// Bridges between node streams and web streams: Readable.toWeb/fromWeb, Writable.toWeb/fromWeb,
// Duplex.toWeb/fromWeb, and the readable/writable pair CompressionStream uses over zlib.

const {
  AbortError,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_STREAM_PREMATURE_CLOSE,
  },
} = require('internal/errors');
const { validateBoolean, validateObject } = require('internal/validators');
const { createDeferred } = require('internal/webstreams/util');
const { ReadableStream, isReadableStream } = require('internal/webstreams/readablestream');
const { WritableStream, isWritableStream } = require('internal/webstreams/writablestream');
const { CountQueuingStrategy } = require('internal/webstreams/queuingstrategies');
const {
  isDestroyed,
  isReadable,
  isWritable,
  isWritableEnded,
  isWritableNodeStream,
} = require('internal/streams/utils');

const lazy = {
  get eos() { return require('internal/streams/end-of-stream'); },
  get Readable() { return require('internal/streams/readable'); },
  get Writable() { return require('internal/streams/writable'); },
  get Duplex() { return require('internal/streams/duplex'); },
  get Buffer() { return require('buffer').Buffer; },
};

function destroy(stream, error) {
  if (!isDestroyed(stream)) stream.destroy(error);
}

// A web-side cancel()/abort() without a reason destroys the node stream with an AbortError.
function destroyForWebReason(stream, reason) {
  destroy(stream, reason ?? new AbortError());
}

// A node callback that throws must not turn into a rejected promise nobody sees.
function callSafely(callback, error, onThrow) {
  try {
    callback(error);
  } catch (thrown) {
    onThrow(thrown);
  }
}

function rethrowLater(error) {
  process.nextTick(() => { throw error; });
}

// The web stream's strategy for a node stream: the caller's, else node's highWaterMark
// (counted in chunks, as node does for both modes).
function strategyFor(strategy, objectMode, highWaterMark) {
  if (strategy) return strategy;
  if (objectMode) return new CountQueuingStrategy({ highWaterMark });
  return { highWaterMark };
}

function prematureCloseToAbort(error) {
  if (error?.code === 'ERR_STREAM_PREMATURE_CLOSE') return new AbortError(undefined, { cause: error });
  return error;
}

// --- Readable <-> ReadableStream --------------------------------------------------------

function newReadableStreamFromStreamReadable(streamReadable, options = {}) {
  // A Duplex whose readable side is off still converts (to a cancelled stream).
  if (typeof streamReadable?._readableState !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('streamReadable', 'stream.Readable', streamReadable);
  }
  validateObject(options, 'options');
  if (isDestroyed(streamReadable) || !isReadable(streamReadable)) {
    const readable = new ReadableStream();
    readable.cancel();
    return readable;
  }
  const objectMode = streamReadable.readableObjectMode;
  const strategy = strategyFor(options.strategy, objectMode, streamReadable.readableHighWaterMark);
  let controller;

  function onData(chunk) {
    // Copy Buffers: a pooled Buffer shares memory that the web side must own.
    if (lazy.Buffer.isBuffer(chunk) && !objectMode) chunk = new Uint8Array(chunk);
    controller.enqueue(chunk);
    if (controller.desiredSize <= 0) streamReadable.pause();
  }

  function onFinished(error) {
    cleanup();
    // The stream may still emit 'error' after this; nobody else may be listening.
    streamReadable.on('error', () => {});
    if (error) {
      controller.error(prematureCloseToAbort(error));
      return;
    }
    controller.close();
  }

  // Paused until the web side pulls: a 'data' listener alone would start the flow.
  streamReadable.pause();
  const cleanup = lazy.eos(streamReadable, onFinished);
  streamReadable.on('data', onData);

  return new ReadableStream({
    start(c) { controller = c; },
    pull() { streamReadable.resume(); },
    cancel(reason) { destroyForWebReason(streamReadable, reason); },
  }, strategy);
}

function newStreamReadableFromReadableStream(readableStream, options = {}) {
  if (!isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE('readableStream', 'ReadableStream', readableStream);
  }
  validateObject(options, 'options');
  const { highWaterMark, encoding, objectMode = false, signal } = options;
  if (encoding !== undefined && !lazy.Buffer.isEncoding(encoding)) {
    const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_VALUE(encoding, 'options.encoding');
  }
  validateBoolean(objectMode, 'options.objectMode');

  const reader = readableStream.getReader();
  let closed = false;

  const readable = new lazy.Readable({
    objectMode,
    highWaterMark,
    encoding,
    signal,
    read() {
      reader.read().then((result) => {
        if (result.done) readable.push(null);
        else readable.push(result.value);
      }, (error) => destroy(readable, error));
    },
    destroy(error, callback) {
      const done = () => callSafely(callback, error, rethrowLater);
      if (!closed) {
        reader.cancel(error).then(done, done);
        return;
      }
      done();
    },
  });

  reader.closed.then(() => {
    closed = true;
  }, (error) => {
    closed = true;
    destroy(readable, error);
  });
  return readable;
}

// --- Writable <-> WritableStream --------------------------------------------------------

function newWritableStreamFromStreamWritable(streamWritable) {
  // Writable-like objects without _writableState (http.ServerResponse) convert too.
  if (typeof streamWritable?._writableState !== 'object' && !isWritableNodeStream(streamWritable)) {
    throw new ERR_INVALID_ARG_TYPE('streamWritable', 'stream.Writable', streamWritable);
  }
  if (isDestroyed(streamWritable) || !isWritable(streamWritable)) {
    const writable = new WritableStream();
    writable.close();
    return writable;
  }
  const highWaterMark = streamWritable.writableHighWaterMark;
  const strategy = strategyFor(undefined, streamWritable.writableObjectMode, highWaterMark);
  let controller;
  let backpressure;  // Deferred while waiting for 'drain'.
  let closed;  // Deferred while waiting for the stream to finish after end().

  function onDrain() {
    backpressure?.resolve();
  }

  const cleanup = lazy.eos(streamWritable, (error) => {
    error = prematureCloseToAbort(error);
    cleanup();
    streamWritable.on('error', () => {});
    if (error != null) {
      backpressure?.reject(error);
      if (closed !== undefined) {
        closed.reject(error);
        closed = undefined;
      }
      controller?.error(error);
      controller = undefined;
      return;
    }
    if (closed !== undefined) {
      closed.resolve();
      closed = undefined;
      return;
    }
    controller?.error(new AbortError());
    controller = undefined;
  });

  streamWritable.on('drain', onDrain);

  return new WritableStream({
    start(c) { controller = c; },
    write(chunk) {
      if (streamWritable.writableNeedDrain || !streamWritable.write(chunk)) {
        backpressure = createDeferred();
        return backpressure.promise.finally(() => { backpressure = undefined; });
      }
    },
    abort(reason) { destroyForWebReason(streamWritable, reason); },
    close() {
      if (closed === undefined && !isWritableEnded(streamWritable)) {
        closed = createDeferred();
        streamWritable.end();
        return closed.promise;
      }
      controller = undefined;
      return Promise.resolve();
    },
  }, strategy);
}

// Hands each chunk to a web writer once it is ready; node's callback gets the outcome.
function writeThrough(writer, chunk, callback, onThrow) {
  const done = (error) => callSafely(callback, error, onThrow);
  writer.ready.then(() => writer.write(chunk).then(() => done(), done), done);
}

function writevThrough(writer, chunks, callback, onThrow) {
  const done = (error) => callSafely(callback, error, onThrow);
  writer.ready.then(() => Promise.all(chunks.map(({ chunk }) => writer.write(chunk)))
    .then(() => done(), done), done);
}

function toBytesIfString(chunk, encoding, decodeStrings, objectMode) {
  if (typeof chunk === 'string' && decodeStrings && !objectMode) {
    const buffer = lazy.Buffer.from(chunk, encoding);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }
  return chunk;
}

function newStreamWritableFromWritableStream(writableStream, options = {}) {
  if (!isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE('writableStream', 'WritableStream', writableStream);
  }
  validateObject(options, 'options');
  const { highWaterMark, decodeStrings = true, objectMode = false, signal } = options;
  validateBoolean(objectMode, 'options.objectMode');
  validateBoolean(decodeStrings, 'options.decodeStrings');

  const writer = writableStream.getWriter();
  let closed = false;

  const writable = new lazy.Writable({
    highWaterMark,
    objectMode,
    decodeStrings,
    signal,
    writev(chunks, callback) {
      writevThrough(writer, chunks, callback, (error) => process.nextTick(() => destroy(writable, error)));
    },
    write(chunk, encoding, callback) {
      chunk = toBytesIfString(chunk, encoding, decodeStrings, objectMode);
      writeThrough(writer, chunk, callback, (error) => destroy(writable, error));
    },
    destroy(error, callback) {
      const done = () => callSafely(callback, error, rethrowLater);
      if (!closed) {
        if (error != null) writer.abort(error).then(done, done);
        else writer.close().then(done, done);
        return;
      }
      done();
    },
    final(callback) {
      const done = (error) => callSafely(callback, error,
                                         (thrown) => process.nextTick(() => destroy(writable, thrown)));
      if (!closed) writer.close().then(() => done(), done);
    },
  });

  writer.closed.then(() => {
    closed = true;
    if (!isWritableEnded(writable)) destroy(writable, new ERR_STREAM_PREMATURE_CLOSE());
  }, (error) => {
    closed = true;
    destroy(writable, error);
  });
  return writable;
}

// --- Duplex <-> { readable, writable } --------------------------------------------------

function newReadableWritablePairFromDuplex(duplex) {
  if (typeof duplex?._writableState !== 'object' || typeof duplex?._readableState !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('duplex', 'stream.Duplex', duplex);
  }
  if (isDestroyed(duplex)) {
    const writable = new WritableStream();
    const readable = new ReadableStream();
    writable.close();
    readable.cancel();
    return { readable, writable };
  }
  let writable;
  if (isWritable(duplex)) {
    writable = newWritableStreamFromStreamWritable(duplex);
  } else {
    writable = new WritableStream();
    writable.close();
  }
  let readable;
  if (isReadable(duplex)) {
    readable = newReadableStreamFromStreamReadable(duplex);
  } else {
    readable = new ReadableStream();
    readable.cancel();
  }
  return { writable, readable };
}

function newStreamDuplexFromReadableWritablePair(pair = {}, options = {}) {
  validateObject(pair, 'pair');
  const { readable: readableStream, writable: writableStream } = pair;
  if (!isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE('pair.readable', 'ReadableStream', readableStream);
  }
  if (!isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE('pair.writable', 'WritableStream', writableStream);
  }
  validateObject(options, 'options');
  const {
    allowHalfOpen = false,
    objectMode = false,
    encoding,
    decodeStrings = true,
    highWaterMark,
    signal,
  } = options;
  validateBoolean(objectMode, 'options.objectMode');
  if (encoding !== undefined && !lazy.Buffer.isEncoding(encoding)) {
    const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_VALUE(encoding, 'options.encoding');
  }

  const writer = writableStream.getWriter();
  const reader = readableStream.getReader();
  let writableClosed = false;
  let readableClosed = false;

  const duplex = new lazy.Duplex({
    allowHalfOpen,
    highWaterMark,
    objectMode,
    encoding,
    decodeStrings,
    signal,
    writev(chunks, callback) {
      writevThrough(writer, chunks, callback, (error) => process.nextTick(() => destroy(duplex, error)));
    },
    write(chunk, encoding, callback) {
      chunk = toBytesIfString(chunk, encoding, decodeStrings, objectMode);
      writeThrough(writer, chunk, callback, (error) => destroy(duplex, error));
    },
    final(callback) {
      const done = (error) => callSafely(callback, error,
                                         (thrown) => process.nextTick(() => destroy(duplex, thrown)));
      if (!writableClosed) writer.close().then(() => done(), done);
    },
    read() {
      reader.read().then((result) => {
        if (result.done) duplex.push(null);
        else duplex.push(result.value);
      }, (error) => destroy(duplex, error));
    },
    destroy(error, callback) {
      const done = () => callSafely(callback, error, rethrowLater);
      const closers = [];
      if (!writableClosed) closers.push(error != null ? writer.abort(error) : writer.close());
      if (!readableClosed) closers.push(reader.cancel(error));
      if (closers.length === 0) {
        done();
        return;
      }
      Promise.all(closers).then(done, done);
    },
  });

  writer.closed.then(() => {
    writableClosed = true;
    if (!isWritableEnded(duplex)) destroy(duplex, new ERR_STREAM_PREMATURE_CLOSE());
  }, (error) => {
    writableClosed = true;
    readableClosed = true;
    destroy(duplex, error);
  });
  reader.closed.then(() => {
    readableClosed = true;
  }, (error) => {
    writableClosed = true;
    readableClosed = true;
    destroy(duplex, error);
  });
  return duplex;
}

module.exports = {
  newReadableStreamFromStreamReadable,
  newStreamReadableFromReadableStream,
  newWritableStreamFromStreamWritable,
  newStreamWritableFromWritableStream,
  newReadableWritablePairFromDuplex,
  newStreamDuplexFromReadableWritablePair,
};
