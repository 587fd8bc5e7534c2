// PeakZero's pages work without this file; it only adds conveniences.
// Tables marked "sortable": a click on a column header sorts by that column (numbers by the
// data-value of their cells), a second click reverses the order.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("thead th").forEach(function (header, column) {
      header.tabIndex = 0;
      header.classList.add("sort-control");
      var sort = function () {
        var numeric = header.dataset.sort === "number";
        var descending = header.getAttribute("aria-sort") !== "descending";
        table.querySelectorAll("thead th").forEach(function (other) { other.removeAttribute("aria-sort"); });
        header.setAttribute("aria-sort", descending ? "descending" : "ascending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column], y = b.cells[column];
          var order;
          if (numeric) {
            order = (parseFloat(x.dataset.value) || 0) - (parseFloat(y.dataset.value) || 0);
          } else {
            order = x.textContent.trim().localeCompare(y.textContent.trim(), document.documentElement.lang);
          }
          return descending ? -order : order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      };
      header.addEventListener("click", sort);
      header.addEventListener("keydown", function (event) { if (event.key === "Enter") { sort(); } });
    });
  });
});

// Forms marked data-confirm ask before they are sent (deleting a record).
document.addEventListener("submit", function (event) {
  var message = event.target.dataset && event.target.dataset.confirm;
  if (message && !window.confirm(message)) { event.preventDefault(); }
});
