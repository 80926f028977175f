/**
 * Matching an article's address by its host in SQL, for outlet-wide steps (outlet regions, app/outlet-regions.ts):
 * "https://www.alligator.org/news/1" and "http://www.alligator.org:8080/?p=2" are both of www.alligator.org.
 */

/** LIKE patterns (case-insensitive) an address of `host` matches: the host right after the scheme, then the end, a path, a port, a query or a fragment. */
export function hostUrlPatterns(host: string): string[] {
  // Hosts are letters, digits, dots and hyphens: nothing to escape for LIKE once '%' and '_' are refused.
  if (!/^[a-z0-9.-]+$/i.test(host)) return [];
  const h = host.toLowerCase();
  return [`%://${h}`, `%://${h}/%`, `%://${h}:%`, `%://${h}?%`, `%://${h}#%`];
}
