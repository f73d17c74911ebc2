'use strict';
// node:tty. isatty is real; ReadStream/WriteStream arrive with node:net's stream handles.

const { isTTY } = internalBinding('tty_wrap');
const { notImplemented } = require('internal/not_implemented');

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && isTTY(fd);
}

function ReadStream() {
  throw notImplemented('tty.ReadStream');
}

function WriteStream() {
  throw notImplemented('tty.WriteStream');
}

module.exports = { isatty, ReadStream, WriteStream };
