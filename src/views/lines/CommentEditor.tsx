/**
 * Commentary on one budget line, for the year or for one month, signed with the writer's name and
 * the time. Saved as a history entry (undoable); empty text removes the comment.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { monthLabel, monthOfPeriod } from '../../model/calendar';
import type { LineComment } from '../../model/dataset';
import { useWorkspace } from '../../store/hooks';
import { useCommenterName } from '../shared/commenterName';
import type { LineRow } from './shape';
import '../shared/editForms.css';

export function CommentEditor({ row, fy, latest, period, onDone }: { row: LineRow; fy: number; latest: number; period: number | null; onDone: (saved: string | null) => void }) {
  const id = useId();
  const saveEdit = useWorkspace((s) => s.saveEdit);
  const [name, rememberName] = useCommenterName();
  const [who, setWho] = useState(name);
  const [month, setMonth] = useState<number | null>(period);
  const existing = (m: number | null) => (m === null ? (row.commentary ?? '') : (row.monthComments.find((c) => c.period === m)?.text ?? ''));
  const [text, setText] = useState(existing(period));
  const [errors, setErrors] = useState<{ field: 'who' | 'text'; message: string }[]>([]);
  const first = useRef<HTMLTextAreaElement>(null);
  useEffect(() => first.current?.focus(), []);
  const err = (f: 'who' | 'text') => errors.find((e) => e.field === f);

  const save = async () => {
    const problems: typeof errors = [];
    if (who.trim() === '') problems.push({ field: 'who', message: 'Your name: enter the name to sign the commentary with' });
    if (text.length > 5000) problems.push({ field: 'text', message: 'Commentary: at most 5,000 characters' });
    setErrors(problems);
    if (problems.length > 0) return;
    rememberName(who.trim());
    const comment: LineComment = {
      fy, block: row.block, line: row.line, ...(row.costCentre ? { costCentre: row.costCentre } : {}),
      ...(month !== null ? { period: month } : {}),
      text: text.trim(), by: who.trim(), at: new Date().toISOString(),
    };
    const where = month === null ? row.line : `${row.line}, ${monthLabel(monthOfPeriod(fy, month))}`;
    const error = await saveEdit('manual-commentary', `Commentary on ${where}`, { comments: [comment] }, 1);
    if (error) setErrors([{ field: 'text', message: `Not saved: ${error}` }]);
    else onDone(text.trim() === '' ? `Commentary on ${where} removed.` : `Commentary on ${where} saved.`);
  };

  return (
    <form className="edit-form" noValidate aria-labelledby={`${id}-title`} data-testid="comment-form" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h2 id={`${id}-title`}>Commentary on {row.line} ({row.block})</h2>
      {errors.length > 0 && (
        <div role="alert" className="error-message">
          <ul>{errors.map((e) => <li key={e.field}>{e.message}</li>)}</ul>
        </div>
      )}
      <label htmlFor={`${id}-month`}>For</label>
      <select id={`${id}-month`} value={month ?? ''} onChange={(e) => { const m = e.target.value === '' ? null : Number(e.target.value); setMonth(m); setText(existing(m)); }}>
        <option value="">The whole year</option>
        {Array.from({ length: latest }, (_, i) => i + 1).map((p) => (
          <option key={p} value={p}>{monthLabel(monthOfPeriod(fy, p))} only</option>
        ))}
      </select>
      <label htmlFor={`${id}-text`}>Commentary <span className="hint">why the line is over or under budget; leave empty to remove</span></label>
      <textarea id={`${id}-text`} ref={first} value={text} aria-invalid={err('text') ? true : undefined} onChange={(e) => setText(e.target.value)} />
      <label htmlFor={`${id}-who`}>Your name <span className="hint">remembered in this browser for your next comment</span></label>
      <input id={`${id}-who`} value={who} size={30} autoComplete="name" aria-invalid={err('who') ? true : undefined} onChange={(e) => setWho(e.target.value)} />
      <div className="edit-actions">
        <button type="submit" className="primary">Save commentary</button>
        <button type="button" onClick={() => onDone(null)}>Cancel</button>
      </div>
    </form>
  );
}
