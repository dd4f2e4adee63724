// The SCORM player: gives the SCO in the nested frame scorm-again's API (window.API for
// SCORM 1.2, window.API_1484_11 for 2004), started with the data the server handed over,
// committing to this attempt's signed URL. Each page view is one session, named in the
// commit URL so the server counts its session time once.
//
// Tells the lesson page (interactive-frame.js) when something was recorded, so it
// refreshes the lesson's status, and how tall the player is:
//   {channel, type: "progress"}, {channel, type: "height", height}
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("scorm-player-data").textContent);
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const channel = fragment.get("channel");
  const parentOrigin = fragment.get("parent") || "*";
  const saveStatus = document.querySelector(".scorm-player__save");
  const frame = document.getElementById("scorm-content");
  const is2004 = data.standard === "2004";

  function tell(message) {
    if (!channel || window.parent === window) return;
    window.parent.postMessage(Object.assign({ channel: channel }, message), parentOrigin);
  }

  function sessionId() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  // scorm-again's synchronous commits end here; the server's answer says whether anything was recorded.
  function answer(xhr) {
    let body = null;
    try { body = JSON.parse(xhr.responseText); } catch (error) { body = null; }
    if (xhr.status >= 200 && xhr.status < 300 && body && body.result === true) {
      saveStatus.textContent = "";
      if (body.recorded) tell({ type: "progress" });
      return { result: true, errorCode: 0 };
    }
    saveStatus.textContent = data.texts.notSaved + " " + ((body && body.error) || xhr.status || "");
    return { result: false, errorCode: 101 };
  }

  const settings = {
    lmsCommitUrl: data.commitUrl + "&session=" + sessionId(),
    dataCommitFormat: "json",
    // The commit on LMSFinish/Terminate says so: the LMS then sets what the SCO left unset.
    terminateCommitParam: "final",
    autocommit: true,
    autocommitSeconds: data.autocommitSeconds,
    logLevel: 4,
    xhrResponseHandler: answer,
    // Commits carry the content session's cookie (the final one is a beacon, which always does).
    xhrWithCredentials: true,
  };
  // SCORM 2004 sequencing: scorm-again's engine runs the package's activity tree. It tells the
  // player which activity to deliver; the player shows that item's page.
  const sequencing = is2004 ? data.sequencing : null;
  // A new attempt's tree gets its first selection and random order before the engine starts:
  // scorm-again applies them only when a cluster's attempt begins, after flow has already
  // entered it in manifest order (the random-test sample would always start with its first
  // test). The engine keeps the result in its state; later attempts it randomises itself.
  function shuffled(list) {
    const copy = list.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }
  function initialSelection(activity) {
    const controls = activity.sequencingControls || {};
    const ids = (activity.children || []).map((child) => child.id);
    const select = controls.selectionTiming !== "never" && controls.selectCount !== null && controls.selectCount < ids.length;
    const reorder = controls.randomizeChildren && controls.randomizationTiming !== "never";
    if (ids.length && (select || reorder)) {
      const chosen = select ? new Set(shuffled(ids).slice(0, controls.selectCount)) : new Set(ids);
      const kept = ids.filter((id) => chosen.has(id));
      const order = reorder ? shuffled(kept) : kept;
      activity.selectionRandomizationState = {
        childOrder: order, selectedChildIds: order, selectionCountStatus: select, reorderChildren: reorder,
      };
    }
    (activity.children || []).forEach(initialSelection);
  }
  if (sequencing && !sequencing.state) initialSelection(sequencing.tree);
  let delivered = null;
  let sessionEnded = false;
  if (sequencing) {
    settings.sequencing = {
      activityTree: sequencing.tree,
      eventListeners: {
        onActivityDelivery: (activity) => { delivered = activity.id; },
        onSequencingSessionEnd: () => { sessionEnded = true; },
      },
    };
  }
  const api = is2004 ? new window.Scorm2004API(settings) : new window.Scorm12API(settings);
  if (sequencing && sequencing.state) api.deserializeSequencingState(sequencing.state);
  api.loadFromJSON(data.cmi);
  // The final commit leaves as a beacon, whose answer nobody reads: ask the lesson to look again.
  api.on(is2004 ? "Terminate" : "LMSFinish", () => window.setTimeout(() => tell({ type: "progress" }), 1000));
  if (is2004) window.API_1484_11 = api; else window.API = api;

  // End the SCO's session before leaving it: its own unload handler usually calls
  // LMSFinish/Terminate; where it does not, the player does. The final commit leaves as a
  // beacon; a moment's wait lets it land before the next page reads the attempt.
  // Removing the frame first runs the SCO's unload handlers before the player's fallback.
  const FINAL_COMMIT_MS = 300;
  let leaving = false;
  // A SCO may end its session asking to move on (adl.nav.request "continue", "previous" or
  // "{target=ID}choice"); the player follows where the package's control modes allow it,
  // that is where the player itself shows that move.
  let navRequest = "";
  if (is2004 && !sequencing) api.on("SetValue.adl.nav.request", (element, value) => { navRequest = String(value); });
  function requestedMove() {
    if (navRequest === "continue") return document.querySelector("a.scorm-player__next");
    if (navRequest === "previous") return document.querySelector("a.scorm-player__previous");
    const choice = /^\{target=([^}]+)\}choice$/.exec(navRequest);
    if (!choice) return null;
    const wanted = "item=" + encodeURIComponent(choice[1]);
    return Array.from(document.querySelectorAll(".scorm-player__contents a.scorm-player__item"))
      .find((link) => link.search.slice(1).split("&").includes(wanted)) || null;
  }
  if (is2004 && !sequencing) {
    api.on("Terminate", () => {
      const link = requestedMove();
      if (!link || leaving) return;
      leaving = true;
      window.setTimeout(() => window.location.assign(link.href + window.location.hash), FINAL_COMMIT_MS);
    });
  }
  function endSession() {
    frame.remove();
    if (api.isInitialized() && !api.isTerminated()) {
      if (is2004) api.Terminate(""); else api.LMSFinish("");
    }
  }
  function finishThen(next) {
    leaving = true;
    endSession();
    window.setTimeout(next, FINAL_COMMIT_MS);
  }

  // --- Sequencing: the engine's moves ---------------------------------------------------
  const notice = document.querySelector(".scorm-player__sequencing");
  const flowButtons = Array.from(document.querySelectorAll(".scorm-player__flow button[data-request]"));

  function currentActivity() {
    const activity = api.getSequencingState().currentActivity;
    return activity ? activity.id : null;
  }
  function findActivity(node, id, parent) {
    if (!node) return null;
    if (node.id === id) return { activity: node, parent: parent || null };
    for (const child of node.children || []) {
      const found = findActivity(child, id, node);
      if (found) return found;
    }
    return null;
  }
  function say(text) {
    notice.textContent = text;
    notice.hidden = !text;
  }
  // Where the engine must keep its state before the next page reads it: current activity,
  // attempt counts, statuses and the order randomisation chose.
  // keepalive only when the page goes away: Chromium refuses keepalive bodies past 64 KiB in
  // flight, and a ten-item package's state is about 60 KiB.
  function saveState(keepalive) {
    // The root activity's rollup is the attempt's result (the package's rollup rules decide).
    const root = api.getActivityTrackingData(sequencing.tree.id) || {};
    const rollup = { completed: root.completionStatus === "completed", success: root.successStatus, score: root.score };
    const state = api.serializeSequencingState();
    // A suspended tree resumes at its suspended activity: the page to show next time.
    const current = currentActivity() || JSON.parse(state).sequencing?.suspendedActivity || null;
    const body = JSON.stringify({ state: state, current: current, rollup: rollup });
    return fetch(sequencing.saveUrl, {
      method: "POST", body: body, keepalive: keepalive === true, credentials: "include",
      headers: { "Content-Type": "application/json" },
    }).then((response) => {
      if (!response.ok) { saveStatus.textContent = data.texts.notSaved + " " + response.status; return; }
      return response.json().then((answer) => { if (answer.recorded) tell({ type: "progress" }); });
    }).catch(() => { saveStatus.textContent = data.texts.notSaved; });
  }
  function go(id) {
    leaving = true;
    const saved = saveState();
    const waited = new Promise((resolve) => window.setTimeout(resolve, FINAL_COMMIT_MS));
    Promise.all([saved, waited]).then(() => window.location.replace(sequencing.itemUrls[id] + window.location.hash));
  }
  function ended() {
    frame.remove();
    flowButtons.forEach((button) => { button.hidden = true; });
    say(sequencing.texts.ended);
    saveState().then(() => tell({ type: "progress" }));
  }
  // After a navigation request or the SCO's own end: follow a delivery, or say why nothing moved.
  function settle(learnerAsked) {
    if (delivered && sequencing.itemUrls[delivered]) { go(delivered); return; }
    if (sessionEnded || !currentActivity()) { ended(); return; }
    saveState();
    if (learnerAsked) say(sequencing.texts.blocked);
    refreshButtons();
  }
  let navigating = false;
  function navigate(request, target) {
    if (leaving) return;
    delivered = null;
    say("");
    if (api.isInitialized() && !api.isTerminated()) {
      // The SCO's Terminate (from its unload handler, else the player's) carries the request.
      api.adl.nav.request = target ? "{target=" + target + "}choice" : request;
      navigating = true;
      endSession();
      navigating = false;
    } else {
      api.processNavigationRequest(request, target);
    }
    settle(true);
  }
  // A button shows where the engine allows the move. Where it cannot tell (the SCO has not
  // started or has ended; scorm-again does not preview trees with random order), Continue
  // shows where the parent lets learners flow (at the end it ends the attempt or starts the
  // rules' remediation), Previous where flow has an item before this one.
  function refreshButtons() {
    const found = findActivity(sequencing.tree, currentActivity()) || {};
    const hidden = (found.activity && found.activity.hideLmsUi) || [];
    const flow = Boolean(found.parent && found.parent.sequencingControls.flow);
    flowButtons.forEach((button) => {
      const request = button.dataset.request;
      const preview = api.previewNavigationRequest(request);
      const guess = flow && (request === "continue" || button.hasAttribute("data-flow"));
      const allowed = preview.outcome === "unknown" ? guess : preview.outcome === "allowed";
      button.hidden = !allowed || hidden.includes(request);
    });
  }
  function startSequencing() {
    let current = currentActivity();
    if (!current) {
      // A new attempt starts; a suspended one resumes where the learner left it.
      api.processNavigationRequest(sequencing.state ? "resumeAll" : "start");
      current = delivered;
    }
    if (!current) { ended(); return false; }
    if (current !== sequencing.item) { go(current); return false; }
    if (delivered) saveState();
    flowButtons.forEach((button) => button.addEventListener("click", () => navigate(button.dataset.request)));
    document.querySelectorAll(".scorm-player__contents a.scorm-player__item").forEach((link) => {
      link.addEventListener("click", (event) => {
        event.preventDefault();
        navigate("choice", new URLSearchParams(link.search).get("item"));
      });
    });
    // The SCO ended by itself (its own navigation request, or none: the engine's exit and rules).
    api.on("Terminate", () => {
      if (!navigating && !leaving) window.setTimeout(() => { if (!leaving) settle(false); }, 0);
    });
    api.on("Initialize", () => window.setTimeout(refreshButtons, 0));
    api.on("SetValue.cmi.*", () => window.setTimeout(refreshButtons, 0));
    refreshButtons();
    return true;
  }

  // Under sequencing the contents ask the engine (a choice request) instead.
  if (!sequencing) document.querySelectorAll("a.scorm-player__item").forEach((link) => {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      finishThen(() => window.location.assign(link.href + window.location.hash));
    });
  });

  const newAttempt = document.querySelector(".scorm-player__new-attempt");
  if (newAttempt) {
    newAttempt.addEventListener("submit", (event) => {
      event.preventDefault();
      if (!window.confirm(data.texts.confirmNewAttempt)) return;
      // The redirect keeps this fragment: the lesson's message channel.
      newAttempt.action += window.location.hash;
      newAttempt.querySelector("button").disabled = true;
      finishThen(() => newAttempt.submit());
    });
  }

  // Leaving the lesson: the parent's pagehide comes before the SCO's own unload.
  // Under sequencing, leaving suspends the whole activity tree (SN suspendAll): the next visit
  // resumes the same activity, instead of the engine ending its attempt and moving on.
  // Many SCOs end their session on beforeunload, which reaches this page before the SCO's.
  function suspendOnLeaving() {
    if (sequencing && !leaving && api.isInitialized() && !api.isTerminated()) api.adl.nav.request = "suspendAll";
  }
  window.addEventListener("beforeunload", suspendOnLeaving);
  window.addEventListener("pagehide", () => {
    suspendOnLeaving();
    endSession();
    if (sequencing && !leaving) saveState(true);
  });
  // Back from the browser's page cache the SCO is gone: start a fresh session.
  window.addEventListener("pageshow", (event) => { if (event.persisted) window.location.reload(); });

  function reportHeight() { tell({ type: "height", height: document.documentElement.scrollHeight }); }
  new ResizeObserver(reportHeight).observe(document.body);

  if (!sequencing || startSequencing()) frame.src = frame.dataset.src;
})();
