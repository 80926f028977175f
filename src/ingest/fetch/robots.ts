/**
 * A small robots.txt parser and matcher after RFC 9309: groups of User-agent lines with their Allow / Disallow
 * rules, `*` and `$` in paths, the longest matching rule wins and Allow wins a tie; plus the non-standard but
 * widely used Crawl-delay. Pure: no I/O.
 */

/** One Allow or Disallow line of a group. */
export interface RobotsRule {
  readonly isAllow: boolean;
  /** The path pattern as written (`/private/`, `/*.pdf$`). */
  readonly pattern: string;
}

/** The rules that apply to one user agent. */
export interface RobotsPolicy {
  readonly rules: readonly RobotsRule[];
  /** Crawl-delay in seconds, when the group states one. */
  readonly crawlDelaySeconds?: number;
}

/** A parsed robots.txt: groups keyed by lower-cased user-agent token (`*` for the default group). */
export interface RobotsFile {
  readonly groups: ReadonlyMap<string, RobotsPolicy>;
}

/** A policy that allows everything (robots.txt missing or 4xx, per RFC 9309 §2.3.1.3). */
export const ALLOW_ALL: RobotsPolicy = { rules: [] };

/** A policy that disallows everything (robots.txt unreachable: 5xx or network error, RFC 9309 §2.3.1.4). */
export const DISALLOW_ALL: RobotsPolicy = { rules: [{ isAllow: false, pattern: '/' }] };

/**
 * Parses robots.txt text. Unknown lines are ignored; several groups naming the same agent are merged.
 * @example parseRobots('User-agent: *\nDisallow: /private/').groups.get('*')
 */
export function parseRobots(text: string): RobotsFile {
  const groups = new Map<string, { rules: RobotsRule[]; crawlDelaySeconds?: number }>();
  let agents: string[] = [];
  let isInRules = false; // a User-agent line after rules starts a new group
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'user-agent') {
      if (isInRules) agents = [];
      isInRules = false;
      const agent = value.toLowerCase();
      agents.push(agent);
      if (!groups.has(agent)) groups.set(agent, { rules: [] });
      continue;
    }
    if (key !== 'allow' && key !== 'disallow' && key !== 'crawl-delay') continue;
    isInRules = true;
    for (const agent of agents) {
      const group = groups.get(agent)!;
      if (key === 'crawl-delay') {
        const seconds = Number(value);
        if (Number.isFinite(seconds) && seconds >= 0) group.crawlDelaySeconds = seconds;
      } else if (value !== '') {
        // An empty Disallow means "allow everything" and adds no rule.
        group.rules.push({ isAllow: key === 'allow', pattern: value });
      }
    }
  }
  return { groups };
}

/**
 * The policy for a product token ("dossier"): its own group when there is one, else the `*` group, else allow all.
 * An agent line matches when it equals the token or starts with it followed by `/` (`Dossier/0.1`).
 */
export function policyFor(robots: RobotsFile, productToken: string): RobotsPolicy {
  const token = productToken.toLowerCase();
  for (const [agent, policy] of robots.groups) {
    if (agent === token || agent.startsWith(`${token}/`)) return policy;
  }
  return robots.groups.get('*') ?? ALLOW_ALL;
}

/**
 * True when the policy lets us fetch `pathAndQuery` (the URL's path plus query, percent-encoded as sent).
 * `/robots.txt` itself is always allowed.
 * @example isAllowed(policy, '/news/2024/fire.html?page=2')
 */
export function isAllowed(policy: RobotsPolicy, pathAndQuery: string): boolean {
  if (pathAndQuery === '/robots.txt') return true;
  const path = normalisePercent(pathAndQuery);
  let best: RobotsRule | undefined;
  let bestLength = -1;
  for (const rule of policy.rules) {
    if (!matchesPattern(normalisePercent(rule.pattern), path)) continue;
    const length = rule.pattern.length;
    if (length > bestLength || (length === bestLength && rule.isAllow && !best?.isAllow)) {
      best = rule;
      bestLength = length;
    }
  }
  return best?.isAllow ?? true;
}

/** True when a rule pattern (`*` any run of characters, a final `$` the end of the path) matches from the start. */
export function matchesPattern(pattern: string, path: string): boolean {
  const isAnchored = pattern.endsWith('$');
  const body = isAnchored ? pattern.slice(0, -1) : pattern;
  if (!body.includes('*')) return isAnchored ? path === body : path.startsWith(body);
  const source = body.split('*').map(escapeRegExp).join('.*');
  return new RegExp(`^${source}${isAnchored ? '$' : ''}`, 's').test(path);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Upper-cases percent escapes (`%2f` → `%2F`) and encodes raw non-ASCII, so `/caf%C3%A9` and `/café` compare equal. */
function normalisePercent(path: string): string {
  return path
    .replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase())
    .replace(/[^\x21-\x7e]/gu, (ch) => encodeURIComponent(ch));
}
