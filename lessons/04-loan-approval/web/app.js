// The loan page: fills the form from a demo profile, submits it (POST /apply), follows the workflow by polling
// GET /status/{id}, and opens the manager's dialog (POST /approve) while the workflow waits for one.

import { t, translatePage, setLanguage, language, money } from "./i18n.js";
import { LoanApi, ApiError, ConnectionLost } from "./api.js";

const PROFILES = {
  alice: { applicantName: "Alice Johnson", sin: "046-451-111", amount: 150000 },
  bob: { applicantName: "Bob Martinez", sin: "046-452-222", amount: 50000 },
  charlie: { applicantName: "Charlie Wilson", sin: "046-453-333", amount: 25000 },
};
const FINAL = ["APPROVED", "DENIED", "FAILED"];
const POLL_MS = 1000;
const FIELDS = ["applicationId", "applicantName", "sin", "amount"];
// The lines the workflow writes just before it suspends in a callback wait (the lesson's fixed texts), and the
// lines the API writes (on POST /apply, and "Approved by <caller>" on POST /approve), which are not steps.
const WAIT_STARTS = [/^Waiting for a manager/, /fraud check started$/];
const API_LINE = /^Application submitted|^(Approved|Denied) by (?!manager )/;

const $ = (id) => document.getElementById(id);
const API_KEY = "loan-page-api-url";

let api = new LoanApi(new URLSearchParams(location.search).get("api") ?? localStorage.getItem(API_KEY) ?? "");
let current = null;   // {id, amount, status, sawApproval, dialogClosed}
let pollTimer = null;
let offline = false;

// ------------------------------------------------------------------ form

function fillProfile(name) {
  const p = PROFILES[name];
  $("applicationId").value = `${name}-${Date.now().toString(36)}`;
  $("applicantName").value = p.applicantName;
  $("sin").value = p.sin;
  $("amount").value = String(p.amount);
  clearErrors();
  $("amount").focus();
}

function clearErrors() {
  $("message").textContent = "";
  $("message").className = "message";
  for (const f of FIELDS) {
    $(f).removeAttribute("aria-invalid");
    $(f + "-error").textContent = "";
  }
}

/** The amount as a JSON number when it reads as one; anything else goes as typed, and the API names the field. */
function amountValue(text) {
  const cleaned = text.replace(/[,\s$]/g, "");
  return cleaned !== "" && Number.isFinite(Number(cleaned)) ? Number(cleaned) : text;
}

async function submitApplication(event) {
  event.preventDefault();
  clearErrors();
  if (!$("applicationId").value.trim()) {
    $("applicationId").value = `app-${Date.now().toString(36)}`;
  }
  const application = {
    applicationId: $("applicationId").value.trim(),
    applicantName: $("applicantName").value,
    sin: $("sin").value,
    amount: amountValue($("amount").value),
  };
  $("submit").disabled = true;
  try {
    await api.apply(application);
    startFollowing(application.applicationId, application.amount);
  } catch (e) {
    showError($("message"), e, true);
  } finally {
    $("submit").disabled = false;
  }
}

/** An API error as a sentence; a 400 also marks the field it names and moves the focus there. */
function showError(target, e, markField) {
  target.className = "message error";
  if (e instanceof ConnectionLost) {
    target.textContent = t("offline", { api: api.displayUrl });
    return;
  }
  if (!(e instanceof ApiError)) {
    target.textContent = String(e.message || e);
    return;
  }
  const key = e.status === 400 ? "errorField" : e.status === 404 ? "errorNotFound" : e.status === 409 ? "errorConflict"
    : e.status === 401 || e.status === 403 ? "errorForbidden" : "errorServer";
  target.textContent = t(key, { message: e.message, status: e.status });
  target.dataset.status = String(e.status);
  if (markField && e.status === 400 && FIELDS.includes(e.field)) {
    $(e.field).setAttribute("aria-invalid", "true");
    $(e.field + "-error").textContent = e.message;
    $(e.field).focus();
  }
}

// ------------------------------------------------------------------ following the workflow

/** Follows one application; its id goes into the address (#id), so a reload or a shared link follows it again. */
function startFollowing(id, amount) {
  clearTimeout(pollTimer);
  history.replaceState(null, "", "#" + encodeURIComponent(id));
  current = { id, amount, status: null, sawApproval: false, dialogClosed: false };
  $("log").replaceChildren();
  $("result").hidden = true;
  $("replay-note").hidden = true;
  render({ status: "SUBMITTED", stepsDone: [], log: [] });
  poll();
}

async function poll() {
  const following = current;
  try {
    const { body } = await api.status(following.id);
    if (following !== current) {
      return;
    }
    setOffline(false);
    render(body);
    if (FINAL.includes(body.status)) {
      return;
    }
  } catch (e) {
    if (following !== current) {
      return;
    }
    if (e instanceof ConnectionLost) {
      setOffline(true);
    } else {
      showError($("message"), e, false);
      if (e instanceof ApiError && e.status === 404) {
        return;
      }
    }
  }
  pollTimer = setTimeout(poll, POLL_MS);
}

function setOffline(lost) {
  const banner = $("connection");
  if (lost) {
    banner.textContent = t("offline", { api: api.displayUrl });
    banner.className = "banner error";
    banner.hidden = false;
  } else if (offline) {
    banner.textContent = t("online");
    banner.className = "banner ok";
    setTimeout(() => { if (!offline) banner.hidden = true; }, 3000);
  }
  offline = lost;
}

/** Each stage's state from the status record: see "What happens behind each step" in the lesson's README. */
function stageStates(s) {
  const done = new Set(s.stepsDone || []);
  const final = FINAL.includes(s.status);
  const rulesPassed = done.has("decision-rules");
  const states = {};
  states.validation = done.has("validate-application") ? "done" : final ? "failed" : "active";
  states.bureaus = done.has("credit-checks") ? "done" : states.validation !== "done" ? "pending" : final ? "failed" : "active";
  states.decision = states.bureaus !== "done" ? "pending"
    : (rulesPassed || final || current.sawApproval || s.status === "AWAITING_APPROVAL") ? "done" : "active";
  if (current.sawApproval) {
    states.manager = s.awaitingApproval ? "waiting" : done.has("manager-approval") ? "approved"
      : final ? "denied" : "active";
  } else {
    states.manager = rulesPassed || (final && states.decision === "done") ? "skipped" : "pending";
  }
  if (rulesPassed) {
    states.fraud = !final ? "active" : s.status === "APPROVED" ? "done"
      : /^fraud check/.test(s.reason || "") ? "denied" : s.status === "FAILED" ? "failed" : "done";
  } else {
    states.fraud = final ? "skipped" : "pending";
  }
  states.final = final ? s.status.toLowerCase() : "pending";
  return states;
}

const STATE_TEXT = { pending: "statePending", active: "stateActive", waiting: "stateWaiting", done: "stateDone",
  skipped: "stateSkipped", failed: "stateFailed", approved: "stateApproved", denied: "stateDenied" };

function render(s) {
  if (s.awaitingApproval) {
    current.sawApproval = true;
  }
  current.status = s;
  $("status-line").textContent = t("statusLine", { status: s.status });
  const states = stageStates(s);
  for (const [stage, state] of Object.entries(states)) {
    const el = $("stage-" + stage);
    el.dataset.state = state;
    el.querySelector(".state").textContent = t(STATE_TEXT[state] || (state === "approved" ? "stateApproved" : "stateFailed"));
    if (state === "active" || state === "waiting") {
      el.setAttribute("aria-current", "step");
    } else {
      el.removeAttribute("aria-current");
    }
  }
  renderLog(s);
  renderResult(s);
  if (s.awaitingApproval && !current.dialogClosed && !$("approval").open) {
    openApproval();
  } else if (!s.awaitingApproval && $("approval").open) {
    $("approval").close();
  }
  $("open-approval").hidden = !(s.awaitingApproval && current.dialogClosed);
}

/**
 * The log as the status API returns it. A line the workflow wrote before a callback wait that has ended is marked
 * "replayed": when the callback arrived, the handler ran again from the top and every finished step returned its
 * checkpointed result instead of running (and writing) again.
 */
function renderLog(s) {
  const lines = s.log || [];
  const done = new Set(s.stepsDone || []);
  const final = FINAL.includes(s.status);
  const ended = [done.has("manager-approval") || (final && current.sawApproval), final && done.has("decision-rules")];
  let replayedUpTo = -1;
  WAIT_STARTS.forEach((pattern, i) => {
    const start = lines.findIndex((line) => pattern.test(line));
    if (ended[i] && start >= 0) {
      replayedUpTo = Math.max(replayedUpTo, start);
    }
  });
  const items = lines.map((line, i) => {
    const li = document.createElement("li");
    li.textContent = line;
    if (i <= replayedUpTo && !API_LINE.test(line)) {
      li.classList.add("replayed");
      const badge = document.createElement("span");
      badge.className = "badge";
      badge.textContent = t("replayed");
      badge.title = t("replayedTitle");
      li.prepend(badge);
    }
    return li;
  });
  $("log").replaceChildren(...items);
  $("replay-note").hidden = replayedUpTo < 0;
  $("replay-note").textContent = t("replayedTitle");
}

function renderResult(s) {
  const result = $("result");
  if (!FINAL.includes(s.status)) {
    result.hidden = true;
    return;
  }
  const key = { APPROVED: "resultApproved", DENIED: "resultDenied", FAILED: "resultFailed" }[s.status];
  result.hidden = false;
  result.dataset.decision = s.status;
  result.replaceChildren();
  const title = document.createElement("strong");
  title.textContent = [t(key), current.id, current.amount == null ? null : money(current.amount)]
    .filter((part) => part !== null).join(" · ");
  const reason = document.createElement("p");
  reason.className = "reason";
  reason.textContent = t("reason", { reason: s.reason || "" });
  result.append(title, reason);
}

// ------------------------------------------------------------------ the manager's dialog

function openApproval() {
  const dialog = $("approval");
  const amount = current.amount == null ? "" : t("amountSuffix", { amount: money(current.amount) });
  $("approval-intro").textContent = t("approvalIntro", { id: current.id, amount });
  $("approval-auth").textContent = api.isLocal ? t("approvalLocal") : t("approvalDeployed");
  $("credentials").hidden = api.isLocal;
  if (!$("region").value) {
    $("region").value = api.region;
  }
  $("approval-error").textContent = "";
  dialog.showModal();
  (api.isLocal ? $("approve") : $("accessKeyId")).focus();
}

async function sendDecision(approved) {
  const error = $("approval-error");
  error.textContent = "";
  let credentials = null;
  if (!api.isLocal) {
    credentials = { accessKeyId: $("accessKeyId").value.trim(), secretAccessKey: $("secretAccessKey").value.trim(),
      sessionToken: $("sessionToken").value.trim() || undefined };
    if (!credentials.accessKeyId || !credentials.secretAccessKey || !$("region").value.trim()) {
      error.className = "message error";
      error.textContent = t("errorCredentials");
      return;
    }
  }
  const comment = $("comment").value.trim();
  for (const b of ["approve", "deny"]) $(b).disabled = true;
  try {
    await api.approve({ applicationId: current.id, approved, ...(comment ? { comment } : {}) }, credentials,
      $("region").value.trim());
    current.dialogClosed = true;
    $("approval").close();
    $("message").className = "message ok";
    $("message").textContent = t("approvalSent", { decision: t(approved ? "stateApproved" : "stateDenied") });
  } catch (e) {
    showError(error, e, false);
  } finally {
    for (const b of ["approve", "deny"]) $(b).disabled = false;
  }
}

// ------------------------------------------------------------------ start

function showApi() {
  $("apiUrl").value = api.baseUrl;
  $("api-current").textContent = api.isLocal ? t("apiLocal") : api.baseUrl;
}

function retranslate() {
  translatePage();
  $("language").textContent = t("language");
  showApi();
  if (current && current.status) {
    render(current.status);
  } else {
    document.querySelectorAll(".stage .state").forEach((el) => { el.textContent = t("statePending"); });
  }
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-profile]").forEach((b) => b.addEventListener("click", () => fillProfile(b.dataset.profile)));
  $("application").addEventListener("submit", submitApplication);
  $("approve").addEventListener("click", () => sendDecision(true));
  $("deny").addEventListener("click", () => sendDecision(false));
  $("later").addEventListener("click", () => { current.dialogClosed = true; $("approval").close(); });
  $("approval").addEventListener("close", () => { if (current && current.status) render(current.status); });
  $("open-approval").addEventListener("click", () => { current.dialogClosed = false; openApproval(); });
  // Escape closes the dialog like "Decide later"; the workflow keeps waiting, and "Decide now" opens it again.
  $("approval").addEventListener("cancel", () => { if (current) current.dialogClosed = true; });
  $("language").addEventListener("click", () => { setLanguage(language === "ja" ? "en" : "ja"); retranslate(); });
  $("settings-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const url = $("apiUrl").value.trim();
    localStorage.setItem(API_KEY, url);
    api = new LoanApi(url);
    showApi();
  });
  retranslate();
  followAddress();
  window.addEventListener("hashchange", followAddress);
});

/** An address ending in #id follows that application (a reload, a shared link, a typed id). */
function followAddress() {
  const id = decodeURIComponent(location.hash.slice(1));
  if (id && (!current || current.id !== id)) {
    clearErrors();
    startFollowing(id, null);
  }
}
