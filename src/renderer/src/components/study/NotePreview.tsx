import type { MouseEvent, ReactNode } from 'react';
import Markdown from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import type { StudyApi } from '../../../../core/api/contract';
import { externalUrl } from '../../shell/guardWindowOpen';

type Props = { api: StudyApi; markdown: string };

/**
 * A note rendered like the hub (GFM), sanitised; images stay offline. Only an absolute http(s) link
 * to another site keeps its href and opens outside the app, on left and middle click alike; any
 * other link (`/api/...`, `//host`, `#x`, other schemes) is inert text with its target in the title.
 */
export function NotePreview({ api, markdown }: Props) {
  const link = ({ href, children }: { href?: string; children?: ReactNode }) => {
    const target = href !== undefined && /^https?:\/\//i.test(href) ? externalUrl(href) : null;
    const open = (e: MouseEvent): void => {
      e.preventDefault();
      if (target !== null) {
        void api['app.openExternal']({ url: target }).then((res) => {
          if (res.ok && !res.value.opened) {
            window.open(target, '_blank', 'noopener,noreferrer');
          }
        });
      }
    };
    // Middle click fires auxclick, not click: it gets the same policy instead of the browser's new tab.
    const onAuxClick = (e: MouseEvent): void => {
      if (e.button === 1) {
        open(e);
      }
    };
    return (
      <a href={target ?? undefined} onClick={open} onAuxClick={onAuxClick} rel="noopener noreferrer" title={href}>
        {children}
      </a>
    );
  };
  const image = ({ alt, src }: { alt?: string; src?: unknown }) => (
    <span className="image-placeholder" title={typeof src === 'string' ? src : ''}>
      [image: {alt ?? ''}]
    </span>
  );
  return (
    <div className="note-preview markdown-body">
      {markdown.trim() === '' ? (
        <p className="muted">Nothing to preview yet.</p>
      ) : (
        <Markdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]} components={{ a: link, img: image }}>
          {markdown}
        </Markdown>
      )}
    </div>
  );
}
