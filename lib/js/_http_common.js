'use strict';
// node:_http_common — the parser and header helpers node exposes under this legacy name.

const {
  CRLF, HTTPParser, methods, freeParser, chunkExpression, continueExpression,
  checkIsHttpToken, checkInvalidHeaderChar, kIncomingMessage, prepareError, isLenient, parsers,
} = require('internal/http/common');

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
