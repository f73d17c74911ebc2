'use strict';
// node:stream/web is not implemented yet: every export throws ERR_NOT_IMPLEMENTED when used.

module.exports = require('internal/not_implemented').stubModule('stream/web');
