'use strict';
// The iterator helpers of Readable (readable.map(), .filter(), .toArray(), ...). Stream-returning
// operators are async generators over the source that stream.js wraps in Readable.from();
// promise-returning ones consume the stream.

const { AbortController, AbortSignal } = require('internal/abort_controller');
const {
  AbortError,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_MISSING_ARGS,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateInteger,
  validateObject,
} = require('internal/validators');
const { deprecate } = require('internal/util');
const { finished } = require('internal/streams/end-of-stream');
const staticCompose = require('internal/streams/compose');
const { addAbortSignalNoValidate } = require('internal/streams/add-abort-signal');
const { isWritable, isNodeStream } = require('internal/streams/utils');

let kResistStopPropagation;

// A mapped value to leave out (filter, forEach), and the end marker of map's result queue.
const SKIP = Symbol('SKIP');
const SOURCE_DONE = Symbol('SOURCE_DONE');

function validateOptions(options) {
  if (options != null) validateObject(options, 'options');
  if (options?.signal != null) validateAbortSignal(options.signal, 'options.signal');
}

function validateFn(fn) {
  if (typeof fn !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('fn', ['Function', 'AsyncFunction'], fn);
  }
}

function compose(stream, options) {
  validateOptions(options);
  if (isNodeStream(stream) && !isWritable(stream)) {
    throw new ERR_INVALID_ARG_VALUE('stream', stream, 'must be writable');
  }
  const composedStream = staticCompose(this, stream);
  if (options?.signal) {
    // Not validating as we already validated before.
    addAbortSignalNoValidate(options.signal, composedStream);
  }
  return composedStream;
}

// map(fn, { concurrency, highWaterMark, signal }): up to `concurrency` calls of fn run at once;
// results are yielded in source order, up to highWaterMark of them queued ahead.
function map(fn, options) {
  validateFn(fn);
  validateOptions(options);

  let concurrency = 1;
  if (options?.concurrency != null) concurrency = Math.floor(options.concurrency);
  let queuedAhead = concurrency - 1;
  if (options?.highWaterMark != null) queuedAhead = Math.floor(options.highWaterMark);
  validateInteger(concurrency, 'options.concurrency', 1);
  validateInteger(queuedAhead, 'options.highWaterMark', 0);

  return mapInSourceOrder(this, fn, options?.signal, concurrency, queuedAhead + concurrency);
}

// Two loops share `pending`, the promises of fn's results in source order: readSource() calls
// fn for each chunk and pauses while too many calls run or too many results wait; the
// generator itself awaits and yields the results front to back. SKIP results are dropped.
async function* mapInSourceOrder(source, fn, userSignal, concurrency, maxPending) {
  const signal = AbortSignal.any([userSignal].filter(Boolean));
  const fnOptions = { signal };
  const pending = [];
  let running = 0; // calls of fn not yet settled
  let stopped = false; // no more calls of fn (source done, a call failed, or consumer left)
  let wakeReader = null;
  let wakeYielder = null;

  const nudgeYielder = () => {
    if (wakeYielder) {
      wakeYielder();
      wakeYielder = null;
    }
  };
  const nudgeReaderIfRoom = () => {
    if (wakeReader && !stopped && running < concurrency && pending.length < maxPending) {
      wakeReader();
      wakeReader = null;
    }
  };
  const callSettled = () => {
    running -= 1;
    nudgeReaderIfRoom();
  };
  const callFailed = () => {
    stopped = true;
    callSettled();
  };
  const track = (promise) => {
    promise.then(callSettled, callFailed);
    pending.push(promise);
  };

  async function readSource() {
    try {
      for await (const chunk of source) {
        if (stopped) return;
        if (signal.aborted) throw new AbortError();

        let result;
        try {
          result = fn(chunk, fnOptions);
          if (result === SKIP) continue;
          result = Promise.resolve(result);
        } catch (err) {
          result = Promise.reject(err);
        }
        running += 1;
        track(result);
        nudgeYielder();

        if (!stopped && (pending.length >= maxPending || running >= concurrency)) {
          await new Promise((resolve) => {
            wakeReader = resolve;
          });
        }
      }
      pending.push(SOURCE_DONE);
    } catch (err) {
      track(Promise.reject(err));
    } finally {
      stopped = true;
      nudgeYielder();
    }
  }

  readSource();

  try {
    for (;;) {
      while (pending.length > 0) {
        const result = await pending[0];
        if (result === SOURCE_DONE) return;
        if (signal.aborted) throw new AbortError();
        if (result !== SKIP) yield result;
        pending.shift();
        nudgeReaderIfRoom();
      }
      await new Promise((resolve) => {
        wakeYielder = resolve;
      });
    }
  } finally {
    stopped = true;
    if (wakeReader) {
      wakeReader();
      wakeReader = null;
    }
  }
}

function asIndexedPairs(options = undefined) {
  validateOptions(options);
  return withIndexes(this, options?.signal);
}

async function* withIndexes(source, signal) {
  let index = 0;
  for await (const chunk of source) {
    // (node passes the options bag as the message here; kept for the same output)
    if (signal?.aborted) throw new AbortError({ cause: signal.reason });
    yield [index++, chunk];
  }
}

// filter(fn) keeps the chunks fn accepts; it is map() with SKIP for the rejected ones.
function filter(fn, options) {
  validateFn(fn);
  const keepIfAccepted = async (chunk, fnOptions) =>
    ((await fn(chunk, fnOptions)) ? chunk : SKIP);
  return map.call(this, keepIfAccepted, options);
}

// some() and find() stop at the first chunk fn accepts; leaving the loop early ends the
// filter (and with it the calls of fn still running).
async function some(fn, options = undefined) {
  for await (const accepted of filter.call(this, fn, options)) { // eslint-disable-line no-unused-vars
    return true;
  }
  return false;
}

async function every(fn, options = undefined) {
  validateFn(fn);
  const rejects = async (...args) => !(await fn(...args));
  return !(await some.call(this, rejects, options));
}

async function find(fn, options) {
  for await (const accepted of filter.call(this, fn, options)) return accepted;
  return undefined;
}

async function forEach(fn, options) {
  validateFn(fn);
  const callAndSkip = async (chunk, fnOptions) => {
    await fn(chunk, fnOptions);
    return SKIP;
  };
  // Nothing is yielded; iterating just drives the calls.
  for await (const nothing of map.call(this, callAndSkip, options)); // eslint-disable-line no-unused-vars
}

// ERR_MISSING_ARGS with reduce's own message (node's class name, visible to inspection).
class ReduceAwareErrMissingArgs extends ERR_MISSING_ARGS {
  constructor() {
    super('reduce');
    this.message = 'Reduce of an empty stream requires an initial value';
  }
}

async function reduce(reducer, initialValue, options) {
  if (typeof reducer !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('reducer', ['Function', 'AsyncFunction'], reducer);
  }
  validateOptions(options);
  const userSignal = options?.signal;

  if (userSignal?.aborted) {
    const err = new AbortError(undefined, { cause: userSignal.reason });
    this.once('error', () => {}); // destroy() below emits it; the caller gets the rejection
    await finished(this.destroy(err));
    throw err;
  }

  // The reducer gets a signal of its own, aborted when reducing ends either way.
  const reducing = new AbortController();
  if (userSignal) {
    kResistStopPropagation ??= require('internal/event_target').kResistStopPropagation;
    userSignal.addEventListener('abort', () => reducing.abort(),
                                { once: true, [kResistStopPropagation]: true });
  }
  let accumulator = initialValue;
  let haveAccumulator = arguments.length > 1;
  let sawChunk = false;
  try {
    for await (const chunk of this) {
      sawChunk = true;
      if (userSignal?.aborted) throw new AbortError();
      if (haveAccumulator) {
        accumulator = await reducer(accumulator, chunk, { signal: reducing.signal });
      } else {
        accumulator = chunk;
        haveAccumulator = true;
      }
    }
    if (!sawChunk && !haveAccumulator) throw new ReduceAwareErrMissingArgs();
  } finally {
    reducing.abort();
  }
  return accumulator;
}

async function toArray(options) {
  validateOptions(options);
  const signal = options?.signal;
  const chunks = [];
  for await (const chunk of this) {
    if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
    chunks.push(chunk);
  }
  return chunks;
}

function flatMap(fn, options) {
  return flatten(map.call(this, fn, options));
}

async function* flatten(iterables) {
  for await (const iterable of iterables) yield* iterable;
}

// drop/take counts: NaN counts as 0, negatives are refused, the rest is used as a number.
function toCount(value) {
  const count = Number(value);
  if (Number.isNaN(count)) return 0;
  if (count < 0) throw new ERR_OUT_OF_RANGE('number', '>= 0', count);
  return count;
}

function throwIfAborted(signal) {
  if (signal?.aborted) throw new AbortError();
}

function drop(number, options = undefined) {
  validateOptions(options);
  return withoutFirst(this, toCount(number), options?.signal);
}

async function* withoutFirst(source, count, signal) {
  throwIfAborted(signal);
  for await (const chunk of source) {
    throwIfAborted(signal);
    if (count-- <= 0) yield chunk;
  }
}

function take(number, options = undefined) {
  validateOptions(options);
  return onlyFirst(this, toCount(number), options?.signal);
}

async function* onlyFirst(source, count, signal) {
  throwIfAborted(signal);
  for await (const chunk of source) {
    throwIfAborted(signal);
    if (count-- > 0) yield chunk;
    // Stop before pulling another chunk once enough were taken.
    if (count <= 0) return;
  }
}

module.exports.streamReturningOperators = {
  asIndexedPairs: deprecate(asIndexedPairs,
                            'readable.asIndexedPairs will be removed in a future version.'),
  drop,
  filter,
  flatMap,
  map,
  take,
  compose,
};

module.exports.promiseReturningOperators = {
  every,
  forEach,
  reduce,
  toArray,
  some,
  find,
};
