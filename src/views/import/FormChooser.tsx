/**
 * A form the file cannot decide for itself (what 202304 means, whether 22.590 is European), asked
 * as a radio group: each reading with a preview of the file's first rows as they will be read
 * under it, so the user can tell which is right. The choice is this upload's only: the file is
 * read again with it, and nothing is imported until the user presses Import.
 */
import { useId, useState } from 'react';
import { formatPounds } from '../../domain/format';
import type { FormQuestion } from '../../import/forms';
import type { FormChoices } from '../../import/forms';
import { ScrollBox } from '../../ui/TableWrap';

export function FormChooser({ question, onChoose }: { question: FormQuestion; onChoose: (choices: FormChoices) => void }) {
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const name = useId();
  const option = question.options.find((o) => o.id === chosen);
  const where = question.example.row !== undefined ? ` (row ${question.example.row}${question.example.value ? `: ${question.example.value}` : ''})` : '';
  return (
    <fieldset className="form-chooser" data-testid="form-chooser">
      <legend>{question.legend}</legend>
      <p>
        The file does not say{where}, so its rows cannot be read until you choose. Each choice shows the first rows as they will then be read.
      </p>
      {question.options.map((o) => (
        <div key={o.id} className="form-option">
          <label>
            <input type="radio" name={name} value={o.id} checked={chosen === o.id} onChange={() => setChosen(o.id)} /> {o.label}
          </label>
          <ScrollBox label={`The first rows read as: ${o.label}`}>
            <table data-testid={`form-preview-${o.id}`}>
              <caption className="visually-hidden">The first rows read as: {o.label}</caption>
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Period</th>
                  <th scope="col">Line</th>
                  <th scope="col" className="num">Amount</th>
                </tr>
              </thead>
              <tbody>
                {o.preview.map((p) => (
                  <tr key={p.row}>
                    <td className="num">{p.row}</td>
                    {p.error !== undefined ? (
                      <td colSpan={3}>Not read: {p.error}</td>
                    ) : (
                      <>
                        <td>{p.period}</td>
                        <td>{p.line}</td>
                        <td className="num">{p.amount === undefined ? '' : formatPounds(p.amount, { pence: true })}</td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </div>
      ))}
      <button type="button" disabled={!option} onClick={() => option && onChoose(option.choices)}>
        {option ? 'Read the file this way' : 'Choose a reading above'}
      </button>
    </fieldset>
  );
}
