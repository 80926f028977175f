import assert from 'node:assert/strict';
import { test } from 'node:test';
import { briefHtml, briefMarkdown, gatherBrief } from '../../src/app/brief.js';
import { contestedCorpus, MILITIA_NAME } from '../helpers/annotated-corpus.js';

test('brief › the entity brief lists its timeline with status and the contested event, in Markdown and HTML', async () => {
  const { store } = await contestedCorpus();
  const brief = await gatherBrief(store, MILITIA_NAME);
  assert.equal(brief.events.length, 1);
  const md = briefMarkdown(brief);
  assert.match(md, /^# Tigris Guardians Brigade/);
  assert.match(md, /\*\*2024-11-10\*\* ASSAULT at Baghdad — \*contested\*/);
  assert.match(md, /## Contested or denied\n- \*\*2024-11-10\*\*/);
  const html = briefHtml(brief);
  assert.match(html, /<span class="status contested">contested<\/span>/);
  assert.doesNotMatch(html, /<script/);
  await assert.rejects(gatherBrief(store, 'Nobody At All'), /no entity with id, name or alias "Nobody At All"/);
});
