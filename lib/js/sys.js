'use strict';
// node:sys is a deprecated alias of node:util.

module.exports = require('util');
