'use strict';
// `for await (const chunk of readable)` and readable.iterator({ destroyOnReturn }).
//
// The iterator consumes in paused mode: it drains what read() gives, then sleeps until the
// stream says 'readable' or finishes (end-of-stream reports the end or the error). Leaving the
// loop early (break, return, throw) destroys the stream, unless destroyOnReturn is false and
// the stream did not fail.

const { aggregateTwoErrors } = require('internal/errors');
const eos = require('internal/streams/end-of-stream');
const { destroyer } = require('internal/streams/destroy');

let Readable;

function iterateReadable(stream, options) {
  if (typeof stream.read !== 'function') {
    // An old-style stream: wrap it first.
    Readable ??= require('internal/streams/readable');
    stream = Readable.wrap(stream, { objectMode: true });
  }
  const iterator = chunksOf(stream, options);
  iterator.stream = stream;
  return iterator;
}

async function* chunksOf(stream, options) {
  // The consumer parked in `await`, if any; woken by 'readable' or by the stream finishing.
  let wakeConsumer = null;
  function wake() {
    if (wakeConsumer !== null) {
      const resolve = wakeConsumer;
      wakeConsumer = null;
      resolve();
    }
  }
  function waitForData(resolve) {
    wakeConsumer = resolve;
  }

  stream.on('readable', wake);

  // undefined while running, null once finished cleanly, the error otherwise.
  let failure;
  const stopWatching = eos(stream, { writable: false }, (err) => {
    failure = err ? aggregateTwoErrors(failure, err) : null;
    wake();
  });

  try {
    for (;;) {
      const chunk = stream.destroyed ? null : stream.read();
      if (chunk !== null) {
        yield chunk;
      } else if (failure) {
        throw failure;
      } else if (failure === null) {
        return;
      } else {
        await new Promise(waitForData);
      }
    }
  } catch (err) {
    failure = aggregateTwoErrors(failure, err);
    throw failure;
  } finally {
    const keepStream = !failure && options?.destroyOnReturn === false;
    if (!keepStream && (failure === undefined || stream._readableState.autoDestroy)) {
      destroyer(stream, null);
    } else {
      stream.off('readable', wake);
      stopWatching();
    }
  }
}

module.exports = { iterateReadable };
