'use strict';
// pipeline(source, ...transforms, destination, callback): pipes streams (and async iterables,
// generator functions, promises) into each other, forwards errors, destroys every stream when
// one fails or closes early, and calls back once everything finished.
//
// Design: runPipeline() walks the stages left to right; each stage is connected to what the
// previous one produces (a node stream, a web stream or an iterable) by one of the connectors
// below. Every asynchronous transfer counts as one pending "part" of a PipelineOutcome, which
// remembers the first error, tears the stages down and calls back when the last part is done.

const watchStream = require('internal/streams/end-of-stream');
const { once, SymbolDispose } = require('internal/util');
const destroyImpl = require('internal/streams/destroy');
const Duplex = require('internal/streams/duplex');
const {
  aggregateTwoErrors,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_RETURN_VALUE,
    ERR_MISSING_ARGS,
    ERR_STREAM_DESTROYED,
    ERR_STREAM_PREMATURE_CLOSE,
  },
  AbortError,
} = require('internal/errors');
const { validateFunction, validateAbortSignal } = require('internal/validators');
const {
  isIterable,
  isReadable,
  isReadableNodeStream,
  isNodeStream,
  isTransformStream,
  isWebStream,
  isReadableStream,
  isReadableFinished,
} = require('internal/streams/utils');

const { AbortController } = require('internal/abort_controller');

let PassThrough;
let Readable;
let addAbortListener;

const ACCEPTED_SOURCES =
  ['Readable', 'Iterable', 'AsyncIterable', 'ReadableStream', 'TransformStream'];

// Collects the outcome of every pending part and reports once, on the next tick.
class PipelineOutcome {
  constructor(callback, outerSignal) {
    this.callback = callback;
    this.pendingParts = 0;
    this.error = undefined;
    this.value = undefined; // what a final async function resolved to
    this.teardowns = []; // destroy the stages, in pipeline order
    this.keepOnSuccess = []; // undo our listeners on a readable last stage when all went well
    this.controller = new AbortController(); // handed to generator stages as { signal }
    this.outerSignal = outerSignal;
    this.outerSubscription = undefined;
    this.abortWith = () => this.settle(new AbortError(), false);
    this.partDone = (err) => this.settle(err, --this.pendingParts === 0);
  }

  followOuterSignal() {
    if (!this.outerSignal) return;
    addAbortListener ??= require('internal/events/abort_listener').addAbortListener;
    this.outerSubscription = addAbortListener(this.outerSignal, this.abortWith);
  }

  settle(err, lastPart) {
    // The first real error wins over a premature close it caused.
    if (err && (!this.error || this.error.code === 'ERR_STREAM_PREMATURE_CLOSE')) {
      this.error = err;
    }
    if (!this.error && !lastPart) return;

    while (this.teardowns.length) this.teardowns.shift()(this.error);
    this.outerSubscription?.[SymbolDispose]();
    this.controller.abort();

    if (lastPart) {
      if (!this.error) for (const undo of this.keepOnSuccess) undo();
      process.nextTick(this.callback, this.error, this.value);
    }
  }
}

// Returns a function that destroys `stream` unless it already completed cleanly or closed.
function tearDownUnlessDone(stream, reading, writing, outcome, isLast) {
  let done = false;
  stream.on('close', () => {
    done = true;
  });
  const stopWatching = watchStream(stream, { readable: reading, writable: writing }, (err) => {
    done = !err;
  });
  outcome.teardowns.push((err) => {
    if (done) return;
    done = true;
    destroyImpl.destroyer(stream, err || new ERR_STREAM_DESTROYED('pipe'));
  });
  if (isLast) outcome.keepOnSuccess.push(stopWatching);
}

// A node stream's source for a function stage: node streams are read through their
// async iterator.
function asIterable(value) {
  if (isIterable(value)) return value;
  if (isReadableNodeStream(value)) return iterateReadable(value);
  throw new ERR_INVALID_ARG_TYPE('val', ['Readable', 'Iterable', 'AsyncIterable'], value);
}

async function* iterateReadable(readable) {
  Readable ??= require('internal/streams/readable');
  yield* Readable.prototype[Symbol.asyncIterator].call(readable);
}

// Writes an (async) iterable into a node Writable, waiting for 'drain' when it is full.
async function writeIterableToNode(source, writable, partDone, end) {
  let writableError; // set when the writable fails or finishes while we wait on it
  let wakeWriter = null;

  const onProgress = (err) => {
    if (err) writableError = err;
    const wake = wakeWriter;
    wakeWriter = null;
    if (wake) wake();
  };
  const nextProgress = () => new Promise((resolve, reject) => {
    if (writableError) {
      reject(writableError);
      return;
    }
    wakeWriter = () => (writableError ? reject(writableError) : resolve());
  });

  writable.on('drain', onProgress);
  const stopWatching = watchStream(writable, { readable: false }, onProgress);

  try {
    if (writable.writableNeedDrain) await nextProgress();
    for await (const chunk of source) {
      if (!writable.write(chunk)) await nextProgress();
    }
    if (end) {
      writable.end();
      await nextProgress();
    }
    partDone();
  } catch (err) {
    partDone(writableError !== err ? aggregateTwoErrors(writableError, err) : err);
  } finally {
    stopWatching();
    writable.off('drain', onProgress);
  }
}

// Writes an (async) iterable into a web WritableStream (or a TransformStream's writable side).
async function writeIterableToWeb(source, destination, partDone, end) {
  const writable = isTransformStream(destination) ? destination.writable : destination;
  const writer = writable.getWriter();
  try {
    for await (const chunk of source) {
      await writer.ready;
      writer.write(chunk).catch(() => {}); // failures surface through writer.ready
    }
    await writer.ready;
    if (end) await writer.close();
    partDone();
  } catch (err) {
    try {
      await writer.abort(err);
      partDone(err);
    } catch (abortErr) {
      partDone(abortErr);
    }
  }
}

// source.pipe(destination), with both ends counted as parts. We end the destination ourselves
// once the source has ended, so that a source closing early is noticed.
function pipeNodeStreams(source, destination, outcome, end, isLast) {
  const { partDone } = outcome;
  let sourceEnded = false;
  destination.on('close', () => {
    if (!sourceEnded) partDone(new ERR_STREAM_PREMATURE_CLOSE());
  });

  source.pipe(destination, { end: false });

  if (end) {
    const endDestination = () => {
      sourceEnded = true;
      destination.end();
    };
    if (isReadableFinished(source)) process.nextTick(endDestination);
    else source.once('end', endDestination);
  } else {
    partDone();
  }

  watchStream(source, { readable: true, writable: false }, (err) => {
    const state = source._readableState;
    const closedBeforeEnd = err && err.code === 'ERR_STREAM_PREMATURE_CLOSE' &&
      state && state.ended && !state.errored && !state.errorEmitted;
    // Some readables (http keep-alive) close before emitting their pending 'end'.
    if (closedBeforeEnd) source.once('end', partDone).once('error', partDone);
    else partDone(err);
  });
  const stopWatching = watchStream(destination, { readable: false, writable: true }, partDone);
  if (isReadable(destination) && isLast) outcome.keepOnSuccess.push(stopWatching);
}

// Feeds a readable web stream, TransformStream or iterable into a node stream.
function feedNodeStream(produced, destination, outcome, end, isLast) {
  if (isReadableNodeStream(produced)) {
    outcome.pendingParts += 2;
    pipeNodeStreams(produced, destination, outcome, end, isLast);
  } else if (isTransformStream(produced) || isReadableStream(produced)) {
    outcome.pendingParts++;
    writeIterableToNode(produced.readable || produced, destination, outcome.partDone, end);
  } else if (isIterable(produced)) {
    outcome.pendingParts++;
    writeIterableToNode(produced, destination, outcome.partDone, end);
  } else {
    throw new ERR_INVALID_ARG_TYPE('val', ACCEPTED_SOURCES, produced);
  }
}

function feedWebStream(produced, destination, outcome, end) {
  let source;
  if (isReadableNodeStream(produced)) source = asIterable(produced);
  else if (isReadableStream(produced) || isIterable(produced)) source = produced;
  else if (isTransformStream(produced)) source = produced.readable;
  else throw new ERR_INVALID_ARG_TYPE('val', ACCEPTED_SOURCES, produced);
  outcome.pendingParts++;
  writeIterableToWeb(source, destination, outcome.partDone, end);
}

// The last stage is a function: whatever it returns (a promise or an iterable) is collected
// into an object-mode PassThrough, which becomes the pipeline's result.
function collectFinalResult(result, outcome, end) {
  PassThrough ??= require('internal/streams/passthrough');
  const collector = new PassThrough({ objectMode: true });
  const { partDone } = outcome;

  const then = result?.then;
  if (typeof then === 'function') {
    outcome.pendingParts++;
    then.call(result, (value) => {
      outcome.value = value;
      if (value != null) collector.write(value);
      if (end) collector.end();
      process.nextTick(partDone);
    }, (err) => {
      collector.destroy(err);
      process.nextTick(partDone, err);
    });
  } else if (isIterable(result, true)) {
    outcome.pendingParts++;
    writeIterableToNode(result, collector, partDone, end);
  } else if (isReadableStream(result) || isTransformStream(result)) {
    outcome.pendingParts++;
    writeIterableToNode(result.readable || result, collector, partDone, end);
  } else {
    throw new ERR_INVALID_RETURN_VALUE('AsyncIterable or Promise', 'destination', result);
  }

  tearDownUnlessDone(collector, false, true, outcome, true);
  return collector;
}

function openSource(stage, signal) {
  if (typeof stage === 'function') {
    const produced = stage({ signal });
    if (!isIterable(produced)) {
      throw new ERR_INVALID_RETURN_VALUE('Iterable, AsyncIterable or Stream', 'source', produced);
    }
    return produced;
  }
  if (isIterable(stage) || isReadableNodeStream(stage) || isTransformStream(stage)) return stage;
  return Duplex.from(stage);
}

// Node streams are torn down with the pipeline, and any later error still reaches the callback.
function enrolNodeStream(stream, reading, writing, end, isLast, outcome) {
  const readableLast = isLast && isReadable(stream);
  if (end) tearDownUnlessDone(stream, reading, writing, outcome, readableLast);

  const onError = (err) => {
    if (err && err.name !== 'AbortError' && err.code !== 'ERR_STREAM_PREMATURE_CLOSE') {
      outcome.partDone(err);
    }
  };
  stream.on('error', onError);
  if (readableLast) outcome.keepOnSuccess.push(() => stream.removeListener('error', onError));
}

function runPipeline(stages, callback, options) {
  if (stages.length === 1 && Array.isArray(stages[0])) stages = stages[0];
  if (stages.length < 2) throw new ERR_MISSING_ARGS('streams');

  const outerSignal = options?.signal;
  validateAbortSignal(outerSignal, 'options.signal');

  const outcome = new PipelineOutcome(callback, outerSignal);
  const { signal } = outcome.controller;
  outcome.followOuterSignal();

  let produced; // what the stages so far yield: a stream or an iterable
  for (let i = 0; i < stages.length; i++) {
    const stage = stages[i];
    const isLast = i === stages.length - 1;
    const reading = !isLast;
    const writing = i > 0;
    const end = reading || options?.end !== false;

    if (isNodeStream(stage)) enrolNodeStream(stage, reading, writing, end, isLast, outcome);

    if (i === 0) {
      produced = openSource(stage, signal);
    } else if (typeof stage === 'function') {
      const input = asIterable(isTransformStream(produced) ? produced?.readable : produced);
      produced = stage(input, { signal });
      if (reading) {
        if (!isIterable(produced, true)) {
          throw new ERR_INVALID_RETURN_VALUE('AsyncIterable', `transform[${i - 1}]`, produced);
        }
      } else {
        produced = collectFinalResult(produced, outcome, end);
      }
    } else if (isNodeStream(stage)) {
      feedNodeStream(produced, stage, outcome, end, isLast);
      produced = stage;
    } else if (isWebStream(stage)) {
      feedWebStream(produced, stage, outcome, end);
      produced = stage;
    } else {
      produced = Duplex.from(stage);
    }
  }

  if (signal.aborted || outerSignal?.aborted) process.nextTick(outcome.abortWith);

  return produced;
}

function pipeline(...streams) {
  // The callback is required: stream/promises' pipeline is the promise form.
  validateFunction(streams[streams.length - 1], 'streams[stream.length - 1]');
  const callback = streams.pop();
  return runPipeline(streams, once(callback));
}

module.exports = { pipelineImpl: runPipeline, pipeline };
