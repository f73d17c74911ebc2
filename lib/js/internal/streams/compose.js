'use strict';
// compose(...streams): one Duplex that writes into the first stream and reads from the last,
// with the streams piped together by pipeline().
//
// Design: the stages are checked (each but the last must be readable, each but the first
// writable), pipeline() connects them, and the returned Duplex forwards its writes to the
// head stage and its reads from the tail stage, node or web alike. Callbacks that wait for
// the inner streams are parked in `waiting` until they make progress.

const { pipeline } = require('internal/streams/pipeline');
const Duplex = require('internal/streams/duplex');
const { destroyer: destroyStream } = require('internal/streams/destroy');
const {
  isNodeStream,
  isReadable,
  isWritable,
  isWebStream,
  isTransformStream,
  isWritableStream,
  isReadableStream,
} = require('internal/streams/utils');
const {
  AbortError,
  codes: { ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS },
} = require('internal/errors');
const watchStream = require('internal/streams/end-of-stream');

const canBeReadFrom = (stage) =>
  isReadable(stage) || isReadableStream(stage) || isTransformStream(stage);
const canBeWrittenTo = (stage) =>
  isWritable(stage) || isWritableStream(stage) || isTransformStream(stage);

// Functions in the middle are left to pipeline(); streams must face the right way.
function checkStageDirections(stages, given) {
  const last = stages.length - 1;
  stages.forEach((stage, n) => {
    if (!isNodeStream(stage) && !isWebStream(stage)) return;
    if (n < last && !canBeReadFrom(stage)) {
      throw new ERR_INVALID_ARG_VALUE(`streams[${n}]`, given[n], 'must be readable');
    }
    if (n > 0 && !canBeWrittenTo(stage)) {
      throw new ERR_INVALID_ARG_VALUE(`streams[${n}]`, given[n], 'must be writable');
    }
  });
}

function compose(...streams) {
  if (streams.length === 0) throw new ERR_MISSING_ARGS('streams');
  if (streams.length === 1) return Duplex.from(streams[0]);

  const given = [...streams];
  const last = streams.length - 1;
  // A function at either end becomes a Duplex, so that it can be written to / read from.
  if (typeof streams[0] === 'function') streams[0] = Duplex.from(streams[0]);
  if (typeof streams[last] === 'function') streams[last] = Duplex.from(streams[last]);
  checkStageDirections(streams, given);

  const waiting = { drain: null, finish: null, readable: null };
  const release = (kind) => {
    const callback = waiting[kind];
    waiting[kind] = null;
    if (callback) callback();
  };
  // undefined while the pipeline runs; the destroy callback if destroy came first; null once
  // the pipeline has finished.
  let destroyCallback;
  let duplex;

  const pipelineDone = (err) => {
    const callback = destroyCallback;
    destroyCallback = null;
    if (callback) callback(err);
    else if (err) duplex.destroy(err);
    else if (!readable && !writable) duplex.destroy();
  };

  const head = streams[0];
  const tail = pipeline(streams, pipelineDone);

  const writable = !!canBeWrittenTo(head);
  const readable = !!canBeReadFrom(tail);

  // A Duplex rather than a Transform: backpressure stays with the inner streams.
  duplex = new Duplex({
    writableObjectMode: !!head?.writableObjectMode,
    readableObjectMode: !!tail?.readableObjectMode,
    writable,
    readable,
  });

  if (writable) {
    forwardWritesTo(head, duplex, waiting, release);
    // The Duplex finishes once everything written came out of the tail.
    watchStream(isTransformStream(tail) ? tail.readable : tail, () => release('finish'));
  }
  if (readable) forwardReadsFrom(tail, duplex, waiting, release);

  duplex._destroy = function(err, callback) {
    if (!err && destroyCallback !== null) err = new AbortError();
    waiting.readable = null;
    waiting.drain = null;
    waiting.finish = null;
    if (destroyCallback === null) {
      callback(err);
    } else {
      destroyCallback = callback;
      if (isNodeStream(tail)) destroyStream(tail, err);
    }
  };

  return duplex;
}

function forwardWritesTo(head, duplex, waiting, release) {
  if (isNodeStream(head)) {
    duplex._write = function(chunk, encoding, callback) {
      if (head.write(chunk, encoding)) callback();
      else waiting.drain = callback;
    };
    duplex._final = function(callback) {
      head.end();
      waiting.finish = callback;
    };
    head.on('drain', () => release('drain'));
  } else if (isWebStream(head)) {
    const writer = (isTransformStream(head) ? head.writable : head).getWriter();
    duplex._write = async function(chunk, encoding, callback) {
      try {
        await writer.ready;
        writer.write(chunk).catch(() => {}); // failures surface through writer.ready
        callback();
      } catch (err) {
        callback(err);
      }
    };
    duplex._final = async function(callback) {
      try {
        await writer.ready;
        writer.close().catch(() => {});
        waiting.finish = callback;
      } catch (err) {
        callback(err);
      }
    };
  }
}

function forwardReadsFrom(tail, duplex, waiting, release) {
  if (isNodeStream(tail)) {
    tail.on('readable', () => release('readable'));
    tail.on('end', () => duplex.push(null));
    duplex._read = function() {
      for (;;) {
        const chunk = tail.read();
        if (chunk === null) {
          waiting.readable = duplex._read;
          return;
        }
        if (!duplex.push(chunk)) return;
      }
    };
  } else if (isWebStream(tail)) {
    const reader = (isTransformStream(tail) ? tail.readable : tail).getReader();
    duplex._read = async function() {
      for (;;) {
        try {
          const { value, done } = await reader.read();
          if (!duplex.push(value)) return;
          if (done) {
            duplex.push(null);
            return;
          }
        } catch {
          return; // the pipeline reports the error
        }
      }
    };
  }
}

module.exports = compose;
