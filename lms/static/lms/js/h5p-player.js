// Inside the lesson's frame: runs an H5P package with h5p-standalone and passes the statements
// about the exercise as a whole to the lesson page, which records them. Statements about its
// sub-questions stay here: completion and score come from the top-level activity only.
// This page has no site session and cannot reach the site's API (its CSP has no connect-src for it);
// its own requests carry the content session's cookie (lms.content.launch).
(function () {
  "use strict";
  const INTERACTED = "http://adlnet.gov/expapi/verbs/interacted";
  const SUB_CONTENT = "http://h5p.org/x-api/h5p-subContentId";

  // The lesson page names the channel and its own origin in this page's fragment.
  const params = new URLSearchParams(window.location.hash.slice(1));
  const channel = params.get("channel");
  const parentOrigin = params.get("parent") || "*";

  // A sandboxed page (no allow-same-origin) throws on any touch of localStorage or sessionStorage,
  // and H5P touches them (its clipboard): give it storage that lives as long as the page.
  function memoryStorage() {
    const items = new Map();
    return {
      get length() { return items.size; },
      key: (index) => Array.from(items.keys())[index] ?? null,
      getItem: (name) => (items.has(String(name)) ? items.get(String(name)) : null),
      setItem: (name, value) => { items.set(String(name), String(value)); },
      removeItem: (name) => { items.delete(String(name)); },
      clear: () => { items.clear(); },
    };
  }
  // The same where the browser refuses storage to a frame on another site than the page (the
  // content origin inside the lesson), and in the frame H5P writes for iframe-only content.
  function giveStorage(target) {
    ["localStorage", "sessionStorage"].forEach(function (name) {
      try {
        target[name].length;
      } catch (error) {
        Object.defineProperty(target, name, { value: memoryStorage(), configurable: true });
      }
    });
  }
  giveStorage(window);
  // H5P's own frame (embed type "iframe") is written by h5p-standalone; its scripts load after
  // it is in the document, so giving it storage as it arrives comes before any of them runs.
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      change.addedNodes.forEach(function (added) {
        if (added.nodeType !== Node.ELEMENT_NODE) return;
        const frames = added.tagName === "IFRAME" ? [added] : Array.from(added.querySelectorAll("iframe"));
        frames.forEach(function (frame) {
          // Loading "about:blank" may give the frame a new window: give that one storage too.
          if (frame.contentWindow) giveStorage(frame.contentWindow);
          frame.addEventListener("load", function () { giveStorage(frame.contentWindow); });
        });
      });
    });
  }).observe(document.documentElement, { childList: true, subtree: true });

  function post(message) {
    if (window.parent === window || !channel) return;
    window.parent.postMessage(Object.assign({ channel: channel }, message), parentOrigin);
  }

  function isTopLevel(statement, iri) {
    if (!statement || !statement.object || statement.object.id !== iri) return false;
    const context = statement.context && statement.context.contextActivities;
    if (context && context.parent && context.parent.length) return false;
    const definition = statement.object.definition || {};
    return !(definition.extensions && definition.extensions[SUB_CONTENT]);
  }

  // Content that reports a score but not whether it passed (DragText, for one) is judged by the
  // block's pass mark, a share of the maximum score; content that says so itself is left alone.
  function judgeByPassMark(statement, passMark) {
    const result = statement.result;
    if (!result || !result.score || typeof result.success === "boolean" || !(passMark > 0)) return statement;
    const score = result.score;
    let scaled = typeof score.scaled === "number" ? score.scaled : null;
    if (scaled === null && typeof score.raw === "number" && typeof score.max === "number" && score.max > 0) {
      const min = typeof score.min === "number" ? score.min : 0;
      scaled = (score.raw - min) / (score.max - min);
    }
    if (scaled === null || !isFinite(scaled)) return statement;
    result.success = scaled >= passMark - 1e-9;
    return statement;
  }

  function frameCookie(ticket) {
    const body = new URLSearchParams({ ticket: ticket.ticket });
    // The answer is read to its end: Chromium finishes a request only once its body is read.
    return fetch(ticket.url, { method: "POST", body: body, credentials: "include" })
      .then(function (response) { return response.text(); })
      .catch(function () {});
  }

  function reportHeight() {
    post({ type: "height", height: document.documentElement.scrollHeight });
  }

  document.addEventListener("DOMContentLoaded", function () {
    const container = document.getElementById("h5p-container");
    const options = JSON.parse(document.getElementById("h5p-options").textContent);
    const iri = container.dataset.objectIri;
    // Sandbox mode: first trade the page's frame ticket for the session cookie on this page's own
    // requests (lms/content/launch.py says why), then let H5P load the package.
    const ticket = document.getElementById("content-frame-ticket");
    const ready = ticket ? frameCookie(JSON.parse(ticket.textContent)) : Promise.resolve();
    ready.then(function () { return new window.H5PStandalone.H5P(container, options); }).then(function () {
      // H5P saves the learner's state with jQuery: with the content session's cookie, which a
      // sandboxed page (origin "null") sends only when asked to. H5P's jQuery exists from now on.
      if (window.H5P && window.H5P.jQuery) window.H5P.jQuery.ajaxSetup({ xhrFields: { withCredentials: true } });
      window.H5P.externalDispatcher.on("xAPI", function (event) {
        const statement = event.data && event.data.statement;
        if (!isTopLevel(statement, iri) || (statement.verb && statement.verb.id === INTERACTED)) return;
        const copy = JSON.parse(JSON.stringify(statement));
        post({ type: "statement", statement: judgeByPassMark(copy, parseFloat(container.dataset.passMark)) });
      });
      reportHeight();
    });
    if (window.ResizeObserver) new window.ResizeObserver(reportHeight).observe(document.body);
  });
})();
