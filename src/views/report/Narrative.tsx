/**
 * A narrative section of the forum report (position, a block, the recommendation): the officer's
 * own words where written, else the report's generated words. Saved as a history entry, as line
 * commentary is, so it is kept in IndexedDB and the workspace file and can be undone; empty text
 * brings the generated words back.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { NarrativeSection } from '../../domain/forumReport';
import { formatDate } from '../../domain/format';
import { useWorkspace } from '../../store/hooks';
import { useCanEdit } from '../shared/useCanEdit';
import { useCommenterName } from '../shared/commenterName';
import '../shared/editForms.css';

export function Narrative({ fy, label, s, level = 3 }: { fy: number; label: string; s: NarrativeSection; level?: 3 | 4 }) {
  const canEdit = useCanEdit();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const Heading = level === 3 ? 'h3' : 'h4';
  const id = useId();
  const text = s.written?.text ?? s.generated;
  return (
    <section aria-labelledby={id} className="report-narrative" data-testid={`narrative-${s.section.toLowerCase().replace(/\W+/g, '-')}`}>
      <Heading id={id}>{s.heading}</Heading>
      {editing ? (
        <NarrativeForm fy={fy} label={label} s={s} onDone={(msg) => { setEditing(false); setNotice(msg); }} />
      ) : (
        <>
          {text.split(/\n{2,}/).map((para, i) => (
            <p key={i} className="narrative-text">{para}</p>
          ))}
          {s.written && <p className="comment-by">Written by {s.written.by}, {formatDate(s.written.at)}.</p>}
          {canEdit && (
            <p className="no-print">
              <button type="button" className="edit-button" onClick={() => setEditing(true)}>
                {s.written ? 'Edit' : 'Write'}<span className="visually-hidden"> the {s.heading.toLowerCase()} section</span>
              </button>
              {!s.written && <span className="hint"> The report's own words until an officer writes this section.</span>}
            </p>
          )}
        </>
      )}
      {notice && <p role="status" className="notice no-print">{notice}</p>}
    </section>
  );
}

function NarrativeForm({ fy, label, s, onDone }: { fy: number; label: string; s: NarrativeSection; onDone: (msg: string | null) => void }) {
  const id = useId();
  const saveEdit = useWorkspace((st) => st.saveEdit);
  const [name, rememberName] = useCommenterName();
  const [who, setWho] = useState(name);
  const [text, setText] = useState(s.written?.text ?? s.generated);
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLTextAreaElement>(null);
  useEffect(() => first.current?.focus(), []);
  const save = async () => {
    if (who.trim() === '') return setError('Your name: enter the name to sign the section with');
    if (text.length > 10000) return setError(`${s.heading}: at most 10,000 characters`);
    rememberName(who.trim());
    const value = text.trim() === s.generated ? '' : text.trim();
    const err = await saveEdit('manual-commentary', `Forum report ${label}: ${s.heading}`, { narratives: [{ fy, section: s.section, text: value, by: who.trim(), at: new Date().toISOString() }] }, 1);
    if (err) setError(`Not saved: ${err}`);
    else onDone(value === '' ? `${s.heading}: the report's own words are used.` : `${s.heading} saved.`);
  };
  return (
    <form className="edit-form no-print" noValidate data-testid="narrative-form" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      {error && <p role="alert" className="error-message">{error}</p>}
      <label htmlFor={`${id}-text`}>
        {s.heading} <span className="hint">leave empty for the report's own words; a blank line starts a new paragraph</span>
      </label>
      <textarea id={`${id}-text`} ref={first} rows={6} value={text} onChange={(e) => setText(e.target.value)} />
      <label htmlFor={`${id}-who`}>Your name <span className="hint">remembered in this browser</span></label>
      <input id={`${id}-who`} value={who} size={30} autoComplete="name" onChange={(e) => setWho(e.target.value)} />
      <div className="edit-actions">
        <button type="submit" className="primary">Save {s.heading.toLowerCase()}</button>
        <button type="button" onClick={() => onDone(null)}>Cancel</button>
      </div>
    </form>
  );
}
