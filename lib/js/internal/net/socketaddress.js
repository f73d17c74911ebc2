'use strict';
// net.SocketAddress: an immutable (address, port, family, flowlabel) value.

const { isIPv4, isIPv6 } = require('internal/net/ip');
const errors = require('internal/errors');
if (errors.codes.ERR_INVALID_ADDRESS === undefined) {
  errors.E('ERR_INVALID_ADDRESS', 'Invalid socket address', TypeError);
}
const { ERR_INVALID_ADDRESS, ERR_INVALID_ARG_TYPE } = errors.codes;
const {
  validateObject, validatePort, validateString, validateUint32,
} = require('internal/validators');

const kAddress = Symbol('kAddress');
const kSocketAddress = Symbol('kSocketAddress');

class SocketAddress {
  static isSocketAddress(value) {
    return value?.[kSocketAddress] === true;
  }

  constructor(options = {}) {
    validateObject(options, 'options');
    let { family = 'ipv4' } = options;
    const {
      address = (family === 'ipv4' ? '127.0.0.1' : '::'),
      port = 0,
      flowlabel = 0,
    } = options;
    if (typeof family?.toLowerCase === 'function') family = family.toLowerCase();
    if (family !== 'ipv4' && family !== 'ipv6') {
      throw new ERR_INVALID_ARG_TYPE('options.family', ['ipv4', 'ipv6'], family);
    }
    validateString(address, 'options.address');
    validatePort(port, 'options.port');
    validateUint32(flowlabel, 'options.flowlabel', false);
    if (family === 'ipv4' ? !isIPv4(address) : !isIPv6(address)) {
      throw new ERR_INVALID_ADDRESS();
    }
    this[kAddress] = { address, port: port | 0, family, flowlabel: family === 'ipv6' ? flowlabel : 0 };
    this[kSocketAddress] = true;
  }

  get address() { return this[kAddress].address; }
  get port() { return this[kAddress].port; }
  get family() { return this[kAddress].family; }
  get flowlabel() { return this[kAddress].flowlabel; }

  toJSON() {
    return { address: this.address, port: this.port, family: this.family,
             flowlabel: this.flowlabel };
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `SocketAddress ${inspect(this.toJSON(), opts)}`;
  }
}

module.exports = { SocketAddress, kSocketAddress };
