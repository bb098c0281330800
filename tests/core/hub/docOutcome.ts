import { DocRejected } from '../../../src/core/hub/parseDoc';

/** What a parse gives: its result, or the problem code of a doc it rejected (other errors throw). */
export const docOutcome = <T>(f: () => T): T | string => {
  try {
    return f();
  } catch (e) {
    if (e instanceof DocRejected) {
      return e.problem.code;
    }
    throw e;
  }
};
