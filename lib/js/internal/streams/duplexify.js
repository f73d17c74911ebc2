'use strict';
// Duplex.from(body): a Duplex from a stream, a { readable, writable } pair, an (async)
// iterable, an async generator function (readable and writable), an async function (writable
// only), a promise (readable), a Blob, or a web stream.
//
// Design: every kind of body ends up as one of three shapes — an iterable read by from(), a
// promise settling a one-sided Duplexify, or a readable and/or writable node stream that
// joinSides() puts behind a single Duplex. Functions are first called with a generator that
// yields what is written to the Duplex (writtenChunksFor).

const {
  isReadable,
  isWritable,
  isIterable,
  isNodeStream,
  isReadableNodeStream,
  isWritableNodeStream,
  isDuplexNodeStream,
  isReadableStream,
  isWritableStream,
} = require('internal/streams/utils');
const watchStream = require('internal/streams/end-of-stream');
const {
  AbortError,
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_RETURN_VALUE },
} = require('internal/errors');
const { destroyer: destroyStream } = require('internal/streams/destroy');
const Duplex = require('internal/streams/duplex');
const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const { createDeferredPromise } = require('internal/util');
const from = require('internal/streams/from');
const { AbortController } = require('internal/abort_controller');
const { InnerRelay } = require('internal/streams/inner-relay');

const ACCEPTED_BODIES = ['Blob', 'ReadableStream', 'WritableStream', 'Stream', 'Iterable',
  'AsyncIterable', 'Function', '{ readable, writable } pair', 'Promise'];

function looksLikeBlob(value) {
  return value != null && typeof value === 'object' &&
    Object.prototype.toString.call(value) === '[object Blob]' &&
    typeof value.arrayBuffer === 'function';
}

// The Duplex class Duplex.from returns (node names it Duplexify too, visible in inspect).
// Duplex itself already honours { readable: false } / { writable: false }.
class Duplexify extends Duplex {}

function duplexFrom(body, name) {
  if (isDuplexNodeStream(body)) return body;
  if (isReadableNodeStream(body)) return joinSides(body, undefined);
  if (isWritableNodeStream(body)) return joinSides(undefined, body);
  if (isNodeStream(body)) return joinSides(false, false);
  if (isReadableStream(body)) return joinSides(Readable.fromWeb(body), undefined);
  if (isWritableStream(body)) return joinSides(undefined, Writable.fromWeb(body));
  if (typeof body === 'function') return duplexFromFunction(body, name);
  if (looksLikeBlob(body)) return duplexFrom(body.arrayBuffer());
  if (isIterable(body)) return from(Duplexify, body, { objectMode: true, writable: false });

  if (isReadableStream(body?.readable) && isWritableStream(body?.writable)) {
    return Duplexify.fromWeb(body);
  }
  if (typeof body?.writable === 'object' || typeof body?.readable === 'object') {
    return duplexFromPair(body);
  }
  const then = body?.then;
  if (typeof then === 'function') return readableFromPromise(body, then);

  throw new ERR_INVALID_ARG_TYPE(name, ACCEPTED_BODIES, body);
}

// { readable, writable }: either side may itself be anything Duplex.from accepts.
function duplexFromPair(pair) {
  const readable = pair.readable ?
    (isReadableNodeStream(pair.readable) ? pair.readable : duplexFrom(pair.readable)) :
    undefined;
  const writable = pair.writable ?
    (isWritableNodeStream(pair.writable) ? pair.writable : duplexFrom(pair.writable)) :
    undefined;
  return joinSides(readable, writable);
}

// A promise becomes a readable-only Duplex producing its (non-nullish) value.
function readableFromPromise(promise, then) {
  let duplex;
  then.call(promise, (value) => {
    if (value != null) duplex.push(value);
    duplex.push(null);
  }, (err) => {
    destroyStream(duplex, err);
  });
  duplex = new Duplexify({ objectMode: true, writable: false, read() {} });
  return duplex;
}

// fn(writtenChunks, { signal }) returning an iterable gives a two-sided Duplex; returning a
// promise (an async function consuming the chunks) gives a writable-only one.
function duplexFromFunction(fn, name) {
  const { result, write, final, destroy } = writtenChunksFor(fn);

  if (isIterable(result)) {
    return from(Duplexify, result, { objectMode: true, write, final, destroy });
  }

  const then = result?.then;
  if (typeof then === 'function') {
    let duplex;
    const completion = then.call(result, (value) => {
      if (value != null) throw new ERR_INVALID_RETURN_VALUE('nully', 'body', value);
    }, (err) => {
      destroyStream(duplex, err);
    });

    duplex = new Duplexify({
      objectMode: true,
      readable: false,
      write,
      final(callback) {
        // Finishing waits until the function itself has returned.
        final(async () => {
          try {
            await completion;
            process.nextTick(callback, null);
          } catch (err) {
            process.nextTick(callback, err);
          }
        });
      },
      destroy,
    });
    return duplex;
  }

  throw new ERR_INVALID_RETURN_VALUE('Iterable, AsyncIterable or AsyncFunction', name, result);
}

// Calls fn with an async generator over the chunks written to the Duplex. Each write (or the
// final end) is handed to the generator through a fresh deferred promise; its callback runs
// once the generator has taken it.
function writtenChunksFor(fn) {
  const controller = new AbortController();
  const { signal } = controller;
  let nextHandOver = createDeferredPromise();
  let handOver = nextHandOver.resolve;

  async function* writtenChunks() {
    for (;;) {
      const { chunk, done, cb } = await nextHandOver.promise;
      process.nextTick(cb);
      if (done) return;
      if (signal.aborted) throw new AbortError(undefined, { cause: signal.reason });
      nextHandOver = createDeferredPromise();
      handOver = nextHandOver.resolve;
      yield chunk;
    }
  }

  const giveToGenerator = (message) => {
    const resolve = handOver;
    handOver = null;
    resolve(message);
  };

  return {
    result: fn(writtenChunks(), { signal }),
    write(chunk, encoding, cb) {
      giveToGenerator({ chunk, done: false, cb });
    },
    final(cb) {
      giveToGenerator({ done: true, cb });
    },
    destroy(err, cb) {
      controller.abort();
      cb(err);
    },
  };
}

// One Duplex in front of a readable and/or a writable node stream.
function joinSides(readableSide, writableSide) {
  const source = readableSide && typeof readableSide.read !== 'function' ?
    Readable.wrap(readableSide) : readableSide;
  const sink = writableSide;

  const readableOpen = !!isReadable(source);
  const writableOpen = !!isWritable(sink);

  const duplex = new Duplexify({
    readableObjectMode: !!source?.readableObjectMode,
    writableObjectMode: !!sink?.writableObjectMode,
    readable: readableOpen,
    writable: writableOpen,
  });
  const relay = new InnerRelay(duplex);
  // Either inner stream failing takes the readable one down with it.
  const innerSideDone = (err) => {
    if (err) destroyStream(source, err);
    relay.innerDone(err);
  };

  if (writableOpen) {
    watchStream(sink, innerSideDone);
    relay.writeTo(sink);
    sink.on('finish', () => relay.release('finish'));
  }

  if (readableOpen) {
    watchStream(source, innerSideDone);
    relay.readFrom(source);
  }

  relay.onDestroy((err) => {
    destroyStream(sink, err);
    destroyStream(source, err);
  });

  return duplex;
}

module.exports = duplexFrom;
