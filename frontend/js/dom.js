// The one DOM helper: every piece of server data reaches the page through textContent, never as HTML.

/** A new element with an optional class and text (set as text, so markup in it stays text). */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}
