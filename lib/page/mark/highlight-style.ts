/** id of the one <style> the highlighter injects; clear() removes it. */
export const STYLE_ID = 'echoes-style';

/** CSS for our marks. Kinds differ by underline style, not colour alone; backgrounds are
 *  semi-transparent and the text colour is inherited, so marks read on light and dark pages. */
export const HIGHLIGHT_CSS = `
mark.echoes-mark {
  color: inherit; background: rgba(255, 196, 0, 0.28); border-radius: 2px;
  text-decoration-line: underline; text-decoration-thickness: 2px; text-underline-offset: 3px;
  text-decoration-color: rgba(214, 120, 0, 0.95); cursor: help; padding: 0;
  -webkit-box-decoration-break: clone; box-decoration-break: clone;
}
mark.echoes-mark.echoes-verbatim { text-decoration-style: solid; background: rgba(255, 196, 0, 0.32); }
mark.echoes-mark.echoes-reworded {
  text-decoration-style: dashed; background: rgba(64, 156, 255, 0.18);
  text-decoration-color: rgba(40, 120, 230, 0.95);
}
mark.echoes-mark.echoes-paraphrase {
  text-decoration-style: dotted; background: rgba(160, 110, 255, 0.12);
  text-decoration-color: rgba(130, 80, 230, 0.95);
}
/* A shared quotation (each outlet's own prose around the same speaker's words) is real
   information but not copying: lighter than any kind of copied prose, thin underline. */
mark.echoes-mark.echoes-quote {
  background: rgba(127, 127, 127, 0.1); text-decoration-thickness: 1px;
  text-decoration-color: rgba(110, 110, 110, 0.8);
}
mark.echoes-mark:focus-visible { outline: 2px solid rgba(40, 120, 230, 0.9); outline-offset: 1px; }
mark.echoes-mark.echoes-flash { animation: echoes-flash 0.6s ease-in-out 3; }
@keyframes echoes-flash { 50% { background: rgba(255, 120, 0, 0.6); } }
@media (prefers-reduced-motion: reduce) {
  mark.echoes-mark.echoes-flash { animation: none; outline: 3px solid rgba(255, 120, 0, 0.9); }
}
`;

/** Adds our <style> once (to <head>, else <html>). */
export function injectHighlightStyle(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = HIGHLIGHT_CSS;
  (doc.head ?? doc.documentElement).appendChild(style);
}

/** Removes our <style> if present. */
export function removeHighlightStyle(doc: Document): void {
  doc.getElementById(STYLE_ID)?.remove();
}
