// Sends what a learner does in a lesson's tracked videos to the LMS statement API.
// The server decides what it means for progress; this only reports facts: the share
// of the video actually played (not the furthest point reached) and where to resume.
(function () {
  "use strict";
  const PROGRESS = "https://w3id.org/xapi/video/extensions/progress";
  const POSITION = "https://nordpeer.eu/xapi/extensions/position";
  const PROGRESSED = "http://adlnet.gov/expapi/verbs/progressed";

  function playedShare(video) {
    if (!video.duration || !isFinite(video.duration)) return 0;
    let seconds = 0;
    for (let i = 0; i < video.played.length; i++) seconds += video.played.end(i) - video.played.start(i);
    return Math.min(1, seconds / video.duration);
  }

  function send(lesson, statement, leaving) {
    // keepalive lets the last report leave with the page; the session and CSRF token go with it.
    return fetch(lesson.dataset.statementsUrl, {
      method: "POST", body: JSON.stringify(statement), credentials: "same-origin", keepalive: leaving,
      headers: { "Content-Type": "application/json", "X-CSRFToken": lesson.dataset.csrfToken },
    });
  }

  function track(lesson, box) {
    const video = box.querySelector("video");
    if (!video) return;
    const objectId = lesson.dataset.lessonIri + "/" + box.dataset.activity;
    let lastStep = -1;
    let lastSent = Date.now();

    const resumeAt = parseFloat(box.dataset.resumeAt);
    if (resumeAt > 0) {
      const seek = () => { if (resumeAt < video.duration) video.currentTime = resumeAt; };
      if (video.readyState >= 1) seek(); else video.addEventListener("loadedmetadata", seek, { once: true });
    }

    function report(leaving) {
      const now = Date.now();
      const statement = {
        id: crypto.randomUUID(),
        verb: { id: PROGRESSED, display: { en: "progressed" } },
        object: { id: objectId },
        timestamp: new Date().toISOString(),
        result: {
          duration: "PT" + Math.max(0, (now - lastSent) / 1000).toFixed(1) + "S",
          extensions: { [PROGRESS]: Number(playedShare(video).toFixed(4)), [POSITION]: video.currentTime.toFixed(1) },
        },
        context: { language: lesson.dataset.language },
      };
      lastSent = now;
      return send(lesson, statement, leaving).catch(() => {});
    }

    // One statement per tenth of the video played, and on pause and at the end: a handful per video.
    video.addEventListener("timeupdate", () => {
      const step = Math.floor(playedShare(video) * 10);
      if (step > lastStep) { lastStep = step; if (step > 0) report(false); }
    });
    video.addEventListener("pause", () => report(false));
    video.addEventListener("ended", () => report(false));
    window.addEventListener("pagehide", () => { if (!video.paused) report(true); });
  }

  document.addEventListener("DOMContentLoaded", () => {
    const lesson = document.querySelector("article.lesson[data-statements-url]");
    if (!lesson) return;
    lesson.querySelectorAll(".tracked-video[data-activity]").forEach((box) => track(lesson, box));
  });
})();
