// Filters, search, copy buttons, and the subscribe links of the view shown;
// the page reads the same without them, showing everything.
"use strict";

const FACETS = ["country", "topic", "source"];
const FILTERS = ["kind", ...FACETS, "language", "attend", "from", "to"];

// Absolute addresses are for other programs (calendar apps, Google, Outlook):
// those of the folder as it is served here, else of the base URL it was published for.
const base = /^https?:$/.test(location.protocol)
  ? new URL(".", location.href).href : document.body.dataset.base;
const absolute = (file) => new URL(file, base).href;
const webcal = (url) => url.replace(/^https?:/, "webcal:");
const loopback = (host) => host === "localhost" || host.endsWith(".localhost")
  || /^127\./.test(host) || host === "[::1]";
const publicBase = new URL(base).protocol === "https:" && !loopback(new URL(base).hostname);

const LINKS = {
  webcal: (url) => webcal(url),
  google: (url) => "https://calendar.google.com/calendar/render?cid=" + encodeURIComponent(webcal(url)),
  outlook: (url, link) => "https://outlook.live.com/calendar/0/addfromweb?url=" + encodeURIComponent(url)
    + "&name=" + encodeURIComponent(link.dataset.name),
};

function matches(item, filters, words) {
  for (const name of FILTERS) {
    const value = filters[name];
    if (!value) continue;
    if (name === "kind") {
      if (item.dataset.kind !== value) return false;
    } else if (name === "attend") {
      // Calls have no venue: this filter is for events.
      if (item.dataset.kind === "event" && !(item.dataset.attend || "").includes("|" + value + "|")) return false;
    } else if (name === "from" || name === "to") {
      if (!item.dataset.days) return false;
      const [first, last] = item.dataset.days.split(" ");
      if (name === "from" ? last < value : first > value) return false;
    } else if (!(item.dataset[name] || "").includes("|" + value + "|")) return false;
  }
  const text = item.textContent.toLowerCase();
  return words.every((word) => text.includes(word));
}

// The published files that hold exactly what a kind's list shows, or why none does.
function viewFiles(filters, words, kind, folders) {
  const facets = FACETS.filter((name) => filters[name]);
  const extra = [];
  if (facets.length > 1) extra.push("more than one of country, topic and source");
  if (words.length) extra.push("a search");
  if (filters.language) extra.push("a language");
  if (filters.from || filters.to) extra.push("a date range");
  if (filters.attend && kind === "event") extra.push("online or in person");
  if (extra.length) return { why: extra.join(", ") };
  if (!facets.length) return { folder: "", name: "everything listed" };
  const [facet] = facets;
  const name = `${facet[0].toUpperCase()}${facet.slice(1)}: ${filters[facet]}`;
  const folder = (folders[facet] || {})[filters[facet]];
  return folder === undefined ? { why: `${name}, which has none yet` } : { folder, name };
}

function showSubscribe(filters, words, folders) {
  const box = document.getElementById("subscribe");
  let names = [];
  for (const group of box.querySelectorAll(".group")) {
    const kind = group.dataset.kind;
    group.hidden = filters.kind !== "" && filters.kind !== kind;
    const files = viewFiles(filters, words, kind, folders);
    const note = group.querySelector(".no-file");
    const list = group.querySelector("ul");
    note.hidden = !files.why;
    list.hidden = Boolean(files.why);
    if (files.why) {
      note.textContent = `No published calendar or feed holds exactly these ${kind}s: `
        + `the files are for everything, or one country, topic or source, so not for ${files.why}.`;
      continue;
    }
    if (!group.hidden) names.push(files.name);
    for (const link of list.querySelectorAll("[data-file]")) {
      const file = files.folder + link.dataset.file.split("/").pop();
      link.dataset.file = file;
      if (link.tagName === "A") {
        const make = LINKS[link.dataset.link];
        link.href = make ? make(absolute(file), link) : file;
      }
    }
  }
  names = [...new Set(names)];
  box.querySelector(".view").textContent = names.length ? names.join(", ") : "this view";
}

function applyFilters(form, folders) {
  const data = new FormData(form);
  const filters = {};
  for (const name of FILTERS) filters[name] = data.get(name) || "";
  const words = (data.get("q") || "").toLowerCase().split(/\s+/).filter(Boolean);
  let shown = 0, total = 0;
  for (const list of document.querySelectorAll("ul.entries")) {
    let inList = 0;
    for (const item of list.children) {
      const visible = matches(item, filters, words);
      item.hidden = !visible;
      inList += visible ? 1 : 0;
      total += 1;
    }
    shown += inList;
    list.closest("section").querySelector(".count").textContent = inList;
    list.nextElementSibling.hidden = inList > 0;
  }
  for (const kind of ["event", "call"]) {
    document.getElementById(kind + "s-section").hidden = filters.kind !== "" && filters.kind !== kind;
  }
  form.elements.shown.value = shown === total ? "" : `${shown} of ${total} shown`;
  showSubscribe(filters, words, folders);
  const query = new URLSearchParams([...data].filter(([, value]) => value));
  const search = query.toString();
  history.replaceState(null, "", (search ? "?" + search : location.pathname) + location.hash);
}

function setUpFilters() {
  const form = document.getElementById("filters");
  if (!form) return;
  const folders = JSON.parse(document.getElementById("view").textContent);
  const query = new URLSearchParams(location.search);
  for (const [name, value] of query) if (form.elements[name]) form.elements[name].value = value;
  form.hidden = false;
  for (const type of ["input", "change"]) form.addEventListener(type, () => applyFilters(form, folders));
  form.addEventListener("submit", (event) => event.preventDefault());
  for (const link of document.querySelectorAll('#subscribe [data-link="google"], #subscribe [data-link="outlook"]')) {
    link.parentElement.hidden = !publicBase;
  }
  const notPublic = document.querySelector("#subscribe .not-public");
  notPublic.hidden = publicBase;
  notPublic.querySelector(".base").textContent = base;
  applyFilters(form, folders);
}

async function copy(button) {
  const text = absolute(button.dataset.file);
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const field = Object.assign(document.createElement("textarea"), { value: text });
    document.body.append(field);
    field.select();
    document.execCommand("copy");
    field.remove();
  }
  const label = button.textContent;
  button.textContent = "Copied";
  setTimeout(() => { button.textContent = label; }, 1500);
}

// feeds.html: its subscription links, as the page is served here.
function setUpSubscribeLinks() {
  for (const link of document.querySelectorAll('a[data-link="webcal"]')) link.href = webcal(absolute(link.dataset.file));
}

function setUpCopyButtons() {
  for (const button of document.querySelectorAll("button.copy")) {
    button.hidden = false;
    button.addEventListener("click", () => copy(button));
  }
}

document.addEventListener("DOMContentLoaded", () => {
  setUpFilters();
  setUpSubscribeLinks();
  setUpCopyButtons();
});
