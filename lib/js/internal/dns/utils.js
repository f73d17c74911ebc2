'use strict';
// What node:dns's callback and promise Resolvers share: the c-ares channel handle and its
// options, server list parsing and formatting, setLocalAddress, the default resolver that the
// module-level functions are bound to, and the query-name conversion (IDNA to ASCII).

const { ChannelWrap, strerror, ESETSRVPENDING } = internalBinding('cares_wrap');
const { domainToASCII } = internalBinding('url');
const { isIP } = require('internal/net/ip');
const {
  codes: { ERR_DNS_SET_SERVERS_FAILED, ERR_INVALID_IP_ADDRESS },
} = require('internal/errors');
const { validateArray, validateInt32, validateString } = require('internal/validators');

const DNS_PORT = 53;

// One query's request object; the binding calls oncomplete(err, result, ttls) on it.
class QueryReqWrap {}

// The name as sent: lower-case ASCII, Unicode labels punycoded ('' when IDNA rejects it, which
// c-ares then asks as the root, as node does).
function toASCII(name) {
  let ascii = true;
  for (let i = 0; i < name.length; i++) {
    if (name.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii && !/(^|\.)xn--/i.test(name)) return name.toLowerCase();
  return domainToASCII(name) ?? '';
}

// 'ip', '[ip]', '[ip]:port' or 'ipv4:port' -> [family, ip, port]. A bracketed address takes
// the digits after its last colon as the port (53 when there are none or they are 0).
function parseServer(server) {
  const family = isIP(server);
  if (family !== 0) return [family, server, DNS_PORT];
  const bracketed = /^\[([^[\]]*)\]/.exec(server);
  if (bracketed !== null) {
    const inner = isIP(bracketed[1]);
    if (inner !== 0) {
      const port = /:(\d+)$/.exec(server);
      return [inner, bracketed[1], (port !== null && Number.parseInt(port[1], 10)) || DNS_PORT];
    }
  }
  const withPort = /^(.+):(\d+)$/.exec(server);
  if (withPort !== null) {
    const hostFamily = isIP(withPort[1]);
    if (hostFamily !== 0) return [hostFamily, withPort[1], Number.parseInt(withPort[2], 10)];
  }
  throw new ERR_INVALID_IP_ADDRESS(server);
}

function formatServer([ip, port]) {
  if (!port || port === DNS_PORT) return ip;
  return `${isIP(ip) === 6 ? `[${ip}]` : ip}:${port}`;
}

function invalidLocalAddress(message) {
  const err = new TypeError(message);
  err.code = 'ERR_INVALID_ARG_VALUE';
  return err;
}

class ResolverBase {
  constructor(options = undefined) {
    const { timeout = -1, tries = 4 } = { ...options };
    validateInt32(timeout, 'options.timeout', -1);
    validateInt32(tries, 'options.tries', 1);
    this._handle = new ChannelWrap(timeout, tries);
  }

  cancel() {
    this._handle.cancel();
  }

  getServers() {
    return (this._handle.getServers() || []).map(formatServer);
  }

  setServers(servers) {
    validateArray(servers, 'servers');
    // forEach: holes in the array are skipped, as node's.
    const parsed = [];
    servers.forEach((server, index) => {
      validateString(server, `servers[${index}]`);
      parsed.push(parseServer(server));
    });
    const previous = (this._handle.getServers() || []).map(([ip, port]) => [isIP(ip), ip, port]);
    const status = this._handle.setServers(parsed);
    if (status !== 0) {
      if (status !== ESETSRVPENDING) this._handle.setServers(previous);
      const reason = status === ESETSRVPENDING ? 'There are pending queries.' : strerror(status);
      throw new ERR_DNS_SET_SERVERS_FAILED(reason, servers);
    }
  }

  // setLocalAddress(ipv4[, ipv6]): one address of each family, in either order.
  setLocalAddress(ipv4, ipv6) {
    validateString(ipv4, 'ipv4');
    if (ipv6 !== undefined) validateString(ipv6, 'ipv6');
    const local = { 4: undefined, 6: undefined };
    for (const address of ipv6 === undefined ? [ipv4] : [ipv4, ipv6]) {
      const family = isIP(address);
      if (family === 0) throw invalidLocalAddress('Invalid IP address.');
      if (local[family] !== undefined) {
        throw invalidLocalAddress(`Cannot specify two IPv${family} addresses.`);
      }
      local[family] = address;
    }
    this._handle.setLocalAddress(local[4], local[6]);
  }
}

// The resolver behind dns.resolve*() and dns.promises.resolve*(); setServers() at module level
// replaces it and rebinds both modules' functions.
let defaultResolver;

function getDefaultResolver() {
  if (defaultResolver === undefined) {
    const { Resolver } = require('internal/dns/callback_resolver');
    defaultResolver = new Resolver();
  }
  return defaultResolver;
}

function setDefaultResolver(resolver) {
  defaultResolver = resolver;
}

// target.getServers and every resolve method of `proto`, bound to the default resolver.
function bindDefaultResolver(target, proto) {
  const resolver = getDefaultResolver();
  target.getServers = ResolverBase.prototype.getServers.bind(resolver);
  for (const key of Object.keys(proto)) target[key] = proto[key].bind(resolver);
}

// The record types and the binding query behind each resolve method (and reverse).
const queryMethods = [
  ['resolveAny', 'ANY', 'queryAny'],
  ['resolve4', 'A', 'queryA'],
  ['resolve6', 'AAAA', 'queryAaaa'],
  ['resolveCaa', 'CAA', 'queryCaa'],
  ['resolveCname', 'CNAME', 'queryCname'],
  ['resolveMx', 'MX', 'queryMx'],
  ['resolveNs', 'NS', 'queryNs'],
  ['resolveTxt', 'TXT', 'queryTxt'],
  ['resolveSrv', 'SRV', 'querySrv'],
  ['resolvePtr', 'PTR', 'queryPtr'],
  ['resolveNaptr', 'NAPTR', 'queryNaptr'],
  ['resolveSoa', 'SOA', 'querySoa'],
  ['reverse', undefined, 'getHostByAddr'],
];

// Puts makeQuery(bindingName) on `proto` for every method; returns rrtype -> method.
function installQueryMethods(proto, makeQuery) {
  const byRecordType = { __proto__: null };
  for (const [method, recordType, bindingName] of queryMethods) {
    proto[method] = makeQuery(bindingName);
    if (recordType !== undefined) byRecordType[recordType] = proto[method];
  }
  return byRecordType;
}

// The resolver functions of node:dns and node:dns/promises, in node's key order, to be filled
// by bindDefaultResolver.
function resolverExportSlots() {
  const slots = { getServers: undefined, resolve: undefined };
  for (const name of ['resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname',
                      'resolveMx', 'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa',
                      'resolveSrv', 'resolveTxt', 'reverse']) {
    slots[name] = undefined;
  }
  return slots;
}

module.exports = {
  installQueryMethods,
  resolverExportSlots,
  QueryReqWrap,
  ResolverBase,
  bindDefaultResolver,
  getDefaultResolver,
  setDefaultResolver,
  toASCII,
};
