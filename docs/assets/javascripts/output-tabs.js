// The tabs under a block with a GPU recording (this build's output, the recorded one:
// tools/render.py, output_tabs) are pymdownx's radio buttons, which Material leaves alone
// (it sets up each content tab set as the page loads, with a forced layout for its
// indicator). Choosing a tab chooses it under every block of the page, keeps the block
// chosen under where it was on the screen, and is remembered for the next page.
(() => {
  const KEY = "output-tab";
  const choose = (n) => {
    for (const set of document.querySelectorAll(".output-tabs")) {
      const input = set.querySelectorAll(":scope > input")[n];
      if (input && !input.checked) input.checked = true;
    }
  };
  addEventListener("change", (event) => {
    const set = event.target.parentElement;
    if (!set || !set.classList.contains("output-tabs")) return;
    const n = [...set.querySelectorAll(":scope > input")].indexOf(event.target);
    const top = set.getBoundingClientRect().top;
    choose(n);
    scrollBy(0, set.getBoundingClientRect().top - top);
    try {
      localStorage.setItem(KEY, String(n));
    } catch {} // storage refused (a private window): the choice lasts for this page
  });
  let stored = null;
  try {
    stored = localStorage.getItem(KEY);
  } catch {}
  if (stored !== null) choose(Number(stored));
})();
