// Accessibility that Material and mkdocs-jupyter leave open; axe-core checks every page
// type in tests/test_browser.py.
document$.subscribe(() => {
  // The search dialog needs a name: its own input's label ("搜索" / "Search").
  const dialog = document.querySelector(".md-search[role=dialog]");
  const input = document.querySelector(".md-search__input");
  if (dialog && input) {
    dialog.setAttribute("aria-label", input.getAttribute("aria-label") || input.placeholder);
  }
  // A box that scrolls must be reachable from the keyboard: notebook code and outputs,
  // and wide diagrams.
  document
    .querySelectorAll(".jp-Notebook .highlight-ipynb, .jp-OutputArea-output pre, .diagram-scroll")
    .forEach((box) => box.setAttribute("tabindex", "0"));
});
