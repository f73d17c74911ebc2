'use strict';
// compose(...streams): one Duplex that writes into the first stream and reads from the last,
// with the streams piped together by pipeline().
//
// Design: the stages are checked (each but the last must be readable, each but the first
// writable), pipeline() connects them, and the returned Duplex forwards its writes to the
// head stage and its reads from the tail stage, node or web alike (an InnerRelay for node
// streams).

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
const { ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS } = require('internal/errors').codes;
const { InnerRelay } = require('internal/streams/inner-relay');
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

  let relay;
  const pipelineDone = (err) => {
    if (!relay.innerDone(err) && !readable && !writable) relay.duplex.destroy();
  };

  const head = streams[0];
  const tail = pipeline(streams, pipelineDone);

  const writable = !!canBeWrittenTo(head);
  const readable = !!canBeReadFrom(tail);

  const duplex = new Duplex({
    writableObjectMode: !!head?.writableObjectMode,
    readableObjectMode: !!tail?.readableObjectMode,
    writable,
    readable,
  });
  relay = new InnerRelay(duplex);

  if (writable) {
    if (isNodeStream(head)) relay.writeTo(head);
    else if (isWebStream(head)) writeToWebStream(head, duplex, relay.waiting);
    // The Duplex finishes once everything written came out of the tail.
    watchStream(isTransformStream(tail) ? tail.readable : tail, () => relay.release('finish'));
  }
  if (readable) {
    if (isNodeStream(tail)) relay.readFrom(tail);
    else if (isWebStream(tail)) readFromWebStream(tail, duplex);
  }

  relay.onDestroy((err) => {
    if (isNodeStream(tail)) destroyStream(tail, err);
  });

  return duplex;
}

function writeToWebStream(head, duplex, waiting) {
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

function readFromWebStream(tail, duplex) {
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

module.exports = compose;
