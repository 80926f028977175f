/**
 * Genre of a page: news or one of the non-news kinds that must not feed events and claims (reviews and buying
 * guides, how-to guides, recipes, listings), read by a few explainable rules from the title, address and body.
 * Every decision carries the cues that made it, so a user can see why an article was held back.
 */

import type { Genre } from '../model/index.js';
import { scoreNews, type GenreModel } from './genre-model.js';
import { count, DATED_PATH, DATELINE, FIRST_PERSON, NEWS_PATH, REPORTING, SECOND_PERSON } from './genre-cues.js';

export type { Genre } from '../model/index.js';

/** Every genre, news first. */
export const GENRES: readonly Genre[] = ['news', 'opinion', 'review', 'guide', 'recipe', 'listing', 'other'];

/** The genres whose articles produce events and claims unless the user asks for more. */
export const DEFAULT_EVENT_GENRES: readonly Genre[] = ['news', 'opinion'];

/** The page as the classifier sees it: Doc metadata and body text. */
export interface GenreInput {
  readonly title?: string | undefined;
  readonly url?: string | undefined;
  readonly outlet?: string | undefined;
  readonly text: string;
}

/** The genre and the cues behind it ("title: 'how to'", "said/told 6.1 per 1000 words"). */
export interface GenreDecision {
  readonly genre: Genre;
  readonly cues: readonly string[];
}

const TITLE_CUES: readonly [Exclude<Genre, 'news'>, RegExp][] = [
  ['recipe', /\brecipes?\b/i],
  ['review', /\breviews?\b|\btested\b|\btried\b|\bcompared\b|\brecommendations\b|\bvs\.?\s|\bbest\b(?! practices).*\b(for|of|under|in)\b.*|^(the )?(\d+ )?best\b(?! practices)|\bbest [a-z]+s\b(?<!practices)/i],
  ['listing', /^(the )?top \d+\b|^\d+ [a-z -]*(companies|brands|programs|programmes|events|conferences|platforms|places|manufacturers|books|schools|courses)\b|\bfor sale\b|\bdeals\b/i],
  ['guide', /\bhow to\b|\bguide\b|\btips\b|\bsteps?\b|\bways to\b|\bexplained\b|^what is\b|\bbeginners?\b|\bbest practices\b|\bmyths\b|\bwhat to expect\b|\bways\b.*\bcan\b/i],
  ['opinion', /^opinion\b|\bopinion:|\bcommentary\b|\bcolumn:/i],
];
const URL_CUES: readonly [Exclude<Genre, 'news'>, RegExp][] = [
  ['recipe', /\/recipes?\b|-recipe\b/i],
  ['review', /\/reviews?\/|\/wirecutter\/|-review\b|\/best-|\/rankings\//i],
  ['listing', /\/listings?\/|\/for-sale\/|\/events?\/|\/shop\//i],
  ['guide', /\/how-to|\/guides?\/|-guide\b|\/tips\/|\/learn\/|\/academy\/|\/knowledge/i],
  ['opinion', /\/opinion\/|\/commentary\/|\/columns?\/|\/editorials?\//i],
];
const RECIPE_BODY = /\b(preheat|tablespoons?|tbsp|teaspoons?|tsp|ingredients|whisk|simmer|bake at|stir in)\b/gi;
const REVIEW_BODY = /\b(pros|cons|our pick|best overall|best budget|battery life|we tested|price:|buy now|check price|rating|specs)\b/gi;
const LISTING_BODY = /\b(bedrooms?|bathrooms?|sq\.? ?ft|per night|for sale|add to cart|in stock|register now)\b/gi;

/**
 * Classifies a page. Title and address cues decide first (a non-news cue there is the publisher's own label),
 * unless the body reads as reporting (a dateline, or dense "said/told" with little "you"); body cues decide
 * recipes, product reviews and listings with no such label; reporting density decides news; first-person
 * text with no reporting is a blog post (other). With nothing to go on the page is news, so plain-text
 * articles with no metadata keep their events. With a trained news model (models/genre/, passed in by app/),
 * the model decides whether a page is news and the rules name the other kinds: the rules alone let features,
 * company blog posts and product pages through as news (on held-out labelled pages the model with the rules'
 * subgenres was as precise and recalled more than requiring both to agree). A page the rules read as opinion
 * stays opinion; a page the rules read as news that the model does not is held back as 'other'.
 * @example classifyGenre({ title: 'How to Refinish a Dresser', text: '…' }).genre // 'guide'
 */
export function classifyGenre(input: GenreInput, model?: GenreModel): GenreDecision {
  const byRules = classifyByRules(input);
  if (!model || byRules.genre === 'opinion') return byRules;
  const score = scoreNews(model, input);
  const cue = `news model ${score.probability.toFixed(2)} (${score.cues.join(', ')})`;
  if (score.probability >= model.threshold) {
    return { genre: 'news', cues: byRules.genre === 'news' ? [cue, ...byRules.cues] : [cue, `rules: ${byRules.genre}`, ...byRules.cues] };
  }
  return { genre: byRules.genre === 'news' ? 'other' : byRules.genre, cues: [`${cue} below ${model.threshold}`, ...byRules.cues] };
}

/** The hand rules alone. */
function classifyByRules(input: GenreInput): GenreDecision {
  const text = input.text.slice(0, 20000);
  const words = Math.max(1, text.split(/\s+/).length);
  const per1000 = (n: number): number => Math.round((n * 10000) / words) / 10;
  const reporting = per1000(count(REPORTING, text));
  const you = per1000(count(SECOND_PERSON, text));
  const me = per1000(count(FIRST_PERSON, text));
  const hasDateline = DATELINE.test(text.slice(0, 300));
  // Quotes bring some "you" into reporting: what counts is that reporting words clearly outnumber it.
  const readsAsReporting = hasDateline || (reporting >= 6 && you <= reporting * 0.7);
  const cues: string[] = [`reporting words ${reporting}/1000`, `"you" ${you}/1000`];
  if (hasDateline) cues.push('dateline');
  const title = input.title ?? '';
  const path = input.url ? input.url.replace(/^https?:\/\/[^/]+/i, '') : '';
  for (const [genre, re] of TITLE_CUES) {
    const m = re.exec(title);
    if (m && !readsAsReporting) return { genre, cues: [`title: "${m[0].trim()}"`, ...cues] };
  }
  for (const [genre, re] of URL_CUES) {
    const m = re.exec(path);
    if (m && !readsAsReporting) return { genre, cues: [`address: "${m[0]}"`, ...cues] };
  }
  const recipe = count(RECIPE_BODY, text);
  if (recipe >= 4) return { genre: 'recipe', cues: [`${recipe} recipe words`, ...cues] };
  const review = count(REVIEW_BODY, text);
  if (review >= 4 && !readsAsReporting) return { genre: 'review', cues: [`${review} review words`, ...cues] };
  const listing = count(LISTING_BODY, text);
  if (listing >= 3 && !readsAsReporting) return { genre: 'listing', cues: [`${listing} listing words`, ...cues] };
  if (readsAsReporting) return { genre: 'news', cues };
  if (NEWS_PATH.test(path) || DATED_PATH.test(path)) {
    if (reporting >= 3 && you < 6) return { genre: 'news', cues: ['news address', ...cues] };
  }
  if (you >= 8) return { genre: 'guide', cues: ['addresses the reader', ...cues] };
  // Reporting pages use a reporting word every ~200 words or more; a longer page with fewer is an essay, a paper or a blog post.
  if (me >= 10 || (reporting < 4.5 && words > 150)) return { genre: 'other', cues: [me >= 10 ? `first person ${me}/1000` : 'little reporting', ...cues] };
  return { genre: 'news', cues };
}
