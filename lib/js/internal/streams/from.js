'use strict';
// Readable.from(iterable[, options]): a Readable (objectMode by default) over a sync or async
// iterable. Strings and Buffers are pushed whole, not iterated character by character.
// Destroying the readable calls the iterator's return() (or throw(err)).

const { Buffer } = require('buffer');
const {
  ERR_INVALID_ARG_TYPE,
  ERR_STREAM_NULL_VALUES,
} = require('internal/errors').codes;

// Strings and Buffers are one chunk.
function fromSingleChunk(Readable, chunk, opts) {
  return new Readable({
    objectMode: true,
    ...opts,
    read() {
      this.push(chunk);
      this.push(null);
    },
  });
}

function iteratorOf(iterable) {
  if (iterable && iterable[Symbol.asyncIterator]) {
    return { iterator: iterable[Symbol.asyncIterator](), isAsync: true };
  }
  if (iterable && iterable[Symbol.iterator]) {
    return { iterator: iterable[Symbol.iterator](), isAsync: false };
  }
  throw new ERR_INVALID_ARG_TYPE('iterable', ['Iterable'], iterable);
}

// Lets the iterator clean up: throw(error) first when destroyed with an error, then return().
async function finishIterator(iterator, error) {
  if (error !== undefined && error !== null && typeof iterator.throw === 'function') {
    const { value, done } = await iterator.throw(error);
    await value;
    if (done) return;
  }
  if (typeof iterator.return === 'function') {
    const { value } = await iterator.return();
    await value;
  }
}

function from(Readable, iterable, opts) {
  if (typeof iterable === 'string' || iterable instanceof Buffer) {
    return fromSingleChunk(Readable, iterable, opts);
  }
  const { iterator, isAsync } = iteratorOf(iterable);

  const readable = new Readable({
    objectMode: true,
    highWaterMark: 1,
    ...opts,
  });

  // Only one pull loop runs at a time; it stops when the buffer is full and _read restarts it.
  let pulling = false;

  // Pulls values until push() says the buffer is full, the iterator is done, or it fails.
  async function pullUntilFull() {
    try {
      for (;;) {
        const { value, done } = isAsync ? await iterator.next() : iterator.next();
        if (done) {
          readable.push(null);
          return;
        }
        const chunk = (value && typeof value.then === 'function') ? await value : value;
        if (chunk === null) {
          pulling = false;
          throw new ERR_STREAM_NULL_VALUES();
        }
        if (!readable.push(chunk)) {
          pulling = false;
          return;
        }
      }
    } catch (err) {
      readable.destroy(err);
    }
  }

  readable._read = function() {
    if (!pulling) {
      pulling = true;
      pullUntilFull();
    }
  };

  readable._destroy = function(error, cb) {
    finishIterator(iterator, error).then(
      () => process.nextTick(cb, error),
      (e) => process.nextTick(cb, e || error),
    );
  };

  return readable;
}

module.exports = from;
