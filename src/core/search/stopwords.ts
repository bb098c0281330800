/** English words too common to search for on their own; queries skip them when other words remain. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been but by can could did do does doing for from had has have how i if in into is it its ' +
    'me my of on or our should so than that the their them then there these they this those to was we were what ' +
    'when where which while who why will with would you your yours about'
  ).split(' '),
);
