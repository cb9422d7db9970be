/**
 * Clickjacking defence. A meta-tag CSP cannot carry `frame-ancestors` and a static host may send
 * no headers, so the page checks itself: inside any frame it does not start (no drafts read, no
 * editor) and shows a link that opens it as its own page instead.
 */

/** Whether this page runs inside a frame (of any page: another site's cannot be told apart safely). */
export function isFramed(w: Window = window): boolean {
  try {
    return w.top !== w.self;
  } catch {
    return true;
  }
}

/** Replaces `root`'s content with the explanation and a link to open Kindling top-level. */
export function showFramedNotice(root: HTMLElement): void {
  const box = document.createElement("main");
  box.className = "k-framed-notice";
  box.setAttribute("data-testid", "framed-notice");
  const title = document.createElement("h1");
  title.textContent = "Kindling does not run inside another page";
  const text = document.createElement("p");
  text.textContent =
    "This page was loaded in a frame. Kindling keeps your drafts, password hashes and SSH keys in this browser, " +
    "so it only runs as a page of its own, where you can see its address.";
  const link = document.createElement("a");
  link.href = window.location.href;
  link.target = "_blank";
  link.rel = "noopener noreferrer";
  link.className = "k-btn k-btn-primary";
  link.textContent = "Open Kindling in its own tab";
  box.append(title, text, link);
  root.replaceChildren(box);
}
