/**
 * The entity page's corrections: the "one name, many types" warning, the corrections made (who, when, undo)
 * and the forms to merge, split, rename and retype the entity. Each form posts JSON through the API client,
 * shows an API error beside its control, and reloads the page with a confirmation on success.
 */
import { ApiRequestError, currentSession, entityCorrectionsApi, type EntityPageView } from '../api-client.js';
import { h, replaceChildren, route } from '../dom.js';
import { entityHref, TYPE_NAMES } from './parts.js';

type Correction = EntityPageView['corrections'][number];

/** Where the corrector's name is remembered between visits (this browser only). */
const BY_KEY = 'dossier.correctedBy';

/** The warning shown under the entity's heading when its name is used under several types. */
export function typeWarningNotice(entity: EntityPageView): HTMLElement | null {
  return entity.typeWarning ? h('p', { class: 'warning', role: 'note', id: 'type-warning' }, `Warning: ${entity.typeWarning}.`) : null;
}

/** The confirmation after a correction: the page reloads with `corrected=` in the hash. */
export function correctionNotice(query: URLSearchParams): HTMLElement | null {
  const done = query.get('corrected');
  if (!done) return null;
  return h('p', { class: 'notice', role: 'status', id: 'correction-notice' }, done.startsWith('Undid') ? `${done}.` : `${done} (kept as an override: later ingests apply it).`);
}

/** One line for a correction as the page lists it. */
function describe(c: Correction): (HTMLElement | string)[] {
  switch (c.kind) {
    case 'merge': return ['merged ', h('a', { href: entityHref(c.entityId) }, c.entityId), ' into ', h('a', { href: entityHref(c.targetId ?? '') }, c.targetId ?? '')];
    case 'split': return [`split “${c.name ?? ''}” off into `, h('a', { href: entityHref(c.targetId ?? '') }, c.targetId ?? '')];
    case 'rename': return [`renamed “${c.previous ?? ''}” to “${c.name ?? ''}”`];
    case 'retype': return [`retyped from ${(c.previous ?? '').split(' ')[0] ?? ''} to ${c.type ?? ''}`];
  }
}

/** The corrections card: the list with undo buttons, then the four forms. */
export function correctionsSection(entity: EntityPageView): HTMLElement {
  const by = h('input', { id: 'correction-by', name: 'by', placeholder: 'your name', autocomplete: 'name', maxlength: 100, value: localStorage.getItem(BY_KEY) ?? '' });
  const corrector = (): string => {
    const name = by.value.trim();
    if (name) localStorage.setItem(BY_KEY, name);
    return name;
  };
  const reload = (id: string, message: string): void => {
    location.hash = route(`/entity/${encodeURIComponent(id)}`, { corrected: message });
  };

  const list = entity.corrections.length
    ? h('ul', { class: 'plain corrections' }, ...entity.corrections.map((c) => {
      const failure = h('span', { class: 'error', role: 'alert' });
      return h('li', { class: 'correction', 'data-id': c.id }, ...describe(c),
        h('span', { class: 'muted' }, ` · by ${c.decidedBy}, ${c.decidedAt.replace('T', ' ').slice(0, 16)} UTC `),
        h('button', { type: 'button', class: 'undo-correction', on: { click: () => void decide(failure, async () => {
          await entityCorrectionsApi.undo(c.id);
          reload(entity.id, `Undid correction ${c.id}`);
        }) } }, 'Undo'), ' ', failure);
    }))
    : h('p', { class: 'muted' }, 'No correction yet.');

  const other = h('input', { id: 'merge-entity', name: 'other', required: true, placeholder: 'entity id, name or alias', autocomplete: 'off' });
  const mergeForm = form('merge', 'Merge another entity into this one ', other, 'Merge', async () => {
    const result = await entityCorrectionsApi.merge(entity.id, other.value.trim(), corrector());
    reload(entity.id, `Merged ${result.override.entityId} into this entity`);
  });

  const names = [...new Set([entity.name, ...entity.aliases.map((a) => a.alias)])];
  const splitName = h('select', { id: 'split-name', name: 'name' }, ...names.map((n) => h('option', { value: n }, n)));
  const splitType = typeSelect('split-type', '', 'same type');
  // The form's one <label> names the first control (the name); this select needs its own accessible name.
  splitType.setAttribute('aria-label', 'type of the split-off entity');
  const splitForm = form('split', 'Split the mentions named ', [splitName, ' as ', splitType], 'Split off', async () => {
    const result = await entityCorrectionsApi.split(entity.id, splitName.value, splitType.value, corrector());
    reload(result.override.targetId ?? entity.id, `Split “${splitName.value}” off ${entity.id}`);
  });

  const newName = h('input', { id: 'rename-name', name: 'name', required: true, value: entity.name, maxlength: 200, autocomplete: 'off' });
  const renameForm = form('rename', 'Display name ', newName, 'Rename', async () => {
    await entityCorrectionsApi.rename(entity.id, newName.value.trim(), corrector());
    reload(entity.id, 'Renamed this entity');
  });

  const newType = typeSelect('retype-type', entity.type);
  const retypeForm = form('retype', 'Type ', newType, 'Retype', async () => {
    await entityCorrectionsApi.retype(entity.id, newType.value, corrector());
    reload(entity.id, `Retyped this entity to ${newType.value}`);
  });

  const controls = [h('p', null, h('label', { for: 'correction-by' }, 'Corrections are made by '), by), mergeForm, splitForm, renameForm, retypeForm];
  const section = h('section', { id: 'entity-corrections', class: 'corrections-card' }, h('h2', null, 'Corrections'), list, ...controls);
  // A reader token may only read: its page lists the corrections but offers no form or undo it would be refused.
  void currentSession().then((who) => {
    if (who.canEdit) return;
    for (const element of [...controls, ...section.querySelectorAll('button.undo-correction')]) element.remove();
    section.append(h('p', { class: 'muted read-only' }, `Signed in as ${who.name} (reader): corrections need an editor token.`));
  }, () => { /* no session answer: keep the forms; the API still refuses what the token may not do */ });
  return section;
}

/** A <select> of the four types (and, with `emptyLabel`, a first empty choice). */
function typeSelect(id: string, current: string, emptyLabel?: string): HTMLSelectElement {
  return h('select', { id, name: 'type' }, ...(emptyLabel ? [h('option', { value: '' }, emptyLabel)] : []),
    ...Object.entries(TYPE_NAMES).map(([k, name]) => h('option', { value: k, selected: k === current }, `${k} – ${name}`)));
}

/** One correction form: label, controls, button and the error beside them. */
function form(name: string, label: string, controls: HTMLElement | (HTMLElement | string)[], button: string, action: () => Promise<void>): HTMLElement {
  const failure = h('span', { class: 'error', role: 'alert', id: `${name}-error` });
  const parts = Array.isArray(controls) ? controls : [controls];
  const first = parts.find((p): p is HTMLElement => typeof p !== 'string');
  return h('form', { class: `correction-form ${name}-form`, on: { submit: (e) => {
    e.preventDefault();
    void decide(failure, action);
  } } }, h('label', { for: first?.id ?? '' }, label), ...parts, ' ', h('button', { type: 'submit' }, button), ' ', failure);
}

/** Runs a correction, showing an API error (400, 404) beside its control instead of the page failing. */
async function decide(failure: HTMLElement, action: () => Promise<void>): Promise<void> {
  replaceChildren(failure);
  try {
    await action();
  } catch (error) {
    replaceChildren(failure, error instanceof ApiRequestError ? `${error.message} (${error.status})` : 'The request failed.');
  }
}
