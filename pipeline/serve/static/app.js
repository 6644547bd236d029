// gongwen serve: the page's only script. Plain JavaScript, no libraries, nothing from elsewhere.
// The server renders every part of the page; this script sends the form, shows the answer,
// keeps the list of corrections and sends it after each click, and loads previews lazily.
"use strict";
(function () {
  const form = document.getElementById("input");
  const result = document.getElementById("result");
  const busy = document.getElementById("busy");
  const go = document.getElementById("go");
  const files = document.getElementById("files");
  const chosen = document.getElementById("chosen");
  const drop = document.getElementById("drop");
  let edits = [];
  let base = null;
  let pending = null; // the edit request in flight (its AbortController)

  function seconds(t0) {
    return ((performance.now() - t0) / 1000).toFixed(2);
  }

  // one line of a failed request: the server's own "error: …" line, or the network's
  async function errorLine(response) {
    const text = (await response.text()).trim();
    return text.split("\n")[0] || ("error: HTTP " + response.status);
  }

  function adopt() {
    const body = document.getElementById("result-body");
    base = body ? body.dataset.base : null;
    edits = body ? JSON.parse(body.dataset.edits || "[]") : [];
    observeLazy();
  }

  // ---------------------------------------------------------------- input

  function showChosen() {
    chosen.replaceChildren();
    for (const f of files.files) {
      const li = document.createElement("li");
      li.textContent = f.name + "（" + Math.max(1, Math.round(f.size / 1024)) + " KB）";
      chosen.appendChild(li);
    }
  }

  files.addEventListener("change", showChosen);
  for (const name of ["dragenter", "dragover"]) {
    form.addEventListener(name, (ev) => {
      ev.preventDefault();
      drop.classList.add("over");
    });
  }
  form.addEventListener("dragleave", (ev) => {
    if (!form.contains(ev.relatedTarget)) drop.classList.remove("over");
  });
  form.addEventListener("drop", (ev) => {
    ev.preventDefault();
    drop.classList.remove("over");
    if (ev.dataTransfer && ev.dataTransfer.files.length) {
      files.files = ev.dataTransfer.files;
      showChosen();
      form.requestSubmit();
    }
  });

  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const t0 = performance.now();
    go.disabled = true;
    busy.textContent = "正在转换……";
    busy.classList.remove("error-line");
    try {
      const response = await fetch("/convert", { method: "POST", body: new FormData(form) });
      const type = response.headers.get("content-type") || "";
      if (!type.startsWith("text/html")) {
        busy.textContent = await errorLine(response);
        busy.classList.add("error-line");
        return;
      }
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      result.replaceChildren(...page.getElementById("result").childNodes);
      adopt();
      const body = document.getElementById("result-body");
      if (body) history.pushState(null, "", body.dataset.url);
      busy.textContent = "转换用时 " + seconds(t0) + " 秒";
    } catch (e) {
      busy.textContent = "error: 连接服务器失败（" + e.message + "）";
      busy.classList.add("error-line");
    } finally {
      go.disabled = false;
    }
  });

  // ---------------------------------------------------------------- corrections

  async function sendEdits(list) {
    if (!base) return;
    if (pending) pending.abort();
    pending = new AbortController();
    const t0 = performance.now();
    const error = document.getElementById("edit-error");
    const count = document.getElementById("edit-count");
    if (count) count.textContent = "正在重新排版……";
    try {
      const response = await fetch(base + "/edits", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ edits: list }),
        signal: pending.signal,
      });
      if (!response.ok) {
        if (error) error.textContent = await errorLine(response);
        if (count) count.textContent = edits.length ? "已修改 " + edits.length + " 处" : "";
        return;
      }
      const html = await response.text();
      const scrolls = [".source", ".previews"].map((sel) => {
        const el = result.querySelector(sel);
        return [sel, el ? el.scrollTop : 0];
      });
      const y = window.scrollY;
      const holder = document.createElement("div");
      holder.innerHTML = html; // the server's own, escaped HTML
      const fresh = holder.querySelector("#result-body");
      document.getElementById("result-body").replaceWith(fresh);
      for (const [sel, top] of scrolls) {
        const el = result.querySelector(sel);
        if (el) el.scrollTop = top;
      }
      window.scrollTo(0, y);
      adopt();
      const now = document.getElementById("edit-count");
      if (now) now.textContent = "已修改 " + edits.length + " 处，重新排版用时 " + seconds(t0) + " 秒";
    } catch (e) {
      if (e.name !== "AbortError" && error) error.textContent = "error: 连接服务器失败（" + e.message + "）";
    } finally {
      pending = null;
    }
  }

  function push(edit) {
    sendEdits(edits.concat([edit]));
  }

  result.addEventListener("click", (ev) => {
    const target = ev.target;
    if (target.id === "undo") {
      sendEdits(edits.slice(0, -1));
      return;
    }
    const removal = target.closest(".row.removal");
    if (removal && !removal.classList.contains("blank")) {
      push({ op: "restore", removal: Number(removal.dataset.k) });
      return;
    }
    const row = target.closest(".row.block");
    if (!row) return;
    const where = { doc: Number(row.dataset.doc), block: Number(row.dataset.block) };
    const act = target.dataset ? target.dataset.act : undefined;
    if (act === "remove") push(Object.assign({ op: "remove" }, where));
    else if (act === "title") push(Object.assign({ op: "title" }, where));
    else if (act !== "level") {
      for (const other of result.querySelectorAll(".row.block.selected")) other.classList.remove("selected");
      row.classList.add("selected");
    }
  });

  result.addEventListener("change", (ev) => {
    const target = ev.target;
    if (target.dataset.act !== "level") return;
    const row = target.closest(".row.block");
    push({ op: "level", doc: Number(row.dataset.doc), block: Number(row.dataset.block), level: Number(target.value) });
  });

  // ---------------------------------------------------------------- lazy previews

  const lazy = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const el = entry.target;
        lazy.unobserve(el);
        fetch(el.dataset.src)
          .then(async (response) => {
            if (!response.ok) {
              el.textContent = await errorLine(response);
              el.classList.add("error-line");
              return;
            }
            const holder = document.createElement("div");
            holder.innerHTML = await response.text();
            el.replaceWith(holder.firstElementChild);
          })
          .catch((e) => {
            el.textContent = "error: 预览加载失败（" + e.message + "）";
          });
      }
    },
    { rootMargin: "600px" }
  );

  function observeLazy() {
    for (const el of result.querySelectorAll(".pages.lazy[data-src]")) lazy.observe(el);
  }

  window.addEventListener("popstate", () => location.reload());
  adopt();
})();
