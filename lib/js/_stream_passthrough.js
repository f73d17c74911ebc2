'use strict';
// node:_stream_passthrough, the pre-node-10 alias of stream.PassThrough.

module.exports = require('stream').PassThrough;
