import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseOutlet, outletNameOf, registrableDomain } from './outlet-name.js';

test('outlet name › page furniture and punctuation are no outlet', () => {
  for (const clue of ['Homepage', 'Hosted', 'Blog', '/', '|', 'Home', 'The Blog', 'by Dana Whitfield', 'https%3A%2F%2Fexample.org']) {
    assert.equal(outletNameOf(clue, 'https://www.riverside-courier.example/news/1'), undefined, clue);
  }
});

test('outlet name › a tagline is cut off, and the part spelling the site is the name', () => {
  assert.equal(outletNameOf('Riverside Courier | Local news since 1921', 'https://riversidecourier.example/a'), 'Riverside Courier');
  assert.equal(outletNameOf('Wirewatch: Reviews you can trust', 'https://wirewatch.example/a'), 'Wirewatch');
  assert.equal(outletNameOf('Thoughts on onboarding, growth and good UX | Pathmark Blog', 'https://pathmark.example/blog/x'), 'Pathmark Blog');
  assert.equal(outletNameOf('Harbour Gazette |', 'https://harbourgazette.example/x'), 'Harbour Gazette');
  assert.equal(outletNameOf('Tech Blog | Cloud, Commerce, Apps', 'https://emberline.example/x'), undefined, 'a generic label and a tagline name nothing');
});

test('outlet name › a handle counts only when it spells the site', () => {
  assert.equal(outletNameOf('@levantobserver', 'https://www.levantobserver.example/x'), 'levantobserver');
  assert.equal(outletNameOf('@levantobserver', 'https://www.gulfcourier.example/x'), undefined);
});

test('outlet name › the cascade skips furniture, takes a handle\'s capitals from another clue, or falls back to the domain', () => {
  const url = 'https://www.factcheckers.example/article/2024/may/01/x';
  assert.equal(chooseOutlet(['@factcheckers', undefined, 'FactCheckers West Region'], url), 'FactCheckers');
  assert.equal(chooseOutlet(['Hosted', undefined, 'Hosted', '@wirepress'], 'https://hosted.wirepress.example/story/1'), 'wirepress.example');
  assert.equal(chooseOutlet(['Homepage', undefined, undefined, '@othersite'], 'https://www.appforge.example/blog/x'), 'appforge.example');
  assert.equal(chooseOutlet(['Northern Ledger', 'Ledger Media Group'], 'https://northernledger.example/x'), 'Northern Ledger');
});

test('outlet name › the registrable domain: subdomains dropped, country registries and blogging platforms kept', () => {
  assert.equal(registrableDomain('https://blog.taxhelper.intuit.example/x'), 'intuit.example');
  assert.equal(registrableDomain('https://news.northern.co.uk/x'), 'northern.co.uk');
  assert.equal(registrableDomain('https://fieldnotes.substack.com/p/x'), 'fieldnotes.substack.com');
  assert.equal(registrableDomain('https://www.medium.com/x'), 'medium.com');
  assert.equal(registrableDomain('not a url'), undefined);
});
