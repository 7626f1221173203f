/* report.html: sort the plan table by a column, filter it by score band, unit kind, finding and text. */
(function () {
  "use strict";
  var table = document.getElementById("plan-table");
  if (!table || !table.tBodies.length) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var collator = new Intl.Collator("zh-Hans-CN", { numeric: true });
  var controls = {
    band: document.getElementById("f-band"),
    kind: document.getElementById("f-kind"),
    code: document.getElementById("f-code"),
    text: document.getElementById("f-text")
  };
  var counter = document.getElementById("f-count");

  rows.forEach(function (row, i) { row.setAttribute("data-order", String(i)); });

  function cellValue(row, column, numeric) {
    var cell = row.cells[column];
    var raw = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent;
    if (numeric) {
      var n = parseFloat(raw);
      return isNaN(n) ? -Infinity : n;
    }
    return raw.trim();
  }

  function sortBy(column, descending) {
    var numeric = heads[column].getAttribute("data-type") === "num";
    var keyed = rows.map(function (row) {
      return { row: row, key: cellValue(row, column, numeric), order: Number(row.getAttribute("data-order")) };
    });
    keyed.sort(function (a, b) {
      var c = numeric ? a.key - b.key : collator.compare(a.key, b.key);
      if (descending) { c = -c; }
      return c !== 0 ? c : a.order - b.order;
    });
    var fragment = document.createDocumentFragment();
    keyed.forEach(function (k) { fragment.appendChild(k.row); });
    body.appendChild(fragment);
    heads.forEach(function (th, i) {
      if (i === column) {
        th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      } else if (th.hasAttribute("aria-sort")) {
        th.removeAttribute("aria-sort");
      }
    });
  }

  heads.forEach(function (th, column) {
    var button = th.querySelector("button");
    if (!button) { return; }
    button.addEventListener("click", function () {
      sortBy(column, th.getAttribute("aria-sort") === "ascending");
    });
  });

  function applyFilters() {
    var band = controls.band ? controls.band.value : "";
    var kind = controls.kind ? controls.kind.value : "";
    var code = controls.code ? controls.code.value : "";
    var text = controls.text ? controls.text.value.trim().toLowerCase() : "";
    var shown = 0;
    rows.forEach(function (row) {
      var ok = (!band || row.getAttribute("data-band") === band) &&
        (!kind || row.getAttribute("data-kind") === kind) &&
        (!code || (" " + row.getAttribute("data-codes") + " ").indexOf(" " + code + " ") >= 0) &&
        (!text || row.textContent.toLowerCase().indexOf(text) >= 0);
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    if (counter) { counter.textContent = "显示 " + shown + " / " + rows.length + " 份"; }
  }

  Object.keys(controls).forEach(function (name) {
    var control = controls[name];
    if (control) { control.addEventListener(name === "text" ? "input" : "change", applyFilters); }
  });

  var reset = document.getElementById("f-reset");
  if (reset) {
    reset.addEventListener("click", function () {
      Object.keys(controls).forEach(function (name) { if (controls[name]) { controls[name].value = ""; } });
      applyFilters();
    });
  }

  /* A rule in the summary's list filters the table to the plans that have it. */
  Array.prototype.forEach.call(document.querySelectorAll("a[data-filter-code]"), function (link) {
    link.addEventListener("click", function () {
      if (controls.code) { controls.code.value = link.getAttribute("data-filter-code"); }
      applyFilters();
    });
  });

  applyFilters();
}());
