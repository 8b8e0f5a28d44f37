// warmline web chat: plain JavaScript, no build step. Talks to the /v1 API with
// the HttpOnly session cookie; replies stream over Server-Sent Events.
"use strict";

const DEFAULT_RESOURCES = [
  { name: "988 Suicide & Crisis Lifeline (US)", contact: "call or text 988" },
  { name: "Samaritans (UK & Ireland)", contact: "call 116 123" },
  { name: "Emergency services (EU)", contact: "call 112" },
  { name: "Find a helpline anywhere", contact: "findahelpline.com" },
];

const $ = (id) => document.getElementById(id);
const state = { sessions: [], current: null, turns: [], sending: false, ready: Promise.resolve() };
// `ready` settles once a conversation is open: a message typed before then waits for it.

async function api(method, path, body) {
  const options = { method, headers: {}, credentials: "same-origin" };
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new Error((data && data.error && data.error.message) || response.statusText);
    error.status = response.status;
    throw error;
  }
  return data;
}

// ---- views

function show(view) {
  $("auth-view").hidden = view !== "auth";
  $("app-view").hidden = view !== "app";
  $("top-actions").hidden = view !== "app";
  $("toggle-sessions").hidden = view !== "app";
}

async function start() {
  try {
    await api("GET", "/v1/users/me");
  } catch {
    show("auth");
    $("auth-name").focus();
    return;
  }
  show("app");
  state.ready = (async () => {
    await loadSessions();
    if (state.sessions.length) await openSession(state.sessions[0].id);
    else await newSession();
  })();
  await state.ready;
}

async function authenticate(path) {
  const name = $("auth-name").value.trim();
  const password = $("auth-password").value;
  $("auth-error").textContent = "";
  try {
    await api("POST", path, { name, password });
    $("auth-password").value = "";
    await start();
  } catch (error) {
    $("auth-error").textContent = error.message;
  }
}

// ---- sessions

async function loadSessions() {
  state.sessions = await api("GET", "/v1/sessions");
  renderSessions();
}

function sessionLabel(session) {
  if (session.title) return session.title;
  const when = new Date(session.created_at);
  return when.toLocaleString([], { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
}

function renderSessions() {
  const list = $("session-list");
  list.replaceChildren();
  for (const session of state.sessions) {
    const item = document.createElement("li");
    const open = document.createElement("button");
    open.type = "button";
    open.className = "session";
    open.textContent = sessionLabel(session);
    open.dataset.id = session.id;
    if (session.id === state.current) open.setAttribute("aria-current", "true");
    open.addEventListener("click", () => openSession(session.id));
    item.append(open);
    if (session.id === state.current) {
      const label = sessionLabel(session);
      item.append(
        smallButton("Rename", `Rename conversation ${label}`, () => renameSession(session)),
        smallButton("Delete", `Delete conversation ${label}`, () => deleteSession(session))
      );
    }
    list.append(item);
  }
}

function smallButton(text, label, onClick) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "small";
  button.textContent = text;
  button.setAttribute("aria-label", label);
  button.addEventListener("click", onClick);
  return button;
}

async function newSession() {
  const session = await api("POST", "/v1/sessions", {});
  state.sessions.unshift(session);
  await openSession(session.id);
}

async function renameSession(session) {
  const title = window.prompt("A name for this conversation:", session.title || "");
  if (!title || !title.trim()) return;
  await api("PATCH", `/v1/sessions/${session.id}`, { title: title.trim() });
  await loadSessions();
}

async function deleteSession(session) {
  if (!window.confirm("Delete this conversation and its messages? This cannot be undone.")) return;
  await api("DELETE", `/v1/sessions/${session.id}`);
  await loadSessions();
  if (session.id === state.current) {
    if (state.sessions.length) await openSession(state.sessions[0].id);
    else await newSession();
  }
}

async function openSession(id) {
  const detail = await api("GET", `/v1/sessions/${id}`);
  state.current = id;
  state.turns = [];
  $("messages").replaceChildren();
  $("empty").hidden = false;
  $("crisis").hidden = true;
  for (const message of detail.messages) {
    addMessage(message.role, message.text);
    if (message.role === "supporter" && message.analysis) recordTurn(message.analysis);
  }
  renderSessions();
  renderAnalysis();
  setSessionsOpen(false);
  setStatus("");
  $("composer-text").focus();
}

// ---- messages

function addMessage(role, text) {
  const item = document.createElement("li");
  item.className = `message ${role}`;
  const who = document.createElement("span");
  who.className = "visually-hidden";
  who.textContent = role === "seeker" ? "You said: " : "warmline said: ";
  const body = document.createElement("p");
  body.textContent = text;
  item.append(who, body);
  $("messages").append(item);
  $("empty").hidden = true;
  item.scrollIntoView({ block: "end" });
  return body;
}

function setStatus(text) {
  $("status").textContent = text;
}

async function send(text) {
  if (state.sending) return;
  state.sending = true;
  $("send").disabled = true;
  await state.ready.catch(() => null);
  addMessage("seeker", text);
  const reply = addMessage("supporter", "");
  reply.parentElement.setAttribute("aria-busy", "true");
  setStatus("warmline is writing…");
  try {
    const turn = await streamReply(state.current, text, (chunk) => {
      reply.textContent += chunk;
      reply.parentElement.scrollIntoView({ block: "end" });
    });
    reply.textContent = turn.reply;
    recordTurn(turn);
    renderAnalysis();
    setStatus("");
  } catch (error) {
    reply.parentElement.classList.add("failed");
    if (!reply.textContent) reply.textContent = "(no reply)";
    setStatus(error.message);
  } finally {
    reply.parentElement.removeAttribute("aria-busy");
    state.sending = false;
    $("send").disabled = false;
    loadSessions();
  }
}

async function streamReply(sessionId, text, onToken) {
  let response;
  try {
    response = await fetch(`/v1/sessions/${sessionId}/messages/stream`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
      credentials: "same-origin",
      body: JSON.stringify({ text }),
    });
  } catch {
    throw new Error("Couldn't reach warmline. Check your connection and try again.");
  }
  if (!response.ok) {
    const data = await response.json().catch(() => null);
    throw new Error((data && data.error && data.error.message) || "That message couldn't be sent.");
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    let chunk;
    try {
      chunk = await reader.read();
    } catch {
      break;
    }
    if (chunk.done) break;
    buffer += decoder.decode(chunk.value, { stream: true });
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const event = parseEvent(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
      if (!event) continue;
      if (event.name === "token") onToken(event.data);
      else if (event.name === "done") return event.data;
      else if (event.name === "error") throw new Error(event.data.error.message);
    }
  }
  throw new Error(
    "The connection dropped before the reply finished. Your message was saved; " +
      "reopen the conversation in a moment to see the reply."
  );
}

function parseEvent(block) {
  let name = "message";
  const data = [];
  for (const line of block.split("\n")) {
    if (line.startsWith("event:")) name = line.slice(6).trim();
    else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
  }
  if (!data.length) return null;
  return { name, data: JSON.parse(data.join("\n")) };
}

// ---- analysis and crisis

function recordTurn(turn) {
  state.turns.push(turn);
  if (turn.risk_level === "risk") showCrisis(turn.crisis || turn.resources);
}

function showCrisis(resources) {
  const list = $("crisis-list");
  list.replaceChildren();
  const items = normaliseResources(resources);
  for (const resource of items.length ? items : DEFAULT_RESOURCES) {
    const item = document.createElement("li");
    const name = document.createElement("strong");
    name.textContent = resource.name;
    item.append(name, document.createTextNode(" — " + resource.contact));
    list.append(item);
  }
  $("crisis").hidden = false;
}

function normaliseResources(value) {
  if (!value) return [];
  const raw = Array.isArray(value)
    ? value
    : [...(value.lines || value.resources || []), ...(value.emergency ? [{ name: "Emergency services", contact: value.emergency }] : [])];
  return raw
    .map((r) => {
      if (typeof r === "string") return { name: r, contact: "" };
      const contact = [r.phone, r.text, r.url, r.contact].filter(Boolean).join(" · ");
      return { name: r.name || r.title || r.region || "Helpline", contact };
    })
    .filter((r) => r.name || r.contact);
}

function renderAnalysis() {
  const list = $("turns");
  list.replaceChildren();
  state.turns.forEach((turn, index) => {
    const item = document.createElement("li");
    const rows = [
      ["Emotion", `${turn.emotion} (${Number(turn.intensity).toFixed(1)}/5)`],
      ["Cause", turn.cause || "—"],
      ["Stage", turn.stage],
      ["Strategy", turn.strategy],
      ["Risk", turn.risk_level],
    ];
    const top = turn.top_strategies || probabilities(turn.strategy_probabilities);
    if (top.length) {
      rows.push(["Options", top.map((s) => `${s.strategy} ${Math.round(s.probability * 100)}%`).join(", ")]);
    }
    const heading = document.createElement("h3");
    heading.textContent = `Turn ${index + 1}`;
    const table = document.createElement("dl");
    for (const [key, value] of rows) {
      const dt = document.createElement("dt");
      dt.textContent = key;
      const dd = document.createElement("dd");
      dd.textContent = value;
      if (key === "Risk" && value !== "none") dd.className = `risk-${value}`;
      table.append(dt, dd);
    }
    const why = document.createElement("p");
    why.className = "muted";
    why.textContent = turn.reasoning || "";
    item.append(heading, table, why);
    list.append(item);
  });
  renderChart();
}

function probabilities(map) {
  return Object.entries(map || {})
    .map(([strategy, probability]) => ({ strategy, probability }))
    .sort((a, b) => b.probability - a.probability)
    .slice(0, 3);
}

function renderChart() {
  const svg = $("intensity-chart");
  for (const node of [...svg.querySelectorAll(".plot")]) node.remove();
  const values = state.turns.map((t) => Number(t.intensity) || 1);
  $("chart-desc").textContent = values.length
    ? `Intensity by turn: ${values.map((v) => v.toFixed(1)).join(", ")}.`
    : "No turns yet.";
  const ns = "http://www.w3.org/2000/svg";
  const add = (tag, attrs, text) => {
    const node = document.createElementNS(ns, tag);
    node.setAttribute("class", "plot " + (attrs.class || ""));
    for (const [k, v] of Object.entries(attrs)) if (k !== "class") node.setAttribute(k, v);
    if (text) node.textContent = text;
    svg.append(node);
    return node;
  };
  const x = (i) => 24 + (values.length < 2 ? 130 : (i * 266) / (values.length - 1));
  const y = (v) => 100 - ((v - 1) / 4) * 90;
  for (const level of [1, 3, 5]) {
    add("line", { class: "grid", x1: 24, x2: 296, y1: y(level), y2: y(level) });
    add("text", { class: "axis", x: 4, y: y(level) + 4 }, String(level));
  }
  if (!values.length) return;
  add("polyline", { class: "line", points: values.map((v, i) => `${x(i)},${y(v)}`).join(" ") });
  values.forEach((v, i) => add("circle", { class: "dot", cx: x(i), cy: y(v), r: 3.5 }));
}

function setSessionsOpen(open) {
  $("sessions").classList.toggle("open", open);
  $("toggle-sessions").setAttribute("aria-expanded", String(open));
}

// ---- wiring

document.addEventListener("DOMContentLoaded", () => {
  $("auth-form").addEventListener("submit", (event) => {
    event.preventDefault();
    authenticate("/v1/auth/login");
  });
  $("sign-up").addEventListener("click", () => authenticate("/v1/users"));
  $("sign-out").addEventListener("click", async () => {
    await api("POST", "/v1/auth/logout", {}).catch(() => null);
    state.current = null;
    show("auth");
  });
  $("new-session").addEventListener("click", () => newSession());
  $("toggle-sessions").addEventListener("click", () =>
    setSessionsOpen(!$("sessions").classList.contains("open"))
  );
  $("toggle-analysis").addEventListener("click", () => {
    const panel = $("analysis");
    panel.hidden = !panel.hidden;
    $("toggle-analysis").setAttribute("aria-pressed", String(!panel.hidden));
  });
  $("composer").addEventListener("submit", (event) => {
    event.preventDefault();
    const box = $("composer-text");
    const text = box.value.trim();
    if (!text) return;
    box.value = "";
    send(text);
  });
  $("composer-text").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $("composer").requestSubmit();
    }
  });
  start();
});
