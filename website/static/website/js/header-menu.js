// The header's disclosure menu on narrow screens: a real button with aria-expanded.
// Without this script the menu simply stays open and wraps.
(() => {
  const button = document.querySelector(".menu-toggle");
  const menu = document.getElementById("site-menu");
  if (!button || !menu) return;
  const narrow = window.matchMedia("(max-width: 47.99rem)");

  function setOpen(open) {
    button.setAttribute("aria-expanded", String(open));
    menu.classList.toggle("site-header__menu--closed", !open);
  }

  function fit() {
    button.hidden = !narrow.matches;
    setOpen(!narrow.matches);
  }

  button.addEventListener("click", () => {
    const open = button.getAttribute("aria-expanded") !== "true";
    setOpen(open);
    if (open) {
      const first = menu.querySelector("a, button, input");
      if (first) first.focus();
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && narrow.matches && button.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      button.focus();
    }
  });
  narrow.addEventListener("change", fit);
  fit();
})();
