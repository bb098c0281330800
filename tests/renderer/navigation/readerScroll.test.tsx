import { describe, expect, it } from 'vitest';
import { restoreScroll } from '../../../src/renderer/src/readerScroll';

describe('restoreScroll', () => {
  it('placing the reader again at the offset it already has still tells scroll followers to look again', () => {
    // The topic in view is decided on scroll, against a threshold that moves with the sticky bars'
    // height: when the bars settle after a reload, the restore lands on the same scrollTop and the
    // browser fires no scroll event, so the toolbar kept the topic measured before they settled.
    const scroller = document.createElement('div');
    document.body.append(scroller);
    let events = 0;
    scroller.addEventListener('scroll', () => (events += 1));
    const stop = restoreScroll(scroller, null, scroller.scrollTop);
    expect(events).toBe(1);
    stop();
    scroller.remove();
  });
});
