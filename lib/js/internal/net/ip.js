'use strict';
// IP literal checks for node:net (isIP/isIPv4/isIPv6) and the address helpers net and http share.

const dec = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)';
const v4 = `(?:${dec}\\.){3}${dec}`;
const h = '[0-9a-fA-F]{1,4}';
// Every way of writing eight 16-bit groups with at most one '::', the last 32 bits possibly as
// dotted IPv4, and an optional %zone.
const v6 = '(?:' +
  `(?:${h}:){7}(?:${h}|:)|` +
  `(?:${h}:){6}(?:${v4}|:${h}|:)|` +
  `(?:${h}:){5}(?::${v4}|(?::${h}){1,2}|:)|` +
  `(?:${h}:){4}(?:(?::${h}){0,1}:${v4}|(?::${h}){1,3}|:)|` +
  `(?:${h}:){3}(?:(?::${h}){0,2}:${v4}|(?::${h}){1,4}|:)|` +
  `(?:${h}:){2}(?:(?::${h}){0,3}:${v4}|(?::${h}){1,5}|:)|` +
  `(?:${h}:){1}(?:(?::${h}){0,4}:${v4}|(?::${h}){1,6}|:)|` +
  `(?::(?:(?::${h}){0,5}:${v4}|(?::${h}){1,7}|:))` +
  ')(?:%[0-9a-zA-Z-.:]{1,})?';

const IPv4Reg = new RegExp(`^${v4}$`);
const IPv6Reg = new RegExp(`^${v6}$`);

function isIPv4(s) {
  // Coerced as node does (isIPv4(undefined) is false, not a throw).
  return IPv4Reg.test(`${s}`);
}

function isIPv6(s) {
  return IPv6Reg.test(`${s}`);
}

function isIP(s) {
  if (isIPv4(s)) return 4;
  if (isIPv6(s)) return 6;
  return 0;
}

module.exports = { isIP, isIPv4, isIPv6, IPv4Reg, IPv6Reg };
