'use strict';
// Whole-buffer decompression for the convenience functions (inflateSync, gunzip(buf, cb), ...).
// When an engine runs with zlib's defaults, its entire input is decompressed by one native call
// (src/bindings/zlib_whole_buffer.cc; on the thread pool for the callback forms) instead of one
// engine step per output chunk. The native side declines whatever it cannot answer exactly as
// zlib would (corrupt or truncated input, unusual headers, output over maxOutputLength): the
// caller then runs the engine, which produces zlib's own result or error.

const { inflateWhole, inflateWholeAsync } = internalBinding('zlib');
const { Buffer } = require('buffer');

// The Buffer zlib would produce from view, or undefined when the engine must run.
function inflateWholeSync(mode, view, maxOutputLength) {
  const out = inflateWhole(mode, view, maxOutputLength);
  return out === undefined ? undefined : Buffer.from(out);
}

// callback(Buffer) or callback(undefined) (the engine must run), from a later loop turn.
function inflateWholeThen(mode, view, maxOutputLength, callback) {
  inflateWholeAsync(mode, view, maxOutputLength, (out) => {
    callback(out === undefined ? undefined : Buffer.from(out));
  });
}

module.exports = { inflateWholeSync, inflateWholeThen };
