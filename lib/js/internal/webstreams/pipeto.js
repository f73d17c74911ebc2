'use strict';
// ReadableStreamPipeTo: read from the source while the destination writer is ready, write
// each chunk, and on close, error, destination close or abort signal shut down as the spec
// says (waiting for writes already started), then release both locks.

const { codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_STATE } } = require('internal/errors');
const {
  kState,
  createDeferred,
  setPromiseHandled,
  noop,
  PromiseThen,
} = require('internal/webstreams/util');
const {
  readableStreamCancel,
  readableStreamDefaultReaderRead,
  readableStreamDefaultReaderRelease,
} = require('internal/webstreams/readable_ops');
const ws = require('internal/webstreams/writablestream');

let AbortSignalClass;
function isAbortSignal(value) {
  AbortSignalClass ??= require('internal/abort_controller').AbortSignal;
  return value instanceof AbortSignalClass;
}

// StreamPipeOptions, read in the dictionary's (alphabetical) member order.
function pipeOptions(options) {
  if (options != null && typeof options !== 'object' && typeof options !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
  }
  const preventAbort = !!options?.preventAbort;
  const preventCancel = !!options?.preventCancel;
  const preventClose = !!options?.preventClose;
  const signal = options?.signal;
  if (signal !== undefined && !isAbortSignal(signal)) {
    throw new ERR_INVALID_ARG_TYPE('options.signal', 'AbortSignal', signal);
  }
  return { preventAbort, preventCancel, preventClose, signal };
}

function readableStreamPipeTo(source, dest, preventClose, preventAbort, preventCancel, signal) {
  const { acquireReadableStreamDefaultReader } = require('internal/webstreams/readablestream');
  const reader = acquireReadableStreamDefaultReader(source);
  const writer = ws.acquireWritableStreamDefaultWriter(dest);
  source[kState].disturbed = true;
  const result = createDeferred();
  let shuttingDown = false;
  let currentWrite = Promise.resolve();
  let abortListener;

  const destState = () => dest[kState].state;
  const sourceState = () => source[kState].state;

  function finalize(isError, error) {
    ws.writableStreamDefaultWriterRelease(writer);
    readableStreamDefaultReaderRelease(reader);
    if (abortListener !== undefined) signal.removeEventListener('abort', abortListener);
    if (isError) result.reject(error);
    else result.resolve(undefined);
  }

  // Waits until the last write started has settled, including writes started meanwhile.
  function waitForWrites() {
    const last = currentWrite;
    return PromiseThen(last, () => (last === currentWrite ? undefined : waitForWrites()));
  }

  function afterPendingWrites(then) {
    if (destState() === 'writable' && !ws.writableStreamCloseQueuedOrInFlight(dest)) {
      PromiseThen(waitForWrites(), then);
    } else {
      then();
    }
  }

  function shutdownWithAction(action, originalIsError, originalError) {
    if (shuttingDown) return;
    shuttingDown = true;
    afterPendingWrites(() => {
      let promise;
      try {
        promise = Promise.resolve(action());
      } catch (error) {
        promise = Promise.reject(error);
      }
      PromiseThen(promise, () => finalize(originalIsError, originalError),
                   (newError) => finalize(true, newError));
    });
  }

  function shutdown(isError, error) {
    if (shuttingDown) return;
    shuttingDown = true;
    afterPendingWrites(() => finalize(isError, error));
  }

  if (signal !== undefined) {
    abortListener = () => {
      const error = signal.reason;
      const actions = [];
      if (!preventAbort) {
        actions.push(() => (destState() === 'writable' ? ws.writableStreamAbort(dest, error) : undefined));
      }
      if (!preventCancel) {
        actions.push(() => (sourceState() === 'readable' ? readableStreamCancel(source, error) : undefined));
      }
      shutdownWithAction(() => Promise.all(actions.map((action) => action())), true, error);
    };
    if (signal.aborted) {
      abortListener();
      abortListener = undefined;
      return result.promise;
    }
    signal.addEventListener('abort', abortListener, { once: true });
  }

  // Errors must propagate forward: source errored.
  const onSourceErrored = (error) => {
    if (!preventAbort) shutdownWithAction(() => ws.writableStreamAbort(dest, error), true, error);
    else shutdown(true, error);
  };
  // Errors must propagate backward: destination errored.
  const onDestErrored = (error) => {
    if (!preventCancel) shutdownWithAction(() => readableStreamCancel(source, error), true, error);
    else shutdown(true, error);
  };
  // Closing must propagate forward.
  const onSourceClosed = () => {
    if (!preventClose) {
      shutdownWithAction(() => ws.writableStreamDefaultWriterCloseWithErrorPropagation(writer));
    } else {
      shutdown();
    }
  };

  if (sourceState() === 'errored') onSourceErrored(source[kState].storedError);
  else PromiseThen(reader[kState].closed.promise, undefined, onSourceErrored);

  if (destState() === 'errored') onDestErrored(dest[kState].storedError);
  else PromiseThen(writer[kState].closed.promise, undefined, onDestErrored);

  if (sourceState() === 'closed') onSourceClosed();
  else PromiseThen(reader[kState].closed.promise, onSourceClosed, noop);

  // Closing must propagate backward.
  if (ws.writableStreamCloseQueuedOrInFlight(dest) || destState() === 'closed') {
    const destClosed = new ERR_INVALID_STATE.TypeError('Destination WritableStream is closed');
    if (!preventCancel) shutdownWithAction(() => readableStreamCancel(source, destClosed), true, destClosed);
    else shutdown(true, destClosed);
  }

  function pipeStep() {
    if (shuttingDown) return Promise.resolve(true);
    return PromiseThen(writer[kState].ready.promise, () => {
      if (shuttingDown) return true;
      const step = createDeferred();
      readableStreamDefaultReaderRead(reader, {
        chunk(chunk) {
          currentWrite = ws.writableStreamDefaultWriterWrite(writer, chunk);
          setPromiseHandled(currentWrite);
          currentWrite = PromiseThen(currentWrite, noop, noop);
          step.resolve(false);
        },
        close: () => step.resolve(true),
        error: step.reject,
      });
      return step.promise;
    });
  }

  function pipeLoop() {
    PromiseThen(pipeStep(), (done) => {
      if (!done) pipeLoop();
    }, noop);
  }
  pipeLoop();

  return result.promise;
}

module.exports = { pipeOptions, readableStreamPipeTo };
