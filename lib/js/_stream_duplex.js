'use strict';
// node:_stream_duplex, the pre-node-10 alias of stream.Duplex.

module.exports = require('stream').Duplex;
