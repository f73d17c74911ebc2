'use strict';
// dns.lookup's engine: getaddrinfo on the thread pool (internalBinding('tcp_wrap').getaddrinfo),
// IP literals answered without a query. node:net resolves hosts through this; node:dns uses it
// for lookup().

const { getaddrinfo, constants } = internalBinding('tcp_wrap');
const { isIP } = require('internal/net/ip');
const { DNSException } = require('internal/errors');

let defaultOrder = 'verbatim';

function setDefaultResultOrder(order) {
  defaultOrder = order;
}

function getDefaultResultOrder() {
  return defaultOrder;
}

function familyOf(address) {
  return address.includes(':') ? 6 : 4;
}

// callback(err, address, family) or, with all, callback(err, [{ address, family }]).
function lookup(hostname, options, callback) {
  const family = options.family === 4 || options.family === 6 ? options.family : 0;
  const all = options.all === true;
  let order = defaultOrder;
  if (options.order !== undefined) order = options.order;
  else if (options.verbatim === false) order = 'ipv4first';
  else if (options.verbatim === true) order = 'verbatim';

  if (!hostname) {
    const fam = family === 6 ? 6 : 4;
    if (all) process.nextTick(callback, null, []);
    else process.nextTick(callback, null, null, fam);
    return {};
  }
  const literal = isIP(hostname);
  if (literal !== 0) {
    if (all) process.nextTick(callback, null, [{ address: hostname, family: literal }]);
    else process.nextTick(callback, null, hostname, literal);
    return {};
  }
  const req = {
    oncomplete(status, addresses) {
      if (status !== 0) {
        callback(new DNSException(status, 'getaddrinfo', hostname));
        return;
      }
      let list = addresses;
      if (order === 'ipv4first') {
        list = addresses.filter((a) => familyOf(a) === 4)
          .concat(addresses.filter((a) => familyOf(a) === 6));
      } else if (order === 'ipv6first') {
        list = addresses.filter((a) => familyOf(a) === 6)
          .concat(addresses.filter((a) => familyOf(a) === 4));
      }
      // getaddrinfo answers once per socket type; drop repeats.
      const seen = new Set();
      list = list.filter((a) => (seen.has(a) ? false : (seen.add(a), true)));
      if (all) {
        callback(null, list.map((address) => ({ address, family: familyOf(address) })));
      } else {
        callback(null, list[0], familyOf(list[0]));
      }
    },
  };
  getaddrinfo(req, hostname, family, options.hints | 0);
  return req;
}

module.exports = {
  lookup,
  setDefaultResultOrder,
  getDefaultResultOrder,
  AI_ADDRCONFIG: constants.AI_ADDRCONFIG,
  AI_V4MAPPED: constants.AI_V4MAPPED,
  AI_ALL: constants.AI_ALL,
};
