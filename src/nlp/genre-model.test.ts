import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newsFeatures, scoreNews, trainNewsModel, type GenreModelInput } from './genre-model.js';

const WIRE: GenreModelInput = {
  title: 'Port strike halts grain exports as talks collapse',
  url: 'https://example-news.com/business/2025/03/04/port-strike-grain/',
  text:
    'ODESA, Ukraine (Reuters) — Dock workers walked off the job on Tuesday, halting grain shipments from the port, the union said. ' +
    '“We will not return until the wage deal is signed,” union leader Olena Kravets told reporters. The port authority said talks had collapsed on Monday. ' +
    'Traders said at least 14 vessels were waiting offshore, according to a shipping agent.',
};
const BLOG: GenreModelInput = {
  title: '9 Best Grain Mills for Home Bakers in 2025',
  url: 'https://example-kitchen.com/blog/best-grain-mills/',
  text:
    'If you bake your own bread, a grain mill is the upgrade you did not know you needed. We tested nine mills in our kitchen, and your choice ' +
    'depends on how much flour you make each week. Our top pick grinds fast, and you can clean it in minutes. Here is what to look for before you buy.',
};

test('news features › a dateline, "said" and weekday names are cues; "you" on a buying guide is another', () => {
  const wire = newsFeatures(WIRE);
  assert.equal(wire.get('has:dateline'), 1);
  assert.ok((wire.get('rate:said/told') ?? 0) > 0.5);
  assert.ok((wire.get('rate:weekday names') ?? 0) > 0);
  assert.equal(wire.get('has:news section address'), 1);
  const blog = newsFeatures(BLOG);
  assert.equal(blog.get('has:dateline'), undefined);
  assert.ok((blog.get('rate:"you"') ?? 0) > 1);
  assert.equal(blog.get('has:blog/resources address'), 1);
  assert.equal(blog.get('has:title starts with a number'), 1);
  assert.equal(blog.get('title:mills'), 1);
});

test('news model › training separates reports from buying guides, deterministically, and names its cues', () => {
  const pages = [
    { input: WIRE, isNews: true },
    { input: { ...WIRE, title: 'Union says strike will go on', text: WIRE.text.replace('Tuesday', 'Wednesday') }, isNews: true },
    { input: BLOG, isNews: false },
    { input: { ...BLOG, title: 'How to Choose a Grain Mill' }, isNews: false },
  ];
  const model = trainNewsModel(pages, { minPages: 1 });
  assert.deepEqual(trainNewsModel(pages, { minPages: 1 }), model, 'same pages, same weights');
  const wire = scoreNews(model, WIRE);
  const blog = scoreNews(model, BLOG);
  assert.ok(wire.probability > model.threshold, `wire report scored ${wire.probability}`);
  assert.ok(blog.probability < model.threshold, `buying guide scored ${blog.probability}`);
  assert.equal(blog.cues.length, 3);
  assert.match(blog.cues.join(' '), /[+−]\d\.\d\d/);
});

test('news model › a word seen on fewer training pages than minPages carries no weight', () => {
  const model = trainNewsModel([{ input: WIRE, isNews: true }, { input: BLOG, isNews: false }], { minPages: 2 });
  assert.equal(model.weights['title:mills'], undefined);
  assert.ok(model.weights['rate:"you"'] !== undefined, 'rate cues are kept whatever their page count');
});
