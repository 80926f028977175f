/**
 * The outlet of a page as a real name or nothing. Pages name their site in many places (og:site_name, the JSON-LD
 * publisher, the <title> suffix, a social handle), and many fill them with page furniture ("Home", "Blog",
 * "Hosted", "/"), a tagline ("Resy | Right This Way") or a handle ("@politifact"). Independence is counted by outlet,
 * so a wrong name makes one outlet two origins: each clue is cleaned and checked, and the first that names the
 * site wins; a social handle counts only when it matches the site's address; the site's registrable domain is the
 * last resort.
 */

/** Words that label a page or a section, never an outlet. */
const FURNITURE: ReadonlySet<string> = new Set([
  'home', 'homepage', 'home page', 'hosted', 'blog', 'blogs', 'news', 'latest news', 'index', 'welcome', 'main', 'untitled', 'default', 'website',
  'web site', 'site', 'article', 'articles', 'page', 'menu', 'search', 'login', 'log in', 'sign in', 'subscribe', 'front page', 'frontpage',
  'official site', 'official website', 'my blog', 'posts', 'post', 'stories', 'magazine', 'tech blog', 'our blog', 'the blog', 'resources',
  'insights', 'learn', 'learning center', 'help center', 'support', 'newsroom', 'press', 'press release', 'press releases', 'media', 'about',
  'about us', 'wordpress', 'medium', 'substack', 'null', 'undefined', 'none',
]);

/** Hosts whose subdomain is the publication: "aimaker.substack.com" is one writer's outlet, not Substack's. */
const PLATFORMS: ReadonlySet<string> = new Set([
  'substack.com', 'medium.com', 'blogspot.com', 'wordpress.com', 'tumblr.com', 'github.io', 'bearblog.dev', 'ghost.io', 'beehiiv.com', 'typepad.com',
  'livejournal.com', 'wixsite.com', 'squarespace.com', 'netlify.app', 'vercel.app', 'pages.dev',
]);

/** Second-level labels under a country code that are not the site's name: "co.uk", "com.br", "org.au". */
const REGISTRY_LABELS: ReadonlySet<string> = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ltd', 'plc', 'ne', 'or', 'go', 'gob', 'nic']);

/** Longest outlet name in words and characters: longer is a headline or a tagline. */
const MAX_WORDS = 8;
const MAX_CHARS = 60;

/** The host of a URL, lower-cased, or undefined. */
function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase() || undefined;
  } catch (error) {
    if (error instanceof TypeError) return undefined;
    throw error;
  }
}

/**
 * The registrable domain of a URL: "https://blog.turbotax.intuit.com/x" → "intuit.com", "news.bbc.co.uk" →
 * "bbc.co.uk"; on a blogging platform the publication's own host ("aimaker.substack.com").
 * @example registrableDomain('https://hosted.ap.org/article/1') // 'ap.org'
 */
export function registrableDomain(url: string | undefined): string | undefined {
  const host = hostOf(url);
  if (!host || /^[\d.]+$/.test(host) || !host.includes('.')) return undefined;
  const labels = host.split('.');
  let keep = 2;
  if (labels.length >= 3 && labels[labels.length - 1]!.length === 2 && REGISTRY_LABELS.has(labels[labels.length - 2]!)) keep = 3;
  const domain = labels.slice(-keep).join('.');
  if (PLATFORMS.has(domain) && labels.length > keep && !/^(?:www|m)$/.test(labels[labels.length - keep - 1]!)) return labels.slice(-keep - 1).join('.');
  return domain;
}

/** The name part of a site's domain: "politifact.com" → "politifact", "bbc.co.uk" → "bbc". */
function siteLabel(url: string | undefined): string | undefined {
  return registrableDomain(url)?.split('.')[0]?.replace(/-/g, '');
}

const letters = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** True when a name and the site's label spell each other (one inside the other, four letters or more). */
function matchesSite(name: string, label: string | undefined): boolean {
  if (!label) return false;
  const own = letters(name.replace(/^the\s+/i, '')).replace(/(?:com|org|net)$/, '');
  if (own.length < 2) return false;
  if (own === label) return true;
  return Math.min(own.length, label.length) >= 4 && (own.includes(label) || label.includes(own));
}

/** A single name, untouched by separators: a plausible outlet name, or undefined. */
function plausible(name: string): string | undefined {
  const text = name.replace(/[™®©]/g, '').replace(/\s+/g, ' ').trim().replace(/^[\s|:·•»–—-]+|[\s|:·•»–—-]+$/g, '').trim();
  if (!/\p{L}/u.test(text) || letters(text).length < 2) return undefined;
  const bare = text.toLowerCase().replace(/^the\s+/, '');
  if (FURNITURE.has(bare) || FURNITURE.has(text.toLowerCase())) return undefined;
  // A byline, an address fragment or an encoded URL is not a name.
  if (/^by\s/i.test(text) || /%[0-9a-f]{2}|https?:|\/|@/i.test(text)) return undefined;
  if (text.length > MAX_CHARS || text.split(' ').length > MAX_WORDS) return undefined;
  return text;
}

/** A clue read as a name: the name, and whether it was a social handle (which needs its capitals from elsewhere). */
function readClue(clue: string | undefined, url: string | undefined): { name: string; isHandle: boolean } | undefined {
  if (!clue) return undefined;
  const label = siteLabel(url);
  const raw = clue.replace(/\s+/g, ' ').trim();
  // A social handle names the site only when it spells the site's address.
  if (/^@[\w.]+$/.test(raw)) return matchesSite(raw.slice(1), label) ? { name: raw.slice(1), isHandle: true } : undefined;
  const split = raw.split(/\s+[|–—·•»]\s+|\s*\|\s*|:\s+|\s+-\s+/);
  // Beside a name, a comma list is a tagline ("Cloud, Commerce, Apps").
  const parts = split.filter((p) => split.length === 1 || !p.includes(',')).map(plausible).filter((p): p is string => Boolean(p));
  // Else the shortest part: a name is shorter than its tagline or the headline beside it ("NCA - About Coffee").
  const name = parts.find((p) => matchesSite(p, label)) ?? [...parts].sort((a, b) => a.split(' ').length - b.split(' ').length)[0];
  return name ? { name, isHandle: false } : undefined;
}

/**
 * A clue read as the outlet's name: the part of "Name | tagline", "Name: tagline" or "Name - tagline" that names
 * the site (the one spelling its address, else the shortest plausible one), or undefined for page furniture,
 * punctuation and handles that do not match the site.
 * @example outletNameOf('The Hill | Breaking News', 'https://thehill.com/x') // 'The Hill'
 * @example outletNameOf('Homepage', 'https://www.example.com/') // undefined
 */
export function outletNameOf(clue: string | undefined, url: string | undefined): string | undefined {
  return readClue(clue, url)?.name;
}

/**
 * The outlet from a page's clues, strongest first: the first clue that names the site, or a matching handle with
 * its capitals taken from another clue ("@politifact" beside "PolitiFact West Virginia" → "PolitiFact") or else
 * the site's domain, or the registrable domain when no clue names the site.
 */
export function chooseOutlet(clues: readonly (string | undefined)[], url: string | undefined): string | undefined {
  for (const clue of clues) {
    const read = readClue(clue, url);
    if (!read) continue;
    if (!read.isHandle) return read.name;
    for (const other of clues) {
      const words = other && !other.trim().startsWith('@') ? other.split(/\s+/) : [];
      for (let i = 0; i < words.length; i++) {
        for (let j = i + 1; j <= Math.min(words.length, i + 4); j++) {
          const phrase = words.slice(i, j).join(' ');
          if (letters(phrase) === read.name.toLowerCase()) return phrase;
        }
      }
    }
    return registrableDomain(url) ?? read.name;
  }
  return registrableDomain(url);
}
