// Filters, search and copy buttons; the page reads the same without them.
"use strict";

function matches(item, filters, words) {
  for (const [name, value] of Object.entries(filters)) {
    if (!value) continue;
    if (name === "kind" ? item.dataset.kind !== value
                        : !(item.dataset[name] || "").includes("|" + value + "|")) return false;
  }
  const text = item.textContent.toLowerCase();
  return words.every((word) => text.includes(word));
}

function applyFilters(form) {
  const data = new FormData(form);
  const filters = {};
  for (const name of ["kind", "country", "topic", "source", "language"]) filters[name] = data.get(name) || "";
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
    const section = list.closest("section");
    section.querySelector(".count").textContent = inList;
    list.nextElementSibling.hidden = inList > 0;
  }
  for (const kind of ["event", "call"]) {
    document.getElementById(kind + "s-section").hidden = filters.kind !== "" && filters.kind !== kind;
  }
  form.elements.shown.value = shown === total ? "" : `${shown} of ${total} shown`;
  const query = new URLSearchParams([...data].filter(([, value]) => value));
  const search = query.toString();
  history.replaceState(null, "", search ? "?" + search : location.pathname);
}

function setUpFilters() {
  const form = document.getElementById("filters");
  if (!form) return;
  const query = new URLSearchParams(location.search);
  for (const [name, value] of query) if (form.elements[name]) form.elements[name].value = value;
  form.hidden = false;
  for (const type of ["input", "change"]) form.addEventListener(type, () => applyFilters(form));
  form.addEventListener("submit", (event) => event.preventDefault());
  if ([...query].length) applyFilters(form);
}

async function copy(button) {
  const text = button.dataset.copy;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const field = Object.assign(document.createElement("textarea"), { value: text });
    document.body.append(field);
    field.select();
    document.execCommand("copy");
    field.remove();
  }
  button.textContent = "Copied";
  setTimeout(() => { button.textContent = "Copy"; }, 1500);
}

function setUpCopyButtons() {
  for (const button of document.querySelectorAll("button.copy")) {
    button.hidden = false;
    button.addEventListener("click", () => copy(button));
  }
}

document.addEventListener("DOMContentLoaded", () => {
  setUpFilters();
  setUpCopyButtons();
});
