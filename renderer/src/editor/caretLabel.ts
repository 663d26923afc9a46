/** A co-editor's caret with their name above it; the name is hidden from screen readers so it is not read as text. */
export function renderCaret(user: { name?: string; color?: string }): HTMLElement {
  const caret = document.createElement('span');
  caret.classList.add('collaboration-carets__caret');
  caret.style.borderColor = user.color ?? '#888';
  const label = document.createElement('span');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = user.color ?? '#888';
  label.setAttribute('aria-hidden', 'true');
  label.textContent = user.name ?? '';
  caret.append(label);
  return caret;
}
