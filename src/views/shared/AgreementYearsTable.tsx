/**
 * The agreement's years as the user types them (year, profile, contribution, surplus required,
 * opening deficit): the Settings editor and each revision in Contributions share it.
 */
import type { AgreementRow } from '../settings/agreementForm';
import { ScrollBox } from '../../ui/TableWrap';

type TextField = 'year' | 'profile' | 'contribution' | 'openingDeficit';

export function AgreementYearsTable(props: {
  label: string;
  rows: AgreementRow[];
  /** How a row is named to a screen reader: "row 2", "revision 1 row 2". */
  rowName: (i: number) => string;
  invalid: (i: number, field: TextField) => boolean | undefined;
  onChange: (i: number, patch: Partial<AgreementRow>) => void;
  onRemove: (i: number) => void;
  caption?: string;
  testId?: string;
  buttonClassName?: string;
}) {
  const input = (i: number, f: TextField, label: string) => (
    <input
      value={props.rows[i]![f]}
      onChange={(e) => props.onChange(i, { [f]: e.target.value })}
      aria-label={`${label}, ${props.rowName(i)}`}
      aria-invalid={props.invalid(i, f)}
      size={f === 'year' ? 8 : 14}
    />
  );
  return (
    <ScrollBox label={props.label}>
      <table data-testid={props.testId}>
        {props.caption && <caption>{props.caption}</caption>}
        <thead>
          <tr>
            <th scope="col">Financial year</th>
            <th scope="col">Deficit profile</th>
            <th scope="col">DfE contribution</th>
            <th scope="col">In-year surplus required</th>
            <th scope="col">Opening deficit (first year)</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r, i) => (
            <tr key={i}>
              <td>{input(i, 'year', 'Financial year')}</td>
              <td>{input(i, 'profile', 'Deficit profile')}</td>
              <td>{input(i, 'contribution', 'DfE contribution')}</td>
              <td>
                <input type="checkbox" checked={r.surplusRequired} onChange={(e) => props.onChange(i, { surplusRequired: e.target.checked })} aria-label={`In-year surplus required, ${props.rowName(i)}`} />
              </td>
              <td>{input(i, 'openingDeficit', 'Opening deficit')}</td>
              <td>
                <button type="button" className={props.buttonClassName} onClick={() => props.onRemove(i)}>
                  Remove<span className="visually-hidden"> {props.rowName(i)}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
