'use strict';
// duplexPair([options]): two Duplex streams connected to each other, what one side writes the
// other reads.

const Duplex = require('internal/streams/duplex');
const { ERR_INTERNAL_ASSERTION } = require('internal/errors').codes;

const kCallback = Symbol('Callback');
const kInitOtherSide = Symbol('InitOtherSide');

function check(value) {
  if (!value) throw new ERR_INTERNAL_ASSERTION();
}

class DuplexSide extends Duplex {
  #otherSide = null;

  constructor(options) {
    super(options);
    this[kCallback] = null;
    this.#otherSide = null;
  }

  [kInitOtherSide](otherSide) {
    check(this.#otherSide === null);
    this.#otherSide = otherSide;
  }

  _read() {
    const callback = this[kCallback];
    if (callback) {
      this[kCallback] = null;
      callback();
    }
  }

  _write(chunk, encoding, callback) {
    check(this.#otherSide !== null);
    check(this.#otherSide[kCallback] === null);
    if (chunk.length === 0) {
      process.nextTick(callback);
    } else {
      // The write completes when the other side's reader asks for more.
      this.#otherSide.push(chunk);
      this.#otherSide[kCallback] = callback;
    }
  }

  _final(callback) {
    this.#otherSide.on('end', callback);
    this.#otherSide.push(null);
  }
}

function duplexPair(options) {
  const side0 = new DuplexSide(options);
  const side1 = new DuplexSide(options);
  side0[kInitOtherSide](side1);
  side1[kInitOtherSide](side0);
  return [side0, side1];
}

module.exports = duplexPair;
