'use strict';
// node:inspector/promises is not implemented yet: every export throws ERR_NOT_IMPLEMENTED when used.

module.exports = require('internal/not_implemented').stubModule('inspector/promises');
