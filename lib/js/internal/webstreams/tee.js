'use strict';
// ReadableStream.prototype.tee(): ReadableStreamDefaultTee for default streams and
// ReadableByteStreamTee (two byte-stream branches; BYOB reads on a branch become BYOB reads on
// the source) for byte streams.

const {
  kState,
  createDeferred,
  cloneAsUint8Array,
  PromiseThen,
} = require('internal/webstreams/util');
const {
  isDefaultReader,
  readableStreamCancel,
  readableStreamDefaultReaderRead,
  readableStreamDefaultReaderRelease,
  readableStreamBYOBReaderRelease,
} = require('internal/webstreams/readable_ops');
const bytes = require('internal/webstreams/readablebytestream');
const rs = require('internal/webstreams/readablestream');

function readableStreamTee(stream) {
  if (bytes.isByteController(stream[kState].controller)) return readableByteStreamTee(stream);
  return readableStreamDefaultTee(stream);
}

// Both branches cancel the source only once both were cancelled, with [reason1, reason2].
function makeCancelState(stream) {
  const cancelled = createDeferred();
  const state = {
    canceled1: false,
    canceled2: false,
    reason1: undefined,
    reason2: undefined,
    promise: cancelled.promise,
    resolve: cancelled.resolve,
    cancel(branch, reason) {
      if (branch === 1) {
        state.canceled1 = true;
        state.reason1 = reason;
        if (state.canceled2) state.resolve(readableStreamCancel(stream, [reason, state.reason2]));
      } else {
        state.canceled2 = true;
        state.reason2 = reason;
        if (state.canceled1) state.resolve(readableStreamCancel(stream, [state.reason1, reason]));
      }
      return state.promise;
    },
  };
  return state;
}

function readableStreamDefaultTee(stream) {
  const reader = rs.acquireReadableStreamDefaultReader(stream);
  const cancel = makeCancelState(stream);
  let reading = false;
  let readAgain = false;
  let branch1;
  let branch2;

  function pullAlgorithm() {
    if (reading) {
      readAgain = true;
      return Promise.resolve();
    }
    reading = true;
    readableStreamDefaultReaderRead(reader, {
      chunk(chunk) {
        // A microtask later, so that a read error that arrives together wins the race.
        queueMicrotask(() => {
          readAgain = false;
          if (!cancel.canceled1) rs.defaultControllerEnqueue(branch1[kState].controller, chunk);
          if (!cancel.canceled2) rs.defaultControllerEnqueue(branch2[kState].controller, chunk);
          reading = false;
          if (readAgain) pullAlgorithm();
        });
      },
      close() {
        reading = false;
        if (!cancel.canceled1) rs.defaultControllerClose(branch1[kState].controller);
        if (!cancel.canceled2) rs.defaultControllerClose(branch2[kState].controller);
        if (!cancel.canceled1 || !cancel.canceled2) cancel.resolve(undefined);
      },
      error() {
        reading = false;
      },
    });
    return Promise.resolve();
  }

  const start = () => undefined;
  branch1 = rs.createReadableStream(start, pullAlgorithm, (reason) => cancel.cancel(1, reason));
  branch2 = rs.createReadableStream(start, pullAlgorithm, (reason) => cancel.cancel(2, reason));

  PromiseThen(reader[kState].closed.promise, undefined, (error) => {
    rs.defaultControllerError(branch1[kState].controller, error);
    rs.defaultControllerError(branch2[kState].controller, error);
    if (!cancel.canceled1 || !cancel.canceled2) cancel.resolve(undefined);
  });
  return [branch1, branch2];
}

function readableByteStreamTee(stream) {
  let reader = rs.acquireReadableStreamDefaultReader(stream);
  const cancel = makeCancelState(stream);
  let reading = false;
  let readAgainForBranch1 = false;
  let readAgainForBranch2 = false;
  let branch1;
  let branch2;
  const controllerOf = (branch) => branch[kState].controller;

  function errorBoth(error) {
    bytes.byteControllerError(controllerOf(branch1), error);
    bytes.byteControllerError(controllerOf(branch2), error);
  }

  function forwardReaderError(thisReader) {
    PromiseThen(thisReader[kState].closed.promise, undefined, (error) => {
      if (thisReader !== reader) return;
      errorBoth(error);
      if (!cancel.canceled1 || !cancel.canceled2) cancel.resolve(undefined);
    });
  }

  function afterChunk() {
    reading = false;
    if (readAgainForBranch1) pull1Algorithm();
    else if (readAgainForBranch2) pull2Algorithm();
  }

  function pullWithDefaultReader() {
    if (!isDefaultReader(reader)) {
      readableStreamBYOBReaderRelease(reader);
      reader = rs.acquireReadableStreamDefaultReader(stream);
      forwardReaderError(reader);
    }
    readableStreamDefaultReaderRead(reader, {
      chunk(chunk) {
        queueMicrotask(() => {
          readAgainForBranch1 = false;
          readAgainForBranch2 = false;
          const chunk1 = chunk;
          let chunk2 = chunk;
          if (!cancel.canceled1 && !cancel.canceled2) {
            try {
              chunk2 = cloneAsUint8Array(chunk);
            } catch (error) {
              errorBoth(error);
              cancel.resolve(readableStreamCancel(stream, error));
              return;
            }
          }
          if (!cancel.canceled1) bytes.byteControllerEnqueue(controllerOf(branch1), chunk1);
          if (!cancel.canceled2) bytes.byteControllerEnqueue(controllerOf(branch2), chunk2);
          afterChunk();
        });
      },
      close() {
        reading = false;
        if (!cancel.canceled1) bytes.byteControllerClose(controllerOf(branch1));
        if (!cancel.canceled2) bytes.byteControllerClose(controllerOf(branch2));
        if (controllerOf(branch1)[kState].pendingPullIntos.length > 0) {
          bytes.byteControllerRespond(controllerOf(branch1), 0);
        }
        if (controllerOf(branch2)[kState].pendingPullIntos.length > 0) {
          bytes.byteControllerRespond(controllerOf(branch2), 0);
        }
        if (!cancel.canceled1 || !cancel.canceled2) cancel.resolve(undefined);
      },
      error() {
        reading = false;
      },
    });
  }

  function pullWithBYOBReader(view, forBranch2) {
    if (isDefaultReader(reader)) {
      readableStreamDefaultReaderRelease(reader);
      reader = rs.acquireReadableStreamBYOBReader(stream);
      forwardReaderError(reader);
    }
    const byobBranch = forBranch2 ? branch2 : branch1;
    const otherBranch = forBranch2 ? branch1 : branch2;
    const canceled = () => [forBranch2 ? cancel.canceled2 : cancel.canceled1,
                            forBranch2 ? cancel.canceled1 : cancel.canceled2];
    bytes.readableStreamBYOBReaderRead(reader, view, 1, {
      chunk(chunk) {
        queueMicrotask(() => {
          readAgainForBranch1 = false;
          readAgainForBranch2 = false;
          const [byobCanceled, otherCanceled] = canceled();
          if (!otherCanceled) {
            let clone;
            try {
              clone = cloneAsUint8Array(chunk);
            } catch (error) {
              errorBoth(error);
              cancel.resolve(readableStreamCancel(stream, error));
              return;
            }
            if (!byobCanceled) bytes.byteControllerRespondWithNewView(controllerOf(byobBranch), chunk);
            bytes.byteControllerEnqueue(controllerOf(otherBranch), clone);
          } else if (!byobCanceled) {
            bytes.byteControllerRespondWithNewView(controllerOf(byobBranch), chunk);
          }
          afterChunk();
        });
      },
      close(chunk) {
        reading = false;
        const [byobCanceled, otherCanceled] = canceled();
        if (!byobCanceled) bytes.byteControllerClose(controllerOf(byobBranch));
        if (!otherCanceled) bytes.byteControllerClose(controllerOf(otherBranch));
        if (chunk !== undefined) {
          if (!byobCanceled) bytes.byteControllerRespondWithNewView(controllerOf(byobBranch), chunk);
          if (!otherCanceled && controllerOf(otherBranch)[kState].pendingPullIntos.length > 0) {
            bytes.byteControllerRespond(controllerOf(otherBranch), 0);
          }
        }
        if (!byobCanceled || !otherCanceled) cancel.resolve(undefined);
      },
      error() {
        reading = false;
      },
    });
  }

  function pull1Algorithm() {
    if (reading) {
      readAgainForBranch1 = true;
      return Promise.resolve();
    }
    reading = true;
    const request = bytes.byteControllerGetBYOBRequest(controllerOf(branch1));
    if (request === null) pullWithDefaultReader();
    else pullWithBYOBReader(request[kState].view, false);
    return Promise.resolve();
  }

  function pull2Algorithm() {
    if (reading) {
      readAgainForBranch2 = true;
      return Promise.resolve();
    }
    reading = true;
    const request = bytes.byteControllerGetBYOBRequest(controllerOf(branch2));
    if (request === null) pullWithDefaultReader();
    else pullWithBYOBReader(request[kState].view, true);
    return Promise.resolve();
  }

  const start = () => undefined;
  branch1 = rs.createReadableByteStream(start, pull1Algorithm, (reason) => cancel.cancel(1, reason));
  branch2 = rs.createReadableByteStream(start, pull2Algorithm, (reason) => cancel.cancel(2, reason));
  forwardReaderError(reader);
  return [branch1, branch2];
}

module.exports = { readableStreamTee };
