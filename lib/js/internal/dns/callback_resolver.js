'use strict';
// dns.Resolver: the callback flavour of the resolve methods over one c-ares channel.

const {
  QueryReqWrap, ResolverBase, installQueryMethods, toASCII,
} = require('internal/dns/utils');
const {
  DNSException,
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { validateFunction, validateString } = require('internal/validators');

function onresolve(err, result, ttls) {
  if (err) {
    this.callback(new DNSException(err, this.bindingName, this.hostname));
    return;
  }
  if (ttls !== undefined && this.ttl) {
    result = result.map((address, index) => ({ address, ttl: ttls[index] }));
  }
  this.callback(null, result);
}

// resolveX(name[, options], callback) asking the binding method `bindingName` (also the
// function's name, as node's).
function makeQuery(bindingName) {
  const query = function(name, callback) {
    let options;
    if (arguments.length > 2) {
      options = callback;
      callback = arguments[2];
    }
    validateString(name, 'name');
    validateFunction(callback, 'callback');
    const req = new QueryReqWrap();
    req.bindingName = bindingName;
    req.callback = callback;
    req.hostname = name;
    req.oncomplete = onresolve;
    req.ttl = !!(options && options.ttl);
    const target = bindingName === 'getHostByAddr' ? name : toASCII(name);
    const err = this._handle[bindingName](req, target);
    if (err) throw new DNSException(err, bindingName, name);
    return req;
  };
  Object.defineProperty(query, 'name', { __proto__: null, value: bindingName });
  return query;
}

class Resolver extends ResolverBase {}

const resolveMap = installQueryMethods(Resolver.prototype, makeQuery);

// resolve(hostname[, rrtype], callback); rrtype defaults to 'A'.
Resolver.prototype.resolve = function resolve(hostname, rrtype, callback) {
  let query;
  if (typeof rrtype === 'string') {
    query = resolveMap[rrtype];
  } else if (typeof rrtype === 'function') {
    query = resolveMap.A;
    callback = rrtype;
  } else {
    throw new ERR_INVALID_ARG_TYPE('rrtype', 'string', rrtype);
  }
  if (typeof query !== 'function') throw new ERR_INVALID_ARG_VALUE('rrtype', rrtype);
  return query.call(this, hostname, callback);
};

module.exports = { Resolver };
