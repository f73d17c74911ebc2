'use strict';
// node:v8 is not implemented yet: every export throws ERR_NOT_IMPLEMENTED when used.

module.exports = require('internal/not_implemented').stubModule('v8');
