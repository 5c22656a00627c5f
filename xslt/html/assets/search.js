// Search over both languages. Each language has its own pagefind bundles (one per shard, listed
// in search/bundles.js); the first bundle of a language is its primary instance and the others
// are merged into it, so each language is searched with its own stemmer. Results of the
// languages are combined per telegram. Excerpts are rebuilt as text with <mark> elements only.
(function () {
  'use strict';
  var form = document.getElementById('search-form');
  var input = document.getElementById('search-query');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var selectWho = document.getElementById('search-correspondent');
  var selectYear = document.getElementById('search-year');
  if (!form) return;
  var bundles = window.shifrSearchBundles || {};
  var ready = null;

  function say(text) { status.textContent = text; }

  function load() {
    if (window.location.protocol === 'file:') {
      return Promise.reject(new Error('Search cannot run from a file:// address (browsers block loading the index). Serve the site folder with any static web server.'));
    }
    var languages = Object.keys(bundles);
    return Promise.all(languages.map(function (lang) {
      var dirs = bundles[lang];
      return import('../pagefind/' + dirs[0] + '/pagefind.js').then(function (pf) {
        return pf.options({ baseUrl: '/' }).then(function () {
          return Promise.all(dirs.slice(1).map(function (d) { return pf.mergeIndex('../pagefind/' + d + '/'); }));
        }).then(function () { return pf.init ? pf.init() : null; }).then(function () { return { lang: lang, pf: pf }; });
      });
    }));
  }

  function fillFilters(instances) {
    return Promise.all(instances.map(function (i) { return i.pf.filters(); })).then(function (all) {
      var values = { correspondent: {}, year: {} };
      all.forEach(function (f) {
        Object.keys(values).forEach(function (k) { Object.keys((f && f[k]) || {}).forEach(function (v) { values[k][v] = true; }); });
      });
      [[selectWho, 'correspondent'], [selectYear, 'year']].forEach(function (pair) {
        Object.keys(values[pair[1]]).sort().forEach(function (v) {
          var o = document.createElement('option');
          o.value = v;
          o.textContent = v;
          pair[0].appendChild(o);
        });
      });
    });
  }

  // pagefind's excerpt is HTML with <mark>; keep the marks, turn everything else into text.
  function excerpt(html) {
    var span = document.createElement('span');
    var decoder = document.createElement('textarea');
    html.split(/(<mark>|<\/mark>)/).reduce(function (inMark, part) {
      if (part === '<mark>') return true;
      if (part === '</mark>') return false;
      decoder.innerHTML = part.replace(/<[^>]*>/g, '');
      var text = document.createTextNode(decoder.value);
      if (inMark) { var m = document.createElement('mark'); m.appendChild(text); span.appendChild(m); } else span.appendChild(text);
      return inMark;
    }, false);
    return span;
  }

  function run() {
    var query = input.value.trim();
    var filters = {};
    if (selectWho.value) filters.correspondent = selectWho.value;
    if (selectYear.value) filters.year = selectYear.value;
    list.textContent = '';
    if (!query && !selectWho.value && !selectYear.value) { say(''); return; }
    say('Searching…');
    ready.then(function (instances) {
      return Promise.all(instances.map(function (i) {
        return i.pf.search(query || null, { filters: filters }).then(function (r) {
          return Promise.all(r.results.slice(0, 50).map(function (hit) {
            return hit.data().then(function (d) { return { lang: i.lang, score: hit.score || 0, data: d }; });
          }));
        });
      }));
    }).then(function (perLanguage) {
      var byPage = {};
      perLanguage.forEach(function (hits) {
        hits.forEach(function (h) {
          var page = h.data.meta.page;
          var entry = byPage[page] || (byPage[page] = { page: page, meta: h.data.meta, score: 0, hits: [] });
          entry.score = Math.max(entry.score, h.score);
          entry.hits.push(h);
        });
      });
      var results = Object.keys(byPage).map(function (k) { return byPage[k]; }).sort(function (a, b) { return b.score - a.score; });
      results.forEach(function (r) {
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = '../' + r.page;
        a.textContent = r.meta.title;
        li.appendChild(a);
        var meta = document.createElement('div');
        meta.className = 'meta';
        meta.textContent = (r.meta.date || '') + ' · found in ' + r.hits.map(function (h) { return h.lang === 'ru' ? 'Russian' : h.lang === 'en' ? 'English' : h.lang; }).join(' and ');
        li.appendChild(meta);
        r.hits.forEach(function (h) {
          var p = document.createElement('p');
          p.lang = h.lang;
          p.appendChild(excerpt(h.data.excerpt || ''));
          li.appendChild(p);
        });
        list.appendChild(li);
      });
      say(results.length === 0 ? 'No telegram matches.' : results.length + (results.length === 1 ? ' telegram found.' : ' telegrams found.'));
    }).catch(function (e) { say(e.message); });
  }

  ready = load();
  ready.then(fillFilters).then(function () {
    var q = new URLSearchParams(window.location.search).get('q');
    if (q) { input.value = q; run(); }
  }).catch(function (e) { say(e.message); });
  form.addEventListener('submit', function (e) { e.preventDefault(); run(); });
})();
