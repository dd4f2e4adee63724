// Knowledge checks without a page reload: the answers are posted as the form would, the
// lesson page the server answers with is read, and this check's part of it replaces the
// old one, so the learner's choices, the feedback beside each and the result appear in
// place and focus moves to the result. Without this script the form posts normally and
// the page opens at the check (its #anchor); focus then moves to the result on load.
(function () {
  "use strict";
  // The block template links this script once per check; one listener is enough.
  if (window.nordpeerKnowledgeChecks) return;
  window.nordpeerKnowledgeChecks = true;

  function focusResult(section) {
    const result = section && section.querySelector("[data-check-result]");
    if (result && result.textContent.trim()) result.focus();
  }

  async function submit(event) {
    const form = event.target.closest("form[data-knowledge-check]");
    if (!form) return;
    event.preventDefault();
    const section = form.closest("section");
    const button = form.querySelector("button[type=submit]");
    if (button) button.disabled = true;
    try {
      const response = await fetch(form.action, {
        method: "POST", body: new FormData(form), credentials: "same-origin",
      });
      if (!response.ok) throw new Error(String(response.status));
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const fresh = page.getElementById(section.id);
      if (!fresh) throw new Error("no check in the answer");
      section.replaceChildren(...fresh.childNodes);
      // The lesson's status and the course outline's progress may have moved with a pass.
      for (const selector of [".lesson__status", ".lesson-layout__outline"]) {
        const old = document.querySelector(selector);
        const replacement = page.querySelector(selector);
        if (old && replacement) old.replaceWith(replacement);
      }
      focusResult(section);
    } catch (error) {
      // Fall back to the ordinary form post, which works without this script.
      form.removeAttribute("data-knowledge-check");
      form.submit();
    }
  }

  document.addEventListener("submit", submit);
  if (location.hash) {
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.querySelector("form[data-knowledge-check]")) focusResult(target);
  }
})();
