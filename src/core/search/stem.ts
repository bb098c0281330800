/** A light English suffix stripper: enough to join `uploads`/`upload`, `returning`/`returned`/`return`. */

const RULES: Array<[suffix: string, min: number]> = [
  ['ations', 4],
  ['ation', 4],
  ['ments', 4],
  ['ment', 4],
  ['ingly', 4],
  ['ings', 4],
  ['ing', 3],
  ['ies', 3],
  ['ied', 3],
  ['ers', 3],
  ['er', 3],
  ['ed', 3],
  ['es', 3],
  ['ly', 4],
  ['s', 3],
];

/** The stem of a folded term; identifiers, numbers and non-Latin terms come back unchanged. */
export function stem(term: string): string {
  if (!/^[a-z]+$/.test(term) || term.length <= 3) {
    return term;
  }
  for (const [suffix, min] of RULES) {
    if (term.endsWith(suffix) && term.length - suffix.length >= min) {
      if (suffix === 's' && /[sui]s$/.test(term)) {
        return term;
      }
      let base = term.slice(0, -suffix.length);
      if (suffix === 'ies' || suffix === 'ied') {
        base += 'y';
      } else if (base.length > 3 && base[base.length - 1] === base[base.length - 2] && !'lsz'.includes(base[base.length - 1]!)) {
        base = base.slice(0, -1);
      }
      return base.endsWith('e') && base.length > 3 ? base.slice(0, -1) : base;
    }
  }
  return term.endsWith('e') && term.length > 4 ? term.slice(0, -1) : term;
}
