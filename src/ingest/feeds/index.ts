/** RSS/Atom feeds and the state `dossier watch` keeps between runs. */
export { normaliseFeedDate, parseFeed, type Feed, type FeedItem } from './parse-feed.js';
export {
  defaultStatePath,
  emptyWatchState,
  loadWatchState,
  MAX_REMEMBERED_ITEMS_PER_FEED,
  pruneFeedItems,
  saveWatchState,
  type WatchedFeed,
  type WatchedItem,
  type WatchState,
} from './watch-state.js';
