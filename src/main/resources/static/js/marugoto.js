// Small progressive enhancements; every page works without them.
document.addEventListener("DOMContentLoaded", () => {
  // After a failed submit, move focus to the list of errors so that screen-reader and keyboard users hear it first.
  const summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
});
