import type { PostedRecord } from '../store/types';
import { DECISION_LABEL, siteLabel, typeWords } from './history-format';

export const PRINT_CSS = `
body { font: 12pt/1.45 Georgia, 'Times New Roman', serif; color: #000; background: #fff; margin: 2rem auto; max-width: 44rem; }
h1 { font-size: 16pt; margin: 0 0 .25rem; }
.lead { margin: 0 0 1rem; color: #222; }
article { border-top: 1px solid #888; padding: .6rem 0; break-inside: avoid; }
.head { font-weight: bold; }
.text { white-space: pre-wrap; margin: .4rem 0; }
.findings { margin: .2rem 0; padding-left: 1.2rem; }
button { font: 11pt system-ui, sans-serif; padding: .35rem .8rem; }
@media print { .no-print { display: none; } body { margin: 0; } }
`;

/**
 * The printable record of what the user posted through Clearpost (issue 8): for the user's own
 * files, as the article this product grew from advises. Patient details are replaced by their type.
 */
export function PrintRecord({ posts, generated, onPrint }: { posts: readonly PostedRecord[]; generated: Date; onPrint?: () => void }) {
  return (
    <main>
      <style>{PRINT_CSS}</style>
      <h1>Record of posts made through Clearpost</h1>
      <p class="lead">
        Generated {generated.toLocaleString()}. {posts.length} post{posts.length === 1 ? '' : 's'}, newest first.
        Patient details in the text are replaced by their type (for example [NAME]); the check's findings and your decision are listed under each post.
      </p>
      {onPrint && <p class="no-print"><button type="button" onClick={onPrint}>Print or save as PDF</button></p>}
      {posts.length === 0 && <p>No posts recorded. Turn on “Keep a record of what I post” in Clearpost's settings.</p>}
      {posts.map((p) => (
        <article key={p.id} aria-label={`${siteLabel(p.site)}, ${new Date(p.time).toLocaleString()}`}>
          <p class="head">{siteLabel(p.site)} — {new Date(p.time).toLocaleString()} — {DECISION_LABEL[p.decision]}{p.reason ? ` (“${p.reason}”)` : ''}</p>
          <p class="text">{p.text}</p>
          {p.findings.length > 0 && (
            <ul class="findings" aria-label="Findings at the time of posting">
              {p.findings.map((f, i) => <li key={i}>{f.severity === 'block' ? 'Blocked' : 'Warned'}: {typeWords(f.type)} — {f.message}</li>)}
            </ul>
          )}
        </article>
      ))}
    </main>
  );
}
