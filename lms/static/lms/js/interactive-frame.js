// The lesson's side of an interactive block (H5P, SCORM): listens to its player frame and
// forwards what it reports to the LMS statement API with the learner's session and CSRF token.
// The frame has neither: it runs on another origin or in an opaque sandbox.
//
// Messages from the frame, accepted only from that iframe's window, from the expected origin
// ("null" when sandboxed) and with the channel secret this page gave it in the frame's URL:
//   {channel, type: "statement", statement}  an xAPI statement about the block's activity
//   {channel, type: "progress"}               something was recorded elsewhere: refresh the status
//   {channel, type: "height", height}         the content's height in pixels
(function () {
  "use strict";
  const MIN_HEIGHT = 200;
  const MAX_HEIGHT = 4000;

  function words(box, name) { return box.dataset["text" + name] || ""; }

  function percent(score) { return Math.round(score * 100); }

  function say(box, parts) {
    box.querySelector(".interactive__status").textContent = parts.filter(Boolean).join(" ");
  }

  function resultWords(box, result) {
    const parts = [];
    if (result.success === true) parts.push(words(box, "Passed"));
    else if (result.success === false) parts.push(words(box, "Failed"));
    else if (result.completion) parts.push(words(box, "Completed"));
    const scaled = result.score && typeof result.score.scaled === "number" ? result.score.scaled : null;
    if (scaled !== null) parts.push(words(box, "Score").replace("{score}", percent(scaled)));
    return parts;
  }

  // Only what the API reads, rebuilt here: the object is always this block, whatever the frame said.
  function cleanStatement(lesson, box, statement) {
    const result = statement.result || {};
    const clean = {
      id: typeof statement.id === "string" ? statement.id : crypto.randomUUID(),
      verb: { id: statement.verb && statement.verb.id },
      object: { id: lesson.dataset.lessonIri + "/" + box.dataset.activity },
      timestamp: typeof statement.timestamp === "string" ? statement.timestamp : new Date().toISOString(),
      context: { language: lesson.dataset.language },
    };
    const kept = {};
    ["score", "success", "completion", "duration"].forEach((name) => {
      if (result[name] !== undefined) kept[name] = result[name];
    });
    if (Object.keys(kept).length) clean.result = kept;
    return clean;
  }

  async function forward(lesson, box, statement) {
    const clean = cleanStatement(lesson, box, statement);
    const parts = clean.result ? resultWords(box, clean.result) : [];
    if (parts.length) say(box, [words(box, "Saving")]);
    let response;
    try {
      response = await fetch(lesson.dataset.statementsUrl, {
        method: "POST", body: JSON.stringify(clean), credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": lesson.dataset.csrfToken },
      });
    } catch (error) {
      if (parts.length) say(box, [words(box, "NotSaved"), String(error)]);
      return;
    }
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      if (parts.length) say(box, [words(box, "NotSaved"), body.detail || response.statusText]);
      return;
    }
    const progress = (body.progress || []).find((entry) => entry.lesson === box.dataset.lessonKey);
    if (parts.length || (progress && progress.status === "completed")) {
      say(box, [...parts, progress && progress.status === "completed" ? words(box, "LessonDone") : ""]);
    }
  }

  async function refresh(box) {
    const response = await fetch("/api/lms/progress", { credentials: "same-origin" }).catch(() => null);
    if (!response || !response.ok) return;
    const body = await response.json();
    for (const enrolment of body.enrolments || []) {
      const lesson = (enrolment.lessons || []).find((entry) => entry.lesson === box.dataset.lessonKey);
      if (!lesson) continue;
      const parts = [];
      if (lesson.success === "passed") parts.push(words(box, "Passed"));
      else if (lesson.success === "failed") parts.push(words(box, "Failed"));
      if (typeof lesson.best_score === "number") parts.push(words(box, "Score").replace("{score}", percent(lesson.best_score)));
      if (lesson.status === "completed") parts.push(words(box, "LessonDone"));
      if (parts.length) say(box, parts);
      return;
    }
  }

  function connect(lesson, box) {
    const frame = box.querySelector("iframe");
    if (!frame) return;
    window.addEventListener("message", (event) => {
      if (event.source !== frame.contentWindow || event.origin !== box.dataset.messageOrigin) return;
      const data = event.data;
      if (!data || typeof data !== "object" || data.channel !== box.dataset.channel) return;
      if (data.type === "statement" && data.statement && typeof data.statement === "object") {
        forward(lesson, box, data.statement);
      } else if (data.type === "progress") {
        refresh(box);
      } else if (data.type === "height" && Number.isFinite(data.height)) {
        frame.style.height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(data.height))) + "px";
      }
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    const lesson = document.querySelector("article.lesson[data-statements-url]");
    if (!lesson) return;
    lesson.querySelectorAll(".interactive[data-channel]").forEach((box) => connect(lesson, box));
  });
})();
