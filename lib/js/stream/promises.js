'use strict';
// node:stream/promises: pipeline() and finished() returning promises. A last argument that is a
// plain options object ({ signal, end }) configures pipeline.

const {
  isIterable,
  isNodeStream,
  isWebStream,
} = require('internal/streams/utils');
const { pipelineImpl: pl } = require('internal/streams/pipeline');
const { finished } = require('internal/streams/end-of-stream');
require('stream');

function pipeline(...streams) {
  return new Promise((resolve, reject) => {
    let signal;
    let end;
    const lastArg = streams[streams.length - 1];
    if (lastArg && typeof lastArg === 'object' &&
        !isNodeStream(lastArg) &&
        !isIterable(lastArg) &&
        !isWebStream(lastArg)) {
      const options = streams.pop();
      signal = options.signal;
      end = options.end;
    }

    pl(streams, (err, value) => {
      if (err) reject(err);
      else resolve(value);
    }, { signal, end });
  });
}

module.exports = {
  finished,
  pipeline,
};
