import type { Rag } from '../../model/dataset';
import { RAG_TEXT } from '../conditions/conditionForm';
import './editForms.css';

/** A condition's RAG status in words and a symbol as well as colour (never colour alone). */
export function RagBadge({ rag }: { rag: Rag }) {
  const symbol = rag === 'green' ? '✔' : rag === 'amber' ? '▲' : rag === 'red' ? '✖' : '–';
  return (
    <span className={`rag rag-${rag.replace(' ', '-')}`}>
      <span aria-hidden="true">{symbol} </span>
      {RAG_TEXT[rag]}
    </span>
  );
}
