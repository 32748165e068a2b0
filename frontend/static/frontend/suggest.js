/* Type-ahead for the search boxes (input[data-suggest]), progressively enhanced into an ARIA
   1.2 combobox: the input gets role=combobox and controls a listbox of published practice
   titles from data-suggest (a JSON endpoint). Arrow keys move through the options
   (aria-activedescendant), Enter opens the chosen practice or, with none chosen, submits the
   search; Escape closes the list. Without this file the box is a plain search form. */
(() => {
  "use strict";
  if (!window.fetch || !window.URLSearchParams) return;
  document.querySelectorAll("input[data-suggest]").forEach((input, n) => {
    const list = document.createElement("ul"), wrap = document.createElement("span");
    const id = (input.id || "suggest" + n) + "-suggestions", seen = new Map();
    let items = [], active = -1, timer = 0, controller = null;
    wrap.className = "combo";
    input.parentNode.insertBefore(wrap, input);
    wrap.append(input, list);
    list.id = id;
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.dataset.suggestLabel || "");
    list.hidden = true;
    const attrs = { role: "combobox", "aria-autocomplete": "list", "aria-expanded": "false", "aria-controls": id, autocomplete: "off" };
    Object.keys(attrs).forEach((key) => input.setAttribute(key, attrs[key]));

    const close = () => {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      select(-1);
    };
    const select = (index) => {
      active = index;
      Array.from(list.children).forEach((li, i) => li.setAttribute("aria-selected", String(i === index)));
      if (index < 0) input.removeAttribute("aria-activedescendant");
      else {
        input.setAttribute("aria-activedescendant", id + "-" + index);
        list.children[index].scrollIntoView({ block: "nearest" });
      }
    };
    const show = (found) => {
      items = found;
      list.textContent = "";
      found.forEach((item, i) => {
        const li = document.createElement("li");
        li.id = id + "-" + i;
        li.setAttribute("role", "option");
        li.textContent = item.title;
        if (item.lang && item.lang !== document.documentElement.lang) li.lang = item.lang;
        list.append(li);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      list.hidden = !found.length;
      input.setAttribute("aria-expanded", String(!!found.length));
    };
    const go = (index) => { if (items[index]) location.href = items[index].url; };

    const fetchFor = (text) => {
      if (seen.has(text)) return show(seen.get(text));
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      const url = input.dataset.suggest + "?" + new URLSearchParams({ q: text });
      fetch(url, { credentials: "same-origin", signal: controller && controller.signal })
        .then((response) => (response.ok ? response.json() : { suggestions: [] }))
        .then((data) => {
          seen.set(text, data.suggestions || []);
          if (input.value.trim() === text && document.activeElement === input) show(seen.get(text));
        })
        .catch(() => {});
    };

    input.addEventListener("input", () => {
      clearTimeout(timer);
      const text = input.value.trim();
      if (text.length < 2) return show([]);
      timer = setTimeout(() => fetchFor(text), 200);
    });
    input.addEventListener("keydown", (event) => {
      if (event.isComposing) return;
      const open = !list.hidden, count = items.length;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!count) return;
        event.preventDefault();
        if (!open) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
        const down = event.key === "ArrowDown";
        if (!open || active < 0) select(down ? 0 : count - 1);
        else select((active + (down ? 1 : count - 1)) % count);
      } else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault();
        go(active);
      } else if (event.key === "Escape" && open) {
        event.preventDefault();
        close();
      } else if (event.key === "Tab") close();
    });
    input.addEventListener("blur", close);
    list.addEventListener("mousedown", (event) => event.preventDefault()); // keep the focus in the box
    list.addEventListener("click", (event) => {
      const li = event.target.closest("[role=option]");
      if (li) go(Array.prototype.indexOf.call(list.children, li));
    });
  });
})();
