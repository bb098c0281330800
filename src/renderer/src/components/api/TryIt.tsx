import { useState } from 'react';
import type { MockSendResult, StudyApi } from '../../../../core/api/contract';
import type { ApiOperation, SchemaNode } from '../../../../core/openapi/types';

type Props = {
  api: StudyApi;
  specPath: string;
  op: ApiOperation;
  /** The spec's first server URL, for the copied commands ('' when it has none). */
  server?: string;
  /** The spec's shared schemas (to list the fields of a form body). */
  schemas?: Record<string, SchemaNode>;
  /** Why parts of this operation are not mocked in full (known before sending). */
  problems?: string[];
  /** Called after each answered request (exercises refresh their steps). */
  onSent?: (result: MockSendResult) => void;
};

/** How a body is sent: JSON text, or form fields. */
export type BodyKind = 'json' | 'form' | 'multipart';

/** One field of a form body. */
export type FormField = { name: string; required: boolean; type: string; file: boolean; value: string };

/** What a copied command sends. `fields` (with kind form or multipart) replaces `body`. */
export type CommandRequest = {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  kind?: BodyKind;
  fields?: FormField[];
};

/** The form or multipart body of an operation (3.x content, or Swagger 2.0 formData parameters), or null. */
export function formBodyOf(
  op: ApiOperation,
  schemas: Record<string, SchemaNode> = {},
): { kind: 'form' | 'multipart'; fields: FormField[] } | null {
  const formData = op.parameters.filter((p) => p.in === 'formData');
  const content = op.requestBody?.content ?? [];
  if (content.some((m) => /json/i.test(m.mediaType))) {
    return null;
  }
  if (formData.length > 0) {
    const fields = formData.map((p) => fieldOf(p.name, p.required, p.schema, schemas, p.examples[0]?.value));
    return { kind: fields.some((f) => f.file) ? 'multipart' : 'form', fields };
  }
  const media = content.find((m) => /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(m.mediaType));
  if (media === undefined) {
    return null;
  }
  const schema = resolveNode(media.schema, schemas, 0);
  let example: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(media.examples[0]?.value ?? '{}');
    example = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    // Not JSON: no prefilled values.
  }
  const fields =
    schema?.kind === 'schema'
      ? schema.properties.slice(0, 100).map((p) => {
          const v = example[p.name];
          return fieldOf(
            p.name,
            p.required,
            p.schema,
            schemas,
            v === undefined ? undefined : typeof v === 'string' ? v : JSON.stringify(v),
          );
        })
      : [];
  return { kind: /^multipart/i.test(media.mediaType) ? 'multipart' : 'form', fields };
}

function resolveNode(node: SchemaNode | null, schemas: Record<string, SchemaNode>, depth: number): SchemaNode | null {
  return node?.kind === 'ref' && depth < 10 ? resolveNode(schemas[node.pointer] ?? null, schemas, depth + 1) : node;
}

function fieldOf(
  name: string,
  required: boolean,
  node: SchemaNode | null,
  schemas: Record<string, SchemaNode>,
  example?: string,
): FormField {
  const s = resolveNode(node, schemas, 0);
  const type = s?.kind === 'schema' ? s.type : '';
  const file = s?.kind === 'schema' && (s.format === 'binary' || s.type === 'file');
  const fallback = s?.kind === 'schema' ? (s.defaultValue ?? s.example ?? '') : '';
  return { name, required, type, file, value: (example ?? fallback).replace(/^"(.*)"$/, '$1') };
}

/** Form fields as urlencoded text (what the mock reads; empty optional fields are left out). */
export function encodeForm(fields: FormField[]): string {
  return fields
    .filter((f) => f.value !== '' || f.required)
    .map((f) => `${encodeURIComponent(f.name)}=${encodeURIComponent(f.value)}`)
    .join('&');
}

const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
/** An HTTPie request item's part with its separators escaped (`note=@x` would read the file x). */
const httpieEscape = (s: string): string => s.replace(/[\\:=@;]/g, (c) => `\\${c}`);

/** The request as a curl, HTTPie or fetch command (for a real server; the mock needs none). */
export function commandFor(kind: 'curl' | 'httpie' | 'fetch', r: CommandRequest): string {
  const headers = Object.entries(r.headers);
  const form = r.kind === 'form' || r.kind === 'multipart' ? (r.fields ?? []).filter((f) => f.value !== '' || f.required) : null;
  const hasBody = form === null ? r.body.trim() !== '' : form.length > 0;
  if (kind === 'curl') {
    const body =
      form === null
        ? hasBody
          ? [`-H 'Content-Type: application/json'`, `--data-raw ${shellQuote(r.body)}`]
          : []
        : form.map((f) =>
            r.kind === 'multipart'
              ? // `-F name=@x` or `name=<x` reads the file x: a text field is sent with --form-string.
                f.file
                ? `-F ${shellQuote(`${f.name}=@${f.value}`)}`
                : `--form-string ${shellQuote(`${f.name}=${f.value}`)}`
              : `--data-urlencode ${shellQuote(`${f.name}=${f.value}`)}`,
          );
    // A URL starting with `-` (a hostile server URL) would be read as an option.
    const url = r.url.startsWith('-') ? `--url ${shellQuote(r.url)}` : shellQuote(r.url);
    return [`curl -X ${r.method} ${url}`, ...headers.map(([k, v]) => `-H ${shellQuote(`${k}: ${v}`)}`), ...body].join(' \\\n  ');
  }
  if (kind === 'httpie') {
    const target = `${r.url.startsWith('-') ? '-- ' : ''}${r.method} ${shellQuote(r.url)}`;
    const headerItems = headers.map(([k, v]) => shellQuote(`${httpieEscape(k)}:${httpieEscape(v)}`));
    if (form !== null) {
      return [
        `http ${r.kind === 'multipart' ? '--multipart' : '--form'} ${target}`,
        ...headerItems,
        ...form.map((f) => shellQuote(`${httpieEscape(f.name)}${f.file ? '@' : '='}${httpieEscape(f.value)}`)),
      ].join(' ');
    }
    return [`http ${target}`, ...headerItems].join(' ') + (hasBody ? ` <<< ${shellQuote(r.body)}` : '');
  }
  if (form !== null) {
    const lines =
      r.kind === 'multipart'
        ? ['const body = new FormData();', ...form.map((f) => `body.append(${JSON.stringify(f.name)}, ${JSON.stringify(f.value)});`)]
        : [`const body = new URLSearchParams(${JSON.stringify(Object.fromEntries(form.map((f) => [f.name, f.value])), null, 2)});`];
    const init = { method: r.method, headers: Object.fromEntries(headers) };
    return `${lines.join('\n')}\nawait fetch(${JSON.stringify(r.url)}, { ...${JSON.stringify(init)}, body });`;
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

/** The field problems of a problem+json answer (`errors: [{in, field, message}]`). */
export function fieldErrorsOf(body: unknown): { where: string; field: string; message: string }[] {
  const errors = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as { errors?: unknown }).errors : undefined;
  if (!Array.isArray(errors)) {
    return [];
  }
  return errors.slice(0, 50).flatMap((e: unknown) => {
    const x = (e ?? {}) as { in?: unknown; field?: unknown; message?: unknown };
    return typeof x.message === 'string'
      ? [{ where: typeof x.in === 'string' ? x.in : '', field: typeof x.field === 'string' ? x.field : '', message: x.message }]
      : [];
  });
}

/** "Try it": sends the operation to the offline mock of this spec (nothing leaves the machine). */
export function TryIt({ api, specPath, op, server = '', schemas = {}, problems = [], onSent }: Props) {
  const [path, setPath] = useState(() => prefilledPath(op));
  const [headers, setHeaders] = useState('Authorization: Bearer mock-token');
  const [body, setBody] = useState(() => prefilledBody(op));
  const [formBody] = useState(() => formBodyOf(op, schemas));
  const [fields, setFields] = useState<FormField[]>(() => formBody?.fields ?? []);
  const [exampleName, setExampleName] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [copied, setCopied] = useState('');
  const method = op.topic.method;
  const kind: BodyKind = formBody?.kind ?? 'json';
  const sentBody = formBody === null ? body : encodeForm(fields);

  const send = async (): Promise<void> => {
    setBusy(true);
    const res = await api['mock.send']({
      path: specPath,
      request: { method, path, headers: parseHeaders(headers), body: sentBody, ...(exampleName !== '' ? { exampleName } : {}) },
    });
    setBusy(false);
    setOutcome(res.ok ? { kind: 'response', result: res.value } : { kind: 'error', message: res.error.message });
    if (res.ok) {
      onSent?.(res.value);
    }
  };

  const reset = async (): Promise<void> => {
    setBusy(true);
    const res = await api['mock.reset']({ path: specPath });
    setBusy(false);
    setOutcome(res.ok ? { kind: 'reset', cleared: res.value.cleared } : { kind: 'error', message: res.error.message });
  };

  const copy = (to: 'curl' | 'httpie' | 'fetch'): void => {
    const text = commandFor(to, {
      method,
      url: `${server.replace(/\/+$/, '')}${path}`,
      headers: parseHeaders(headers),
      body,
      kind,
      fields,
    });
    void navigator.clipboard
      ?.writeText(text)
      .then(() => setCopied(to))
      .catch(() => setCopied(''));
  };

  const setField = (i: number, value: string): void => setFields(fields.map((f, j) => (j === i ? { ...f, value } : f)));
  const result = outcome.kind === 'response' ? outcome.result : null;
  const examples = result?.response.examples ?? [];
  const fieldErrors = result !== null && result.response.status >= 400 ? fieldErrorsOf(result.response.body) : [];
  return (
    <div className="api-try" aria-label={`Try ${method} ${op.topic.path}`} role="group">
      <h4>Try it (offline mock)</h4>
      {problems.length > 0 && (
        <ul className="api-try-problems" aria-label="Not mocked in full">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <label>
        Path <span className="method-badge">{method}</span>
        <input type="text" value={path} onChange={(e) => setPath(e.target.value)} spellCheck={false} aria-label="Request path" />
      </label>
      <label>
        Headers
        <textarea value={headers} onChange={(e) => setHeaders(e.target.value)} rows={2} spellCheck={false} aria-label="Request headers" />
      </label>
      {formBody !== null ? (
        <fieldset className="api-try-form" aria-label="Form body">
          <legend>Body ({kind === 'multipart' ? 'multipart/form-data' : 'form, urlencoded'})</legend>
          {fields.length === 0 && <p>The spec lists no fields for this form.</p>}
          {fields.map((f, i) => (
            <label key={f.name}>
              <code>{f.name}</code>
              {f.required && <span className="schema-required">required</span>}{' '}
              <span className="api-try-type">{f.file ? 'file (its name)' : f.type}</span>
              <input
                type="text"
                value={f.value}
                onChange={(e) => setField(i, e.target.value)}
                spellCheck={false}
                aria-label={`Field ${f.name}`}
              />
            </label>
          ))}
        </fieldset>
      ) : (
        (op.requestBody !== null || body !== '') && (
          <label>
            Body (JSON)
            <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={6} spellCheck={false} aria-label="Request body" />
          </label>
        )
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
        {(['curl', 'httpie', 'fetch'] as const).map((to) => (
          <button key={to} type="button" onClick={() => copy(to)}>
            {copied === to ? 'Copied' : `Copy as ${to === 'httpie' ? 'HTTPie' : to}`}
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
      {result !== null && (
        <div className="api-try-response" role="region" aria-label="Mock response">
          <p>
            <span className={`status-badge status-${String(result.response.status).charAt(0)}`}>{result.response.status}</span>{' '}
            <span className="api-try-timing">{result.timingMs} ms</span>
          </p>
          {result.stepsDone.length > 0 && (
            <p className="api-try-step" role="status">
              Exercise step done: {result.stepsDone.join('; ')}
            </p>
          )}
          {fieldErrors.length > 0 && (
            <ul className="api-try-field-errors" aria-label="Request problems">
              {fieldErrors.map((e, i) => (
                <li key={`${e.where}:${e.field}:${i}`}>
                  <code>{e.field === '' ? `(${e.where})` : e.field}</code> {e.message}
                </li>
              ))}
            </ul>
          )}
          {Object.keys(result.response.headers).length > 0 && (
            <pre className="api-try-headers">
              {Object.entries(result.response.headers)
                .map(([k, v]) => `${k}: ${v}`)
                .join('\n')}
            </pre>
          )}
          {result.response.body !== null && <pre className="api-try-body">{JSON.stringify(result.response.body, null, 2)}</pre>}
          {result.responseProblems.length > 0 && (
            <div className="api-try-mismatch" role="note">
              <p>This response does not match the spec&apos;s response schema (the spec&apos;s example may be wrong):</p>
              <ul aria-label="Response schema mismatches">
                {result.responseProblems.map((e, i) => (
                  <li key={`${e.field}:${i}`}>
                    <code>{e.field === '' ? '(body)' : e.field}</code> {e.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {problems.length === 0 && result.problems.length > 0 && (
            <ul className="api-try-problems" aria-label="Not mocked in full">
              {result.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
