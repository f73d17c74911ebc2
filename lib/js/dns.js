'use strict';
// node:dns — lookup() and lookupService() through the system resolver (getaddrinfo /
// getnameinfo on the thread pool, internalBinding('tcp_wrap')), result order settings, the
// error-code constants, and the c-ares side: Resolver, resolve*(), reverse(), getServers() and
// setServers() (internal/dns/*, internalBinding('cares_wrap')).

const { Resolver } = require('internal/dns/callback_resolver');
const {
  bindDefaultResolver, resolverExportSlots, setDefaultResolver,
} = require('internal/dns/utils');
const { isIP } = require('internal/net/ip');
const lookupImpl = require('internal/net/lookup');
const { getnameinfo } = internalBinding('tcp_wrap');
const {
  DNSException,
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS },
} = require('internal/errors');
const {
  validateBoolean, validateFunction, validateNumber, validateOneOf, validatePort, validateString,
} = require('internal/validators');

const { AI_ADDRCONFIG, AI_V4MAPPED, AI_ALL } = lookupImpl;
const validFamilies = [0, 4, 6];

function normalizeLookupOptions(options) {
  let family = 0;
  let hints = 0;
  let all = false;
  let order;
  if (typeof options === 'number') {
    validateOneOf(options, 'family', validFamilies);
    family = options;
  } else if (options !== undefined && options !== null) {
    if (typeof options !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options);
    }
    if (options.hints != null) {
      validateNumber(options.hints, 'options.hints');
      hints = options.hints >>> 0;
      if ((hints & ~(AI_ADDRCONFIG | AI_ALL | AI_V4MAPPED)) !== 0) {
        throw new ERR_INVALID_ARG_VALUE('hints', options.hints);
      }
    }
    if (options.family != null) {
      switch (options.family) {
        case 'IPv4': family = 4; break;
        case 'IPv6': family = 6; break;
        default:
          validateOneOf(options.family, 'options.family', validFamilies);
          family = options.family;
      }
    }
    if (options.all != null) {
      validateBoolean(options.all, 'options.all');
      all = options.all;
    }
    if (options.verbatim != null) {
      validateBoolean(options.verbatim, 'options.verbatim');
      order = options.verbatim ? 'verbatim' : 'ipv4first';
    }
    if (options.order != null) {
      validateOneOf(options.order, 'options.order', ['ipv4first', 'ipv6first', 'verbatim']);
      order = options.order;
    }
  }
  return { family, hints, all, order };
}

let invalidHostnameWarned = false;
function warnInvalidHostname(hostname) {
  if (invalidHostnameWarned) return;
  invalidHostnameWarned = true;
  process.emitWarning(
    `The provided hostname "${hostname}" is not a valid hostname, and is supported in the dns ` +
    'module solely for compatibility.', 'DeprecationWarning', 'DEP0118');
}

// lookup(hostname[, options], callback)
function lookup(hostname, options, callback) {
  if (hostname) validateString(hostname, 'hostname');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  // Falsy host names (0, NaN, false included) answer null, with node's deprecation warning.
  if (!hostname) warnInvalidHostname(hostname);
  const opts = normalizeLookupOptions(options);
  return lookupImpl.lookup(hostname, opts, callback);
}

// lookupService(address, port, callback): the host name and service of an address.
function lookupService(address, port, callback) {
  if (arguments.length !== 3) throw new ERR_MISSING_ARGS('address', 'port', 'callback');
  validateString(address, 'address');
  if (isIP(address) === 0) throw new ERR_INVALID_ARG_VALUE('address', address);
  port = validatePort(port);
  validateFunction(callback, 'callback');
  const req = {
    oncomplete(status, hostname, service) {
      if (status !== 0) {
        callback(new DNSException(status, 'getnameinfo', address));
        return;
      }
      callback(null, hostname, service);
    },
  };
  const err = getnameinfo(req, address, port);
  if (err) throw new DNSException(err, 'getnameinfo', address);
  return req;
}

function setDefaultResultOrder(order) {
  validateOneOf(order, 'dnsOrder', ['verbatim', 'ipv4first', 'ipv6first']);
  lookupImpl.setDefaultResultOrder(order);
}

function getDefaultResultOrder() {
  return lookupImpl.getDefaultResultOrder();
}

const errorCodes = {
  NODATA: 'ENODATA',
  FORMERR: 'EFORMERR',
  SERVFAIL: 'ESERVFAIL',
  NOTFOUND: 'ENOTFOUND',
  NOTIMP: 'ENOTIMP',
  REFUSED: 'EREFUSED',
  BADQUERY: 'EBADQUERY',
  BADNAME: 'EBADNAME',
  BADFAMILY: 'EBADFAMILY',
  BADRESP: 'EBADRESP',
  CONNREFUSED: 'ECONNREFUSED',
  TIMEOUT: 'ETIMEOUT',
  EOF: 'EOF',
  FILE: 'EFILE',
  NOMEM: 'ENOMEM',
  DESTRUCTION: 'EDESTRUCTION',
  BADSTR: 'EBADSTR',
  BADFLAGS: 'EBADFLAGS',
  NONAME: 'ENONAME',
  BADHINTS: 'EBADHINTS',
  NOTINITIALIZED: 'ENOTINITIALIZED',
  LOADIPHLPAPI: 'ELOADIPHLPAPI',
  ADDRGETNETWORKPARAMS: 'EADDRGETNETWORKPARAMS',
  CANCELLED: 'ECANCELLED',
};

// Replaces the default resolver (dns.resolve*() and, once loaded, dns.promises.resolve*()).
function defaultResolverSetServers(servers) {
  const resolver = new Resolver();
  resolver.setServers(servers);
  setDefaultResolver(resolver);
  bindDefaultResolver(module.exports, Resolver.prototype);
  if (promises !== null) bindDefaultResolver(promises, promises.Resolver.prototype);
}

let promises = null;

// Key order as node's module object.
module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder,
  setDefaultResultOrder,
  setServers: defaultResolverSetServers,
  ADDRCONFIG: AI_ADDRCONFIG,
  ALL: AI_ALL,
  V4MAPPED: AI_V4MAPPED,
  ...errorCodes,
  ...resolverExportSlots(),
};
bindDefaultResolver(module.exports, Resolver.prototype);

Object.defineProperty(module.exports, 'promises', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    if (promises === null) promises = require('dns/promises');
    return promises;
  },
});
Object.defineProperty(module.exports, 'errorCodes', {
  __proto__: null, value: errorCodes, enumerable: false,
});
