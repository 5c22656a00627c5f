// The list of telegrams: filter by correspondent and year, change the order. Works on the table's
// data attributes only, so it runs from file:// without a server. The state lives in the query
// string (?correspondent=stalin&year=1950&order=date-desc) so that a filtered list can be linked.
(function () {
  'use strict';
  var form = document.getElementById('list-controls');
  var table = document.getElementById('telegram-list');
  if (!form || !table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var original = rows.slice();
  var who = form.elements.correspondent;
  var year = form.elements.year;
  var order = form.elements.order;
  var count = document.getElementById('list-count');

  function fromQuery() {
    var q = new URLSearchParams(window.location.search);
    if (q.get('correspondent')) who.value = q.get('correspondent');
    if (q.get('year')) year.value = q.get('year');
    if (q.get('order')) order.value = q.get('order');
  }

  function toQuery() {
    var q = new URLSearchParams();
    if (who.value) q.set('correspondent', who.value);
    if (year.value) q.set('year', year.value);
    if (order.value !== 'date') q.set('order', order.value);
    var s = q.toString();
    try { history.replaceState(null, '', s ? '?' + s : window.location.pathname); } catch (e) { /* file:// may refuse; the list still works */ }
  }

  function sorted() {
    if (order.value === 'date') return original;
    var copy = original.slice();
    if (order.value === 'date-desc') copy.reverse();
    else if (order.value === 'title') copy.sort(function (a, b) { return a.cells[1].textContent.localeCompare(b.cells[1].textContent); });
    return copy;
  }

  function apply() {
    var shown = 0;
    var frag = document.createDocumentFragment();
    sorted().forEach(function (row) {
      var ok = (!who.value || (' ' + row.dataset.correspondents + ' ').indexOf(' ' + who.value + ' ') >= 0) &&
               (!year.value || row.dataset.year === year.value);
      row.hidden = !ok;
      if (ok) shown++;
      frag.appendChild(row);
    });
    body.appendChild(frag);
    count.textContent = shown === original.length ? original.length + ' telegrams' : shown + ' of ' + original.length + ' telegrams';
    toQuery();
  }

  fromQuery();
  form.hidden = false;
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  apply();
})();
