// The Methods page: docs/methods.md (the repository's methods document, bundled as text at build time) rendered in
// the app, with a contents list; each chart's "About this figure" links to its section here.
import { useEffect, useMemo } from 'react';
import methods from '../../../docs/methods.md?raw';
import { renderMarkdown, sectionsOf } from './render-markdown.ts';
import './methods.css';

export default function MethodsView() {
  const html = useMemo(() => renderMarkdown(methods.replace(/^# .*\n/, '')), []);
  const sections = useMemo(() => sectionsOf(methods), []);
  // Opened at a section (a figure's link): scroll to it once the text is in the page.
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    if (target) {
      target.scrollIntoView();
      target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: true });
    }
  }, []);
  return (
    <div className="methods">
      <nav className="methods__contents" aria-labelledby="methods-contents-title">
        <h2 className="methods__contents-title" id="methods-contents-title">Contents</h2>
        <ol>{sections.map(([id, text]) => <li key={id}><a href={`#${id}`}>{text}</a></li>)}</ol>
      </nav>
      {/* Our own document from the repository, not user input. */}
      <div className="methods__body" dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}
