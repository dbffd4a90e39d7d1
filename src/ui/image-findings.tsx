import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { ImageView } from '../guard/attachments';
import type { ImageFinding } from '../ocr/types';

const CSS = `
.images { margin: .5rem 0; display: grid; gap: .75rem; }
.image { border: 1px solid #ddd; border-radius: 8px; padding: .5rem; }
.image h3 { font-size: .95rem; margin: 0 0 .35rem; overflow-wrap: anywhere; }
.frame { position: relative; display: inline-block; max-width: 100%; line-height: 0; background: #222; }
.frame canvas { display: block; max-width: 100%; max-height: 200px; width: auto; height: auto; }
.box { position: absolute; border: 2px solid #e53935; box-sizing: border-box; background: rgba(229,57,53,.15); }
.box.done { background: #000; border-color: #000; }
.state { margin: .25rem 0; }
.state.notChecked, .state.partial { color: #8a5300; font-weight: 600; }
.image ul { margin: .35rem 0; }
.note { background: #e8f5e9; padding: .35rem .5rem; border-radius: 6px; }
.image .row { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; margin-top: .35rem; }
`;

const STATE: Record<ImageView['state'], string> = {
  checking: 'Checking this image on your device…',
  checked: '',
  partial: 'Only partly checked',
  notChecked: 'Not checked: treat it as if it may show patient details',
};

/**
 * The images of a stopped post in the warning panel: each with a preview and boxes over what was
 * found, its findings (reason, and the metadata field when it is not in the pixels), and the
 * action that makes it safe: replace it with the redacted copy, or download the copy when the
 * site already uploaded the original (drop/paste).
 */
export function ImageFindings({ images, busy, onReplace }: { images: readonly ImageView[]; busy?: boolean; onReplace?: (id: string) => void }) {
  return (
    <div class="images">
      <style>{CSS}</style>
      {images.map((img) => <ImageRow key={img.id} img={img} busy={busy} onReplace={onReplace} />)}
    </div>
  );
}

function ImageRow({ img, busy, onReplace }: { img: ImageView; busy?: boolean; onReplace?: (id: string) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const pw = (img.preview as { width?: number } | undefined)?.width ?? 0;
  const ph = (img.preview as { height?: number } | undefined)?.height ?? 0;
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (ctx && img.preview) ctx.drawImage(img.preview, 0, 0, pw, ph);
  }, [img.preview, pw, ph]);
  const href = useMemo(() => (img.copy ? URL.createObjectURL(img.copy) : undefined), [img.copy]);
  useEffect(() => () => { if (href) URL.revokeObjectURL(href); }, [href]);
  const inPixels = img.findings.filter((f) => f.bbox);
  const label = img.findings.length
    ? `${img.findings.length} finding${img.findings.length === 1 ? '' : 's'} in image ${img.name}`
    : `Image ${img.name}`;
  return (
    <section class="image" aria-label={label}>
      <h3>{img.name}</h3>
      {img.state !== 'checked' && (
        <p class={`state ${img.state}`}>
          {STATE[img.state]}
          {img.reason ? ` (${img.reason})` : ''}
        </p>
      )}
      {img.preview && pw > 0 && (
        <div class="frame">
          <canvas ref={canvas} width={pw} height={ph} aria-hidden="true" />
          {img.width && img.height
            ? inPixels.map((f, i) => <Box key={i} finding={f} sx={100 / img.width!} sy={100 / img.height!} done={!!img.replaced} />)
            : null}
        </div>
      )}
      {img.findings.length > 0 && (
        <ul>
          {img.findings.map((f, i) => (
            <li key={i} class={f.severity}>
              <span class="sev">{f.severity === 'block' ? 'Must fix' : 'Check'}</span> {f.message}
              {f.field ? ` In the file's metadata (${f.field}).` : ' Shown boxed in the image.'}
            </li>
          ))}
        </ul>
      )}
      {img.note && <p class="note" role="status">{img.note}</p>}
      <div class="row">
        {img.replace !== 'none' && onReplace && !img.copy && (
          <button type="button" disabled={busy} onClick={() => onReplace(img.id)}>
            {img.replace === 'input' ? 'Replace with redacted copy' : 'Make a redacted copy'}
          </button>
        )}
        {href && img.copy && !img.replaced && (
          <a href={href} download={img.copy.name}>
            Download the redacted copy
          </a>
        )}
      </div>
    </section>
  );
}

function Box({ finding, sx, sy, done }: { finding: ImageFinding; sx: number; sy: number; done: boolean }) {
  const [x0, y0, x1, y1] = finding.bbox!;
  const style = { left: `${x0 * sx}%`, top: `${y0 * sy}%`, width: `${(x1 - x0) * sx}%`, height: `${(y1 - y0) * sy}%` };
  return <div class={done ? 'box done' : 'box'} style={style} />;
}
