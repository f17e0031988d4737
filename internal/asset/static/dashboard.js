// The activity dashboard: draws its charts with Chart.js from the figures
// the page carries, and keeps them, the headline numbers, the recent
// activity feed and the top performers current from the server-sent event
// stream at /api/v1/events. Each event is shown in the feed at once (when it
// matches the page's filter) and makes the page fetch the figures again from
// /api/v1/dashboard, at most about once a second. While the stream is down,
// app.js's subscribeEvents reconnects and the page refreshes every 10 s.
(function () {
  'use strict';

  var RECENT_LIMIT = 20;
  var DEBOUNCE_MS = 400;
  var RETRY_MS = 1100;

  var state = { query: '', figures: null, charts: {}, lastEventID: 0, timer: null, retries: 0 };

  var palette = ['#0d6efd', '#198754', '#ffc107', '#6c757d', '#dc3545', '#6f42c1', '#20c997',
    '#fd7e14', '#0dcaf0', '#d63384'];

  function byId(id) {
    return document.getElementById(id);
  }

  function setText(id, text) {
    var el = byId(id);
    if (el) {
      el.textContent = text;
    }
  }

  // ----- charts -----

  function labels(list, key) {
    return (list || []).map(function (x) { return x[key]; });
  }

  function chartData(f) {
    return {
      'chart-per-day': [labels(f.vettings_per_day, 'day'), labels(f.vettings_per_day, 'count')],
      'chart-verdicts': [labels(f.verdicts, 'label'), labels(f.verdicts, 'count')],
      'chart-scores': [labels(f.score_histogram, 'label'), labels(f.score_histogram, 'count')],
      'chart-actors': [labels(f.activity_per_user, 'email'), labels(f.activity_per_user, 'count')],
      'chart-stages': [labels(f.candidates_per_stage, 'label'),
        labels(f.candidates_per_stage, 'count')]
    };
  }

  var chartKinds = {
    'chart-per-day': { type: 'bar', label: 'Vettings' },
    'chart-verdicts': { type: 'doughnut', label: 'Vettings' },
    'chart-scores': { type: 'bar', label: 'Vettings' },
    'chart-actors': { type: 'bar', label: 'Actions', horizontal: true },
    'chart-stages': { type: 'bar', label: 'Candidates' }
  };

  function makeChart(id, data) {
    var canvas = byId(id);
    if (!canvas || !window.Chart) {
      return null;
    }
    var kind = chartKinds[id];
    var options = {
      responsive: true,
      animation: { duration: 250 },
      plugins: { legend: { display: kind.type === 'doughnut' } }
    };
    if (kind.type === 'bar') {
      options.scales = {
        x: { beginAtZero: true },
        y: { beginAtZero: true, ticks: { precision: 0 } }
      };
    }
    if (kind.horizontal) {
      options.indexAxis = 'y';
      options.scales = { x: { beginAtZero: true, ticks: { precision: 0 } } };
    }
    return new window.Chart(canvas, {
      type: kind.type,
      data: {
        labels: data[0],
        datasets: [{
          label: kind.label,
          data: data[1],
          backgroundColor: kind.type === 'doughnut' ? palette : palette[0]
        }]
      },
      options: options
    });
  }

  function drawCharts(f) {
    var all = chartData(f);
    Object.keys(all).forEach(function (id) {
      var chart = state.charts[id];
      if (!chart) {
        state.charts[id] = makeChart(id, all[id]);
        return;
      }
      chart.data.labels = all[id][0];
      chart.data.datasets[0].data = all[id][1];
      chart.update();
    });
  }

  // ----- numbers, feed and table -----

  function drawHeadline(h) {
    setText('stat-active', h.active_candidates);
    setText('stat-today', h.vetted_today);
    setText('stat-week', h.vetted_week);
    setText('stat-queue', h.queue);
    setText('stat-average', h.average_score === null ? '–' : h.average_score.toFixed(1));
    setText('stat-decisions', h.decisions);
  }

  function formatTime(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) {
      return '';
    }
    return d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  }

  // activityItem builds a feed row; every value is set as text.
  function activityItem(a) {
    var li = document.createElement('li');
    li.className = 'list-group-item d-flex justify-content-between';
    li.setAttribute('data-id', String(a.id));
    var what = document.createElement('span');
    var who = document.createElement('strong');
    who.textContent = a.actor_email;
    var role = document.createElement('span');
    role.className = 'text-body-secondary';
    role.textContent = '(' + a.actor_role + ')';
    what.appendChild(who);
    what.appendChild(document.createTextNode(' '));
    what.appendChild(role);
    what.appendChild(document.createTextNode(' ' + a.action + (a.detail ? ' · ' + a.detail : '')));
    var when = document.createElement('small');
    when.className = 'text-body-secondary text-nowrap ms-3';
    when.textContent = formatTime(a.at);
    li.appendChild(what);
    li.appendChild(when);
    return li;
  }

  function prependActivity(a) {
    var list = byId('recent-activity');
    if (!list || list.querySelector('[data-id="' + String(a.id) + '"]')) {
      return;
    }
    var empty = list.querySelector('[data-empty]');
    if (empty) {
      empty.remove();
    }
    var item = activityItem(a);
    item.classList.add('list-group-item-info');
    list.insertBefore(item, list.firstChild);
    while (list.children.length > RECENT_LIMIT) {
      list.removeChild(list.lastChild);
    }
  }

  function drawRecent(recent) {
    var list = byId('recent-activity');
    if (!list) {
      return;
    }
    var fresh = {};
    list.querySelectorAll('.list-group-item-info[data-id]').forEach(function (el) {
      fresh[el.getAttribute('data-id')] = true;
    });
    list.replaceChildren();
    (recent || []).forEach(function (a) {
      var item = activityItem(a);
      if (fresh[String(a.id)]) {
        item.classList.add('list-group-item-info');
      }
      list.appendChild(item);
    });
    if (!list.children.length) {
      var li = document.createElement('li');
      li.className = 'list-group-item text-body-secondary';
      li.setAttribute('data-empty', '');
      li.textContent = 'Nothing yet.';
      list.appendChild(li);
    }
  }

  function cell(text, cls) {
    var td = document.createElement('td');
    td.textContent = String(text);
    if (cls) {
      td.className = cls;
    }
    return td;
  }

  function drawPerformers(list) {
    var body = document.querySelector('#top-performers tbody');
    if (!body) {
      return;
    }
    body.replaceChildren();
    (list || []).forEach(function (p) {
      var tr = document.createElement('tr');
      tr.appendChild(cell(p.email));
      tr.appendChild(cell(p.vettings, 'text-end'));
      tr.appendChild(cell(p.decisions, 'text-end'));
      body.appendChild(tr);
    });
    if (!body.children.length) {
      var tr = document.createElement('tr');
      var td = cell('No vettings or decisions in this period.', 'text-body-secondary');
      td.colSpan = 3;
      tr.appendChild(td);
      body.appendChild(tr);
    }
  }

  function draw(f) {
    state.figures = f;
    drawHeadline(f.headline);
    drawCharts(f);
    drawRecent(f.recent_activity);
    drawPerformers(f.top_performers);
  }

  // ----- refreshing -----

  function refresh() {
    state.timer = null;
    window.Shortlist.fetch('/api/v1/dashboard?' + state.query, {
      headers: { Accept: 'application/json' }
    }).then(function (res) {
      if (!res.ok) {
        throw new Error('HTTP ' + res.status);
      }
      return res.json();
    }).then(function (f) {
      draw(f);
      // Figures computed before the newest event we saw are from the
      // server's short-lived cache: ask again once it has moved on. The
      // server refreshes costly figures at most every 5 s, so keep asking
      // for a little longer than that.
      if (f.version && f.version < state.lastEventID && state.retries < 5) {
        state.retries++;
        state.timer = window.setTimeout(refresh, RETRY_MS);
      } else {
        state.retries = 0;
      }
    }).catch(function (err) {
      console.error('shortlist: dashboard refresh failed', err);
    });
  }

  function scheduleRefresh() {
    if (!state.timer) {
      state.timer = window.setTimeout(refresh, DEBOUNCE_MS);
    }
  }

  function setLive(live) {
    var badge = byId('live-status');
    if (!badge) {
      return;
    }
    badge.textContent = live ? 'live' : 'reconnecting…';
    badge.className = 'badge ' + (live ? 'text-bg-success' : 'text-bg-warning');
  }

  // matches reports whether an activity row belongs in the feed of the
  // page's filter. Rows about a job's candidates cannot be told apart here,
  // so under a job filter the feed waits for the refreshed figures.
  function matches(a) {
    var f = state.figures || {};
    if (f.job_id) {
      return false;
    }
    return !f.user_id || a.actor_id === f.user_id;
  }

  function onEvent(type, data) {
    if (type === 'ready') {
      setLive(true);
      return;
    }
    if (data && data.id > state.lastEventID) {
      state.lastEventID = data.id;
    }
    if (type === 'activity' && matches(data)) {
      prependActivity(data);
    }
    scheduleRefresh();
  }

  function start() {
    var holder = byId('dashboard-data');
    if (!holder) {
      return;
    }
    state.query = holder.getAttribute('data-query') || '';
    try {
      draw(JSON.parse(holder.textContent));
    } catch (e) {
      console.error('shortlist: dashboard data unreadable', e);
    }
    state.lastEventID = state.figures ? state.figures.version || 0 : 0;
    window.Shortlist.subscribeEvents('/api/v1/events', onEvent, {
      events: ['ready', 'activity', 'tick'],
      onFallback: function () {
        setLive(false);
        refresh();
      }
    });
    window.Shortlist.dashboard = state;
  }

  // This file runs before app.js (both deferred, in document order), so it
  // waits for DOMContentLoaded, which comes after every deferred script.
  if (window.Shortlist && window.Shortlist.subscribeEvents) {
    start();
  } else {
    document.addEventListener('DOMContentLoaded', start);
  }
})();
