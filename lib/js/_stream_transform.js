'use strict';
// node:_stream_transform, the pre-node-10 alias of stream.Transform.

module.exports = require('stream').Transform;
