'use strict';
// node:_stream_readable, the pre-node-10 alias of stream.Readable.

module.exports = require('stream').Readable;
