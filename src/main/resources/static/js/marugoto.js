// Small progressive enhancements; every page works without them.
document.addEventListener("DOMContentLoaded", () => {
  // After a failed submit, move focus to the list of errors so that screen-reader and keyboard users hear it first.
  const summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
});

// After htmx swaps in part of a form (the plan editor's rows), continue where the change happened: the swapped part
// names the field to focus in data-focus, so a keyboard or screen-reader user lands in the new row.
document.addEventListener("htmx:afterSettle", (event) => {
  const named = event.detail.elt && event.detail.elt.closest ? event.detail.elt.closest("[data-focus]") : null;
  const holder = named || document.querySelector("[data-focus]");
  if (holder) {
    const field = document.getElementById(holder.getAttribute("data-focus"));
    holder.removeAttribute("data-focus");
    if (field) {
      field.focus();
    }
  }
});
