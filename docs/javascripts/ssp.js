/* SSP-håndbogen: wide tables scroll inside their own box on a phone; make that box reachable
   with the keyboard (WCAG 2.1.1) and name it after the table's caption line. */
(function () {
  function focusableTables() {
    document.querySelectorAll("article table").forEach(function (table) {
      table.setAttribute("tabindex", "0");
      var caption = table.closest(".md-typeset__scrollwrap, .md-typeset__table");
      var before = (caption || table).previousElementSibling;
      if (before && before.classList.contains("ssp-tabeltitel")) {
        table.setAttribute("aria-label", before.textContent.trim());
      }
    });
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(focusableTables);
  } else {
    document.addEventListener("DOMContentLoaded", focusableTables);
  }
})();
