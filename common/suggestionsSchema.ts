// The document doc's map of suggestion metadata (issue 12), keyed by suggestion id: who made each tracked change
// in the body and when (renderer/src/model/suggestions/suggestionMeta.ts reads and writes it). The sync server
// checks that every entry an update adds or changes names the connection's own user as its author.
export const SUGGESTIONS_ROOT = 'suggestions';
/** The entry field the server checks against the token's sub. */
export const SUGGESTION_AUTHOR_KEY = 'authorId';
