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

// Links marked data-wait fetch a document that takes a while to make (a report printed to PDF):
// the seconds elapsed are shown beside the link until the file arrives and is saved, or what went
// wrong is shown instead. Without fetch the link simply downloads.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a[data-wait]");
  if (!link || !window.fetch || !window.URL || !URL.createObjectURL) { return; }
  event.preventDefault();
  var status = link.nextElementSibling;
  if (!status || !status.classList.contains("wait-status")) {
    status = document.createElement("span");
    status.className = "note wait-status";
    status.setAttribute("role", "status");
    link.after(status);
  }
  var started = Date.now();
  var tick = function () {
    status.textContent = " " + link.dataset.wait + " " + Math.round((Date.now() - started) / 1000) + " s";
  };
  tick();
  var timer = setInterval(tick, 1000);
  fetch(link.href, { credentials: "same-origin" }).then(function (response) {
    if (!response.ok) {
      return response.json().then(function (body) {
        throw new Error((body.error && body.error.message) || response.statusText);
      }, function () { throw new Error(response.statusText); });
    }
    var named = (response.headers.get("content-disposition") || "").match(/filename\*=UTF-8''([^;]+)/);
    return response.blob().then(function (blob) {
      var save = document.createElement("a");
      save.href = URL.createObjectURL(blob);
      save.download = named ? decodeURIComponent(named[1]) : "report.pdf";
      document.body.appendChild(save);
      save.click();
      save.remove();
      status.textContent = " " + (link.dataset.done || "");
    });
  }).catch(function (error) {
    status.textContent = " " + error.message;
  }).then(function () { clearInterval(timer); });
});
// The print header says when the page was printed, not when it was loaded.
window.addEventListener("beforeprint", function () {
  var now = new Date();
  var pad = function (n) { return (n < 10 ? "0" : "") + n; };
  document.querySelectorAll(".printed-at").forEach(function (span) {
    span.textContent = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate()) + " " +
      pad(now.getHours()) + ":" + pad(now.getMinutes());
  });
});
// On a narrow screen tables and charts scroll inside their own box; a keyboard user reaches such a
// box with Tab and scrolls it with the arrow keys.
(function () {
  var mark = function () {
    document.querySelectorAll("main table, main figure").forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.tabIndex = 0;
        box.dataset.scrollFocus = "1";
      } else if (!scrolls && box.dataset.scrollFocus) {
        box.removeAttribute("tabindex");
        delete box.dataset.scrollFocus;
      }
    });
  };
  document.addEventListener("DOMContentLoaded", mark);
  window.addEventListener("resize", mark);
})();
// Forms marked data-wait start work that takes a while (computing an inventory): once sent, the
// button is held and the seconds elapsed are shown until the next page arrives.
document.addEventListener("submit", function (event) {
  var form = event.target.closest && event.target.closest("form[data-wait]");
  if (!form) { return; }
  var button = form.querySelector("button[type=submit]");
  var status = document.createElement("span");
  status.className = "note wait-status";
  status.setAttribute("role", "status");
  (button || form).after(status);
  var started = Date.now();
  var tick = function () {
    status.textContent = " " + form.dataset.wait + " " + Math.round((Date.now() - started) / 1000) + " s";
  };
  tick();
  setInterval(tick, 1000);
  if (button) { setTimeout(function () { button.disabled = true; }, 0); }
});
// The month's entry form offers only the units of measure that fit the item chosen.
document.addEventListener("DOMContentLoaded", function () {
  var item = document.getElementById("month-item");
  var measure = document.getElementById("month-uom");
  if (!item || !measure) { return; }
  var fit = function () {
    var first = null;
    Array.prototype.forEach.call(measure.options, function (option) {
      var fits = (" " + option.dataset.items + " ").indexOf(" " + item.value + " ") >= 0;
      option.hidden = !fits;
      option.disabled = !fits;
      if (fits && !first) { first = option; }
    });
    if (measure.selectedOptions.length === 0 || measure.selectedOptions[0].disabled) {
      if (first) { first.selected = true; }
    }
  };
  item.addEventListener("change", fit);
  fit();
});
