'use strict';
// tls.checkServerIdentity: does a certificate name the host we connected to? IP addresses must
// appear as "IP Address:" alt names; host names match "DNS:" alt names (a single leading
// wildcard label allowed, not on a top-level domain) or, without DNS alt names, the subject CN.

const { isIP } = require('internal/net/ip');
const {
  codes: { ERR_TLS_CERT_ALTNAME_FORMAT, ERR_TLS_CERT_ALTNAME_INVALID },
} = require('internal/errors');

// "DNS:a, IP Address:1.2.3.4, DNS:\"quoted, name\"" -> ['DNS:a', 'IP Address:1.2.3.4', ...]
function splitAltNames(altNames) {
  const names = [];
  let current = '';
  let i = 0;
  while (i < altNames.length) {
    const ch = altNames[i];
    if (ch === '"') {
      // A JSON string: read to its closing quote.
      let j = i + 1;
      while (j < altNames.length && altNames[j] !== '"') j += altNames[j] === '\\' ? 2 : 1;
      if (j >= altNames.length) throw new ERR_TLS_CERT_ALTNAME_FORMAT();
      current += JSON.parse(altNames.slice(i, j + 1));
      i = j + 1;
    } else if (ch === ',' && altNames[i + 1] === ' ') {
      names.push(current);
      current = '';
      i += 2;
    } else {
      current += ch;
      i++;
    }
  }
  names.push(current);
  return names;
}

function labels(host) {
  // A trailing dot (fully qualified) does not change the name.
  if (host.endsWith('.')) host = host.slice(0, -1);
  return host.toLowerCase().split('.');
}

function matchesPattern(hostLabels, pattern, allowWildcard) {
  if (!pattern) return false;
  const patternLabels = labels(pattern);
  if (hostLabels.length !== patternLabels.length) return false;
  if (hostLabels.includes('')) return false;
  for (let i = hostLabels.length - 1; i > 0; i--) {
    if (hostLabels[i] !== patternLabels[i]) return false;
  }
  const host = hostLabels[0];
  const first = patternLabels[0];
  const pieces = first.split('*');
  // No wildcard, or an IDN label (never wildcard-matched): exact match.
  if (pieces.length === 1 || first.includes('xn--')) return host === first;
  if (!allowWildcard) return false;
  if (pieces.length > 2) return false;
  // "*.com" would match every .com host.
  if (patternLabels.length <= 2) return false;
  const [prefix, suffix] = pieces;
  if (prefix.length + suffix.length > host.length) return false;
  return host.startsWith(prefix) && host.endsWith(suffix);
}

// The canonical text of an IP address as certificates print it; undefined for what is not an
// address (an "IP Address:8.8.8.0/24" range lists as an empty entry, as node).
function canonicalIP(ip) {
  const family = isIP(ip);
  if (family === 0) return undefined;
  if (family === 4) return ip;
  // Expand "::" and print every group in upper-case hex without leading zeros.
  let head = ip;
  let tail = '';
  const gap = ip.indexOf('::');
  if (gap !== -1) {
    head = ip.slice(0, gap);
    tail = ip.slice(gap + 2);
  }
  const toGroups = (s) => (s === '' ? [] : s.split(':'));
  let headGroups = toGroups(head);
  let tailGroups = toGroups(tail);
  // An embedded IPv4 tail is two groups.
  const fixV4 = (groups) => {
    const last = groups[groups.length - 1];
    if (last && last.includes('.')) {
      const [a, b, c, d] = last.split('.').map(Number);
      groups.splice(groups.length - 1, 1, ((a << 8) | b).toString(16), ((c << 8) | d).toString(16));
    }
    return groups;
  };
  if (tailGroups.length) tailGroups = fixV4(tailGroups);
  else headGroups = fixV4(headGroups);
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...new Array(gap === -1 ? 0 : missing).fill('0'), ...tailGroups];
  return groups.map((g) => parseInt(g, 16).toString(16).toUpperCase()).join(':');
}

function checkServerIdentity(hostname, cert) {
  const subject = cert.subject;
  const altNames = cert.subjectaltname;
  const dnsNames = [];
  const ips = [];

  hostname = '' + hostname;

  if (altNames) {
    for (const name of splitAltNames(altNames)) {
      if (name.startsWith('DNS:')) dnsNames.push(name.slice(4));
      else if (name.startsWith('IP Address:')) ips.push(canonicalIP(name.slice(11)));
    }
  }

  let valid = false;
  let reason = 'Unknown reason';

  if (isIP(hostname)) {
    valid = ips.includes(canonicalIP(hostname));
    if (!valid) reason = `IP: ${hostname} is not in the cert's list: ${ips.join(', ')}`;
  } else if (dnsNames.length > 0 || subject?.CN) {
    const hostLabels = labels(hostname);
    const wildcard = (pattern) => matchesPattern(hostLabels, pattern, true);
    if (dnsNames.length > 0) {
      valid = dnsNames.some(wildcard);
      if (!valid) reason = `Host: ${hostname}. is not in the cert's altnames: ${altNames}`;
    } else {
      const cn = subject.CN;
      if (Array.isArray(cn)) valid = cn.some(wildcard);
      else if (cn) valid = wildcard(cn);
      if (!valid) reason = `Host: ${hostname}. is not cert's CN: ${cn}`;
    }
  } else {
    reason = 'Cert does not contain a DNS name';
  }

  if (!valid) return new ERR_TLS_CERT_ALTNAME_INVALID(reason, hostname, cert);
  return undefined;
}

module.exports = { checkServerIdentity };
