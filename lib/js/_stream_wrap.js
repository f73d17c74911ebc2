'use strict';
// node:_stream_wrap is not implemented yet: every export throws ERR_NOT_IMPLEMENTED when used.

module.exports = require('internal/not_implemented').stubModule('_stream_wrap');
