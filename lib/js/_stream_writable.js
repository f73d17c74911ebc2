'use strict';
// node:_stream_writable, the pre-node-10 alias of stream.Writable.

module.exports = require('stream').Writable;
