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
  // Material makes a code block that scrolls focusable when it sets the block up; with
  // the content.lazy feature that waits until the block nears the screen (setting up
  // every block at once cost a forced style and layout each), so until then every block
  // is focusable (Material takes it back where the block does not scroll).
  document
    .querySelectorAll(".md-typeset .highlight pre > code:not([tabindex])")
    .forEach((code) => code.setAttribute("tabindex", "0"));
});
