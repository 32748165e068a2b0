/* Progress board, progressively enhanced like the practice search (search.js): a filter change
   fetches the same page with the new query and swaps in the results; the URL follows
   (pushState) and back and forward restore it. Without this file the form's button does the
   same with full page loads. */
(function () {
  "use strict";
  var form = document.querySelector("form.board-filters");
  var results = document.querySelector(".board-results");
  var status = document.getElementById("board-status");
  if (!form || !results || !window.fetch || !window.DOMParser || !window.URLSearchParams || !history.pushState) return;
  var controller = null;

  function queryOf() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (value !== "" && !(key === "group_by" && value === "table")) params.append(key, value);
    });
    var query = params.toString();
    return location.pathname + (query ? "?" + query : "");
  }

  function syncForm(fresh) {
    // The filters are the same on every state; only what is chosen changes.
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.type === "checkbox") {
        var theirs = fresh.querySelector('input[name="' + el.name + '"][value="' + (window.CSS && CSS.escape ? CSS.escape(el.value) : el.value) + '"]');
        el.checked = !!(theirs && theirs.checked);
      } else if (el.tagName === "SELECT") {
        var other = fresh.querySelector('select[name="' + el.name + '"]');
        if (other) el.value = other.value;
      }
    });
    var jump = form.querySelector(".facets-jump"), freshJump = fresh.querySelector(".facets-jump");
    if (jump && freshJump) jump.innerHTML = freshJump.innerHTML;  // the count beside the filters
    Array.prototype.forEach.call(form.querySelectorAll("fieldset[data-filter] legend"), function (legend) {
      var theirs = fresh.querySelector('fieldset[data-filter="' + legend.parentNode.getAttribute("data-filter") + '"] legend');
      if (theirs) legend.innerHTML = theirs.innerHTML;
    });
  }

  function load(url, push, focusHeading) {
    if (controller) controller.abort();
    controller = window.AbortController ? new AbortController() : null;
    results.classList.add("loading");
    results.setAttribute("aria-busy", "true");
    fetch(url, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" }, signal: controller && controller.signal })
      .then(function (response) { return response.text(); })  // a 400 page carries its messages
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.querySelector(".board-results"), freshForm = doc.querySelector("form.board-filters");
        if (!fresh || !freshForm) { location.href = url; return; }
        results.innerHTML = fresh.innerHTML;
        syncForm(freshForm);
        document.title = doc.title;
        if (push) history.pushState({ board: url }, "", url);
        var heading = results.querySelector("#board-heading");
        if (status && heading) status.textContent = heading.textContent;
        if (focusHeading && heading) heading.focus();
        results.classList.remove("loading");
        results.removeAttribute("aria-busy");
      })
      .catch(function (error) { if (!error || error.name !== "AbortError") location.href = url; });
  }

  form.addEventListener("change", function (event) {
    var el = event.target;
    if (el.type === "checkbox" || el.name === "group_by") load(queryOf(), true, false);
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    load(queryOf(), true, true);
  });

  results.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href^='?']");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    load(location.pathname + link.getAttribute("href").replace(/^\?$/, ""), true, true);
  });

  window.addEventListener("popstate", function (event) {
    if (event.state && event.state.board) load(location.href, false, false);  // not for #fragment entries
  });
  history.replaceState({ board: location.href }, "", location.href);
})();
