import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { cleanText } from './text.js';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/clean/${name}`, import.meta.url), 'utf8');
const PROSE =
  'The council said on Tuesday that the new library would open in the spring, after a delay of almost a year caused by problems with the roof.';
const PROSE_2 = 'Officials said the building would hold more than 40,000 books and a room for local history, and that entry would be free.';

/** Wraps lines between two prose paragraphs, where a cleaner must still see them as furniture. */
function inArticle(...lines: string[]): string {
  return ['Library opening delayed until spring', '', PROSE, '', ...lines, '', PROSE_2, '', PROSE].join('\n');
}

describe('clean › text', () => {
  const cases: [string, string][] = [
    ['a share prompt', 'Share:'],
    ['a share bar', 'Share on Facebook | Tweet | Email'],
    ['a subscription prompt', 'Subscribe to our newsletter for the latest local news'],
    ['a sign-in prompt', 'Sign in to read more'],
    ['a size picker', 'XS SM MD LG XL'],
    ['a size picker with a label', 'Sizes: XS SM MD LG'],
    ['a navigation menu', 'Home | News | World | Business | Sport'],
    ['an advertisement label', 'Advertisement'],
    ['a read-more teaser', 'Read more: Council approves new bus routes'],
    ['a copyright line', '© 2024 The Riverside Courier. All rights reserved.'],
    ['a photo credit', 'Getty Images'],
  ];
  for (const [kind, line] of cases) {
    it(`sets apart ${kind} ("${line}") as boilerplate, not body`, () => {
      const out = cleanText(inArticle(line));
      assert.ok(!out.body.includes(line), `"${line}" stayed in the body`);
      assert.ok(out.body.includes(PROSE_2));
    });
  }

  it('collapses a caption saved twice into one Caption with occurrences 2 and its credit', () => {
    const caption = 'Workers fit the last roof panels on Monday. (Photo: Ana Lopes/Courier)';
    const out = cleanText(inArticle(caption, caption));
    assert.deepEqual(out.captions, [{ text: caption, credit: 'Photo: Ana Lopes/Courier', occurrences: 2 }]);
    assert.ok(!out.body.includes('roof panels'));
  });

  it('collapses two slightly different copies of a caption (curly vs straight quotes, small edits)', () => {
    const a = "The mayor’s office at the town hall, seen from the square, is the city's oldest building";
    const b = "The mayor's office at the town hall, seen from the market square, is the city’s oldest building";
    const out = cleanText(inArticle(a, b));
    assert.equal(out.captions.length, 1);
    assert.equal(out.captions[0]!.occurrences, 2);
    assert.ok(!out.body.includes('town hall'));
  });

  it('takes a single line ending in a photo credit as a caption', () => {
    const out = cleanText(inArticle('A crane lifts a steel beam into place. (AP Photo/Jon Smith)'));
    assert.equal(out.captions.length, 1);
    assert.equal(out.captions[0]!.credit, 'AP Photo/Jon Smith');
  });

  it('cuts the "Most Popular / read more" block at the foot of the article', () => {
    const out = cleanText([PROSE, '', PROSE_2, '', PROSE, '', 'Most Popular', 'read more:', 'Storm warning for the weekend'].join('\n'));
    assert.ok(!out.body.includes('Most Popular'));
    assert.ok(!out.body.includes('Storm warning'));
    assert.ok(out.boilerplate.includes('Storm warning for the weekend'));
  });

  it('parses the reader-comment thread with authors, replies and "Leave a Reply" apart from the body', () => {
    const out = cleanText(fixture('scraped-article.txt'));
    assert.deepEqual(
      out.comments.map((c) => [c.author, c.replyTo]),
      [
        ['TideWatcher', undefined],
        ['GullIslander', 0],
        ['PierRat', undefined],
      ],
    );
    assert.ok(!out.body.includes('water taxi was always full'));
    assert.ok(!out.body.includes('Leave a Reply'));
    assert.ok(!out.body.includes('Avatar'));
    assert.ok(out.boilerplate.includes('Leave a Reply'));
  });

  it('detects the title and the stated publication date ("Published: Nov. 14, 2024")', () => {
    const out = cleanText(fixture('scraped-article.txt'));
    assert.equal(out.title, 'Harbour ferry service to resume after winter suspension');
    assert.equal(out.publishedAt, '2024-11-14');
    assert.ok(out.body.startsWith('The harbour ferry between the east pier'));
  });

  it('keeps every body paragraph of the scraped fixture and nothing else', () => {
    const out = cleanText(fixture('scraped-article.txt'));
    assert.equal(out.body.split('\n\n').length, 4);
    for (const line of out.boilerplate) assert.ok(!out.body.includes(line), `boilerplate "${line}" in body`);
  });

  it('drops a quoted pull quote above the headline when the body repeats it', () => {
    const quote = '“We rebuilt it to last another hundred years”';
    const text = [quote, '', 'Bridge reopens after two-year repair', '', `${PROSE} “We rebuilt it to last another hundred years,” the engineer said.`, '', PROSE_2].join('\n');
    const out = cleanText(text);
    assert.equal(out.title, 'Bridge reopens after two-year repair');
    assert.ok(!out.body.startsWith('“We rebuilt'));
  });

  it('reads the outlet from a sign-off and keeps wire credits out of the body', () => {
    const out = cleanText([PROSE, '', PROSE_2, '', 'FOX NEWS/AP/REUTERS', '', 'As reported by The Harbour Post'].join('\n'));
    assert.equal(out.outlet, 'The Harbour Post');
    assert.equal(out.credit, 'FOX NEWS/AP/REUTERS');
    assert.ok(!out.body.includes('REUTERS'));
  });

  it('must not drop body sentences that merely mention sharing or subscribing', () => {
    const line = 'Residents who subscribe to the council newsletter will be told when the library opens, and can share the news with neighbours.';
    const out = cleanText(inArticle(line));
    assert.ok(out.body.includes(line));
  });
});
