// The batch report's table: sort by a column (click its header again to
// reverse), filter by text and by verdict.  Works on the rows as rendered;
// each cell's data-value holds what sorting compares.
(function () {
  "use strict";
  var table = document.getElementById("reports");
  if (!table) { return; }
  var body = table.tBodies[0];
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var text = document.getElementById("filter-text");
  var verdict = document.getElementById("filter-verdict");
  var count = document.getElementById("filter-count");
  var collator = new Intl.Collator("zh-CN", { numeric: true });

  function value(row, index) { return row.cells[index].getAttribute("data-value") || ""; }

  function sortBy(index) {
    var th = headers[index];
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    var numeric = th.getAttribute("data-type") === "number";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = value(a, index), y = value(b, index);
      var order = numeric ? (Number(x) || 0) - (Number(y) || 0) : collator.compare(x, y);
      return ascending ? order : -order;
    });
    headers.forEach(function (h) { h.setAttribute("aria-sort", "none"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    rows.forEach(function (row) { body.appendChild(row); });
  }

  function filter() {
    var needle = text.value.trim().toLowerCase();
    var wanted = verdict.value;
    var shown = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      var ok = (!wanted || row.getAttribute("data-verdict") === wanted) &&
        (!needle || row.textContent.toLowerCase().indexOf(needle) >= 0);
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    count.textContent = "显示 " + shown + " / " + body.rows.length + " 份";
  }

  headers.forEach(function (th, index) {
    th.querySelector("button").addEventListener("click", function () { sortBy(index); });
  });
  text.addEventListener("input", filter);
  verdict.addEventListener("change", filter);
  filter();
})();
