import { isIP } from 'node:net';

/**
 * The key sign-in failures of one client are counted under, from the client address that
 * Express derived with its trust-proxy setting (TRUST_PROXY): an IPv4 address as is (an
 * IPv4-mapped IPv6 address as IPv4), an IPv6 address by its /64 network, since one
 * subscriber is usually given a whole /64 and could otherwise rotate addresses in it for free.
 */
export function clientKey(address: string | undefined | null): string {
  const text = (address ?? '').trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(text);
  if (mapped && isIP(mapped[1]) === 4) return mapped[1];
  if (isIP(text) === 4) return text;
  if (isIP(text) !== 6) return 'unknown';
  const groups = expandIpv6(text.replace(/%.*$/, ''));
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, lower case, without leading zeros. */
function expandIpv6(address: string): string[] {
  const [head, tail] = address.toLowerCase().split('::');
  const parse = (part: string | undefined) => (part ? part.split(':') : []);
  const left = parse(head);
  const right = parse(tail);
  // An embedded IPv4 tail (::a.b.c.d forms) counts as two groups; only the first four matter here.
  const width = (parts: string[]) => parts.reduce((n, p) => n + (p.includes('.') ? 2 : 1), 0);
  const zeros = tail === undefined ? [] : Array.from({ length: 8 - width(left) - width(right) }, () => '0');
  return [...left, ...zeros, ...right].map((g) => (g.includes('.') ? g : g.replace(/^0+(?=.)/, '')));
}
