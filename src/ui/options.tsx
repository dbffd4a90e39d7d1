import type { ComponentChildren } from 'preact';

/** One section of the options page (user sites, rule packs, ...), each its own component. */
export interface OptionsSection {
  readonly id: string;
  readonly title: string;
  readonly body: ComponentChildren;
}

/** The options page: a heading and its sections in order, each a labelled region. */
export function OptionsPage({ sections }: { sections: readonly OptionsSection[] }) {
  return (
    <main style={{ maxWidth: '44rem', margin: '2rem auto', font: '15px/1.45 system-ui, sans-serif', color: '#1b1b1b' }}>
      <h1 style={{ fontSize: '1.4rem' }}>Clearpost settings</h1>
      {sections.map((s) => (
        <section key={s.id} aria-labelledby={`section-${s.id}`} style={{ margin: '1.5rem 0' }}>
          <h2 id={`section-${s.id}`} style={{ fontSize: '1.1rem' }}>{s.title}</h2>
          {s.body}
        </section>
      ))}
    </main>
  );
}
