import type { MouseEvent, ReactNode } from 'react';
import Markdown from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import type { StudyApi } from '../../../../core/api/contract';

type Props = { api: StudyApi; markdown: string };

/** A note rendered like the hub (GFM), sanitised; links open outside the app, images stay offline. */
export function NotePreview({ api, markdown }: Props) {
  const link = ({ href, children }: { href?: string; children?: ReactNode }) => {
    const onClick = (e: MouseEvent): void => {
      e.preventDefault();
      if (href !== undefined && /^https?:/i.test(href)) {
        void api['app.openExternal']({ url: href }).then((res) => {
          if (res.ok && !res.value.opened) {
            window.open(href, '_blank', 'noopener,noreferrer');
          }
        });
      }
    };
    return (
      <a href={href} onClick={onClick} rel="noopener noreferrer" title={href}>
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
