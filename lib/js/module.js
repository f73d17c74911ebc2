'use strict';
// node:module: the CommonJS Module class and its helpers.

const { Module } = require('internal/modules/cjs/loader');

module.exports = Module;
