'use strict';
// node:_http_common — the parser and header helpers node exposes under this legacy name.

const {
  CRLF, HTTPParser, methods, allocParser, freeParser, chunkExpression, continueExpression,
  checkIsHttpToken, checkInvalidHeaderChar, kIncomingMessage, prepareError, isLenient,
} = require('internal/http/common');

const parsers = {
  name: 'parsers',
  alloc: allocParser,
  free(parser) { freeParser(parser); },
};

module.exports = {
  _checkInvalidHeaderChar: checkInvalidHeaderChar,
  _checkIsHttpToken: checkIsHttpToken,
  chunkExpression,
  continueExpression,
  CRLF,
  freeParser,
  methods,
  parsers,
  kIncomingMessage,
  HTTPParser,
  isLenient,
  prepareError,
};
