import { useState } from 'react';
import type { MockSendResult, StudyApi } from '../../../../core/api/contract';
import type { ApiOperation } from '../../../../core/openapi/types';

type Props = {
  api: StudyApi;
  specPath: string;
  op: ApiOperation;
  /** The spec's first server URL, for the copied commands ('' when it has none). */
  server?: string;
};

/** What a copied command sends. */
export type CommandRequest = { method: string; url: string; headers: Record<string, string>; body: string };

const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** The request as a curl, HTTPie or fetch command (for a real server; the mock needs none). */
export function commandFor(kind: 'curl' | 'httpie' | 'fetch', r: CommandRequest): string {
  const headers = Object.entries(r.headers);
  const hasBody = r.body.trim() !== '';
  if (kind === 'curl') {
    return [
      `curl -X ${r.method} ${shellQuote(r.url)}`,
      ...headers.map(([k, v]) => `-H ${shellQuote(`${k}: ${v}`)}`),
      ...(hasBody ? [`-H 'Content-Type: application/json'`, `--data ${shellQuote(r.body)}`] : []),
    ].join(' \\\n  ');
  }
  if (kind === 'httpie') {
    return (
      [`http ${r.method} ${shellQuote(r.url)}`, ...headers.map(([k, v]) => shellQuote(`${k}:${v}`))].join(' ') +
      (hasBody ? ` <<< ${shellQuote(r.body)}` : '')
    );
  }
  const init: Record<string, unknown> = {
    method: r.method,
    headers: Object.fromEntries([...headers, ...(hasBody ? [['Content-Type', 'application/json']] : [])]),
  };
  if (hasBody) {
    init['body'] = r.body;
  }
  return `await fetch(${JSON.stringify(r.url)}, ${JSON.stringify(init, null, 2)});`;
}

/** The operation's path with each path parameter filled from its first example (else its name). */
export function prefilledPath(op: ApiOperation): string {
  return op.topic.path.replace(/\{([^}/]+)\}/g, (_, name: string) => {
    const p = op.parameters.find((x) => x.in === 'path' && x.name === name);
    const example = p?.examples[0]?.value;
    return encodeURIComponent(example !== undefined && example !== '' ? example.replace(/^"|"$/g, '') : name);
  });
}

/** The first JSON example of the request body, as text. */
export function prefilledBody(op: ApiOperation): string {
  const media = op.requestBody?.content.find((m) => /json/i.test(m.mediaType)) ?? op.requestBody?.content[0];
  return media?.examples[0]?.value ?? '';
}

/** `Name: value` lines -> a header map (blank and malformed lines are skipped). */
export function parseHeaders(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0 && line.slice(0, colon).trim() !== '') {
      out[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    }
  }
  return out;
}

type Outcome =
  | { kind: 'none' }
  | { kind: 'error'; message: string }
  | { kind: 'response'; result: MockSendResult }
  | { kind: 'reset'; cleared: boolean };

/** "Try it": sends the operation to the offline mock of this spec (nothing leaves the machine). */
export function TryIt({ api, specPath, op, server = '' }: Props) {
  const [path, setPath] = useState(() => prefilledPath(op));
  const [headers, setHeaders] = useState('Authorization: Bearer mock-token');
  const [body, setBody] = useState(() => prefilledBody(op));
  const [exampleName, setExampleName] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [copied, setCopied] = useState('');
  const method = op.topic.method;

  const send = async (): Promise<void> => {
    setBusy(true);
    const res = await api['mock.send']({
      path: specPath,
      request: { method, path, headers: parseHeaders(headers), body, ...(exampleName !== '' ? { exampleName } : {}) },
    });
    setBusy(false);
    setOutcome(res.ok ? { kind: 'response', result: res.value } : { kind: 'error', message: res.error.message });
  };

  const reset = async (): Promise<void> => {
    setBusy(true);
    const res = await api['mock.reset']({ path: specPath });
    setBusy(false);
    setOutcome(res.ok ? { kind: 'reset', cleared: res.value.cleared } : { kind: 'error', message: res.error.message });
  };

  const copy = (kind: 'curl' | 'httpie' | 'fetch'): void => {
    const text = commandFor(kind, { method, url: `${server.replace(/\/+$/, '')}${path}`, headers: parseHeaders(headers), body });
    void navigator.clipboard
      ?.writeText(text)
      .then(() => setCopied(kind))
      .catch(() => setCopied(''));
  };

  const examples = outcome.kind === 'response' ? outcome.result.response.examples : [];
  return (
    <div className="api-try" aria-label={`Try ${method} ${op.topic.path}`} role="group">
      <h4>Try it (offline mock)</h4>
      <label>
        Path <span className="method-badge">{method}</span>
        <input type="text" value={path} onChange={(e) => setPath(e.target.value)} spellCheck={false} aria-label="Request path" />
      </label>
      <label>
        Headers
        <textarea value={headers} onChange={(e) => setHeaders(e.target.value)} rows={2} spellCheck={false} aria-label="Request headers" />
      </label>
      {(op.requestBody !== null || body !== '') && (
        <label>
          Body (JSON)
          <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={6} spellCheck={false} aria-label="Request body" />
        </label>
      )}
      {examples.length > 1 && (
        <label>
          Example
          <select value={exampleName} onChange={(e) => setExampleName(e.target.value)} aria-label="Response example">
            <option value="">(first)</option>
            {examples.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="api-try-actions">
        <button type="button" onClick={() => void send()} disabled={busy}>
          Send
        </button>
        <button type="button" onClick={() => void reset()} disabled={busy}>
          Reset data
        </button>
        {(['curl', 'httpie', 'fetch'] as const).map((kind) => (
          <button key={kind} type="button" onClick={() => copy(kind)}>
            {copied === kind ? 'Copied' : `Copy as ${kind === 'httpie' ? 'HTTPie' : kind}`}
          </button>
        ))}
      </div>
      {outcome.kind === 'error' && (
        <p role="alert" className="api-try-error">
          {outcome.message}
        </p>
      )}
      {outcome.kind === 'reset' && (
        <p role="status">{outcome.cleared ? 'The mock data of this spec was reset.' : 'There was no mock data to reset.'}</p>
      )}
      {outcome.kind === 'response' && (
        <div className="api-try-response" role="region" aria-label="Mock response">
          <p>
            <span className={`status-badge status-${String(outcome.result.response.status).charAt(0)}`}>
              {outcome.result.response.status}
            </span>{' '}
            <span className="api-try-timing">{outcome.result.timingMs} ms</span>
          </p>
          {Object.keys(outcome.result.response.headers).length > 0 && (
            <pre className="api-try-headers">
              {Object.entries(outcome.result.response.headers)
                .map(([k, v]) => `${k}: ${v}`)
                .join('\n')}
            </pre>
          )}
          {outcome.result.response.body !== null && (
            <pre className="api-try-body">{JSON.stringify(outcome.result.response.body, null, 2)}</pre>
          )}
          {outcome.result.problems.length > 0 && (
            <ul className="api-try-problems" aria-label="Not mocked in full">
              {outcome.result.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
