// Text that a tooltip formatter puts into HTML: series and axis names come from users (decay
// types today, workload or parameter names tomorrow), so they are escaped, never inserted raw.
export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
