import type { Root as HastRoot } from 'hast';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { type MouseEvent, type ReactElement, type ReactNode, memo } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import type { StudyApi } from '../../../core/api/contract';
import { useApi } from '../api/useApi';
import { targetRoute, type Route } from '../route';
import { boundText } from './BoundedText';
import { DiagramPre } from './diagrams/DiagramPre';

type LinkProps = {
  children?: ReactNode;
  href?: string;
  'data-link-kind'?: string;
  'data-target'?: string;
  'data-href'?: string;
  className?: string;
};
type ImageProps = { alt?: string; 'data-image-kind'?: string; 'data-src'?: string; title?: string };

type Props = {
  /** Sanitised hast from the back end. */
  safeHast: HastRoot;
  api: StudyApi;
  onNavigate: (route: Route) => void;
};

/** Opens an http(s) URL outside the app: the system browser (Electron) or a new tab (web). */
async function openExternal(api: StudyApi, url: string): Promise<void> {
  const res = await api['app.openExternal']({ url });
  if (res.ok && !res.value.opened) {
    window.open(url, '_blank', 'noopener,noreferrer');
  }
}

function HubImage({ api, path, alt }: { api: StudyApi; path: string; alt: string }) {
  const asset = useApi(api, 'hub.asset', { path });
  const src = asset.value?.dataUrl ?? null;
  const error = asset.error?.message ?? null;
  if (error !== null) {
    return (
      <span className="image-placeholder" title={boundText(error)}>
        [image: {alt || path}]
      </span>
    );
  }
  return src === null ? <span className="image-placeholder">{alt}</span> : <img src={src} alt={alt} />;
}

/** Renders a doc's sanitised hast as React elements, routing its links through the app. */
export const DocContent = memo(function DocContent({ safeHast, api, onNavigate }: Props) {
  const Link = ({ children, href, className, ...data }: LinkProps) => {
    const kind = data['data-link-kind'];
    const target = data['data-target'];
    const original = data['data-href'] ?? '';
    if ((kind === 'doc' || kind === 'anchor') && target !== undefined) {
      const onClick = (e: MouseEvent): void => {
        e.preventDefault();
        onNavigate(targetRoute(target));
      };
      return (
        <a href={`#${original}`} className={className} data-link-kind={kind} onClick={onClick}>
          {children}
        </a>
      );
    }
    if (kind === 'api' && target !== undefined) {
      // The hub's own OpenAPI file: open its API reference (at the operation the anchor names).
      const at = target.indexOf('#');
      const onClick = (e: MouseEvent): void => {
        e.preventDefault();
        onNavigate({ view: 'api', path: at === -1 ? target : target.slice(0, at), slug: at === -1 ? null : target.slice(at + 1) || null });
      };
      return (
        <a href={`#${original}`} className={className} data-link-kind="api" onClick={onClick} title={`API reference: ${target}`}>
          {children}
        </a>
      );
    }
    if (kind === 'external' && href !== undefined) {
      const onClick = (e: MouseEvent): void => {
        e.preventDefault();
        void openExternal(api, href);
      };
      return (
        <a
          href={href}
          className={className}
          data-link-kind="external"
          target="_blank"
          rel="noopener noreferrer"
          onClick={onClick}
          title={href}
        >
          {children}
        </a>
      );
    }
    const why =
      kind === 'site'
        ? `A page of the site this hub is published as (${original}); it is not a doc of this hub`
        : kind === 'broken'
          ? `Broken link: ${original} does not exist in this hub`
          : kind === 'asset'
            ? `A file in the hub: ${target ?? original}`
            : 'This link is disabled: only http(s) and hub links are followed';
    return (
      <a
        className={`${className ?? ''} link-${kind ?? 'blocked'}`.trim()}
        data-link-kind={kind ?? 'blocked'}
        aria-disabled="true"
        title={why}
        role="link"
      >
        {children}
      </a>
    );
  };
  const Image = ({ alt, ...data }: ImageProps) => {
    const kind = data['data-image-kind'];
    const src = data['data-src'] ?? '';
    if (kind === 'hub') {
      return <HubImage api={api} path={src} alt={alt ?? ''} />;
    }
    const why = kind === 'remote' ? 'remote image not loaded (offline app)' : 'missing image';
    return (
      <span className="image-placeholder" title={`${why}: ${src}`}>
        [{why}: {alt || src}]
      </span>
    );
  };
  // hast-util-to-jsx-runtime types its result with the global JSX namespace, which React 19 no longer declares.
  return toJsxRuntime(safeHast, {
    Fragment,
    jsx,
    jsxs,
    passNode: true,
    components: { a: Link, img: Image, pre: DiagramPre },
  }) as ReactElement;
});
