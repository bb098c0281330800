import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import { useEffect, useRef } from 'react';

type Props = {
  /** The text the editor starts with (the parent keys the editor by note to load another one). */
  initial: string;
  onChange: (text: string) => void;
  onBlur?: () => void;
  label: string;
};

/** A CodeMirror 6 markdown editor (uncontrolled: it owns the text, reports every change). */
export function NoteEditor({ initial, onChange, onBlur, label }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const callbacks = useRef({ onChange, onBlur });
  useEffect(() => {
    callbacks.current = { onChange, onBlur };
  }, [onChange, onBlur]);

  useEffect(() => {
    if (host.current === null) {
      return undefined;
    }
    const view = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: initial,
        extensions: [
          history(),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          markdown(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          EditorView.lineWrapping,
          placeholder('Write your note in markdown…'),
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) {
              callbacks.current.onChange(update.state.doc.toString());
            }
          }),
          EditorView.domEventHandlers({
            blur: () => {
              callbacks.current.onBlur?.();
            },
          }),
        ],
      }),
    });
    return () => view.destroy();
    // The editor is created once per mount; `initial` only seeds it.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-creating the editor on every keystroke would lose the cursor
  }, []);

  return <div className="note-editor" ref={host} />;
}
