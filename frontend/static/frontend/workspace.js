/* Workspace forms: a search box above long lists of checkboxes (countries) that hides the
   options not matching what is typed. Without JavaScript the whole list is shown. */
(function () {
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  document.querySelectorAll("ul.options.filterable").forEach(function (list, index) {
    var legend = list.closest("fieldset").querySelector("legend");
    var input = document.createElement("input");
    input.type = "search";
    input.className = "options-filter";
    input.id = "options-filter-" + index;
    input.setAttribute("aria-label", list.dataset.filterLabel + ": " + legend.textContent.trim());
    list.parentNode.insertBefore(input, list);
    input.addEventListener("input", function () {
      var wanted = fold(input.value.trim());
      list.querySelectorAll("li").forEach(function (item) {
        item.hidden = wanted !== "" && fold(item.textContent).indexOf(wanted) === -1;
      });
    });
  });
})();
