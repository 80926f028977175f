import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAllowed, matchesPattern, parseRobots, policyFor } from './robots.js';

const ROBOTS = `# example
User-agent: *
Disallow: /private/
Allow: /private/press/
Disallow: /*.pdf$
Disallow: /search?
Crawl-delay: 2

User-agent: Dossier
User-agent: other-bot
Disallow: /drafts
Allow: /drafts/public
Crawl-delay: 5

User-agent: dossier
Disallow: /tmp/   # merged into the group above
`;

test('robots › the product token finds its own group (case-insensitive, groups merged), else *', () => {
  const robots = parseRobots(ROBOTS);
  const ours = policyFor(robots, 'Dossier');
  assert.equal(ours.crawlDelaySeconds, 5);
  assert.deepEqual(ours.rules.map((r) => r.pattern), ['/drafts', '/drafts/public', '/tmp/']);
  const others = policyFor(robots, 'SomeBot');
  assert.equal(others.crawlDelaySeconds, 2);
  assert.equal(others.rules.length, 4);
});

const star = policyFor(parseRobots(ROBOTS), 'somebot');
const cases: Array<[string, boolean]> = [
  ['/', true],
  ['/news/2026/fire.html', true],
  ['/private/memo.html', false],
  ['/private/press/release.html', true], // the longer Allow wins
  ['/files/report.pdf', false],
  ['/files/report.pdf?x=1', true], // `$` anchors the end
  ['/search?q=port', false],
  ['/search', true],
  ['/robots.txt', true],
];
for (const [path, expected] of cases) {
  test(`robots › * group: ${path} is ${expected ? 'allowed' : 'disallowed'}`, () => {
    assert.equal(isAllowed(star, path), expected);
  });
}

test('robots › Allow wins a tie of equal length; empty Disallow allows everything; unknown lines are ignored', () => {
  const tie = policyFor(parseRobots('User-agent: *\nDisallow: /page\nAllow: /page\n'), 'x');
  assert.equal(isAllowed(tie, '/page'), true);
  const open = policyFor(parseRobots('User-agent: *\nDisallow:\nSitemap: https://example.org/sitemap.xml\nNoise here\n'), 'x');
  assert.equal(isAllowed(open, '/anything'), true);
  assert.equal(isAllowed(policyFor(parseRobots(''), 'x'), '/anything'), true);
});

test('robots › percent-encoding is compared case-insensitively and raw UTF-8 matches its encoding', () => {
  const policy = policyFor(parseRobots('User-agent: *\nDisallow: /caf%c3%a9/\n'), 'x');
  assert.equal(isAllowed(policy, '/caf%C3%A9/menu'), false);
  assert.equal(isAllowed(policy, '/café/menu'), false);
});

test('robots › wildcard patterns', () => {
  assert.equal(matchesPattern('/*/amp/', '/news/amp/story'), true);
  assert.equal(matchesPattern('/*/amp/', '/amp/story'), false);
  assert.equal(matchesPattern('/a$', '/a'), true);
  assert.equal(matchesPattern('/a$', '/ab'), false);
  assert.equal(matchesPattern('*', '/x'), true);
});
