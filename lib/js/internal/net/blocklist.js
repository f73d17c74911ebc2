'use strict';
// net.BlockList: rules (single addresses, ranges, subnets) over IPv4 and IPv6, checked in JS.
// Addresses are compared as BigInts; an IPv4 address also matches IPv6 rules through its
// ::ffff:a.b.c.d mapping, and the other way round.

const { isIPv4, isIPv6 } = require('internal/net/ip');
const { SocketAddress } = require('internal/net/socketaddress');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const { validateInt32, validateString } = require('internal/validators');

const kBlockList = Symbol('kBlockList');

function v4ToBig(address) {
  const parts = address.split('.');
  let n = 0n;
  for (const p of parts) n = (n << 8n) | BigInt(Number(p));
  return n;
}

function v6ToBig(address) {
  let text = address;
  const zone = text.indexOf('%');
  if (zone !== -1) text = text.slice(0, zone);
  let tail = [];
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    const v4 = v4ToBig(text.slice(lastColon + 1));
    tail = [Number(v4 >> 16n), Number(v4 & 0xffffn)];
    text = text.slice(0, lastColon + 1) + (text.endsWith('::') ? '' : '0');
    text = text.slice(0, lastColon + 1);
    if (text.endsWith('::')) text += '';
    else text = text.slice(0, -1);
  }
  let groups;
  const dbl = text.indexOf('::');
  if (dbl !== -1) {
    const head = text.slice(0, dbl) ? text.slice(0, dbl).split(':') : [];
    const rest = text.slice(dbl + 2) ? text.slice(dbl + 2).split(':') : [];
    const fill = 8 - tail.length - head.length - rest.length;
    groups = [...head, ...new Array(fill).fill('0'), ...rest];
  } else {
    groups = text ? text.split(':') : [];
  }
  let n = 0n;
  for (const g of groups) n = (n << 16n) | BigInt(parseInt(g, 16));
  for (const t of tail) n = (n << 16n) | BigInt(t);
  return n;
}

const kMappedPrefix = 0xffffn << 32n;

// [value as IPv6 BigInt, isV4]
function toKey(address, family) {
  if (family === 'ipv4') return v4ToBig(address) | kMappedPrefix;
  return v6ToBig(address);
}

function normalizeFamily(family, name) {
  validateString(family, name);
  const f = family.toLowerCase();
  if (f !== 'ipv4' && f !== 'ipv6') throw new ERR_INVALID_ARG_VALUE(name, family);
  return f;
}

function toAddress(address, family, name) {
  if (SocketAddress.isSocketAddress(address)) {
    return { address: address.address, family: address.family };
  }
  validateString(address, name);
  const f = normalizeFamily(family, 'family');
  if (f === 'ipv4' ? !isIPv4(address) : !isIPv6(address)) {
    throw new ERR_INVALID_ARG_VALUE(name, address);
  }
  return { address, family: f };
}

function label(family) {
  return family === 'ipv4' ? 'IPv4' : 'IPv6';
}

class BlockList {
  constructor() {
    this[kBlockList] = [];
  }

  addAddress(address, family = 'ipv4') {
    const a = toAddress(address, family, 'address');
    const key = toKey(a.address, a.family);
    this[kBlockList].unshift({ text: `Address: ${label(a.family)} ${a.address}`,
                               match: (k) => k === key });
  }

  addRange(start, end, family = 'ipv4') {
    const s = toAddress(start, family, 'start');
    const e = toAddress(end, family, 'end');
    const lo = toKey(s.address, s.family);
    const hi = toKey(e.address, e.family);
    if (lo > hi) throw new ERR_INVALID_ARG_VALUE('start', start, 'must come before end');
    this[kBlockList].unshift({ text: `Range: ${label(s.family)} ${s.address}-${e.address}`,
                               match: (k) => k >= lo && k <= hi });
  }

  addSubnet(network, prefix, family = 'ipv4') {
    const n = toAddress(network, family, 'network');
    const max = n.family === 'ipv4' ? 32 : 128;
    validateInt32(prefix, 'prefix', 0, max);
    const bits = BigInt((n.family === 'ipv4' ? 96 : 0) + prefix);
    const shift = 128n - bits;
    const base = toKey(n.address, n.family) >> shift;
    this[kBlockList].unshift({ text: `Subnet: ${label(n.family)} ${n.address}/${prefix}`,
                               match: (k) => (k >> shift) === base });
  }

  check(address, family = 'ipv4') {
    let a;
    try {
      a = toAddress(address, family, 'address');
    } catch (err) {
      if (SocketAddress.isSocketAddress(address) || typeof address !== 'string') throw err;
      normalizeFamily(family, 'family');
      return false;
    }
    const key = toKey(a.address, a.family);
    return this[kBlockList].some((rule) => rule.match(key));
  }

  get rules() {
    return this[kBlockList].map((rule) => rule.text);
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `BlockList ${inspect({ rules: this.rules }, opts)}`;
  }
}

module.exports = { BlockList };
