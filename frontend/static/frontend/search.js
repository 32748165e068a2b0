/* Practice search, progressively enhanced: a facet or sort change fetches the same page with
   the new query and swaps in the filters and results; the URL follows (pushState) and back and
   forward restore it; the new count is announced (#results-status, a polite live region). An
   answer without both parts (e.g. a 400 for a bad option) is loaded as a whole page instead.
   Without this file the form's buttons do the same with full page loads. */
(function () {
  "use strict";
  var form = document.querySelector("form.search-form");
  if (!form || !window.fetch || !window.DOMParser || !window.URLSearchParams || !history.pushState) return;
  var controller = null;

  function queryOf() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) { if (value !== "") params.append(key, value); });
    var query = params.toString();
    return location.pathname + (query ? "?" + query : "");
  }

  function swap(fresh) {
    ["input[name=q]", "select[name=sort]"].forEach(function (selector) {
      var mine = form.querySelector(selector), theirs = fresh.querySelector(selector);
      if (mine && theirs) mine.value = theirs.value;
    });
    var parts = [".facets", ".results"], can = parts.every(function (s) { return form.querySelector(s) && fresh.querySelector(s); });
    if (!can) return false;
    parts.forEach(function (s) { form.querySelector(s).innerHTML = fresh.querySelector(s).innerHTML; });
    var status = form.querySelector("#results-status"), heading = form.querySelector("#results-heading");
    if (status && heading) status.textContent = heading.textContent;
    return true;
  }

  function load(url, push, focusSelector) {
    if (controller) controller.abort();
    controller = window.AbortController ? new AbortController() : null;
    var results = form.querySelector(".results");
    if (results) results.classList.add("loading");
    form.setAttribute("aria-busy", "true");
    fetch(url, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" }, signal: controller && controller.signal })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.querySelector("form.search-form");
        if (!fresh || !swap(fresh)) { location.href = url; return; }
        document.title = doc.title;
        if (push) history.pushState({ search: url }, "", url);
        var target = focusSelector && form.querySelector(focusSelector);
        if (target) target.focus();
        form.removeAttribute("aria-busy");
        var now = form.querySelector(".results");
        if (now) now.classList.remove("loading");
      })
      .catch(function (error) { if (!error || error.name !== "AbortError") location.href = url; });
  }

  form.addEventListener("change", function (event) {
    var el = event.target;
    if (el.type === "checkbox" && el.closest(".facets")) {
      var selector = 'input[name="' + el.name + '"][value="' + (window.CSS && CSS.escape ? CSS.escape(el.value) : el.value) + '"]';
      load(queryOf(), true, selector);
    } else if (el.name === "sort") {
      load(queryOf(), true, "select[name=sort]");
    }
  });

  form.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href^='?']");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    if (!link.closest(".selected-filters, .pagination, .empty")) return;
    event.preventDefault();
    load(location.pathname + link.getAttribute("href").replace(/^\?$/, ""), true, "#results-heading");
  });

  window.addEventListener("popstate", function (event) {
    if (event.state && event.state.search) load(location.href, false);  // not for #fragment entries
  });
  history.replaceState({ search: location.href }, "", location.href);
})();
