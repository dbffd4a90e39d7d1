/** Why a compose box is not guarded right now. Empty means it is eligible. */
export type IneligibleReason = 'detached' | 'hidden' | 'disabled' | 'readonly' | 'not-editable';

export function eligibility(el: Element): IneligibleReason[] {
  const reasons: IneligibleReason[] = [];
  if (!el.isConnected) reasons.push('detached');
  const view = el.ownerDocument.defaultView;
  const style = view?.getComputedStyle(el);
  if (el.closest('[hidden], [aria-hidden="true"]') || style?.display === 'none' || style?.visibility === 'hidden') reasons.push('hidden');
  if (el.tagName === 'TEXTAREA') {
    const ta = el as HTMLTextAreaElement;
    if (ta.disabled || el.closest('fieldset[disabled]')) reasons.push('disabled');
    if (ta.readOnly) reasons.push('readonly');
  } else {
    const ce = el.getAttribute('contenteditable');
    if (ce === null || ce === 'false') reasons.push('not-editable');
    if (el.getAttribute('aria-disabled') === 'true') reasons.push('disabled');
    if (el.getAttribute('aria-readonly') === 'true') reasons.push('readonly');
  }
  return reasons;
}
