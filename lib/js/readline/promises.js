'use strict';
// node:readline/promises is not implemented yet: every export throws ERR_NOT_IMPLEMENTED when used.

module.exports = require('internal/not_implemented').stubModule('readline/promises');
