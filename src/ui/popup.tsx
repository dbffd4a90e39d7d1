import { useState } from 'preact/hooks';
import { analyze } from '../engine/analyze';
import type { Finding } from '../engine/types';

/** Until the review history lands (issue 8) the popup is a scratch pad: paste a draft, see what Clearpost finds. */
export function Popup() {
  const [findings, setFindings] = useState<Finding[] | null>(null);
  return (
    <main style={{ width: '22rem', font: '14px system-ui, sans-serif', padding: '0.75rem' }}>
      <h1 style={{ fontSize: '1rem', margin: '0 0 0.5rem' }}>Clearpost</h1>
      <label for="draft">Check a draft (stays on this device)</label>
      <textarea
        id="draft"
        rows={6}
        style={{ width: '100%', boxSizing: 'border-box' }}
        onInput={(e) => setFindings(analyze((e.currentTarget as HTMLTextAreaElement).value))}
      />
      {findings && (
        <ul aria-live="polite">
          {findings.length === 0 && <li>Nothing found.</li>}
          {findings.map((f) => (
            <li key={`${f.start}-${f.ruleId}`}>
              <strong>{f.severity === 'block' ? 'Blocks' : 'Warns'}:</strong> {f.message}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
